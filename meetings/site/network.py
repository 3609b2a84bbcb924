"""Who meets whom: the counterparts of an actor (or a country) as a small network, drawn
server-side as SVG (includes/_network.html, written by meetings/templatetags/charts.py) with
a table of the same figures.

The figures are aggregated in SQL over the public participations (their ``date`` and
``is_public`` copies), in a fixed number of queries whatever the number of meetings: the
counterparts met most often (top ``TOP``), how many counterparts there are in all, and how
often each two of the top counterparts were at the same of those meetings. An actor with
60,000 meetings still shows a readable picture: "top 12 of 340 counterparts".
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection
from django.db.models.expressions import RawSQL
from django.urls import reverse

from meetings import cache
from meetings.models import Actor, Country, Meeting, Participation
from meetings.site import filters

TOP = 12
WIDTH, HEIGHT = 760, 520
RING = 175  # distance of the counterparts from the centre
MIN_R, MAX_R = 7.0, 26.0
MAX_EDGE = 9.0
LABEL_CHARS = 24


class NetworkFilter(filters.BaseFilterSet):
    """The network's time filter, for pages without a filter form of their own (a
    country's page); an actor's page passes its timeline's dates."""

    date_from = filters.date_input("From")
    date_to = filters.date_input("To")

    class Meta:
        model = Meeting
        fields = ["date_from", "date_to"]
        form = filters.DateRangeForm

    def filter_queryset(self, queryset):
        return queryset  # the dates are applied by network(): see the module docstring


@dataclass
class Node:
    key: str
    name: str
    url: str
    count: int  # meetings with the centre in the period
    x: float = 0.0
    y: float = 0.0
    r: float = MIN_R
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "middle"

    @property
    def label(self) -> str:
        if len(self.name) <= LABEL_CHARS:
            return self.name
        return self.name[: LABEL_CHARS - 1].rstrip() + "…"


@dataclass
class Edge:
    a: Node
    b: Node
    count: int
    width: float = 1.0


@dataclass
class Network:
    """The centre, its top counterparts and the edges between them, laid out."""

    centre: Node
    nodes: list[Node] = field(default_factory=list)
    spokes: list[Edge] = field(default_factory=list)  # centre – counterpart
    links: list[Edge] = field(default_factory=list)  # counterpart – counterpart
    total: int = 0  # counterparts in all
    sampled: int | None = None  # counted over the newest this many meetings (None: all)
    start: dt.date | None = None
    end: dt.date | None = None
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def shown(self) -> int:
        return len(self.nodes)

    @property
    def truncated(self) -> bool:
        return self.total > self.shown


def dates_from(cleaned: dict) -> tuple[dt.date | None, dt.date | None]:
    return cleaned.get("date_from"), cleaned.get("date_to")


def _within(queryset, start: dt.date | None, end: dt.date | None):
    if start:
        queryset = queryset.filter(date__gte=start)
    if end:
        queryset = queryset.filter(date__lte=end)
    return queryset


# Counterparts are counted over the centre's newest meetings at most: the busiest actor of a
# 1M-article archive has 60,000, whose full aggregate took 1.6-7.6 s; the newest ones are
# read off the (actor or country, is_public, date) index. A thousand, like the facets and
# "most active" (rankings.RECENT): their participations come by key and are counted here,
# where 5,000 let PostgreSQL hash every public participation (0.3 s at 100k articles).
NEWEST = 1_000


def _ids(ids: list[int]):
    """``ids`` as one array parameter on PostgreSQL (its planner then knows how many there
    are and probes an index for each, where a LIMIT subquery's guess let it hash the whole
    table); a list elsewhere."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return ids


def _figures(centre: dict, key: str, names: tuple[str, ...], start, end, limit: int):
    """(meetings of the centre, top rows [{key, *names, n}], counterparts in all, pair rows
    [(a, b, n)], meetings counted over or None) of the public meetings where ``centre`` (a
    filter of participations) took part in [start, end], the newest NEWEST at most: four
    small queries whatever the number of meetings (the newest meetings' ids, how many there
    are, their participants, the names of the most met), counted here."""
    own = _within(Participation.objects.filter(is_public=True, **centre), start, end)
    newest = [
        meeting_id
        for _, meeting_id in own.order_by("-date", "-meeting_id")
        .values_list("date", "meeting_id")
        .distinct()[:NEWEST]
    ]
    # One participation per actor and meeting (participation_unique): a plain count then.
    count = (own if key == "actor_id" else own.values("meeting_id").distinct()).count()
    sampled = NEWEST if count > NEWEST else None
    (centre_value,) = centre.values()
    seen: dict[object, set[int]] = {}
    # order_by(): the default ordering (by meeting) would join every meeting to sort them.
    participants = Participation.objects.filter(meeting_id__in=_ids(newest), is_public=True)
    for meeting_id, other in participants.order_by().values_list("meeting_id", key):
        if other is not None and other != centre_value:
            seen.setdefault(other, set()).add(meeting_id)
    counts = {other: len(meetings) for other, meetings in seen.items()}
    # Names only of those that can make the top (ties at its edge are broken by name).
    edge = sorted(counts.values(), reverse=True)[limit - 1] if len(counts) >= limit else 0
    candidates = [other for other, n in counts.items() if n >= edge]
    field = "pk" if key == "actor_id" else "code"
    model = Actor if key == "actor_id" else Country
    named = {
        row[0]: row[1:]
        for row in model.objects.filter(**{f"{field}__in": candidates}).values_list(
            field, *(name.split("__", 1)[1] for name in names)
        )
    }
    ranked = sorted(
        (other for other in candidates if other in named),
        key=lambda other: (-counts[other], named[other][0], other),
    )[:limit]
    top = [
        {key: other, **dict(zip(names, named[other], strict=True)), "n": counts[other]}
        for other in ranked
    ]
    together: Counter = Counter()
    shown = set(ranked)
    by_meeting: dict[int, list] = {}
    for other in shown:
        for meeting_id in seen[other]:
            by_meeting.setdefault(meeting_id, []).append(other)
    for others in by_meeting.values():
        together.update(itertools.combinations(sorted(others), 2))
    pairs = [(a, b, n) for (a, b), n in sorted(together.items())]
    return count, top, len(counts), pairs, sampled


def actor_network(actor: Actor, start=None, end=None, limit: int = TOP) -> Network:
    """The actor's counterparts (people and organisations met) in [start, end]."""
    count, top, total, pairs, sampled = cache.cached(
        f"network:actor:{actor.pk}:{start}:{end}:{limit}",
        lambda: _figures(
            {"actor_id": actor.pk}, "actor_id", ("actor__name", "actor__slug"), start, end, limit
        ),
    )
    nodes = [
        Node(
            key=str(row["actor_id"]),
            name=row["actor__name"],
            url=reverse("meetings:actor-detail", args=[row["actor__slug"]]),
            count=row["n"],
        )
        for row in top
    ]
    centre = Node(key=str(actor.pk), name=actor.name, url=actor.get_absolute_url(), count=count)
    return _laid_out(centre, nodes, pairs, total, start, end, sampled)


def country_network(country: Country, start=None, end=None, limit: int = TOP) -> Network:
    """The countries whose officials met the country's officials, in [start, end]."""
    count, top, total, pairs, sampled = cache.cached(
        f"network:country:{country.code}:{start}:{end}:{limit}",
        lambda: _figures(
            {"country_id": country.code}, "country_id", ("country__name",), start, end, limit
        ),
    )
    nodes = [
        Node(
            key=row["country_id"],
            name=row["country__name"],
            url=reverse(
                "meetings:country-pair",
                args=sorted([country.code.lower(), row["country_id"].lower()]),
            ),
            count=row["n"],
        )
        for row in top
    ]
    centre = Node(key=country.code, name=country.name, url=country.get_absolute_url(), count=count)
    return _laid_out(centre, nodes, pairs, total, start, end, sampled)


def _laid_out(
    centre: Node, nodes: list[Node], pairs, total: int, start, end, sampled=None
) -> Network:
    """Counterparts on a ring around the centre, the most met at the top, clockwise; node
    areas and edge widths proportional to the counts."""
    network = Network(
        centre=centre, nodes=nodes, total=total, start=start, end=end, sampled=sampled
    )
    cx, cy = WIDTH / 2, HEIGHT / 2
    centre.x, centre.y, centre.r = cx, cy, MAX_R
    centre.label_x, centre.label_y = cx, cy + MAX_R + 16
    peak = max((n.count for n in nodes), default=1)
    for i, node in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(nodes), 1)
        node.x = round(cx + RING * math.cos(angle), 1)
        node.y = round(cy + RING * math.sin(angle), 1)
        node.r = round(MIN_R + (MAX_R - MIN_R) * math.sqrt(node.count / peak), 1)
        reach = RING + node.r + 8
        node.label_x = round(cx + reach * math.cos(angle), 1)
        node.label_y = round(cy + reach * math.sin(angle) + 5, 1)
        cos = math.cos(angle)
        node.anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        if abs(cos) < 0.2 and math.sin(angle) < 0:
            node.label_y -= 6
        elif abs(cos) < 0.2:
            node.label_y += 8
        network.spokes.append(Edge(centre, node, node.count, _width(node.count, peak)))
    by_key = {n.key: n for n in nodes}
    link_peak = max((n for _, _, n in pairs), default=1)
    for a, b, n in pairs:
        if str(a) in by_key and str(b) in by_key:
            network.links.append(
                Edge(by_key[str(a)], by_key[str(b)], n, _width(n, link_peak) * 0.6)
            )
    return network


def _width(count: int, peak: int) -> float:
    return round(1 + (MAX_EDGE - 1) * count / peak, 1)
