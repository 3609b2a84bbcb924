"""The admin is the editors' workplace: every page loads, with a bounded query count."""

import pytest
from django.urls import reverse

from meetings.models import (
    Actor,
    ActorSuggestion,
    Alias,
    Article,
    Country,
    Evidence,
    Meeting,
    Participation,
    Position,
    RejectedLink,
    Statement,
)
from tests import factories

pytestmark = pytest.mark.django_db

MODELS = [
    Actor,
    ActorSuggestion,
    Alias,
    Article,
    Country,
    Evidence,
    Meeting,
    Participation,
    Position,
    RejectedLink,
    Statement,
]


def make_rows(n: int) -> None:
    for _ in range(n):
        source = factories.article()
        speaker = factories.actor()
        meeting = factories.meeting(source=source, participants=[speaker, factories.actor()])
        factories.statement(speaker=speaker, source=source, meeting=meeting)
        ActorSuggestion.objects.create(article=source, name=f"Someone {source.pk}")
        RejectedLink.objects.create(normalized=f"mr {source.pk}", actor=speaker)
        Position.objects.create(actor=speaker, title="Minister")


def changelist(model):
    return reverse(f"admin:meetings_{model._meta.model_name}_changelist")


def count_queries(client, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_changelist_query_count_does_not_grow_with_rows(
    editor_client, model, django_assert_max_num_queries
):
    make_rows(2)
    few = count_queries(editor_client, changelist(model), django_assert_max_num_queries)
    make_rows(8)
    many = count_queries(editor_client, changelist(model), django_assert_max_num_queries)
    assert many == few, f"{model.__name__}: {few} queries with 2 rows, {many} with 10"


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_add_page_loads_for_an_editor_or_is_refused_for_reference_data(editor_client, model):
    response = editor_client.get(reverse(f"admin:meetings_{model._meta.model_name}_add"))
    expected = 403 if model is Country else 200
    assert response.status_code == expected


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_change_page_loads_for_an_editor(editor_client, model):
    make_rows(1)
    obj = model.objects.first()
    url = reverse(f"admin:meetings_{model._meta.model_name}_change", args=[obj.pk])
    assert editor_client.get(url).status_code == 200


@pytest.mark.parametrize("model", [Meeting, Article, Actor], ids=lambda m: m._meta.model_name)
def test_change_page_query_count_does_not_grow_with_inline_rows(editor_client, model):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    source = factories.article()
    speaker = factories.actor()
    meeting = factories.meeting(source=source, participants=[speaker, factories.actor()])
    obj = {Meeting: meeting, Article: source, Actor: speaker}[model]
    url = reverse(f"admin:meetings_{model._meta.model_name}_change", args=[obj.pk])

    def grow():
        other = factories.actor()
        Participation.objects.create(meeting=meeting, actor=other)
        Evidence.objects.create(meeting=meeting, article=source, start=0, end=5 + other.pk)
        factories.statement(source=source, meeting=meeting, speaker=speaker)
        ActorSuggestion.objects.create(article=source, name=other.name)
        Position.objects.create(actor=speaker, title="Envoy", organization=other)
        Alias.objects.create(actor=speaker, text=f"alias {other.pk}")

    grow()
    with CaptureQueriesContext(connection) as few:
        assert editor_client.get(url).status_code == 200
    for _ in range(4):
        grow()
    with CaptureQueriesContext(connection) as many:
        assert editor_client.get(url).status_code == 200
    assert len(many) == len(few)


def test_non_staff_users_never_reach_the_admin(client, django_user_model):
    user = django_user_model.objects.create_user(username="reader", password="pw-long-enough-1")
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert client.get(changelist(Meeting)).status_code == 302


def test_anonymous_users_are_sent_to_login(client):
    response = client.get(changelist(Article))
    assert response.status_code == 302


def test_editors_cannot_delete_meetings_or_manage_users(editor_client):
    meeting = factories.meeting()
    assert (
        editor_client.get(reverse("admin:meetings_meeting_delete", args=[meeting.pk])).status_code
        == 403
    )
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_publish_action_makes_a_draft_meeting_public(editor_client):
    meeting = factories.meeting(published=False)
    response = editor_client.post(
        changelist(Meeting), {"action": "publish", "_selected_action": [meeting.pk]}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.editorial_status == "published"
    assert meeting.is_public
