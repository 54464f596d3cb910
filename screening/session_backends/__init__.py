"""Django's database session engines, reading the session row with one plain query.

Every signed-in request reads its session, and every content page the content version. Here
one query reads both: building the session query with the ORM cost more than running it, and
each round trip to the database costs about as much as a whole bare Django request. Saving,
creating, deleting and the cache in cached_db are Django's own.
SESSION_ENGINE names `screening.session_backends.db` or `screening.session_backends.cached_db`.
"""

from django.db import connections, router
from django.utils import timezone

from screening.models import ContentVersion

VERSION_COLUMN = "rr_content_version"


def read_session_row(store):
    """The unexpired row for store.session_key as a model instance, or None (key dropped).

    The content version committed at that moment comes along in the same query and is kept
    on the store as store.content_version, for screening.rendered.request_content_version.
    """
    model = store.model
    alias = router.db_for_read(model)
    connection = connections[alias]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in model._meta.concrete_fields)
    key_column = quote(model._meta.pk.column)
    expiry_column = quote(model._meta.get_field("expire_date").column)
    version = f"SELECT value FROM {quote(ContentVersion._meta.db_table)} WHERE id = 1"  # noqa: S608
    sql = (
        f"SELECT {columns}, ({version}) AS {VERSION_COLUMN} "  # noqa: S608 - names from models
        f"FROM {quote(model._meta.db_table)} WHERE {key_column} = %s AND {expiry_column} > %s"
    )
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    rows = list(model._default_manager.db_manager(alias).raw(sql, [store.session_key, now]))
    if not rows:
        store._session_key = None
        return None
    store.content_version = getattr(rows[0], VERSION_COLUMN) or 0
    return rows[0]
