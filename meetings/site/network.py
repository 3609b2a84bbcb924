"""Who meets whom: the counterparts of an actor (or a country) as a small network, drawn
server-side as SVG (includes/_network.html) with a table of the same figures.

The figures are aggregated in SQL over the public participations (their ``date`` and
``is_public`` copies), in a fixed number of queries whatever the number of meetings: the
counterparts met most often (top ``TOP``), how many counterparts there are in all, and how
often each two of the top counterparts were at the same of those meetings. An actor with
60,000 meetings still shows a readable picture: "top 12 of 340 counterparts".
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from django.db.models import Count, F, Q
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
# read off the (actor or country, is_public, date) index.
NEWEST = 5_000


def _figures(centre: dict, key: str, names: tuple[str, ...], start, end, limit: int):
    """(meetings of the centre, top rows [{key, *names, n}], counterparts in all, pair rows
    [(a, b, n)], meetings counted over or None) of the public meetings where ``centre`` (a
    filter of participations) took part in [start, end], the newest NEWEST at most: four
    aggregate queries, whatever the number of meetings."""
    own = _within(Participation.objects.filter(is_public=True, **centre), start, end)
    count = own.values("meeting_id").distinct().count()
    meetings = own.values("meeting_id")
    sampled = None
    if count > NEWEST:
        meetings = own.order_by("-date", "-meeting_id").values("meeting_id")[:NEWEST]
        sampled = NEWEST
    others = (
        Participation.objects.filter(meeting_id__in=meetings, is_public=True)
        .exclude(**centre)
        .filter(**{f"{key}__isnull": False})
    )
    top = list(
        others.values(key, *names)
        .annotate(n=Count("meeting_id", distinct=True))
        .order_by("-n", names[0], key)[:limit]
    )
    total = others.values(key).distinct().count()
    keys = [row[key] for row in top]
    other_key = f"meeting__participations__{key}"
    pairs = [
        (row[key], row["other"], row["n"])
        for row in Participation.objects.filter(
            Q(**{f"{other_key}__in": keys}) & Q(**{f"{key}__lt": F(other_key)}),
            meeting_id__in=meetings,
            is_public=True,
            **{f"{key}__in": keys},
        )
        .values(key, other=F(other_key))
        .annotate(n=Count("meeting_id", distinct=True))
        .order_by(key, "other")
    ]
    return count, top, total, pairs, sampled


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
