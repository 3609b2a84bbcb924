"""What the editor's decisions on proposals do: accept, link or reject a suggested actor,
refuse a link, accept meetings and statements, and keep spans on their text when the body
changes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q

from meetings.models import (
    Actor,
    ActorSuggestion,
    Alias,
    Article,
    EditorialStatus,
    Evidence,
    Meeting,
    Participation,
    RejectedLink,
    Statement,
    normalize_name,
)
from meetings.services.actors import actor_absorb, actor_create, alias_add, position_add
from meetings.services.audit import decision_log
from meetings.services.base import PUBLISHED, fingerprint, validated_save
from meetings.services.extraction import CONFIDENT, _surface_aliases, article_extract
from meetings.services.fusion import meeting_fuse
from meetings.services.records import meeting_set_status, statement_set_status

NAME_MAX = Alias._meta.get_field("text").max_length
_POSSESSIVE = re.compile(r"['’]s?\s*$")


@transaction.atomic
def suggestion_accept(
    *,
    suggestion: ActorSuggestion,
    name: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    title: str | None = None,
    by=None,
) -> Actor:
    """Accept a suggested actor: publish it with its title as a position and its surface
    forms as aliases. Other articles' pending suggestions of the same actor follow.
    ``by``: the editor, for the audit trail (the decision is logged on the suggestion)."""
    before = suggestion.status
    name = (name or suggestion.name).strip()
    kind = kind or suggestion.kind
    country = (country if country is not None else suggestion.country_id) or None
    title = suggestion.title if title is None else title.strip()
    actor = suggestion.actor
    if actor is None or actor.editorial_status == EditorialStatus.REJECTED:
        actor = actor_create(name=name, kind=kind, country=country)
    else:
        actor.name, actor.kind = name, kind
        actor.country_id = country.upper() if country else None
        actor.editorial_status = PUBLISHED
        validated_save(actor)  # its participations' copies and visibility follow
        alias_add(actor=actor, text=name)
    taken = _names_learn(suggestion=suggestion, actor=actor, linked=False)
    if (
        title
        and actor.kind == Actor.Kind.PERSON
        and not actor.positions.filter(title__iexact=title).exists()
    ):
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
    decision_log(
        user=by,
        obj=suggestion,
        action=f"Accepted as the actor “{actor.name}”{_refused_note(taken)}",
        before=before,
        after=suggestion.status,
    )
    return actor


def _article_day(article_id: int | None) -> dt.date | None:
    """The article's date as the extractor reads it: the day its dateline gives (in the
    field, or at the start of the text), else its publication day."""
    from meetings.extraction.text import parse_dateline

    if article_id is None:
        return None
    article = Article.objects.filter(pk=article_id).only("published_on", "dateline", "body")
    article = article.first()
    if article is None:
        return None
    dateline = parse_dateline(article.dateline, article.body, article.published_on)
    return dateline.day or article.published_on


def _names_to_learn(*, suggestion: ActorSuggestion, actor: Actor, linked: bool) -> list[str]:
    """The names the text used for the suggestion worth keeping as ``actor``'s aliases
    (``_surface_aliases``); a suggestion linked to an actor also teaches its own name."""
    # "Lehto's remarks": the possessive is the sentence's, not the name's.
    forms = [_POSSESSIVE.sub("", form) for form in (suggestion.name, *suggestion.surface_forms)]
    names = _surface_aliases(actor.name, forms, actor.kind, confirmed=[actor.name, suggestion.name])
    known = {normalize_name(text) for text in (actor.name, *names)}
    if linked and normalize_name(suggestion.name) not in known:
        names.append(suggestion.name)
    return [" ".join(text.split()) for text in names if len(text) <= NAME_MAX]


def _names_held_elsewhere(
    names: Iterable[str], *, actor: Actor, suggestion: ActorSuggestion
) -> dict[str, Actor]:
    """Of ``names``, those ``actor`` does not go by and another published actor does (not
    as a role): each with the first such actor. The suggestion's own draft does not count."""
    keys: dict[str, str] = {}
    for text in names:
        keys.setdefault(normalize_name(text), text)
    own = set(actor.aliases.filter(normalized__in=keys).values_list("normalized", flat=True))
    held = (
        Alias.objects.filter(
            normalized__in=set(keys) - own, is_role=False, actor__editorial_status=PUBLISHED
        )
        .exclude(actor_id__in=[pk for pk in (actor.pk, suggestion.actor_id) if pk])
        .select_related("actor")
        .order_by("actor__name", "actor_id")
    )
    taken: dict[str, Actor] = {}
    for alias in held:
        taken.setdefault(keys[alias.normalized], alias.actor)
    return taken


def _names_learn(*, suggestion: ActorSuggestion, actor: Actor, linked: bool) -> dict[str, Actor]:
    """Add the names the text used as ``actor``'s aliases, but not one another actor
    already goes by: one click must not make a name point at two people (the editor is
    told, ``suggestion_names_taken``; the forms stay on the suggestion). Returns those
    refused, each with the actor holding it."""
    names = _names_to_learn(suggestion=suggestion, actor=actor, linked=linked)
    taken = _names_held_elsewhere(names, actor=actor, suggestion=suggestion)
    refused = {normalize_name(text) for text in taken}
    for text in names:
        if normalize_name(text) not in refused:
            alias_add(actor=actor, text=text)
    return taken


def _refused_note(taken: dict[str, Actor]) -> str:
    """For the audit trail: the names not added, and whose they are."""
    if not taken:
        return ""
    return (
        " (not added, already names of others: "
        + ", ".join(f"“{text}” ({other.name})" for text, other in taken.items())
        + ")"
    )


def suggestion_names_taken(*, suggestion: ActorSuggestion, linked: bool) -> dict[str, Actor]:
    """After a suggestion was accepted (``linked``: linked to an existing actor): the
    names the text used for it that were not added to its actor because another actor
    goes by them, each with that actor."""
    actor = suggestion.actor
    if actor is None:
        return {}
    names = _names_to_learn(suggestion=suggestion, actor=actor, linked=linked)
    return _names_held_elsewhere(names, actor=actor, suggestion=suggestion)


@transaction.atomic
def suggestion_link(*, suggestion: ActorSuggestion, actor: Actor, by=None) -> Actor:
    """The suggested name is an existing actor: add the names the text used as aliases,
    point the rows proposed for the suggestion at that actor, and drop the draft.

    Also when the suggestion was accepted first (accepting one of its statements does
    that): this article's statements and participations move to ``actor`` all the same.
    ``by``: the editor, for the audit trail."""
    draft, before = suggestion.actor, suggestion.status
    taken = _names_learn(suggestion=suggestion, actor=actor, linked=True)
    if draft is not None and draft.pk != actor.pk:
        if draft.editorial_status != PUBLISHED:
            actor_absorb(draft=draft, into=actor)
        else:
            _article_rows_repoint(article_id=suggestion.article_id, old=draft, new=actor)
            _duplicate_retire(duplicate=draft, suggestion=suggestion)
    suggestion.status = ActorSuggestion.Status.ACCEPTED
    suggestion.actor = actor
    suggestion.save(update_fields=["status", "actor"])
    decision_log(
        user=by,
        obj=suggestion,
        action=f"Linked to the actor “{actor.name}”{_refused_note(taken)}",
        before=f"{before}, {draft.name}" if draft is not None else before,
        after=f"{suggestion.status}, {actor.name}",
    )
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


@transaction.atomic
def suggestion_reject(*, suggestion: ActorSuggestion, by=None) -> None:
    """Not an actor worth recording: reject the draft actor and take it out of draft rows.
    ``by``: the editor, for the audit trail."""
    draft, before = suggestion.actor, suggestion.status
    suggestion.status = ActorSuggestion.Status.REJECTED
    suggestion.save(update_fields=["status"])
    decision_log(user=by, obj=suggestion, action="Rejected", before=before, after=suggestion.status)
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
def link_reject(*, article: Article, actor: Actor, surface: str, by=None) -> RejectedLink:
    """``surface`` in this article is not ``actor``: remember it, and re-extract the article
    so the name is proposed afresh (as a suggestion or another actor). ``by``: the editor;
    the decision is logged on the actor, whose history then lists the names refused."""
    link, _ = RejectedLink.objects.get_or_create(normalized=normalize_name(surface), actor=actor)
    decision_log(
        user=by,
        obj=actor,
        action=f"Not this actor: “{surface}” in the article “{article.title}”",
        before="linked",
        after="not linked",
    )
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


def _accept_actors(*, actor_ids: Iterable[int], article: Article | None = None, by=None) -> None:
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
        suggestion_accept(suggestion=suggestion, by=by)
    for actor in Actor.objects.filter(
        pk__in=actor_ids - set(first), editorial_status=EditorialStatus.DRAFT
    ):
        actor.editorial_status = PUBLISHED
        actor.save(update_fields=["editorial_status", "updated_at"])
        decision_log(
            user=by, obj=actor, action="Published", before=EditorialStatus.DRAFT, after=PUBLISHED
        )


@transaction.atomic
def meeting_accept(*, meeting: Meeting, article: Article | None = None, by=None) -> Meeting:
    """Accept a proposed meeting, and the suggested actors taking part in it. ``by``: the
    editor, for the audit trail. A proposal matched to a recorded meeting ("same as") is
    accepted as a different meeting: the match is dropped."""
    _accept_actors(
        article=article,
        by=by,
        actor_ids=meeting.participations.filter(
            actor__editorial_status=EditorialStatus.DRAFT
        ).values_list("actor_id", flat=True),
    )
    if meeting.same_as_id is not None:
        Meeting.objects.filter(pk=meeting.pk).update(same_as=None)
        meeting.same_as = None
    return meeting_set_status(meeting=meeting, editorial_status=PUBLISHED, by=by)


@transaction.atomic
def meeting_accept_same(
    *, meeting: Meeting, into: Meeting | None = None, article: Article | None = None, by=None
) -> Meeting:
    """Accept a proposed meeting as the recorded meeting it reports (``into``, by default
    the one matching proposed): this article becomes one more source of it, its statements
    there and its participants (suggested actors accepted) join it, and the proposal goes.
    Returns the recorded meeting."""
    into = into or meeting.same_as
    if into is None:
        raise ValueError("No recorded meeting was proposed as the same: choose one.")
    _accept_actors(
        article=article,
        by=by,
        actor_ids=meeting.participations.filter(
            actor__editorial_status=EditorialStatus.DRAFT
        ).values_list("actor_id", flat=True),
    )
    meeting.refresh_from_db()
    return meeting_fuse(draft=meeting, into=into, by=by)


@transaction.atomic
def statement_accept(*, statement: Statement, by=None) -> Statement:
    """Accept a proposed statement, and its speaker (and relay) when they are suggestions.
    ``by``: the editor, for the audit trail."""
    draft_ids = Actor.objects.filter(
        pk__in=[pk for pk in (statement.speaker_id, statement.via_id) if pk],
        editorial_status=EditorialStatus.DRAFT,
    ).values_list("pk", flat=True)
    _accept_actors(article=statement.article, actor_ids=draft_ids, by=by)
    return statement_set_status(statement=statement, editorial_status=PUBLISHED, by=by)


@transaction.atomic
def article_accept_confident(*, article: Article, threshold: float = CONFIDENT, by=None) -> dict:
    """Accept every draft proposal of the article with confidence >= ``threshold`` (a
    meeting matched to a recorded one as the same meeting); each decision is logged as
    ``by``'s."""
    done = {"meetings": 0, "statements": 0, "actors": 0}
    for suggestion in article.suggestions.filter(
        status=ActorSuggestion.Status.PENDING, confidence__gte=threshold
    ).select_related("actor"):
        suggestion_accept(suggestion=suggestion, by=by)
        done["actors"] += 1
    for meeting in Meeting.objects.filter(
        evidence__article=article,
        editorial_status=EditorialStatus.DRAFT,
        confidence__gte=threshold,
    ).distinct():
        if meeting.same_as_id is not None:  # as proposed: one more source of that meeting
            meeting_accept_same(meeting=meeting, article=article, by=by)
        else:
            meeting_accept(meeting=meeting, article=article, by=by)
        done["meetings"] += 1
    for statement in article.statements.filter(
        editorial_status=EditorialStatus.DRAFT, confidence__gte=threshold
    ).select_related("speaker", "via", "article"):
        statement_accept(statement=statement, by=by)
        done["statements"] += 1
    return done


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
