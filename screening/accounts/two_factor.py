"""Second factor for staff, with django-otp (authenticator app, recovery codes) and
django-otp-webauthn (passkeys).

Editors, supervisors and superusers sign in with their password, then a second factor; until
they have one, every page but the setup pages sends them to set one up. Frontline workers
may add one, and must when SCREENING_REQUIRE_2FA_FOR_WORKERS is on.
"""

import secrets
from base64 import b32encode
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
# The session's own unconfirmed authenticator, and whether it may replace a confirmed one.
PENDING_DEVICE = "two_factor_pending_device"
REPLACING = "two_factor_replacing"
# Reachable with a password alone: what it takes to set up or use the second factor.
OPEN_PREFIXES = (
    "/accounts/two-factor/",
    "/accounts/webauthn/",
    "/accounts/login/",
    "/accounts/logout/",
    "/static/",
    "/i18n/",
    "/healthz",
)
# Supervisors are asked for the second factor before these; staff before every page.
SUPERVISOR_PREFIXES = ("/dashboard/",)


def needs_second_factor(user: AbstractBaseUser, *, path: str) -> bool:
    """Whether this signed-in user must have passed a second factor to open this path."""
    if user.is_superuser or user.is_staff or settings.SCREENING_REQUIRE_2FA_FOR_WORKERS:
        return True
    # Checked only where the dashboard checks the permission anyway (no extra query).
    return path.startswith(SUPERVISOR_PREFIXES) and user.has_perm("screening.view_dashboard")


def second_factor_required(user: AbstractBaseUser) -> bool:
    """Whether the set-up page tells this user the second factor is required (any page)."""
    return (
        user.is_superuser
        or user.is_staff
        or user.has_perm("screening.view_dashboard")
        or settings.SCREENING_REQUIRE_2FA_FOR_WORKERS
    )


class RequireSecondFactorMiddleware:
    """After django_otp's OTPMiddleware: a password alone opens only the setup pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        path = request.path_info
        if (
            user.is_authenticated
            and not path.startswith(OPEN_PREFIXES)
            and not user.is_verified()
            and needs_second_factor(user, path=path)
        ):
            step = "verify" if user_has_device(user) else "setup"
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse(f'two_factor:{step}')}?{query}")
        return self.get_response(request)


def pending_totp_device(request: HttpRequest, *, create: bool = True) -> TOTPDevice | None:
    """The unconfirmed authenticator this session is setting up, made on first use.

    A key is shown only to the session that will confirm it: another session gets a new key,
    and the unconfirmed one it replaces can no longer be confirmed."""
    user = request.user
    pk = request.session.get(PENDING_DEVICE)
    device = TOTPDevice.objects.filter(pk=pk, user=user, confirmed=False).first() if pk else None
    if device is None and create:
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
        request.session[PENDING_DEVICE] = device.pk
    return device


def confirm_totp_device(request: HttpRequest, device: TOTPDevice, code: str) -> bool:
    """Confirm this session's pending authenticator with a code from it.

    Refused when another session confirmed a device first and this one has not used it: a
    password alone then no longer adds a second factor. On a replacement (a verified session
    whose owner typed the password again), the old authenticator apps go."""
    user = request.user
    with transaction.atomic():
        # One confirmation at a time per account.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        if user_has_device(user) and not user.is_verified():
            return False
        if not device.verify_token(code):
            return False
        if request.session.get(REPLACING):
            TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
        confirmed = TOTPDevice.objects.filter(pk=device.pk, confirmed=False).update(confirmed=True)
    request.session.pop(PENDING_DEVICE, None)
    device.confirmed = True
    return confirmed == 1


def totp_secret(device: TOTPDevice) -> str:
    """The key as people type it into an authenticator app (base32)."""
    return b32encode(device.bin_key).decode()


def new_recovery_codes(user: AbstractBaseUser) -> list[str]:
    """Replace the user's recovery codes with fresh ones; each works once."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": "Recovery codes", "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def check_code(user: AbstractBaseUser, code: str) -> tuple[object | None, bool]:
    """Try a code on the user's authenticator apps, then recovery codes.

    Returns (device that accepted it or None, whether every device is throttled after
    too many wrong codes)."""
    code = "".join(code.split()).lower()
    devices = [
        *TOTPDevice.objects.filter(user=user, confirmed=True),
        *StaticDevice.objects.filter(user=user, confirmed=True),
    ]
    allowed = [device for device in devices if device.verify_is_allowed()[0]]
    for device in allowed:
        if device.verify_token(code):
            return device, False
    return None, bool(devices) and not allowed
