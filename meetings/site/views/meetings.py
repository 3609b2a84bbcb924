"""The meeting list and a meeting's page."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from meetings.models import Meeting
from meetings.services.audit import public_changes
from meetings.site import facets, filters
from meetings.site.venues import cached_venue_map
from meetings.site.views.lists import filtered_list


def venues_context(resolved) -> dict:
    """The venue map of the filtered meetings (cached per filter and publication)."""
    data = resolved.filterset.data.copy()
    data.pop("after", None)
    key = f"meeting-list:{data.urlencode()}"
    return {
        "venues": cached_venue_map(key, resolved.queryset),
        "venues_of": "The meetings listed" if resolved.chips else "All meetings",
    }


def with_offices(participations, day: dt.date | None):
    """Attach ``office``: the position each participant held on ``day``."""
    for participation in participations:
        participation.office = participation.actor.position_on(day)
    return participations


def meeting_list(request: HttpRequest) -> HttpResponse:
    return filtered_list(
        request,
        filters.MeetingFilter,
        Meeting.objects.published(),
        "meetings/meeting_list.html",
        "start_date",
        facets.meeting_facets,
        more=venues_context,
    )


def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.published().for_detail(), slug=slug)
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
            "changes": public_changes(meeting),
        },
    )
