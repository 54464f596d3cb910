"""A passkey as an editor's second sign-in step, end to end in Chromium.

Chromium's DevTools protocol gives the page a virtual authenticator (a passkey store with
user verification that always answers yes), so the real set-up and verify pages, the
django-otp-webauthn scripts and its endpoints all run as they would with a phone or a
security key.
"""

import pytest
from django.contrib.auth.models import Group
from django_otp_webauthn.models import WebAuthnCredential

from screening.accounts import roles
from tests.conftest import make_user

pytestmark = pytest.mark.browser

# A platform authenticator that keeps passkeys and verifies its user (as a fingerprint
# reader would), answering every request on its own.
VIRTUAL_AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
}


@pytest.fixture
def editor_user(db):
    Group.objects.get_or_create(name=roles.EDITORS)
    return make_user("passkey-editor", roles.EDITORS, is_staff=True)


@pytest.fixture
def passkey_origin(settings, live_server):
    """WebAuthn accepts http only on localhost; the live server is http://localhost:PORT."""
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    return live_server.url


def add_virtual_authenticator(page) -> str:
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": VIRTUAL_AUTHENTICATOR})
    return added["authenticatorId"]


def sign_in_with_password(page, origin, user, password) -> None:
    page.goto(f"{origin}/accounts/login/?next=/admin/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def test_an_editor_registers_a_passkey_then_signs_in_with_it_to_reach_the_admin(
    passkey_origin, page, editor_user, password
):
    assert passkey_origin.startswith("http://localhost:")
    add_virtual_authenticator(page)

    # First sign-in: the password alone leads to the set-up page, not the admin.
    sign_in_with_password(page, passkey_origin, editor_user, password)
    assert "/accounts/two-factor/" in page.url
    assert "/verify/" not in page.url
    page.click("#passkey-register-button")
    status = page.locator("#passkey-register-status-message")
    page.wait_for_function(
        "() => document.querySelector('#passkey-register-status-message').textContent.trim()"
    )
    credentials = WebAuthnCredential.objects.filter(user=editor_user)
    assert credentials.count() == 1, status.inner_text()
    credential = credentials.get()
    assert credential.confirmed
    assert credential.last_used_at is None

    # Sign out through the page's own button.
    page.locator("header summary").click()  # Sign out is in the header's menu
    with page.expect_navigation():
        page.click("nav form[action$='/logout/'] button[type=submit]")
    page.goto(f"{passkey_origin}/admin/")
    assert page.url.startswith(f"{passkey_origin}/admin/login/"), page.url

    # Second sign-in: now the password leads to the verify page, and the passkey opens the admin.
    sign_in_with_password(page, passkey_origin, editor_user, password)
    assert "/accounts/two-factor/verify/" in page.url
    # The script sends the browser on to the page the sign-in was for (the form's "next"),
    # not to the language form's "next", which is this very page.
    with page.expect_navigation(url=f"{passkey_origin}/admin/") as navigation:
        page.click("#passkey-verification-button")
    assert navigation.value.status == 200
    # The admin index itself (its body has the class "dashboard"), not a login or verify page.
    assert page.locator("body.dashboard #content-main").is_visible()
    assert page.locator("#site-name").is_visible()
    credential.refresh_from_db()
    assert credential.last_used_at is not None
