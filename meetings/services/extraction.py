"""How a proposal becomes rows (``proposal_apply``), and running the pipeline on an article.

- Every proposed meeting and statement is stored as a DRAFT row, identified by a
  fingerprint of where it comes from (article, character span), so a re-run finds it again.
- A name the knowledge base does not know becomes an ActorSuggestion *and* a draft Actor,
  so meetings and statements can name it at once. Accepting the suggestion publishes that
  actor with its title (as a position) and surface forms (as aliases); linking it to an
  existing actor moves its rows to that actor, adds the name as an alias and deletes the
  draft; rejecting it rejects the draft actor and takes it out of the draft rows
  (services/review.py).
- "Accepted" means editorial_status = published on the row. It is public only once its
  article is published too (``visibility_refresh``), so publishing the article publishes
  exactly its accepted rows; drafts stay drafts, rejected rows stay hidden.
- A re-run owns only untouched drafts: it refreshes them to the new proposal and deletes the
  ones no longer proposed. Rows an editor accepted, rejected or edited (updated after the
  last extraction) are never changed.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import connection, models, transaction
from django.db.models import Prefetch
from django.utils import timezone

from meetings import reference
from meetings.extraction import lexicon
from meetings.models import (
    Actor,
    ActorSuggestion,
    Alias,
    Article,
    Country,
    EditorialStatus,
    Evidence,
    ExtractionState,
    Meeting,
    Participation,
    Statement,
    normalize_name,
)
from meetings.models.base import rows_written
from meetings.services.base import PUBLISHED, fingerprint, unique_slug, validated_save
from meetings.services.fusion import meeting_facts_write, meeting_fuse
from meetings.services.matching import meeting_candidate_ids
from meetings.services.records import meeting_slug, meeting_title

# Proposals at or above this confidence are what "Accept all confident proposals" accepts.
CONFIDENT = 0.8


_HONORIFICS = lexicon.ALIAS_STYLES


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
def article_extract(
    *, article: Article, kb=None, fuse: bool = False, countries: set[str] | None = None
) -> ExtractionSummary:
    """Extract an article and store the proposal as draft rows; safe to run again.
    ``fuse``: a proposed meeting matching a recorded one is fused into it at once (an
    import run, with no editor to confirm), instead of waiting as a "same as" draft.
    ``countries``: the codes of the Country rows, when the caller keeps them (a worker)."""
    return proposal_apply(
        article=article,
        proposal=article_propose(article=article, kb=kb),
        fuse=fuse,
        countries=countries,
    )


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


_PARTICLES = lexicon.ALIAS_PARTICLES | lexicon.BODY_NAME_LINKS


def _is_name(form: str) -> bool:
    """Written like a name: every word capitalised but particles, and not "the ..." —
    descriptions such as "the Chinese defence minister" are role aliases, with dates."""
    words = form.split()
    if not words or words[0].lower() in lexicon.BODY_NAME_LINKS:
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


def _serialized(*key) -> None:
    """Until this transaction ends, no other one passes here with the same key.

    Extractions of several articles run at once on workers; two of them must not both find
    no draft actor of a new name (or no meeting of these participants on that day) and
    both add one. On PostgreSQL a transaction-level advisory lock makes the second wait
    for the first to commit; its next query (read committed) then finds the first's row.
    SQLite lets one writer in at a time anyway."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_key(*key)])


def _lock_key(*key) -> int:
    """The advisory lock's 64-bit key for ``key``."""
    digest = hashlib.blake2b(repr(key).encode(), digest_size=8).digest()
    return int.from_bytes(digest, signed=True)


def _insert_private(model, rows: list) -> None:
    """One INSERT of new draft rows (meetings, their participations and evidence, and
    statements), which no public page shows: their stored copies are what they are created
    with (``is_public`` False, a participation's date and country set by the caller, no
    country pair of a private meeting), so ``rows_written`` goes without keys — nothing to
    recompute (services/copies.py), where the TrackedQuerySet's own bulk_create would have
    visibility and country pairs recomputed for rows that cannot be public."""
    if rows:
        models.QuerySet(model).bulk_create(rows)
        rows_written.send(sender=model, fields=None, keys=None)


def _draft_actor_create(*, name, kind, country, description, aliases) -> Actor:
    """A draft actor the extractor proposes, with its name and ``aliases`` as aliases:
    its slug (two queries), its INSERT and one INSERT of the aliases, where actor_create's
    checks and a save per alias cost fifteen. The database's constraints check the rest (a
    slug another worker took meanwhile: the task tries again); a draft's aliases are
    shown nowhere and do not move the knowledge version, so no copy follows them."""
    actor = Actor(
        name=name,
        kind=kind,
        country_id=country,
        slug=unique_slug(Actor, name),
        description=description,
        editorial_status=EditorialStatus.DRAFT,
    )
    actor.clean_fields(exclude=["country"])  # the country is one of the known codes
    actor.save()
    forms = {}
    for text in [name, *aliases]:
        forms.setdefault(normalize_name(text.strip()), text.strip())
    models.QuerySet(Alias).bulk_create(
        Alias(actor=actor, text=text, normalized=key) for key, text in forms.items() if key
    )
    return actor


def _country_code(code: str | None, known: set[str]) -> str | None:
    code = (code or "").upper()
    return code if code in known else None


def _meeting_match(*, candidates, actor_ids, span) -> Meeting | None:
    """A meeting of this article already recorded that this proposal describes (hand-made,
    or proposed before the pipeline changed): one whose evidence overlaps the span and
    shares the participants. Meetings of other articles are matched by
    meetings/services/matching.py instead, as a "same as" the editor confirms."""
    start, end = span
    for meeting in candidates:
        shared = actor_ids & {p.actor_id for p in meeting.participations.all()}
        overlaps = any(ev.start < end and start < ev.end for ev in meeting.evidence.all())
        if overlaps and len(shared) >= min(2, len(actor_ids)):
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


@transaction.atomic(savepoint=False)  # article_extract's, or the caller's, is enough
def proposal_apply(
    *, article: Article, proposal, fuse: bool = False, countries: set[str] | None = None
) -> ExtractionSummary:
    """Store a Proposal for an article as draft rows (see this module's docstring); each
    new draft meeting is matched against the recorded ones (``same_as``), and with
    ``fuse`` fused into its match. ``countries``: the Country codes, if the caller has
    them (else one query)."""
    run = _ProposalRun(article, proposal, fuse=fuse, countries=countries)
    run.apply_actors()
    meeting_rows = run.apply_meetings()
    run.apply_statements(meeting_rows)
    run.suggestions_insert()
    article.extracted_at = timezone.now()
    article.extraction_state, article.extraction_error = ExtractionState.DONE, ""
    article.save(update_fields=["extracted_at", "extraction_state", "extraction_error"])
    return run.summary


class _ProposalRun:
    """What the steps of ``proposal_apply`` share: the article, the actors and suggestions
    known so far, and the summary of what was done."""

    def __init__(self, article: Article, proposal, *, fuse: bool = False, countries=None):
        self.article = article
        self.fuse = fuse
        self.proposal = proposal
        self.summary = ExtractionSummary(notes=list(getattr(proposal, "notes", ())))
        self.extracted_at = article.extracted_at
        if countries is None:
            countries = set(Country.objects.values_list("code", flat=True))
        self.countries = countries
        self.body_len = len(article.body)
        # Known actors are looked up; unknown names become suggestions with a draft actor.
        actor_ids = (
            {int(a.actor_id) for a in proposal.actors if a.actor_id is not None}
            | {
                int(p.actor_id)
                for m in proposal.meetings
                for p in m.participants
                if p.actor_id is not None
            }
            | {
                int(i)
                for s in proposal.statements
                for i in (s.speaker_id, s.via_id)
                if i is not None
            }
        )
        self.actors = Actor.objects.exclude(editorial_status=EditorialStatus.REJECTED).in_bulk(
            actor_ids
        )
        # An article never extracted, with no evidence or statement (an import's): none of
        # its rows to read back (``article_rows`` is False, as the worker's lock query found).
        self.fresh = getattr(article, "has_extraction_rows", None) is False
        self.suggestions = (
            {} if self.fresh else {s.name: s for s in article.suggestions.select_related("actor")}
        )
        self.by_surface = {
            normalize_name(form): s for s in self.suggestions.values() for form in s.surface_forms
        }
        self.by_name: dict[str, Actor | None] = {}
        # New rows, written together once a step has decided them all (``_meetings_insert``,
        # ``_statements_insert``): a few multi-row INSERTs instead of a save, its checks and
        # its copies' refresh per row.
        self.new_meetings: list[tuple[Meeting, list[tuple[Actor, str]], list[tuple]]] = []
        self.new_by_key: dict[tuple, tuple] = {}
        self.new_slugs: set[str] = set()
        self.new_statements: list[Statement] = []
        self.new_suggestions: list[ActorSuggestion] = []
        self.created_ids: set[int] = set()  # meetings this run created
        # Draft actors by (kind, normalized name) for the names this run may suggest, read
        # with one lock and one query (``drafts_prefetch``); a key missing was not read.
        self.drafts: dict[tuple[str, str], Actor | None] = {}

    # Actors ------------------------------------------------------------------------------

    def suggestion_for(self, name, *, kind, country, title, forms, spans, confidence, rule, actor):
        name = name.strip()[:200]
        suggestion = self.suggestions.get(name)
        if suggestion is None and normalize_name(name) in self.by_surface:
            # Already suggested here under a fuller name ("del Rosario" of "Albert F. del
            # Rosario"): the same person, whatever this run's mention resolution said.
            return self.by_surface[normalize_name(name)]
        start, end = spans[0] if spans else (0, 1)
        start, end = (start, end) if 0 <= start < end <= self.body_len else (0, 1)
        values = {
            "kind": kind if kind in Actor.Kind.values else Actor.Kind.PERSON,
            "country_id": _country_code(country, self.countries),
            "title": office_title(title, country)[:300],
            "surface_forms": sorted(set(forms) | {name}),
            "start": start,
            "end": end,
            "confidence": confidence,
            "rule": (rule or "")[:100],
        }
        if suggestion is None:
            return self._suggestion_create(name, values, forms, actor)
        if suggestion.status == ActorSuggestion.Status.PENDING:
            values["surface_forms"] = sorted(
                set(values["surface_forms"]) | set(suggestion.surface_forms)
            )
            for key, value in values.items():
                setattr(suggestion, key, value)
            suggestion.save()
        return suggestion

    def _suggestion_create(self, name, values, forms, actor) -> ActorSuggestion:
        key = (values["kind"], normalize_name(name))
        if actor is None and key in self.drafts:
            actor = self.drafts[key]  # read by drafts_prefetch, under its lock
        elif actor is None:
            # A draft an earlier article proposed under this very name, which a
            # knowledge-base snapshot taken before that article (bulk import) misses.
            _serialized("actor", *key)
            actor = (
                Actor.objects.filter(
                    editorial_status=EditorialStatus.DRAFT, kind=key[0], aliases__normalized=key[1]
                )
                .order_by("pk")
                .first()
            )
        if actor is None:
            # Its fuller surface forms go in as aliases at once, so the next run
            # resolves every mention of the name to this one draft.
            aliases = _surface_aliases(name, forms, values["kind"])
            actor = _draft_actor_create(
                name=name,
                kind=values["kind"],
                country=values["country_id"],
                description=values["title"],
                aliases=aliases,
            )
            for form in [name, *aliases]:  # what a lookup of a later name would now find
                if self.drafts.get((values["kind"], normalize_name(form))) is None:
                    self.drafts[(values["kind"], normalize_name(form))] = actor
        suggestion = ActorSuggestion(article=self.article, name=name, actor=actor, **values)
        # The field checks; the foreign keys are rows of this transaction, and the database's
        # unique constraint refuses a second suggestion of a name (the task then retries).
        suggestion.clean_fields(exclude=["article", "actor", "country"])
        self.new_suggestions.append(suggestion)  # written by suggestions_insert
        self.suggestions[name] = suggestion
        self.by_surface.update((normalize_name(f), suggestion) for f in suggestion.surface_forms)
        self.summary.suggestions_created += 1
        return suggestion

    def suggestions_insert(self) -> None:
        """The run's new suggestions, in one INSERT."""
        if self.new_suggestions:
            ActorSuggestion.objects.bulk_create(self.new_suggestions)
            self.new_suggestions.clear()

    def drafts_prefetch(self) -> None:
        """Lock, then read, the draft actors of every name this run may suggest: one lock
        query and one read instead of both per name (see ``_serialized``). The locks are
        taken in one order, so two runs never wait on each other's."""
        proposal = self.proposal
        keys = set()
        for a in proposal.actors:
            if a.actor_id is None and a.name.strip():
                kind = a.kind if a.kind in Actor.Kind.values else Actor.Kind.PERSON
                keys.add((kind, normalize_name(a.name.strip()[:200])))
        named = {a.name for a in proposal.actors}
        for name, actor_id in [
            *((p.name, p.actor_id) for m in proposal.meetings for p in m.participants),
            *((s.speaker, s.speaker_id) for s in proposal.statements),
            *((s.via, s.via_id) for s in proposal.statements),
        ]:
            if actor_id is None and name and name not in named and name.strip():
                keys.add((Actor.Kind.PERSON, normalize_name(name.strip()[:200])))
        keys = {key for key in keys if key[1] and key[1] not in self.by_surface}
        if not keys:
            return
        if connection.vendor == "postgresql":
            locks = sorted(_lock_key("actor", *key) for key in keys)
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k", [locks]
                )
        self.drafts.update(dict.fromkeys(keys))
        found = (
            Actor.objects.filter(
                editorial_status=EditorialStatus.DRAFT,
                aliases__normalized__in={name for _, name in keys},
            )
            .annotate(alias_normalized=models.F("aliases__normalized"))
            .order_by("-pk")  # the oldest last: it wins
        )
        for actor in found:
            key = (actor.kind, actor.alias_normalized)
            if key in keys:
                self.drafts[key] = actor

    def apply_actors(self) -> None:
        self.drafts_prefetch()
        for a in self.proposal.actors:
            known = self.actors.get(int(a.actor_id)) if a.actor_id is not None else None
            if a.actor_id is not None and known is None:
                continue  # deleted or rejected since the snapshot
            if known is not None and known.editorial_status == PUBLISHED:
                self.by_name[a.name] = known
                continue
            # Unknown, or a draft actor proposed by an earlier article: the editor decides here.
            suggestion = self.suggestion_for(
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
            rejected = suggestion.status == ActorSuggestion.Status.REJECTED
            self.by_name[a.name] = None if rejected else suggestion.actor

    def resolve(self, name: str | None, actor_id) -> Actor | None:
        if actor_id is not None:
            return self.actors.get(int(actor_id))
        if not name:
            return None
        if name not in self.by_name:  # named only in a meeting or as a speaker
            suggestion = self.suggestion_for(
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
            self.by_name[name] = None if rejected else suggestion.actor
        return self.by_name[name]

    # Meetings ----------------------------------------------------------------------------

    def apply_meetings(self) -> dict[int, Meeting]:
        """The meeting row of each proposed meeting (by index), new, refreshed or kept."""
        article = self.article
        article_meetings = (
            []
            if self.fresh
            else list(
                Meeting.objects.filter(evidence__article=article)
                .prefetch_related(
                    "participations",
                    Prefetch("evidence", queryset=Evidence.objects.filter(article=article)),
                )
                .distinct()
            )
        )
        existing = {m.fingerprint: m for m in article_meetings if m.fingerprint}
        # Rows this run finds by their fingerprint; the others (a span moved with an edit of
        # the text, a hand-made meeting) may be found by the overlap of their evidence.
        proposed, counted = set(), {}
        for m in self.proposal.meetings:
            n = counted[tuple(m.span)] = counted.get(tuple(m.span), -1) + 1
            proposed.add(fingerprint("meeting", article.pk, m.span[0], m.span[1], n))
        claimed = {m.pk for fp, m in existing.items() if fp in proposed}
        meeting_rows: dict[int, Meeting] = {}
        written: list[tuple[int, dict, bool]] = []  # (index, participants, new) to match
        seen: set[str] = set()
        ordinal: dict[tuple[int, int], int] = {}
        for index, m in enumerate(self.proposal.meetings):
            start, end = m.span
            n = ordinal[(start, end)] = ordinal.get((start, end), -1) + 1
            fp = fingerprint("meeting", article.pk, start, end, n)
            seen.add(fp)
            participants = self._participants(m)
            row = existing.get(fp)
            day = m.date if m.date_precision in (None, "day") else None
            pending = self.new_by_key.get((day, frozenset(participants)))
            if row is None and pending is not None and day is not None and len(participants) > 1:
                # Another proposal of this article already makes this meeting: more evidence.
                pending[2].append((start, end))
                meeting_rows[index] = pending[0]
                self.summary.meetings_matched += 1
                continue
            if row is None and participants:
                row = _meeting_match(
                    candidates=[c for c in article_meetings if c.pk not in claimed],
                    actor_ids=set(participants),
                    span=(start, end),
                )
                if row is not None:
                    claimed.add(row.pk)
                    seen.add(row.fingerprint)
                    meeting_rows[index] = row
                    self.summary.meetings_matched += 1
                    continue
            if row is not None and not _is_untouched_draft(row, self.extracted_at):
                meeting_rows[index] = row
                self.summary.meetings_kept += 1
                continue
            if not participants or not (0 <= start < end <= self.body_len):
                if row is not None:
                    seen.discard(fp)  # nobody left to meet: the draft goes
                continue
            written.append((index, participants, row is None))
            meeting_rows[index] = self._meeting_write(row, m, fp, participants)
        self._pairs_serialized(participants for _, participants, _ in written)
        self._meetings_insert()  # the new drafts get their ids: now they can be matched
        replaced: dict[int, Meeting] = {}
        for index, participants, created in written:
            row = meeting_rows[index]
            fused = self._meeting_same_as(row, participants, created=created)
            if fused is not row:
                replaced[id(row)] = fused
        for index, row in meeting_rows.items():  # other proposals of a fused draft follow it
            meeting_rows[index] = replaced.get(id(row), row)
        self._meetings_remove(existing, seen)
        for index, row in meeting_rows.items():
            if row.editorial_status != EditorialStatus.REJECTED:
                self._facts_write(row, self.proposal.meetings[index])
        return meeting_rows

    def _pairs_serialized(self, groups) -> None:
        """Until this transaction ends, no other extraction matches a meeting of any pair of
        these participants: two workers extracting two reports of one meeting at once would
        each find no recorded meeting (the other's is not committed yet) and each add one.
        Two reports of a meeting share at least two participants, so at least one pair: the
        second waits for the first to commit, then matches (and with ``fuse`` joins) its
        meeting. One query for all of the article's pairs, in one order (no deadlock)."""
        if connection.vendor != "postgresql":
            return  # SQLite lets one writer in at a time anyway
        keys = {
            _lock_key("pair", *pair)
            for participants in groups
            for pair in itertools.combinations(sorted(participants), 2)
        }
        if keys:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k",
                    [sorted(keys)],
                )

    def _meeting_same_as(self, row: Meeting, participants, *, created: bool) -> Meeting:
        """The recorded meeting a draft proposal reports, remembered as its ``same_as``;
        with ``fuse``, the draft fused into it (which is returned)."""
        found = meeting_candidate_ids(
            participants=[actor for actor, _ in participants.values()],
            date=row.start_date,
            end_date=row.end_date,
            date_precision=row.date_precision,
            kind=row.kind,
            status=row.status,
            exclude_ids=[row.pk],
            exclude_article_id=self.article.pk,
            limit=1,
        )
        match = found[0][0] if found else None
        if self.fuse and match is not None:
            self.summary.meetings_created -= created
            self.summary.meetings_matched += 1
            if created and self._reported_later(match):
                # The meeting is an untouched draft of later articles only (workers took
                # them first): it becomes this report's, as an import in order makes it.
                return meeting_fuse(draft=Meeting.objects.get(pk=match), into=row)
            return meeting_fuse(draft=row, into=Meeting(pk=match))
        if row.same_as_id != match:
            Meeting.objects.filter(pk=row.pk).update(same_as_id=match)
            row.same_as_id = match
        return row

    def _reported_later(self, meeting_id: int) -> bool:
        """Whether a recorded meeting is a draft that only articles after this one report
        and no editor has touched since (one query): fusing in whichever order workers
        happen to take the articles then gives what extracting them in order gives."""
        row = (
            Meeting.objects.filter(pk=meeting_id, editorial_status=EditorialStatus.DRAFT)
            .annotate(
                first=models.Min("evidence__article_id"),
                extracted=models.Max("evidence__article__extracted_at"),
            )
            .values_list("first", "extracted", "updated_at")
            .first()
        )
        if row is None or None in row:
            return False
        first, extracted, updated = row
        return first > self.article.pk and updated <= extracted

    def _facts_write(self, row: Meeting, m) -> None:
        """What this article says of the meeting's date, venue, kind and status."""
        meeting_facts_write(
            meeting=row,
            article=self.article,
            replace=row.pk not in self.created_ids,  # a new meeting has no facts to replace
            start_date=m.date,
            end_date=m.end_date if m.date and m.end_date and m.end_date >= m.date else None,
            date_precision=m.date_precision or Meeting.Precision.DAY,
            city=(m.city or "")[:120],
            country=_country_code(m.country, self.countries),
            kind=m.kind if m.kind in Meeting.Kind.values else Meeting.Kind.MEETING,
            status=m.status if m.status in Meeting.Status.values else Meeting.Status.HELD,
        )

    def _participants(self, m) -> dict[int, tuple[Actor, str]]:
        participants: dict[int, tuple[Actor, str]] = {}
        for p in m.participants:
            actor = self.resolve(p.name, p.actor_id)
            if actor is not None and actor.pk not in participants:
                role = p.role if p.role in Participation.Role.values else "participant"
                participants[actor.pk] = (actor, role)
        return participants

    def _meeting_write(self, row, m, fp, participants) -> Meeting:
        """A new draft meeting for the proposal, or its untouched draft refreshed."""
        start, end = m.span
        values = {
            "kind": m.kind if m.kind in Meeting.Kind.values else Meeting.Kind.MEETING,
            "status": m.status if m.status in Meeting.Status.values else Meeting.Status.HELD,
            "start_date": m.date,
            "end_date": m.end_date if m.date and m.end_date and m.end_date >= m.date else None,
            "date_precision": m.date_precision
            if m.date_precision in Meeting.Precision.values
            else Meeting.Precision.DAY,
            "city": (m.city or "")[:120],
            "country": _country_code(m.country, self.countries),
            "confidence": m.confidence,
            "rule": (m.rule or "")[:100],
        }
        if row is None:
            self.summary.meetings_created += 1
            return self._meeting_new(values, fp, participants, (start, end))
        values["country_id"] = values.pop("country")
        values["title"] = meeting_title([actor.name for actor, _ in participants.values()])
        current = {p.actor_id: p.role for p in row.participations.all()}
        wanted = {actor_id: role for actor_id, (_, role) in participants.items()}
        if _differs(row, values) or current != wanted:
            for key, value in values.items():
                setattr(row, key, value)
            validated_save(row, exclude=["slug"])  # its participations' copies follow
            Participation.objects.filter(
                meeting=row, actor_id__in=set(current) - set(wanted)
            ).delete()
            for actor_id, (actor, role) in participants.items():
                if actor_id not in current:
                    Participation.objects.create(meeting=row, actor=actor, role=role)
                elif current[actor_id] != role:
                    row.participations.filter(actor_id=actor_id).update(role=role)
            self.summary.meetings_updated += 1
        return row

    def _meeting_new(self, values, fp, participants, span) -> Meeting:
        """An unsaved draft meeting, written by ``_meetings_insert`` with the others."""
        names = [actor.name for actor, _ in participants.values()]
        values["country_id"] = values.pop("country")
        slug = meeting_slug(start_date=values["start_date"], names=names)
        root, n = slug, 2
        while slug in self.new_slugs:  # two of this article's meetings on one day
            slug = f"{root[:194]}-{n}"
            n += 1
        self.new_slugs.add(slug)
        meeting = Meeting(
            title=meeting_title(names),
            slug=slug,
            fingerprint=fp,
            editorial_status=EditorialStatus.DRAFT,
            **values,
        )
        meeting.clean_fields(exclude=["country"])  # the field checks meeting_create makes
        entry = (meeting, list(participants.values()), [span])
        self.new_meetings.append(entry)
        day = values["start_date"] if values["date_precision"] == Meeting.Precision.DAY else None
        self.new_by_key[(day, frozenset(participants))] = entry
        return meeting

    def _meetings_insert(self) -> None:
        """The new meetings, their participations and evidence: three INSERTs."""
        if not self.new_meetings:
            return
        _insert_private(Meeting, [meeting for meeting, _, _ in self.new_meetings])
        self.created_ids.update(meeting.pk for meeting, _, _ in self.new_meetings)
        participations, evidence = [], []
        for meeting, participants, spans in self.new_meetings:
            for actor, role in participants:
                # The copies a save's pre_save receiver makes (services/copies.py); a new
                # draft meeting is not public.
                participations.append(
                    Participation(
                        meeting=meeting,
                        actor=actor,
                        role=role,
                        date=meeting.start_date,
                        country_id=actor.country_id,
                        is_public=False,
                    )
                )
            evidence += [
                Evidence(meeting=meeting, article=self.article, start=start, end=end)
                for start, end in spans
            ]
        _insert_private(Participation, participations)
        _insert_private(Evidence, evidence)
        self.new_meetings.clear()

    def _meetings_remove(self, existing: dict[str, Meeting], seen: set[str]) -> None:
        """Untouched drafts no longer proposed, and supported by no other article, go."""
        for fp, row in existing.items():
            if (
                fp not in seen
                and _is_untouched_draft(row, self.extracted_at)
                and not row.evidence.exclude(article=self.article).exists()
            ):
                Statement.objects.filter(meeting=row).update(meeting=None)
                row.delete()
                self.summary.meetings_removed += 1

    # Statements --------------------------------------------------------------------------

    def apply_statements(self, meeting_rows: dict[int, Meeting]) -> None:
        article = self.article
        article_statements = [] if self.fresh else list(article.statements.all())
        existing = {s.fingerprint: s for s in article_statements if s.fingerprint}
        seen = set()
        for s in self.proposal.statements:
            start, end = s.span
            fp = fingerprint("statement", article.pk, start, end)
            row = existing.get(fp) or next(
                (
                    other
                    for other in article_statements
                    if not other.fingerprint and other.start < end and start < other.end
                ),
                None,
            )
            if row is not None and (
                not row.fingerprint or not _is_untouched_draft(row, self.extracted_at)
            ):
                seen.add(fp)  # hand-made, reviewed or edited: the editor's
                self.summary.statements_kept += 1
                continue
            speaker = self.resolve(s.speaker, s.speaker_id)
            if speaker is None or not (0 <= start < end <= self.body_len):
                self.summary.statements_skipped += 1
                continue
            seen.add(fp)
            values = self._statement_values(s, speaker, meeting_rows)
            if row is None:
                statement = Statement(
                    article=article,
                    start=start,
                    end=end,
                    fingerprint=fp,
                    editorial_status=EditorialStatus.DRAFT,
                    **values,
                )
                statement.clean_fields(exclude=["speaker", "via", "meeting", "article"])
                self.new_statements.append(statement)
                self.summary.statements_created += 1
            elif _differs(row, values):
                for key, value in values.items():
                    setattr(row, key, value)
                validated_save(row)
                self.summary.statements_updated += 1
        if self.new_statements:
            _insert_private(Statement, self.new_statements)
            self.new_statements.clear()
        for fp, row in existing.items():
            if fp not in seen and _is_untouched_draft(row, self.extracted_at):
                row.delete()
                self.summary.statements_removed += 1

    def _statement_values(self, s, speaker, meeting_rows) -> dict:
        start, end = s.span
        meeting = meeting_rows.get(s.meeting_index) if s.meeting_index is not None else None
        if meeting is not None and meeting.editorial_status == EditorialStatus.REJECTED:
            meeting = None
        said_on = None
        if meeting is not None and meeting.date_precision == Meeting.Precision.DAY:
            said_on = meeting.start_date
        return {
            "speaker": speaker,
            "text": self.article.body[start:end],
            "kind": s.kind if s.kind in Statement.Kind.values else Statement.Kind.DIRECT,
            "meeting": meeting,
            "said_on": said_on or self.article.published_on,
            "via": self.resolve(s.via, s.via_id) if (s.via or s.via_id is not None) else None,
            "confidence": s.confidence,
            "rule": (s.rule or "")[:100],
        }
