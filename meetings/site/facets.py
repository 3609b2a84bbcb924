"""Facet counts beside the public lists: how many of the filtered rows have each value.

Facets count a bounded sample (the newest FACET_SAMPLE matching rows), never all of them,
and each value links to the list with that value added to the filters.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count
from django.db.models.expressions import RawSQL
from django.http import QueryDict

from meetings.models import Actor, Meeting, Participation, Statement
from meetings.site.filters import Resolved
from meetings.site.paging import newest_counted

FACET_SAMPLE = 1_000  # facets count the newest this-many matching rows, never all


@dataclass
class FacetValue:
    label: str
    count: int
    query: str
    selected: bool = False


@dataclass
class Facet:
    title: str
    values: list[FacetValue]


def _with(data: QueryDict, name: str, value: str, *, multiple: bool) -> str:
    query = data.copy()
    query.pop("after", None)
    if multiple:
        values = query.getlist(name)
        if value.upper() not in {v.upper() for v in values}:
            query.setlist(name, [*values, value])
    else:
        query[name] = value
    return query.urlencode()


# What the lists read of their newest FACET_SAMPLE rows (key and date first: the order): the
# facets, the first page's keys, the meeting list's venue map; and their bounded count.
SAMPLES = {
    Meeting: ("pk", "start_date", "kind", "status", "country_id"),
    Statement: ("pk", "said_on", "speaker__country_id", "speaker__country__name", "kind"),
}


def newest_sample(resolved: Resolved) -> list[tuple]:
    """SAMPLES of the newest FACET_SAMPLE filtered rows, read once per request with the
    list's bounded count (``resolved.counted``): facets, first page and map share them."""
    if resolved.sample is None:
        fields = SAMPLES[resolved.queryset.model]
        resolved.sample, resolved.counted = newest_counted(resolved.queryset, fields, FACET_SAMPLE)
    return resolved.sample


def _id_list(ids: list[int]):
    """``ids`` as the right-hand side of an ``__in`` lookup. On PostgreSQL one array
    parameter: as a list, Django prepares each of the FACET_SAMPLE values on its own
    (~2 ms of CPU per list of 1,000)."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return ids


def _years(days) -> list[dict]:
    """[{year, n}] of the dates (None skipped), newest year first, at most 12."""
    counts = Counter(day.year for day in days if day is not None)
    return [{"year": year, "n": counts[year]} for year in sorted(counts, reverse=True)[:12]]


def meeting_facets(resolved: Resolved, data: QueryDict) -> list[Facet]:
    """Counts by participant country, year, kind and status over the filtered meetings."""
    sample = newest_sample(resolved)
    ids = [pk for pk, *_ in sample]
    cleaned = getattr(resolved.filterset.form, "cleaned_data", {})
    countries = []
    if ids:
        countries = (
            Participation.objects.filter(meeting_id__in=_id_list(ids), country__isnull=False)
            .values("country_id", "country__name")
            .annotate(n=Count("meeting", distinct=True))
            .order_by("-n", "country__name")[:12]
        )
    kinds = Counter(kind for _, _, kind, _, _ in sample)
    statuses = Counter(status for _, _, _, status, _ in sample)
    return [
        country_facet("Participant country", _rows(countries), data, cleaned),
        year_facet(_years(day for _, day, *_ in sample), data),
        choice_facet("Kind", "kind", Meeting.Kind.choices, kinds, data, cleaned, multiple=True),
        choice_facet("Status", "status", Meeting.Status.choices, statuses, data, cleaned),
    ]


def statement_facets(resolved: Resolved, data: QueryDict) -> list[Facet]:
    """Counts by speaker's country, year and kind over the filtered statements."""
    sample = newest_sample(resolved)
    cleaned = getattr(resolved.filterset.form, "cleaned_data", {})
    countries = Counter((code, name) for _, _, code, name, _ in sample if code)
    top = sorted(countries.items(), key=lambda item: (-item[1], item[0][1]))[:12]
    kinds = Counter(kind for *_, kind in sample)
    return [
        country_facet(
            "Speaker's country", [(code, name, n) for (code, name), n in top], data, cleaned
        ),
        year_facet(_years(day for _, day, *_ in sample), data),
        choice_facet("Kind", "kind", Statement.Kind.choices, kinds, data, cleaned, multiple=True),
    ]


def actor_facets(resolved: Resolved, data: QueryDict) -> list[Facet]:
    """Counts by kind and country over the filtered actors."""
    sample = resolved.queryset.model.objects.filter(
        pk__in=resolved.queryset.order_by("slug").values("pk")[:FACET_SAMPLE]
    )
    cleaned = getattr(resolved.filterset.form, "cleaned_data", {})
    countries = (
        sample.filter(country__isnull=False)
        .values("country_id", "country__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "country__name")[:12]
    )
    kinds = dict(sample.values("kind").annotate(n=Count("pk")).values_list("kind", "n"))
    return [
        choice_facet("Kind", "kind", Actor.Kind.choices, kinds, data, cleaned),
        country_facet("Country", _rows(countries), data, cleaned),
    ]


def _rows(countries) -> list[tuple[str, str, int]]:
    """(code, name, n) of the rows of a count by country."""
    return [(row["country_id"], row["country__name"], row["n"]) for row in countries]


def country_facet(title: str, counts, data: QueryDict, cleaned: dict) -> Facet:
    """A facet of countries from (code, name, n), most first; several may be chosen."""
    chosen = set(cleaned.get("country") or [])
    return Facet(
        title,
        [
            FacetValue(name, n, _with(data, "country", code, multiple=True), code in chosen)
            for code, name, n in counts
        ],
    )


def year_facet(rows, data: QueryDict) -> Facet:
    values = []
    for row in rows:
        query = data.copy()
        query.pop("after", None)
        query["date_from"] = f"{row['year']}-01-01"
        query["date_to"] = f"{row['year']}-12-31"
        selected = (
            data.get("date_from") == query["date_from"] and data.get("date_to") == query["date_to"]
        )
        values.append(FacetValue(str(row["year"]), row["n"], query.urlencode(), selected))
    return Facet("Year", values)


def choice_facet(title, name, choices, counts, data, cleaned, *, multiple=False) -> Facet:
    chosen = cleaned.get(name) or []
    chosen = set(chosen if isinstance(chosen, list) else [chosen])
    return Facet(
        title,
        [
            FacetValue(
                label, counts[value], _with(data, name, value, multiple=multiple), value in chosen
            )
            for value, label in choices
            if counts.get(value)
        ],
    )
