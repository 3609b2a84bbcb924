"""The home page: the newest records and the most active actors and countries."""

from __future__ import annotations

from collections import Counter

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from meetings.models import Country, Meeting, Statement
from meetings.site import filters
from meetings.site.rankings import recent_participations, top_actors


def home(request: HttpRequest) -> HttpResponse:
    rows = recent_participations()
    country_counts = Counter(c for _, c in {(m, c) for m, _, c in rows if c})
    countries = {c.code: c for c in Country.objects.filter(code__in=list(country_counts))}
    active_countries = [
        (countries[code], n) for code, n in country_counts.most_common(8) if code in countries
    ]
    return render(
        request,
        "meetings/home.html",
        {
            "meetings": Meeting.objects.published().newest_first()[:8].list_rows(),
            "statements": Statement.objects.published().for_list().newest_first()[:4],
            "actors": top_actors(Counter(actor for _, actor, _ in rows)),
            "countries": active_countries,
            "search_form": filters.SearchForm(),
        },
    )
