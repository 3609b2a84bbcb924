"""What a merge must leave true, computed from scratch: every stored copy (visibility,
participations' copies, country pairs) equals what the rows say."""

from __future__ import annotations

from meetings.models import EditorialStatus, Meeting, Participation, Statement
from tests.site.test_country_pairs import recomputed, stored

PUBLISHED = EditorialStatus.PUBLISHED


def public_meetings_recomputed() -> set[int]:
    """Meetings the visibility rule makes public, evaluated in Python."""
    rows = Meeting.objects.prefetch_related("evidence__article", "participations__actor")
    return {
        m.pk
        for m in rows
        if m.editorial_status == PUBLISHED
        and any(e.article.editorial_status == PUBLISHED for e in m.evidence.all())
        and all(p.actor.editorial_status == PUBLISHED for p in m.participations.all())
    }


def public_statements_recomputed() -> set[int]:
    rows = Statement.objects.select_related("article", "speaker", "via")
    return {
        s.pk
        for s in rows
        if s.editorial_status == PUBLISHED
        and s.article.editorial_status == PUBLISHED
        and s.speaker.editorial_status == PUBLISHED
        and (s.via is None or s.via.editorial_status == PUBLISHED)
    }


def assert_copies_true() -> None:
    """Every stored copy equals its from-scratch computation."""
    assert set(Meeting.objects.filter(is_public=True).values_list("pk", flat=True)) == (
        public_meetings_recomputed()
    )
    assert set(Statement.objects.filter(is_public=True).values_list("pk", flat=True)) == (
        public_statements_recomputed()
    )
    for p in Participation.objects.select_related("meeting", "actor"):
        assert (p.date, p.country_id, p.is_public) == (
            p.meeting.start_date,
            p.actor.country_id,
            p.meeting.is_public,
        ), p
    assert stored() == recomputed()
