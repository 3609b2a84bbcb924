"""An actor's timeline: meetings, statements and changes of office by date, newest first;
the records without a date; activity by month; the counterparts met most often."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import TruncMonth

from meetings.models import Actor, Meeting, Participation, Position, Statement
from meetings.site.paging import PAGE_SIZE, keyset_condition
from meetings.site.rankings import RECENT, top_actors

RANK = {"meeting": 3, "statement": 2, "office": 1}


@dataclass
class Entry:
    """One line of an actor's timeline."""

    kind: str  # meeting | statement | office
    date: dt.date
    pk: int
    obj: object
    office: Position | None = None
    started: bool = True  # for offices: took office (True) or left it (False)
    others: list = field(default_factory=list)

    @property
    def key(self):
        return (self.date, RANK[self.kind], self.pk)

    @property
    def cursor(self) -> str:
        return f"{self.date.isoformat()}.{RANK[self.kind]}.{self.pk}"


def timeline(actor: Actor, options: dict, size: int = PAGE_SIZE) -> tuple[list[Entry], str | None]:
    """One page of the actor's meetings, statements and changes of office, newest first."""
    kinds = set(options.get("kind") or [])
    meeting_kinds = [k for k in kinds if k in Meeting.Kind.values]
    start, end = options.get("date_from"), options.get("date_to")
    counterpart = options.get("counterpart") or None
    cursor = options.get("after")
    entries: list[Entry] = []

    if not kinds or meeting_kinds:
        parts = Participation.objects.filter(actor=actor, is_public=True, date__isnull=False)
        if meeting_kinds:
            parts = parts.filter(meeting__kind__in=meeting_kinds)
        if start:
            parts = parts.filter(date__gte=start)
        if end:
            parts = parts.filter(date__lte=end)
        if counterpart:
            parts = parts.filter(
                Exists(
                    Participation.objects.filter(
                        meeting=OuterRef("meeting"), country_id=counterpart
                    ).exclude(actor=actor)
                )
            )
        if cursor:
            parts = parts.filter(keyset_condition("date", "meeting_id", RANK["meeting"], cursor))
        ids = parts.order_by("-date", "-meeting_id").values("meeting_id")[: size + 1]
        for meeting in Meeting.objects.filter(pk__in=Subquery(ids)).for_list():
            entry = Entry("meeting", meeting.start_date, meeting.pk, meeting)
            entry.office = actor.position_on(meeting.start_date)
            entry.others = [p for p in meeting.participations.all() if p.actor_id != actor.pk]
            entries.append(entry)

    if not kinds or "statement" in kinds:
        statements = Statement.objects.published().filter(speaker=actor, said_on__isnull=False)
        if start:
            statements = statements.filter(said_on__gte=start)
        if end:
            statements = statements.filter(said_on__lte=end)
        if counterpart:
            statements = statements.filter(
                Exists(
                    Participation.objects.filter(
                        meeting=OuterRef("meeting"), country_id=counterpart
                    ).exclude(actor=actor)
                )
            )
        if cursor:
            statements = statements.filter(
                keyset_condition("said_on", "pk", RANK["statement"], cursor)
            )
        for statement in statements.for_timeline().newest_first()[: size + 1]:
            entries.append(Entry("statement", statement.said_on, statement.pk, statement))

    if (not kinds or "office" in kinds) and not counterpart:
        for position in actor.positions.all():
            for day, started, pk in (
                (position.start_date, True, position.pk * 2 + 1),
                (position.end_date, False, position.pk * 2),
            ):
                if day is None or (start and day < start) or (end and day > end):
                    continue
                entry = Entry("office", day, pk, position, office=position, started=started)
                if cursor is None or entry.key < cursor:
                    entries.append(entry)

    entries.sort(key=lambda e: e.key, reverse=True)
    next_cursor = entries[size - 1].cursor if len(entries) > size else None
    return entries[:size], next_cursor


def group_by_month(entries: list[Entry]) -> list[dict]:
    """[{year, months: [{month (a date), entries}]}] in the entries' order."""
    years: list[dict] = []
    for entry in entries:
        month = entry.date.replace(day=1)
        if not years or years[-1]["year"] != month.year:
            years.append({"year": month.year, "months": []})
        months = years[-1]["months"]
        if not months or months[-1]["month"] != month:
            months.append({"month": month, "entries": []})
        months[-1]["entries"].append(entry)
    return years


CHART_MONTHS = 36


UNDATED_SHOWN = 10


def undated_records(actor: Actor, size: int = UNDATED_SHOWN) -> dict:
    """The actor's public meetings and statements without a date, which the timeline (by
    date) cannot place: the newest-made ``size`` of each, and whether there are more."""
    ids = (
        Participation.objects.filter(actor=actor, is_public=True, date__isnull=True)
        .order_by("-meeting_id")
        .values("meeting_id")[: size + 1]
    )
    meetings = list(
        Meeting.objects.filter(pk__in=Subquery(ids)).only("title", "slug").order_by("-pk")
    )
    statements = list(
        Statement.objects.published()
        .filter(speaker=actor, said_on__isnull=True)
        .only("text", "kind")
        .order_by("-pk")[: size + 1]
    )
    return {
        "meetings": meetings[:size],
        "more_meetings": len(meetings) > size,
        "statements": statements[:size],
        "more_statements": len(statements) > size,
    }


def activity_by_month(actor: Actor) -> dict[dt.date, tuple[int, int]]:
    """{month: (meetings, statements)} over the actor's newest CHART_MONTHS active months.

    Bounded by date, so the busiest actor's page does not aggregate decades of rows.
    """
    meetings = Participation.objects.filter(actor=actor, is_public=True, date__isnull=False)
    statements = Statement.objects.published().filter(speaker=actor, said_on__isnull=False)
    latest = [
        *meetings.order_by("-date").values_list("date", flat=True)[:1],
        *statements.order_by("-said_on").values_list("said_on", flat=True)[:1],
    ]
    if not latest:
        return {}
    last = max(latest)
    index = last.year * 12 + last.month - 1 - (CHART_MONTHS - 1)
    since = dt.date(index // 12, index % 12 + 1, 1)
    # order_by(): Participation's default ordering ("meeting", ...) would join every
    # meeting row only to be dropped from the GROUP BY; the participation carries the date.
    sources = (
        meetings.filter(date__gte=since).order_by().annotate(month=TruncMonth("date")),
        statements.filter(said_on__gte=since).order_by().annotate(month=TruncMonth("said_on")),
    )
    months: dict[dt.date, list[int]] = {}
    for position, rows in enumerate(sources):
        for month, n in rows.values("month").annotate(n=Count("*")).values_list("month", "n"):
            if isinstance(month, dt.datetime):
                month = month.date()
            months.setdefault(month, [0, 0])[position] += n
    return {m: (a, b) for m, (a, b) in months.items()}


def top_counterparts(actor: Actor, limit: int = 6) -> list[Actor]:
    """Who the actor met most often, among their newest public meetings."""
    meetings = (
        Participation.objects.filter(actor=actor, is_public=True)
        .order_by("-date")
        .values("meeting_id")[:RECENT]
    )
    rows = (
        Participation.objects.filter(meeting_id__in=Subquery(meetings))
        .exclude(actor=actor)
        .values("actor_id")
        .annotate(n=Count("meeting_id"))
        .order_by("-n", "actor_id")[:limit]
    )
    return top_actors(Counter({row["actor_id"]: row["n"] for row in rows}), limit)
