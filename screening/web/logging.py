"""Logging filter that keeps form contents and client details out of every log line."""

import logging

from django.db import DatabaseError


class StripRequestData(logging.Filter):
    """Reduce log records to what helps debugging without pointing at anyone."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is not None and not isinstance(request, str):
            # The request carries the body, cookies, IP and user agent: keep method and path.
            record.request = f"{getattr(request, 'method', '?')} {getattr(request, 'path', '?')}"
        if record.exc_info and isinstance(record.exc_info[1], DatabaseError):
            # Database messages can quote the values that were being written.
            record.msg = f"{record.getMessage()} [{type(record.exc_info[1]).__name__}]"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True
