"""Django's model backend, reading the signed-in user with one plain query.

Every signed-in request reads its user; building that query with the ORM cost more here than
running it. Authentication, permissions and the active check are ModelBackend's own.
"""

from django.contrib.auth import backends, get_user_model
from django.core.exceptions import ValidationError
from django.db import connections, router


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        alias = router.db_for_read(model)
        quote = connections[alias].ops.quote_name
        columns = ", ".join(quote(field.column) for field in model._meta.concrete_fields)
        sql = (
            f"SELECT {columns} FROM {quote(model._meta.db_table)} "  # noqa: S608 - model names
            f"WHERE {quote(model._meta.pk.column)} = %s"
        )
        try:
            user_id = model._meta.pk.to_python(user_id)
        except (ValueError, ValidationError):  # a malformed id is no user
            return None
        users = list(model._default_manager.db_manager(alias).raw(sql, [user_id]))
        if not users:
            return None
        return users[0] if self.user_can_authenticate(users[0]) else None
