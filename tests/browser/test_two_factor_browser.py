"""The second sign-in step in Chromium: accessible, and usable with the keyboard."""

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.accounts import roles
from tests.conftest import make_user

pytestmark = pytest.mark.browser


@pytest.fixture
def editor_user(db):
    Group.objects.get_or_create(name=roles.EDITORS)
    return make_user("browser-editor", roles.EDITORS, is_staff=True)


def sign_in_with_password(live_server, page, user, password) -> None:
    page.goto(f"{live_server.url}/accounts/login/?next=/admin/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def test_setting_up_the_authenticator_app_works_and_is_accessible(
    live_server, page, editor_user, password, axe_violations
):
    console = []
    page.on("console", lambda message: console.append(message.text))
    sign_in_with_password(live_server, page, editor_user, password)
    assert "/accounts/two-factor/" in page.url  # the admin is out of reach
    # The passkey script (django-otp-webauthn, a static file) runs under the CSP.
    page.wait_for_selector("#passkey-register-button, #passkey-registration-placeholder p")
    assert not [text for text in console if "Content Security Policy" in text], console
    assert page.locator("img.qr").evaluate("img => img.naturalWidth") > 0
    assert axe_violations(page) == []
    device = TOTPDevice.objects.get(user=editor_user, confirmed=False)
    page.fill("#id_code", f"{totp(device.bin_key):06d}")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recovery-codes/**")
    assert page.locator("ul.recovery-codes li").count() == 10
    assert axe_violations(page) == []
    page.click("text=Continue")
    page.wait_for_url("**/admin/")


def test_the_code_page_is_accessible_and_shows_errors(
    live_server, page, editor_user, password, axe_violations
):
    TOTPDevice.objects.create(user=editor_user, name="phone", confirmed=True)
    sign_in_with_password(live_server, page, editor_user, password)
    assert "/accounts/two-factor/verify/" in page.url
    page.fill("#id_code", "not-a-code")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "did not match" in page.locator("main").inner_text()
    assert axe_violations(page) == []


@pytest.mark.parametrize(("host", "offered"), [("127.0.0.1", False), ("localhost", True)])
def test_the_passkey_button_shows_only_where_the_browser_can_use_it(
    live_server, chromium, editor_user, password, settings, host, offered
):
    # WebAuthn needs a domain name: at an IP address the button could only fail.
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    TOTPDevice.objects.create(user=editor_user, name="phone", confirmed=True)
    context = chromium.new_context(service_workers="block")
    page = context.new_page()
    origin = live_server.url.replace("localhost", host)
    page.goto(f"{origin}/accounts/login/?next=/admin/")
    page.fill("#id_username", editor_user.username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "/accounts/two-factor/verify/" in page.url
    page.wait_for_selector("#passkey-verification-placeholder", state="detached")
    assert page.locator("#passkey-verification-button").count() == (1 if offered else 0)
    context.close()
