"""The database connection: its health check (project/postgresql) and the session read."""

import select
import time

import pytest
from django.db import close_old_connections, connection, connections
from django.db.backends.postgresql import base as django_postgresql
from django.urls import reverse

from screening.accounts import session_backends
from tests.conftest import make_user

CHECKLIST = reverse("screening:checklist")


def on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the health check is PostgreSQL's (CI runs this on PostgreSQL)")


@pytest.fixture
def own_connection():
    """A connection of its own, outside the test's transaction, closed afterwards."""
    on_postgresql()
    wrapper = connections.create_connection("default")
    wrapper.ensure_connection()
    yield wrapper
    wrapper.close()


def refuse_round_trip(monkeypatch):
    def select_one(self):
        raise AssertionError("the health check sent SELECT 1")

    monkeypatch.setattr(django_postgresql.DatabaseWrapper, "is_usable", select_one)


def test_the_postgresql_engine_is_ours():
    on_postgresql()
    assert connection.settings_dict["ENGINE"] == "project.postgresql"
    assert connection.health_check_enabled


@pytest.mark.django_db
def test_a_quiet_idle_connection_is_usable_without_a_round_trip(own_connection, monkeypatch):
    refuse_round_trip(monkeypatch)
    assert own_connection.is_usable()


def spy_round_trip(monkeypatch) -> list:
    asked = []
    monkeypatch.setattr(
        django_postgresql.DatabaseWrapper, "is_usable", lambda self: asked.append(1) or True
    )
    return asked


@pytest.mark.django_db
def test_inside_a_transaction_the_check_is_djangos_own(own_connection, monkeypatch):
    asked = spy_round_trip(monkeypatch)
    own_connection.connection.execute("BEGIN")
    try:
        assert own_connection.is_usable()
    finally:
        own_connection.connection.execute("ROLLBACK")
    assert asked == [1]


@pytest.mark.django_db
def test_after_an_error_the_check_is_djangos_own(own_connection, monkeypatch):
    asked = spy_round_trip(monkeypatch)
    own_connection.errors_occurred = True
    assert own_connection.is_usable()
    assert asked == [1]


@pytest.mark.django_db
def test_a_connection_not_answered_on_lately_gets_djangos_check(own_connection, monkeypatch):
    from project.postgresql.base import FRESH_SECONDS

    asked = spy_round_trip(monkeypatch)
    own_connection.answered_at = time.monotonic() - FRESH_SECONDS - 1
    assert own_connection.is_usable()
    assert asked == [1]
    # A request that used the connection without error renews it.
    own_connection.answered_at = time.monotonic() - FRESH_SECONDS - 1
    own_connection.health_check_done = True
    own_connection.close_if_unusable_or_obsolete()
    assert own_connection.is_usable()
    assert asked == [1]


@pytest.mark.django_db(transaction=True)
def test_a_connection_the_server_ended_is_replaced_before_the_next_query(own_connection):
    pid = own_connection.connection.info.backend_pid
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    # The server's notice and the end of the stream reach the socket a moment later.
    poll = select.poll()
    poll.register(own_connection.connection.fileno(), select.POLLIN)
    assert poll.poll(5000), "the ended connection never became readable"
    assert not own_connection.is_usable()
    # As at the start of a request: Django's check closes it, the next query reconnects.
    own_connection.health_check_done = False
    own_connection.close_if_health_check_failed()
    with own_connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid


@pytest.mark.django_db(transaction=True)
def test_a_page_after_the_server_ended_the_apps_connection_is_served(client, monkeypatch):
    on_postgresql()
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)
    connection.close()  # the next one is opened with CONN_MAX_AGE 60, so it is kept
    client.force_login(make_user("restart-worker"))
    assert client.get(CHECKLIST).status_code == 200
    assert connection.close_at is not None and connection.close_at > time.monotonic() + 30
    pid = connection.connection.info.backend_pid
    killer = connections.create_connection("default")
    try:
        with killer.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    finally:
        killer.close()
    deadline = time.monotonic() + 5
    poll = select.poll()
    poll.register(connection.connection.fileno(), select.POLLIN)
    while not poll.poll(50) and time.monotonic() < deadline:
        pass
    answers = []
    wrapper_class = type(connections["default"])
    is_usable = wrapper_class.is_usable

    def watched(self):
        answers.append(is_usable(self))
        return answers[-1]

    monkeypatch.setattr(wrapper_class, "is_usable", watched)
    close_old_connections()  # what a WSGI server's request_started does (the test client not)
    response = client.get(CHECKLIST)
    assert response.status_code == 200
    assert answers[:1] == [False]  # the check found the ended connection
    assert connection.connection.info.backend_pid != pid


@pytest.mark.django_db
def test_the_session_query_is_built_once_per_database(client, monkeypatch):
    client.force_login(make_user("reader-worker"))
    client.get(CHECKLIST)  # built here, if no earlier test built it
    built = []
    original = session_backends._RowReader.__init__

    def counting(self, *args):
        built.append(1)
        original(self, *args)

    monkeypatch.setattr(session_backends._RowReader, "__init__", counting)
    for _ in range(3):
        assert client.get(CHECKLIST).status_code == 200
    assert built == []


@pytest.mark.django_db
def test_the_session_and_user_read_in_one_query_are_as_the_orm_reads_them(client):
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import get_user_model

    from screening.models import AccountSession

    user = make_user("orm-worker")
    client.force_login(user)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    store = import_module(settings.SESSION_ENGINE).SessionStore(key)
    row = session_backends.read_session_row(store)
    expected_session = AccountSession.objects.get(pk=key)
    expected_user = get_user_model().objects.get(pk=user.pk)
    for name in ("session_key", "session_data", "expire_date", "user_id"):
        assert getattr(row, name) == getattr(expected_session, name)
        assert type(getattr(row, name)) is type(getattr(expected_session, name))
    for field in get_user_model()._meta.concrete_fields:
        got, want = (
            getattr(store.prefetched_user, field.attname),
            getattr(expected_user, field.attname),
        )
        assert got == want and type(got) is type(want), field.name


def prepared_statements(wrapper) -> list[str]:
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db
def test_the_session_query_is_prepared_once_per_connection_and_nothing_else(
    client, django_assert_num_queries
):
    on_postgresql()
    client.force_login(make_user("prepared-worker"))
    client.get(CHECKLIST)
    with django_assert_num_queries(1) as captured:  # still a query Django logs and counts
        assert client.get(CHECKLIST).status_code == 200
    assert "screening_accountsession" in captured.captured_queries[0]["sql"]
    for _ in range(6):  # more than psycopg's own threshold (5) for preparing by repetition
        assert client.get(CHECKLIST).status_code == 200
    statements = prepared_statements(connection)
    assert len(statements) == 1, statements
    assert "screening_accountsession" in statements[0]


@pytest.mark.django_db
def test_a_prepare_threshold_in_the_settings_rules(own_connection):
    """OPTIONS["prepare_threshold"] = None is what a pooler without prepared statements needs."""
    own_connection.close()
    own_connection.settings_dict = {
        **own_connection.settings_dict,
        "OPTIONS": {**own_connection.settings_dict["OPTIONS"], "prepare_threshold": None},
    }
    own_connection.ensure_connection()
    with own_connection.prepared_cursor() as cursor:
        cursor.execute("SELECT %s::int + 1", [41])
        assert cursor.fetchone() == (42,)
    assert prepared_statements(own_connection) == []


@pytest.mark.parametrize(("value", "expected"), [(None, "absent"), ("0", None), ("1", "absent")])
def test_prepared_statements_can_be_turned_off_for_a_pooler(value, expected):
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"}
    env.pop("DATABASE_PREPARED_STATEMENTS", None)
    if value is not None:
        env["DATABASE_PREPARED_STATEMENTS"] = value
    code = (
        "from django.conf import settings;"
        "print(settings.DATABASES['default']['OPTIONS'].get('prepare_threshold', 'absent'))"
    )
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.split()[-1] == str(expected)
