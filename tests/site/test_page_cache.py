"""Whole public pages from the shared cache (Redis), never older than the data they show.

The cache is keyed by the publication generation, which every write of a public model moves
after its transaction commits; these tests make each kind of write and check that the next
request sees it. They need Redis: skipped without it, except under CI=true.
"""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings import services
from meetings.models import Actor, Meeting
from tests.caches import redis_caches


@pytest.fixture
def shared_cache(settings):
    settings.CACHES = redis_caches()
    yield caches["default"]
    caches["default"].clear()


def get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


def test_second_request_is_served_without_the_database(client, world, shared_cache):
    url = world.li.get_absolute_url()
    first, first_queries = get(client, url)
    second, second_queries = get(client, url)
    assert first.status_code == second.status_code == 200
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content


def test_revalidation_gets_304_from_the_cached_copy(client, world, shared_cache):
    url = "/meetings/"
    first, _ = get(client, url)
    etag = first.headers["ETag"]
    again, queries = get(client, url, if_none_match=etag)
    assert again.status_code == 304
    assert queries == 0


def test_query_strings_are_different_pages(client, world, shared_cache):
    everything, _ = get(client, "/meetings/")
    russia, queries = get(client, "/meetings/?country=RU")
    assert queries > 0  # not the unfiltered page's copy
    assert russia.content != everything.content


def test_unpublishing_an_article_shows_at_once(
    client, world, shared_cache, django_capture_on_commit_callbacks
):
    url = world.moscow.get_absolute_url()
    assert get(client, url)[0].status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        services.article_unpublish(article=world.article)
    assert get(client, url)[0].status_code == 404


def test_an_edit_saved_on_a_published_actor_shows_at_once(
    client, world, shared_cache, django_capture_on_commit_callbacks
):
    url = world.li.get_absolute_url()
    assert b"Li Shangfu" in get(client, url)[0].content
    with django_capture_on_commit_callbacks(execute=True):
        world.li.name = "Li Shangfu Renamed"
        world.li.save()
    assert b"Li Shangfu Renamed" in get(client, url)[0].content


def test_a_bulk_update_shows_at_once(
    client, world, shared_cache, django_capture_on_commit_callbacks
):
    url = world.moscow.get_absolute_url()
    assert get(client, url)[0].status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        Meeting.objects.filter(pk=world.moscow.pk).update(title="Retitled by a bulk update")
    assert b"Retitled by a bulk update" in get(client, url)[0].content


def test_rejecting_an_actor_in_bulk_shows_at_once(
    client, world, shared_cache, django_capture_on_commit_callbacks
):
    url = world.shoigu.get_absolute_url()
    assert get(client, url)[0].status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        Actor.objects.filter(pk=world.shoigu.pk).update(editorial_status="rejected")
    assert get(client, url)[0].status_code == 404


def test_a_delete_shows_at_once(client, world, shared_cache, django_capture_on_commit_callbacks):
    url = world.statement.get_absolute_url()
    assert get(client, url)[0].status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        world.statement.delete()
    assert get(client, url)[0].status_code == 404


def test_nothing_moves_before_the_commit(client, world, shared_cache):
    # Inside the test's transaction the callbacks do not run: the generation stays, so the
    # copy made before the (uncommitted) change is still served. Other requests could not
    # see the change either, so nothing stale is served to them.
    url = world.li.get_absolute_url()
    before = get(client, url)[0].content
    world.li.name = "Not yet committed"
    world.li.save()
    after, queries = get(client, url)
    assert queries == 0
    assert after.content == before


def test_admin_pages_are_never_cached(admin_client, world, shared_cache):
    get(admin_client, "/admin/")
    _, queries = get(admin_client, "/admin/")
    assert queries > 0


def test_a_cached_feed_is_served_in_one_piece(client, world, shared_cache):
    url = f"/actors/{world.li.slug}/feed/"
    first, _ = get(client, url)
    second, queries = get(client, url)
    assert queries == 0
    assert second.content == first.content
    assert len(second._container) == 1  # not the writer's many small pieces


def test_an_unreachable_cache_costs_speed_not_pages(
    client, world, settings, django_capture_on_commit_callbacks, caplog
):
    # Nothing listens on port 1: every cache call fails with a connection error.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }
    for url in (world.li.get_absolute_url(), "/countries/", "/countries/cn/ru/"):
        response, queries = get(client, url)
        assert response.status_code == 200, url
        assert queries > 0  # built, not served from anywhere
    with django_capture_on_commit_callbacks(execute=True):
        services.article_unpublish(article=world.article)  # the commit still goes through
    assert get(client, world.moscow.get_absolute_url())[0].status_code == 404
    assert "Cache unavailable" in caplog.text
    assert "Could not move the dependency keys of a change on" in caplog.text


def page_key(url: str) -> str:
    import hashlib

    return "page:" + hashlib.sha256(f"http://testserver{url}?".encode()).hexdigest()


@pytest.fixture
def renamed(client, world, shared_cache, django_capture_on_commit_callbacks):
    """Li's page cached, then Li renamed (committed): (url, its cache key, the old copy)."""
    url = world.li.get_absolute_url()
    get(client, url)
    key = page_key(url)
    old = shared_cache.get(key)
    assert old is not None
    with django_capture_on_commit_callbacks(execute=True):
        world.li.name = "Li Shangfu Renamed"
        world.li.save()
    return url, key, old


def another_request_builds(cache, key: str, then=None, after: float = 0.3) -> None:
    """Hold the page's build lock as a request building it would, and ``after`` seconds
    store ``then`` (a cache entry) and let go, as it would once built."""
    import threading

    assert cache.add(f"{key}:building", 1, 10)

    def done():
        if then is not None:
            cache.set(key, then, 600)
        cache.delete(f"{key}:building")

    threading.Timer(after, done).start()


def test_a_request_waits_for_the_copy_another_is_building(client, shared_cache, renamed):
    # One request builds a page gone out of date; another asking for it meanwhile waits,
    # then is served that copy (built after the change) without building it again.
    import time

    from django.http import HttpResponse

    url, key, (_, dependencies, _) = renamed
    built = (time.time_ns(), dependencies, HttpResponse(b"built by the other request"))
    another_request_builds(shared_cache, key, then=built)
    started = time.monotonic()
    served, queries = get(client, url)
    assert time.monotonic() - started >= 0.25
    assert queries == 0 and served.content == b"built by the other request"


def test_a_waiting_request_is_never_served_the_copy_from_before_the_change(
    client, shared_cache, renamed
):
    url, key, old = renamed
    another_request_builds(shared_cache, key, then=old)  # it put the old copy back
    served, queries = get(client, url)
    assert queries > 0 and b"Li Shangfu Renamed" in served.content


def test_a_request_builds_the_page_itself_when_the_other_never_finishes(
    client, shared_cache, renamed, monkeypatch
):
    import time

    from meetings import cache

    monkeypatch.setattr(cache, "BUILD_WAIT_SECONDS", 0.3)
    url, key, _ = renamed
    another_request_builds(shared_cache, key, after=5)
    started = time.monotonic()
    served, queries = get(client, url)
    assert 0.25 <= time.monotonic() - started < 4
    assert queries > 0 and b"Li Shangfu Renamed" in served.content
