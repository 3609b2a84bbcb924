"""A merge deletes the merged-away actor or meeting: an editor who may change but not
delete them is refused with a clear message, and nothing changes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import reverse

from meetings.models import Actor, ActorRedirect, Alias, Meeting, Participation
from tests import factories

pytestmark = pytest.mark.django_db


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def twins(db):
    kept = factories.actor("Amara Okafor", country_code="NG")
    twin = factories.actor("Amara Okafor", country_code="NG")
    guest = factories.actor("Jonas Berg", country_code="SE")
    factories.meeting(participants=[twin, guest], start_date=dt.date(2024, 2, 3))
    return kept, twin


def test_an_editor_who_may_not_delete_actors_cannot_merge_them_from_the_action(
    editor_client, twins
):
    kept, twin = twins
    url = reverse("admin:meetings_actor_changelist")
    response = editor_client.post(
        url,
        {
            "action": "merge_selected",
            "_selected_action": [kept.pk, twin.pk],
            "post": "yes",
            "keep": kept.pk,
        },
    )

    assert response.status_code == 302
    (message,) = said(response)
    assert message.startswith("Nothing merged: merging deletes “Amara Okafor”")
    assert "you may not delete actors" in message
    assert Actor.objects.filter(pk=twin.pk).exists()
    assert Participation.objects.filter(actor=twin).count() == 1
    assert not ActorRedirect.objects.exists()


def test_the_duplicates_page_offers_such_an_editor_no_merge_and_refuses_one_posted(
    editor_client, twins
):
    kept, twin = twins
    page = editor_client.get(reverse("admin:meetings_actor_duplicates")).content.decode()
    assert "Merge into the first" not in page
    assert "Not duplicates" in page and "needs the right to delete actors" in page

    response = editor_client.post(
        reverse("admin:meetings_actor_duplicates_decide"),
        {"first": kept.pk, "second": twin.pk, "decision": "keep-first"},
    )

    assert any("Nothing merged: merging deletes" in m for m in said(response))
    assert Actor.objects.filter(pk=twin.pk).exists()
    assert Alias.objects.filter(actor=twin).exists()


def test_with_the_right_to_delete_actors_the_same_editor_merges(editor, editor_client, twins):
    kept, twin = twins
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="meetings", codename="delete_actor")
    )
    page = editor_client.get(reverse("admin:meetings_actor_duplicates")).content.decode()
    assert "Merge into the first" in page

    editor_client.post(
        reverse("admin:meetings_actor_duplicates_decide"),
        {"first": kept.pk, "second": twin.pk, "decision": "keep-first"},
    )

    assert not Actor.objects.filter(pk=twin.pk).exists()
    assert Participation.objects.filter(actor=kept).count() == 1


def test_merging_meetings_needs_the_right_to_delete_meetings(editor_client):
    a, b = factories.actor(country_code="NG"), factories.actor(country_code="SE")
    first = factories.meeting(participants=[a, b], start_date=dt.date(2024, 2, 3))
    second = factories.meeting(participants=[a, b], start_date=dt.date(2024, 2, 3))
    response = editor_client.post(
        reverse("admin:meetings_meeting_changelist"),
        {
            "action": "merge_selected",
            "_selected_action": [first.pk, second.pk],
            "post": "yes",
            "keep": first.pk,
        },
    )

    assert any("you may not delete meetings" in m for m in said(response))
    assert Meeting.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
