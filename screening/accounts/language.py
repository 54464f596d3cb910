"""The worker's language: the browser's Accept-Language until they choose, then their choice.

A choice made with the switcher is kept in Django's language cookie and, for a signed-in
user, on their account (AccountPreference.language), so signing in on another phone brings it
back. Django's LocaleMiddleware reads the cookie before Accept-Language.
"""

import functools

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views import i18n
from django.views.decorators.http import require_POST

from screening.models import AccountPreference

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def set_language_cookie(response: HttpResponse, language: str) -> None:
    # The cookie's security attributes come from the LANGUAGE_COOKIE_* settings.
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language, and the choice kept on the signed-in user's account."""
    response = i18n.set_language(request)
    language = request.POST.get("language", "")
    if language in LANGUAGE_CODES and request.user.is_authenticated:
        AccountPreference.objects.update_or_create(
            user=request.user, defaults={"language": language}
        )
    return response


def with_account_language(login_view):
    """After a successful sign-in, switch to the language kept on the account, if any."""

    @functools.wraps(login_view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = login_view(request, *args, **kwargs)
        if request.method == "POST" and request.user.is_authenticated:
            language = (
                AccountPreference.objects.filter(user=request.user)
                .values_list("language", flat=True)
                .first()
            )
            if language in LANGUAGE_CODES:
                translation.activate(language)
                set_language_cookie(response, language)
        return response

    return wrapper
