"""The page cache in a Redis with a memory limit (issue 14, item 6).

docs/operations.md requires ``maxmemory`` and ``maxmemory-policy allkeys-lru``: ``check
--deploy`` says when they are missing, a flood of pages stays within the limit, and an
evicted dependency key never lets an older copy of a page be served. Each test runs its own
redis-server (tests/caches.py: limits cannot be tried on a shared one), except the last,
which evicts by hand on the shared test Redis.
"""

from __future__ import annotations

import pytest
from django.core import checks
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings import cache
from tests.caches import private_redis, redis_caches


def deploy_warnings() -> list[str]:
    found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.caches])
    return [message.id for message in found]


def test_check_deploy_wants_a_maxmemory_and_allkeys_lru(settings):
    with private_redis() as redis_settings:  # Redis's defaults: no limit, noeviction
        settings.CACHES = redis_settings
        assert "meetings.W001" in deploy_warnings()
    with private_redis("--maxmemory", "64mb", "--maxmemory-policy", "volatile-lru") as found:
        settings.CACHES = found
        assert "meetings.W001" in deploy_warnings()
    with private_redis("--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru") as found:
        settings.CACHES = found
        assert deploy_warnings() == []


def test_check_deploy_says_nothing_without_redis(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert deploy_warnings() == []


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_a_flood_of_searches_stays_within_maxmemory_and_pages_stay_true(
    client, settings, small_world, django_capture_on_commit_callbacks
):
    with private_redis("--maxmemory-policy", "allkeys-lru") as found:
        settings.CACHES = found
        client.get("/search/?q=warm")  # the cache's fixed costs, before the limit is set
        backend = caches["default"]._cache.get_client()
        limit = backend.info()["used_memory"] + 64 * 1024
        backend.config_set("maxmemory", limit)
        sent = 0
        for n in range(80):  # every one a page of its own, together over the limit
            response = client.get(f"/search/?q=Putin+{n}")
            assert response.status_code == 200
            sent += len(response.content)
        assert sent > 2 * 64 * 1024
        info = backend.info()
        assert info["evicted_keys"] > 0
        # Redis evicts before each write, so the last write may pass the limit by its size.
        assert info["used_memory"] <= limit + 16 * 1024
        page = small_world.get_absolute_url()
        assert get(client, page)[0].status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            small_world.name = "Vladimir Putin Renamed"
            small_world.save()
        response, queries = get(client, page)
        assert queries > 0 and b"Vladimir Putin Renamed" in response.content


def test_an_evicted_dependency_key_takes_the_pages_showing_it(
    client, settings, small_world, django_capture_on_commit_callbacks
):
    settings.CACHES = redis_caches()
    try:
        page = small_world.get_absolute_url()
        get(client, page)
        assert get(client, page)[1] == 0  # served from the cache
        with django_capture_on_commit_callbacks(execute=True):
            small_world.name = "Vladimir Putin Renamed"
            small_world.save()
        # Redis evicts the key the rename moved (allkeys-lru may take any key) before the
        # page is read again: the copy built before the rename must not come back.
        caches["default"].delete(cache.actor(small_world.pk))
        response, queries = get(client, page)
        assert queries > 0 and b"Vladimir Putin Renamed" in response.content
        assert get(client, page)[1] == 0  # and the new copy is kept
    finally:
        caches["default"].clear()


@pytest.mark.parametrize(
    ("url", "key"),
    [("/meetings/", cache.ALL), ("/meetings/", cache.family("meetings")), ("/", cache.ANY)],
)
def test_an_evicted_key_takes_the_pages_naming_it(client, settings, small_world, url, key):
    settings.CACHES = redis_caches()
    try:
        get(client, url)
        assert get(client, url)[1] == 0
        caches["default"].delete(key)
        assert get(client, url)[1] > 0
    finally:
        caches["default"].clear()
