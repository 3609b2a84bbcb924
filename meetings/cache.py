"""Public pages and costly figures, cached under a *publication generation*.

The generation is a number kept in the cache that moves on whenever anything a public page
can show changes: ``publication_changed`` runs after every save, delete and bulk write of
those models, through the receivers of meetings/services/copies.py (the one module that
writes stored copies), and after imports that bypass the models. Every cached page's and
figure's key holds the generation it was computed under, so after a change no request ever
reads one from before it: the old keys are simply never asked for again, and expire.

Only a cache shared by every process (Redis, memcached, database) is used: with the
per-process memory cache, a publish in one gunicorn worker would not move the generation
of the others, so figures are then computed on each request.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from redis.exceptions import RedisError

from meetings import page_params

GENERATION_KEY = "publication-generation"
TIMEOUT = 24 * 3600  # figures are exact until the next change; a day bounds the memory
PAGE_TIMEOUT = 600  # pages: old generations' copies go after ten minutes
PUBLIC_NAMESPACE = "meetings"

logger = logging.getLogger(__name__)
# The cache is an accelerator: when it cannot be reached, pages are built as without it and
# the error is logged, never shown to a reader or an editor.
# (redis-py's ConnectionError and TimeoutError derive from its RedisError, not from OSError.)
UNAVAILABLE = (OSError, RedisError)


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
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # not there: any new value is newer than every key in use
            cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    except UNAVAILABLE:
        # The change is committed; copies made before it may be served until they expire
        # (PAGE_TIMEOUT), unless the cache lost them with its connection.
        logger.exception("Could not move the publication generation on")


def publication_changed() -> None:
    """What is public changed: move the generation on once the transaction commits (before
    that, other requests still read the old rows and may cache them under the old one)."""
    if enabled():
        transaction.on_commit(_advance)


def cached[T](key: str, compute: Callable[[], T]) -> T:
    """``compute()``, cached under ``key`` for the current publication generation."""
    if not enabled():
        return compute()
    cache = caches["default"]
    try:
        full_key = f"{key}:g{generation()}"
        value = cache.get(full_key)
    except UNAVAILABLE:
        logger.warning("Cache unavailable: computing %s without it", key, exc_info=True)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(full_key, value, TIMEOUT)
        except UNAVAILABLE:
            logger.warning("Cache unavailable: %s not stored", key, exc_info=True)
    return value


class PublicPageCacheMiddleware:
    """Serve public pages (the ``meetings`` URL namespace, GET and HEAD) from the shared
    cache, keyed by the publication generation, the host, the path and the parameters the
    page understands (meetings/page_params.py).

    Public pages are the same for every reader (no user, no CSRF token, no nonce in them),
    so one copy serves all. Only complete 200 responses without cookies are kept; streamed
    exports are not. Placed after ConditionalGetMiddleware, a revalidation with a matching
    ETag gets its 304 from the cached copy without touching the database. Inert unless the
    cache is shared (``enabled()``); the benchmark measures pages without it unless told.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if (
            key
            and request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
        ):
            # One chunk (feeds are already): a response written piece by piece is served as
            # many small writes, which cost a cached feed three times a page's time.
            response.content = response.content
            try:
                caches["default"].set(key, response, PAGE_TIMEOUT)
            except UNAVAILABLE:
                logger.warning("Cache unavailable: page not stored", exc_info=True)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("GET", "HEAD"):
            return None
        match = request.resolver_match
        if match is None or match.namespace != PUBLIC_NAMESPACE:
            return None
        # Keyed by the parameters the page reads, and the page sees only those (with or
        # without the cache, so it is the same page): ?zz=<random> is served from the copy
        # of the page without it instead of filling the cache (issue 12, item 7).
        query = page_params.keep_understood(request, match.url_name)
        if not enabled():
            return None
        where = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
        try:
            key = f"page:g{generation()}:{hashlib.sha256(where.encode()).hexdigest()}"
            cached_response = caches["default"].get(key)
        except UNAVAILABLE:
            logger.warning("Cache unavailable: page built without it", exc_info=True)
            return None
        if cached_response is not None:
            return cached_response
        request._page_cache_key = key
        return None
