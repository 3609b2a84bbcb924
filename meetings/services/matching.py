"""Which recorded meetings a proposed (or another recorded) meeting may be: one encounter
reported by many articles is one meeting.

``meeting_candidates`` is the one matching rule, used by extraction (a draft meeting
proposed "same as" a recorded one), by ``import_articles --extract`` (reports of one
summit fused into one meeting) and by the admin's page of possible duplicates
(``meeting_duplicates``).

The rule:

- **Participants overlap.** Each proposed participant is *covered* by a candidate when the
  candidate has that very actor, or, for a state (an unnamed side: "Russian officials"),
  any participant of that country; a person is covered too by the candidate's state actor
  of their country. A candidate must cover at least two proposed participants (all of
  them when fewer were proposed).
- **Dates.** The candidate starts within a day of the proposed date (one source says
  Sunday, another Monday), or its date range (a visit from 16 to 19 April) meets the
  proposed range widened by a day, or it is dated only to the month the proposed date
  falls in. Only proposals dated to the day are matched.
- A summit matches only a summit (Xi and Putin meeting on the sidelines of a G20 summit is
  not the summit). Rejected meetings are never candidates.

Fast at 1M articles (``make bench-matching``): one query for the states of the proposed
people's countries (index ``actor_kind_country``), one on the participation copies of the
participants in a bounded date window (``participation_actor_date``; a proposed state's
countrymen are looked up among those meetings), one for the dates of at most ``CHECKED``
meetings covering them, and one (with its prefetch) for the ``limit`` chosen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from meetings.models import Actor, EditorialStatus, Meeting, Participation

# How far before the proposed date a visit covering it may have started: participations
# carry the meeting's start date only, so longer visits are found only near their start.
VISIT_DAYS = 14
ONE_DAY = dt.timedelta(days=1)
# How many of the meetings covering a proposal's participants have their dates checked.
CHECKED = 100


@dataclass(frozen=True)
class Side:
    """A proposed participant as matching sees it: the actor, its kind and its country."""

    actor_id: int
    kind: str
    country_id: str | None

    @classmethod
    def of(cls, actor: Actor) -> Side:
        return cls(actor_id=actor.pk, kind=actor.kind, country_id=actor.country_id)


def _sides(participants: Iterable) -> list[Side]:
    sides: dict[int, Side] = {}
    for p in participants:
        side = p if isinstance(p, Side) else Side.of(p)
        sides.setdefault(side.actor_id, side)
    return list(sides.values())


def _window(date: dt.date, end_date: dt.date | None) -> tuple[dt.date, dt.date, dt.date]:
    """The start dates a matching meeting may have: (first, last) of a range, and the first
    of the month (where a meeting dated only to the month starts)."""
    last = max(end_date or date, date)
    return date - dt.timedelta(days=VISIT_DAYS), last + ONE_DAY, date.replace(day=1)


def _dates_match(meeting: Meeting, date: dt.date, end_date: dt.date | None) -> bool:
    start = meeting.start_date
    if start is None:
        return False
    if meeting.date_precision == Meeting.Precision.MONTH:
        return (start.year, start.month) == (date.year, date.month)
    if meeting.date_precision != Meeting.Precision.DAY:
        return False
    last = max(end_date or date, date)
    return start <= last + ONE_DAY and (meeting.end_date or start) >= date - ONE_DAY


def _coverage(sides: list[Side], rows: list[tuple[int, str | None]], states: dict) -> int:
    """How many proposed sides a candidate's participations (actor id, country) cover.
    ``states``: state actor id -> its country."""
    actors = {actor_id for actor_id, _ in rows}
    countries = {country for _, country in rows if country}
    state_countries = {states[a] for a in actors if a in states}

    def covers(side: Side) -> bool:
        if side.actor_id in actors:
            return True
        if side.kind == Actor.Kind.STATE:
            return side.country_id in countries
        return bool(side.country_id) and side.country_id in state_countries

    return sum(covers(side) for side in sides)


def meeting_candidate_ids(
    *,
    participants: Iterable,
    date: dt.date | None,
    end_date: dt.date | None = None,
    date_precision: str = Meeting.Precision.DAY,
    kind: str | None = None,
    status: str | None = None,
    exclude_ids: Iterable[int] = (),
    exclude_article_id: int | None = None,
    limit: int = 3,
) -> list[Meeting]:
    """(meeting id, participants covered) of the recorded meetings a proposed meeting may
    be, best first (see the module docstring); what extraction uses (three queries).

    ``participants``: Actors (or ``Side``s). ``exclude_ids``: meetings never returned (the
    proposal's own draft); ``exclude_article_id``: nor meetings this article already
    supports. ``status``: the proposal's; a candidate of the same status ranks first among
    equals (a planned meeting still matches the report that it was held).
    """
    sides = _sides(participants)
    if date is None or date_precision not in (None, Meeting.Precision.DAY) or not sides:
        return []
    needed = min(2, len(sides))
    first, last, month = _window(date, end_date)
    person_countries = {s.country_id for s in sides if s.kind != Actor.Kind.STATE and s.country_id}
    state_codes = {s.country_id for s in sides if s.kind == Actor.Kind.STATE and s.country_id}
    states = dict(
        Actor.objects.filter(kind=Actor.Kind.STATE, country_id__in=person_countries)
        .exclude(editorial_status=EditorialStatus.REJECTED)
        .order_by()
        .values_list("pk", "country_id")
    )
    actor_ids = {s.actor_id for s in sides} | set(states)
    # Participations of the proposed actors (and the states of its people) in the window,
    # from the participation copies' (actor, date) index. A proposed state is covered by
    # any actor of its country: looked up among those meetings only, unless every side
    # is a state (then on the (country, is_public, date) index).
    when = Q(date__gte=first, date__lte=last) | Q(date=month)
    found = Q(actor_id__in=actor_ids)
    if state_codes and all(s.kind == Actor.Kind.STATE for s in sides):
        found |= Q(country_id__in=state_codes, is_public__in=[True, False])
    rows = list(
        Participation.objects.filter(found, when)
        .order_by()
        .values_list("meeting_id", "actor_id", "country_id")
    )
    if state_codes and not all(s.kind == Actor.Kind.STATE for s in sides):
        rows += (
            Participation.objects.filter(
                meeting_id__in={row[0] for row in rows}, country_id__in=state_codes
            )
            .order_by()
            .values_list("meeting_id", "actor_id", "country_id")
        )
    by_meeting: dict[int, list[tuple[int, str | None]]] = {}
    for meeting_id, actor_id, country_id in rows:
        by_meeting.setdefault(meeting_id, []).append((actor_id, country_id))
    excluded = set(exclude_ids)
    covered = {
        meeting_id: n
        for meeting_id, found_rows in by_meeting.items()
        if meeting_id not in excluded and (n := _coverage(sides, found_rows, states)) >= needed
    }
    if not covered:
        return []
    # The best covered first, at most CHECKED of them: two states' officials may meet many
    # times in a fortnight, and only ``limit`` are wanted.
    best = sorted(covered, key=lambda pk: (-covered[pk], pk))[:CHECKED]
    rows = Meeting.objects.filter(pk__in=best).exclude(editorial_status=EditorialStatus.REJECTED)
    if exclude_article_id is not None:
        rows = rows.exclude(evidence__article_id=exclude_article_id)
    summit = Meeting.Kind.SUMMIT
    matched = [
        m
        for m in rows.only("start_date", "end_date", "date_precision", "kind", "status")
        if _dates_match(m, date, end_date)
        and (kind is None or (m.kind == summit) == (kind == summit))
    ]
    matched.sort(
        key=lambda m: (
            -covered[m.pk],
            abs((m.start_date - date).days),
            m.status != status,
            m.pk,
        )
    )
    return [(m.pk, covered[m.pk]) for m in matched[:limit]]


def meeting_candidates(*, limit: int = 3, **proposal) -> list[Meeting]:
    """Recorded meetings a proposed meeting may be, best first: ``meeting_candidate_ids``
    (same arguments) loaded for display. Each carries ``match_sources`` (how many articles
    report it) and ``match_covered`` (how many proposed participants it covers), with its
    venue country and participants prefetched."""
    ranked = meeting_candidate_ids(limit=limit, **proposal)
    if not ranked:
        return []
    covered = dict(ranked)
    chosen = [pk for pk, _ in ranked]
    meetings = (
        Meeting.objects.filter(pk__in=chosen)
        .annotate(match_sources=Count("evidence__article", distinct=True))
        .select_related("country")
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("actor", "actor__country"),
            )
        )
        .in_bulk()
    )
    found_meetings = [meetings[pk] for pk in chosen if pk in meetings]
    for m in found_meetings:
        m.match_covered = covered[m.pk]
    return found_meetings


def meeting_duplicates(*, meeting: Meeting, limit: int = 3) -> list[Meeting]:
    """Other recorded meetings that may be this one (the admin's possible duplicates)."""
    return meeting_candidates(
        participants=[p.actor for p in meeting.participations.select_related("actor")],
        date=meeting.start_date,
        end_date=meeting.end_date,
        date_precision=meeting.date_precision,
        kind=meeting.kind,
        status=meeting.status,
        exclude_ids=[meeting.pk],
        limit=limit,
    )
