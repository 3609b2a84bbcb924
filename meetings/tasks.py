"""Extraction as background work: the queue carries article ids; workers extract them.

- ``extraction_enqueue`` marks articles *queued* and sends one task per chunk of ids once
  the transaction commits. With no broker configured (``CELERY_BROKER_URL`` unset) Celery runs
  each task in-process as it is sent, so nothing else is needed to run the site or the tests.
- ``extract_articles`` (the task of a chunk) marks its articles *running*, then extracts
  each in one transaction that holds the article's row lock and ends by marking it
  *done*. A worker killed mid-task rolls that transaction back, so the article is left
  unextracted, and the task, acknowledged only once finished (``acks_late``), goes back to
  the queue (``reject_on_worker_lost``; Redis after its visibility timeout when the whole
  worker machine is gone). A task for an article already *done* (queued twice, or redelivered
  after its work committed) does nothing: the lock makes a duplicate wait for the first and
  then find it done. An error leaves it *failed*, with the message, for the admin's retry.
- Each worker process keeps one knowledge-base snapshot and rebuilds it only when the
  knowledge moves: published actors, their aliases and positions, or rejected links
  changed (an editor's work). It reads the knowledge version (one row, bumped once such a
  change commits: meetings/knowledge.py) before each chunk, and counts the tables (the
  full generation) once a minute, for a change that sent no signal. Draft actors the
  extractor itself adds move neither: a later article finds them by name
  (services/extraction.py), as a bulk import always has.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
import time
from collections import Counter
from collections.abc import Iterable

from celery.signals import task_postrun, task_prerun, worker_process_init
from django.db import (
    DatabaseError,
    IntegrityError,
    OperationalError,
    close_old_connections,
    models,
    transaction,
)
from django.db.models import Count, Exists, Max, OuterRef

from meetings.celery import app
from meetings.models import (
    Actor,
    ActorSuggestion,
    Alias,
    Article,
    Country,
    EditorialStatus,
    Evidence,
    ExtractionState,
    Position,
    RejectedLink,
    Statement,
)

logger = logging.getLogger(__name__)

# Seconds between two looks at the knowledge version (one read by primary key) in a worker;
# 0: before every chunk of articles.
GENERATION_CHECK_SECONDS = 0.0
# Seconds between two counts of the knowledge tables (the full generation: 0.14 s of the
# database's time at a million articles), the backstop for writes that bump no version.
FULL_CHECK_SECONDS = 60.0
ENQUEUE_CHUNK = 1_000
# Article ids per task message. A worker reads a chunk's articles in one query and takes
# one look at the knowledge version for it, and the broker's and Celery's own work (a
# message, an acknowledgement, the Django fixup's new database connection: about 5 ms of
# CPU) is paid once per chunk; each article is still a transaction of its own.
TASK_CHUNK = 20
# Test hook, not a feature: seconds to wait inside each extraction's transaction, once its
# rows are written and before it commits, so that a test can kill the process mid-task.
HOLD_OPEN_ENV = "EXTRACTION_HOLD_OPEN"


def _state_update(queryset, **values) -> int:
    """Write extraction state columns without the ``rows_written`` signal: they are copied
    nowhere and shown on no public page, so no cache or copy has to follow them."""
    return models.QuerySet.update(queryset, **values)


# --- the knowledge snapshot of a worker --------------------------------------------------


def knowledge_generation() -> tuple:
    """Moves on whenever an editor's knowledge changes: a published actor saved, added or
    removed, an alias or position of one added or removed, a link rejected (one query)."""
    published = Actor.objects.filter(editorial_status=EditorialStatus.PUBLISHED)
    row = published.aggregate(n=Count("pk"), changed=Max("updated_at"))
    extra = {
        name: queryset.aggregate(n=Count("pk"), last=Max("pk"))
        for name, queryset in {
            "aliases": Alias.objects.filter(actor__editorial_status=EditorialStatus.PUBLISHED),
            "positions": Position.objects.filter(actor__editorial_status=EditorialStatus.PUBLISHED),
            "rejected": RejectedLink.objects.all(),
        }.items()
    }
    countries = Country.objects.aggregate(n=Count("pk"))["n"]
    return (row["n"], row["changed"], countries, *(tuple(d.values()) for d in extra.values()))


class KnowledgeSnapshot:
    """One knowledge base per worker process, rebuilt when the knowledge version moves
    (looked at no more often than every ``GENERATION_CHECK_SECONDS``) or, once every
    ``FULL_CHECK_SECONDS``, when the full generation did."""

    def __init__(self):
        self._lock = threading.Lock()
        self._clear()

    def get(self):
        from meetings import knowledge

        with self._lock:
            now = time.monotonic()
            if self.kb is not None and now - self.checked < GENERATION_CHECK_SECONDS:
                return self.kb
            version = knowledge.version()
            self.checked = now
            full_due = now - self.full_checked >= FULL_CHECK_SECONDS
            generation = knowledge_generation() if full_due or self.kb is None else None
            if (
                self.kb is None
                or version != self.version
                or (generation is not None and generation != self.generation)
            ):
                if generation is None:
                    generation = knowledge_generation()
                self.kb = knowledge.knowledge_base_build()
                self.countries = set(Country.objects.values_list("code", flat=True))
                self.version = version
                self.builds += 1
            if generation is not None:
                self.generation, self.full_checked = generation, now
            return self.kb

    def countries_of(self, kb) -> set[str] | None:
        """The Country codes read with ``kb``, if it is this snapshot's (else None: the
        extraction reads them)."""
        return self.countries if kb is not None and kb is self.kb else None

    def reset(self) -> None:
        with self._lock:
            self._clear()

    def _clear(self) -> None:
        self.kb, self.version, self.generation, self.builds = None, None, None, 0
        self.checked = self.full_checked = float("-inf")
        self.countries: set[str] = set()  # the Country codes, kept with the snapshot


snapshot = KnowledgeSnapshot()


@worker_process_init.connect
def _snapshot_at_start(**kwargs) -> None:
    """A worker process builds its snapshot as it starts, not in its first task (at 1M
    articles that takes seconds)."""
    started = time.perf_counter()
    try:
        kb = snapshot.get()
    except DatabaseError:
        logger.exception("knowledge snapshot not built at start: the first task builds it")
        return
    # The snapshot's millions of objects out of the cyclic garbage collector's reach: each
    # full collection walked them all (a third of a second at 1M articles, about 0.6 ms an
    # article of a worker's CPU). A later rebuild's snapshot is collected as usual.
    gc.collect()
    gc.freeze()
    logger.info(
        "knowledge snapshot built in %.1f s (%d actors)",
        time.perf_counter() - started,
        len(kb.actors),
    )


@task_prerun.connect
@task_postrun.connect
def _connections_checked(sender=None, **kwargs) -> None:
    """A worker keeps its database connection from task to task (``CELERY_DB_REUSE_MAX``
    in settings.py stops Celery closing it) and closes it where Django closes a request's:
    once older than ``CONN_MAX_AGE``, or unusable after an error (a backend terminated, a
    lost server: the task's retry then connects anew). Not for a task run in-process."""
    if not getattr(getattr(sender, "request", None), "is_eager", False):
        close_old_connections()


# --- queueing ----------------------------------------------------------------------------


def extraction_enqueue(
    *, article_ids: Iterable[int], again: bool = False, fuse: bool = False
) -> int:
    """Queue the articles' extraction; the number queued. ``fuse``: a proposed meeting that
    matches a recorded one joins it at once (an import run, no editor to confirm).

    An article already done is queued only ``again`` (a re-run after the knowledge base
    grew: it proposes what is new, and leaves what editors decided). One a worker is
    running now is not queued twice. The tasks are sent once the caller's transaction
    commits, so a worker never looks for an article it cannot see yet.
    """
    queued = 0
    ids = list(article_ids)
    for start in range(0, len(ids), ENQUEUE_CHUNK):
        chunk = ids[start : start + ENQUEUE_CHUNK]
        with transaction.atomic():
            rows = Article.objects.filter(pk__in=chunk)
            if not in_process():
                # A worker has it. (In-process, "running" is what an interrupted run left.)
                rows = rows.exclude(extraction_state=ExtractionState.RUNNING)
            if not again:
                rows = rows.exclude(extraction_state=ExtractionState.DONE)
            chosen = list(rows.select_for_update().order_by("pk").values_list("pk", flat=True))
            _state_update(
                Article.objects.filter(pk__in=chosen),
                extraction_state=ExtractionState.QUEUED,
                extraction_error="",
            )
            if not in_process():
                transaction.on_commit(lambda chosen=chosen: send(chosen, fuse=fuse))
        if in_process():
            # Here and now, in the caller's transaction if there is one (as the extraction
            # of a pasted article always ran).
            send(chosen, fuse=fuse)
        queued += len(chosen)
    return queued


def in_process() -> bool:
    """Whether tasks run where they are queued (no broker configured)."""
    return bool(app.conf.task_always_eager)


def send(ids: list[int], *, fuse: bool = False) -> None:
    """One task per ``TASK_CHUNK`` ids, now."""
    ids = list(ids)
    for start in range(0, len(ids), TASK_CHUNK):
        chunk = ids[start : start + TASK_CHUNK]
        if fuse:
            extract_articles.delay(chunk, fuse=True)
        else:
            extract_articles.delay(chunk)


def extraction_counts() -> dict[str, int]:
    """Articles per extraction state: queued, running, done, failed, and not queued."""
    counts = dict.fromkeys(ExtractionState.values, 0)
    rows = (
        Article.objects.order_by()
        .values_list(
            "extraction_state",
            models.ExpressionWrapper(
                models.Q(extracted_at__isnull=False), output_field=models.BooleanField()
            ),
        )
        .annotate(n=Count("pk"))
    )
    for state, extracted, n in rows:
        # Extracted but never queued (before the queue, or written by a bulk loader): done.
        counts[ExtractionState.DONE if extracted and not state else state] += n
    return {
        "queued": counts[ExtractionState.QUEUED],
        "running": counts[ExtractionState.RUNNING],
        "done": counts[ExtractionState.DONE],
        "failed": counts[ExtractionState.FAILED],
        "not queued": counts[ExtractionState.NONE],
    }


# --- the work ----------------------------------------------------------------------------


def extraction_run(*, article_id: int, kb=None, fuse: bool = False) -> str:
    """Extract one article unless it is done already; what happened, in a few words."""
    return extraction_run_many(article_ids=[article_id], kb=kb, fuse=fuse)[int(article_id)]


def extraction_run_many(
    *, article_ids: Iterable[int], kb=None, fuse: bool = False
) -> dict[int, str]:
    """Extract each article unless it is done already, each in a transaction of its own;
    what happened to each (by id), in a few words. The articles are read in one query, and
    the knowledge snapshot is looked up once for them all."""
    ids = list(dict.fromkeys(int(pk) for pk in article_ids))
    articles = Article.objects.in_bulk(ids)
    # Running, all of the chunk at once (one UPDATE where each article took its own, with
    # its own commit): a worker killed before it reached some of them leaves them running,
    # and the chunk's task comes back to the queue for them.
    todo = [pk for pk, a in articles.items() if a.extraction_state != ExtractionState.DONE]
    if todo:
        _state_update(
            Article.objects.filter(pk__in=todo).exclude(extraction_state=ExtractionState.DONE),
            extraction_state=ExtractionState.RUNNING,
        )
    found = {}
    for pk in ids:
        article = articles.get(pk)
        if article is None:
            found[pk] = "no such article"
        elif article.extraction_state == ExtractionState.DONE:
            found[pk] = "done already"
        else:
            if kb is None:
                kb = snapshot.get()
            found[pk] = _extract_one(article, kb=kb, fuse=fuse)
    return found


def _extract_one(article: Article, *, kb, fuse: bool) -> str:
    from meetings.services import extraction

    article_rows = Article.objects.filter(pk=article.pk)
    try:
        with transaction.atomic():
            # The lock: a duplicate of this task waits here, then finds the article done.
            # With it, whether the article has rows of its own to read back (a re-run, or
            # hand-made ones): an import's new article has none, and is spared those reads.
            locked = (
                article_rows.select_for_update(of=("self",))
                .annotate(
                    has_evidence=Exists(Evidence.objects.filter(article=OuterRef("pk"))),
                    has_statements=Exists(Statement.objects.filter(article=OuterRef("pk"))),
                    has_suggestions=Exists(ActorSuggestion.objects.filter(article=OuterRef("pk"))),
                )
                .values_list(
                    "extraction_state",
                    "updated_at",
                    "extracted_at",
                    "has_evidence",
                    "has_statements",
                    "has_suggestions",
                )
            )
            state = next(iter(locked), None)
            if state is None:
                return "no such article"
            if state[0] == ExtractionState.DONE:
                return "done already"
            if state[1:3] != (article.updated_at, article.extracted_at):
                article.refresh_from_db()  # edited since the chunk was read
            article.has_extraction_rows = state[2] is not None or any(state[3:])
            # article_extract without its savepoint (two queries): this transaction is
            # the article's own, and an error rolls it back whole.
            summary = extraction.proposal_apply(
                article=article,
                proposal=extraction.article_propose(article=article, kb=kb),
                fuse=fuse,
                countries=snapshot.countries_of(kb),
            )
            if hold := float(os.environ.get(HOLD_OPEN_ENV) or 0):
                time.sleep(hold)
            if article.extraction_state != ExtractionState.DONE:
                # (proposal_apply marks it done with the rest of its rows)
                _state_update(
                    article_rows, extraction_state=ExtractionState.DONE, extraction_error=""
                )
    except (OperationalError, IntegrityError):
        # A deadlock, a lost connection, or a row another worker added meanwhile (a slug):
        # rolled back whole, and the task tries again.
        raise
    except Exception as exc:
        logger.exception("extraction failed for article %s", article.pk)
        _state_update(
            article_rows,
            extraction_state=ExtractionState.FAILED,
            extraction_error=f"{type(exc).__name__}: {exc}"[:2000],
        )
        return f"failed: {type(exc).__name__}: {exc}"
    return str(summary)


class ExtractionTask(app.Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Out of retries (the database kept refusing): failed, for an editor to retry.
        if args:
            ids = args[0] if isinstance(args[0], list | tuple) else [args[0]]
            _state_update(
                Article.objects.filter(pk__in=ids).exclude(extraction_state=ExtractionState.DONE),
                extraction_state=ExtractionState.FAILED,
                extraction_error=f"{type(exc).__name__}: {exc}"[:2000],
            )


@app.task(
    base=ExtractionTask,
    name="meetings.extract_article",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, IntegrityError),
    retry_backoff=1,
    max_retries=5,
)
def extract_article(article_id: int, fuse: bool = False) -> str:
    """The task: its message holds the article's id (and whether to fuse), nothing else."""
    return extraction_run(article_id=article_id, fuse=fuse)


@app.task(
    base=ExtractionTask,
    name="meetings.extract_articles",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, IntegrityError),
    retry_backoff=1,
    max_retries=5,
)
def extract_articles(article_ids: list[int], fuse: bool = False) -> str:
    """The task of a chunk: its message holds the articles' ids (and whether to fuse). A
    retry (the database refused one of them) finds those done before it done already."""
    found = extraction_run_many(article_ids=article_ids, fuse=fuse)
    outcomes = Counter(
        what
        if what in ("done already", "no such article") or what.startswith("failed")
        else "extracted"
        for what in found.values()
    )
    return ", ".join(f"{n} {what}" for what, n in outcomes.items())
