"""An article loaded before a worker extracted it, then saved (an editor's change page, a
script): the save writes what the editor changed and leaves the extraction's columns as the
worker wrote them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models.signals import pre_save
from django.urls import reverse
from django.utils import timezone

from meetings.models import Article, ExtractionState
from tests import factories

pytestmark = pytest.mark.django_db


def worker_finishes(article_id: int) -> dt.datetime:
    """What meetings/tasks.py writes when a run ends: one UPDATE of the three columns."""
    done_at = timezone.now()
    Article.objects.filter(pk=article_id).update(
        extraction_state=ExtractionState.DONE, extraction_error="", extracted_at=done_at
    )
    return done_at


def test_a_stale_article_saved_keeps_the_extraction_state_a_worker_wrote_meanwhile(db):
    article = factories.article(body="Two ministers met in Oslo.", published=False)
    Article.objects.filter(pk=article.pk).update(extraction_state=ExtractionState.QUEUED)
    stale = Article.objects.get(pk=article.pk)
    done_at = worker_finishes(article.pk)

    stale.title = "Oslo talks"
    stale.save()

    stored = Article.objects.get(pk=article.pk)
    assert stored.title == "Oslo talks"
    assert (stored.extraction_state, stored.extracted_at) == (ExtractionState.DONE, done_at)


def test_the_extraction_still_writes_its_columns_by_name(db):
    article = factories.article(body="Two ministers met in Oslo.", published=False)
    article.extraction_state = ExtractionState.FAILED
    article.extraction_error = "ValueError: example"
    article.save(update_fields=["extraction_state", "extraction_error"])
    stored = Article.objects.get(pk=article.pk)
    assert (stored.extraction_state, stored.extraction_error) == (
        ExtractionState.FAILED,
        "ValueError: example",
    )


def test_an_article_deleted_meanwhile_is_stored_again_as_a_plain_save_did(db):
    article = factories.article(body="Two ministers met in Oslo.", published=False)
    stale = Article.objects.get(pk=article.pk)
    Article.objects.filter(pk=article.pk).delete()
    stale.save()
    assert Article.objects.filter(pk=article.pk).exists()


def test_saving_the_change_form_while_a_worker_finishes_keeps_the_workers_state(editor_client):
    article = factories.article(
        body="Two ministers met in Oslo.", published=False, published_on=dt.date(2024, 3, 8)
    )
    Article.objects.filter(pk=article.pk).update(extraction_state=ExtractionState.RUNNING)
    finished = {}

    def finishes_now(sender, instance, **kwargs):
        # Between the change view loading the article and saving it, as a worker would.
        if instance.pk == article.pk and not finished:
            finished["at"] = worker_finishes(article.pk)

    pre_save.connect(finishes_now, sender=Article)
    try:
        response = editor_client.post(
            reverse("admin:meetings_article_change", args=[article.pk]),
            {
                "title": "Oslo talks",
                "outlet": "Example Daily",
                "url": "",
                "dateline": "",
                "published_on": "2024-03-08",
                "language": "en",
                "body": article.body,
                "slug": article.slug,
                "editorial_status": "draft",
                "_save": "Save",
            },
        )
    finally:
        pre_save.disconnect(finishes_now, sender=Article)

    assert response.status_code == 302, response.content.decode()[:2000]
    stored = Article.objects.get(pk=article.pk)
    assert stored.title == "Oslo talks"
    assert (stored.extraction_state, stored.extracted_at) == (ExtractionState.DONE, finished["at"])
