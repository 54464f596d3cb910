"""Response headers that Django's SecurityMiddleware does not set.

Placed right after SecurityMiddleware, before WhiteNoise, so static files get them too.
"""

from collections.abc import Callable

from django.conf import settings
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
