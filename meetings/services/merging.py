"""Merging duplicates: two actors, or two meetings, become the one an editor keeps.

Everything the other one had moves to the kept one (nothing is deleted but exact
duplicates: the same name twice, the same actor twice in one meeting, the same sentence
twice as a source), the other's row goes, and its slug becomes a redirect (its old URL
answers 301 to the kept record's page, meetings/site/moved.py). Redirects are one hop: a
record merged in turn hands its redirects on, so A→B then B→C sends A's URL to C.

Each merge is one transaction, with both rows locked (PostgreSQL), logged in the audit
trail on the kept record, and keeps the stored copies true: the moves are QuerySet writes,
whose ``rows_written`` signals meetings/services/copies.py follows, and the kept record's
copies (visibility, participations' copies, country pairs) are recomputed through that
module's entry points at the end.

The kept record is published when either was: merging a public duplicate into a draft
never takes a published meeting or actor off the site.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Value
from django.db.models.functions import Left, Replace

from meetings import cache
from meetings import models as meetings_models
from meetings.models import (
    Actor,
    ActorRedirect,
    ActorSuggestion,
    Alias,
    DistinctActors,
    DistinctMeetings,
    EditorialStatus,
    Evidence,
    Meeting,
    MeetingRedirect,
    Participation,
    Position,
    RejectedLink,
    Statement,
)
from meetings.services import copies
from meetings.services.actors import alias_add
from meetings.services.audit import decision_log

PUBLISHED = EditorialStatus.PUBLISHED

# Every relation to an actor or a meeting, and what a merge does with it. A relation that is
# not here (a model added later) stops the merge with an error instead of being cascaded
# away with the other row: tests/services/test_merging.py checks this list is complete.
ACTOR_RELATIONS = {
    "alias.actor": "moved (a name the kept actor has already is dropped)",
    "position.actor": "moved (an office the kept actor holds already is dropped)",
    "position.organization": "moved (offices in the organisation)",
    "participation.actor": "moved (the same meeting twice: one participation, the clearer role)",
    "statement.speaker": "moved",
    "statement.via": "moved",
    "actorsuggestion.actor": "moved",
    "rejectedlink.actor": "moved (a rejection the kept actor has already is dropped)",
    "actorredirect.actor": "moved (one hop)",
    "distinctactors.first": "moved",
    "distinctactors.second": "moved",
}
MEETING_RELATIONS = {
    "participation.meeting": "moved (the same actor twice: one participation, the clearer role)",
    "evidence.meeting": "moved (the same span twice: one)",
    "statement.meeting": "moved",
    "meetingredirect.meeting": "moved (one hop)",
    "countrypair.meeting": "recomputed for the kept meeting",
    "distinctmeetings.first": "moved",
    "distinctmeetings.second": "moved",
    # With the fusion of reports (issue 13, items 1-2): what each source says of the
    # meeting's facts, and drafts proposed as "same as" a recorded meeting.
    "meetingfact.meeting": "moved (what one source says of one fact, twice: once)",
    "meeting.same_as": "moved",
}


def relation_key(relation) -> str:
    """``model.field`` of a relation pointing at a model: "statement.speaker"."""
    return f"{relation.related_model._meta.model_name}.{relation.field.name}"


def relations_to(model: type[models.Model]) -> list:
    """Every foreign key pointing at ``model`` (hidden ones, related_name="+", included)."""
    return [
        f
        for f in model._meta.get_fields(include_hidden=True)
        if f.auto_created and not f.concrete and (f.one_to_many or f.one_to_one)
    ]


@dataclass
class MergeSummary:
    """What a merge did: the kept record, and how many rows of each kind moved to it."""

    kept: models.Model
    merged: str
    merged_slug: str
    moved: Counter = field(default_factory=Counter)

    def __str__(self) -> str:
        parts = ", ".join(f"{n} {name}" for name, n in self.moved.items() if n)
        return f"“{self.merged}” ({self.merged_slug}) merged into “{self.kept}”" + (
            f": {parts} moved" if parts else ""
        )


# --- actors --------------------------------------------------------------------------------


@transaction.atomic
def actor_merge(*, keep: Actor, other: Actor, by=None) -> MergeSummary:
    """Merge ``other`` into ``keep``: its names, offices, participations, statements (as
    speaker and as relay), suggestions, rejected links and redirects move to ``keep``;
    ``other`` goes, and its page answers 301 to ``keep``'s. ``by``: the editor, for the audit
    trail. ValidationError (nothing changed) for the same actor twice, actors of different
    kinds, or one that no longer exists."""
    keep, other = _locked(Actor, keep, other, noun="actor")
    if keep.kind != other.kind:
        raise ValidationError(
            f"“{other}” is {_a(other.get_kind_display())} and “{keep}” "
            f"{_a(keep.get_kind_display())}: set the same kind on both before merging them."
        )
    summary = MergeSummary(kept=keep, merged=str(other), merged_slug=other.slug)
    moved = summary.moved
    merged_pk, merged_slug, merged_name = other.pk, other.slug, other.name
    touched_meetings = set(other.participations.values_list("meeting_id", flat=True))

    moved["names"] = _aliases_move(keep=keep, other=other)
    moved["offices"] = _positions_move(keep=keep, other=other)
    moved["meetings"], shared = _actor_participations_move(keep=keep, other=other)
    moved["statements"] = Statement.objects.filter(speaker=other).update(speaker=keep)
    moved["relayed statements"] = Statement.objects.filter(via=other).update(via=keep)
    ActorSuggestion.objects.filter(actor=other).update(actor=keep)
    taken = set(keep.rejected_links.values_list("normalized", flat=True))
    RejectedLink.objects.filter(actor=other, normalized__in=taken).delete()
    RejectedLink.objects.filter(actor=other).update(actor=keep)
    _distinct_move(DistinctActors, keep=keep, other=other)
    ActorRedirect.objects.filter(actor=other).update(actor=keep)
    _retitle(meeting_ids=touched_meetings, shared=shared, old=other.name, new=keep.name)

    fill = {
        name: getattr(other, name)
        for name in ("wikidata_id", "description", "country_id")
        if not getattr(keep, name) and getattr(other, name)
    }
    status = _merged_status(keep, other)
    _guard(other, ACTOR_RELATIONS)
    other.delete()
    ActorRedirect.objects.update_or_create(
        old_slug=merged_slug, defaults={"actor": keep, "old_name": merged_name}
    )
    for name, value in fill.items():
        setattr(keep, name, value)
    keep.editorial_status = status
    # Saved even when nothing was filled in: updated_at moves, so the extractor's knowledge
    # base (meetings.knowledge.signature) is rebuilt with the names it now has.
    keep.full_clean(exclude=["slug"])
    keep.save()
    alias_add(actor=keep, text=merged_name)
    # The moves' rows_written and keep's save recomputed every copy (copies.py): the
    # participations' country and visibility, the pairs, the statements' visibility.
    _pages_changed(actors=[keep.pk, merged_pk], meetings=touched_meetings)
    decision_log(
        user=by,
        obj=keep,
        action=f"Merged the duplicate “{merged_name}” (/actors/{merged_slug}/) into this actor"
        + _moved_note(moved),
    )
    return summary


def _aliases_move(*, keep: Actor, other: Actor) -> int:
    """Move other's names to keep, but those keep has already (the unique constraints: one
    plain name per normalized form, one role name per form and start date)."""
    plain = set(keep.aliases.filter(is_role=False).values_list("normalized", flat=True))
    roles = set(keep.aliases.filter(is_role=True).values_list("normalized", "valid_from"))
    same = [
        alias.pk
        for alias in other.aliases.all()
        if (
            (alias.normalized, alias.valid_from) in roles
            if alias.is_role
            else alias.normalized in plain
        )
    ]
    Alias.objects.filter(pk__in=same).delete()
    return Alias.objects.filter(actor=other).update(actor=keep)


def _positions_move(*, keep: Actor, other: Actor) -> int:
    """Move other's offices to keep, but those keep holds already (same title, body,
    country and dates); offices in ``other`` (an organisation) become offices in keep."""

    def key(p):
        return (p.title.casefold(), p.organization_id, p.country_id, p.start_date, p.end_date)

    held = {key(p) for p in keep.positions.all()}
    Position.objects.filter(pk__in=[p.pk for p in other.positions.all() if key(p) in held]).delete()
    Position.objects.filter(organization=other).update(organization=keep)
    return Position.objects.filter(actor=other).update(actor=keep)


# A participant's role says more than "participant": the clearer one is kept.
_ROLE_WEIGHT = {Participation.Role.PARTICIPANT: 0}


def _actor_participations_move(*, keep: Actor, other: Actor) -> tuple[int, set[int]]:
    """Move other's participations to keep; in a meeting where both took part, keep's
    participation stays, with other's role when it is clearer (host rather than participant).
    Returns how many moved, and the meetings both took part in."""
    theirs = {
        p.meeting_id: p.role
        for p in other.participations.filter(
            meeting_id__in=keep.participations.values("meeting_id")
        ).only("meeting_id", "role")
    }
    for mine in keep.participations.filter(meeting_id__in=list(theirs)):
        _clearer_role(mine, theirs[mine.meeting_id])
    Participation.objects.filter(actor=other, meeting_id__in=list(theirs)).delete()
    # Their copies follow: the country is the kept actor's; visibility and pairs are
    # recomputed for these meetings (copies.py, on rows_written).
    moved = Participation.objects.filter(actor=other).update(actor=keep, country_id=keep.country_id)
    return moved, set(theirs)


def _clearer_role(kept: Participation, role: str) -> None:
    if _ROLE_WEIGHT.get(kept.role, 1) < _ROLE_WEIGHT.get(role, 1):
        Participation.objects.filter(pk=kept.pk).update(role=role)


def _retitle(*, meeting_ids, shared: set[int], old: str, new: str) -> None:
    """Meeting titles name their participants ("A – B"): the merged actor's name becomes the
    kept one's; in a meeting both took part in, once ("A – A" reads "A")."""
    if old == new:
        return
    others = Meeting.objects.filter(pk__in=list(set(meeting_ids) - shared), title__contains=old)
    others.update(title=Left(Replace("title", Value(old), Value(new)), 300))  # one UPDATE
    word = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)")
    rows = []
    for meeting in Meeting.objects.filter(pk__in=shared).only("pk", "title"):
        parts = [word.sub(new, part) for part in meeting.title.split(" – ")]
        title = " – ".join(dict.fromkeys(parts))
        if title != meeting.title:
            meeting.title = title[:300]
            rows.append(meeting)
    Meeting.objects.bulk_update(rows, ["title"])


# --- meetings ------------------------------------------------------------------------------


@transaction.atomic
def meeting_merge(*, keep: Meeting, other: Meeting, by=None) -> MergeSummary:
    """Merge ``other`` into ``keep``: its sources (evidence), participants and statements move
    to ``keep``, and what ``keep`` lacks (dates, venue, summary) is taken from ``other``;
    ``other`` goes, and its page answers 301 to ``keep``'s. ``by``: the editor, for the audit
    trail (a public correction when readers could see either). ValidationError (nothing
    changed) for the same meeting twice or one that no longer exists."""
    keep, other = _locked(Meeting, keep, other, noun="meeting")
    summary = MergeSummary(kept=keep, merged=str(other), merged_slug=other.slug)
    moved = summary.moved
    merged_pk, merged_slug, merged_title = other.pk, other.slug, other.title
    was_public = keep.is_public or other.is_public

    spans = set(keep.evidence.values_list("article_id", "start", "end"))
    Evidence.objects.filter(
        pk__in=[e.pk for e in other.evidence.all() if (e.article_id, e.start, e.end) in spans]
    ).delete()
    moved["sources"] = Evidence.objects.filter(meeting=other).update(meeting=keep)
    mine = {p.actor_id: p for p in keep.participations.all()}
    for theirs in other.participations.filter(actor_id__in=mine):
        _clearer_role(mine[theirs.actor_id], theirs.role)
    Participation.objects.filter(meeting=other, actor_id__in=mine).delete()
    moved["participants"] = Participation.objects.filter(meeting=other).update(
        meeting=keep, date=keep.start_date
    )
    moved["statements"] = Statement.objects.filter(meeting=other).update(meeting=keep)
    _fusion_move(keep=keep, other=other)
    _distinct_move(DistinctMeetings, keep=keep, other=other)
    MeetingRedirect.objects.filter(meeting=other).update(meeting=keep)

    fill = _meeting_blanks(keep, other)
    status = _merged_status(keep, other)
    _guard(other, MEETING_RELATIONS)
    other.delete()  # its country pairs go with it
    MeetingRedirect.objects.update_or_create(
        old_slug=merged_slug, defaults={"meeting": keep, "old_title": merged_title}
    )
    for name, value in fill.items():
        setattr(keep, name, value)
    keep.editorial_status = status
    keep.full_clean(exclude=["slug"])
    keep.save()  # a date taken from the other is copied onto the participations
    copies.visibility_refresh(meeting_ids=[keep.pk])
    copies.refresh_country_pairs([keep.pk])
    _pages_changed(meetings=[keep.pk, merged_pk])
    decision_log(
        user=by,
        obj=keep,
        action=f"Merged with a duplicate record of this meeting, “{merged_title}” "
        f"(/meetings/{merged_slug}/)" + _moved_note(moved),
        public=was_public,
    )
    return summary


def _fusion_move(*, keep: Meeting, other: Meeting) -> None:
    """The facts each source gives (one per source and fact) and the drafts proposed as the
    same as ``other`` follow it to ``keep``; only where the fusion of reports is installed
    (models MeetingFact and Meeting.same_as)."""
    facts = getattr(meetings_models, "MeetingFact", None)
    if facts is not None:
        given = set(facts.objects.filter(meeting=keep).values_list("article_id", "field"))
        facts.objects.filter(
            pk__in=[
                fact.pk
                for fact in facts.objects.filter(meeting=other)
                if (fact.article_id, fact.field) in given
            ]
        ).delete()
        facts.objects.filter(meeting=other).update(meeting=keep)
    if any(f.name == "same_as" for f in Meeting._meta.get_fields()):
        Meeting.objects.filter(same_as=other).exclude(pk=keep.pk).update(same_as=keep)
        if keep.same_as_id == other.pk:  # saved below: it must not name the row that goes
            keep.same_as = None


def _meeting_blanks(keep: Meeting, other: Meeting) -> dict:
    """What ``keep`` does not say and ``other`` does: the dates (as a whole), the venue (city
    and country together), the summary."""
    fill = {}
    if keep.start_date is None and other.start_date is not None:
        fill.update(
            start_date=other.start_date,
            end_date=other.end_date,
            date_precision=other.date_precision,
        )
    if not keep.city and not keep.country_id and (other.city or other.country_id):
        fill.update(city=other.city, country_id=other.country_id)
    if not keep.summary and other.summary:
        fill["summary"] = other.summary
    return fill


# --- shared --------------------------------------------------------------------------------


def _locked[M: models.Model](model: type[M], keep, other, *, noun: str) -> tuple[M, M]:
    """Both rows, read again and locked (PostgreSQL) in id order, or a ValidationError."""
    for row in (keep, other):
        if not isinstance(row, model) or row.pk is None:
            raise ValidationError(f"Choose two saved {noun}s to merge.")
    if keep.pk == other.pk:
        raise ValidationError(f"“{keep}” cannot be merged into itself: choose another {noun}.")
    rows = {
        row.pk: row
        for row in model.objects.select_for_update()
        .filter(pk__in=[keep.pk, other.pk])
        .order_by("pk")
    }
    for row in (keep, other):
        if row.pk not in rows:
            raise ValidationError(
                f"“{row}” no longer exists (merged or deleted meanwhile): nothing changed."
            )
    return rows[keep.pk], rows[other.pk]


def _merged_status(keep, other) -> str:
    if PUBLISHED in (keep.editorial_status, other.editorial_status):
        return PUBLISHED
    return keep.editorial_status


def _distinct_move(model, *, keep, other) -> None:
    """ "Not duplicates" decisions about ``other`` hold for ``keep`` (first < second)."""
    rows = model.objects.filter(models.Q(first=other) | models.Q(second=other))
    for row in list(rows):
        third = row.second_id if row.first_id == other.pk else row.first_id
        if third != keep.pk:
            first, second = sorted((keep.pk, third))
            model.objects.get_or_create(first_id=first, second_id=second)
    rows.delete()


def _guard(other: models.Model, handled: dict[str, str]) -> None:
    """Refuse to delete ``other`` while a relation no merge step knows still has rows: they
    would be cascaded away (or the delete refused) instead of moved."""
    for relation in relations_to(type(other)):
        if relation_key(relation) in handled:
            continue
        related = relation.related_model._base_manager.filter(**{relation.field.name: other})
        if related.exists():
            raise ValidationError(
                f"“{other}” still has {relation.related_model._meta.verbose_name_plural} "
                "that a merge does not know how to move: nothing changed."
            )


def _pages_changed(*, actors=(), meetings=()) -> None:
    """The cached pages that show these records are out of date once this commits."""
    records_changed = getattr(cache, "records_changed", None)
    if records_changed is None:  # a cache keyed by one publication generation
        cache.publication_changed()
    else:
        records_changed(actors=list(actors), meetings=list(meetings))


def _moved_note(moved: Counter) -> str:
    parts = ", ".join(f"{n} {name}" for name, n in moved.items() if n)
    return f"; moved: {parts}" if parts else ""


def _a(noun: str) -> str:
    noun = noun.lower()
    return ("an " if noun[:1] in "aeiou" else "a ") + noun
