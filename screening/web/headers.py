"""Response headers that Django's SecurityMiddleware does not set.

SecurityHeadersMiddleware is placed right after SecurityMiddleware, before WhiteNoise, so
static files get its headers too; ContentSecurityPolicyMiddleware stands where django-csp's
own would.
"""

import functools
from collections.abc import Callable

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponse

# Pages that show answers, accounts, usage figures or sign-in codes: never stored anywhere.
NO_STORE_PREFIXES = ("/admin/", "/dashboard/", "/accounts/", "/checklist/")


def cache_control_for(path: str, *, status: int) -> str:
    """The Cache-Control header for a response that did not choose one itself."""
    if status >= 500 or path.startswith(NO_STORE_PREFIXES):
        return "no-store"
    # Public pages (/, /guidance/, /contacts/) may be kept, by the browser only, and must be
    # checked with the server before each use (the offline copy is the service worker's).
    return "private, no-cache"


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        if "Cache-Control" not in response:
            response["Cache-Control"] = cache_control_for(
                request.path_info, status=response.status_code
            )
        return response


# What a view or decorator sets on a response to have a policy of its own (django-csp).
OWN_POLICY = tuple(
    f"_csp_{part}{suffix}"
    for part in ("exempt", "config", "update", "replace")
    for suffix in ("", "_ro")
)
POLICY_SETTINGS = ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")


@functools.cache
def site_policy() -> tuple[tuple[str, str], ...] | None:
    """The two policy headers every page gets, built from the settings; None when a setting
    excludes paths (django-csp then decides per request)."""
    if any(
        (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES")
        for name in POLICY_SETTINGS
    ):
        return None
    return ((HEADER, build_policy()), (HEADER_REPORT_ONLY, build_policy(report_only=True)))


def _forget_site_policy(*, setting: str, **kwargs) -> None:
    if setting in POLICY_SETTINGS:
        site_policy.cache_clear()


setting_changed.connect(_forget_site_policy, dispatch_uid="screening-site-policy")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the site's policy built once instead of per response.

    No page here uses a nonce or a policy of its own, so every response gets the same
    headers, which django-csp built afresh each time (about 40 µs a response). A request
    that used its nonce, a response with a policy of its own, DEBUG, or excluded paths go
    through django-csp's own code, as before.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        headers = site_policy()
        if (
            headers is None
            or settings.DEBUG
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in OWN_POLICY)
        ):
            return super().process_response(request, response)
        for name, value in headers:
            if value and name not in response:
                response[name] = value
        # As django-csp: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
