"""The country list, a country's page and a pair of countries' page."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from meetings import cache
from meetings.models import Country, CountryPair, Meeting, Participation, Statement
from meetings.site import filters, paging
from meetings.site.network import NetworkFilter, country_network, dates_from
from meetings.site.paging import bounded_count, keyset_page
from meetings.site.rankings import country_partners, recent_participations, top_actors
from meetings.site.venues import VENUE_SAMPLE, cached_venue_map, dated


def list_rows(queryset):
    return queryset.list_rows()


def country_or_404(code: str) -> Country:
    return get_object_or_404(Country, code=code.upper())


def country_list(request: HttpRequest) -> HttpResponse:
    # Every public participation is read (about 2.5 s at 1M articles): with a shared cache
    # the counts are computed once until a meeting changes.
    cache.shows(request, cache.family("countries"))
    counts = cache.cached(
        "country-list",
        lambda: list(
            Participation.objects.filter(is_public=True, country__isnull=False)
            .values("country_id", "country__name")
            .annotate(n=Count("meeting_id", distinct=True))
            .order_by("country__name")
        ),
        depends_on=[cache.family("countries")],
    )
    return render(request, "meetings/country_list.html", {"countries": counts})


def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    country = country_or_404(code)
    cache.shows(request, cache.country(country.code))
    page_form = paging.PageForm(request.GET)
    after = page_form.cleaned_data["after"] if page_form.is_valid() else None
    meetings = Meeting.objects.published().involving_or_hosted(country.code)
    rows = recent_participations(country_id=country.code)
    problems: list[str] = []
    dates, _ = filters.bind(NetworkFilter, request.GET, Meeting.objects.none(), problems)
    start, end = dates_from(dates.form.cleaned_data)
    return render(
        request,
        "meetings/country_detail.html",
        {
            "country": country,
            "page": keyset_page(meetings, after, "start_date", rows=list_rows),
            "total": bounded_count(meetings),
            "actors": top_actors(Counter(actor for _, actor, _ in rows)),
            "partners": country_partners(country.code),
            "network": country_network(country, start, end),
            "venues": cached_venue_map(
                f"country:{country.code}:{start}:{end}", dated(meetings, start, end)
            ),
            "venues_of": f"Meetings involving {country.name} or held there",
            "network_form": dates.form,
            "network_problems": problems,
        },
        status=200 if page_form.is_valid() and not problems else 400,
    )


def pair_years(first: str, second: str) -> tuple[list[dict], int, int]:
    """([{year, n, multilateral}] newest first, bilateral total, multilateral total) of the
    pair's public meetings, in one GROUP BY over the pair's index (CountryPair): the totals
    are the sums of the years plus the undated, so the page needs no count query of its
    own. ``n`` counts the bilateral meetings of the year; ``multilateral`` the others."""
    rows = list(
        CountryPair.objects.filter(first=first, second=second)
        .order_by()
        .values("year", "bilateral")
        .annotate(n=Count("*"))
    )
    by_year: dict[int, dict] = {}
    for r in rows:
        if r["year"] is not None:
            year = by_year.setdefault(r["year"], {"year": r["year"], "n": 0, "multilateral": 0})
            year["n" if r["bilateral"] else "multilateral"] += r["n"]
    years = sorted(by_year.values(), key=lambda r: -r["year"])
    bilateral = sum(r["n"] for r in rows if r["bilateral"])
    return years, bilateral, sum(r["n"] for r in rows) - bilateral


# How many multilateral meetings of a pair its page names ("also met at: …").
MULTILATERAL_SHOWN = 10


def newest_of_pair(codes: list[str], years: list[dict], *, bilateral: bool, wanted: int):
    """The pair's public meetings (bilateral or not) of its newest years that hold its newest
    ``wanted``: the pair's index read from that year on, not the 55,000 China–US rows at 1M
    articles (their ids hashed for every "newest N" query). ``years``: ``pair_years``."""
    pairs = CountryPair.objects.filter(first=codes[0], second=codes[1], bilateral=bilateral)
    held = 0
    for row in years:  # newest first
        held += row["n" if bilateral else "multilateral"]
        if held >= wanted:
            pairs = pairs.filter(year__gte=row["year"])
            break
    return Meeting.objects.filter(is_public=True, pk__in=pairs.values("meeting_id"))


def country_pair(request: HttpRequest, first: str, second: str) -> HttpResponse:
    """Two countries' bilateral meetings (counted, by year, paged), and apart the
    multilateral ones their officials both attended ("also met at: …")."""
    codes = [first.upper(), second.upper()]
    if codes[0] == codes[1]:
        raise Http404("A country pair needs two different countries.")
    if codes != sorted(codes):
        return redirect("meetings:country-pair", *sorted(c.lower() for c in codes), permanent=True)
    countries = {c.code: c for c in Country.objects.filter(code__in=codes)}
    if len(countries) != 2:
        raise Http404("Unknown country.")
    page_form = paging.PageForm(request.GET)
    after = page_form.cleaned_data["after"] if page_form.is_valid() else None
    meetings = Meeting.objects.in_pair(*codes, bilateral=True)
    cache.shows(request, cache.pair(*codes))
    years, count, multilateral_count = cache.cached(
        f"pair-years-split:{codes[0]}:{codes[1]}",
        lambda: pair_years(*codes),
        depends_on=[cache.pair(*codes)],
    )
    multilateral = list(
        newest_of_pair(codes, years, bilateral=False, wanted=MULTILATERAL_SHOWN)
        .select_related("country")
        .newest_first()[:MULTILATERAL_SHOWN]
    )
    statements = (
        Statement.objects.published()
        .at_meetings(Meeting.objects.published().between_countries(*codes))
        .for_list()
        .newest_first()[:6]
    )
    return render(
        request,
        "meetings/country_pair.html",
        {
            "first": countries[codes[0]],
            "second": countries[codes[1]],
            "page": keyset_page(meetings, after, "start_date", rows=list_rows),
            "total": {"count": count, "more": False, "estimate": None},
            "multilateral": multilateral,
            "multilateral_count": multilateral_count,
            "years": years,
            "year_max": max((max(y["n"], y["multilateral"]) for y in years), default=0),
            "statements": statements,
            "venues": cached_venue_map(
                f"pair:{codes[0]}:{codes[1]}",
                newest_of_pair(codes, years, bilateral=True, wanted=VENUE_SAMPLE + 1),
            ),
            "venues_of": "Meetings between {} and {}".format(*(countries[c].name for c in codes)),
        },
        status=200 if page_form.is_valid() else 400,
    )
