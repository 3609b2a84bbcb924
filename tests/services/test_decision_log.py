"""The audit helper: one LogEntry per decision, none without an editor or a change."""

import pytest
from django.contrib.admin.models import LogEntry

from meetings import services
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_service_called_without_an_editor_logs_nothing():
    meeting = factories.meeting(published=False)
    services.meeting_set_status(meeting=meeting, editorial_status="published")
    assert not LogEntry.objects.exists()


def test_the_entry_names_who_what_and_the_object(django_user_model):
    desk = django_user_model.objects.create_user(username="desk")
    statement = factories.statement(published=False)
    services.statement_set_status(statement=statement, editorial_status="rejected", by=desk)
    entry = LogEntry.objects.get()
    assert (entry.user, entry.get_edited_object()) == (desk, statement)
    assert entry.is_change() and entry.change_message == "Rejected (draft → rejected)"
    assert services.public_changes(statement) == []
