"""Every write of more than one row: the admin, the commands and the importers call these.

Keyword-only arguments, ``full_clean()`` before saving, one transaction per call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.text import slugify

from meetings import reference
from meetings.cache import publication_changed
from meetings.models import (
    Actor,
    Alias,
    Article,
    Country,
    EditorialStatus,
    Evidence,
    Meeting,
    Participation,
    Position,
    Statement,
    content_hash,
    normalize_name,
)

PUBLISHED = EditorialStatus.PUBLISHED


def unique_slug(model, base: str, *, max_length: int = 200, exclude_pk=None) -> str:
    """``base`` slugified, with -2, -3… appended until no other row of ``model`` has it."""
    root = (slugify(base, allow_unicode=False) or "item")[:max_length].strip("-") or "item"
    taken = model.objects.filter(slug__startswith=root)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    taken = set(taken.values_list("slug", flat=True))
    slug, n = root, 2
    while slug in taken:
        slug = f"{root[: max_length - 6]}-{n}"
        n += 1
    return slug


# --- visibility -------------------------------------------------------------------------


def visibility_refresh(
    *,
    meeting_ids: Iterable[int] | None = None,
    statement_ids: Iterable[int] | None = None,
    article_ids: Iterable[int] | None = None,
) -> None:
    """Recompute ``is_public`` for the given rows (or those of the given articles).

    A meeting is public when it is published and one of its evidence articles is published;
    a statement when it and its article are published. Participations copy their meeting.
    """
    meetings = Meeting.objects.all()
    statements = Statement.objects.all()
    if article_ids is not None:
        article_ids = list(article_ids)
        meetings = meetings.filter(evidence__article_id__in=article_ids).distinct()
        statements = statements.filter(article_id__in=article_ids)
    else:
        meetings = meetings.filter(pk__in=list(meeting_ids or []))
        statements = statements.filter(pk__in=list(statement_ids or []))
    meeting_pks = list(meetings.values_list("pk", flat=True))

    public_evidence = Evidence.objects.filter(
        meeting=OuterRef("pk"), article__editorial_status=PUBLISHED
    )
    scoped = Meeting.objects.filter(pk__in=meeting_pks)
    scoped.filter(Q(editorial_status=PUBLISHED) & Exists(public_evidence)).update(is_public=True)
    scoped.exclude(Q(editorial_status=PUBLISHED) & Exists(public_evidence)).update(is_public=False)
    for value in (True, False):
        Participation.objects.filter(meeting_id__in=meeting_pks, meeting__is_public=value).update(
            is_public=value
        )

    statement_pks = list(statements.values_list("pk", flat=True))
    is_public = Q(editorial_status=PUBLISHED, article__editorial_status=PUBLISHED)
    Statement.objects.filter(pk__in=statement_pks).filter(is_public).update(is_public=True)
    Statement.objects.filter(pk__in=statement_pks).exclude(is_public).update(is_public=False)
    publication_changed()


def participations_sync(*, meeting: Meeting) -> None:
    """Copy the meeting's date and visibility, and each actor's country, onto participations."""
    rows = list(meeting.participations.select_related("actor"))
    for row in rows:
        row.date = meeting.start_date
        row.country_id = row.actor.country_id
        row.is_public = meeting.is_public
    Participation.objects.bulk_update(rows, ["date", "country", "is_public"])
    publication_changed()  # a participant or the date changed: pair and country figures move


def actor_participations_sync(*, actor: Actor) -> None:
    """After an actor's country changes, copy it onto all of its participations."""
    Participation.objects.filter(actor=actor).update(country_id=actor.country_id)
    publication_changed()


# --- reference data and actors -------------------------------------------------------------


@transaction.atomic
def reference_load() -> tuple[int, int]:
    """Countries from meetings.reference, and a state actor for each; safe to run again.

    Bulk writes: this runs in every fresh set-up and in tests. Returns (countries created,
    state actors created).
    """
    existing = Country.objects.in_bulk()
    new, changed = [], []
    for c in reference.countries():
        row = Country(
            code=c.code, name=c.name, demonyms=list(c.demonyms), capital=", ".join(c.capitals)
        )
        old = existing.get(c.code)
        if old is None:
            new.append(row)
        elif (old.name, old.demonyms, old.capital) != (row.name, row.demonyms, row.capital):
            changed.append(row)
    Country.objects.bulk_create(new)
    Country.objects.bulk_update(changed, ["name", "demonyms", "capital"])

    with_state = set(
        Actor.objects.filter(kind=Actor.Kind.STATE).values_list("country_id", flat=True)
    )
    missing = [c for c in reference.countries() if c.code not in with_state]
    taken = set(Actor.objects.values_list("slug", flat=True))
    states = []
    for c in missing:
        slug, n = slugify(c.name) or c.code.lower(), 2
        while slug in taken:
            slug, n = f"{slugify(c.name)}-{n}", n + 1
        taken.add(slug)
        states.append(Actor(name=c.name, slug=slug, kind=Actor.Kind.STATE, country_id=c.code))
    Actor.objects.bulk_create(states)
    states = Actor.objects.filter(slug__in=[a.slug for a in states]).in_bulk(field_name="slug")
    aliases = []
    by_code = {a.country_id: a for a in states.values()}
    for c in missing:
        actor = by_code[c.code]
        seen = set()
        for text in [c.name, *(a for a in c.aliases if a.isascii())]:
            key = normalize_name(text)
            if key and key not in seen:
                seen.add(key)
                aliases.append(Alias(actor=actor, text=text, normalized=key))
    Alias.objects.bulk_create(aliases, batch_size=500)
    return len(new), len(states)


@transaction.atomic
def actor_create(
    *,
    name: str,
    kind: str = Actor.Kind.PERSON,
    country: str | None = None,
    slug: str | None = None,
    wikidata_id: str = "",
    description: str = "",
    aliases: Sequence[str] = (),
    role_aliases: Sequence[tuple[str, dt.date | None, dt.date | None]] = (),
    positions: Sequence[dict] = (),
    editorial_status: str = PUBLISHED,
) -> Actor:
    """An actor with its aliases (its own name included) and positions."""
    actor = Actor(
        name=name,
        kind=kind,
        country_id=country.upper() if country else None,
        slug=slug or unique_slug(Actor, name),
        wikidata_id=wikidata_id,
        description=description,
        editorial_status=editorial_status,
    )
    actor.full_clean()
    actor.save()
    alias_add(actor=actor, text=name)
    for text in aliases:
        alias_add(actor=actor, text=text)
    for text, valid_from, valid_to in role_aliases:
        alias_add(actor=actor, text=text, is_role=True, valid_from=valid_from, valid_to=valid_to)
    for position in positions:
        position_add(actor=actor, **position)
    return actor


def alias_add(
    *,
    actor: Actor,
    text: str,
    is_role: bool = False,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> Alias:
    """Add a name to an actor unless it already has it (same normalized form)."""
    alias = Alias(
        actor=actor, text=text.strip(), is_role=is_role, valid_from=valid_from, valid_to=valid_to
    )
    alias.normalized = normalize_name(alias.text)
    # A role ("the Russian president") may hold several terms: one row per start date.
    same = Alias.objects.filter(actor=actor, normalized=alias.normalized, is_role=is_role)
    existing = (same.filter(valid_from=valid_from) if is_role else same).first()
    if existing:
        return existing
    alias.full_clean(exclude=["normalized"])
    alias.save()
    return alias


def position_add(
    *,
    actor: Actor,
    title: str,
    organization: Actor | None = None,
    country: str | None = None,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
) -> Position:
    position = Position(
        actor=actor,
        title=title,
        organization=organization,
        country_id=country.upper() if country else None,
        start_date=start_date,
        end_date=end_date,
    )
    position.full_clean()
    position.save()
    return position


# --- articles, meetings, statements ----------------------------------------------------------


def article_create(
    *,
    title: str,
    body: str,
    outlet: str = "",
    url: str = "",
    dateline: str = "",
    published_on: dt.date | None = None,
    language: str = "en",
    editorial_status: str = EditorialStatus.DRAFT,
    slug: str | None = None,
) -> Article:
    """A new article; ValidationError when its URL or its text is already stored."""
    base = f"{title} {published_on.isoformat() if published_on else ''}"
    article = Article(
        title=title.strip(),
        body=body,
        outlet=outlet,
        url=url,
        dateline=dateline,
        published_on=published_on,
        language=language,
        editorial_status=editorial_status,
        slug=slug or unique_slug(Article, base),
    )
    article.content_hash = content_hash(body)
    article.full_clean()
    article.save()
    return article


@transaction.atomic
def article_publish(*, article: Article) -> Article:
    """Publish an article; its published meetings and statements become public."""
    article.editorial_status = PUBLISHED
    article.save(update_fields=["editorial_status", "updated_at"])
    visibility_refresh(article_ids=[article.pk])
    return article


@transaction.atomic
def article_unpublish(*, article: Article) -> Article:
    """Back to draft; rows supported only by this article leave the public site."""
    article.editorial_status = EditorialStatus.DRAFT
    article.save(update_fields=["editorial_status", "updated_at"])
    visibility_refresh(article_ids=[article.pk])
    return article


def meeting_title(names: Sequence[str]) -> str:
    """“A – B”, or “A, B, C and 4 others” for large meetings."""
    if len(names) <= 3:
        return " – ".join(names) or "Untitled meeting"
    return f"{', '.join(names[:3])} and {len(names) - 3} others"


def meeting_slug(*, start_date: dt.date | None, names: Sequence[str], exclude_pk=None) -> str:
    when = start_date.isoformat() if start_date else "undated"
    return unique_slug(Meeting, f"{when} {' '.join(names[:3])}", exclude_pk=exclude_pk)


@transaction.atomic
def meeting_create(
    *,
    kind: str = Meeting.Kind.MEETING,
    status: str = Meeting.Status.HELD,
    title: str = "",
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    date_precision: str = Meeting.Precision.DAY,
    city: str = "",
    country: str | None = None,
    summary: str = "",
    participants: Sequence[tuple[Actor, str]] = (),
    evidence: Sequence[tuple[Article, int, int]] = (),
    editorial_status: str = EditorialStatus.DRAFT,
    slug: str | None = None,
    confidence: float | None = None,
    rule: str = "",
    fingerprint: str = "",
) -> Meeting:
    """A meeting with its participants (actor, role) and evidence (article, start, end)."""
    names = [actor.name for actor, _ in participants]
    meeting = Meeting(
        title=title or meeting_title(names),
        kind=kind,
        status=status,
        start_date=start_date,
        end_date=end_date,
        date_precision=date_precision,
        city=city,
        country_id=country.upper() if country else None,
        summary=summary,
        editorial_status=editorial_status,
        slug=slug or meeting_slug(start_date=start_date, names=names),
        confidence=confidence,
        rule=rule,
        fingerprint=fingerprint,
    )
    meeting.full_clean()
    meeting.save()
    for actor, role in participants:
        participation = Participation(meeting=meeting, actor=actor, role=role)
        participation.full_clean(exclude=["meeting"])
        participation.save()
    for article, start, end in evidence:
        row = Evidence(meeting=meeting, article=article, start=start, end=end)
        row.full_clean()
        row.save()
    visibility_refresh(meeting_ids=[meeting.pk])
    meeting.refresh_from_db(fields=["is_public"])
    return meeting


@transaction.atomic
def meeting_set_status(*, meeting: Meeting, editorial_status: str) -> Meeting:
    """Publish, reject or return a meeting to draft; visibility follows."""
    meeting.editorial_status = editorial_status
    meeting.save(update_fields=["editorial_status", "updated_at"])
    visibility_refresh(meeting_ids=[meeting.pk])
    return meeting


@transaction.atomic
def statement_create(
    *,
    speaker: Actor,
    article: Article,
    start: int,
    end: int,
    text: str | None = None,
    kind: str = "direct",
    meeting: Meeting | None = None,
    said_on: dt.date | None = None,
    via: Actor | None = None,
    editorial_status: str = EditorialStatus.DRAFT,
    confidence: float | None = None,
    rule: str = "",
    fingerprint: str = "",
) -> Statement:
    """A statement whose text is the article's characters [start, end) unless given."""
    statement = Statement(
        speaker=speaker,
        article=article,
        start=start,
        end=end,
        text=text if text is not None else article.body[start:end],
        kind=kind,
        meeting=meeting,
        said_on=said_on,
        via=via,
        editorial_status=editorial_status,
        confidence=confidence,
        rule=rule,
        fingerprint=fingerprint,
    )
    statement.full_clean()
    statement.save()
    visibility_refresh(statement_ids=[statement.pk])
    statement.refresh_from_db(fields=["is_public"])
    return statement


@transaction.atomic
def statement_set_status(*, statement: Statement, editorial_status: str) -> Statement:
    statement.editorial_status = editorial_status
    statement.save(update_fields=["editorial_status", "updated_at"])
    visibility_refresh(statement_ids=[statement.pk])
    return statement


# --- extraction and review ----------------------------------------------------------------
#
# How a proposal becomes rows (``proposal_apply``), and what the editor's decisions do:
#
# - Every proposed meeting and statement is stored as a DRAFT row, identified by a
#   fingerprint of where it comes from (article, character span), so a re-run finds it again.
# - A name the knowledge base does not know becomes an ActorSuggestion *and* a draft Actor,
#   so meetings and statements can name it at once. Accepting the suggestion publishes that
#   actor with its title (as a position) and surface forms (as aliases); linking it to an
#   existing actor moves its rows to that actor, adds the name as an alias and deletes the
#   draft; rejecting it rejects the draft actor and takes it out of the draft rows.
# - "Accepted" means editorial_status = published on the row. It is public only once its
#   article is published too (``visibility_refresh``), so publishing the article publishes
#   exactly its accepted rows; drafts stay drafts, rejected rows stay hidden.
# - A re-run owns only untouched drafts: it refreshes them to the new proposal and deletes the
#   ones no longer proposed. Rows an editor accepted, rejected or edited (updated after the
#   last extraction) are never changed.

# Imported here, not at the top, so this section stays self-contained.
import hashlib  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

from django.db import models  # noqa: E402
from django.db.models import Prefetch  # noqa: E402
from django.utils import timezone  # noqa: E402

from meetings.models import ActorSuggestion, RejectedLink  # noqa: E402

# Proposals at or above this confidence are what "Accept all confident proposals" accepts.
CONFIDENT = 0.8

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "president", "minister"}


@dataclass
class ExtractionSummary:
    """What one extraction run did to an article's rows."""

    meetings_created: int = 0
    meetings_updated: int = 0
    meetings_kept: int = 0
    meetings_removed: int = 0
    meetings_matched: int = 0
    statements_created: int = 0
    statements_updated: int = 0
    statements_kept: int = 0
    statements_removed: int = 0
    statements_skipped: int = 0
    suggestions_created: int = 0
    notes: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        parts = [
            f"{self.meetings_created} new meeting(s)",
            f"{self.statements_created} new statement(s)",
            f"{self.suggestions_created} new actor suggestion(s)",
        ]
        if self.meetings_updated or self.statements_updated:
            parts.append(f"{self.meetings_updated + self.statements_updated} draft(s) refreshed")
        if self.meetings_matched:
            parts.append(f"{self.meetings_matched} meeting(s) already recorded")
        kept = self.meetings_kept + self.statements_kept
        if kept:
            parts.append(f"{kept} reviewed row(s) left as the editor decided")
        removed = self.meetings_removed + self.statements_removed
        if removed:
            parts.append(f"{removed} draft(s) no longer proposed removed")
        return " — ".join([", ".join(parts), *(note.rstrip(".") for note in self.notes)])


def fingerprint(*parts) -> str:
    """A stable hash of a proposal's identity (where in which article it comes from)."""
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()


def article_input(article: Article):
    """The pipeline's view of an article."""
    from meetings.extraction import ArticleInput

    return ArticleInput(
        text=article.body,
        title=article.title,
        published=article.published_on,
        dateline=article.dateline,
        outlet=article.outlet,
    )


def article_propose(*, article: Article, kb=None):
    """Run the pipeline on an article against the database's knowledge (no writes)."""
    from meetings.extraction import extract
    from meetings.knowledge import knowledge_base

    return extract(article_input(article), kb if kb is not None else knowledge_base())


@transaction.atomic
def article_extract(*, article: Article, kb=None) -> ExtractionSummary:
    """Extract an article and store the proposal as draft rows; safe to run again."""
    return proposal_apply(article=article, proposal=article_propose(article=article, kb=kb))


def _is_untouched_draft(row, extracted_at) -> bool:
    """A draft nobody edited since the last extraction: the extractor may refresh it."""
    if row.editorial_status != EditorialStatus.DRAFT:
        return False
    return extracted_at is None or row.updated_at <= extracted_at


def _differs(row, values: dict) -> bool:
    """Whether saving ``values`` would change the row (foreign keys compared by id)."""
    for key, value in values.items():
        if isinstance(value, models.Model) or (value is None and hasattr(row, f"{key}_id")):
            if getattr(row, f"{key}_id") != (value.pk if value is not None else None):
                return True
        elif getattr(row, key) != value:
            return True
    return False


_PARTICLES = {"al", "bin", "bint", "da", "de", "del", "der", "di", "dos", "du", "el", "ibn", "la"}
_PARTICLES |= {"le", "van", "von", "y", "of", "for", "and", "the", "on", "in"}


def _is_name(form: str) -> bool:
    """Written like a name: every word capitalised but particles, and not "the ..." —
    descriptions such as "the Chinese defence minister" are role aliases, with dates."""
    words = form.split()
    if not words or words[0].lower() in {"the", "of", "for", "and", "on", "in"}:
        return False
    if not any(w[:1].isupper() for w in words):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _PARTICLES for w in words)


def _surface_aliases(
    name: str, forms: Iterable[str], kind: str, *, confirmed: str | Sequence[str] = ()
) -> list[str]:
    """Surface forms worth keeping as aliases: names, not the name itself, not "Mr. Li".

    A person's one-word form ("Dahl") is kept only when it is a word of a name in
    ``confirmed`` (the names an editor accepted or linked it to): the text called them so,
    and the next article saying "Foreign Minister Dahl" should find them. An organisation
    keeps the description the text named it by ("India's foreign ministry")."""
    confirmed = [confirmed] if isinstance(confirmed, str) else confirmed
    single = {w for n in confirmed for w in normalize_name(n).split()} - _PARTICLES - _HONORIFICS
    keep, seen = [], {normalize_name(name)}
    for form in forms:
        form = form.strip()
        key = normalize_name(form)
        if not key or key in seen:
            continue
        words = key.split()
        if kind == Actor.Kind.ORGANIZATION and not _is_name(form):
            # "India's foreign ministry": a country's own body, named by its description.
            if len(words) < 2 or not form[:1].isupper() or words[0] in _PARTICLES:
                continue
        elif not _is_name(form):
            continue
        if kind == Actor.Kind.PERSON and (
            words[0] in _HONORIFICS or (len(words) < 2 and words[0] not in single)
        ):
            continue
        seen.add(key)
        keep.append(form)
    return keep


def _country_code(code: str | None, known: set[str]) -> str | None:
    code = (code or "").upper()
    return code if code in known else None


def _meeting_match(*, article, candidates, actor_ids, day, span) -> Meeting | None:
    """A meeting already recorded that this proposal describes, so none is added twice.

    Among this article's meetings (hand-made, or proposed before the pipeline changed): one
    whose evidence overlaps the span and shares the participants. Else, from any other
    article: a meeting on the same day with exactly these participants, which gets this
    article as further evidence.
    """
    start, end = span
    for meeting in candidates:
        shared = actor_ids & {p.actor_id for p in meeting.participations.all()}
        overlaps = any(ev.start < end and start < ev.end for ev in meeting.evidence.all())
        if overlaps and len(shared) >= min(2, len(actor_ids)):
            return meeting
    if day is None or len(actor_ids) < 2:
        return None
    same_day = Meeting.objects.filter(start_date=day).exclude(
        editorial_status=EditorialStatus.REJECTED
    )
    for actor_id in actor_ids:
        same_day = same_day.filter(participations__actor_id=actor_id)
    for meeting in same_day.prefetch_related("participations").distinct()[:5]:
        if {p.actor_id for p in meeting.participations.all()} == actor_ids:
            Evidence.objects.get_or_create(meeting=meeting, article=article, start=start, end=end)
            visibility_refresh(meeting_ids=[meeting.pk])
            return meeting
    return None


def office_title(title: str, country: str | None) -> str:
    """The office without the demonym written before it: "Ghanaian Foreign Minister" of GH
    is "Foreign Minister" (the position carries the country)."""
    title = " ".join((title or "").split())
    ref = reference.country(country) if country else None
    for demonym in sorted(ref.demonyms if ref else (), key=len, reverse=True):
        if title.lower().startswith(demonym.lower() + " "):
            rest = title[len(demonym) + 1 :]
            return rest[:1].upper() + rest[1:]
    return title


@transaction.atomic
def proposal_apply(*, article: Article, proposal) -> ExtractionSummary:
    """Store a Proposal for an article as draft rows (see the notes above this section)."""
    summary = ExtractionSummary(notes=list(getattr(proposal, "notes", ())))
    extracted_at = article.extracted_at
    countries = set(Country.objects.values_list("code", flat=True))
    body_len = len(article.body)

    # Actors: known ones are looked up, unknown names become suggestions with a draft actor.
    actor_ids = (
        {int(a.actor_id) for a in proposal.actors if a.actor_id is not None}
        | {
            int(p.actor_id)
            for m in proposal.meetings
            for p in m.participants
            if p.actor_id is not None
        }
        | {int(i) for s in proposal.statements for i in (s.speaker_id, s.via_id) if i is not None}
    )
    actors = Actor.objects.exclude(editorial_status=EditorialStatus.REJECTED).in_bulk(actor_ids)
    suggestions = {s.name: s for s in article.suggestions.select_related("actor")}
    by_surface = {normalize_name(form): s for s in suggestions.values() for form in s.surface_forms}
    by_name: dict[str, Actor | None] = {}

    def suggestion_for(name, *, kind, country, title, forms, spans, confidence, rule, actor):
        name = name.strip()[:200]
        suggestion = suggestions.get(name)
        if suggestion is None and normalize_name(name) in by_surface:
            # Already suggested here under a fuller name ("del Rosario" of "Albert F. del
            # Rosario"): the same person, whatever this run's mention resolution said.
            return by_surface[normalize_name(name)]
        start, end = spans[0] if spans else (0, 1)
        start, end = (start, end) if 0 <= start < end <= body_len else (0, 1)
        values = {
            "kind": kind if kind in Actor.Kind.values else Actor.Kind.PERSON,
            "country_id": _country_code(country, countries),
            "title": office_title(title, country)[:300],
            "surface_forms": sorted(set(forms) | {name}),
            "start": start,
            "end": end,
            "confidence": confidence,
            "rule": (rule or "")[:100],
        }
        if suggestion is None:
            if actor is None:
                # A draft an earlier article proposed under this very name, which a
                # knowledge-base snapshot taken before that article (bulk import) misses.
                actor = (
                    Actor.objects.filter(
                        editorial_status=EditorialStatus.DRAFT,
                        kind=values["kind"],
                        aliases__normalized=normalize_name(name),
                    )
                    .order_by("pk")
                    .first()
                )
            if actor is None:
                # Its fuller surface forms go in as aliases at once, so the next run
                # resolves every mention of the name to this one draft.
                actor = actor_create(
                    name=name,
                    kind=values["kind"],
                    country=values["country_id"],
                    description=values["title"],
                    aliases=_surface_aliases(name, forms, values["kind"]),
                    editorial_status=EditorialStatus.DRAFT,
                )
            suggestion = ActorSuggestion(article=article, name=name, actor=actor, **values)
            suggestion.full_clean()
            suggestion.save()
            suggestions[name] = suggestion
            by_surface.update((normalize_name(f), suggestion) for f in suggestion.surface_forms)
            summary.suggestions_created += 1
        elif suggestion.status == ActorSuggestion.Status.PENDING:
            values["surface_forms"] = sorted(
                set(values["surface_forms"]) | set(suggestion.surface_forms)
            )
            for key, value in values.items():
                setattr(suggestion, key, value)
            suggestion.save()
        return suggestion

    for a in proposal.actors:
        known = actors.get(int(a.actor_id)) if a.actor_id is not None else None
        if a.actor_id is not None and known is None:
            continue  # deleted or rejected since the snapshot
        if known is not None and known.editorial_status == PUBLISHED:
            by_name[a.name] = known
            continue
        # Unknown, or a draft actor proposed by an earlier article: the editor decides here.
        suggestion = suggestion_for(
            a.name,
            kind=a.kind,
            country=a.country,
            title=a.title,
            forms=a.aliases,
            spans=a.spans,
            confidence=a.confidence,
            rule=a.rule,
            actor=known,
        )
        by_name[a.name] = (
            None if suggestion.status == ActorSuggestion.Status.REJECTED else suggestion.actor
        )

    def resolve(name: str | None, actor_id) -> Actor | None:
        if actor_id is not None:
            return actors.get(int(actor_id))
        if not name:
            return None
        if name not in by_name:  # named only in a meeting or as a speaker
            suggestion = suggestion_for(
                name,
                kind=Actor.Kind.PERSON,
                country=None,
                title="",
                forms=[name],
                spans=[],
                confidence=None,
                rule="named-only",
                actor=None,
            )
            rejected = suggestion.status == ActorSuggestion.Status.REJECTED
            by_name[name] = None if rejected else suggestion.actor
        return by_name[name]

    # Meetings.
    article_meetings = list(
        Meeting.objects.filter(evidence__article=article)
        .prefetch_related(
            "participations",
            Prefetch("evidence", queryset=Evidence.objects.filter(article=article)),
        )
        .distinct()
    )
    existing = {m.fingerprint: m for m in article_meetings if m.fingerprint}
    claimed = {m.pk for m in existing.values()}
    meeting_rows: dict[int, Meeting] = {}
    seen: set[str] = set()
    ordinal: dict[tuple[int, int], int] = {}
    for index, m in enumerate(proposal.meetings):
        start, end = m.span
        n = ordinal[(start, end)] = ordinal.get((start, end), -1) + 1
        fp = fingerprint("meeting", article.pk, start, end, n)
        seen.add(fp)
        participants: dict[int, tuple[Actor, str]] = {}
        for p in m.participants:
            actor = resolve(p.name, p.actor_id)
            if actor is not None and actor.pk not in participants:
                role = p.role if p.role in Participation.Role.values else "participant"
                participants[actor.pk] = (actor, role)
        row = existing.get(fp)
        if row is None and participants:
            row = _meeting_match(
                article=article,
                candidates=[c for c in article_meetings if c.pk not in claimed],
                actor_ids=set(participants),
                day=m.date if m.date_precision in (None, "day") else None,
                span=(start, end),
            )
            if row is not None:
                claimed.add(row.pk)
                seen.add(row.fingerprint)
                meeting_rows[index] = row
                summary.meetings_matched += 1
                continue
        if row is not None and not _is_untouched_draft(row, extracted_at):
            meeting_rows[index] = row
            summary.meetings_kept += 1
            continue
        if not participants or not (0 <= start < end <= body_len):
            if row is not None:
                seen.discard(fp)  # nobody left to meet: the draft goes
            continue
        start_date = m.date
        end_date = m.end_date if m.date and m.end_date and m.end_date >= m.date else None
        values = {
            "kind": m.kind if m.kind in Meeting.Kind.values else Meeting.Kind.MEETING,
            "status": m.status if m.status in Meeting.Status.values else Meeting.Status.HELD,
            "start_date": start_date,
            "end_date": end_date,
            "date_precision": m.date_precision
            if m.date_precision in Meeting.Precision.values
            else Meeting.Precision.DAY,
            "city": (m.city or "")[:120],
            "country": _country_code(m.country, countries),
            "confidence": m.confidence,
            "rule": (m.rule or "")[:100],
        }
        if row is None:
            row = meeting_create(
                participants=list(participants.values()),
                evidence=[(article, start, end)],
                fingerprint=fp,
                **values,
            )
            summary.meetings_created += 1
        else:
            values["country_id"] = values.pop("country")
            values["title"] = meeting_title([actor.name for actor, _ in participants.values()])
            current = {p.actor_id: p.role for p in row.participations.all()}
            wanted = {actor_id: role for actor_id, (_, role) in participants.items()}
            if _differs(row, values) or current != wanted:
                for key, value in values.items():
                    setattr(row, key, value)
                row.full_clean(exclude=["slug"])
                row.save()
                Participation.objects.filter(
                    meeting=row, actor_id__in=set(current) - set(wanted)
                ).delete()
                for actor_id, (actor, role) in participants.items():
                    if actor_id not in current:
                        Participation.objects.create(meeting=row, actor=actor, role=role)
                    elif current[actor_id] != role:
                        row.participations.filter(actor_id=actor_id).update(role=role)
                participations_sync(meeting=row)
                summary.meetings_updated += 1
        meeting_rows[index] = row

    for fp, row in existing.items():
        if (
            fp not in seen
            and _is_untouched_draft(row, extracted_at)
            and not row.evidence.exclude(article=article).exists()
        ):
            Statement.objects.filter(meeting=row).update(meeting=None)
            row.delete()
            summary.meetings_removed += 1

    # Statements.
    article_statements = list(article.statements.all())
    existing_statements = {s.fingerprint: s for s in article_statements if s.fingerprint}
    seen = set()
    for s in proposal.statements:
        start, end = s.span
        fp = fingerprint("statement", article.pk, start, end)
        row = existing_statements.get(fp) or next(
            (
                other
                for other in article_statements
                if not other.fingerprint and other.start < end and start < other.end
            ),
            None,
        )
        if row is not None and (not row.fingerprint or not _is_untouched_draft(row, extracted_at)):
            seen.add(fp)  # hand-made, reviewed or edited: the editor's
            summary.statements_kept += 1
            continue
        speaker = resolve(s.speaker, s.speaker_id)
        if speaker is None or not (0 <= start < end <= body_len):
            summary.statements_skipped += 1
            continue
        seen.add(fp)
        meeting = meeting_rows.get(s.meeting_index) if s.meeting_index is not None else None
        if meeting is not None and meeting.editorial_status == EditorialStatus.REJECTED:
            meeting = None
        said_on = None
        if meeting is not None and meeting.date_precision == Meeting.Precision.DAY:
            said_on = meeting.start_date
        values = {
            "speaker": speaker,
            "text": article.body[start:end],
            "kind": s.kind if s.kind in Statement.Kind.values else Statement.Kind.DIRECT,
            "meeting": meeting,
            "said_on": said_on or article.published_on,
            "via": resolve(s.via, s.via_id) if (s.via or s.via_id is not None) else None,
            "confidence": s.confidence,
            "rule": (s.rule or "")[:100],
        }
        if row is None:
            statement_create(article=article, start=start, end=end, fingerprint=fp, **values)
            summary.statements_created += 1
        elif _differs(row, values):
            for key, value in values.items():
                setattr(row, key, value)
            row.full_clean()
            row.save()
            summary.statements_updated += 1
    for fp, row in existing_statements.items():
        if fp not in seen and _is_untouched_draft(row, extracted_at):
            row.delete()
            summary.statements_removed += 1

    article.extracted_at = timezone.now()
    article.save(update_fields=["extracted_at"])
    return summary


# Editors' decisions on suggested actors.


@transaction.atomic
def suggestion_accept(
    *,
    suggestion: ActorSuggestion,
    name: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    title: str | None = None,
) -> Actor:
    """Accept a suggested actor: publish it with its title as a position and its surface
    forms as aliases. Other articles' pending suggestions of the same actor follow."""
    name = (name or suggestion.name).strip()
    kind = kind or suggestion.kind
    country = (country if country is not None else suggestion.country_id) or None
    title = suggestion.title if title is None else title.strip()
    actor = suggestion.actor
    if actor is None or actor.editorial_status == EditorialStatus.REJECTED:
        actor = actor_create(name=name, kind=kind, country=country)
    else:
        country_changed = actor.country_id != (country.upper() if country else None)
        actor.name, actor.kind = name, kind
        actor.country_id = country.upper() if country else None
        actor.editorial_status = PUBLISHED
        actor.full_clean()
        actor.save()
        alias_add(actor=actor, text=name)
        if country_changed:
            actor_participations_sync(actor=actor)
    forms = [suggestion.name, *suggestion.surface_forms]
    for text in _surface_aliases(name, forms, kind, confirmed=[name, suggestion.name]):
        alias_add(actor=actor, text=text)
    if title and not actor.positions.filter(title__iexact=title).exists():
        # The office the article introduced them with: held on the article's date at least
        # (a page shows "since 8 March 2024" instead of "? – present").
        position_add(
            actor=actor,
            title=title,
            country=country,
            start_date=_article_day(suggestion.article_id),
        )
    ActorSuggestion.objects.filter(
        Q(pk=suggestion.pk) | Q(actor=actor, status=ActorSuggestion.Status.PENDING)
    ).update(status=ActorSuggestion.Status.ACCEPTED, actor=actor)
    suggestion.refresh_from_db()
    return actor


def _article_day(article_id: int | None) -> dt.date | None:
    """The article's date: its publication day, else the day its dateline gives."""
    if article_id is None:
        return None
    row = Article.objects.filter(pk=article_id).values("published_on", "dateline").first()
    if row is None:
        return None
    if row["published_on"] is None and row["dateline"]:
        from meetings.extraction.dates import parse_dateline_date

        return parse_dateline_date(row["dateline"], None)
    return row["published_on"]


@transaction.atomic
def suggestion_link(*, suggestion: ActorSuggestion, actor: Actor) -> Actor:
    """The suggested name is an existing actor: add the names the text used as aliases,
    point the rows proposed for the suggestion at that actor, and drop the draft.

    Also when the suggestion was accepted first (accepting one of its statements does
    that): this article's statements and participations move to ``actor`` all the same."""
    draft = suggestion.actor
    forms = [suggestion.name, *suggestion.surface_forms]
    for text in _surface_aliases("", forms, actor.kind, confirmed=[actor.name, suggestion.name]):
        alias_add(actor=actor, text=text)
    alias_add(actor=actor, text=suggestion.name)
    if draft is not None and draft.pk != actor.pk:
        if draft.editorial_status != PUBLISHED:
            actor_absorb(draft=draft, into=actor)
        else:
            _article_rows_repoint(article_id=suggestion.article_id, old=draft, new=actor)
            _duplicate_retire(duplicate=draft, suggestion=suggestion)
    suggestion.status = ActorSuggestion.Status.ACCEPTED
    suggestion.actor = actor
    suggestion.save(update_fields=["status", "actor"])
    return actor


def _article_rows_repoint(*, article_id: int, old: Actor, new: Actor) -> None:
    """One article's statements and meeting participations of ``old`` become ``new``'s
    (the same moves as ``actor_absorb``, limited to the article)."""
    statements = Statement.objects.filter(article_id=article_id)
    statements.filter(speaker=old).update(speaker=new)
    statements.filter(via=old).update(via=new)
    meetings = Meeting.objects.filter(evidence__article_id=article_id)
    already = Participation.objects.filter(actor=new, meeting__in=meetings).values("meeting_id")
    moved = Participation.objects.filter(actor=old, meeting__in=meetings)
    moved.filter(meeting_id__in=already).delete()
    moved.update(actor=new, country_id=new.country_id)


def _duplicate_retire(*, duplicate: Actor, suggestion: ActorSuggestion) -> None:
    """An actor made from this suggestion alone, now left with no rows: a duplicate of the
    one the editor linked it to. Rejected (kept, hidden), so no name links to it again."""
    others = ActorSuggestion.objects.filter(actor=duplicate).exclude(pk=suggestion.pk)
    if (
        others.exists()
        or duplicate.participations.exists()
        or Statement.objects.filter(Q(speaker=duplicate) | Q(via=duplicate)).exists()
    ):
        return
    duplicate.editorial_status = EditorialStatus.REJECTED
    duplicate.save(update_fields=["editorial_status", "updated_at"])


def actor_absorb(*, draft: Actor, into: Actor) -> None:
    """Move a draft actor's participations, statements and suggestions to ``into``; delete it."""
    already = set(Participation.objects.filter(actor=into).values_list("meeting_id", flat=True))
    Participation.objects.filter(actor=draft, meeting_id__in=already).delete()
    Participation.objects.filter(actor=draft).update(actor=into, country_id=into.country_id)
    Statement.objects.filter(speaker=draft).update(speaker=into)
    Statement.objects.filter(via=draft).update(via=into)
    ActorSuggestion.objects.filter(actor=draft).update(
        actor=into, status=ActorSuggestion.Status.ACCEPTED
    )
    draft.delete()


@transaction.atomic
def suggestion_reject(*, suggestion: ActorSuggestion) -> None:
    """Not an actor worth recording: reject the draft actor and take it out of draft rows."""
    draft = suggestion.actor
    suggestion.status = ActorSuggestion.Status.REJECTED
    suggestion.save(update_fields=["status"])
    if draft is None or draft.editorial_status == PUBLISHED:
        return
    draft.editorial_status = EditorialStatus.REJECTED
    draft.save(update_fields=["editorial_status", "updated_at"])
    _actor_leave_drafts(actor=draft, article=None)


def _actor_leave_drafts(*, actor: Actor, article: Article | None) -> None:
    """Take an actor out of draft meetings and reject its draft statements (of one article)."""
    meetings = Meeting.objects.filter(editorial_status=EditorialStatus.DRAFT)
    statements = Statement.objects.filter(editorial_status=EditorialStatus.DRAFT)
    if article is not None:
        meetings = meetings.filter(evidence__article=article)
        statements = statements.filter(article=article)
    Participation.objects.filter(actor=actor, meeting__in=meetings).delete()
    statements.filter(speaker=actor).update(editorial_status=EditorialStatus.REJECTED)
    statements.filter(via=actor).update(via=None)


@transaction.atomic
def link_reject(*, article: Article, actor: Actor, surface: str) -> RejectedLink:
    """``surface`` in this article is not ``actor``: remember it, and re-extract the article
    so the name is proposed afresh (as a suggestion or another actor)."""
    link, _ = RejectedLink.objects.get_or_create(normalized=normalize_name(surface), actor=actor)
    # The actor's draft rows here came from the wrong link: drop them (drafts are the
    # extractor's), and the re-run proposes them again with the right person.
    Participation.objects.filter(
        actor=actor,
        meeting__evidence__article=article,
        meeting__editorial_status=EditorialStatus.DRAFT,
    ).delete()
    drafts = article.statements.filter(editorial_status=EditorialStatus.DRAFT)
    drafts.filter(speaker=actor).delete()
    drafts.filter(via=actor).update(via=None)
    article_extract(article=article)
    return link


# Editors' decisions on meetings and statements.


def _accept_actors(*, actor_ids: Iterable[int], article: Article | None = None) -> None:
    """Accept these draft actors: through a pending suggestion (this article's first), so
    they get their position and aliases, else by publishing them. A published row never
    names an actor still in draft."""
    actor_ids = set(actor_ids)
    if not actor_ids:
        return
    pending = ActorSuggestion.objects.filter(
        actor_id__in=actor_ids, status=ActorSuggestion.Status.PENDING
    ).select_related("actor")
    first: dict[int, ActorSuggestion] = {}
    for suggestion in sorted(
        pending, key=lambda s: (s.article_id != getattr(article, "pk", None), s.pk)
    ):
        first.setdefault(suggestion.actor_id, suggestion)
    for suggestion in first.values():
        suggestion_accept(suggestion=suggestion)
    for actor in Actor.objects.filter(
        pk__in=actor_ids - set(first), editorial_status=EditorialStatus.DRAFT
    ):
        actor.editorial_status = PUBLISHED
        actor.save(update_fields=["editorial_status", "updated_at"])


@transaction.atomic
def meeting_accept(*, meeting: Meeting, article: Article | None = None) -> Meeting:
    """Accept a proposed meeting, and the suggested actors taking part in it."""
    _accept_actors(
        article=article,
        actor_ids=meeting.participations.filter(
            actor__editorial_status=EditorialStatus.DRAFT
        ).values_list("actor_id", flat=True),
    )
    return meeting_set_status(meeting=meeting, editorial_status=PUBLISHED)


@transaction.atomic
def statement_accept(*, statement: Statement) -> Statement:
    """Accept a proposed statement, and its speaker (and relay) when they are suggestions."""
    draft_ids = Actor.objects.filter(
        pk__in=[pk for pk in (statement.speaker_id, statement.via_id) if pk],
        editorial_status=EditorialStatus.DRAFT,
    ).values_list("pk", flat=True)
    _accept_actors(article=statement.article, actor_ids=draft_ids)
    return statement_set_status(statement=statement, editorial_status=PUBLISHED)


@transaction.atomic
def article_accept_confident(*, article: Article, threshold: float = CONFIDENT) -> dict:
    """Accept every draft proposal of the article with confidence >= ``threshold``."""
    done = {"meetings": 0, "statements": 0, "actors": 0}
    for suggestion in article.suggestions.filter(
        status=ActorSuggestion.Status.PENDING, confidence__gte=threshold
    ).select_related("actor"):
        suggestion_accept(suggestion=suggestion)
        done["actors"] += 1
    for meeting in Meeting.objects.filter(
        evidence__article=article,
        editorial_status=EditorialStatus.DRAFT,
        confidence__gte=threshold,
    ).distinct():
        meeting_accept(meeting=meeting, article=article)
        done["meetings"] += 1
    for statement in article.statements.filter(
        editorial_status=EditorialStatus.DRAFT, confidence__gte=threshold
    ).select_related("speaker", "via", "article"):
        statement_accept(statement=statement)
        done["statements"] += 1
    return done


def article_review_rows(*, article: Article) -> dict:
    """Everything the review page shows for an article, in a fixed number of queries."""
    participants = Prefetch(
        "participations", queryset=Participation.objects.select_related("actor", "actor__country")
    )
    meetings = list(
        Meeting.objects.filter(evidence__article=article)
        .select_related("country")
        .prefetch_related(
            participants,
            Prefetch("evidence", queryset=Evidence.objects.filter(article=article)),
        )
        .distinct()
        .order_by("id")
    )
    statements = list(
        article.statements.select_related("speaker", "via", "meeting").order_by("start", "id")
    )
    suggestions = list(article.suggestions.select_related("country", "actor").order_by("start"))
    return {"meetings": meetings, "statements": statements, "suggestions": suggestions}


def _same_given_name(first: str, other: str) -> bool:
    """ "ingrid" and "ingrid", "a" and "aino", "sergei" and "sergey" may be one person;
    "aino" and "sergey" are not. A lone surname matches anyone of that name."""
    from rapidfuzz import fuzz

    if first == other or len(first) == 1 and other.startswith(first):
        return True
    return len(other) == 1 and first.startswith(other) or fuzz.ratio(first, other) >= 80


def suggestion_candidates(*, suggestions: Sequence[ActorSuggestion], limit: int = 3) -> dict:
    """Known actors each pending suggestion may be, by surname: {suggestion pk: [actors]}.

    One query for all suggestions; candidates sharing the suggestion's country come first.
    """
    wanted: dict[int, tuple[str, str]] = {}
    for suggestion in suggestions:
        key = normalize_name(suggestion.name)
        last = key.rsplit(" ", 1)[-1]
        if suggestion.status == ActorSuggestion.Status.PENDING and len(last) >= 3:
            wanted[suggestion.pk] = (key, last)
    if not wanted:
        return {}
    names = Q()
    for key, last in wanted.values():
        names |= Q(normalized=key) | Q(normalized=last) | Q(normalized__endswith=f" {last}")
    rows = list(
        Alias.objects.filter(names, actor__editorial_status=PUBLISHED)
        .select_related("actor", "actor__country")
        .order_by("actor__name")[:200]
    )
    found: dict[int, list[Actor]] = {}
    for suggestion in suggestions:
        if suggestion.pk not in wanted:
            continue
        key, last = wanted[suggestion.pk]
        actors = {}
        for alias in rows:
            words = alias.normalized.split()
            if alias.actor.kind != suggestion.kind:
                continue
            given = key.split()[0] if " " in key else ""
            if alias.normalized == key or (
                words[-1] == last
                and (not given or len(words) == 1 or _same_given_name(given, words[0]))
            ):
                actors.setdefault(alias.actor_id, alias.actor)
        ranked = sorted(
            (a for a in actors.values() if a.pk != suggestion.actor_id),
            key=lambda a: (a.country_id != suggestion.country_id, a.name),
        )
        if ranked:
            found[suggestion.pk] = ranked[:limit]
    return found


def _reanchor(old_body: str, new_body: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the text at [start, end) of the old body is in the new one (nearest copy)."""
    text = old_body[start:end]
    if not text.strip():
        return None
    found, at = [], new_body.find(text)
    while at >= 0:
        found.append(at)
        at = new_body.find(text, at + 1)
    if not found:
        return None
    best = min(found, key=lambda pos: abs(pos - start))
    return best, best + len(text)


@transaction.atomic
def article_spans_reanchor(*, article: Article, old_body: str) -> int:
    """After the body changed: move every span of the article to where its text now is.

    Evidence, statements and suggestions keep pointing at their sentence; a statement's
    fingerprint follows its span so the next extraction recognises it. Returns how many
    reviewed rows lost their text (left where they were, for the editor to check).
    """
    new_body, lost = article.body, 0
    if new_body == old_body:
        return 0
    for evidence in Evidence.objects.filter(article=article).select_related("meeting"):
        span = _reanchor(old_body, new_body, evidence.start, evidence.end)
        if span is None:
            lost += evidence.meeting.editorial_status != EditorialStatus.DRAFT
        elif span != (evidence.start, evidence.end):
            Evidence.objects.filter(pk=evidence.pk).update(start=span[0], end=span[1])
    for statement in article.statements.all():
        span = _reanchor(old_body, new_body, statement.start, statement.end)
        if span is None:
            lost += statement.editorial_status != EditorialStatus.DRAFT
        elif span != (statement.start, statement.end):
            fp = fingerprint("statement", article.pk, *span) if statement.fingerprint else ""
            Statement.objects.filter(pk=statement.pk).update(
                start=span[0], end=span[1], fingerprint=fp
            )
    for suggestion in article.suggestions.all():
        span = _reanchor(old_body, new_body, suggestion.start, suggestion.end)
        if span is not None and span != (suggestion.start, suggestion.end):
            ActorSuggestion.objects.filter(pk=suggestion.pk).update(start=span[0], end=span[1])
    return lost


def article_text_from_upload(*, name: str, data: bytes) -> tuple[str, str]:
    """(title, text) of an uploaded .txt or .html file; HTML is reduced to its main text."""
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raw = data.decode("cp1252", errors="replace")
    if not name.lower().endswith((".html", ".htm", ".xhtml")):
        return "", raw.replace("\r\n", "\n").strip()
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False, include_tables=False) or ""
    metadata = trafilatura.extract_metadata(raw)
    title = (metadata.title if metadata else "") or ""
    # trafilatura puts one newline between paragraphs; a blank line reads better and keeps
    # paragraphs apart for the quote stage.
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    return title.strip(), text
