"""The page cache is keyed by the parameters a page understands (issue 12, item 7).

``/meetings/?zz=<random>`` once rendered afresh on every request and stored a new copy for
ten minutes each time, enough to fill Redis. Now unknown parameters are dropped before the
page sees them, so such a request is served from the copy of ``/meetings/``. Tested with
two real shared backends: files (always there) and Redis (skipped without it, except under
CI=true).
"""

from __future__ import annotations

import uuid

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings import page_params
from meetings.site.urls import urlpatterns as site_patterns
from tests import factories
from tests.caches import redis_caches


@pytest.fixture(params=["files", "redis"])
def shared_cache(request, settings, tmp_path):
    if request.param == "files":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(tmp_path / "cache"),
            }
        }
    else:
        settings.CACHES = redis_caches()
    cache = caches["default"]
    yield cache
    cache.clear()


def entries(cache) -> int:
    """How many keys the cache holds (of this test's)."""
    if hasattr(cache, "_dir"):  # FileBasedCache
        return len(cache._list_cache_files())
    client = cache._cache.get_client()
    return len(client.keys(f"{cache.key_prefix}:*"))


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


@pytest.fixture
def meeting(db):
    return factories.meeting(
        participants=[
            factories.actor("Li Shangfu", country_code="CN"),
            factories.actor("Sergei Shoigu", country_code="RU"),
        ],
        city="Moscow",
        country="RU",
    )


def test_unknown_parameters_are_served_from_the_same_copy(client, meeting, shared_cache):
    first, first_queries = get(client, "/meetings/")
    assert first.status_code == 200 and first_queries > 0
    stored = entries(shared_cache)
    for _ in range(5):
        again, queries = get(client, f"/meetings/?zz={uuid.uuid4().hex}&utm_source=x")
        assert queries == 0
        assert again.content == first.content
    assert entries(shared_cache) == stored


def test_a_first_request_with_an_unknown_parameter_stores_the_plain_page(
    client, meeting, shared_cache
):
    tagged, _ = get(client, "/meetings/?country=RU&zz=planted")
    assert tagged.status_code == 200
    assert b"planted" not in tagged.content  # not in its facet, chip or CSV links
    plain, queries = get(client, "/meetings/?country=RU")
    assert queries == 0
    assert plain.content == tagged.content


def test_understood_parameters_still_make_their_own_pages(client, meeting, shared_cache):
    everything, _ = get(client, "/meetings/")
    russia, queries = get(client, "/meetings/?country=RU")
    assert queries > 0
    assert russia.content != everything.content
    kind, queries = get(client, "/meetings/?country=RU&kind=meeting")
    assert queries > 0
    assert kind.content != russia.content


def test_a_page_sees_only_the_parameters_it_understands_without_a_cache(client, meeting):
    response = client.get("/meetings/?zz=planted&country=RU")
    assert response.status_code == 200
    assert list(response.wsgi_request.GET) == ["country"]
    assert b"planted" not in response.content


def test_every_public_page_says_which_parameters_it_understands():
    names = {pattern.name for pattern in site_patterns}
    assert set(page_params.understood()) == names


def test_the_same_parameters_in_another_order_are_the_same_copy(client, meeting, shared_cache):
    first, first_queries = get(client, "/meetings/?country=RU&kind=meeting")
    assert first.status_code == 200 and first_queries > 0
    again, queries = get(client, "/meetings/?kind=meeting&country=RU")
    assert queries == 0 and again.content == first.content


def test_a_search_with_extra_spaces_is_the_same_copy(client, meeting, shared_cache):
    first, first_queries = get(client, "/search/?q=Li+Shangfu")
    assert first.status_code == 200 and first_queries > 0
    again, queries = get(client, "/search/?q=++Li+++Shangfu+")
    assert queries == 0 and again.content == first.content
