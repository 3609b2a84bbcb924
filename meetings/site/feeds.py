"""Atom feeds: the newest public meetings of an actor, a country or a pair of countries."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from meetings import cache
from meetings.models import Actor, Country, Meeting
from meetings.services.audit import last_public_changes
from meetings.site.moved import actor_moved
from meetings.templatetags.meetings_extras import meeting_dates

LIMIT = 30


class MeetingFeed(Feed):
    """Items are meetings; subclasses choose which."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The feed is written in thousands of small pieces; sent as they are, each is a
        # write of its own (3 ms per request under load). One piece instead.
        response.content = response.content
        return response

    def items(self, obj):
        meetings = list(self.meetings(obj).for_list().newest_first()[:LIMIT])
        changed = last_public_changes(Meeting, [m.pk for m in meetings])
        for meeting in meetings:
            meeting.last_public_change = changed.get(meeting.pk)
        return meetings

    def item_title(self, meeting: Meeting) -> str:
        return f"{meeting.title} ({meeting.get_kind_display().lower()}, {meeting_dates(meeting)})"

    def item_description(self, meeting: Meeting) -> str:
        names = ", ".join(
            f"{p.actor.name} ({p.actor.country.name})" if p.actor.country else p.actor.name
            for p in meeting.participations.all()
        )
        where = ", ".join(x for x in (meeting.city, meeting.country and meeting.country.name) if x)
        parts = [f"Participants: {names}." if names else "", f"Venue: {where}." if where else ""]
        if meeting.status != Meeting.Status.HELD:
            parts.append(f"Status: {meeting.get_status_display().lower()}.")
        parts.append(meeting.summary)
        # Atom's <summary type="html"> is HTML once the XML is read: escaped for HTML here
        # (the feed generator escapes for XML), names and summaries reach a reader as text.
        return escape(" ".join(p for p in parts if p))

    def item_pubdate(self, meeting: Meeting) -> dt.datetime:
        if meeting.start_date:
            return dt.datetime.combine(meeting.start_date, dt.time(12), tzinfo=dt.UTC)
        return meeting.created_at

    def item_updateddate(self, meeting: Meeting) -> dt.datetime:
        """The last correction readers saw, else the meeting's own date: not ``updated_at``,
        which every stored-copy refresh and every data load moves."""
        return getattr(meeting, "last_public_change", None) or self.item_pubdate(meeting)


class ActorFeed(MeetingFeed):
    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except Http404:  # merged into another actor: 301 to its feed
            return actor_moved(request, kwargs["slug"], page="meetings:actor-feed")

    def get_object(self, request, slug):
        actor = get_object_or_404(Actor.objects.published(), slug=slug)
        cache.shows(request, cache.actor(actor.pk))
        return actor

    def meetings(self, actor):
        return Meeting.objects.published().with_actor(actor)

    def title(self, actor):
        return f"Meetings of {actor.name} — Diplomatic Meetings"

    def link(self, actor):
        return actor.get_absolute_url()

    def subtitle(self, actor):
        return f"The newest meetings, visits and calls of {actor.name}."


class CountryFeed(MeetingFeed):
    def get_object(self, request, code):
        cache.shows(request, cache.country(code.upper()))
        return get_object_or_404(Country, code=code.upper())

    def meetings(self, country):
        return Meeting.objects.published().involving_or_hosted(country.code)

    def title(self, country):
        return f"Meetings involving {country.name} — Diplomatic Meetings"

    def link(self, country):
        return country.get_absolute_url()

    def subtitle(self, country):
        return f"The newest meetings with {country.name}'s officials, or held there."


class CountryPairFeed(MeetingFeed):
    def get_object(self, request, first, second):
        codes = sorted({first.upper(), second.upper()})
        countries = list(Country.objects.filter(code__in=codes))
        if len(codes) != 2 or len(countries) != 2:
            raise Http404("A country pair needs two known, different countries.")
        cache.shows(request, cache.pair(*codes))
        return countries

    def meetings(self, pair):
        """The pair's bilateral meetings (as its page lists them; summits of many apart)."""
        return Meeting.objects.in_pair(*(c.code for c in pair), bilateral=True)

    def title(self, pair):
        return f"{pair[0].name} and {pair[1].name} — Diplomatic Meetings"

    def link(self, pair):
        return reverse("meetings:country-pair", args=[c.code.lower() for c in pair])

    def subtitle(self, pair):
        return (
            f"The newest bilateral meetings between officials of {pair[0].name} and {pair[1].name}."
        )
