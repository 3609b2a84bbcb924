"""One meeting, many reports: what each source says of a meeting's facts (MeetingFact),
fusing a draft proposal into the recorded meeting it reports, and the editor's choice of
the value shown where sources disagree.

Matching (which meetings a proposal may be) is meetings/services/matching.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.formats import date_format

from meetings import reference
from meetings.models import (
    Actor,
    Article,
    EditorialStatus,
    Evidence,
    Meeting,
    MeetingFact,
    Participation,
    Statement,
)
from meetings.services.audit import decision_log
from meetings.services.base import PUBLISHED, validated_save

Field = MeetingFact.Field


# --- what a source says ------------------------------------------------------------------


def date_fact(
    start: dt.date | None, end: dt.date | None, precision: str | None
) -> tuple[str, str] | None:
    """(value, label) of a date as one source gives it, or None when it gives none."""
    if start is None:
        return None
    if precision == Meeting.Precision.MONTH:
        return start.strftime("%Y-%m"), date_format(start, "F Y")
    if precision == Meeting.Precision.YEAR:
        return str(start.year), str(start.year)
    if end and end > start:
        label = f"{date_format(start, 'j F Y')} – {date_format(end, 'j F Y')}"
        return f"{start.isoformat()}/{end.isoformat()}", label
    return start.isoformat(), date_format(start, "j F Y")


def venue_fact(city: str, country: str | None) -> tuple[str, str] | None:
    """(value, label) of a venue: "moscow|RU", "Moscow, Russia"."""
    city = " ".join((city or "").split())
    if not city and not country:
        return None
    name = reference.country_name(country) if country else ""
    label = ", ".join(part for part in (city, name) if part)
    return f"{city.lower()}|{(country or '').upper()}", label


def meeting_facts_write(
    *,
    meeting: Meeting,
    article: Article,
    start_date: dt.date | None,
    end_date: dt.date | None,
    date_precision: str | None,
    city: str,
    country: str | None,
    kind: str,
    status: str,
    replace: bool = True,
) -> None:
    """Record what ``article`` says of ``meeting``'s date, venue, kind and status (what it
    does not say is not recorded); replaces what it said before (``replace=False``: it
    said nothing before, the meeting is new)."""
    facts = {
        Field.DATE: date_fact(start_date, end_date, date_precision),
        Field.VENUE: venue_fact(city, country),
        Field.KIND: (kind, Meeting.Kind(kind).label) if kind in Meeting.Kind.values else None,
        Field.STATUS: (status, Meeting.Status(status).label)
        if status in Meeting.Status.values
        else None,
    }
    if replace:
        MeetingFact.objects.filter(meeting=meeting, article=article).delete()
    MeetingFact.objects.bulk_create(
        MeetingFact(meeting=meeting, article=article, field=name, value=v[0], label=v[1][:200])
        for name, v in facts.items()
        if v is not None
    )


def meeting_shown_value(meeting: Meeting, name: str) -> str | None:
    """The value of a fact the meeting shows now, comparable with MeetingFact.value."""
    if name == Field.DATE:
        found = date_fact(meeting.start_date, meeting.end_date, meeting.date_precision)
    elif name == Field.VENUE:
        found = venue_fact(meeting.city, meeting.country_id)
    else:
        return getattr(meeting, name)
    return found[0] if found else None


@dataclass
class Reading:
    """One value of a fact and the sources that give it."""

    value: str
    label: str
    shown: bool
    articles: list[Article] = field(default_factory=list)


@dataclass
class Disagreement:
    """A fact on which the sources disagree: each value with its sources."""

    field: str
    label: str
    readings: list[Reading]


def fact_disagreements(meeting: Meeting, facts: Iterable[MeetingFact]) -> list[Disagreement]:
    """Where the given sources (facts with their article loaded) disagree on a fact of the
    meeting, in field order; the value the meeting shows first. A planned meeting later
    reported held is no disagreement: the status tells its story."""
    by_field: dict[str, dict[str, Reading]] = {}
    for fact in facts:
        readings = by_field.setdefault(fact.field, {})
        reading = readings.get(fact.value)
        if reading is None:
            shown = meeting_shown_value(meeting, fact.field) == fact.value
            reading = readings[fact.value] = Reading(fact.value, fact.label, shown)
        if all(a.pk != fact.article_id for a in reading.articles):
            reading.articles.append(fact.article)
    found = []
    for name, label in Field.choices:
        readings = list(by_field.get(name, {}).values())
        values = {r.value for r in readings}
        if len(values) < 2 or (name == Field.STATUS and values == {"planned", "held"}):
            continue
        readings.sort(key=lambda r: (not r.shown, -len(r.articles), r.label))
        found.append(Disagreement(field=name, label=label.lower(), readings=readings))
    return found


def _fact_values(fact: MeetingFact) -> dict:
    """The meeting fields that show ``fact``'s value."""
    if fact.field == Field.DATE:
        value = fact.value
        if len(value) == 4:
            return {"start_date": dt.date(int(value), 1, 1), "end_date": None,
                    "date_precision": Meeting.Precision.YEAR}  # fmt: skip
        if len(value) == 7:
            year, month = map(int, value.split("-"))
            return {"start_date": dt.date(year, month, 1), "end_date": None,
                    "date_precision": Meeting.Precision.MONTH}  # fmt: skip
        first, _, last = value.partition("/")
        return {
            "start_date": dt.date.fromisoformat(first),
            "end_date": dt.date.fromisoformat(last) if last else None,
            "date_precision": Meeting.Precision.DAY,
        }
    if fact.field == Field.VENUE:
        country = fact.value.split("|", 1)[1] or None
        name = reference.country_name(country) if country else ""
        city = fact.label
        if name and city.endswith(name):
            city = city[: -len(name)].rstrip(", ")
        return {"city": city, "country_id": country}
    return {fact.field: fact.value}


@transaction.atomic
def meeting_fact_choose(*, fact: MeetingFact, by=None) -> Meeting:
    """Show ``fact``'s value on its meeting (the editor's pick where sources disagree);
    logged on the meeting."""
    meeting = Meeting.objects.select_for_update().get(pk=fact.meeting_id)
    before = meeting_shown_value(meeting, fact.field) or ""
    for name, value in _fact_values(fact).items():
        setattr(meeting, name, value)
    validated_save(meeting, exclude=["slug"])  # its participations' copies follow
    decision_log(
        user=by,
        obj=meeting,
        action=f"Shows the {fact.get_field_display().lower()} given by “{fact.article.title}”",
        before=before,
        after=fact.value,
        public=meeting.is_public,
    )
    return meeting


# --- fusing a report into its meeting ------------------------------------------------------


def _covered(actor: Actor, present: list[Actor]) -> bool:
    """Whether ``actor`` is already among ``present``: itself, or, for a state, any actor of
    that country (the unnamed side of one report is the named people of another)."""
    if any(a.pk == actor.pk for a in present):
        return True
    return actor.kind == Actor.Kind.STATE and any(
        a.country_id == actor.country_id for a in present if actor.country_id
    )


@transaction.atomic
def meeting_fuse(*, draft: Meeting, into: Meeting, by=None) -> Meeting:
    """``draft`` (a proposal from another report) is ``into``: its evidence, statements and
    facts move there, its participants not already there join, and the draft goes. A
    report that it was held makes a planned meeting held.

    A participant who is not a published actor joins only a meeting that is not published
    (it would take a published meeting off the public site); the editor's path accepts
    them first. ``by``: the editor, for the audit trail (None: an import run)."""
    if draft.pk == into.pk:
        raise ValueError("A meeting cannot be fused into itself.")
    if draft.editorial_status == EditorialStatus.PUBLISHED:
        raise ValueError("Only a proposed (draft) meeting can be fused into another.")
    into = Meeting.objects.select_for_update().get(pk=into.pk)
    if into.editorial_status == EditorialStatus.REJECTED:
        raise ValueError("That meeting was rejected: accept this one as a different meeting.")
    present = [p.actor for p in into.participations.select_related("actor")]
    for p in draft.participations.select_related("actor").order_by("pk"):
        actor = p.actor
        if _covered(actor, present):
            continue
        if actor.editorial_status != PUBLISHED and into.editorial_status == PUBLISHED:
            continue
        role = Participation.Role.PARTICIPANT if p.role == Participation.Role.HOST else p.role
        validated_save(Participation(meeting=into, actor=actor, role=role), exclude=["meeting"])
        present.append(actor)
    sources = []
    for ev in draft.evidence.select_related("article"):
        Evidence.objects.get_or_create(
            meeting=into, article=ev.article, start=ev.start, end=ev.end
        )  # saved one by one: the meeting's visibility follows its sources
        sources.append(ev.article)
    Statement.objects.filter(meeting=draft).update(meeting=into)
    MeetingFact.objects.filter(meeting=draft).exclude(
        article_id__in=MeetingFact.objects.filter(meeting=into).values("article_id")
    ).update(meeting=into)
    # Other proposals matched to the draft are now matched to the meeting it joined.
    Meeting.objects.filter(same_as=draft).exclude(pk=into.pk).update(same_as=into)
    Meeting.objects.filter(pk=into.pk, same_as=draft).update(same_as=None)
    if into.status == Meeting.Status.PLANNED and draft.status == Meeting.Status.HELD:
        into.status = Meeting.Status.HELD
        validated_save(into, exclude=["slug"])
    draft.delete()
    into.refresh_from_db()
    titles = ", ".join(f"“{a.title}”" for a in dict.fromkeys(sources)) or "a report"
    decision_log(
        user=by,
        obj=into,
        action=f"Also reported by {titles}",
        before="",
        after=f"{into.evidence.values('article').distinct().count()} source(s)",
        public=into.is_public,
    )
    return into
