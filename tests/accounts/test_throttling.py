"""Sign-in throttling behind a reverse proxy: per username and address, per address against
spraying, locks an administrator can lift, and no log of successful sign-ins."""

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.models import User
from django.urls import reverse

from screening.accounts.throttling import client_address
from tests.conftest import sign_in

LOGIN = reverse("login")
PROXY = "10.0.0.2"
ATTACKER = "203.0.113.66"
WORKER_PHONE = "198.51.100.7"


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.BEHIND_PROXY = 1


def sign_in_from(client, address: str, username: str, password: str, *, forwarded: str = ""):
    """A sign-in as nginx passes it on: the proxy connects, the client is in X-Forwarded-For."""
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded or address,
    )


def fail_from(client, address: str, username: str, times: int = 5) -> None:
    for _ in range(times):
        response = sign_in_from(client, address, username, "wrong-password-1")
        assert response.status_code in (200, 429)


def test_client_address_is_taken_from_the_trusted_proxies_only():
    # The client wrote the leftmost entry; the one proxy appended the real address.
    assert (
        client_address(remote_addr=PROXY, forwarded_for="1.2.3.4, 203.0.113.66", proxy_count=1)
        == ATTACKER
    )
    assert (
        client_address(remote_addr=PROXY, forwarded_for="x, 192.0.2.1, 10.0.0.1", proxy_count=2)
        == "192.0.2.1"
    )
    # No proxy configured: the header is ignored; too few hops or garbage: the connection.
    assert client_address(remote_addr=PROXY, forwarded_for=ATTACKER, proxy_count=0) == PROXY
    assert client_address(remote_addr=PROXY, forwarded_for="", proxy_count=1) == PROXY
    assert client_address(remote_addr=PROXY, forwarded_for="not-an-ip", proxy_count=1) == PROXY


def test_failures_from_elsewhere_do_not_lock_the_worker_out(client, worker, password):
    fail_from(client, ATTACKER, worker.username)
    response = sign_in_from(client, WORKER_PHONE, worker.username, password)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(worker.pk)


def test_the_failing_address_is_locked_for_that_username(client, worker, password):
    fail_from(client, ATTACKER, worker.username)
    response = sign_in_from(client, ATTACKER, worker.username, password)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_forged_forwarded_for_does_not_escape_the_lock(client, worker, password):
    for fake in ("1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "5.5.5.5"):
        sign_in_from(client, ATTACKER, worker.username, "wrong", forwarded=f"{fake}, {ATTACKER}")
    response = sign_in_from(
        client, ATTACKER, worker.username, password, forwarded=f"9.9.9.9, {ATTACKER}"
    )
    assert response.status_code == 429


def test_password_spraying_from_one_address_is_locked(client, worker, password, settings):
    settings.SCREENING_ADDRESS_FAILURE_LIMIT = 20
    for number in range(5):  # four tries on each of five usernames: no pair reaches five
        fail_from(client, ATTACKER, f"someone{number}", times=4)
    response = sign_in_from(client, ATTACKER, worker.username, password)
    assert response.status_code == 429
    # Other addresses are not affected.
    assert sign_in_from(client, WORKER_PHONE, worker.username, password).status_code == 302


def test_an_address_below_the_spraying_limit_can_still_sign_in(client, worker, password):
    for number in range(4):
        fail_from(client, ATTACKER, f"someone{number}", times=4)  # 16 < 20
    assert sign_in_from(client, ATTACKER, worker.username, password).status_code == 302


def test_a_superuser_setting_a_new_password_lifts_the_lock(client, worker, db):
    fail_from(client, WORKER_PHONE, worker.username)
    assert sign_in_from(client, WORKER_PHONE, worker.username, "x").status_code == 429
    root = User.objects.create_superuser("root", password="a-long-test-password-42")
    sign_in(client, root)
    new = "a-brand-new-pass-phrase-77"
    response = client.post(
        reverse("admin:auth_user_password_change", args=[worker.pk]),
        {"password1": new, "password2": new},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="192.0.2.50",
    )
    assert response.status_code == 302
    client.logout()
    assert sign_in_from(client, WORKER_PHONE, worker.username, new).status_code == 302


def test_the_lift_lock_admin_action_ends_a_lock(client, worker, password, db):
    fail_from(client, WORKER_PHONE, worker.username)
    root = User.objects.create_superuser("root", password="a-long-test-password-42")
    sign_in(client, root)
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "lift_sign_in_lock", "_selected_action": [worker.pk]},
        follow=True,
    )
    assert "Sign-in lock lifted for 1 account." in response.content.decode()
    assert not AccessAttempt.objects.filter(username=worker.username).exists()
    client.logout()
    assert sign_in_from(client, WORKER_PHONE, worker.username, password).status_code == 302


def test_the_lockout_page_says_what_actually_works(client, worker):
    fail_from(client, WORKER_PHONE, worker.username)
    response = sign_in_from(client, WORKER_PHONE, worker.username, "x")
    html = response.content.decode()
    assert response.status_code == 429
    assert "paused for 15 minutes" in html
    assert "ask your administrator to set a new one" in html
    assert "does not make it longer" in html


def test_a_successful_sign_in_leaves_no_access_log(client, worker, password):
    assert sign_in_from(client, WORKER_PHONE, worker.username, password).status_code == 302
    assert AccessLog.objects.count() == 0


def test_tries_during_a_lock_do_not_make_it_longer(client, worker, password):
    fail_from(client, ATTACKER, worker.username)
    locked_at = AccessAttempt.objects.get().attempt_time
    for _ in range(3):
        assert sign_in_from(client, ATTACKER, worker.username, password).status_code == 429
    assert AccessAttempt.objects.get().attempt_time == locked_at


def test_failed_sign_ins_are_not_kept_past_the_cool_off(client, worker, password, settings):
    import datetime

    import time_machine

    start = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        fail_from(client, ATTACKER, worker.username, times=3)
    assert AccessAttempt.objects.filter(username=worker.username).exists()
    cool_off = datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    with time_machine.travel(start + cool_off + datetime.timedelta(seconds=1), tick=False):
        # The next sign-in of anyone, from anywhere, removes the rows past the cool-off.
        other = User.objects.create_user("someone-else", password=password)
        assert sign_in_from(client, WORKER_PHONE, other.username, password).status_code == 302
    assert not AccessAttempt.objects.exists()
