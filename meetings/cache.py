"""Figures that grow with the data, cached under a *publication generation*.

The generation is a number kept in the cache that moves on whenever what the public may see
changes (``publication_changed``, called by services.visibility_refresh). Every cached
figure's key holds the generation it was computed under, so after a publish or unpublish no
request ever reads a figure from before it: the old keys are simply never asked for again.

Only a cache shared by every process (Redis, memcached, database) is used: with the
per-process memory cache, a publish in one gunicorn worker would not move the generation
of the others, so figures are then computed on each request.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction

GENERATION_KEY = "publication-generation"
TIMEOUT = 24 * 3600  # figures are exact until the next publish; a day bounds the memory


def enabled() -> bool:
    """True when the default cache is shared by all processes."""
    return not isinstance(caches["default"], LocMemCache | DummyCache)


def generation() -> int:
    """The current publication generation.

    A missing key (a new or flushed cache, an eviction) starts again from the clock in
    nanoseconds, never from a number that older keys could hold.
    """
    cache = caches["default"]
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def _advance() -> None:
    cache = caches["default"]
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there: any new value is newer than every key in use
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def publication_changed() -> None:
    """What is public changed: move the generation on once the transaction commits (before
    that, other requests still read the old rows and may cache them under the old one)."""
    transaction.on_commit(_advance)


def cached[T](key: str, compute: Callable[[], T]) -> T:
    """``compute()``, cached under ``key`` for the current publication generation."""
    if not enabled():
        return compute()
    cache = caches["default"]
    full_key = f"{key}:g{generation()}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, TIMEOUT)
    return value
