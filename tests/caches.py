"""The shared cache the page-cache tests run against: Redis, skipped when it is not there,
except under CI=true where its absence fails the test."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
import uuid

import pytest

# TEST_REDIS_URL names the Redis of these tests alone: REDIS_URL would also make the settings
# cache every other test's pages there (pages of one test's rows served to the next).
REDIS_URL = os.environ.get("TEST_REDIS_URL") or os.environ.get(
    "REDIS_URL", "redis://127.0.0.1:6379/15"
)


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


@contextlib.contextmanager
def private_redis(*settings: str):
    """A Redis server of this test's own on a free port, started with ``settings`` (e.g.
    "--maxmemory", "2mb"): memory limits and eviction cannot be tried on the shared one.
    Yields a CACHES setting for it; skipped without redis-server, except under CI=true."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is missing and CI=true requires it")
        pytest.skip("redis-server is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no", *settings],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    try:
        import redis

        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(url, socket_connect_timeout=1).ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": url,
                "KEY_PREFIX": "meetings",
            }
        }
    finally:
        server.terminate()
        server.wait(timeout=10)
