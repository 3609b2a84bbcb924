"""The statement form gives the passage as words, not as "Start/End character offset"."""

import pytest
from django.urls import reverse

from meetings.models import Statement
from tests import factories

pytestmark = pytest.mark.django_db

BODY = (
    "Minister Alma Ruiz met Nils Berg in Lima. "
    "Ruiz said the talks were frank and useful. Berg said the talks were frank."
)


def form_data(statement, **changes):
    data = {
        "speaker": statement.speaker_id,
        "article": statement.article_id,
        "passage": statement.article.body[statement.start : statement.end],
        "text": statement.text,
        "kind": statement.kind,
        "meeting": "",
        "said_on": "",
        "via": "",
        "editorial_status": statement.editorial_status,
        "_save": "Save",
    }
    data.update(changes)
    return data


@pytest.fixture
def statement():
    source = factories.article(body=BODY)
    return factories.statement(
        speaker=factories.actor("Alma Ruiz", country_code="PE"), source=source
    )


def change_url(statement):
    return reverse("admin:meetings_statement_change", args=[statement.pk])


def test_the_form_shows_the_passage_not_offsets(editor_client, statement):
    html = editor_client.get(change_url(statement)).content.decode()
    assert "character offset" not in html.lower()
    assert 'name="start"' not in html and 'name="end"' not in html
    assert "Passage in the article" in html
    assert BODY[statement.start : statement.end] in html


def test_a_passage_found_once_sets_the_span(editor_client, statement):
    words = "the talks were frank and useful"
    response = editor_client.post(change_url(statement), form_data(statement, passage=words))
    assert response.status_code == 302
    statement.refresh_from_db()
    assert BODY[statement.start : statement.end] == words


@pytest.mark.parametrize(
    ("passage", "message"),
    [
        ("words that are nowhere", "These words are not in the text of"),
        ("said the talks were frank", "These words appear 2 times in the article"),
    ],
)
def test_a_passage_missing_or_repeated_is_refused_and_nothing_changes(
    editor_client, statement, passage, message
):
    before = Statement.objects.values("start", "end").get(pk=statement.pk)
    response = editor_client.post(change_url(statement), form_data(statement, passage=passage))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Statement.objects.values("start", "end").get(pk=statement.pk) == before
