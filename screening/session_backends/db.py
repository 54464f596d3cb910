"""Sessions in the database (the default without a shared cache)."""

from django.contrib.sessions.backends import db

from screening.session_backends import AccountSessionStore


class SessionStore(AccountSessionStore, db.SessionStore):
    pass
