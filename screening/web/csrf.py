"""The CSRF cookie sent only when its value changes, beside Django's CSRF middleware.

Django sends the cookie again on every response whose page holds a CSRF token, with the
value the browser already has, to renew its expiry. So a response that was already on its
way when the worker signed in put back the secret that signing in had just replaced: the
offline script saves pages in the background as soon as a page registers it, and the
sign-in page does that. The page shown after signing in held a token for the new secret, the
cookie the old one again, and the next form sent from it was refused (403): seen in a
browser as the first language switch after signing in failing about one time in three.

Here a response carries the cookie only when the secret is new: the first visit, a sign-in
(Django rotates it), a malformed or old-style cookie replaced. A response can then no longer
undo a newer secret. Cookies sent by Django's `csrf_protect` decorator (the sign-in view)
are held back the same way. What is given up: the cookie's expiry (a year) is no longer
renewed by every page, only by each sign-in, which a 12-hour session limit makes daily.
"""

from django.conf import settings


class CsrfCookieOnlyWhenChangedMiddleware:
    """Placed right after Django's CsrfViewMiddleware, so that its response step runs first."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.CSRF_USE_SESSIONS:
            return response
        name = settings.CSRF_COOKIE_NAME
        held = request.COOKIES.get(name)
        if held is None:
            return response
        if request.META.get("CSRF_COOKIE") == held:
            # The browser has this secret: Django's middleware need not send it again.
            request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
        sent = response.cookies.get(name)
        if sent is not None and sent.value == held:
            del response.cookies[name]  # sent by csrf_protect (the sign-in view), unchanged
        return response
