"""Actors, their names and offices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction

from meetings.models import (
    Actor,
    ActorSuggestion,
    Alias,
    Participation,
    Position,
    Statement,
    normalize_name,
)
from meetings.services.base import PUBLISHED, unique_slug, validated_save


@transaction.atomic
def actor_create(
    *,
    name: str,
    kind: str = Actor.Kind.PERSON,
    country: str | None = None,
    slug: str | None = None,
    wikidata_id: str = "",
    description: str = "",
    aliases: Sequence[str] = (),
    role_aliases: Sequence[tuple[str, dt.date | None, dt.date | None]] = (),
    positions: Sequence[dict] = (),
    editorial_status: str = PUBLISHED,
) -> Actor:
    """An actor with its aliases (its own name included) and positions."""
    actor = Actor(
        name=name,
        kind=kind,
        country_id=country.upper() if country else None,
        slug=slug or unique_slug(Actor, name),
        wikidata_id=wikidata_id,
        description=description,
        editorial_status=editorial_status,
    )
    validated_save(actor)
    alias_add(actor=actor, text=name)
    for text in aliases:
        alias_add(actor=actor, text=text)
    for text, valid_from, valid_to in role_aliases:
        alias_add(actor=actor, text=text, is_role=True, valid_from=valid_from, valid_to=valid_to)
    for position in positions:
        position_add(actor=actor, **position)
    return actor


def alias_add(
    *,
    actor: Actor,
    text: str,
    is_role: bool = False,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> Alias:
    """Add a name to an actor unless it already has it (same normalized form)."""
    # A name as the text wrapped it ("Ingrid\nDahl") is kept as one writes it.
    alias = Alias(
        actor=actor,
        text=" ".join(text.split()),
        is_role=is_role,
        valid_from=valid_from,
        valid_to=valid_to,
    )
    alias.normalized = normalize_name(alias.text)
    # A role ("the Russian president") may hold several terms: one row per start date.
    same = Alias.objects.filter(actor=actor, normalized=alias.normalized, is_role=is_role)
    existing = (same.filter(valid_from=valid_from) if is_role else same).first()
    if existing:
        return existing
    return validated_save(alias, exclude=["normalized"])


def position_add(
    *,
    actor: Actor,
    title: str,
    organization: Actor | None = None,
    country: str | None = None,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
) -> Position:
    return validated_save(
        Position(
            actor=actor,
            title=title,
            organization=organization,
            country_id=country.upper() if country else None,
            start_date=start_date,
            end_date=end_date,
        )
    )


def actor_absorb(*, draft: Actor, into: Actor) -> None:
    """Move a draft actor's participations, statements and suggestions to ``into``; delete it."""
    already = set(Participation.objects.filter(actor=into).values_list("meeting_id", flat=True))
    Participation.objects.filter(actor=draft, meeting_id__in=already).delete()
    # Their rows now name ``into``: the copies follow (visible if it is published and the
    # rest of the rule holds; meetings/services/copies.py).
    Participation.objects.filter(actor=draft).update(actor=into, country_id=into.country_id)
    Statement.objects.filter(speaker=draft).update(speaker=into)
    Statement.objects.filter(via=draft).update(via=into)
    ActorSuggestion.objects.filter(actor=draft).update(
        actor=into, status=ActorSuggestion.Status.ACCEPTED
    )
    draft.delete()
