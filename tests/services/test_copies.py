"""The stored copies stay true to the rule on every path that deletes or unpublishes:
a meeting whose only source is gone is private, with its participations and country pairs,
and a meeting or statement naming an actor that is not published is private while the
actor is, without any editorial status changing."""

from __future__ import annotations

from itertools import combinations

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import (
    Actor,
    CountryPair,
    EditorialStatus,
    Evidence,
    Meeting,
    Participation,
    Statement,
)
from tests import factories

pytestmark = pytest.mark.django_db
PUBLISHED = EditorialStatus.PUBLISHED


@pytest.fixture
def sourced():
    """A public China–Russia meeting with one source, and its pair."""
    meeting = factories.meeting(
        participants=[factories.actor(country_code="CN"), factories.actor(country_code="RU")]
    )
    assert meeting.is_public
    assert CountryPair.objects.filter(meeting=meeting).exists()
    return meeting


def assert_private(meeting: Meeting) -> None:
    meeting.refresh_from_db()
    assert not meeting.is_public
    assert not meeting.participations.filter(is_public=True).exists()
    assert not CountryPair.objects.filter(meeting=meeting).exists()
    assert not Meeting.objects.published().filter(pk=meeting.pk).exists()


def test_deleting_the_only_evidence_in_the_admin_makes_the_meeting_private(editor_client, sourced):
    evidence = sourced.evidence.get()
    url = reverse("admin:meetings_evidence_delete", args=[evidence.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    assert_private(sourced)


def test_bulk_deleting_evidence_in_the_admin_makes_the_meetings_private(editor_client, sourced):
    other = factories.meeting()
    ids = [e.pk for e in Evidence.objects.filter(meeting__in=[sourced, other])]
    response = editor_client.post(
        reverse("admin:meetings_evidence_changelist"),
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert response.status_code == 302
    assert_private(sourced)
    assert_private(other)


def test_a_queryset_delete_of_evidence_makes_the_meeting_private(sourced):
    Evidence.objects.filter(meeting=sourced).delete()
    assert_private(sourced)


def test_deleting_the_article_makes_the_meetings_it_alone_supports_private(admin_client, sourced):
    article = sourced.evidence.get().article
    url = reverse("admin:meetings_article_delete", args=[article.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert_private(sourced)


def test_a_meeting_with_another_published_source_stays_public(sourced):
    Evidence.objects.create(meeting=sourced, article=factories.article(), start=0, end=10)
    sourced.evidence.order_by("pk").first().article.delete()
    sourced.refresh_from_db()
    assert sourced.is_public
    assert CountryPair.objects.filter(meeting=sourced).exists()


def test_deleting_a_participant_in_the_admin_rewrites_the_pairs(editor_client):
    cn, ru, fr = (factories.actor(country_code=code) for code in ("CN", "RU", "FR"))
    meeting = factories.meeting(participants=[cn, ru, fr])
    assert CountryPair.objects.filter(meeting=meeting).count() == 3
    part = meeting.participations.get(actor=fr)
    url = reverse("admin:meetings_participation_delete", args=[part.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    pairs = set(CountryPair.objects.filter(meeting=meeting).values_list("first", "second"))
    assert pairs == {("CN", "RU")}


def recomputed() -> dict:
    """The stored copies from scratch, from editorial statuses alone: which meetings and
    statements are public, which participations, and the country pairs."""
    published = set(Actor.objects.filter(editorial_status=PUBLISHED).values_list("pk", flat=True))
    sourced = set(
        Evidence.objects.filter(article__editorial_status=PUBLISHED).values_list(
            "meeting_id", flat=True
        )
    )
    parts: dict[int, list[Participation]] = {}
    for part in Participation.objects.all():
        parts.setdefault(part.meeting_id, []).append(part)
    meetings, pairs = set(), set()
    for meeting in Meeting.objects.all():
        taking_part = parts.get(meeting.pk, [])
        if (
            meeting.editorial_status == PUBLISHED
            and meeting.pk in sourced
            and all(part.actor_id in published for part in taking_part)
        ):
            meetings.add(meeting.pk)
            codes = sorted({p.actor.country_id for p in taking_part if p.actor.country_id})
            year = meeting.start_date.year if meeting.start_date else None
            pairs |= {(meeting.pk, a, b, year) for a, b in combinations(codes, 2)}
    statements = {
        s.pk
        for s in Statement.objects.select_related("article")
        if s.editorial_status == PUBLISHED
        and s.article.editorial_status == PUBLISHED
        and s.speaker_id in published
        and (s.via_id is None or s.via_id in published)
    }
    participations = set(
        Participation.objects.filter(meeting_id__in=meetings).values_list("pk", flat=True)
    )
    return {
        "meetings": meetings,
        "participations": participations,
        "statements": statements,
        "pairs": pairs,
    }


def stored() -> dict:
    return {
        "meetings": set(Meeting.objects.filter(is_public=True).values_list("pk", flat=True)),
        "participations": set(
            Participation.objects.filter(is_public=True).values_list("pk", flat=True)
        ),
        "statements": set(Statement.objects.filter(is_public=True).values_list("pk", flat=True)),
        "pairs": set(CountryPair.objects.values_list("meeting_id", "first", "second", "year")),
    }


def statuses() -> dict:
    """Every editorial decision on meetings and statements (the rule must never change one)."""
    return {
        "meetings": dict(Meeting.objects.values_list("pk", "editorial_status")),
        "statements": dict(Statement.objects.values_list("pk", "editorial_status")),
    }


@pytest.fixture
def cast():
    """A public China–Russia–France meeting, a public China–Russia one without the actor,
    a statement by the actor and one relayed through it (``via``)."""
    actor = factories.actor(country_code="CN")
    ru, fr = factories.actor(country_code="RU"), factories.actor(country_code="FR")
    meeting = factories.meeting(participants=[actor, ru, fr])
    other = factories.meeting(participants=[factories.actor(country_code="CN"), ru])
    spoken = factories.statement(speaker=actor)
    relayed = factories.statement(speaker=ru, via=actor)
    assert {meeting.pk, other.pk} <= stored()["meetings"]
    assert {spoken.pk, relayed.pk} <= stored()["statements"]
    assert stored() == recomputed()
    return actor, meeting, other, spoken, relayed


def actor_form(actor: Actor, editorial_status: str) -> dict:
    """The admin's change form for ``actor`` as it is, but for its editorial status."""
    form = {
        "name": actor.name,
        "slug": actor.slug,
        "kind": actor.kind,
        "country": actor.country_id,
        "wikidata_id": "",
        "description": "",
        "editorial_status": editorial_status,
    }
    for prefix in ("aliases", "positions", "positions-2"):
        form |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    aliases = list(actor.aliases.all())
    form["aliases-TOTAL_FORMS"] = form["aliases-INITIAL_FORMS"] = str(len(aliases))
    for n, alias in enumerate(aliases):
        form |= {f"aliases-{n}-id": alias.pk, f"aliases-{n}-actor": actor.pk}
        form |= {f"aliases-{n}-text": alias.text}
    return form


def test_an_actor_set_back_to_draft_in_the_admin_hides_its_rows_until_published_again(
    admin_client, cast
):
    actor, meeting, other, spoken, relayed = cast
    decided = statuses()
    url = reverse("admin:meetings_actor_change", args=[actor.pk])

    response = admin_client.post(url, actor_form(actor, EditorialStatus.DRAFT))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert_private(meeting)
    assert stored()["statements"].isdisjoint({spoken.pk, relayed.pk})
    assert other.pk in stored()["meetings"]
    assert stored() == recomputed()
    assert statuses() == decided
    assert admin_client.get(meeting.get_absolute_url()).status_code == 404

    response = admin_client.post(url, actor_form(actor, EditorialStatus.PUBLISHED))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert {meeting.pk, other.pk} <= stored()["meetings"]
    assert {spoken.pk, relayed.pk} <= stored()["statements"]
    assert stored() == recomputed()
    assert statuses() == decided
    assert admin_client.get(meeting.get_absolute_url()).status_code == 200


def test_a_bulk_update_of_actors_hides_and_shows_their_rows(cast):
    actor, meeting, other, spoken, relayed = cast
    decided = statuses()
    for status in (EditorialStatus.REJECTED, EditorialStatus.DRAFT):
        Actor.objects.filter(pk=actor.pk).update(editorial_status=status)
        assert_private(meeting)
        assert stored()["statements"].isdisjoint({spoken.pk, relayed.pk})
        assert stored() == recomputed()
    Actor.objects.filter(pk=actor.pk).update(editorial_status=PUBLISHED)
    assert {meeting.pk, other.pk} <= stored()["meetings"]
    assert {spoken.pk, relayed.pk} <= stored()["statements"]
    assert stored() == recomputed()
    assert statuses() == decided


def test_a_draft_participant_hides_a_meeting_until_it_leaves(cast):
    actor, meeting, other, spoken, relayed = cast
    draft = factories.actor(country_code="US", editorial_status=EditorialStatus.DRAFT)
    joined = Participation.objects.create(meeting=meeting, actor=draft)
    assert_private(meeting)
    assert stored() == recomputed()
    joined.actor = factories.actor(country_code="US")  # the admin points it at another actor
    joined.save()
    assert meeting.pk in stored()["meetings"]
    assert stored() == recomputed()
    Participation.objects.filter(pk=joined.pk).update(actor=draft)  # a bulk update
    assert_private(meeting)
    assert stored() == recomputed()
    joined.delete()
    assert meeting.pk in stored()["meetings"]
    assert stored() == recomputed()
    Participation.objects.bulk_create([Participation(meeting=meeting, actor=draft)])
    assert meeting.pk not in stored()["meetings"]
    assert stored() == recomputed()
    Participation.objects.filter(actor=draft).delete()
    assert meeting.pk in stored()["meetings"]
    assert stored() == recomputed()


def test_a_bulk_update_of_statements_keeps_their_visibility(cast):
    actor, meeting, other, spoken, relayed = cast
    draft = factories.actor(country_code="US", editorial_status=EditorialStatus.DRAFT)
    Statement.objects.filter(pk=relayed.pk).update(via=draft)
    assert relayed.pk not in stored()["statements"]
    assert stored() == recomputed()
    Statement.objects.filter(pk=relayed.pk).update(via=None)
    assert relayed.pk in stored()["statements"]
    assert stored() == recomputed()


def test_merging_a_draft_actor_into_a_published_one_shows_its_rows(cast):
    actor, meeting, other, spoken, relayed = cast
    draft = factories.actor("Dee Draft", country_code="US", editorial_status=EditorialStatus.DRAFT)
    Participation.objects.create(meeting=meeting, actor=draft)
    said = factories.statement(speaker=draft)
    assert meeting.pk not in stored()["meetings"] and said.pk not in stored()["statements"]
    decided = statuses()
    services.actor_absorb(draft=draft, into=factories.actor("Pat Public", country_code="FR"))
    assert meeting.pk in stored()["meetings"] and said.pk in stored()["statements"]
    assert stored() == recomputed()
    assert statuses() == decided


def test_merging_into_a_draft_actor_hides_its_rows(cast):
    actor, meeting, other, spoken, relayed = cast
    into = factories.actor(country_code="CN", editorial_status=EditorialStatus.DRAFT)
    services.actor_absorb(draft=actor, into=into)
    assert_private(meeting)
    assert stored()["statements"].isdisjoint({spoken.pk, relayed.pk})
    assert stored() == recomputed()
    into.editorial_status = PUBLISHED
    into.save()
    assert meeting.pk in stored()["meetings"]
    assert stored() == recomputed()
