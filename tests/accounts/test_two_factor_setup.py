"""Setting up a second factor: a key is shown only to the session that confirms it, once."""

import re

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from tests.conftest import PASSWORD, sign_in

LOGIN = reverse("login")
SETUP = reverse("two_factor:setup")
VERIFY = reverse("two_factor:verify")
QR = reverse("two_factor:qr")


def password_session(user) -> Client:
    client = Client()
    response = client.post(LOGIN, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def key_on_page(client) -> str:
    html = client.get(SETUP).content.decode()
    match = re.search(r'<code class="secret">([A-Z2-7]+)</code>', html)
    return match.group(1) if match else ""


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key):06d}"


def test_another_session_gets_a_new_key_and_the_first_one_can_no_longer_be_confirmed(editor):
    attacker = password_session(editor)
    attacker_key = key_on_page(attacker)
    attacker_device = TOTPDevice.objects.get(user=editor, confirmed=False)
    staff = password_session(editor)
    staff_key = key_on_page(staff)
    assert staff_key and staff_key != attacker_key
    # The key the first session read is gone: it cannot be confirmed or used later.
    assert not TOTPDevice.objects.filter(pk=attacker_device.pk).exists()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert attacker.post(SETUP, {"code": code_for(attacker_device)}).status_code == 302
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert TOTPDevice.objects.get(user=editor, confirmed=False) == device  # not replaced by a POST
    assert staff.post(SETUP, {"code": code_for(device)}).status_code == 302
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).count() == 1
    # The first session is now sent to the code step, with no key to read.
    assert attacker.get(SETUP)["Location"].startswith(VERIFY)
    assert attacker.get(QR).status_code == 404
    assert attacker.get("/admin/").status_code == 302


def test_the_qr_code_is_only_for_the_session_setting_up(editor):
    first = password_session(editor)
    key_on_page(first)
    assert first.get(QR).status_code == 200
    second = password_session(editor)
    assert second.get(QR).status_code == 404  # no key of its own yet, and none of another's
    key_on_page(second)
    assert second.get(QR).status_code == 200
    assert first.get(QR).status_code == 404


def test_a_confirmed_key_is_never_shown_again(editor):
    client = password_session(editor)
    key = key_on_page(client)
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    client.post(SETUP, {"code": code_for(device)})
    html = client.get(SETUP).content.decode()
    assert key not in html and 'class="secret"' not in html
    assert client.get(QR).status_code == 404


def test_replacing_a_confirmed_authenticator_takes_the_password_again(editor):
    client = Client()
    sign_in(client, editor)
    old = TOTPDevice.objects.get(user=editor, confirmed=True)
    wrong = client.post(SETUP, {"password": "not-the-password-at-all"})
    assert wrong.status_code == 400
    assert 'class="secret"' not in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=False).exists()
    assert client.post(SETUP, {"password": PASSWORD}).status_code == 302
    assert key_on_page(client)
    new = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert client.post(SETUP, {"code": code_for(new)}).status_code == 302
    assert list(TOTPDevice.objects.filter(user=editor)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()


def superuser_client() -> Client:
    client = Client()
    sign_in(client, User.objects.create_superuser("root", password=PASSWORD))
    return client


def test_the_admin_never_shows_a_key_or_lets_anyone_make_a_device(editor):
    admin = superuser_client()
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    pages = [
        admin.get(reverse("admin:otp_totp_totpdevice_changelist")),
        admin.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk])),
    ]
    for page in pages:
        assert page.status_code == 200
        html = page.content.decode()
        assert device.key not in html
        assert "qrcode" not in html.lower()
    assert admin.get(f"/admin/otp_totp/totpdevice/{device.pk}/config/").status_code in (302, 404)
    assert admin.get(reverse("admin:otp_totp_totpdevice_add")).status_code == 403
    assert admin.get(reverse("admin:otp_static_staticdevice_add")).status_code == 403


def test_the_admin_never_shows_recovery_codes(editor):
    client = Client()
    sign_in(client, editor)
    client.post(reverse("two_factor:recovery_codes"))
    codes = re.findall(
        r"<li><code>([^<]+)</code>",
        client.get(reverse("two_factor:recovery_codes")).content.decode(),
    )
    device = StaticDevice.objects.get(user=editor)
    html = (
        superuser_client()
        .get(reverse("admin:otp_static_staticdevice_change", args=[device.pk]))
        .content.decode()
    )
    assert codes and not [code for code in codes if code in html]


def test_staff_land_on_the_second_step_right_after_the_password(editor, worker):
    response = Client().post(LOGIN, {"username": editor.username, "password": PASSWORD})
    assert response["Location"] == f"{SETUP}?next=%2F"
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    response = Client().post(
        f"{LOGIN}?next=/admin/", {"username": editor.username, "password": PASSWORD}
    )
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    # Frontline workers, who need no second step, go where they were going.
    response = Client().post(LOGIN, {"username": worker.username, "password": PASSWORD})
    assert response["Location"] == "/"


def test_a_superuser_can_disable_or_delete_a_users_passkey_in_the_admin(editor):
    passkey = WebAuthnCredential.objects.create(
        user=editor,
        name="laptop",
        confirmed=True,
        credential_id=b"credential-1",
        public_key=b"key",
        sign_count=0,
    )
    admin = superuser_client()
    assert (
        admin.get(reverse("admin:django_otp_webauthn_webauthncredential_changelist")).status_code
        == 200
    )
    change = reverse("admin:django_otp_webauthn_webauthncredential_change", args=[passkey.pk])
    assert admin.post(change, {"confirmed": ""}).status_code == 302
    passkey.refresh_from_db()
    assert not passkey.confirmed
    delete = reverse("admin:django_otp_webauthn_webauthncredential_delete", args=[passkey.pk])
    assert admin.post(delete, {"post": "yes"}).status_code == 302
    assert not WebAuthnCredential.objects.exists()
