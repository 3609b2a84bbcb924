"""The stored copies: ``is_public`` on meetings, participations and statements, and each
participation's date and country, recomputed from the rows they copy."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q

from meetings.cache import publication_changed
from meetings.models import (
    Actor,
    Evidence,
    Meeting,
    Participation,
    Statement,
)
from meetings.services.base import PUBLISHED


def visibility_refresh(
    *,
    meeting_ids: Iterable[int] | None = None,
    statement_ids: Iterable[int] | None = None,
    article_ids: Iterable[int] | None = None,
) -> None:
    """Recompute ``is_public`` for the given rows (or those of the given articles).

    A meeting is public when it is published and one of its evidence articles is published;
    a statement when it and its article are published. Participations copy their meeting.
    """
    meetings = Meeting.objects.all()
    statements = Statement.objects.all()
    if article_ids is not None:
        article_ids = list(article_ids)
        meetings = meetings.filter(evidence__article_id__in=article_ids).distinct()
        statements = statements.filter(article_id__in=article_ids)
    else:
        meetings = meetings.filter(pk__in=list(meeting_ids or []))
        statements = statements.filter(pk__in=list(statement_ids or []))
    meeting_pks = list(meetings.values_list("pk", flat=True))

    public_evidence = Evidence.objects.filter(
        meeting=OuterRef("pk"), article__editorial_status=PUBLISHED
    )
    scoped = Meeting.objects.filter(pk__in=meeting_pks)
    scoped.filter(Q(editorial_status=PUBLISHED) & Exists(public_evidence)).update(is_public=True)
    scoped.exclude(Q(editorial_status=PUBLISHED) & Exists(public_evidence)).update(is_public=False)
    for value in (True, False):
        Participation.objects.filter(meeting_id__in=meeting_pks, meeting__is_public=value).update(
            is_public=value
        )

    statement_pks = list(statements.values_list("pk", flat=True))
    is_public = Q(editorial_status=PUBLISHED, article__editorial_status=PUBLISHED)
    Statement.objects.filter(pk__in=statement_pks).filter(is_public).update(is_public=True)
    Statement.objects.filter(pk__in=statement_pks).exclude(is_public).update(is_public=False)
    publication_changed()


def participations_sync(*, meeting: Meeting) -> None:
    """Copy the meeting's date and visibility, and each actor's country, onto participations."""
    rows = list(meeting.participations.select_related("actor"))
    for row in rows:
        row.date = meeting.start_date
        row.country_id = row.actor.country_id
        row.is_public = meeting.is_public
    Participation.objects.bulk_update(rows, ["date", "country", "is_public"])
    publication_changed()  # a participant or the date changed: pair and country figures move


def actor_participations_sync(*, actor: Actor) -> None:
    """After an actor's country changes, copy it onto all of its participations."""
    Participation.objects.filter(actor=actor).update(country_id=actor.country_id)
    publication_changed()
