"""The record: countries, actors and their names and offices, articles, meetings, statements.

One module per aggregate; every model is re-exported here, so ``meetings.models.Actor`` and
the migrations keep working.

Visibility: a meeting or statement is public when an editor published it AND at least one
supporting article is published. That rule is computed once, when either side changes
(services.visibility_refresh), and stored as ``is_public`` on meetings, participations and
statements, so every public query is a plain indexed filter.
"""

from django.db.models.signals import post_delete, post_save

from meetings.cache import publication_changed
from meetings.models.actors import Actor, ActorQuerySet, Alias, Country, Position, normalize_name
from meetings.models.articles import Article, ArticleQuerySet, content_hash
from meetings.models.base import (
    RECORD,
    UNIT,
    EditorialStatus,
    TrackedQuerySet,
    aggregated,
    joined,
    keyset_before,
    keyset_dated_before,
    split_aggregated,
)
from meetings.models.meetings import (
    PAIR_FIELDS,
    CountryPair,
    Evidence,
    Meeting,
    MeetingQuerySet,
    Participation,
    ParticipationQuerySet,
    country_pairs,
    refresh_country_pairs,
)
from meetings.models.review import ActorSuggestion, RejectedLink
from meetings.models.statements import Statement, StatementQuerySet

__all__ = [
    "RECORD",
    "UNIT",
    "PAIR_FIELDS",
    "Actor",
    "ActorQuerySet",
    "ActorSuggestion",
    "Alias",
    "Article",
    "ArticleQuerySet",
    "Country",
    "CountryPair",
    "EditorialStatus",
    "Evidence",
    "Meeting",
    "MeetingQuerySet",
    "Participation",
    "ParticipationQuerySet",
    "Position",
    "RejectedLink",
    "Statement",
    "StatementQuerySet",
    "TrackedQuerySet",
    "aggregated",
    "content_hash",
    "country_pairs",
    "joined",
    "keyset_before",
    "keyset_dated_before",
    "normalize_name",
    "refresh_country_pairs",
    "split_aggregated",
]


def _public_data_changed(sender, **kwargs):
    publication_changed()


def _participation_written(sender, instance, **kwargs):
    refresh_country_pairs([instance.meeting_id])


# Every save or delete of a row a public page can show. Article is left out: its save()
# calls publication_changed itself, and a receiver would turn the import's one-INSERT fast
# path (meetings/importing/writer.py) back into save(); the import moves the generation when it
# writes published articles.
for _model in (Country, Actor, Alias, Position, Meeting, Participation, Evidence, Statement):
    post_save.connect(_public_data_changed, sender=_model, dispatch_uid=f"public-{_model.__name__}")
    post_delete.connect(
        _public_data_changed, sender=_model, dispatch_uid=f"public-del-{_model.__name__}"
    )
post_save.connect(_participation_written, sender=Participation, dispatch_uid="pairs-save")
post_delete.connect(_participation_written, sender=Participation, dispatch_uid="pairs-delete")
