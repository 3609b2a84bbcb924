"""The stored copies stay true to the rule on every path that deletes or unpublishes:
a meeting whose only source is gone is private, with its participations and country pairs,
and an actor set back to draft takes its published rows off the public site."""

from __future__ import annotations

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Actor, CountryPair, EditorialStatus, Evidence, Meeting, Statement
from tests import factories

pytestmark = pytest.mark.django_db


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


def test_an_actor_set_back_to_draft_in_the_admin_takes_its_rows_off_the_site(admin_client):
    actor = factories.actor(country_code="CN")
    meeting = factories.meeting(participants=[actor, factories.actor(country_code="RU")])
    statement = factories.statement(speaker=actor)
    other = factories.meeting()  # without the actor: stays as it is
    url = reverse("admin:meetings_actor_change", args=[actor.pk])
    form = {
        "name": actor.name,
        "slug": actor.slug,
        "kind": actor.kind,
        "country": "CN",
        "wikidata_id": "",
        "description": "",
        "editorial_status": EditorialStatus.DRAFT,
    }
    for prefix in ("aliases", "positions", "positions-2"):
        form |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    aliases = list(actor.aliases.all())
    form["aliases-TOTAL_FORMS"] = form["aliases-INITIAL_FORMS"] = str(len(aliases))
    for n, alias in enumerate(aliases):
        form |= {f"aliases-{n}-id": alias.pk, f"aliases-{n}-actor": actor.pk}
        form |= {f"aliases-{n}-text": alias.text}
    response = admin_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]

    assert_private(meeting)
    assert Meeting.objects.get(pk=meeting.pk).editorial_status == EditorialStatus.DRAFT
    statement.refresh_from_db()
    assert not statement.is_public
    assert Meeting.objects.get(pk=other.pk).is_public


def test_a_bulk_update_of_actors_to_draft_takes_their_rows_off_the_site():
    actor = factories.actor(country_code="CN")
    meeting = factories.meeting(participants=[actor, factories.actor(country_code="RU")])
    statement = factories.statement(speaker=actor)
    Actor.objects.filter(pk=actor.pk).update(editorial_status=EditorialStatus.DRAFT)
    assert_private(meeting)
    assert not Statement.objects.get(pk=statement.pk).is_public


def test_publishing_the_actor_again_leaves_its_rows_for_the_editor_to_accept():
    actor = factories.actor(country_code="CN")
    meeting = factories.meeting(participants=[actor, factories.actor(country_code="RU")])
    actor.editorial_status = EditorialStatus.DRAFT
    actor.save()
    actor.editorial_status = EditorialStatus.PUBLISHED
    actor.save()
    meeting.refresh_from_db()
    assert (meeting.editorial_status, meeting.is_public) == (EditorialStatus.DRAFT, False)
    services.meeting_accept(meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.is_public
