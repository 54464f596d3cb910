"""Sessions in the database, read with their user and the content version in one query."""

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import UpdateError
from django.db import DatabaseError, connections, router

from screening.accounts.session_backends import account_id, read_session_row


class SessionStore(db.SessionStore):
    """Django's database store, with the AccountSession model and its one-query read."""

    prefetched_user = None  # the session's user, when this request read the row
    content_version = None  # the content version, likewise

    @classmethod
    def get_model_class(cls):
        from screening.models import AccountSession

        return AccountSession

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        session.user_id = account_id(data)
        return session

    def _get_session_from_db(self):
        if self.session_key is None:
            return None
        return read_session_row(self)

    def save(self, must_create=False):
        """Django's save, without a transaction around an update made outside of one.

        Django saves inside atomic(), which outside a transaction is BEGIN, UPDATE and COMMIT:
        three round trips where the UPDATE alone is just as atomic. A session is saved on
        every request that changes it (a new checklist token, a submission), so this is two
        round trips fewer each time. Creating a session, or saving inside a transaction,
        is Django's own save.
        """
        using = router.db_for_write(self.model)
        if must_create or self.session_key is None or not connections[using].get_autocommit():
            return super().save(must_create=must_create)
        obj = self.create_model_instance(self._get_session())
        try:
            obj.save(force_update=True, using=using)
        except DatabaseError as error:  # the row is gone: ended elsewhere, or expired
            raise UpdateError from error
