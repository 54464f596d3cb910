"""With CACHE_URL pointing at Redis: the checklist is cached there, a cache restart (flush)
loses no session (sessions stay in the database), and a cached page still costs one query.
Skipped without the redis package or server."""

import os

import pytest
from django.core.cache import caches
from django.urls import reverse

redis = pytest.importorskip("redis")
REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_settings(settings):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("no Redis server on 127.0.0.1:6379; CI must run the Redis tests")
        pytest.skip("no Redis server on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "rr-test",
        },
        "pages": settings.PAGES_CACHE,
    }
    caches["default"].clear()
    yield
    caches["default"].clear()


def test_sessions_survive_a_redis_flush_and_pages_are_kept_in_the_process(
    redis_settings, client, worker, content
):
    client.force_login(worker)
    checklist = reverse("screening:checklist")
    first = client.get(checklist).content.decode()
    assert "Does not know the address" in first
    # A page rendered whole (a region being chosen) uses its cached fragments.
    assert client.get(reverse("screening:contacts") + "?region=north").status_code == 200
    stored = [key.decode() for key in redis.Redis.from_url(REDIS_URL).scan_iter("rr-test:*")]
    assert stored  # the Dashboard link's answer, shared by every app server
    content_keys = (":page:", ":content:", "template.cache")
    assert not [key for key in stored if any(part in key for part in content_keys)]
    assert any(":page:checklist:" in key for key in caches["pages"]._cache)
    caches["default"].clear()  # Redis restarts empty
    again = client.get(checklist)
    assert again.status_code == 200  # still signed in: the session is in the database
    assert "Does not know the address" in again.content.decode()


def test_a_role_change_reaches_the_menu_through_redis(redis_settings, client, worker, content):
    from django.contrib.auth.models import Group

    from screening.accounts import roles

    server = redis.Redis.from_url(REDIS_URL)
    kept = f"dashboard-link:{worker.pk}"
    client.force_login(worker)
    dashboard = reverse("screening:dashboard")
    assert dashboard not in client.get(reverse("screening:guidance")).content.decode()
    assert [key for key in server.scan_iter("rr-test:*") if key.decode().endswith(kept)]
    worker.groups.add(Group.objects.get(name=roles.SUPERVISORS))
    # Forgotten in Redis, so every app server asks again, not only this process.
    assert not [key for key in server.scan_iter("rr-test:*") if key.decode().endswith(kept)]
    assert dashboard in client.get(reverse("screening:guidance")).content.decode()


def test_a_cached_page_costs_one_database_query_with_redis(
    redis_settings, client, worker, content, django_assert_num_queries
):
    # The session, its user and the content version in one query, as without Redis: the
    # database must be asked anyway (an account deactivated or a password changed ends the
    # session at once; an edit shows on the next request everywhere).
    client.force_login(worker)
    checklist = reverse("screening:checklist")
    client.get(checklist)
    with django_assert_num_queries(1):
        assert client.get(checklist).status_code == 200
