"""Public pages and costly figures, cached under *dependency keys* (issue 14, item 2).

Each cached page or figure names what it shows (``shows``): the meeting, the actor, the
country, the pair of countries, the article or statement, or the list family it belongs to
("meetings", "statements", "countries", "any"). Each such key holds the time (ns) of the last
committed change to what it names. A cached copy remembers when it began to be built and which
keys it depends on; it is served only while none of them changed since, so a publish about
Chile and Peru leaves the China-Russia page, Putin's timeline and every other actor's page
cached, and no page is ever older than the data it shows.

Writes report what they changed through meetings/services/copies.py (its receivers call
``records_changed``; other services may too, e.g. a merge of actors). The records are gathered
during the transaction and expanded once it commits (a meeting moves its participants, their
countries and pairs, its articles and statements; an actor renamed moves its meetings and
statements), and the keys are written then: before the commit, other requests still read the
old rows. ``publication_changed`` moves the key every copy depends on ("all"): for writes that
cannot say what they touched (an import's INSERTs, a bulk write without keys, a country).

A copy is valid while every key it names holds a time earlier than the start of its build
(less the setting ``PAGE_CACHE_CLOCK_SKEW_MS``, 0 by default: with several app servers,
keep their clocks in step with NTP and set it to how far apart they may drift). A key
the cache does not hold when a copy is stored never moved since the cache started: it is
stored then, just older than the copy; one missing when a copy is read was evicted since
(Redis runs with ``allkeys-lru``), so the copy is not served. "all" missing is set to now
(a new or flushed cache serves nothing older than itself). Keys live a day, pages ten
minutes.

Only a cache shared by every process (Redis, memcached, database) is used: with the
per-process memory cache, a publish in one gunicorn worker would not reach the others, so
pages and figures are then computed on each request.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterable
from itertools import combinations

from django.conf import settings
from django.core import checks
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, connection, transaction
from redis.exceptions import RedisError

from meetings import page_params

TIMEOUT = 24 * 3600  # figures and keys: exact until the next change; a day bounds the memory
PAGE_TIMEOUT = 600  # pages: a copy nobody asks for goes after ten minutes
PUBLIC_NAMESPACE = "meetings"
# One request builds a page out of date; others asking for it wait for its copy this long at
# most (then build it themselves), checking every BUILD_POLL_SECONDS. The lock outlives a
# builder that died by BUILD_LOCK_SECONDS at most.
BUILD_WAIT_SECONDS = 2.0
BUILD_POLL_SECONDS = 0.01
BUILD_LOCK_SECONDS = 10
ALL, ANY = "dep:all", "dep:any"  # every copy depends on ALL; ANY moves on every change

logger = logging.getLogger(__name__)
# The cache is an accelerator: when it cannot be reached, pages are built as without it and
# the error is logged, never shown to a reader or an editor.
# (redis-py's ConnectionError and TimeoutError derive from its RedisError, not from OSError.)
UNAVAILABLE = (OSError, RedisError)


def enabled() -> bool:
    """True when the default cache is shared by all processes."""
    return not isinstance(caches["default"], LocMemCache | DummyCache)


@checks.register(checks.Tags.caches, deploy=True)
def redis_evicts_least_recently_used(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """``check --deploy``: the shared Redis must have a ``maxmemory`` and evict with
    ``allkeys-lru`` (docs/operations.md). Without them, pages under ever new parameters fill
    its memory until every write is refused (``noeviction``), or only keys with a lifetime
    may go (``volatile-*``)."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return []
    try:
        found = backend._cache.get_client().config_get("maxmemory*")
    except UNAVAILABLE as error:  # unreachable, or CONFIG disabled (some managed Redis)
        return [
            checks.Info(
                f"Could not read the Redis cache's maxmemory settings ({error}): make sure "
                "it has a maxmemory and maxmemory-policy allkeys-lru.",
                id="meetings.I001",
            )
        ]
    problems = []
    if int(found.get("maxmemory", 0) or 0) == 0:
        problems.append("no maxmemory (it grows until the machine runs out)")
    if found.get("maxmemory-policy") != "allkeys-lru":
        problems.append(f"maxmemory-policy {found.get('maxmemory-policy')}, not allkeys-lru")
    if not problems:
        return []
    return [
        checks.Warning(
            "The Redis cache has " + " and ".join(problems) + ".",
            hint="CONFIG SET maxmemory 512mb; CONFIG SET maxmemory-policy allkeys-lru; "
            "CONFIG REWRITE (docs/operations.md).",
            id="meetings.W001",
        )
    ]


# --- the keys ------------------------------------------------------------------------------


def meeting(pk) -> str:
    return f"dep:meeting:{pk}"


def actor(pk) -> str:
    return f"dep:actor:{pk}"


def country(code) -> str:
    return f"dep:country:{code}"


def pair(first, second) -> str:
    first, second = sorted([first, second])
    return f"dep:pair:{first}:{second}"


def article(pk) -> str:
    return f"dep:article:{pk}"


def statement(pk) -> str:
    return f"dep:statement:{pk}"


def family(name: str) -> str:
    """A list family: "meetings", "statements", "actors", "countries" (every meeting list,
    statement list... whose filters name no country or actor)."""
    return f"dep:family:{name}"


def shows(request, *keys: str) -> None:
    """What the page being built shows (the keys above): its cached copy goes when one of
    them moves. A page that names nothing depends on ANY (every change)."""
    found = getattr(request, "_page_dependencies", None)
    if found is not None:
        found.update(keys)


# --- writes --------------------------------------------------------------------------------


class _Change:
    """What the current transaction changed, until it commits."""

    def __init__(self):
        self.meetings: set[int] = set()
        self.actors: set[int] = set()  # changed themselves: their meetings and statements too
        self.statements: set[int] = set()
        self.articles: set[int] = set()
        self.keys: set[str] = set()  # named directly (participants, countries, pairs...)
        self.meeting_countries: dict[int, set[str]] = {}  # of deleted participations
        self.everything = False


class _Pending(threading.local):
    change: _Change | None = None
    hooks: list | None = None  # connection.run_on_commit when the callback was registered
    at = 0  # and its place in it


_pending = _Pending()
_building = threading.local()  # .since: when the page this thread builds began


def _change() -> _Change:
    """The current transaction's change, with ``_flush_pending`` to run at its commit.

    Each write registers the callback; the first to run after the commit writes all the
    transaction's keys at once, the others find nothing left. A change whose callbacks are
    all gone (its transaction rolled back) is dropped; one whose callbacks survive a
    savepoint's rollback is kept (it may name more than is left: only more is moved).
    """
    hooks = connection.run_on_commit
    if _pending.change is None or not (
        # the callback registered last is still there (quick), or any one is (a savepoint
        # rolled back after it, or a test's captured callbacks)
        (
            _pending.hooks is hooks
            and _pending.at < len(hooks)
            and hooks[_pending.at][1] is _flush_pending
        )
        or any(hook is _flush_pending for _, hook, _ in hooks)
    ):
        _pending.change = _Change()
    return _pending.change


def _schedule() -> None:
    """After filling the change in (outside a transaction, it runs at once)."""
    transaction.on_commit(_flush_pending)
    if connection.in_atomic_block:
        _pending.hooks, _pending.at = connection.run_on_commit, len(connection.run_on_commit) - 1


def _flush_pending() -> None:
    change, _pending.change = _pending.change, None
    if change is not None:
        _flush(change)


def records_changed(
    *,
    meetings: Iterable[int] = (),
    actors: Iterable[int] = (),
    countries: Iterable[str] = (),
    statements: Iterable[int] = (),
    articles: Iterable[int] = (),
    keys: Iterable[str] = (),
) -> None:
    """These records changed (their fields, their visibility, who takes part in them): once
    the transaction commits, every cached page and figure that shows them goes.

    The public function for services that write outside the models' signals, e.g. a merge
    of actors: ``records_changed(actors=[kept.pk, merged.pk])`` (an actor moves its meetings,
    their participants, countries and pairs, and its statements). A meeting moves itself,
    its participants, their countries and pairs, its articles and statements; a statement
    its speaker and ``via``, their countries, its article and its meeting; an article its
    meetings and statements. Countries and ``keys`` (see the functions above) move as given.
    """
    if not enabled():
        return
    change = _change()
    change.meetings.update(m for m in meetings if m is not None)
    change.actors.update(a for a in actors if a is not None)
    change.statements.update(s for s in statements if s is not None)
    change.articles.update(a for a in articles if a is not None)
    change.keys.update(country(c) for c in countries if c)
    change.keys.update(keys)
    _schedule()


def participation_gone(*, meeting_id: int, actor_id: int, country_id: str | None) -> None:
    """A participation deleted: its actor, country and pairs move at commit, though the row
    (and perhaps its meeting) is no longer there to be read then."""
    if not enabled():
        return
    change = _change()
    change.meetings.add(meeting_id)
    change.keys.add(actor(actor_id))
    if country_id:
        change.keys.add(country(country_id))
        change.meeting_countries.setdefault(meeting_id, set()).add(country_id)
    _schedule()


def publication_changed() -> None:
    """Anything public may have changed: every cached copy goes once the transaction
    commits (before that, other requests still read the old rows and may cache them)."""
    if enabled():
        _change().everything = True
        _schedule()


def _flush(change: _Change) -> None:
    """After the commit: expand what changed into keys and move them to now."""
    keys = change.keys | {ANY}
    if change.everything:
        keys.add(ALL)
    try:
        keys |= expand(
            meetings=change.meetings,
            actors=change.actors,
            statements=change.statements,
            articles=change.articles,
            gone=change.meeting_countries,
        )
    except DatabaseError:
        logger.exception("Could not read what a change touched: every cached page goes")
        keys.add(ALL)
    now = time.time_ns()
    try:
        caches["default"].set_many(dict.fromkeys(keys, now), TIMEOUT)
    except UNAVAILABLE:
        # The change is committed; copies made before it may be served until they expire
        # (PAGE_TIMEOUT), unless the cache lost them with its connection.
        logger.exception("Could not move the dependency keys of a change on")


def expand(*, meetings=(), actors=(), statements=(), articles=(), gone=None) -> set[str]:
    """The keys of what these records show up in (set-based: a few queries, however many)."""
    from meetings.models import Actor, Evidence, Participation, Statement

    meetings, actors = set(meetings), set(actors)
    statements, articles = set(statements), set(articles)
    keys: set[str] = set()
    if actors:  # an actor's own fields: every page showing it
        keys |= {actor(a) for a in actors}
        keys |= {
            country(c)
            for c in Actor.objects.filter(pk__in=actors, country__isnull=False).values_list(
                "country_id", flat=True
            )
        }
        meetings |= set(
            Participation.objects.filter(actor_id__in=actors).values_list("meeting_id", flat=True)
        )
        statements |= set(
            Statement.objects.filter(speaker_id__in=actors).values_list("pk", flat=True)
        )
        statements |= set(Statement.objects.filter(via_id__in=actors).values_list("pk", flat=True))
    if articles:
        keys |= {article(a) for a in articles}
        meetings |= set(
            Evidence.objects.filter(article_id__in=articles).values_list("meeting_id", flat=True)
        )
        statements |= set(
            Statement.objects.filter(article_id__in=articles).values_list("pk", flat=True)
        )
    if statements:
        keys |= {statement(s) for s in statements} | {family("statements")}
        rows = Statement.objects.filter(pk__in=statements).values_list(
            "speaker_id", "speaker__country_id", "via_id", "via__country_id", "article_id",
            "meeting_id",
        )  # fmt: skip
        for speaker, speaker_country, via, via_country, article_id, meeting_id in rows:
            keys |= {actor(speaker), article(article_id)}
            keys |= {country(c) for c in (speaker_country, via_country) if c}
            if via:
                keys.add(actor(via))
            if meeting_id:
                meetings.add(meeting_id)
    if meetings:
        keys |= {meeting(m) for m in meetings}
        keys |= {family("meetings"), family("countries"), family("actors")}
        countries_of: dict[int, set[str]] = {m: set(c) for m, c in (gone or {}).items()}
        for meeting_id, actor_id, country_id in Participation.objects.filter(
            meeting_id__in=meetings
        ).values_list("meeting_id", "actor_id", "country_id"):
            keys.add(actor(actor_id))
            if country_id:
                countries_of.setdefault(meeting_id, set()).add(country_id)
        for codes in countries_of.values():
            keys |= {country(c) for c in codes}
            keys |= {pair(a, b) for a, b in combinations(sorted(codes), 2)}
        from meetings.models import Meeting

        keys |= {
            country(c)
            for c in Meeting.objects.filter(pk__in=meetings, country__isnull=False).values_list(
                "country_id", flat=True
            )
        }
        keys |= {
            article(a)
            for a in Evidence.objects.filter(meeting_id__in=meetings).values_list(
                "article_id", flat=True
            )
        }
        keys |= {
            statement(s)
            for s in Statement.objects.filter(meeting_id__in=meetings).values_list("pk", flat=True)
        }
    return keys


# --- reads ---------------------------------------------------------------------------------


def _fresh(cache, built_at: int, keys: Iterable[str]) -> bool:
    """Whether nothing a copy built from ``built_at`` depends on changed since.

    Every key was in the cache when the copy was stored (``_keep``): one missing now was
    evicted (allkeys-lru) or ran out of time, and when it moved is unknown, so the copy is
    not served."""
    keys = (ALL, *keys)
    found = cache.get_many(keys)
    if ALL not in found:
        _start(cache)
        return False
    limit = built_at - getattr(settings, "PAGE_CACHE_CLOCK_SKEW_MS", 0) * 1_000_000
    return all(key in found and found[key] < limit for key in keys)


def _keep(cache, key: str, entry: tuple, timeout: int, depends_on: Iterable[str]) -> None:
    """Store ``entry``, a copy built from ``entry[0]`` showing ``depends_on``.

    A key the cache does not hold yet never moved since the cache started, or was evicted:
    it is set to just before the copy began, so that ``_fresh`` can tell a key evicted
    later (the copy goes) from one that never moved. (Only a key moved during the build
    and evicted before this store, the most recently written key, could pass unseen.)
    """
    depends_on = tuple(depends_on)
    found = cache.get_many(depends_on)
    # Before the page being built too, if this is a figure within it: the page began first.
    since = min(entry[0], getattr(_building, "since", None) or entry[0])
    for missing in set(depends_on) - set(found):
        cache.add(missing, since - 1, TIMEOUT)
    cache.set(key, entry, timeout)


def _start(cache) -> int:
    """Set ALL if it is missing (a new or flushed cache, or an eviction: nothing kept before
    is trusted); return the time a copy built from now on starts from."""
    if cache.get(ALL) is None:
        cache.add(ALL, time.time_ns(), TIMEOUT)
    return time.time_ns()


def cached[T](key: str, compute: Callable[[], T], *, depends_on: Iterable[str] = (ANY,)) -> T:
    """``compute()``, cached under ``key`` until one of the keys it ``depends_on`` moves."""
    if not enabled():
        return compute()
    cache = caches["default"]
    depends_on = tuple(depends_on)
    full_key = f"figure:{key}"
    try:
        entry = cache.get(full_key)
        if entry is not None and _fresh(cache, entry[0], depends_on):
            return entry[1]
    except UNAVAILABLE:
        logger.warning("Cache unavailable: computing %s without it", key, exc_info=True)
        return compute()
    try:
        built_at = _start(cache)
    except UNAVAILABLE:
        return compute()
    value = compute()
    try:
        _keep(cache, full_key, (built_at, value), TIMEOUT, depends_on)
    except UNAVAILABLE:
        logger.warning("Cache unavailable: %s not stored", key, exc_info=True)
    return value


class PublicPageCacheMiddleware:
    """Serve public pages (the ``meetings`` URL namespace, GET and HEAD) from the shared
    cache, keyed by the host, the path and the parameters the page understands
    (meetings/page_params.py), and valid while nothing the page ``shows`` changed.

    Public pages are the same for every reader (no user, no CSRF token, no nonce in them),
    so one copy serves all. Only complete 200 responses without cookies are kept; streamed
    exports are not. Placed after ConditionalGetMiddleware, a revalidation with a matching
    ETag gets its 304 from the cached copy without touching the database. Inert unless the
    cache is shared (``enabled()``); the benchmark measures pages without it unless told.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            response = self.get_response(request)
            self._store(request, response)
        finally:
            _building.since = None
            self._release(request)  # after the store: who waited finds the copy
        return response

    def _store(self, request, response) -> None:
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
            response["X-Page-Cache"] = "miss"
            depends_on = tuple(sorted(request._page_dependencies)) or (ANY,)
            try:
                entry = (request._page_built_at, depends_on, response)
                _keep(caches["default"], key, entry, PAGE_TIMEOUT, depends_on)
            except UNAVAILABLE:
                logger.warning("Cache unavailable: page not stored", exc_info=True)

    @staticmethod
    def _release(request) -> None:
        lock = getattr(request, "_page_lock", None)
        if lock:
            with contextlib.suppress(*UNAVAILABLE):  # else it expires (BUILD_LOCK_SECONDS)
                caches["default"].delete(lock)

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
        key = f"page:{hashlib.sha256(where.encode()).hexdigest()}"
        cache = caches["default"]
        try:
            entry = cache.get(key)
            if entry is not None and _fresh(cache, entry[0], entry[1]):
                entry[2]["X-Page-Cache"] = "hit"
                return entry[2]
            shared = self._built_by_another(cache, key, request)
            if shared is not None:
                return shared
            request._page_built_at = _building.since = _start(cache)  # before any read
        except UNAVAILABLE:
            logger.warning("Cache unavailable: page built without it", exc_info=True)
            return None
        request._page_cache_key = key
        request._page_dependencies = set()
        return None

    @staticmethod
    def _built_by_another(cache, key: str, request):
        """One request builds a page that is missing or out of date; the others asking for
        it meanwhile wait for its copy (BUILD_WAIT_SECONDS at most) instead of building it
        again each (a publish that moves a busy list's key would otherwise have every
        worker render it at once). They are served that copy only if it is fresh as any
        hit is (built after the last change it shows), never the copy from before: no
        reader is served a page older than a write that has committed. None: this
        request builds it (holding the lock, ``request._page_lock``, if it got it)."""
        lock = f"{key}:building"
        if cache.add(lock, 1, BUILD_LOCK_SECONDS):
            request._page_lock = lock
            return None
        deadline = time.monotonic() + BUILD_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(BUILD_POLL_SECONDS)
            if cache.get(lock) is None:  # built (or given up): its copy, if it kept one
                entry = cache.get(key)
                if entry is not None and _fresh(cache, entry[0], entry[1]):
                    entry[2]["X-Page-Cache"] = "hit"
                    return entry[2]
                return None
        return None
