"""Error pages: rendered without the request context, so they work with the database down."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


def _error_page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    # Error pages render without the request context so they work with the database down.
    return HttpResponse(render_to_string(template, {"request_path": request.path}), status=status)


def _caused_by_database(error: BaseException | None) -> bool:
    """True when a database error is anywhere in the chain that led to this exception."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def _unavailable(request: HttpRequest) -> HttpResponse:
    response = _error_page(request, "503.html", 503)
    response["Retry-After"] = "30"
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Saving the session during a database outage raises SessionInterrupted, a "bad request"
    # to Django; the person did nothing wrong, so they get the "unavailable" page.
    if _caused_by_database(exception):
        return _unavailable(request)
    return _error_page(request, "400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, "403.html", 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, "404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    if _caused_by_database(sys.exc_info()[1]):
        return _unavailable(request)
    return _error_page(request, "500.html", 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error_page(request, "403_csrf.html", 403)
