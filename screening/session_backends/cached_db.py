"""Sessions read from the shared cache, written through to the database (with CACHE_URL)."""

from django.contrib.sessions.backends import cached_db

from screening.session_backends import read_session_row


class SessionStore(cached_db.SessionStore):
    def _get_session_from_db(self):
        if self.session_key is None:
            return None
        return read_session_row(self)
