"""Two app servers at once: two gunicorns on loopback, one PostgreSQL database, one Redis,
one SECRET_KEY, as in production (README, Production). What one server does holds on the
other's next request: a content edit, a role change, a sign-out, a sign-in lock and a spent
checklist token.

Runs only on PostgreSQL (another process reaches only a database server) with a Redis server
on 127.0.0.1:6379; skipped, saying why, elsewhere. CI runs the suite on PostgreSQL with
REQUIRE_REDIS=1 set, where a missing Redis fails instead of skipping."""

import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.accounts import roles
from screening.models import ContentVersion, UsageRecord
from tests.conftest import PASSWORD, make_user

ROOT = Path(__file__).resolve().parents[2]
# A Redis database of its own: tests/web/test_redis_cache.py uses 15.
REDIS_URL = "redis://127.0.0.1:6379/14"
START_SECONDS = 30
REQUEST_SECONDS = 15
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

LOGIN = reverse("login")
LOGOUT = reverse("logout")
VERIFY = reverse("two_factor:verify")
CHECKLIST = reverse("screening:checklist")
RESULT = reverse("screening:result")
CONTACTS = reverse("screening:contacts")
GUIDANCE = reverse("screening:guidance")
DASHBOARD = reverse("screening:dashboard")


def redis_or_skip():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("no Redis server on 127.0.0.1:6379; CI must run the two-server test")
        pytest.skip("no Redis server on 127.0.0.1:6379 (the app servers share one)")
    return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, method: str, path: str, *, body: str = "", headers: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_SECONDS)
    try:
        conn.request(method, path, body=body or None, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read().decode()
    finally:
        conn.close()


class Server:
    """One app server: gunicorn with one sync worker on a free loopback port."""

    def __init__(self, name: str, env: dict) -> None:
        self.name, self.port = name, free_port()
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [str(gunicorn), "--workers", "1", "--worker-class", "sync"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"]
        command += ["--timeout", "30", "project.wsgi:application"]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode()[-2000:]
                pytest.fail(f"server {self.name} exited: {error}")
            try:
                if fetch(self.port, "GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        pytest.fail(f"server {self.name} did not answer /healthz within {START_SECONDS} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
            except ProcessLookupError:
                pass
        self.process.stderr.close()


class Visitor:
    """A browser's cookie jar, sent to whichever server is named: the cookies it got from
    one server are the ones it shows the other (as behind a load balancer)."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(self, server: Server, method: str, path: str, data=None) -> tuple[int, str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = ""
        if data is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urlencode(data, doseq=True)
        status, response_headers, text = fetch(
            server.port, method, path, body=body, headers=headers
        )
        location = ""
        for name, value in response_headers:
            if name.lower() == "set-cookie":
                key, _, val = value.split(";", 1)[0].partition("=")
                if val and val != '""':
                    self.cookies[key] = val
                else:
                    self.cookies.pop(key, None)
            elif name.lower() == "location":
                location = value
        return status, text, location

    def get(self, server: Server, path: str) -> tuple[int, str, str]:
        return self.request(server, "GET", path)

    def post_form(self, server: Server, path: str, data: dict) -> tuple[int, str, str]:
        """GET the page for its CSRF token, then POST the form with it."""
        status, page, _ = self.get(server, path)
        assert status == 200, f"GET {path} on {server.name}: {status}"
        return self.request(server, "POST", path, {"csrfmiddlewaretoken": csrf(page), **data})

    def sign_in(self, server: Server, user: User, password: str = PASSWORD) -> tuple[int, str]:
        data = {"username": user.username, "password": password}
        status, page, _ = self.post_form(server, LOGIN, data)
        return status, page

    def sign_in_with_second_factor(self, server: Server, user: User) -> None:
        status, page = self.sign_in(server, user)
        assert status == 302, f"sign-in refused on {server.name}: {status}"
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        status, _, _ = self.post_form(server, VERIFY, {"code": f"{totp(device.bin_key):06d}"})
        assert status == 302, f"second factor refused on {server.name}: {status}"


def csrf(page: str) -> str:
    found = CSRF.search(page)
    assert found, "the page has no CSRF token"
    return found.group(1)


class FormFields(HTMLParser):
    """What a browser would send from one form: its inputs, ticked boxes, chosen options and
    text areas (enough for the admin's change forms)."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id, self.inside = form_id, False
        self.fields: list[tuple[str, str]] = []
        self.select: tuple[str, bool] | None = None
        self.first_option: str | None = None
        self.chosen = False
        self.textarea: str | None = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self.select = (name, "multiple" in attrs)
            self.first_option, self.chosen = None, False
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.first_option is None:
                self.first_option = value
            if "selected" in attrs:
                self.fields.append((self.select[0], value))
                self.chosen = True
        elif tag == "textarea" and name:
            self.textarea, self.text = name, ""

    def handle_data(self, data):
        if self.textarea is not None:
            self.text += data

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            name, multiple = self.select
            if not multiple and not self.chosen and self.first_option is not None:
                self.fields.append((name, self.first_option))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            text = self.text[1:] if self.text.startswith("\n") else self.text
            self.fields.append((self.textarea, text))
            self.textarea = None


def form_fields(page: str, form_id: str) -> list[tuple[str, str]]:
    parser = FormFields(form_id)
    parser.feed(page)
    assert parser.fields, f"no form #{form_id} on the page"
    return parser.fields


def admin_save(visitor: Visitor, server: Server, path: str, form_id: str, change) -> None:
    """Open an admin change form on a server, change some fields, save it."""
    status, page, _ = visitor.get(server, path)
    assert status == 200, f"GET {path} on {server.name}: {status}"
    fields = change(form_fields(page, form_id))
    status, page, _ = visitor.request(server, "POST", path, fields)
    assert status == 302, f"the admin refused the change on {server.name}: {status}\n{page}"


def database_url() -> str:
    """The test database, as the servers must reach it (not the one DATABASE_URL names)."""
    db = connection.settings_dict
    return (
        f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}"
        f"@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{quote(db['NAME'])}"
    )


def groups_as_migrated() -> None:
    """The three groups and their permissions, as migration 0002 makes them: a transactional
    test run before this one may have flushed them."""
    for name, codenames in roles.GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label="screening", codename__in=codenames
        )
        assert permissions.count() == len(codenames), name
        group.permissions.set(permissions)


def staff(user: User) -> User:
    TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)
    return user


@pytest.fixture
def servers():
    """Two app servers sharing the test database, a Redis database and a SECRET_KEY."""
    if connection.vendor != "postgresql":
        pytest.skip("two app servers share only a database server (CI runs this on PostgreSQL)")
    redis = redis_or_skip()
    redis.flushdb()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CACHE_URL": REDIS_URL,
        "SECRET_KEY": secrets.token_urlsafe(50),
        # Plain HTTP on loopback, static files from the apps (no collectstatic).
        "TESTING": "1",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "project.settings",
        "PYTHONPATH": str(ROOT),
    }
    for name in ("DEBUG", "REDIS_URL", "BEHIND_PROXY", "PYTEST_CURRENT_TEST"):
        env.pop(name, None)
    started: list[Server] = []
    try:
        for name in ("A", "B"):
            started.append(Server(name, env))
        for server in started:
            server.wait_until_up()
        yield started
    finally:
        for server in started:
            server.stop()
        redis.flushdb()
        redis.close()


@pytest.mark.timeout(180)
@pytest.mark.django_db(transaction=True)
def test_what_one_server_does_holds_on_the_other(servers, content):
    a, b = servers
    groups_as_migrated()
    ContentVersion.objects.get_or_create(pk=1, defaults={"value": 1})

    # A content edit: an editor renames a contact in server A's admin; B shows the new name
    # on its next page, though it had the old page rendered in its memory.
    contact = content["contacts"]["helpline"]
    reader = Visitor()
    worker = make_user("two-servers-worker", roles.FRONTLINE)
    assert reader.sign_in(a, worker)[0] == 302
    for server in (a, b):
        status, page, _ = reader.get(server, CONTACTS)
        assert status == 200 and escape(contact.name) in page, server.name
    editor = Visitor()
    editor.sign_in_with_second_factor(
        a, staff(make_user("two-servers-editor", roles.EDITORS, is_staff=True))
    )
    renamed = f"Renamed helpline {secrets.token_hex(3)}"

    def rename(fields):
        return [(k, renamed if k in {"name", "name_en"} else v) for k, v in fields]

    path = reverse("admin:screening_supportcontact_change", args=[contact.pk])
    admin_save(editor, a, path, "supportcontact_form", rename)
    for server in (b, a):
        page = reader.get(server, CONTACTS)[1]
        assert renamed in page, f"server {server.name} still shows the old name"
        assert escape(contact.name) not in page

    # A role change: a superuser takes a supervisor out of Supervisors in A's admin; the
    # dashboard is refused on both, and neither menu offers it any more.
    supervisor_user = staff(make_user("two-servers-supervisor", roles.SUPERVISORS))
    supervisor = Visitor()
    supervisor.sign_in_with_second_factor(b, supervisor_user)
    for server in (a, b):
        assert supervisor.get(server, DASHBOARD)[0] == 200, server.name
        assert f'href="{DASHBOARD}"' in supervisor.get(server, GUIDANCE)[1], server.name
    superuser = Visitor()
    superuser.sign_in_with_second_factor(
        a,
        staff(
            User.objects.create_superuser(
                "two-servers-admin", password=PASSWORD, email="admin@example.org"
            )
        ),
    )
    supervisors = str(Group.objects.get(name=roles.SUPERVISORS).pk)

    def leave_supervisors(fields):
        return [(k, v) for k, v in fields if not (k == "groups" and v == supervisors)]

    path = reverse("admin:auth_user_change", args=[supervisor_user.pk])
    admin_save(superuser, a, path, "user_form", leave_supervisors)
    assert not supervisor_user.groups.filter(name=roles.SUPERVISORS).exists()
    for server in (b, a):
        assert supervisor.get(server, DASHBOARD)[0] == 403, server.name
        assert f'href="{DASHBOARD}"' not in supervisor.get(server, GUIDANCE)[1], server.name

    # A sign-out: signing out through A ends the session on B; the same cookie is refused.
    leaving = Visitor()
    assert leaving.sign_in(b, worker)[0] == 302
    assert leaving.get(b, CHECKLIST)[0] == 200
    kept = dict(leaving.cookies)
    status, page, _ = leaving.get(a, GUIDANCE)
    status, _, _ = leaving.request(a, "POST", LOGOUT, {"csrfmiddlewaretoken": csrf(page)})
    assert status == 302
    replay = Visitor()
    replay.cookies = kept
    for server in (b, a):
        status, _, location = replay.get(server, CHECKLIST)
        assert status == 302 and location.startswith(LOGIN), (server.name, status, location)

    # A sign-in lock: failures spread over both servers add up; the lock holds on both.
    locked = make_user("two-servers-locked", roles.FRONTLINE)
    trier = Visitor()
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        status, _ = trier.sign_in((a, b)[n % 2], locked, password="not-the-password")
        assert status == 200, f"failure {n + 1} was not a plain refusal: {status}"
    status, _ = trier.sign_in(a, locked, password="not-the-password")
    assert status == 429, f"the last failure did not lock: {status}"
    for server in (b, a):
        status, _ = Visitor().sign_in(server, locked)
        assert status == 429, f"the right password got through the lock on {server.name}"

    # A spent checklist token: the same form sent once to each server saves one record.
    submitter = Visitor()
    assert submitter.sign_in(a, worker)[0] == 302
    status, page, _ = submitter.get(a, CHECKLIST)
    assert status == 200
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    answers = dict.fromkeys(set(re.findall(r'name="(v\d+)"', page)), "no")
    form = {"csrfmiddlewaretoken": csrf(page), "token": token, "immediate_danger": "no"}
    form |= answers
    before = UsageRecord.objects.count()
    status, _, location = submitter.request(a, "POST", CHECKLIST, form)
    assert status == 302 and location.endswith(RESULT), (status, location)
    assert UsageRecord.objects.count() == before + 1
    status, _, location = submitter.request(b, "POST", CHECKLIST, form)
    # B reads in the shared session that this form was saved, and shows its result.
    assert status == 302 and location.endswith(RESULT), (status, location)
    assert UsageRecord.objects.count() == before + 1, "the spent token saved a second record"
