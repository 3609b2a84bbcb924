"""The actor list and an actor's page (its timeline: meetings/site/timeline.py)."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from meetings import cache
from meetings.models import Actor, Meeting
from meetings.site import facets, filters, paging, timeline
from meetings.site.moved import actor_moved
from meetings.site.network import actor_network, dates_from
from meetings.site.paging import Page, bounded_count, slug_page
from meetings.site.venues import actor_venues


def actor_list(request: HttpRequest) -> HttpResponse:
    resolved = filters.resolve(
        filters.ActorFilter,
        request.GET,
        Actor.objects.published(),
        page_form=paging.SlugPageForm,
    )
    cache.shows(request, cache.family("actors"))
    page = Page([])
    if resolved.status == 200:
        page = slug_page(resolved.queryset.for_list(), resolved.after)
        today = dt.date.today()
        for actor in page.rows:
            actor.office = actor.position_on(today)
    return render(
        request,
        "meetings/actor_list.html",
        {
            "resolved": resolved,
            "form": resolved.filterset.form,
            "page": page,
            "total": bounded_count(resolved.queryset) if resolved.status == 200 else None,
            "facets": facets.actor_facets(resolved, request.GET) if resolved.status == 200 else [],
        },
        status=resolved.status,
    )


def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        actor = get_object_or_404(Actor.objects.published().for_detail(), slug=slug)
    except Http404:
        return actor_moved(request, slug)  # merged into another actor: 301 there
    cache.shows(request, cache.actor(actor.pk))
    problems: list[str] = []
    # The form is shown without the values it could not read (a "bad" date is not a date).
    filterset, _ = filters.bind(
        filters.TimelineFilter, request.GET, Meeting.objects.none(), problems
    )
    options = timeline.Options.from_cleaned(filterset.form.cleaned_data)
    entries, next_cursor = timeline.timeline(actor, options)
    aliases = [a.text for a in actor.aliases.all() if not a.is_role and a.text != actor.name]
    network = actor_network(actor, *dates_from(filterset.form.cleaned_data))
    return render(
        request,
        "meetings/actor_detail.html",
        {
            "actor": actor,
            "office": actor.position_on(dt.date.today()),
            "last_office": next(iter(actor.positions.all()), None),
            "aliases": aliases,
            "form": filterset.form,
            "problems": problems,
            "filtered": options.filtered,
            "years": timeline.group_by_month(entries),
            "next_cursor": next_cursor,
            "first_page": not options.cursor,
            # Met most often: the network's first counterparts (the same newest meetings).
            "counterparts": network.nodes[: timeline.COUNTERPARTS_SHOWN],
            "network": network,
            "venues": actor_venues(actor, *dates_from(filterset.form.cleaned_data)),
            "venues_of": f"{actor.name}’s meetings",
            "activity": timeline.activity_by_month(actor),
            "undated": timeline.undated_records(actor),
        },
        status=400 if problems and not entries else 200,
    )
