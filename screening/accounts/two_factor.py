"""Second factor for staff, with django-otp (authenticator app, recovery codes) and
django-otp-webauthn (passkeys).

Editors, supervisors and superusers sign in with their password, then a second factor; until
they have one, every page but the setup pages sends them to set one up. Frontline workers
may add one, and must when SCREENING_REQUIRE_2FA_FOR_WORKERS is on.
"""

import math
import secrets
import time
from base64 import b32encode
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.signals import user_login_failed
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.http import urlencode
from django_otp import user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.models import RecoveryCode

RECOVERY_CODE_COUNT = 10
# The session's own unconfirmed authenticator, and whether it may replace a confirmed one.
PENDING_DEVICE = "two_factor_pending_device"
REPLACING = "two_factor_replacing"
# Wrong codes in a row in this session, and when the last one came (seconds since the epoch).
FAILURES = "two_factor_failures"
FAILED_AT = "two_factor_failed_at"
# Recovery codes carry 48 random bits; 100 000 PBKDF2 rounds make a stolen table useless
# while a code is still checked in well under a second.
RECOVERY_HASHER = PBKDF2PasswordHasher()
RECOVERY_ITERATIONS = 100_000
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


def _recovery_digest(code: str, *, salt: str, iterations: int) -> str:
    # Dashes, spaces and case do not matter: "ABC123-def456" is "abc123def456".
    plain = "".join(ch for ch in code.lower() if ch.isalnum())
    return RECOVERY_HASHER.encode(plain, salt, iterations)


def new_recovery_codes(user: AbstractBaseUser) -> list[str]:
    """Replace the user's recovery codes with fresh ones; each works once. Only hashes are kept."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": "Recovery codes", "confirmed": True}
    )
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODE_COUNT)]
    # One salt per set: a code typed at the code step is hashed once, then compared with all.
    salt = RECOVERY_HASHER.salt()
    digests = [_recovery_digest(code, salt=salt, iterations=RECOVERY_ITERATIONS) for code in codes]
    with transaction.atomic():
        RecoveryCode.objects.filter(device__user=user).delete()
        StaticToken.objects.filter(device__user=user).delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(device=device, digest=digest) for digest in digests
        )
    return codes


def recovery_codes_left(user: AbstractBaseUser) -> int:
    return RecoveryCode.objects.filter(device__user=user, device__confirmed=True).count()


def use_recovery_code(user: AbstractBaseUser, code: str) -> StaticDevice | None:
    """Spend one of the user's recovery codes; None when it is wrong or already spent."""
    rows = RecoveryCode.objects.filter(device__user=user, device__confirmed=True)
    hashed: dict[tuple[str, str], str] = {}
    match = None
    for row in rows.select_related("device"):
        _algorithm, iterations, salt, _hash = row.digest.split("$", 3)
        if (iterations, salt) not in hashed:
            hashed[iterations, salt] = _recovery_digest(code, salt=salt, iterations=int(iterations))
        if constant_time_compare(hashed[iterations, salt], row.digest) and match is None:
            match = row
    if match is None:
        return None
    # One DELETE decides: of two requests with the same code, only one removes the row.
    deleted, _ = RecoveryCode.objects.filter(pk=match.pk).delete()
    if not deleted:
        return None
    StaticDevice.objects.filter(pk=match.device_id).update(last_used_at=timezone.now())
    return match.device


def use_totp_code(user: AbstractBaseUser, code: str) -> TOTPDevice | None:
    """Accept a code from one of the user's authenticator apps, once.

    django-otp's verify_token reads the device, checks the code against its last used time
    step and saves: two requests with the same code at the same moment both passed. Here
    the step is moved on with one conditional UPDATE (WHERE last_t < t), which only one of
    them can make."""
    try:
        token = int(code)
    except ValueError:
        return None
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        counter = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        counter.time = time.time()
        if not counter.verify(token, device.tolerance, device.last_t + 1):
            continue
        step = counter.t()
        updated = TOTPDevice.objects.filter(pk=device.pk, last_t__lt=step).update(
            last_t=step, drift=counter.drift, last_used_at=timezone.now()
        )
        if updated:
            return device
    return None


def check_code(user: AbstractBaseUser, code: str) -> object | None:
    """The device that accepts this code (6 digits: an app; else a recovery code), or None."""
    code = "".join(code.split())
    if code.isdigit() and len(code) <= 8:
        return use_totp_code(user, code)
    return use_recovery_code(user, code)


def wait_seconds(session: SessionBase, *, now: float | None = None) -> int:
    """How long this session must wait before its next code (0: it may try now).

    django-otp's rule (1, 2, 4, 8… seconds after each wrong code in a row, times
    OTP_TOTP_THROTTLE_FACTOR), counted per session rather than per device: someone with the
    password alone then slows only their own session, never the real user's."""
    failures = session.get(FAILURES, 0)
    if not failures:
        return 0
    delay = getattr(settings, "OTP_TOTP_THROTTLE_FACTOR", 1) * 2 ** (failures - 1)
    elapsed = (time.time() if now is None else now) - session.get(FAILED_AT, 0)
    return max(0, math.ceil(delay - elapsed))


def note_wrong_code(request: HttpRequest) -> None:
    """Count a wrong code against this session, and against the sign-in from this address.

    The second lets django-axes lock the username at this address after AXES_FAILURE_LIMIT
    wrong codes, as for wrong passwords: a fresh session, made with the password to escape
    the wait, is refused there for the cool-off, and the real user elsewhere is not."""
    request.session[FAILURES] = request.session.get(FAILURES, 0) + 1
    request.session[FAILED_AT] = time.time()
    user_login_failed.send(
        sender=__name__, credentials={"username": request.user.get_username()}, request=request
    )
    # The lock is for the next sign-in; this page keeps saying how long this session waits.
    request.axes_locked_out = False


def forget_wrong_codes(request: HttpRequest) -> None:
    request.session.pop(FAILURES, None)
    request.session.pop(FAILED_AT, None)
