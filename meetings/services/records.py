"""Articles, meetings and statements: created, published, set back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction

from meetings.importing.urlnorm import normalise_url
from meetings.models import (
    Actor,
    Article,
    EditorialStatus,
    Evidence,
    Meeting,
    Participation,
    Statement,
    content_hash,
)
from meetings.services.audit import decision_log
from meetings.services.base import PUBLISHED, unique_slug, validated_save

# How each editorial status reads as a decision in the audit trail.
DECISIONS = {
    EditorialStatus.PUBLISHED: "Published",
    EditorialStatus.REJECTED: "Rejected",
    EditorialStatus.DRAFT: "Returned to draft",
}


def _status_change(*, row, editorial_status: str, by) -> None:
    """Set ``row``'s editorial status, saved (visibility follows), and log ``by``'s decision:
    after publication when readers could see the row (its stored ``is_public``; an article,
    when it was published)."""
    fields = (
        ["editorial_status", "is_public"] if hasattr(row, "is_public") else ["editorial_status"]
    )
    stored = type(row).objects.filter(pk=row.pk).values(*fields).first() or {}
    before = stored.get("editorial_status", row.editorial_status)
    public = stored.get("is_public", before == PUBLISHED)
    row.editorial_status = editorial_status
    row.save(update_fields=["editorial_status", "updated_at"])  # visibility follows
    decision_log(
        user=by,
        obj=row,
        action=DECISIONS.get(editorial_status, editorial_status),
        before=before,
        after=editorial_status,
        public=public,
    )


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
        url=normalise_url(url),
        dateline=dateline,
        published_on=published_on,
        language=language,
        editorial_status=editorial_status,
        slug=slug or unique_slug(Article, base),
    )
    article.content_hash = content_hash(body)
    return validated_save(article)


@transaction.atomic
def article_publish(*, article: Article, by=None) -> Article:
    """Publish an article; its published meetings and statements become public. ``by``:
    the editor, for the audit trail."""
    _status_change(row=article, editorial_status=PUBLISHED, by=by)
    return article


@transaction.atomic
def article_unpublish(*, article: Article, by=None) -> Article:
    """Back to draft; rows supported only by this article leave the public site."""
    _status_change(row=article, editorial_status=EditorialStatus.DRAFT, by=by)
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
    validated_save(meeting)
    for actor, role in participants:
        validated_save(Participation(meeting=meeting, actor=actor, role=role), exclude=["meeting"])
    for article, start, end in evidence:  # each source saved makes the meeting's visibility
        validated_save(Evidence(meeting=meeting, article=article, start=start, end=end))
    meeting.refresh_from_db(fields=["is_public"])
    return meeting


@transaction.atomic
def meeting_set_status(*, meeting: Meeting, editorial_status: str, by=None) -> Meeting:
    """Publish, reject or return a meeting to draft; visibility follows. ``by``: the
    editor, for the audit trail."""
    _status_change(row=meeting, editorial_status=editorial_status, by=by)
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
    validated_save(statement)  # its visibility is computed as it is saved
    statement.refresh_from_db(fields=["is_public"])
    return statement


@transaction.atomic
def statement_set_status(*, statement: Statement, editorial_status: str, by=None) -> Statement:
    """Publish, reject or return a statement to draft; visibility follows. ``by``: the
    editor, for the audit trail."""
    _status_change(row=statement, editorial_status=editorial_status, by=by)
    return statement
