"""Every write of more than one row: the admin, the commands and the importers call these.

Keyword-only arguments, ``full_clean()`` before saving, one transaction per call. One module
per concern; every service is re-exported here, so ``services.meeting_create`` works:

- ``copies``: the stored copies (visibility, participations' date and country)
- ``reference``: countries and their state actors
- ``actors``: actors, aliases, positions
- ``records``: articles, meetings, statements
- ``extraction``: running the pipeline and storing its proposal as drafts
- ``review``: the editor's decisions on the proposals
- ``audit``: the audit trail of those decisions (admin ``LogEntry`` rows)
- ``merging``: two actors or two meetings made one, the other's URL redirecting
"""

from meetings.services.actors import actor_absorb, actor_create, alias_add, position_add
from meetings.services.audit import decision_log, public_changes
from meetings.services.base import PUBLISHED, fingerprint, unique_slug
from meetings.services.copies import (
    actor_participations_sync,
    participations_sync,
    visibility_refresh,
)
from meetings.services.extraction import (
    CONFIDENT,
    ExtractionSummary,
    article_extract,
    article_input,
    article_propose,
    office_title,
    proposal_apply,
)
from meetings.services.fusion import meeting_fact_choose, meeting_facts_write, meeting_fuse
from meetings.services.matching import (
    meeting_candidate_ids,
    meeting_candidates,
    meeting_duplicates,
)
from meetings.services.merging import actor_merge, meeting_merge
from meetings.services.records import (
    article_create,
    article_publish,
    article_unpublish,
    meeting_create,
    meeting_set_status,
    meeting_slug,
    meeting_title,
    statement_create,
    statement_set_status,
)
from meetings.services.reference import reference_load
from meetings.services.review import (
    article_accept_confident,
    article_spans_reanchor,
    link_reject,
    meeting_accept,
    meeting_accept_same,
    statement_accept,
    suggestion_accept,
    suggestion_link,
    suggestion_names_taken,
    suggestion_reject,
)

__all__ = [
    "CONFIDENT",
    "PUBLISHED",
    "ExtractionSummary",
    "actor_absorb",
    "actor_create",
    "actor_merge",
    "actor_participations_sync",
    "alias_add",
    "article_accept_confident",
    "article_create",
    "article_extract",
    "article_input",
    "article_propose",
    "article_publish",
    "article_spans_reanchor",
    "article_unpublish",
    "decision_log",
    "fingerprint",
    "link_reject",
    "meeting_accept",
    "meeting_accept_same",
    "meeting_candidate_ids",
    "meeting_candidates",
    "meeting_duplicates",
    "meeting_fact_choose",
    "meeting_facts_write",
    "meeting_fuse",
    "meeting_create",
    "meeting_merge",
    "meeting_set_status",
    "meeting_slug",
    "meeting_title",
    "office_title",
    "participations_sync",
    "position_add",
    "proposal_apply",
    "public_changes",
    "reference_load",
    "statement_accept",
    "statement_create",
    "statement_set_status",
    "suggestion_accept",
    "suggestion_link",
    "suggestion_names_taken",
    "suggestion_reject",
    "unique_slug",
    "visibility_refresh",
]
