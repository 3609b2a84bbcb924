"""Anonymous clients are throttled per address: past the rate, 429 with Retry-After; the
address is the one login throttling reads (behind trusted proxies, what the nearest saw)."""

import pytest
from django.urls import reverse

from tests import factories
from tests.caches import redis_caches

URL = reverse("api:actor-list")


@pytest.fixture
def three_a_minute(settings, db):
    factories.country("CN")
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }


def statuses(client, n: int, **headers) -> list[int]:
    return [client.get(URL, **headers).status_code for _ in range(n)]


def test_past_the_rate_a_client_waits_and_is_told_how_long(client, three_a_minute):
    assert statuses(client, 3) == [200, 200, 200]
    response = client.get(URL)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "throttled" in response.json()["detail"]


def test_each_address_has_its_own_count(client, three_a_minute):
    assert statuses(client, 4, REMOTE_ADDR="192.0.2.1") == [200, 200, 200, 429]
    assert statuses(client, 1, REMOTE_ADDR="192.0.2.2") == [200]


def test_behind_a_trusted_proxy_the_forwarded_address_counts_and_cannot_be_forged(
    client, three_a_minute, settings
):
    settings.TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    first = {"HTTP_X_FORWARDED_FOR": "198.51.100.7", **proxy}
    assert statuses(client, 3, **first) == [200, 200, 200]
    # The same client writing other addresses in front of its own gains nothing.
    forged = {"HTTP_X_FORWARDED_FOR": "203.0.113.9, 198.51.100.7", **proxy}
    assert statuses(client, 1, **forged) == [429]
    other = {"HTTP_X_FORWARDED_FOR": "198.51.100.8", **proxy}
    assert statuses(client, 1, **other) == [200]


def test_with_redis_every_worker_reads_the_same_counts(client, three_a_minute, settings):
    shared = redis_caches()
    settings.CACHES = shared
    assert statuses(client, 3) == [200, 200, 200]
    # A worker with only its own memory would not know of them...
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "a-fresh-worker",
        }
    }
    assert statuses(client, 1) == [200]
    # ...one on the shared Redis does, with a connection of its own.
    settings.CACHES = shared
    assert statuses(client, 1) == [429]
