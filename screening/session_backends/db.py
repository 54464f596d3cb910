"""Sessions in the database, read with their user and the content version in one query."""

from django.contrib.sessions.backends import db

from screening.session_backends import AccountSessionStore


class SessionStore(AccountSessionStore, db.SessionStore):
    pass
