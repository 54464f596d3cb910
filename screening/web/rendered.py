"""Rendered pages, cached per content version, language, region and kind of viewer.

The frontline pages are the same for every worker until an editor changes something: only
the CSRF token, the one-time submission token and the page's own address (the language
form's "next") differ from one request to the next. So a page is rendered once with a
placeholder for each of those, kept in this process's "pages" cache (settings.CACHES), and
every request fills in its own.

What is never cached: a rejected form (answers and errors), a page with a message waiting
for the worker, and a region being chosen (?region=, remembered and then rendered whole).
"""

import functools
import re
from collections.abc import Callable

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.crypto import salted_hmac
from django.utils.functional import SimpleLazyObject
from django.utils.html import escape
from django.utils.translation import get_language

from screening.models import current_content_version
from screening.web.compression import SplitPage
from screening.web.context_processors import can_view_dashboard_cached

# A day: a key is never stale (the version is in it), this only frees memory in time.
TIMEOUT = 24 * 3600
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def placeholder(name: str) -> str:
    # Derived from SECRET_KEY, so every app server uses the same one, and an editor
    # cannot type it into content to have a token put where they choose.
    return _placeholder(name, settings.SECRET_KEY)


@functools.lru_cache(maxsize=64)
def _placeholder(name: str, secret: str) -> str:
    return "rr-" + salted_hmac("screening.rendered.placeholder", name, secret=secret).hexdigest()


def request_content_version(request) -> int:
    """The content version, read from the database once per request.

    When this request read its session from the database, the version came with it in the
    same query (screening/session_backends); otherwise it is one query of its own.
    """
    if not hasattr(request, "_content_version"):
        session = getattr(request, "session", None)
        if session is not None:
            session.keys()  # loads it, as every signed-in request does anyway
        version = getattr(session, "content_version", None)
        request._content_version = current_content_version() if version is None else version
    return request._content_version


def cached_content(request, name: str, load):
    """Content read by load() on a miss, kept like rendered pages (the version is in the key)."""
    key = f"content:{name}:{request_content_version(request)}:{get_language()}"
    value = caches["pages"].get(key)
    if value is None:
        value = load()
        caches["pages"].set(key, value, TIMEOUT)
    return value


def cached_regions(request, load):
    """The active regions (load() on a miss), cached like rendered content."""
    return cached_content(request, "regions", load)


def lazy_list(load) -> SimpleLazyObject:
    """A list read only if a template uses it: a cached page or fragment does not."""
    return SimpleLazyObject(lambda: list(load()))


def viewer(request: HttpRequest) -> tuple[str, bool]:
    """What the page's menu depends on (signed in or not, staff, may see the dashboard), as
    part of a key, and whether the Dashboard link shows: asked once, so that a page is never
    rendered with another answer than the one its key holds."""
    user = request.user
    if not user.is_authenticated:
        return "anonymous", False
    dashboard = can_view_dashboard_cached(user)
    return f"user-{int(user.is_staff)}{int(dashboard)}", dashboard


def cached_page(
    request: HttpRequest,
    template: str,
    *,
    page: str,
    vary: tuple[str, ...] = (),
    context: Callable[[dict[str, str]], dict],
    tokens: dict[str, str] | None = None,
    timeout: int = TIMEOUT,
) -> HttpResponse:
    """The page, rendered once per key and filled in with this request's own values.

    context(marks) builds the template context on a miss; marks maps each name in tokens to
    its placeholder, for the view to put where the value goes (a form's initial, say).
    Everything the template shows must follow from the content version, the language, the
    viewer and vary, or from the per-request values filled in here.
    """
    tokens = tokens or {}
    marks = {name: placeholder(name) for name in tokens}
    if len(get_messages(request)):
        # A message is shown once, to this worker: render the page whole, uncached.
        return HttpResponse(render_to_string(template, context(tokens), request=request))
    kind, dashboard = viewer(request)
    key = ":".join(
        [
            "page",
            page,
            str(request_content_version(request)),
            get_language(),
            kind,
            "open" if settings.SCREENING_ALLOW_ANONYMOUS else "closed",
            settings.SCREENING_DEFAULT_REGION,
            *vary,
        ]
    )
    marks |= {"csrf": placeholder("csrf"), "path": placeholder("path")}
    split = caches["pages"].get(key)
    if split is None:
        filled = {
            **context(marks),
            "can_view_dashboard": dashboard,
            "csrf_token": marks["csrf"],
            "language_next": marks["path"],
        }
        split = SplitPage.split(render_to_string(template, filled, request=request), marks)
        caches["pages"].set(key, split, timeout)
    # The tokens are URL-safe base64 and alphanumerics; every value is escaped as the
    # template would escape it.
    values = {name: escape(value) for name, value in tokens.items()}
    values |= {"csrf": get_token(request), "path": escape(request.get_full_path())}
    response = HttpResponse()
    patch_vary_headers(response, ("Accept-Encoding",))
    if settings.GZIP_HTML and ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response.content = split.gzipped(values)
        response["Content-Encoding"] = "gzip"
    else:
        response.content = split.body(values)
    return response
