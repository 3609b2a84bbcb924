"""The pure extraction pipeline: article text + knowledge base -> Proposal (no DB writes).

Stages: normalise text and dateline -> match known aliases (one automaton) -> resolve
mentions -> suggest unknown actors -> quotes -> meetings -> dates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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
    """Propose actors, meetings and statements for one article. Pure: no I/O."""
    from .pipeline import run

    return run(article, kb, ner=ner, today=today)
