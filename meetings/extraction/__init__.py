"""The pure extraction pipeline: article text + knowledge base -> Proposal (no DB writes).

Stages (modules): text (paragraphs, sentences, dateline) -> kb (one Aho-Corasick automaton
over every normalised alias) -> mentions (known aliases, titles and demonyms merged into a
person mention, short forms and "the Russian president" resolved within the article,
unknown people and organisations suggested from patterns) -> quotemarks + quotes (pairing
at character level, attribution through cue verbs, pronouns, paragraph chains) -> meetings
(triggers by kind, participants, roles, venue, status) -> dates (against dateline and
publication date). Every proposal carries the rule that produced it and a confidence.

    python -m bench.devscore IN.jsonl > pred.jsonl   # eval output, no DB (dev-only)
    python -m bench.extraction                      # articles per second (dev-only)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from .kb import KBActor, KBAlias, KBPosition, KnowledgeBase, normalize
from .proposal import (
    ActorProposal,
    MeetingProposal,
    ParticipantProposal,
    Proposal,
    StatementProposal,
)

__all__ = [
    "ActorProposal",
    "ArticleInput",
    "KBActor",
    "KBAlias",
    "KBPosition",
    "KnowledgeBase",
    "MeetingProposal",
    "ParticipantProposal",
    "Proposal",
    "StatementProposal",
    "extract",
    "normalize",
]


@dataclass(frozen=True)
class ArticleInput:
    text: str
    title: str = ""
    published: date | None = None
    dateline: str = ""
    outlet: str = ""


# Optional statistical NER: called with the text, returns (start, end, label) triples with
# label "PERSON" | "ORG" | "GPE"; its people and organisations are added as suggestions.
NerHook = Callable[[str], list[tuple[int, int, str]]]


def extract(
    article: ArticleInput,
    kb: KnowledgeBase,
    *,
    ner: NerHook | None = None,
    today: date | None = None,
) -> Proposal:
    """Propose actors, meetings and statements for one article. Pure: no I/O.

    HTML character references in the text ("&ldquo;", "&#8217;") are read decoded, and every
    span of the proposal points into ``article.text`` as given. A text that is clearly not
    English gets an empty proposal with a note saying so.
    """
    from .pipeline import run
    from .text import decode_entities, language_guess

    text, entities = decode_entities(article.text or "")
    language = language_guess(text)
    if language is not None:
        return Proposal(notes=[f"This article looks like {language}; extraction reads English."])
    if entities:
        article = replace(
            article,
            text=text,
            title=decode_entities(article.title)[0],
            dateline=decode_entities(article.dateline)[0],
        )
    proposal = run(article, kb, ner=ner, today=today)
    if entities:
        _spans_to_stored_text(proposal, entities)
    return proposal


def _spans_to_stored_text(proposal: Proposal, entities) -> None:
    """Offsets in the decoded text -> offsets in the text as stored, with its entities."""
    for actor in proposal.actors:
        actor.spans = [entities.span(s) for s in actor.spans]
    for meeting in proposal.meetings:
        meeting.span = entities.span(meeting.span)
    for statement in proposal.statements:
        statement.span = entities.span(statement.span)
        statement.sentence_span = entities.span(statement.sentence_span)
