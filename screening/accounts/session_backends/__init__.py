"""Django's database session engine, with the session, its user and the content version read
in one query.

Every signed-in request reads its session and its user, and every content page the content
version. Django reads them one after the other; each round trip to the database costs here
about as much as a whole bare Django request. So the session is kept in
screening.models.AccountSession, which has the account id in a column of its own (Django's
documented way to extend the session model), and one plain query joins the three. The user
read here is handed to Django's own authentication (screening/accounts/auth_backend.py), which still
checks that the account is active and that the session's password hash matches.

Creating, deleting and expiry are Django's own; saving a change is Django's save without the
transaction it opens around one UPDATE (db.py). On PostgreSQL the query is prepared once per
connection (project/postgresql). SESSION_ENGINE names `screening.accounts.session_backends.db`.
"""

import functools

from django.contrib.auth import SESSION_KEY, get_user_model
from django.core.exceptions import ValidationError
from django.db import connections, router
from django.utils import timezone


def account_id(data: dict):
    """The signed-in account's id from a session's data, or None."""
    value = data.get(SESSION_KEY)
    if value is None:
        return None
    try:
        return get_user_model()._meta.pk.to_python(value)
    except (ValueError, ValidationError):
        return None


class _RowReader:
    """The query and what turns its row into a session and a user, built once per database.

    Building the SQL text and looking up each column's converters took about a third of the
    time of reading a session; none of it changes while the process runs.
    """

    def __init__(self, connection, session_model, user_model) -> None:
        from screening.models import ContentVersion

        quote = connection.ops.quote_name
        self.session_fields = session_model._meta.concrete_fields
        self.user_fields = user_model._meta.concrete_fields
        self.session_names = [field.attname for field in self.session_fields]
        self.user_names = [field.attname for field in self.user_fields]
        self.user_pk = self.user_fields.index(user_model._meta.pk)
        # (position, column, converters) for the columns that have any: none on PostgreSQL, whose
        # driver already gives Python values; SQLite's dates are text, for one.
        self.converters = [
            (position, column, converters)
            for position, field in enumerate((*self.session_fields, *self.user_fields))
            for column in [field.get_col(field.model._meta.db_table)]
            for converters in [
                connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            ]
            if converters
        ]
        columns = [f"s.{quote(field.column)}" for field in self.session_fields]
        columns += [f"u.{quote(field.column)}" for field in self.user_fields]
        version = f"SELECT value FROM {quote(ContentVersion._meta.db_table)} WHERE id = 1"  # noqa: S608
        user_column = quote(session_model._meta.get_field("user").column)
        self.sql = (
            f"SELECT {', '.join(columns)}, ({version}) "  # noqa: S608 - names from the models
            f"FROM {quote(session_model._meta.db_table)} s "
            f"LEFT JOIN {quote(user_model._meta.db_table)} u "
            f"ON u.{quote(user_model._meta.pk.column)} = s.{user_column} "
            f"WHERE s.{quote(session_model._meta.pk.column)} = %s "
            f"AND s.{quote(session_model._meta.get_field('expire_date').column)} > %s"
        )

    def converted(self, connection, row) -> list:
        """Column values as the ORM would give them."""
        values = list(row)
        for position, column, converters in self.converters:
            value = values[position]
            for convert in converters:
                value = convert(value, column, connection)
            values[position] = value
        return values


@functools.cache
def _reader(alias: str, vendor: str, session_model, user_model) -> _RowReader:
    return _RowReader(connections[alias], session_model, user_model)


def read_session_row(store):
    """The unexpired session row for store.session_key, or None (the key is then dropped).

    Its user (store.prefetched_user) and the content version committed at that moment
    (store.content_version, for screening.web.rendered.request_content_version) come along.
    """
    session_model, user_model = store.model, get_user_model()
    alias = router.db_for_read(session_model)
    connection = connections[alias]
    reader = _reader(alias, connection.vendor, session_model, user_model)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    # Prepared once per connection on PostgreSQL (project/postgresql).
    prepared = getattr(connection, "prepared_cursor", None)
    with prepared() if prepared else connection.cursor() as cursor:
        cursor.execute(reader.sql, [store.session_key, now])
        row = cursor.fetchone()
    if row is None:
        store._session_key = None
        return None
    values = reader.converted(connection, row)
    split = len(reader.session_names)
    session = session_model.from_db(alias, reader.session_names, values[:split])
    user_values = values[split : split + len(reader.user_names)]
    if user_values[reader.user_pk] is not None:
        store.prefetched_user = user_model.from_db(alias, reader.user_names, user_values)
    store.content_version = row[-1] or 0
    return session
