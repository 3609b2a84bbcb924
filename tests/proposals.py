"""A short article of our own and a hand-built proposal, for the tests of proposals (the
services that store them, the review admin, the extract command); their conftests import
the fixtures.

The proposal is built by hand so these tests pin down how proposals become rows, whatever
the pipeline's rules do; tests marked ``pipeline`` run the real extractor end to end.
"""

from __future__ import annotations

import datetime as dt

import pytest

from meetings import services
from meetings.extraction import (
    ActorProposal,
    MeetingProposal,
    ParticipantProposal,
    Proposal,
    StatementProposal,
)
from meetings.services import extraction
from tests import factories

BODY = (
    "VIENNA, March 8 — Austrian Foreign Minister Karl Weber met Norwegian Foreign Minister "
    "Ingrid Dahl in Vienna on Thursday to discuss fisheries.\n\n"
    "\u201cWe agreed to meet again before the summer,\u201d Weber told reporters after the "
    "talks.\n\n"
    "Dahl later said the two countries \u201cshare a sea and a future.\u201d"
)


def span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


@pytest.fixture
def weber(db):
    factories.country("NO")
    return factories.actor("Karl Weber", country_code="AT")


@pytest.fixture
def article(db):
    return factories.article(
        body=BODY,
        title="Austria and Norway talk fisheries",
        published=False,
        published_on=dt.date(2024, 3, 8),
        dateline="VIENNA, March 8",
    )


def build_proposal(article, weber, *, day=dt.date(2024, 3, 7), kind="meeting", dahl_id=None):
    """What the extractor would propose for BODY: one meeting, two quotes, a new actor."""
    body = article.body
    sentence = span(body, BODY.split("\n\n")[0])
    first_quote = span(body, "We agreed to meet again before the summer,")
    second_quote = span(body, "share a sea and a future.")
    return Proposal(
        actors=[
            ActorProposal(
                name="Karl Weber",
                kind="person",
                country="AT",
                title="Foreign Minister",
                aliases=["Karl Weber", "Weber"],
                actor_id=weber.pk,
                spans=[
                    span(body, "Karl Weber"),
                    span(body, "Weber told")[0:1] + (body.index("Weber told") + 5,),
                ],
                confidence=0.95,
                rule="known-alias",
            ),
            ActorProposal(
                name="Ingrid Dahl",
                kind="person",
                country="NO",
                title="Foreign Minister",
                aliases=["Ingrid Dahl", "Dahl"],
                actor_id=dahl_id,
                spans=[span(body, "Ingrid Dahl")],
                confidence=0.9,
                rule="demonym-title-name",
            ),
        ],
        meetings=[
            MeetingProposal(
                kind=kind,
                status="held",
                date=day,
                date_precision="day",
                city="Vienna",
                country="AT",
                participants=[
                    ParticipantProposal("Karl Weber", weber.pk, "host"),
                    ParticipantProposal("Ingrid Dahl", dahl_id, "guest"),
                ],
                span=sentence,
                confidence=0.9,
                rule="met",
            )
        ],
        statements=[
            StatementProposal(
                speaker="Karl Weber",
                speaker_id=weber.pk,
                text=body[slice(*first_quote)],
                kind="direct",
                span=first_quote,
                meeting_index=0,
                confidence=0.9,
                rule="quote-cue",
            ),
            StatementProposal(
                speaker="Ingrid Dahl",
                speaker_id=dahl_id,
                text=body[slice(*second_quote)],
                kind="partial",
                span=second_quote,
                confidence=0.6,
                rule="quote-cue",
            ),
        ],
    )


def use_pipeline(monkeypatch, propose) -> None:
    """Run ``propose`` instead of the pipeline: in the services, the admin and the commands."""
    monkeypatch.setattr(extraction, "article_propose", propose)
    monkeypatch.setattr(services, "article_propose", propose)


@pytest.fixture
def fake_pipeline(monkeypatch, weber):
    """Replace the pipeline by the hand-built proposal, whatever the knowledge base says.

    It knows nothing of rejected links: tests of those run the real pipeline, whose mention
    resolution is what honours them."""

    def propose(*, article, kb=None):
        if "share a sea" not in article.body:
            return Proposal()
        return build_proposal(article, weber)

    use_pipeline(monkeypatch, propose)
    return propose
