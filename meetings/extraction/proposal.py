"""What the extractor proposes: plain data, no database. ``apply`` on the DB side writes it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "ActorProposal",
    "MeetingProposal",
    "ParticipantProposal",
    "Proposal",
    "StatementProposal",
]


@dataclass
class ActorProposal:
    name: str
    kind: str  # person | organization | state
    country: str | None = None
    title: str = ""
    aliases: list[str] = field(default_factory=list)
    actor_id: int | str | None = None  # set when the knowledge base knows the actor
    spans: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 0.5
    rule: str = ""


@dataclass
class ParticipantProposal:
    name: str
    actor_id: int | str | None = None
    role: str = "participant"  # host | guest | participant | mediator


@dataclass
class MeetingProposal:
    kind: str  # meeting | visit | call | summit | talks
    status: str = "held"  # held | planned
    date: date | None = None
    end_date: date | None = None
    date_precision: str | None = None  # "day" | "month" | "year" | None
    city: str | None = None
    country: str | None = None
    participants: list[ParticipantProposal] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)  # supporting sentence
    confidence: float = 0.5
    rule: str = ""


@dataclass
class StatementProposal:
    speaker: str
    speaker_id: int | str | None = None
    text: str = ""
    kind: str = "direct"  # direct | partial | paraphrase
    span: tuple[int, int] = (0, 0)  # of the quoted text in the article
    sentence_span: tuple[int, int] = (0, 0)
    via: str | None = None
    via_id: int | str | None = None
    meeting_index: int | None = None  # index into Proposal.meetings
    confidence: float = 0.5
    rule: str = ""


@dataclass
class Proposal:
    actors: list[ActorProposal] = field(default_factory=list)
    meetings: list[MeetingProposal] = field(default_factory=list)
    statements: list[StatementProposal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for the editor: why little was found

    def to_eval_dict(self, article_id: str) -> dict:
        """One line of ``manage.py extract`` output (see shared/eval/README.md)."""

        def iso(day: date | None, precision: str | None) -> str | None:
            return day.isoformat() if day and precision == "day" else None

        return {
            "id": article_id,
            "meetings": [
                {
                    "date": iso(m.date, m.date_precision),
                    "end_date": iso(m.end_date, m.date_precision),
                    "location_city": m.city,
                    "location_country": m.country,
                    "kind": m.kind,
                    "status": m.status,
                    "participants": [p.name for p in m.participants],
                }
                for m in self.meetings
            ],
            "actors": [{"name": a.name, "type": a.kind, "country": a.country} for a in self.actors],
            "quotes": [
                {"speaker": s.speaker, "text": s.text[:200]}
                for s in self.statements
                if s.kind != "paraphrase"
            ],
        }
