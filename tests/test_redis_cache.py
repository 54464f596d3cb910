"""With CACHE_URL pointing at Redis: the checklist is cached there, a cache restart (flush)
loses no session (sessions stay in the database), and a cached page still costs one query.
Skipped without the redis package or server."""

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
        pytest.skip("no Redis server on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "rr-test",
        }
    }
    caches["default"].clear()
    yield
    caches["default"].clear()


def test_sessions_survive_a_redis_flush_and_the_checklist_is_cached_there(
    redis_settings, client, worker, content
):
    client.force_login(worker)
    checklist = reverse("screening:checklist")
    first = client.get(checklist).content.decode()
    assert "Does not know the address" in first
    assert any(redis.Redis.from_url(REDIS_URL).scan_iter("rr-test:*"))
    caches["default"].clear()  # the cache restarts empty
    again = client.get(checklist)
    assert again.status_code == 200  # still signed in: the session came from the database
    assert "Does not know the address" in again.content.decode()


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
