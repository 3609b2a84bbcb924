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


def participations_sync(*, meeting: Meeting) -> None:
    """Copy the meeting's date and visibility, and each actor's country, onto participations."""
    rows = list(meeting.participations.select_related("actor"))
    for row in rows:
        row.date = meeting.start_date
        row.country_id = row.actor.country_id
        row.is_public = meeting.is_public
    Participation.objects.bulk_update(rows, ["date", "country", "is_public"])


def actor_participations_sync(*, actor: Actor) -> None:
    """After an actor's country changes, copy it onto all of its participations."""
    Participation.objects.filter(actor=actor).update(country_id=actor.country_id)


# --- reference data and actors -------------------------------------------------------------


@transaction.atomic
def reference_load() -> tuple[int, int]:
    """Countries from meetings.reference, and a state actor for each; safe to run again.

    Returns (countries created, state actors created).
    """
    existing = set(Country.objects.values_list("code", flat=True))
    created_countries = 0
    for c in reference.countries():
        values = {"name": c.name, "demonyms": list(c.demonyms), "capital": ", ".join(c.capitals)}
        if c.code in existing:
            Country.objects.filter(code=c.code).exclude(**values).update(**values)
        else:
            Country.objects.create(code=c.code, **values)
            created_countries += 1

    states = {
        a.country_id: a for a in Actor.objects.filter(kind=Actor.Kind.STATE, country__isnull=False)
    }
    created_states = 0
    for c in reference.countries():
        if c.code in states:
            continue
        actor_create(
            name=c.name,
            kind=Actor.Kind.STATE,
            country=c.code,
            aliases=[a for a in c.aliases if a.isascii()],
        )
        created_states += 1
    return created_countries, created_states


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
