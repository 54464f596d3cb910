"""Sign-in and second-factor pages; see two_factor.py for who needs a second factor."""

import io
import math

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.accounts import two_factor
from screening.accounts.language import with_account_language

FRESH_CODES = "two_factor_fresh_codes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The 6 digits your authenticator app shows now."),
        # Phones show the number pad and offer a code from a text message or the app.
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autocapitalize": "off"}
        ),
    )


class RecoveryCodeForm(forms.Form):
    """Recovery codes hold letters, so they get a field of their own with a full keyboard."""

    recovery_code = forms.CharField(
        label=_("Recovery code"),
        max_length=32,
        help_text=_("One of the codes you kept when you set up the app, such as 1a2b3c-4d5e6f."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


def _wait_message(seconds: int) -> str:
    if seconds <= 90:
        return ngettext(
            "Too many wrong codes. Wait %(count)d second, then try again.",
            "Too many wrong codes. Wait %(count)d seconds, then try again.",
            seconds,
        ) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext(
        "Too many wrong codes. Wait %(count)d minute, then try again.",
        "Too many wrong codes. Wait %(count)d minutes, then try again.",
        minutes,
    ) % {"count": minutes}


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


class PasswordForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


@never_cache
@login_required
def setup(request: HttpRequest) -> HttpResponse:
    """First set-up of an authenticator app; once verified, the page to add passkeys."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        return redirect(f"{reverse('two_factor:verify')}?{request.GET.urlencode()}")
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    replacing = confirmed and request.session.get(two_factor.REPLACING, False)
    form = CodeForm(request.POST or None)
    password_form = PasswordForm()
    if confirmed and not replacing and request.method == "POST":
        # Replacing a confirmed authenticator takes the password again, not only the session.
        password_form = PasswordForm(request.POST)
        form = CodeForm()
        if password_form.is_valid():
            if user.check_password(password_form.cleaned_data["password"]):
                request.session[two_factor.REPLACING] = True
                return redirect(f"{request.path}?{urlencode({'next': _next_url(request)})}")
            password_form.add_error("password", _("That is not your password."))
    device = None
    if not confirmed or replacing:
        device = two_factor.pending_totp_device(request, create=request.method != "POST")
        if device is None:  # another session's key replaced this one's: show a new one
            return redirect(f"{request.path}?{urlencode({'next': _next_url(request)})}")
    if device is not None and request.method == "POST" and form.is_valid():
        code = "".join(form.cleaned_data["code"].split())
        if two_factor.confirm_totp_device(request, device, code):
            otp_login(request, device)
            request.session.pop(two_factor.REPLACING, None)
            if not replacing:
                request.session[FRESH_CODES] = two_factor.new_recovery_codes(user)
            query = urlencode({"next": _next_url(request)})
            return redirect(f"{reverse('two_factor:recovery_codes')}?{query}")
        if user_has_device(user) and not user.is_verified():
            # Another session confirmed an authenticator first: this one must use it.
            return redirect(f"{reverse('two_factor:verify')}?{request.GET.urlencode()}")
        form.add_error("code", _("That code did not match. Check the time on your phone."))
    errors = form.errors or password_form.errors
    return render(
        request,
        "registration/two_factor_setup.html",
        {
            "form": form,
            "password_form": password_form,
            "device": device,
            "replacing": replacing,
            "secret": two_factor.totp_secret(device) if device else "",
            "required": two_factor.second_factor_required(user),
            "codes_left": two_factor.recovery_codes_left(user),
            "next": _next_url(request),
        },
        status=400 if errors else 200,
    )


@never_cache
@login_required
def setup_qr(request: HttpRequest) -> HttpResponse:
    """This session's pending authenticator key as a QR code (SVG), for the set-up page."""
    device = two_factor.pending_totp_device(request, create=False)
    if device is None:
        raise Http404("No authenticator is being set up in this session.")
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


@never_cache
@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the app, a recovery code or a passkey."""
    if not user_has_device(request.user):
        return redirect(f"{reverse('two_factor:setup')}?{request.GET.urlencode()}")
    data = request.POST if request.method == "POST" else None
    with_recovery = data is not None and "recovery_code" in data
    form = CodeForm(None if with_recovery else data)
    recovery_form = RecoveryCodeForm(data if with_recovery else None)
    sent, field = (recovery_form, "recovery_code") if with_recovery else (form, "code")
    if data is not None and sent.is_valid():
        wait = two_factor.wait_seconds(request.session)
        device = None if wait else two_factor.check_code(request.user, sent.cleaned_data[field])
        if device is not None:
            two_factor.forget_wrong_codes(request)
            otp_login(request, device)
            return redirect(_next_url(request))
        if wait:
            sent.add_error(field, _wait_message(wait))
        else:
            two_factor.note_wrong_code(request)
            if with_recovery:
                sent.add_error(field, _("That recovery code did not match, or it was used before."))
            else:
                sent.add_error(field, _("That code did not match. Check the time on your phone."))
    return render(
        request,
        "registration/two_factor_verify.html",
        {"form": form, "recovery_form": recovery_form, "next": _next_url(request)},
        status=400 if sent.errors else 200,
    )


@never_cache
@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Shows fresh recovery codes once (GET); makes new ones (POST, after verification)."""
    if not request.user.is_verified():
        return redirect(f"{reverse('two_factor:verify')}?next={request.path}")
    if request.method == "POST":
        request.session[FRESH_CODES] = two_factor.new_recovery_codes(request.user)
        return redirect(request.path)
    return render(
        request,
        "registration/two_factor_codes.html",
        {
            "codes": request.session.pop(FRESH_CODES, []),
            "codes_left": two_factor.recovery_codes_left(request.user),
            "next": _next_url(request),
        },
    )


class LoginView(auth_views.LoginView):
    """Sign-in; those who must pass a second step go straight to it, then where they asked."""

    def get_success_url(self) -> str:
        url = super().get_success_url()
        user = self.request.user
        if not two_factor.second_factor_required(user):  # a fresh sign-in has passed no step
            return url
        step = "verify" if user_has_device(user) else "setup"
        return f"{reverse(f'two_factor:{step}')}?{urlencode({'next': url})}"


# The sign-in page, in the language the account chose last.
login_view = with_account_language(LoginView.as_view())
