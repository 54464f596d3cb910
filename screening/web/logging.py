"""Logging filter that keeps form contents and client details out of every log line."""

import logging
import re

from django.db import DatabaseError
from django.middleware import csrf

# What Django's CSRF check says when it refuses a request. Two of its reasons quote a header
# the client wrote (Origin, Referer): those are replaced by their fixed beginning.
CSRF_FIXED_REASONS = frozenset(
    {
        csrf.REASON_NO_REFERER,
        csrf.REASON_NO_CSRF_COOKIE,
        csrf.REASON_CSRF_TOKEN_MISSING,
        csrf.REASON_MALFORMED_REFERER,
        csrf.REASON_INSECURE_REFERER,
    }
)
# "CSRF token from POST has incorrect length.", "CSRF token incorrect.", and so on.
CSRF_TOKEN_REASON = re.compile(
    r"CSRF token (from (POST|the '[A-Za-z0-9-]{1,60}' HTTP header) )?"
    r"(has incorrect length|has invalid characters|incorrect)\."
)
CSRF_QUOTING_REASONS = {
    csrf.REASON_BAD_ORIGIN.split("%s")[0]: "Origin checking failed - the Origin is not trusted.",
    csrf.REASON_BAD_REFERER.split("%s")[0]: "Referer checking failed - the Referer is not trusted.",
}
# Longest path kept on a log line: a path is the client's to write.
MAX_PATH = 200


def csrf_reason(reason: object) -> str:
    """The reason for a refused request, without anything the client wrote."""
    text = str(reason)
    if text in CSRF_FIXED_REASONS or CSRF_TOKEN_REASON.fullmatch(text):
        return text
    for start, fixed in CSRF_QUOTING_REASONS.items():
        if text.startswith(start):
            return fixed
    return "CSRF check failed."


def quoted(text: str) -> str:
    """A value from the request, on one line and at most MAX_PATH characters."""
    if not text.isprintable():
        text = text.encode("unicode_escape").decode("ascii")
    return text if len(text) <= MAX_PATH else f"{text[:MAX_PATH]}…"


class StripRequestData(logging.Filter):
    """Reduce log records to what helps debugging without pointing at anyone."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is not None and not isinstance(request, str):
            # The request carries the body, cookies, IP and user agent: keep method and path.
            path = quoted(str(getattr(request, "path", "?")))
            record.request = f"{quoted(str(getattr(request, 'method', '?')))} {path}"
        if record.name == "django.security.csrf" and isinstance(record.args, tuple) and record.args:
            # Django logs "Forbidden (%s): %s" with the reason and the path; a forged Origin
            # or Referer header is quoted inside the reason.
            reason, *rest = record.args
            record.args = (csrf_reason(reason), *(quoted(str(arg)) for arg in rest))
        if record.exc_info and isinstance(record.exc_info[1], DatabaseError):
            # Database messages can quote the values that were being written.
            record.msg = f"{record.getMessage()} [{type(record.exc_info[1]).__name__}]"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True
