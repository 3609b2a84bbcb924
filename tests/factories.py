"""Small factory functions for tests. They write through meetings.services, like the app."""

from __future__ import annotations

import datetime as dt
import itertools

from meetings import reference, services
from meetings.models import Actor, Article, Country, EditorialStatus, Meeting, Statement

_seq = itertools.count(1)


def country(code: str) -> Country:
    """The Country row for ``code``, created from the reference data if missing."""
    ref = reference.country(code)
    obj, _ = Country.objects.get_or_create(
        code=code.upper(),
        defaults={
            "name": ref.name if ref else code.upper(),
            "demonyms": list(ref.demonyms) if ref else [],
            "capital": ref.capitals[0] if ref and ref.capitals else "",
        },
    )
    return obj


def actor(name: str | None = None, *, country_code: str | None = "CN", **kwargs) -> Actor:
    if country_code:
        country(country_code)
    return services.actor_create(
        name=name or f"Person {next(_seq)}", country=country_code, **kwargs
    )


def article(
    *, body: str | None = None, published: bool = True, title: str | None = None, **kwargs
) -> Article:
    n = next(_seq)
    return services.article_create(
        title=title or f"Article {n}",
        body=body or f"Minister A met Minister B in Beijing on Monday. Story number {n}.",
        published_on=kwargs.pop("published_on", dt.date(2023, 4, 17)),
        editorial_status=EditorialStatus.PUBLISHED if published else EditorialStatus.DRAFT,
        **kwargs,
    )


def meeting(
    *,
    participants: list[Actor] | None = None,
    source: Article | None = None,
    published: bool = True,
    start_date: dt.date = dt.date(2023, 4, 16),
    **kwargs,
) -> Meeting:
    source = source or article()
    participants = participants or [actor(), actor(country_code="RU")]
    if kwargs.get("country"):
        country(kwargs["country"])
    return services.meeting_create(
        participants=[(a, "participant") for a in participants],
        evidence=[(source, 0, min(len(source.body), 40))],
        start_date=start_date,
        editorial_status=EditorialStatus.PUBLISHED if published else EditorialStatus.DRAFT,
        **kwargs,
    )


def statement(
    *, speaker: Actor | None = None, source: Article | None = None, published: bool = True, **kw
) -> Statement:
    source = source or article()
    return services.statement_create(
        speaker=speaker or actor(),
        article=source,
        start=0,
        end=min(len(source.body), 20),
        editorial_status=EditorialStatus.PUBLISHED if published else EditorialStatus.DRAFT,
        **kw,
    )
