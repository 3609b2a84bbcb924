"""The shared cache the page-cache tests run against: Redis, skipped when it is not there,
except under CI=true where its absence fails the test."""

from __future__ import annotations

import os
import uuid

import pytest

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_reachable() -> bool:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except Exception:
        return False
    return True


def redis_caches() -> dict:
    """A CACHES setting for Redis with this test's own key prefix (skips or fails the test
    when Redis is unreachable)."""
    if not redis_reachable():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis at {REDIS_URL} is unreachable and CI=true requires it")
        pytest.skip(f"no Redis at {REDIS_URL}")
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",  # this test's keys only
        }
    }
