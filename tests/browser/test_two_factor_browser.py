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
