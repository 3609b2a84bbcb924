"""The meeting list and a meeting's page."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from meetings import cache
from meetings.models import Meeting
from meetings.services.audit import public_changes
from meetings.services.fusion import fact_disagreements
from meetings.site import facets, filters
from meetings.site.moved import meeting_moved
from meetings.site.venues import counted_venues
from meetings.site.views.lists import filtered_list


def venues_context(resolved) -> dict:
    """The venue map of the newest filtered meetings: the rows the facets count."""
    names = resolved.filterset.countries
    sample = facets.newest_sample(resolved)
    venues = counted_venues([(code, names.get(code)) for *_, code in sample])
    if len(sample) >= facets.FACET_SAMPLE:  # the sample is full: there may be more
        venues.sampled = facets.FACET_SAMPLE
    return {
        "venues": venues,
        "venues_of": "The meetings listed" if resolved.chips else "All meetings",
    }


def with_offices(participations, day: dt.date | None):
    """Attach ``office``: the position each participant held on ``day``."""
    for participation in participations:
        participation.office = participation.actor.position_on(day)
    return participations


def statements_by_side(statements, participations) -> list[tuple[str, list]]:
    """The statements grouped by the speaker's side: their country, or the organisation
    itself for one with none; sides in the order of the participants, then the others."""
    order = {}
    for p in participations:
        order.setdefault(p.actor.country_id or f"actor-{p.actor_id}", len(order))
    sides: dict[str, tuple[str, list]] = {}
    for statement in statements:
        speaker = statement.speaker
        key = speaker.country_id or f"actor-{speaker.pk}"
        name = speaker.country.name if speaker.country_id else speaker.name
        sides.setdefault(key, (name, []))[1].append(statement)
    ranked = sorted(sides.items(), key=lambda item: (order.get(item[0], len(order)), item[1][0]))
    return [side for _, side in ranked]


def list_rows(queryset):
    return queryset.list_rows()


def meeting_list(request: HttpRequest) -> HttpResponse:
    return filtered_list(
        request,
        filters.MeetingFilter,
        Meeting.objects.published(),
        "meetings/meeting_list.html",
        "start_date",
        facets.meeting_facets,
        "meetings",
        more=venues_context,
        rows=list_rows,
    )


def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        meeting = get_object_or_404(Meeting.objects.published().for_detail(), slug=slug)
    except Http404:
        return meeting_moved(request, slug)  # merged into another meeting: 301 there
    cache.shows(request, cache.meeting(meeting.pk))
    participations = with_offices(meeting.participations.all(), meeting.start_date)
    codes = sorted({p.country_id for p in participations if p.country_id})
    pair = codes if len(codes) == 2 else None
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "participations": participations,
            "pair": pair,
            "sides": statements_by_side(meeting.public_statements, participations),
            "disagreements": fact_disagreements(meeting, meeting.public_facts),
            "source_count": len({e.article_id for e in meeting.public_evidence}),
            "changes": public_changes(meeting),
        },
    )
