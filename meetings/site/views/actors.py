"""The actor list and an actor's page (its timeline: meetings/site/timeline.py)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from meetings.models import Actor, Meeting
from meetings.site import facets, filters, paging
from meetings.site.paging import PAGE_SIZE, Page, bounded_count
from meetings.site.timeline import (
    activity_by_month,
    group_by_month,
    timeline,
    top_counterparts,
    undated_records,
)


def actor_list(request: HttpRequest) -> HttpResponse:
    resolved = filters.resolve(
        filters.ActorFilter,
        request.GET,
        Actor.objects.published(),
        page_form=paging.SlugPageForm,
    )
    page = Page([])
    if resolved.status == 200:
        actors = resolved.queryset.for_list().order_by("slug")
        after = resolved.after
        if after:
            actors = actors.filter(slug__gt=after)
        rows = list(actors[: PAGE_SIZE + 1])
        page = Page(rows=rows[:PAGE_SIZE], first=not after)
        if len(rows) > PAGE_SIZE:
            page.next_cursor = page.rows[-1].slug
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
    actor = get_object_or_404(Actor.objects.published().for_detail(), slug=slug)
    filterset = filters.TimelineFilter(request.GET, Meeting.objects.none())
    problems = []
    if filterset.is_valid():
        options = filterset.form.cleaned_data
    else:
        problems = [
            f"{filterset.form.fields[name].label}: {error}"
            if name in filterset.form.fields
            else error
            for name, errors in filterset.form.errors.items()
            for error in errors
        ]
        # Show the form without the values we could not read (a "bad" date is not a date).
        data = request.GET.copy()
        for name in filterset.form.errors:
            data.pop("date_to" if name == "__all__" else name, None)
        filterset = filters.TimelineFilter(data, Meeting.objects.none())
        filterset.is_valid()
        options = filterset.form.cleaned_data
    entries, next_cursor = timeline(actor, options)
    aliases = [a.text for a in actor.aliases.all() if not a.is_role and a.text != actor.name]
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
            "filtered": any(
                options.get(k) for k in ("date_from", "date_to", "kind", "counterpart")
            ),
            "years": group_by_month(entries),
            "next_cursor": next_cursor,
            "first_page": not options.get("after"),
            "counterparts": top_counterparts(actor),
            "activity": activity_by_month(actor),
            "undated": undated_records(actor),
        },
        status=400 if problems and not entries else 200,
    )
