"""Second factor: staff cannot reach the admin or the dashboard with a password alone."""

import re
import time

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import sign_in

LOGIN = reverse("login")
SETUP = reverse("two_factor:setup")
VERIFY = reverse("two_factor:verify")
DASHBOARD = reverse("screening:dashboard")


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key):06d}"


def sign_in_with_password(client, user, password) -> None:
    response = client.post(LOGIN, {"username": user.username, "password": password})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.parametrize(
    ("role", "url"), [("editor", "/admin/"), ("supervisor", DASHBOARD), ("editor", DASHBOARD)]
)
def test_password_alone_sends_staff_to_set_up_a_second_factor(
    client, db, role, url, password, request, settings
):
    settings.DEBUG = True  # on in every mode
    sign_in_with_password(client, request.getfixturevalue(role), password)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next={url.replace('/', '%2F')}"


def test_a_superuser_with_password_alone_cannot_open_the_admin(client, db):
    User.objects.create_superuser("root", password="a-long-test-password-42")
    sign_in_with_password(client, User.objects.get(), "a-long-test-password-42")
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/auth/user/").status_code == 302


def test_staff_with_a_device_are_asked_for_a_code_then_let_in(client, editor, password):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    sign_in_with_password(client, editor, password)
    response = client.get("/admin/")
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    wrong = client.post(VERIFY, {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert wrong.status_code == 400
    assert "That code did not match" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    # Straight after a wrong code this session's codes are refused for a second (django-otp's
    # rule, counted per session).
    session = client.session
    session["two_factor_failed_at"] = time.time() + 60  # "straight after", on a slow machine
    session.save()
    again = client.post(VERIFY, {"code": code_for(device)})
    assert "Too many wrong codes" in again.content.decode()
    session["two_factor_failed_at"] = time.time() - 5
    session.save()
    right = client.post(VERIFY, {"code": code_for(device), "next": "/admin/"})
    assert right.status_code == 302
    assert right["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_setting_up_an_authenticator_app_gives_recovery_codes(client, supervisor, password):
    sign_in_with_password(client, supervisor, password)
    page = client.get(SETUP, {"next": DASHBOARD})
    html = page.content.decode()
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=supervisor, confirmed=False)
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', html).group(1)
    assert secret  # the key a person types into the app
    assert client.get(reverse("two_factor:qr"))["Content-Type"] == "image/svg+xml"
    response = client.post(SETUP, {"code": code_for(device), "next": DASHBOARD})
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = re.findall(
        r"<li><code>([0-9a-f]{6}-[0-9a-f]{6})</code></li>", codes_page.content.decode()
    )
    assert len(codes) == 10
    # Shown once only.
    assert "<li><code>" not in client.get(response["Location"]).content.decode()
    assert client.get(DASHBOARD).status_code == 200


def test_a_recovery_code_works_once(client, editor, password):
    sign_in(client, editor)  # with an authenticator app
    page = client.get(client.post(reverse("two_factor:recovery_codes"))["Location"])
    code = re.findall(r"<li><code>([^<]+)</code>", page.content.decode())[0]
    client.logout()
    sign_in_with_password(client, editor, password)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    sign_in_with_password(client, editor, password)
    assert client.post(VERIFY, {"code": code}).status_code == 400


def test_frontline_workers_need_no_second_factor_unless_the_setting_says(
    client, worker, password, settings
):
    checklist = reverse("screening:checklist")
    sign_in_with_password(client, worker, password)
    assert client.get(checklist).status_code == 200
    settings.SCREENING_REQUIRE_2FA_FOR_WORKERS = True
    response = client.get(checklist)
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)


def test_the_second_factor_pages_have_no_inline_script_or_style(client, editor, password):
    sign_in_with_password(client, editor, password)
    for url in (SETUP, VERIFY):
        html = client.get(url).content.decode()
        if url == VERIFY:
            TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
            html = client.get(url).content.decode()
        for tag in re.findall(r"<script[^>]*>", html):
            assert 'src="' in tag or 'type="application/json"' in tag, tag
        assert "style=" not in html
        assert 'for="id_code"' in html and 'autocomplete="one-time-code"' in html


def test_seed_demo_gives_each_staff_account_an_authenticator_key(settings, db, capsys, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PASSWORD", "demo-password-for-tests")
    call_command("seed_demo")
    out = capsys.readouterr().out
    for username in ("supervisor", "editor", "admin"):
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        assert f"{username}: authenticator key" in out
        assert device.config_url in out
    assert not TOTPDevice.objects.filter(user__username="worker").exists()


def test_the_csv_export_itself_needs_the_second_factor(client, supervisor, password):
    export = reverse("screening:dashboard_export")
    sign_in_with_password(client, supervisor, password)
    response = client.get(export)
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    TOTPDevice.objects.create(user=supervisor, name="phone", confirmed=True)
    response = client.get(export)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
