"""Settings for ``make bench``: production-like (DEBUG off, manifest static files, persistent
connections), served on 127.0.0.1 without TLS, plus the floor view at /bench/floor/.

    DJANGO_SETTINGS_MODULE=bench.settings gunicorn meetings.wsgi -w 2

Pages are measured uncached: the cache is a DummyCache unless BENCH_CACHE=1 or
BENCH_PUBLISH=1 (then Redis at REDIS_URL, redis://127.0.0.1:6379/1 when unset).
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault(
    "DJANGO_SECRET_KEY", "bench-only-secret-key-never-used-in-production-0123456789"
)
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")

from meetings.settings import *  # noqa: E402, F403
from meetings.settings import BASE_DIR, INSTALLED_APPS, TEMPLATES, env_bool  # noqa: E402

DEBUG = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
# "testserver": the Django test client that counts each page's queries.
ALLOWED_HOSTS = ["127.0.0.1", "testserver"]
ROOT_URLCONF = "bench.urls"
# The bench app (its commands: bench, generate_corpus) is installed here only: it never ships.
INSTALLED_APPS = [*INSTALLED_APPS, "bench.apps.BenchConfig"]
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]

if env_bool("BENCH_CACHE", False) or env_bool("BENCH_PUBLISH", False):
    # Pages served the way production serves them: from Redis (a local one when unset).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1"),
            "KEY_PREFIX": "meetings-bench",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
