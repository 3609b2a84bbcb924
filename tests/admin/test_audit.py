"""Every editorial decision made in the admin leaves a LogEntry: who, when, what, before →
after, on the object decided, so it shows in that object's "History"."""

import datetime as dt
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from meetings import services
from meetings.models import Actor, ActorSuggestion, Article, Meeting, Statement
from meetings.services.audit import AFTER_PUBLICATION
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def extracted(article, fake_pipeline):
    services.article_extract(article=article)
    article.refresh_from_db()
    return article


def review(client, article, action, **extra):
    url = reverse("admin:meetings_article_review", args=[article.pk])
    response = client.post(url, {"action": action, **extra})
    assert response.status_code == 302
    return response


def list_action(client, model, action, rows):
    url = reverse(f"admin:meetings_{model._meta.model_name}_changelist")
    response = client.post(url, {"action": action, "_selected_action": [r.pk for r in rows]})
    assert response.status_code == 302
    return response


def entries(obj):
    """The LogEntry rows of ``obj``, oldest first, as (user, message) pairs."""
    rows = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).order_by("action_time", "pk")
    return [(row.user.username, row.change_message) for row in rows]


def test_accepting_a_meeting_on_the_review_logs_it_and_its_new_participant(
    editor_client, editor, extracted
):
    meeting = Meeting.objects.get()
    suggestion = ActorSuggestion.objects.get()
    review(editor_client, extracted, f"meeting-accept:{meeting.pk}")
    assert entries(meeting) == [("ed", "Published (draft → published)")]
    # Accepting the meeting accepted the suggested participant: that decision is logged too.
    assert entries(suggestion) == [
        ("ed", "Accepted as the actor “Ingrid Dahl” (pending → accepted)")
    ]


def test_rejecting_and_returning_to_draft_on_the_review_are_logged(editor_client, extracted):
    meeting = Meeting.objects.get()
    quote = Statement.objects.get(speaker__name="Karl Weber")
    review(editor_client, extracted, f"meeting-reject:{meeting.pk}")
    review(editor_client, extracted, f"meeting-draft:{meeting.pk}")
    review(editor_client, extracted, f"statement-accept:{quote.pk}")
    review(editor_client, extracted, f"statement-reject:{quote.pk}")
    assert entries(meeting) == [
        ("ed", "Rejected (draft → rejected)"),
        ("ed", "Returned to draft (rejected → draft)"),
    ]
    assert entries(quote) == [
        ("ed", "Published (draft → published)"),
        ("ed", "Rejected (published → rejected)"),
    ]


def test_suggestion_decisions_on_the_review_are_logged(editor_client, extracted):
    suggestion = ActorSuggestion.objects.get()
    review(
        editor_client,
        extracted,
        f"suggestion-accept:{suggestion.pk}",
        name="Ingrid Dahl",
        title="Foreign Minister",
        country="NO",
        kind="person",
    )
    assert entries(suggestion) == [
        ("ed", "Accepted as the actor “Ingrid Dahl” (pending → accepted)")
    ]


def test_linking_a_suggestion_to_a_known_actor_is_logged(editor_client, extracted):
    known = factories.actor("Ingrid Marie Dahl", country_code="NO")
    suggestion = ActorSuggestion.objects.get()
    review(
        editor_client,
        extracted,
        f"suggestion-link:{suggestion.pk}",
        **{f"s{suggestion.pk}-actor": known.pk},
    )
    [(user, message)] = entries(suggestion)
    assert user == "ed"
    assert message.startswith("Linked to the actor “Ingrid Marie Dahl” (pending")
    assert message.endswith("→ accepted, Ingrid Marie Dahl)")


def test_rejecting_a_suggestion_on_the_review_is_logged(editor_client, extracted):
    suggestion = ActorSuggestion.objects.get()
    review(editor_client, extracted, f"suggestion-reject:{suggestion.pk}")
    assert entries(suggestion) == [("ed", "Rejected (pending → rejected)")]


def test_not_this_actor_is_logged_on_the_actor(editor_client, article, weber):
    services.article_extract(article=article)
    review(editor_client, article, f"link-reject:{weber.pk}:Karl Weber")
    assert entries(weber) == [
        (
            "ed",
            "Not this actor: “Karl Weber” in the article “Austria and Norway talk fisheries” "
            "(linked → not linked)",
        )
    ]


def test_accept_all_confident_logs_each_decision(editor_client, extracted):
    review(editor_client, extracted, "accept-confident")
    accepted = Statement.objects.get(editorial_status="published")
    assert entries(Meeting.objects.get()) == [("ed", "Published (draft → published)")]
    assert entries(accepted) == [("ed", "Published (draft → published)")]


def test_publishing_and_unpublishing_the_article_are_logged(editor_client, extracted):
    review(editor_client, extracted, "publish")
    review(editor_client, extracted, "unpublish")
    history = [m for _, m in entries(extracted)]
    assert history == [
        "Published (draft → published)",
        # It was public when it went back: a change after publication.
        AFTER_PUBLICATION + "Returned to draft (published → draft)",
    ]


def test_article_list_actions_are_logged(editor_client):
    draft = factories.article(published=False)
    list_action(editor_client, Article, "publish", [draft])
    list_action(editor_client, Article, "unpublish", [draft])
    assert [m for _, m in entries(draft)] == [
        "Published (draft → published)",
        AFTER_PUBLICATION + "Returned to draft (published → draft)",
    ]


def test_meeting_list_actions_are_logged_and_say_when_the_meeting_was_public(editor_client):
    meeting = factories.meeting(published=False)
    list_action(editor_client, Meeting, "publish", [meeting])
    list_action(editor_client, Meeting, "return_to_draft", [meeting])
    list_action(editor_client, Meeting, "reject", [meeting])
    assert entries(meeting) == [
        ("ed", "Published (draft → published)"),
        ("ed", AFTER_PUBLICATION + "Returned to draft (published → draft)"),
        ("ed", "Rejected (draft → rejected)"),
    ]


def test_publishing_an_already_published_meeting_logs_nothing(editor_client):
    meeting = factories.meeting()
    list_action(editor_client, Meeting, "publish", [meeting])
    assert entries(meeting) == []


def test_statement_and_suggestion_list_actions_are_logged(editor_client, extracted):
    quote = Statement.objects.get(speaker__name="Karl Weber")
    list_action(editor_client, Statement, "publish", [quote])
    list_action(editor_client, Statement, "reject", [quote])
    assert entries(quote) == [
        ("ed", "Published (draft → published)"),
        ("ed", "Rejected (published → rejected)"),
    ]
    suggestion = ActorSuggestion.objects.get()
    list_action(editor_client, ActorSuggestion, "reject", [suggestion])
    assert entries(suggestion) == [("ed", "Rejected (pending → rejected)")]


def test_suggestion_accept_list_action_is_logged(editor_client, extracted):
    suggestion = ActorSuggestion.objects.get()
    list_action(editor_client, ActorSuggestion, "accept", [suggestion])
    assert entries(suggestion) == [
        ("ed", "Accepted as the actor “Ingrid Dahl” (pending → accepted)")
    ]
    assert Actor.objects.get(name="Ingrid Dahl").editorial_status == "published"


def test_the_history_page_shows_the_decisions(editor_client, extracted):
    meeting = Meeting.objects.get()
    review(editor_client, extracted, f"meeting-accept:{meeting.pk}")
    url = reverse("admin:meetings_meeting_history", args=[meeting.pk])
    html = editor_client.get(url).content.decode()
    assert "Published (draft → published)" in html
    assert "ed" in html


def save_change_form(client, obj, **changes):
    """Save ``obj``'s admin change form as shown, with ``changes`` and no inline rows."""
    url = reverse(f"admin:meetings_{obj._meta.model_name}_change", args=[obj.pk])
    response = client.get(url)
    form = response.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: ("" if value is None else value) for name, value in data.items()}
    for prefix in re.findall(r'name="([\w-]+)-TOTAL_FORMS"', response.content.decode()):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(changes, _save="Save")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_correcting_a_public_meeting_logs_before_and_after(editor_client):
    meeting = factories.meeting(start_date=dt.date(2023, 4, 14), country="RU", city="Moscow")
    save_change_form(editor_client, meeting, start_date="2023-04-15")
    assert entries(meeting) == [
        ("ed", AFTER_PUBLICATION + "Start date corrected (14 April 2023 → 15 April 2023)")
    ]


def test_editing_a_draft_meeting_keeps_djangos_entry_and_is_not_a_correction(editor_client):
    meeting = factories.meeting(
        published=False, start_date=dt.date(2023, 4, 14), country="RU", city="Moscow"
    )
    save_change_form(editor_client, meeting, start_date="2023-04-15")
    [(user, message)] = entries(meeting)
    assert user == "ed" and not message.startswith(AFTER_PUBLICATION)
    assert "start_date" in message or "Start date" in message


def test_correcting_a_public_statement_logs_before_and_after(editor_client):
    statement = factories.statement(said_on=dt.date(2023, 4, 16))
    save_change_form(editor_client, statement, said_on="2023-04-17", kind="paraphrase")
    assert sorted(m for _, m in entries(statement)) == [
        AFTER_PUBLICATION + "Kind corrected (Direct quote → Paraphrase)",
        AFTER_PUBLICATION + "Said on corrected (16 April 2023 → 17 April 2023)",
    ]
