"""Line ends: a browser submits a textarea with \\r\\n; stored bodies use \\n, so the public
page keeps the paragraphs and every span offset counts the same characters."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from meetings import services
from meetings.importing import readers
from meetings.models import Article, EditorialStatus
from meetings.services.base import fingerprint
from tests import factories

pytestmark = pytest.mark.django_db

PASTED = (
    "Foreign Minister Alma Ruiz met her Danish counterpart in Lima on Tuesday.\r\n"
    "\r\n"
    "The two ministers spoke about fisheries and a new air route.\r\n"
    "\r\n"
    "They will meet again in Copenhagen next spring."
)


def test_an_article_pasted_in_the_admin_is_stored_with_newlines(editor_client):
    response = editor_client.post(
        reverse("admin:meetings_article_add"),
        {
            "title": "Lima talks",
            "body": PASTED,
            "published_on": "2024-05-08",
            "language": "en",
            "editorial_status": "draft",
            "_save": "Save",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(title="Lima talks")
    assert "\r" not in article.body
    assert article.body.count("\n\n") == 2


def test_the_public_page_shows_each_pasted_paragraph_apart(client):
    article = factories.article(body=PASTED)
    html = client.get(article.get_absolute_url()).content.decode()
    for paragraph in PASTED.split("\r\n\r\n"):
        assert f"<p>{paragraph}</p>" in html


def test_imported_rows_and_uploads_get_newlines():
    record = readers.record_from_row({"text": "One.\r\n\r\nTwo.\rThree."}, source="x", line=1)
    assert record.body == "One.\n\nTwo.\nThree."
    _, text = readers.article_text_from_upload(name="a.txt", data=b"One.\r\n\r\nTwo.")
    assert text == "One.\n\nTwo."


def test_the_migration_moves_every_span_and_fingerprint_with_its_text():
    """Rows stored before the fix: the body has \\r\\n and spans count the \\r."""
    migration = importlib.import_module("meetings.migrations.0014_article_line_ends")
    ruiz, berg = factories.actor("Alma Ruiz"), factories.actor("Nils Berg", country_code="DK")
    clean = PASTED.replace("\r\n", "\n")
    article = factories.article(body=clean)
    second = "The two ministers spoke about fisheries and a new air route."
    old_start = PASTED.index(second)
    meeting = factories.meeting(participants=[ruiz, berg], source=article)
    statement = factories.statement(speaker=ruiz, source=article)
    suggestion = article.suggestions.create(name="Nils Berg", start=old_start, end=old_start + 9)
    # As an old row: the body with \r\n, spans and fingerprints counting the \r.
    Article.objects.filter(pk=article.pk).update(body=PASTED)
    evidence = meeting.evidence.get()
    evidence.start, evidence.end = old_start, old_start + len(second)
    evidence.save()
    old_fp = fingerprint("meeting", article.pk, evidence.start, evidence.end, 0)
    type(meeting).objects.filter(pk=meeting.pk).update(fingerprint=old_fp)
    type(statement).objects.filter(pk=statement.pk).update(
        start=old_start,
        end=old_start + len(second),
        fingerprint=fingerprint("statement", article.pk, old_start, old_start + len(second)),
    )

    migration.normalise_bodies(apps, None)

    article.refresh_from_db()
    assert article.body == clean
    evidence.refresh_from_db()
    statement.refresh_from_db()
    suggestion.refresh_from_db()
    meeting.refresh_from_db()
    assert clean[evidence.start : evidence.end] == second
    assert clean[statement.start : statement.end] == second
    assert clean[suggestion.start : suggestion.end] == "The two m"
    span = evidence.start, evidence.end
    assert meeting.fingerprint == fingerprint("meeting", article.pk, *span, 0)
    assert statement.fingerprint == fingerprint(
        "statement", article.pk, statement.start, statement.end
    )


def test_publishing_keeps_the_normalised_body(editor):
    article = factories.article(body=PASTED, published=False)
    services.article_publish(article=article, by=editor)
    article.refresh_from_db()
    assert article.editorial_status == EditorialStatus.PUBLISHED
    assert "\r" not in article.body
