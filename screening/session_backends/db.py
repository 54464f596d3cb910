"""Sessions in the database, read with their user and the content version in one query."""

from django.contrib.sessions.backends import db

from screening.session_backends import account_id, read_session_row


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
