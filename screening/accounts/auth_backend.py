"""Django's model backend and authentication middleware, taking the user from the session read.

The session store reads the signed-in user in the same query as the session
(screening/session_backends). The middleware hands that user to Django's own
django.contrib.auth.get_user, which asks this backend for the user by id and then checks the
session's password hash as always; the backend answers with the user already read when the
ids match, and otherwise reads it itself with one plain query. The active check is
ModelBackend's own.
"""

from contextvars import ContextVar

from django.contrib import auth
from django.contrib.auth import backends, get_user_model
from django.contrib.auth import middleware as auth_middleware
from django.core.exceptions import ValidationError
from django.db import connections, router
from django.utils.functional import SimpleLazyObject

# Set only while get_user() below runs, so a user read for one request never serves another.
_read_with_session: ContextVar = ContextVar("read_with_session", default=None)


def get_user(request):
    if not hasattr(request, "_cached_user"):
        session = request.session
        session.keys()  # read the session (and its user) now, if nothing has yet
        token = _read_with_session.set(getattr(session, "prefetched_user", None))
        try:
            request._cached_user = auth.get_user(request)
        finally:
            _read_with_session.reset(token)
    return request._cached_user


class AuthenticationMiddleware(auth_middleware.AuthenticationMiddleware):
    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: get_user(request))


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        try:
            user_id = model._meta.pk.to_python(user_id)
        except (ValueError, ValidationError):  # a malformed id is no user
            return None
        user = _read_with_session.get()
        if user is None or user.pk != user_id:
            user = self._read(model, user_id)
        if user is None:
            return None
        return user if self.user_can_authenticate(user) else None

    @staticmethod
    def _read(model, user_id):
        alias = router.db_for_read(model)
        quote = connections[alias].ops.quote_name
        columns = ", ".join(quote(field.column) for field in model._meta.concrete_fields)
        sql = (
            f"SELECT {columns} FROM {quote(model._meta.db_table)} "  # noqa: S608 - model names
            f"WHERE {quote(model._meta.pk.column)} = %s"
        )
        users = list(model._default_manager.db_manager(alias).raw(sql, [user_id]))
        return users[0] if users else None
