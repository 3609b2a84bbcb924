"""The database's knowledge, as the pure extraction pipeline sees it.

``knowledge_base()`` reads every actor that is not rejected (published ones, and drafts that an
editor has yet to review, so a re-run finds them again) with its aliases and positions, plus
the links editors rejected: four queries, whatever the size. The compiled snapshot is kept
per process and rebuilt when a one-query signature of those tables changes.
"""

from __future__ import annotations

import threading
from collections import defaultdict

from django.db import transaction
from django.db.models import Count, Max
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from meetings.extraction import KBActor, KBAlias, KBPosition, KnowledgeBase
from meetings.models import (
    Actor,
    Alias,
    Country,
    EditorialStatus,
    KnowledgeVersion,
    Position,
    RejectedLink,
)
from meetings.models.base import rows_written

_lock = threading.Lock()
_cached: tuple[tuple, KnowledgeBase] | None = None


def known_actors():
    """Actors the extractor may link to: everything an editor has not rejected."""
    return Actor.objects.exclude(editorial_status=EditorialStatus.REJECTED)


def signature() -> tuple:
    """Changes whenever an actor, alias, position or rejected link is added, removed or an
    actor is saved (one query). An alias edited in place keeps its id: see ``fresh``."""
    row = Actor.objects.aggregate(
        actors=Count("pk", distinct=True),
        changed=Max("updated_at"),
    )
    extra = (
        Alias.objects.aggregate(n=Count("pk"), last=Max("pk")),
        Position.objects.aggregate(n=Count("pk"), last=Max("pk")),
        RejectedLink.objects.aggregate(n=Count("pk"), last=Max("pk")),
    )
    return (row["actors"], row["changed"], *(tuple(d.values()) for d in extra))


def knowledge_base_build() -> KnowledgeBase:
    """A fresh snapshot: actors, their aliases and positions, and the rejected links."""
    aliases: dict[int, list[KBAlias]] = defaultdict(list)
    for actor_id, text, is_role, valid_from, valid_to in Alias.objects.filter(
        actor__in=known_actors()
    ).values_list("actor_id", "text", "is_role", "valid_from", "valid_to"):
        aliases[actor_id].append(KBAlias(text, is_role, valid_from, valid_to))

    positions: dict[int, list[KBPosition]] = defaultdict(list)
    for actor_id, title, country, organization, start, end in (
        Position.objects.filter(actor__in=known_actors())
        .values_list(
            "actor_id", "title", "country_id", "organization__name", "start_date", "end_date"
        )
        .order_by("actor_id", "start_date")
    ):
        positions[actor_id].append(KBPosition(title, country, organization or "", start, end))

    actors = [
        KBActor(
            id=pk,
            name=name,
            kind=kind,
            country=country,
            aliases=tuple(aliases[pk]),
            positions=tuple(positions[pk]),
        )
        for pk, name, kind, country in known_actors()
        .order_by("pk")
        .values_list("pk", "name", "kind", "country_id")
    ]
    rejected = list(RejectedLink.objects.values_list("normalized", "actor_id"))
    return KnowledgeBase(actors, rejected_links=rejected)


def knowledge_base(*, fresh: bool = False) -> KnowledgeBase:
    """The snapshot for this process, rebuilt when the tables changed (or when ``fresh``)."""
    global _cached
    key = signature()
    with _lock:
        if not fresh and _cached is not None and _cached[0] == key:
            return _cached[1]
    kb = knowledge_base_build()
    with _lock:
        _cached = (key, kb)
    return kb


# --- the knowledge version ---------------------------------------------------------------
#
# Workers look at ``version()`` (one read by primary key) before each chunk of articles and
# rebuild their snapshot when it moved; the receivers below move it once a change an editor
# makes to the knowledge commits. A write that sends no signal (raw SQL, a QuerySet that does
# not report itself) is still seen: a worker compares the full generation
# (tasks.knowledge_generation, which counts the tables) once a minute.

# Actor fields whose change the snapshot must follow (``updated_at``: the admin touches it
# when an actor's aliases or positions change in an inline).
ACTOR_FIELDS = frozenset(
    {"name", "kind", "country", "country_id", "editorial_status", "updated_at"}
)


def version() -> int:
    """The knowledge version now: 0 until the first change."""
    return KnowledgeVersion.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def version_bump() -> None:
    """Move the version on once the current transaction commits (at once outside one).
    Several changes in one transaction move it once."""
    connection = transaction.get_connection()
    # A bump already due in this transaction will do: one registered in a savepoint since
    # rolled back is no longer in the list, and any savepoint that still may roll back
    # holds this change too.
    if connection.in_atomic_block and any(
        isinstance(func, _Bump) and not func.done for _, func, _ in connection.run_on_commit
    ):
        return
    transaction.on_commit(_Bump(), robust=True)  # a failed bump: the full check sees it


class _Bump:
    """The on-commit callback: one per transaction."""

    def __init__(self):
        self.done = False

    def __call__(self) -> None:
        self.done = True
        table = KnowledgeVersion._meta.db_table
        with transaction.get_connection().cursor() as cursor:  # one upsert, both databases
            cursor.execute(
                f"INSERT INTO {table} (id, number, changed_at) VALUES (1, 1, %s) "
                f"ON CONFLICT (id) DO UPDATE SET number = {table}.number + 1, "
                "changed_at = excluded.changed_at",
                [timezone.now()],
            )


def _actor_saved(sender, instance, created=False, raw=False, **kwargs):
    published = EditorialStatus.PUBLISHED
    if created:
        # A draft the extractor adds (every new name of an import) does not move it: a
        # later article finds it by name (services/extraction.py).
        moved = instance.editorial_status == published
    else:
        was = instance.stored("editorial_status")
        moved = (
            instance.editorial_status == published
            or was == published
            or instance.changed("editorial_status")
        )
    if moved:
        version_bump()


def _actor_deleted(sender, instance, **kwargs):
    if instance.editorial_status != EditorialStatus.DRAFT:
        version_bump()


def _changed(sender, instance=None, raw=False, **kwargs):
    """An alias, position, rejected link or country saved or removed, one by one."""
    version_bump()


def _bulk_written(sender, fields=None, **kwargs):
    """A bulk write (QuerySet update or delete, bulk_create, bulk_update) of those rows."""
    if sender in (Alias, Position, RejectedLink, Country) or (
        sender is Actor and (fields is None or ACTOR_FIELDS & set(fields))
    ):
        version_bump()


def connect() -> None:
    """Wire the receivers (MeetingsConfig.ready)."""
    post_save.connect(_actor_saved, sender=Actor, dispatch_uid="knowledge-actor")
    post_delete.connect(_actor_deleted, sender=Actor, dispatch_uid="knowledge-actor-del")
    for model in (Alias, Position, RejectedLink, Country):
        name = model.__name__
        post_save.connect(_changed, sender=model, dispatch_uid=f"knowledge-{name}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"knowledge-del-{name}")
    rows_written.connect(_bulk_written, dispatch_uid="knowledge-bulk")
