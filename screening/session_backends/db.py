"""Sessions in the database (the default without a shared cache)."""

from django.contrib.sessions.backends import db

from screening.session_backends import read_session_row


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        if self.session_key is None:
            return None
        return read_session_row(self)
