"""Django's database session engines, reading the session row with one plain query.

Every signed-in request reads its session. Building that query with the ORM cost more here
than running it, so the read is written out once (the same row, the same expiry rule) and
everything else (saving, creating, deleting, the cache in cached_db) is Django's own.
SESSION_ENGINE names `screening.session_backends.db` or `screening.session_backends.cached_db`.
"""

from django.db import connections, router
from django.utils import timezone


def read_session_row(store):
    """The unexpired row for store.session_key as a model instance, or None (key dropped)."""
    model = store.model
    alias = router.db_for_read(model)
    connection = connections[alias]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in model._meta.concrete_fields)
    key_column = quote(model._meta.pk.column)
    expiry_column = quote(model._meta.get_field("expire_date").column)
    sql = (
        f"SELECT {columns} FROM {quote(model._meta.db_table)} "  # noqa: S608 - names from the model
        f"WHERE {key_column} = %s AND {expiry_column} > %s"
    )
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    rows = list(model._default_manager.db_manager(alias).raw(sql, [store.session_key, now]))
    if not rows:
        store._session_key = None
        return None
    return rows[0]
