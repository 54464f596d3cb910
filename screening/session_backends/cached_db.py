"""Sessions read from the shared cache, written through to the database (with CACHE_URL)."""

from django.contrib.sessions.backends import cached_db

from screening.session_backends import AccountSessionStore


class SessionStore(AccountSessionStore, cached_db.SessionStore):
    pass
