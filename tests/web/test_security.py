"""Production settings, headers, sessions, passwords, health and error pages."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import OperationalError
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_prints_no_warning_with_a_production_environment():
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DEBUG", "TESTING", "DATABASE_URL", "INSECURE_HTTP", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        SECRET_KEY="x7!kq2-production-like-secret-key-that-is-long-and-random-9f3b1c8d",
        ALLOWED_HOSTS="rr.example.org",
        CSRF_TRUSTED_ORIGINS="https://rr.example.org",
        DATABASE_URL=f"sqlite:///{ROOT / 'check-deploy.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "System check identified no issues (0 silenced)." in output


def env_without_secret_key() -> dict:
    drop = {"DEBUG", "TESTING", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {k: v for k, v in os.environ.items() if k not in drop}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env_without_secret_key(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run("manage.py", "check", "--deploy")
    assert result.returncode != 0
    assert "screening.E001" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr
    server = run("-c", "import project.wsgi")
    assert server.returncode != 0
    assert "SECRET_KEY" in server.stderr


def test_migration_commands_work_without_a_secret_key():
    result = run("manage.py", "makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_csp_allows_only_own_files_and_nothing_inline(client, db):
    csp = client.get("/")["Content-Security-Policy"]
    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in csp.split(";") if part.strip()
    )
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    for name in ("frame-ancestors", "base-uri", "object-src"):
        assert directives[name] == "'none'"
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp


def test_security_headers_are_sent(client, db):
    response = client.get("/")
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_pages_with_answers_are_never_cached(worker_client):
    for name in ("screening:checklist", "screening:result"):
        response = worker_client.get(reverse(name))
        assert "no-store" in response["Cache-Control"], name


def test_sessions_end_after_30_idle_minutes(worker_client):
    import datetime

    from django.utils import timezone

    from screening.models import AccountSession as Session

    worker_client.get("/")
    session = Session.objects.get()
    left = session.expire_date - timezone.now()
    assert datetime.timedelta(minutes=29) < left <= datetime.timedelta(minutes=30)
    # Each request slides the window; 31 idle minutes later the worker is signed out.
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(minutes=1))
    response = worker_client.get(reverse("screening:checklist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_passwords_must_have_at_least_12_characters():
    with pytest.raises(ValidationError):
        validate_password("Short-pw-1!")
    validate_password("a-much-longer-pass-phrase")


def test_healthz_answers_200_with_json_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_does_not(client, db, monkeypatch):
    from django.db.backends.base.base import BaseDatabaseWrapper

    def down(self, *args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(BaseDatabaseWrapper, "cursor", down)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_a_database_that_goes_away_gives_a_clear_503_page(worker_client, monkeypatch):
    import screening.frontline.views

    def down(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(screening.frontline.views, "active_regions", down)
    worker_client.raise_request_exception = False
    response = worker_client.get(reverse("screening:checklist"))
    assert response.status_code == 503
    assert "The database is not answering" in response.content.decode()
    assert response["Retry-After"] == "30"


def test_unknown_page_gives_a_friendly_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_logs_never_carry_form_contents_or_database_values(caplog, worker_client, monkeypatch):
    import logging

    from screening.web.logging import StripRequestData

    class FakeRequest:
        method = "POST"
        path = "/checklist/"
        POST = {"v1": "yes"}
        META = {"REMOTE_ADDR": "10.1.2.3", "HTTP_USER_AGENT": "Phone"}

    try:
        raise OperationalError('duplicate key value (token_hash)=("abc")')
    except OperationalError:
        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/checklist/",),
            sys.exc_info(),
        )
    record.request = FakeRequest()
    assert StripRequestData().filter(record)
    text = logging.Formatter().format(record) + str(record.request)
    assert "10.1.2.3" not in text
    assert "Phone" not in text
    assert "abc" not in text
    assert "OperationalError" in text


def test_production_static_files_are_hashed_and_compressed(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "TESTING", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(SECRET_KEY="s" * 60, ALLOWED_HOSTS="rr.example.org", STATIC_ROOT=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    hashed = list((tmp_path / "screening").glob("site.*.css"))
    assert hashed, "no hashed site.css"
    assert list((tmp_path / "screening").glob("site.*.css.gz"))
    assert (tmp_path / "staticfiles.json").exists()


def test_a_real_request_that_fails_logs_no_form_contents_or_client_details(
    caplog, worker, content, monkeypatch
):
    import logging
    import re

    from django.test import Client

    client = Client(
        raise_request_exception=False, REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="SecretPhone/1.0"
    )
    client.force_login(worker)
    page = client.get(reverse("screening:checklist")).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    answer = f"v{content['indicators']['venue'].current_version_id}"

    def fail_quoting_values(**kwargs):
        raise OperationalError(f'duplicate key value (token_hash)=("{kwargs["token"]}")')

    monkeypatch.setattr("screening.frontline.views.record_usage", fail_quoting_values)
    # caplog's handler joins the logger after the handlers the settings gave it, so it sees each
    # record as those handlers' filters left it: what the deployment's log would carry.
    logger = logging.getLogger("django.request")
    logger.addHandler(caplog.handler)
    try:
        response = client.post(
            reverse("screening:checklist"),
            {"token": token, answer: "yes", "immediate_danger": "yes", "region": "north"},
        )
    finally:
        logger.removeHandler(caplog.handler)
    assert response.status_code == 503
    records = [r for r in caplog.records if r.name == "django.request"]
    assert records, "the failure was logged"
    for record in records:
        assert record.request == "POST /checklist/"
    text = caplog.text
    assert "OperationalError" in text
    for secret in (token, "10.1.2.3", "SecretPhone", "north"):
        assert secret not in text, secret


def test_a_request_at_minute_20_keeps_the_session_alive_at_minute_40(
    worker, password, time_machine
):
    import datetime

    from django.test import Client
    from django.utils import timezone

    start = timezone.now()
    time_machine.move_to(start, tick=False)
    busy, idle = Client(), Client()
    for client in (busy, idle):
        response = client.post(
            reverse("login"), {"username": worker.username, "password": password}
        )
        assert response.status_code == 302
    # A page that only reads: the session must slide with use, not only when a view writes to it.
    guidance = reverse("screening:guidance")

    def signed_in(client, minutes: int) -> bool:
        time_machine.move_to(start + datetime.timedelta(minutes=minutes), tick=False)
        response = client.get(guidance)
        assert response.status_code in (200, 302)
        return response.status_code == 200

    assert signed_in(busy, 20)
    assert signed_in(busy, 40)  # 40 minutes after signing in, 20 after the last request
    assert not signed_in(idle, 40)  # the same 40 minutes, without a request at minute 20
    assert not signed_in(busy, 71)  # 31 idle minutes after minute 40


def test_healthz_answers_head_for_load_balancers_that_check_with_it(client, db):
    response = client.head(reverse("healthz"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert client.head(reverse("favicon")).status_code == 200


@pytest.fixture
def deployment_log():
    """What the console handler of the settings' LOGGING writes, filters and all."""
    import io
    import logging

    from screening.web.logging import StripRequestData

    handlers = [
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(f, StripRequestData) for f in handler.filters)
    ]
    assert handlers, "the settings' console handler carries the filter"
    stream = io.StringIO()
    previous = [handler.setStream(stream) for handler in handlers]
    yield stream
    for handler, old in zip(handlers, previous, strict=True):
        handler.setStream(old)


@pytest.mark.parametrize(
    "origin",
    [
        "https://forged.example\nWARNING Forbidden: a line the attacker wrote",
        "https://forged.example/" + "x" * 5000,
    ],
)
def test_a_forged_origin_never_reaches_the_log(client, db, deployment_log, origin):
    from django.test import Client

    forging = Client(enforce_csrf_checks=True, HTTP_ORIGIN=origin)
    response = forging.post(reverse("screening:report_number"), {"contact": "1"})
    assert response.status_code == 403
    text = deployment_log.getvalue()
    assert "Forbidden (Origin checking failed" in text, text
    assert "forged.example" not in text
    assert "a line the attacker wrote" not in text
    assert "xxxxxxxxxx" not in text
    assert len(text) < 1000
    assert text.count("\n") == 1


def test_a_forged_referer_never_reaches_the_log(client, db, deployment_log):
    from django.test import Client

    forging = Client(enforce_csrf_checks=True, HTTP_REFERER="https://forged.example/\nlog line")
    response = forging.post(reverse("screening:report_number"), {"contact": "1"}, secure=True)
    assert response.status_code == 403
    text = deployment_log.getvalue()
    assert "Forbidden (Referer checking failed" in text, text
    assert "forged.example" not in text
    assert "log line" not in text


def test_the_logged_path_stays_on_one_short_line():
    import logging

    from screening.web.logging import MAX_PATH, StripRequestData

    class FakeRequest:
        method = "GET"
        path = "/search/\nWARNING a line the attacker wrote/" + "y" * 5000

    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found", (), None
    )
    record.request = FakeRequest()
    assert StripRequestData().filter(record)
    assert "\n" not in record.request
    assert record.request.startswith("GET /search/\\nWARNING")
    assert len(record.request) <= len("GET ") + MAX_PATH + 1


def test_csp_lets_forms_post_only_to_this_site(client, db):
    """form-action is not covered by default-src: without it a form could post anywhere."""
    csp = client.get("/")["Content-Security-Policy"]
    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in csp.split(";") if part.strip()
    )
    assert directives.get("form-action") == "'self'"
