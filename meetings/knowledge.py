"""The database's knowledge, as the pure extraction pipeline sees it.

``knowledge_base()`` reads every actor that is not rejected (published ones, and drafts that an
editor has yet to review, so a re-run finds them again) with its aliases and positions, plus
the links editors rejected: four queries, whatever the size. The compiled snapshot is kept
per process and rebuilt when a one-query signature of those tables changes.
"""

from __future__ import annotations

import threading
from collections import defaultdict

from django.db.models import Count, Max

from meetings.extraction import KBActor, KBAlias, KBPosition, KnowledgeBase
from meetings.models import Actor, Alias, EditorialStatus, Position, RejectedLink

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
