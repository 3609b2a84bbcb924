"""A meeting's and a statement's page list the changes made after publication ("Corrections
and changes"), dated, oldest first; changes made while the record was a draft never show."""

import datetime as dt
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from meetings import services
from meetings.models import EditorialStatus
from tests import factories

pytestmark = pytest.mark.django_db

PUBLISHED, DRAFT = EditorialStatus.PUBLISHED, EditorialStatus.DRAFT


@pytest.fixture
def desk(django_user_model):
    return django_user_model.objects.create_user(username="desk", is_staff=True)


def page(client, obj):
    response = client.get(obj.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_change_made_after_publication_is_listed_with_its_date(client, desk):
    meeting = factories.meeting(published=False)
    services.meeting_set_status(meeting=meeting, editorial_status=PUBLISHED, by=desk)
    services.decision_log(
        user=desk,
        obj=meeting,
        action="Start date corrected",
        before="14 March 2025",
        after="15 March 2025",
        public=True,
    )
    LogEntry.objects.filter(object_id=str(meeting.pk)).update(
        action_time=dt.datetime(2025, 3, 15, 9, tzinfo=dt.UTC)
    )
    html = page(client, meeting)
    assert "Corrections and changes" in html
    assert (
        '<time datetime="2025-03-15">15 March 2025</time>: '
        "Start date corrected (14 March 2025 → 15 March 2025)"
    ) in html
    # The first publication is not a change to a published record.
    assert "draft → published" not in html


def test_a_record_without_changes_has_no_list(client):
    meeting = factories.meeting()
    assert "Corrections and changes" not in page(client, meeting)


def test_decisions_taken_while_the_meeting_was_a_draft_never_show(client, desk):
    meeting = factories.meeting(published=False)
    services.meeting_set_status(meeting=meeting, editorial_status="rejected", by=desk)
    services.meeting_set_status(meeting=meeting, editorial_status=DRAFT, by=desk)
    services.meeting_set_status(meeting=meeting, editorial_status=PUBLISHED, by=desk)
    assert LogEntry.objects.filter(object_id=str(meeting.pk)).count() == 3
    html = page(client, meeting)
    assert "Corrections and changes" not in html
    assert "rejected" not in html


def test_a_published_meeting_of_a_draft_article_is_not_public_so_its_changes_are_drafts(
    client, desk
):
    source = factories.article(published=False)
    meeting = factories.meeting(source=source)  # published, but its source is a draft
    services.meeting_set_status(meeting=meeting, editorial_status=DRAFT, by=desk)
    services.meeting_set_status(meeting=meeting, editorial_status=PUBLISHED, by=desk)
    services.article_publish(article=source, by=desk)
    assert "Corrections and changes" not in page(client, meeting)


def test_withdrawn_and_republished_lists_the_withdrawal(client, desk):
    meeting = factories.meeting()
    services.meeting_set_status(meeting=meeting, editorial_status=DRAFT, by=desk)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    services.meeting_set_status(meeting=meeting, editorial_status=PUBLISHED, by=desk)
    html = page(client, meeting)
    assert "Returned to draft (published → draft)" in html


def test_a_statement_lists_its_corrections_and_only_its_own(client, desk):
    statement = factories.statement()
    other = factories.statement()
    services.statement_set_status(statement=statement, editorial_status=DRAFT, by=desk)
    services.statement_set_status(statement=statement, editorial_status=PUBLISHED, by=desk)
    services.decision_log(
        user=desk, obj=other, action="Text corrected", before="a", after="b", public=True
    )
    html = page(client, statement)
    assert "Returned to draft (published → draft)" in html
    assert "Text corrected" not in html


def test_a_meeting_and_a_statement_with_the_same_id_do_not_share_changes(client, desk):
    meeting = factories.meeting()
    statement = factories.statement()
    for obj in (meeting, statement):
        services.decision_log(
            user=desk,
            obj=obj,
            action=f"{type(obj).__name__} corrected",
            before="a",
            after="b",
            public=True,
        )
    # Same numeric id or not, each page shows its own entry only.
    html = page(client, meeting)
    assert "Meeting corrected" in html and "Statement corrected" not in html


def test_the_admin_correction_of_a_public_meeting_reaches_its_page(editor_client, client):
    meeting = factories.meeting(start_date=dt.date(2023, 4, 14), city="Moscow")
    edit = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = editor_client.get(edit).context["adminform"].form
    data = {
        name: ("" if value is None else value)
        for name, value in form.initial.items()
        if name in form.fields
    }
    data.update({"country": "", "start_date": "2023-04-15", "_save": "Save"})
    html = editor_client.get(edit).content.decode()
    for prefix in re.findall(r'name="([\w-]+)-TOTAL_FORMS"', html):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    assert editor_client.post(edit, data).status_code == 302
    client.logout()
    assert "Start date corrected (14 April 2023 → 15 April 2023)" in page(client, meeting)
