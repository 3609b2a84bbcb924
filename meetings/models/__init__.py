"""The record: countries, actors and their names and offices, articles, meetings, statements.

One module per aggregate; every model is re-exported here, so ``meetings.models.Actor`` and
the migrations keep working.

Visibility: a meeting or statement is public when an editor published it AND at least one
supporting article is published AND every actor it names is published. That rule is
computed whenever any side changes
(meetings/services/copies.py) and stored as ``is_public`` on meetings, participations and
statements, so every public query is a plain indexed filter. The models only report their
writes (signals); copies.py keeps every copy.
"""

from meetings.models.actors import Actor, ActorQuerySet, Alias, Country, Position, normalize_name
from meetings.models.articles import Article, ArticleQuerySet, ExtractionState, content_hash
from meetings.models.base import (
    EditorialStatus,
    TrackedQuerySet,
    TracksChanges,
    keyset_before,
)
from meetings.models.meetings import (
    PAIR_FIELDS,
    CountryPair,
    Evidence,
    EvidenceQuerySet,
    Meeting,
    MeetingFact,
    MeetingQuerySet,
    Participation,
    ParticipationQuerySet,
)
from meetings.models.redirects import (
    ActorRedirect,
    DistinctActors,
    DistinctMeetings,
    MeetingRedirect,
)
from meetings.models.review import ActorSuggestion, KnowledgeVersion, RejectedLink
from meetings.models.statements import Statement, StatementQuerySet

__all__ = [
    "PAIR_FIELDS",
    "Actor",
    "ActorQuerySet",
    "ActorRedirect",
    "ActorSuggestion",
    "Alias",
    "Article",
    "ExtractionState",
    "ArticleQuerySet",
    "Country",
    "CountryPair",
    "DistinctActors",
    "DistinctMeetings",
    "EditorialStatus",
    "Evidence",
    "EvidenceQuerySet",
    "KnowledgeVersion",
    "Meeting",
    "MeetingFact",
    "MeetingQuerySet",
    "MeetingRedirect",
    "Participation",
    "ParticipationQuerySet",
    "Position",
    "RejectedLink",
    "Statement",
    "StatementQuerySet",
    "TrackedQuerySet",
    "TracksChanges",
    "content_hash",
    "keyset_before",
    "normalize_name",
]
