"""Settings for ``make bench``: production-like (DEBUG off, manifest static files, persistent
connections), served on 127.0.0.1 without TLS, plus the floor view at /bench/floor/.

    DJANGO_SETTINGS_MODULE=bench.settings gunicorn meetings.wsgi -w 2

Pages are measured uncached: the cache is a DummyCache unless BENCH_CACHE=1 (then the
cache configured by meetings.settings, e.g. Redis from REDIS_URL).
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault(
    "DJANGO_SECRET_KEY", "bench-only-secret-key-never-used-in-production-0123456789"
)
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")

from meetings.settings import *  # noqa: E402, F403
from meetings.settings import BASE_DIR, CACHES, INSTALLED_APPS, TEMPLATES, env_bool  # noqa: E402

DEBUG = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
# "testserver": the Django test client that counts each page's queries.
ALLOWED_HOSTS = ["127.0.0.1", "testserver"]
ROOT_URLCONF = "bench.urls"
# The bench app (its commands: bench, generate_corpus) is installed here only: it never ships.
INSTALLED_APPS = [*INSTALLED_APPS, "bench.apps.BenchConfig"]
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]

if not env_bool("BENCH_CACHE", False):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
