"""Session lifetime: a 30-minute idle timeout with at most one write a minute, and an
absolute lifetime (12 hours by default) counted from sign-in.

Django saves a session only when it changes; this middleware adds a save when the last one is
SESSION_TOUCH_SECONDS old or more, which renews the expiry. The stored expiry is therefore
never more than a minute behind the last request: a session left alone ends between
SESSION_IDLE_MINUTES - 1 and SESSION_IDLE_MINUTES minutes after it.
"""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.http import HttpRequest, HttpResponse

TOUCHED_KEY = "_touched"
STARTED_KEY = "_started"


def _now() -> int:
    return int(time.time())


def _mark_signed_in(sender, request: HttpRequest, **kwargs) -> None:
    # A sign-in starts the absolute lifetime afresh, whatever the session held before it.
    request.session[STARTED_KEY] = _now()


def connect() -> None:
    """Called once from ScreeningConfig.ready()."""
    user_logged_in.connect(_mark_signed_in, dispatch_uid="session-started")


class SessionLifetimeMiddleware:
    """Ends sessions past their absolute lifetime; renews idle expiry at most once a minute.

    Placed right after SessionMiddleware and before AuthenticationMiddleware, so an ended
    session is gone before anyone reads the user from it.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        now = _now()
        if session.session_key is not None:
            started = session.get(STARTED_KEY)
            if started is not None and now - started >= settings.SESSION_ABSOLUTE_HOURS * 3600:
                session.flush()
        response = self.get_response(request)
        if session.session_key is None and not session.modified:
            return response  # no session, none made: nothing to keep alive
        if not session.keys():
            return response  # an ended or emptied session: Django drops its cookie
        if STARTED_KEY not in session:
            session[STARTED_KEY] = now
        if session.modified or now - session.get(TOUCHED_KEY, 0) >= settings.SESSION_TOUCH_SECONDS:
            session[TOUCHED_KEY] = now
        return response
