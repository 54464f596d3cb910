"""Headers the Observatory scores and that caches and browsers act on, on every response."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.http import HttpResponse
from django.urls import reverse

from screening.models import AccountSession as Session

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "path", ["/", "/accounts/login/", "/static/screening/site.css", "/healthz"]
)
def test_every_response_has_cross_origin_resource_policy_and_permissions_policy(client, db, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy
    assert "publickey-credentials-get=(self)" in policy


@pytest.mark.parametrize("name", ["screening:start", "screening:guidance", "screening:contacts"])
def test_public_pages_may_be_kept_but_are_checked_before_each_use(worker_client, name):
    response = worker_client.get(reverse(name))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"


@pytest.mark.parametrize("path", ["/admin/", "/dashboard/", "/accounts/login/"])
def test_admin_dashboard_and_sign_in_are_never_stored(supervisor_client, path):
    response = supervisor_client.get(path)
    assert "no-store" in response["Cache-Control"]


def test_static_files_keep_their_own_caching(client, db):
    response = client.get("/static/screening/site.css")
    assert "Cache-Control" in response
    assert "no-store" not in response["Cache-Control"]
    assert "Access-Control-Allow-Origin" not in response


def test_the_503_page_is_never_stored(worker_client, monkeypatch):
    import screening.frontline.views

    def down(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(screening.frontline.views, "active_regions", down)
    worker_client.raise_request_exception = False
    response = worker_client.get(reverse("screening:checklist"))
    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"


def test_healthz_503_says_when_to_retry(client, db, monkeypatch):
    from django.db.backends.base.base import BaseDatabaseWrapper

    def down(self, *args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(BaseDatabaseWrapper, "cursor", down)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_a_session_that_cannot_be_saved_in_an_outage_gives_the_503_page(worker_client, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr(Session, "save", down)
    worker_client.raise_request_exception = False
    response = worker_client.get(reverse("screening:guidance"))
    assert response.status_code == 503  # not a misleading 400 "bad request"
    assert "The database is not answering" in response.content.decode()
    assert response["Retry-After"] == "30"


def test_the_language_cookie_is_http_only_and_same_site(client, db):
    response = client.post(reverse("set_language"), {"language": "ne", "next": "/"})
    cookie = response.cookies["django_language"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"


def test_the_csrf_and_session_cookies_are_http_only_and_same_site(client, worker, password):
    page = client.get(reverse("login"))
    csrf = page.cookies["csrftoken"]
    assert csrf["httponly"] is True and csrf["samesite"] == "Lax"
    response = client.post(reverse("login"), {"username": worker.username, "password": password})
    session = response.cookies["sessionid"]
    assert session["httponly"] is True and session["samesite"] == "Lax"


def test_production_cookies_are_secure_with_host_prefixes():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "TESTING", "INSECURE_HTTP", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="rr.example.org",
        DJANGO_SETTINGS_MODULE="project.settings",
    )
    code = (
        "from django.conf import settings as s; print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, "
        "s.LANGUAGE_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.LANGUAGE_COOKIE_SECURE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == [
        "__Host-sessionid",
        "__Host-csrftoken",
        "__Host-language",
        "True",
        "True",
        "True",
    ], result.stderr


# The Content-Security-Policy, built once (screening/web/headers.py) -------------------------------


def test_every_page_gets_django_csps_own_policy_built_once(client, db, monkeypatch):
    from csp.utils import build_policy

    from screening.web import headers

    headers.site_policy.cache_clear()
    built = []

    def counting(**kwargs):
        built.append(kwargs)
        return build_policy(**kwargs)

    monkeypatch.setattr(headers, "build_policy", counting)
    for path in ["/", reverse("screening:guidance"), "/healthz", "/accounts/login/"]:
        response = client.get(path)
        assert response["Content-Security-Policy"] == build_policy()
        assert "Content-Security-Policy-Report-Only" not in response
    assert len(built) == 2  # the policy and the (empty) report-only one, once each
    headers.site_policy.cache_clear()


def test_a_changed_policy_setting_is_built_again(client, db, settings):
    directives = {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": ["'self'", "data:"]}
    client.get("/")  # builds the policy from the shipped setting
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": directives}
    assert "img-src 'self' data:" in client.get("/")["Content-Security-Policy"]
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'self'"]}}
    assert client.get("/")["Content-Security-Policy-Report-Only"] == "default-src 'self'"


def test_a_response_with_a_policy_of_its_own_or_a_nonce_goes_through_django_csp(rf, monkeypatch):
    from csp.middleware import CSPMiddleware

    from screening.web.headers import ContentSecurityPolicyMiddleware

    asked = []
    original = CSPMiddleware.process_response

    def django_csps(self, request, response):
        asked.append(request.path)
        return original(self, request, response)

    monkeypatch.setattr(CSPMiddleware, "process_response", django_csps)

    def own_policy(request):
        response = HttpResponse("page")
        response._csp_update = {"img-src": ["https://maps.example.org"]}
        return response

    def with_nonce(request):
        return HttpResponse(f"nonce {request.csp_nonce}")

    response = ContentSecurityPolicyMiddleware(own_policy)(rf.get("/own"))
    assert "https://maps.example.org" in response["Content-Security-Policy"]
    ContentSecurityPolicyMiddleware(with_nonce)(rf.get("/nonce"))
    ContentSecurityPolicyMiddleware(lambda request: HttpResponse("page"))(rf.get("/plain"))
    assert asked == ["/own", "/nonce"]
