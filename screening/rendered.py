"""Rendered content, cached per content version, language and region.

The checklist form costs far more to render than everything else on its page put together,
and it is the same for every worker until an editor changes something. It is rendered once
with two placeholders, the CSRF token and the one-time submission token, which every request
fills in with its own. A rejected form (answers and errors) is never cached: it is rendered
whole, as the form is defined.
"""

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.crypto import salted_hmac
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from screening.content_version import current_content_version

# A day: a key is never stale (the version is in it), this only frees memory in time.
TIMEOUT = 24 * 3600


def _placeholder(name: str) -> str:
    # Derived from SECRET_KEY, so every app server sharing a cache uses the same one, and an
    # editor cannot type it into content to have a token put where they choose.
    return "rr-" + salted_hmac("screening.rendered.placeholder", name).hexdigest()


def request_content_version(request) -> int:
    """The content version, read from the database once per request."""
    if not hasattr(request, "_content_version"):
        request._content_version = current_content_version()
    return request._content_version


def cached_regions(request, load):
    """The active regions (load() on a miss), cached like rendered content."""
    key = f"regions:{request_content_version(request)}:{get_language()}"
    regions = cache.get(key)
    if regions is None:
        regions = load()
        cache.set(key, regions, TIMEOUT)
    return regions


def lazy_list(load) -> SimpleLazyObject:
    """A list read only if a template uses it: a cached fragment (`{% cache %}`) does not."""
    return SimpleLazyObject(lambda: list(load()))


def checklist_form_html(request, *, token: str, region: str, build_form) -> SafeString:
    """The checklist form as HTML for this request; build_form(token=, region=) on a miss."""
    key = f"checklist:{request_content_version(request)}:{get_language()}:{region}"
    html = cache.get(key)
    token_mark, csrf_mark = _placeholder("token"), _placeholder("csrf")
    if html is None:
        form = build_form(token=token_mark, region=region)
        html = render_to_string(
            "screening/includes/checklist_form.html", {"form": form, "csrf_token": csrf_mark}
        )
        cache.set(key, html, TIMEOUT)
    # Both values are URL-safe base64/alphanumerics: nothing to escape.
    return mark_safe(html.replace(token_mark, token).replace(csrf_mark, get_token(request)))  # noqa: S308
