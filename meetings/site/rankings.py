"""Who is most active: counted among the newest public participations, never all."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Subquery

from meetings.models import Actor, Participation

RECENT = 1000  # "most active" means among the newest this-many public participations


def recent_participations(**conditions) -> list[tuple[int, int, str | None]]:
    """(meeting, actor, country) of the newest public participations matching ``conditions``."""
    return list(
        Participation.objects.filter(is_public=True, **conditions)
        .order_by("-date", "-id")
        .values_list("meeting_id", "actor_id", "country_id")[:RECENT]
    )


def top_actors(counts: Counter, limit: int = 8) -> list[Actor]:
    """The ``limit`` published actors with the highest counts, each with ``count`` set."""
    ids = [pk for pk, _ in counts.most_common(limit)]
    actors = {a.pk: a for a in Actor.objects.published().for_ranking().filter(pk__in=ids)}
    result = []
    for pk in ids:
        if pk in actors:
            actors[pk].count = counts[pk]
            result.append(actors[pk])
    return result


def country_partners(code: str, limit: int = 12):
    """The countries whose officials met the country's most often, among its newest public
    meetings: [{country_id, country__name, n}]."""
    return (
        Participation.objects.filter(
            meeting_id__in=Subquery(
                Participation.objects.filter(country_id=code, is_public=True)
                .order_by("-date")
                .values("meeting_id")[:RECENT]
            ),
            country__isnull=False,
        )
        .exclude(country_id=code)
        .values("country_id", "country__name")
        .annotate(n=Count("meeting_id", distinct=True))
        .order_by("-n", "country__name")[:limit]
    )
