"""Which recorded meetings a proposal may be (meetings/services/matching.py), and fusing a
report into its meeting (meetings/services/fusion.py)."""

import datetime as dt

import pytest

from meetings import services
from meetings.models import Actor, EditorialStatus, Evidence, Meeting, MeetingFact, Statement
from tests import factories

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 3, 14)


@pytest.fixture
def people():
    return factories.actor("Ingrid Dahl", country_code="NO"), factories.actor(
        "Lucia Morales", country_code="CL"
    )


def candidates(participants, date=DAY, **kwargs):
    return services.meeting_candidates(participants=participants, date=date, **kwargs)


def test_the_same_people_within_a_day_match_and_a_month_later_do_not(people):
    recorded = factories.meeting(participants=list(people), start_date=DAY)

    assert candidates(people) == [recorded]
    assert candidates(people, date=DAY + dt.timedelta(days=1)) == [recorded]
    assert candidates(people, date=DAY - dt.timedelta(days=1)) == [recorded]
    assert candidates(people, date=DAY + dt.timedelta(days=2)) == []
    assert candidates(people, date=DAY + dt.timedelta(days=31)) == []


def test_a_candidate_carries_its_number_of_sources(people):
    recorded = factories.meeting(participants=list(people), start_date=DAY)
    Evidence.objects.create(meeting=recorded, article=factories.article(), start=0, end=5)

    (found,) = candidates(people)
    assert found == recorded and found.match_sources == 2


def test_one_shared_participant_of_two_is_not_enough(people):
    dahl, _ = people
    factories.meeting(participants=[dahl, factories.actor("Kwame Asante", country_code="GH")])

    assert candidates(people) == []


def test_an_unnamed_side_matches_by_its_state(people):
    dahl, morales = people
    chile = factories.actor("Chile", country_code="CL", kind=Actor.Kind.STATE)
    recorded = factories.meeting(participants=[dahl, morales], start_date=DAY)
    with_state = factories.meeting(participants=[dahl, chile], start_date=DAY + dt.timedelta(30))

    assert candidates([dahl, chile]) == [recorded]  # "Dahl met Chilean officials"
    assert candidates([dahl, morales], date=with_state.start_date) == [with_state]


def test_a_report_inside_a_visits_range_matches_the_visit(people):
    visit = factories.meeting(
        participants=list(people), start_date=DAY, end_date=DAY + dt.timedelta(days=4)
    )

    assert candidates(people, date=DAY + dt.timedelta(days=3)) == [visit]
    assert candidates(people, date=DAY + dt.timedelta(days=6)) == []


def test_a_summit_is_not_a_meeting_on_its_sidelines(people):
    factories.meeting(participants=list(people), start_date=DAY, kind=Meeting.Kind.SUMMIT)

    assert candidates(people, kind=Meeting.Kind.MEETING) == []
    assert len(candidates(people, kind=Meeting.Kind.SUMMIT)) == 1


def test_rejected_excluded_and_undated_proposals_never_match(people):
    recorded = factories.meeting(participants=list(people), start_date=DAY)

    assert candidates(people, exclude_ids=[recorded.pk]) == []
    assert candidates(people, date=None) == []
    assert candidates(people, date_precision=Meeting.Precision.MONTH) == []
    services.meeting_set_status(meeting=recorded, editorial_status=EditorialStatus.REJECTED)
    assert candidates(people) == []


def test_a_meeting_planned_for_the_month_matches_the_report_that_it_took_place(people):
    planned = factories.meeting(
        participants=list(people),
        start_date=dt.date(2025, 3, 1),
        date_precision=Meeting.Precision.MONTH,
        status=Meeting.Status.PLANNED,
    )

    assert candidates(people, status=Meeting.Status.HELD) == [planned]


def draft_of(people, source, **kwargs):
    return factories.meeting(participants=list(people), source=source, published=False, **kwargs)


def test_fusing_moves_sources_statements_and_facts_and_a_held_report_makes_it_held(people):
    dahl, morales = people
    planned = factories.meeting(
        participants=[dahl, morales], start_date=DAY, status=Meeting.Status.PLANNED
    )
    report = factories.article(title="Held", url="https://example.org/held")
    draft = draft_of(people, report, start_date=DAY)
    said = factories.statement(speaker=morales, source=report, meeting=draft)
    services.meeting_facts_write(
        meeting=draft, article=report, start_date=DAY, end_date=None, date_precision="day",
        city="Oslo", country="NO", kind="meeting", status="held",
    )  # fmt: skip
    aide = factories.actor("Ola Berg", country_code="NO")
    draft.participations.create(actor=aide)

    kept = services.meeting_fuse(draft=draft, into=planned)

    assert kept.pk == planned.pk and not Meeting.objects.filter(pk=draft.pk).exists()
    assert kept.status == Meeting.Status.HELD and kept.is_public
    assert set(kept.evidence.values_list("article_id", flat=True)) >= {report.pk}
    assert Statement.objects.get(pk=said.pk).meeting_id == kept.pk
    assert MeetingFact.objects.filter(meeting=kept, article=report).count() == 4
    assert set(kept.participations.values_list("actor_id", flat=True)) == {
        dahl.pk,
        morales.pk,
        aide.pk,
    }


def test_a_published_meeting_is_never_fused_away_nor_into_a_rejected_one(people):
    one = factories.meeting(participants=list(people), start_date=DAY)
    two = factories.meeting(participants=list(people), start_date=DAY)
    with pytest.raises(ValueError, match="draft"):
        services.meeting_fuse(draft=two, into=one)
    draft = draft_of(people, factories.article(url="https://example.org/d"), start_date=DAY)
    services.meeting_set_status(meeting=one, editorial_status=EditorialStatus.REJECTED)
    with pytest.raises(ValueError, match="rejected"):
        services.meeting_fuse(draft=draft, into=one)
    assert Meeting.objects.filter(pk=draft.pk).exists()


def test_a_draft_actor_does_not_hide_a_published_meeting_it_is_fused_into(people):
    recorded = factories.meeting(participants=list(people), start_date=DAY)
    stranger = factories.actor("Unchecked Name", editorial_status=EditorialStatus.DRAFT)
    draft = draft_of(
        [*people, stranger], factories.article(url="https://example.org/s"), start_date=DAY
    )

    kept = services.meeting_fuse(draft=draft, into=recorded)

    assert kept.is_public
    assert not kept.participations.filter(actor=stranger).exists()


def test_a_planned_meeting_past_its_day_says_no_report_that_it_took_place(people, client):
    planned = factories.meeting(
        participants=list(people), start_date=dt.date(2025, 8, 15), status="planned"
    )
    future = factories.meeting(
        participants=list(people), start_date=dt.date.today() + dt.timedelta(days=30),
        status="planned",
    )  # fmt: skip

    html = client.get(planned.get_absolute_url()).content.decode()
    assert "planned for 15 August 2025 — no report that it took place" in html
    home = client.get("/").content.decode()
    assert "planned for 15 August 2025 — no report that it took place" in home
    assert (
        "no report that it took place" not in client.get(future.get_absolute_url()).content.decode()
    )


def test_accepting_all_confident_proposals_follows_the_same_as(people):
    recorded = factories.meeting(participants=list(people), start_date=DAY)
    report = factories.article(url="https://example.org/confident")
    draft = draft_of(people, report, start_date=DAY, confidence=0.9)
    Meeting.objects.filter(pk=draft.pk).update(same_as=recorded)

    done = services.article_accept_confident(article=report)

    assert done["meetings"] == 1
    assert not Meeting.objects.filter(pk=draft.pk).exists()
    assert recorded.evidence.filter(article=report).exists()


def test_two_unnamed_sides_match_by_their_countries(people):
    recorded = factories.meeting(participants=list(people), start_date=DAY)
    norway = factories.actor("Norway", country_code="NO", kind=Actor.Kind.STATE)
    chile = factories.actor("Chile", country_code="CL", kind=Actor.Kind.STATE)

    assert candidates([norway, chile]) == [recorded]
    assert candidates([norway, factories.actor("Ghana", country_code="GH", kind="state")]) == []
