"""Session lifetime: idle timeout to the minute, one write a minute at most, absolute limit."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

GUIDANCE = reverse("screening:guidance")
START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


def at(minutes: float = 0, hours: float = 0):
    return time_machine.travel(START + datetime.timedelta(minutes=minutes, hours=hours), tick=False)


def signed_in(client) -> bool:
    response = client.get(GUIDANCE)
    assert response.status_code in (200, 302)
    return response.status_code == 200


def session_writes(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(GUIDANCE).status_code == 200
    return sum(
        1
        for query in queries.captured_queries
        if "screening_accountsession" in query["sql"]
        and query["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    )


@pytest.fixture
def signed_in_at_start(client, worker):
    with at(0):
        client.force_login(worker)
        assert signed_in(client)
    return client


def test_an_unchanged_session_is_written_at_most_once_a_minute(signed_in_at_start):
    client = signed_in_at_start
    with at(minutes=0.5):
        assert session_writes(client) == 0
    with at(minutes=0.9):
        assert session_writes(client) == 0
    with at(minutes=1.01):
        assert session_writes(client) == 1
    with at(minutes=1.5):
        assert session_writes(client) == 0


def idle_from_ten_and_a_half_minutes(client) -> None:
    with at(minutes=10):
        assert signed_in(client)  # renews: the last write was ten minutes ago
    with at(minutes=10.5):
        assert signed_in(client)  # the last request; no write, the expiry stays at 40 minutes


def test_a_session_is_kept_twenty_nine_idle_minutes_after_the_last_request(signed_in_at_start):
    idle_from_ten_and_a_half_minutes(signed_in_at_start)
    with at(minutes=10.5 + 29):
        assert signed_in(signed_in_at_start)


def test_a_session_has_ended_thirty_idle_minutes_after_the_last_request(signed_in_at_start):
    idle_from_ten_and_a_half_minutes(signed_in_at_start)
    with at(minutes=10.5 + 30):
        assert not signed_in(signed_in_at_start)


def test_thirty_idle_minutes_end_a_session_that_was_never_renewed(signed_in_at_start):
    client = signed_in_at_start
    with at(minutes=29.5):
        assert signed_in(client)
    with at(minutes=59.6):
        assert not signed_in(client)


def test_a_session_ends_twelve_hours_after_sign_in_even_when_in_use(signed_in_at_start):
    client = signed_in_at_start
    minutes = 20
    while minutes < 12 * 60:
        with at(minutes=minutes):
            assert signed_in(client), f"signed out after {minutes} minutes"
        minutes += 20
    with at(hours=12, minutes=0.5):
        assert not signed_in(client)


def test_the_absolute_lifetime_is_a_setting(signed_in_at_start, settings):
    settings.SESSION_ABSOLUTE_HOURS = 1
    client = signed_in_at_start
    for minutes in (20, 40, 59):
        with at(minutes=minutes):
            assert signed_in(client)
    with at(minutes=61):
        assert not signed_in(client)


def test_signing_in_again_starts_a_new_absolute_lifetime(client, worker):
    with at(0):
        client.get(reverse("screening:start"), {"region": ""})
    with at(hours=11):
        client.force_login(worker)
    for minutes in (20, 40, 60, 80, 100):
        with at(hours=11, minutes=minutes):
            assert signed_in(client)  # 12 h 40 min after the session began


def test_an_anonymous_visit_creates_no_session_row(client, db):
    from screening.models import AccountSession as Session

    client.get(reverse("screening:start"))
    client.get(reverse("healthz"))
    assert Session.objects.count() == 0


# Saving: one UPDATE outside a transaction (screening/accounts/session_backends/db.py).


def store_for(key=None):
    from importlib import import_module

    from django.conf import settings

    return import_module(settings.SESSION_ENGINE).SessionStore(key)


def session_statements(action) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        action()
    return [query["sql"].split()[0].upper() for query in queries.captured_queries]


@pytest.mark.django_db(transaction=True)
def test_a_changed_session_is_saved_in_one_statement_outside_a_transaction():
    store = store_for()
    store["region"] = "north"
    store.create()
    again = store_for(store.session_key)
    again["region"] = "south"
    assert session_statements(again.save) == ["UPDATE"]
    assert store_for(store.session_key)["region"] == "south"


@pytest.mark.django_db(transaction=True)
def test_saving_a_session_ended_elsewhere_is_refused_as_django_refuses_it():
    from django.contrib.sessions.backends.base import UpdateError

    from screening.models import AccountSession

    store = store_for()
    store["region"] = "north"
    store.create()
    AccountSession.objects.filter(pk=store.session_key).delete()
    store["region"] = "south"
    with pytest.raises(UpdateError):
        store.save()
    assert not AccountSession.objects.exists()  # not brought back by the save


@pytest.mark.django_db(transaction=True)
def test_inside_a_transaction_a_session_is_saved_as_django_saves_it():
    from django.db import transaction

    store = store_for()
    store.create()
    store["region"] = "south"
    with transaction.atomic():
        statements = session_statements(store.save)
    assert statements == ["SAVEPOINT", "UPDATE", "RELEASE"]
    assert store_for(store.session_key)["region"] == "south"


@pytest.mark.django_db(transaction=True)
def test_a_worker_who_changes_the_session_keeps_it(client):
    """Through the pages: a new checklist token is saved, and the next page still signs in."""
    from tests.conftest import make_user

    client.force_login(make_user("saving-worker"))  # any account (roles are not kept here)
    assert (
        session_statements(lambda: client.get(reverse("screening:checklist"))).count("UPDATE") == 1
    )
    assert signed_in(client)


def test_signing_in_again_in_a_session_in_use_starts_a_new_absolute_lifetime(client, worker):
    from tests.conftest import PASSWORD

    def sign_in_with_password():
        response = client.post(
            reverse("login"), {"username": worker.username, "password": PASSWORD}
        )
        assert response.status_code == 302

    with at(0):
        sign_in_with_password()
    minutes = 20
    while minutes < 11 * 60:  # in use all along, so the same session's data lives on
        with at(minutes=minutes):
            assert signed_in(client)
        minutes += 20
    with at(hours=11):
        sign_in_with_password()
    for minutes in (20, 40, 60, 80, 100):
        with at(hours=11, minutes=minutes):
            assert signed_in(client), f"signed out {minutes} minutes after signing in again"
