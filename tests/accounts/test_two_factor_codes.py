"""Codes at the second step: each passes once, even at the same moment; wrong codes slow only
the session that sent them; recovery codes are kept hashed and renewed as a whole set."""

import datetime
import importlib
import re
import threading

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.accounts import two_factor
from screening.models import RecoveryCode
from tests.conftest import PASSWORD

LOGIN = reverse("login")
VERIFY = reverse("two_factor:verify")
CODES = reverse("two_factor:recovery_codes")
START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


def password_session(user, address: str = "127.0.0.1") -> Client:
    client = Client(REMOTE_ADDR=address)
    response = client.post(LOGIN, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key):06d}"


def wrong_code_for(device: TOTPDevice) -> str:
    return "000000" if code_for(device) != "000000" else "111111"


@pytest.fixture
def phone(editor) -> TOTPDevice:
    return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)


# Once only, at the same moment too.


def test_an_app_code_read_by_two_requests_before_either_saved_passes_once(
    editor, phone, monkeypatch
):
    first, second = password_session(editor), password_session(editor)
    code = code_for(phone)
    # The second request read the device (its last used step) before the first one saved it.
    read_early = list(TOTPDevice.objects.filter(user=editor, confirmed=True))
    filter_now = TOTPDevice.objects.filter
    assert first.post(VERIFY, {"code": code}).status_code == 302

    def as_read_early(*args, **kwargs):
        if kwargs == {"user": editor, "confirmed": True}:
            return read_early
        return filter_now(*args, **kwargs)

    monkeypatch.setattr(TOTPDevice.objects, "filter", as_read_early)
    assert second.post(VERIFY, {"code": code}).status_code == 400
    assert second.get("/admin/").status_code == 302


def test_a_recovery_code_checked_by_two_requests_at_once_passes_once(editor, monkeypatch):
    codes = two_factor.new_recovery_codes(editor)
    other = []
    compare = two_factor.constant_time_compare

    def other_request_finishes_meanwhile(a, b):
        if not other:  # this request has read the codes; another one spends the same code
            other.append("started")
            other.append(two_factor.use_recovery_code(editor, codes[0]))
        return compare(a, b)

    monkeypatch.setattr(two_factor, "constant_time_compare", other_request_finishes_meanwhile)
    assert two_factor.use_recovery_code(editor, codes[0]) is None
    assert other == ["started", StaticDevice.objects.get(user=editor)]
    assert two_factor.recovery_codes_left(editor) == 9


@pytest.mark.django_db(transaction=True)
def test_four_requests_with_one_code_at_the_same_moment_pass_once():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time; the race needs PostgreSQL (DATABASE_URL).")
    from tests.conftest import make_user

    user = make_user("racing-editor", is_staff=True)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    recovery = two_factor.new_recovery_codes(user)[0]
    for check, code in (
        (two_factor.use_totp_code, code_for(device)),
        (two_factor.use_recovery_code, recovery),
    ):
        barrier = threading.Barrier(4)
        passed = []

        def send(check=check, code=code, barrier=barrier, passed=passed):
            from django.db import connections

            barrier.wait()
            try:
                passed.append(check(user, code) is not None)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=send) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(passed) == [False, False, False, True], check.__name__


# Wrong codes slow only their own session.


def test_wrong_codes_in_one_session_do_not_keep_another_session_out(editor, phone):
    with time_machine.travel(START, tick=False) as traveller:
        attacker = password_session(editor, "203.0.113.66")
        for wait in (1, 2, 4, 8, 16, 0):  # each wrong code counts: the wait is now 32 seconds
            assert attacker.post(VERIFY, {"code": wrong_code_for(phone)}).status_code == 400
            traveller.shift(wait)
        staff = password_session(editor, "198.51.100.7")
        assert staff.post(VERIFY, {"code": code_for(phone), "next": "/admin/"}).status_code == 302
        assert staff.get("/admin/").status_code == 200
        assert "Wait 32 seconds" in attacker.post(VERIFY, {"code": "123456"}).content.decode()


def test_the_page_says_how_long_to_wait(editor, phone):
    with time_machine.travel(START, tick=False) as traveller:
        client = password_session(editor)
        for _ in range(4):  # waits of 1, 2, 4 then 8 seconds
            assert "did not match" in client.post(VERIFY, {"code": "123"}).content.decode()
            traveller.shift(10)
        traveller.shift(-10 + 3)
        html = client.post(VERIFY, {"code": code_for(phone)}).content.decode()
        assert "Too many wrong codes. Wait 5 seconds, then try again." in html
        assert "Wait a minute" not in html
        traveller.shift(5)
        assert client.post(VERIFY, {"code": code_for(phone)}).status_code == 302


def test_recovery_codes_are_throttled_in_the_session(editor, phone):
    codes = two_factor.new_recovery_codes(editor)
    with time_machine.travel(START, tick=False) as traveller:
        client = password_session(editor)
        wrong = client.post(VERIFY, {"recovery_code": "000000-000000"})
        assert "That recovery code did not match" in wrong.content.decode()
        refused = client.post(VERIFY, {"recovery_code": codes[0]})
        assert "Too many wrong codes. Wait 1 second" in refused.content.decode()
        traveller.shift(2)
        assert client.post(VERIFY, {"recovery_code": codes[0]}).status_code == 302


def test_wrong_codes_lock_new_sign_ins_from_that_address_only(editor, phone):
    with time_machine.travel(START, tick=False) as traveller:
        attacker = password_session(editor, "203.0.113.66")
        for _ in range(5):
            attacker.post(VERIFY, {"code": wrong_code_for(phone)})
            traveller.shift(60)
        again = Client(REMOTE_ADDR="203.0.113.66")
        response = again.post(LOGIN, {"username": editor.username, "password": PASSWORD})
        assert response.status_code == 429
        password_session(editor, "198.51.100.7")  # the real user elsewhere signs in


# Recovery codes: hashed, and a new set replaces the old.


def test_recovery_codes_are_kept_only_as_salted_hashes(editor):
    codes = two_factor.new_recovery_codes(editor)
    digests = list(RecoveryCode.objects.values_list("digest", flat=True))
    assert len(digests) == 10 and not StaticToken.objects.exists()
    for code in codes:
        assert not [digest for digest in digests if code.replace("-", "") in digest]
    assert all(digest.startswith("pbkdf2_sha256$") for digest in digests)
    assert two_factor.use_recovery_code(editor, codes[3].upper()) is not None  # as typed


def test_new_recovery_codes_replace_the_old_ones(editor, phone):
    client = Client()
    client.force_login(editor)
    client.post(VERIFY, {"code": code_for(phone)})
    old = re.findall(
        r"<li><code>([^<]+)</code>", client.get(client.post(CODES)["Location"]).content.decode()
    )
    new = re.findall(
        r"<li><code>([^<]+)</code>", client.get(client.post(CODES)["Location"]).content.decode()
    )
    assert len(old) == len(new) == 10 and not set(old) & set(new)
    assert two_factor.recovery_codes_left(editor) == 10
    later = password_session(editor)
    assert later.post(VERIFY, {"recovery_code": old[0]}).status_code == 400
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=5)):
        assert later.post(VERIFY, {"recovery_code": new[0]}).status_code == 302


def test_the_migration_hashes_existing_plain_codes(editor):
    device = StaticDevice.objects.create(user=editor, name="Recovery codes", confirmed=True)
    StaticToken.objects.create(device=device, token="abc123-def456")
    migration = importlib.import_module("screening.migrations.0080_recovery_codes_hashed")
    migration.hash_plain_codes(apps, None)
    assert not StaticToken.objects.exists()
    assert "abc123" not in RecoveryCode.objects.get().digest
    assert two_factor.use_recovery_code(editor, "abc123-def456") == device
