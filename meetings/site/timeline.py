"""An actor's timeline: meetings, statements and changes of office by date, newest first;
the records without a date; activity by month; the counterparts met most often."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import TruncMonth

from meetings.models import Actor, Meeting, Participation, Position, Statement
from meetings.site.paging import PAGE_SIZE, keyset_condition

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
    others: list = field(default_factory=list)  # a meeting's Participants but the actor

    @property
    def key(self):
        return (self.date, RANK[self.kind], self.pk)

    @property
    def cursor(self) -> str:
        return f"{self.date.isoformat()}.{RANK[self.kind]}.{self.pk}"


@dataclass(frozen=True)
class Options:
    """What a reader asked of the timeline (TimelineFilter's cleaned values)."""

    kinds: frozenset[str] = frozenset()  # meeting kinds, "statement", "office"; empty: all
    start: dt.date | None = None
    end: dt.date | None = None
    counterpart: str | None = None  # a country code: only records with someone from there
    cursor: tuple | None = None  # (date, rank, id) of the last entry of the previous page

    @classmethod
    def from_cleaned(cls, data: dict) -> Options:
        return cls(
            kinds=frozenset(data.get("kind") or []),
            start=data.get("date_from"),
            end=data.get("date_to"),
            counterpart=data.get("counterpart") or None,
            cursor=data.get("after"),
        )

    @property
    def filtered(self) -> bool:
        return bool(self.kinds or self.start or self.end or self.counterpart)

    def shows(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds


def public_participations(actor: Actor):
    """The actor's participations in public meetings (they carry the meeting's date)."""
    return Participation.objects.filter(actor=actor, is_public=True)


def public_statements(actor: Actor):
    return Statement.objects.published().filter(speaker=actor)


def narrowed(queryset, actor: Actor, date_field: str, options: Options, rank: int):
    """``queryset`` (participations or statements) within the options' dates, with the
    counterpart, and after the cursor: the same conditions for meetings and statements."""
    if options.start:
        queryset = queryset.filter(**{f"{date_field}__gte": options.start})
    if options.end:
        queryset = queryset.filter(**{f"{date_field}__lte": options.end})
    if options.counterpart:
        queryset = queryset.filter(
            Exists(
                Participation.objects.filter(
                    meeting=OuterRef("meeting"), country_id=options.counterpart
                ).exclude(actor=actor)
            )
        )
    if options.cursor:
        id_field = "meeting_id" if queryset.model is Participation else "pk"
        queryset = queryset.filter(keyset_condition(date_field, id_field, rank, options.cursor))
    return queryset


def meeting_entries(actor: Actor, options: Options, size: int) -> list[Entry]:
    """The newest ``size`` + 1 of the actor's dated meetings the options let through."""
    meeting_kinds = [k for k in options.kinds if k in Meeting.Kind.values]
    if options.kinds and not meeting_kinds:
        return []
    parts = public_participations(actor).filter(date__isnull=False)
    if meeting_kinds:
        parts = parts.filter(meeting__kind__in=meeting_kinds)
    parts = narrowed(parts, actor, "date", options, RANK["meeting"])
    ids = parts.order_by("-date", "-meeting_id").values("meeting_id")[: size + 1]
    entries = []
    for meeting in Meeting.objects.filter(pk__in=Subquery(ids)).list_rows():
        entry = Entry("meeting", meeting.start_date, meeting.pk, meeting)
        entry.office = actor.position_on(meeting.start_date)
        entry.others = [p for p in meeting.list_people if p.actor_id != actor.pk]
        entries.append(entry)
    return entries


def statement_entries(actor: Actor, options: Options, size: int) -> list[Entry]:
    """The newest ``size`` + 1 of the actor's dated statements the options let through."""
    if not options.shows("statement"):
        return []
    statements = public_statements(actor).filter(said_on__isnull=False)
    statements = narrowed(statements, actor, "said_on", options, RANK["statement"])
    return [
        Entry("statement", statement.said_on, statement.pk, statement)
        for statement in statements.for_timeline().newest_first()[: size + 1]
    ]


def office_entries(actor: Actor, options: Options) -> list[Entry]:
    """The actor's changes of office within the dates (none with a counterpart: an office
    has no other side). Offices are few and prefetched: filtered here, not in SQL."""
    if not options.shows("office") or options.counterpart:
        return []
    start, end, cursor = options.start, options.end, options.cursor
    entries = []
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
    return entries


def timeline(
    actor: Actor, options: Options, size: int = PAGE_SIZE
) -> tuple[list[Entry], str | None]:
    """One page of the actor's meetings, statements and changes of office, newest first,
    and the cursor of the next page."""
    entries = [
        *meeting_entries(actor, options, size),
        *statement_entries(actor, options, size),
        *office_entries(actor, options),
    ]
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
        public_participations(actor)
        .filter(date__isnull=True)
        .order_by("-meeting_id")
        .values("meeting_id")[: size + 1]
    )
    meetings = list(
        Meeting.objects.filter(pk__in=Subquery(ids)).only("title", "slug").order_by("-pk")
    )
    statements = list(
        public_statements(actor)
        .filter(said_on__isnull=True)
        .only("text", "kind")
        .order_by("-pk")[: size + 1]
    )
    return {
        "meetings": meetings[:size],
        "more_meetings": len(meetings) > size,
        "statements": statements[:size],
        "more_statements": len(statements) > size,
    }


def activity_by_month(actor: Actor) -> Activity:
    """{month: (meetings, statements)} over the actor's newest CHART_MONTHS active months.

    Bounded by date, so the busiest actor's page does not aggregate decades of rows.
    """
    meetings = public_participations(actor).filter(date__isnull=False)
    statements = public_statements(actor).filter(said_on__isnull=False)

    # The four ends in one query, each read off an end of the (actor, is_public, date)
    # indexes.
    def end(rows, field: str, newest: bool):
        return Subquery(rows.order_by(f"-{field}" if newest else field).values(field)[:1])

    found = Actor.objects.filter(pk=actor.pk).values_list(
        end(meetings, "date", False),
        end(meetings, "date", True),
        end(statements, "said_on", False),
        end(statements, "said_on", True),
    )
    m_first, m_last, s_first, s_last = found.get()
    ends = [{"first": m_first, "last": m_last}, {"first": s_first, "last": s_last}]
    latest = [end["last"] for end in ends if end["last"]]
    if not latest:
        return Activity()
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
    activity = Activity({m: (a, b) for m, (a, b) in months.items()})
    activity.first = min(end["first"] for end in ends if end["first"])
    return activity


class Activity(dict):
    """{month: (meetings, statements)}, and ``first``: the day of the actor's oldest dated
    record, so the chart can say what lies before its window."""

    first: dt.date | None = None


# Met most often (actor_detail.html's side): the first of the network's counterparts.
COUNTERPARTS_SHOWN = 6
