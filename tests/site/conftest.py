"""A small public world for the site tests, plus drafts that must never show, and a way to
grow it tenfold (query counts must not change)."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model

from meetings import services
from meetings.models import EditorialStatus
from tests import factories

PUBLISHED = EditorialStatus.PUBLISHED
DRAFT = EditorialStatus.DRAFT

BODY = (
    "MOSCOW, April 17 -- Chinese Defense Minister Li Shangfu met Russian President "
    "Vladimir Putin in Moscow on Sunday.\n\n"
    "Li said the two militaries would deepen cooperation and strategic trust.\n\n"
    "Li was also received by Defense Minister Sergei Shoigu during the visit."
)
MEETING_SENTENCE = BODY.index("Chinese Defense"), BODY.index("Sunday.") + len("Sunday.")
QUOTE = BODY.index("the two militaries"), BODY.index("trust.") + len("trust")

# Words that appear only in drafts: any page that shows one of them leaks.
SECRET_WORDS = ["Zanzibarian", "Pineapplegate", "Hiddenvale", "Quietlake"]


@dataclass
class World:
    li: object
    putin: object
    shoigu: object
    article: object
    moscow: object
    statement: object
    other_meeting: object
    drafts: dict = field(default_factory=dict)
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    def grow(self, times: int = 10) -> None:
        """Add ``times`` as many meetings, statements, actors and articles, many of them
        involving Li Shangfu, China and Russia, so every page has more rows to show."""
        for _ in range(times * 2):
            n = next(self.counter)
            code = ["RU", "US", "FR", "CN"][n % 4]
            other = factories.actor(f"Grown Person {n}", country_code=code)
            services.position_add(
                actor=other, title=f"Envoy {n}", country=code, start_date=dt.date(2020, 1, 1)
            )
            source = factories.article(
                title=f"Grown article {n}",
                body=f"Grown Person {n} met Li Shangfu in Beijing. Putin was mentioned {n}.",
                outlet="Grown Wire",
                published_on=dt.date(2023, 1 + n % 12, 1 + n % 27),
            )
            day = dt.date(2023, 1 + n % 12, 1 + n % 27)
            meeting = factories.meeting(
                participants=[self.li, other, self.putin],
                source=source,
                start_date=day,
                city="Beijing",
                country="CN",
                kind=["meeting", "visit", "call", "talks"][n % 4],
            )
            factories.statement(speaker=self.li, source=source, meeting=meeting, said_on=day)
            factories.statement(speaker=other, source=source, said_on=day)
            # A correction of each detail page's record: its list grows, its queries do not.
            for record in (self.moscow, self.statement):
                services.decision_log(
                    user=_desk(),
                    obj=record,
                    action="Summary corrected",
                    before=f"version {n}",
                    after=f"version {n + 1}",
                    public=True,
                )


def _desk():
    """The editor who makes the corrections the grown world lists."""
    return get_user_model().objects.get_or_create(username="corrections-desk")[0]


def build_world() -> World:
    for code in ("CN", "RU", "US", "FR"):
        factories.country(code)
    li = factories.actor(
        "Li Shangfu",
        country_code="CN",
        aliases=["Mr. Li"],
        positions=[
            {
                "title": "Minister of National Defense",
                "country": "CN",
                "start_date": dt.date(2023, 3, 12),
                "end_date": dt.date(2023, 10, 24),
            }
        ],
    )
    putin = factories.actor(
        "Vladimir Putin",
        country_code="RU",
        aliases=["Putin"],
        positions=[
            {"title": "President of Russia", "country": "RU", "start_date": dt.date(2012, 5, 7)}
        ],
    )
    shoigu = factories.actor("Sergei Shoigu", country_code="RU", aliases=["Shoigu"])
    article = factories.article(
        title="Li Shangfu meets Putin in Moscow",
        body=BODY,
        outlet="Demo Wire",
        url="https://example.invalid/li-putin",
        dateline="MOSCOW, April 17",
        published_on=dt.date(2023, 4, 17),
    )
    moscow = services.meeting_create(
        kind="meeting",
        start_date=dt.date(2023, 4, 16),
        city="Moscow",
        country="RU",
        summary="Li Shangfu and Vladimir Putin discussed military cooperation.",
        participants=[(putin, "host"), (li, "guest")],
        evidence=[(article, *MEETING_SENTENCE)],
        editorial_status=PUBLISHED,
    )
    statement = services.statement_create(
        speaker=li,
        article=article,
        start=QUOTE[0],
        end=QUOTE[1],
        kind="paraphrase",
        meeting=moscow,
        said_on=dt.date(2023, 4, 16),
        editorial_status=PUBLISHED,
    )
    us, fr = (
        factories.actor("Jane Doe", country_code="US"),
        factories.actor("Jean Dupont", country_code="FR"),
    )
    other_source = factories.article(
        title="Doe meets Dupont in Paris",
        body="Jane Doe met Jean Dupont in Paris on Tuesday to talk about trade.",
        outlet="Other Wire",
        published_on=dt.date(2022, 6, 8),
    )
    other_meeting = services.meeting_create(
        kind="visit",
        start_date=dt.date(2022, 6, 7),
        city="Paris",
        country="FR",
        participants=[(fr, "host"), (us, "guest")],
        evidence=[(other_source, 0, 30)],
        editorial_status=PUBLISHED,
    )
    world = World(li, putin, shoigu, article, moscow, statement, other_meeting)
    world.drafts = build_drafts(li, putin, article)
    return world


def build_drafts(li, putin, published_article) -> dict:
    """Every way a record can be non-public."""
    draft_article = factories.article(
        title="Zanzibarian talks draft",
        body="Li Shangfu met Putin in Zanzibarian secrecy. Pineapplegate was discussed there.",
        published=False,
        outlet="Secret Wire",
    )
    draft_meeting = services.meeting_create(
        title="Zanzibarian summit",
        start_date=dt.date(2023, 5, 1),
        city="Hiddenvale",
        country="CN",
        participants=[(li, "participant"), (putin, "participant")],
        evidence=[(published_article, *MEETING_SENTENCE)],
        editorial_status=DRAFT,
    )
    # Published by an editor, but its only source article is still a draft.
    orphan_meeting = services.meeting_create(
        title="Quietlake meeting",
        start_date=dt.date(2023, 6, 1),
        city="Quietlake",
        country="RU",
        participants=[(li, "participant"), (putin, "participant")],
        evidence=[(draft_article, 0, 40)],
        editorial_status=PUBLISHED,
    )
    draft_statement = services.statement_create(
        speaker=li,
        article=published_article,
        start=0,
        end=20,
        text="Pineapplegate is a draft statement",
        said_on=dt.date(2023, 4, 16),
        editorial_status=DRAFT,
    )
    orphan_statement = services.statement_create(
        speaker=putin,
        article=draft_article,
        start=0,
        end=30,
        text="Pineapplegate from a draft article",
        said_on=dt.date(2023, 4, 20),
        editorial_status=PUBLISHED,
    )
    draft_actor = factories.actor(
        "Hiddenvale Zanzibarian", country_code="CN", editorial_status=DRAFT
    )
    return {
        "article": draft_article,
        "meeting": draft_meeting,
        "orphan_meeting": orphan_meeting,
        "statement": draft_statement,
        "orphan_statement": orphan_statement,
        "actor": draft_actor,
    }


@pytest.fixture
def world(db) -> World:
    return build_world()
