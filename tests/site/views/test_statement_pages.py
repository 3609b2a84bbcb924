"""The statement list and a statement's page (meetings/site/views/statements.py)."""

from django.urls import reverse

from tests.site.pages import text


def test_statement_detail_shows_speaker_office_meeting_and_source(client, world):
    body = text(client.get(world.statement.get_absolute_url()))
    assert "Li Shangfu" in body and "Minister of National Defense" in body
    assert "Said at" in body and "Li Shangfu meets Putin in Moscow" in body


def test_statement_list_shows_quotes_with_speaker(client, world):
    body = text(client.get(reverse("meetings:statement-list")))
    assert "the two militaries would deepen cooperation" in body and "Li Shangfu" in body
