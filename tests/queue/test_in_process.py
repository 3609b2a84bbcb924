"""The extraction queue with no broker: the same task, run in-process as it is queued
(both database legs)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import services, tasks
from meetings.models import Actor, ActorSuggestion, Article, ExtractionState, Meeting, Statement
from tests import factories
from tests.queue import texts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_snapshot")]

TEXT = (
    "ACCRA, May 3 — Ghanaian Foreign Minister Ama Boateng met Nigerian Foreign Minister "
    'Tunde Bello in Accra on Tuesday.\n\n"We agreed on the border crossing," Boateng said '
    "after the talks."
)


# A worker's queries for one new article (test below): the chunk's read, "running", the
# lock, the savepoint of the article's transaction (a test runs in a transaction; a
# worker's is a transaction of its own), the known actors, the new name's draft actor
# (read, slug, INSERT, its aliases' INSERT), the meeting's slug and three INSERTs, matching
# (two), its facts, the statement, the suggestion, "done"; on PostgreSQL also the new
# name's advisory lock and the lock of the meeting's pair of participants (so that two
# workers never both add one meeting). A slug is one query with the retired slugs of merged
# records.
# (Was 40 on SQLite before the drafts, suggestions and the new article's reads went by one
# query each; 25 and 24 with article_extract's own savepoint and two queries a slug.)
QUERIES_PER_NEW_ARTICLE = {"postgresql": 22, "sqlite": 20}


def test_no_broker_means_in_process():
    assert tasks.in_process()


def test_queued_article_is_extracted_and_marked_done():
    factories.country("GH"), factories.country("NG")
    article = factories.article(body=TEXT, published=False)
    assert article.extraction_state == ExtractionState.NONE
    assert tasks.extraction_enqueue(article_ids=[article.pk]) == 1
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.DONE and article.extracted_at
    assert Meeting.objects.filter(evidence__article=article).count() == 1
    assert tasks.extraction_counts()["done"] == 1


def test_the_same_article_queued_twice_is_extracted_once():
    article = factories.article(body=TEXT, published=False)
    tasks.extraction_enqueue(article_ids=[article.pk])
    article.refresh_from_db()
    first = article.extracted_at
    assert tasks.extraction_enqueue(article_ids=[article.pk, article.pk]) == 0
    assert tasks.extraction_run(article_id=article.pk) == "done already"  # a stray message
    article.refresh_from_db()
    assert article.extracted_at == first


def test_a_rerun_after_the_knowledge_base_grew_adds_only_what_is_new_and_keeps_decisions(
    django_capture_on_commit_callbacks,
):
    article = factories.article(body=TEXT, published=False)
    tasks.extraction_enqueue(article_ids=[article.pk])
    statement = Statement.objects.get(article=article)
    services.statement_set_status(statement=statement, editorial_status="rejected")
    meeting = Meeting.objects.get(evidence__article=article)
    services.meeting_set_status(meeting=meeting, editorial_status="published")
    rows = (Meeting.objects.count(), Statement.objects.count())

    # The knowledge base grows (an editor adds an actor), and so does the text.
    before = tasks.snapshot.get()
    with django_capture_on_commit_callbacks(execute=True):  # the editor's change commits
        factories.actor("Kofi Mensah", country_code="GH")
    article.refresh_from_db()
    article.body = TEXT + '\n\n"Trade will follow," Kofi Mensah said later.'
    article.save()
    assert tasks.extraction_enqueue(article_ids=[article.pk]) == 0, "done: not again"
    assert tasks.extraction_enqueue(article_ids=[article.pk], again=True) == 1
    assert tasks.snapshot.get() is not before, "the generation moved: a new snapshot"

    statement.refresh_from_db()
    meeting.refresh_from_db()
    assert statement.editorial_status == "rejected", "an editor's decision stays"
    assert meeting.editorial_status == "published"
    assert Meeting.objects.count() == rows[0], "nothing doubled"
    new = Statement.objects.exclude(pk=statement.pk).get()
    assert new.speaker.name == "Kofi Mensah" and new.text == "Trade will follow"
    assert Statement.objects.count() == rows[1] + 1, "only what is new is proposed"
    assert not ActorSuggestion.objects.filter(name="Kofi Mensah").exists()


def test_one_snapshot_until_an_editor_changes_the_knowledge(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # each editor's change commits
        factories.actor("Ama Boateng", country_code="GH")
    kb = tasks.snapshot.get()
    article = factories.article(body=TEXT, published=False)
    tasks.extraction_enqueue(article_ids=[article.pk])  # adds a draft actor (Tunde Bello)
    assert Actor.objects.filter(name="Tunde Bello", editorial_status="draft").exists()
    assert tasks.snapshot.get() is kb, "the extractor's own drafts do not move the generation"
    assert tasks.snapshot.builds == 1
    suggestion = ActorSuggestion.objects.get(name="Tunde Bello")
    with django_capture_on_commit_callbacks(execute=True):
        services.suggestion_accept(suggestion=suggestion)
    assert tasks.snapshot.get() is not kb, "an editor's accepted actor does"


def test_a_failed_extraction_is_marked_and_retried_from_the_admin(admin_client, monkeypatch):
    from meetings.services import extraction

    real = extraction.article_propose
    article = factories.article(body=TEXT, published=False)

    def broken(*, article, kb=None):  # fault injection: the pipeline trips once
        raise ValueError("no sense of this text")

    monkeypatch.setattr(extraction, "article_propose", broken)
    tasks.extraction_enqueue(article_ids=[article.pk])
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.FAILED
    assert article.extraction_error == "ValueError: no sense of this text"
    assert not Meeting.objects.exists()

    changelist = reverse("admin:meetings_article_changelist")
    page = admin_client.get(changelist).content.decode()
    assert "Failed: ValueError: no sense of this text" in page
    assert admin_client.get(changelist, {"extraction_state": "failed"}).status_code == 200

    monkeypatch.setattr(extraction, "article_propose", real)
    response = admin_client.post(
        changelist,
        {"action": "retry_failed_extraction", "_selected_action": [article.pk]},
        follow=True,
    )
    assert "Extraction retried on 1: 1 done, 0 failed again." in response.content.decode()
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.DONE and not article.extraction_error
    assert Meeting.objects.filter(evidence__article=article).exists()


def test_extraction_status_counts_each_state(tmp_path):
    texts.known_people()
    path = texts.write_jsonl(tmp_path / "a.jsonl", texts.article_rows(5))
    call_command("import_articles", str(path), stdout=io.StringIO())  # stored, not queued
    factories.article(body=TEXT, published=False)
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    tasks.extraction_enqueue(article_ids=ids[:3])
    Article.objects.filter(pk=ids[3]).update(extraction_state="failed")
    out = io.StringIO()
    call_command("extraction_status", stdout=out)
    assert out.getvalue().strip() == "queued 0 · running 0 · done 3 · failed 1 · not queued 2"
    out = io.StringIO()
    call_command("extraction_status", "--retry-failed", stdout=out)
    assert out.getvalue().splitlines() == [
        "Queued 1 failed article(s) again.",
        "queued 0 · running 0 · done 4 · failed 0 · not queued 2",
    ]


def test_resend_extracts_what_a_lost_queue_left_queued_or_running():
    left = [factories.article(body=f"{TEXT} ({n})", published=False) for n in range(2)]
    Article.objects.filter(pk=left[0].pk).update(extraction_state="queued")
    Article.objects.filter(pk=left[1].pk).update(extraction_state="running")
    out = io.StringIO()
    call_command("extraction_status", "--resend", stdout=out)
    assert out.getvalue().splitlines()[0] == "Sent 2 queued or running article(s) again."
    assert set(Article.objects.values_list("extraction_state", flat=True)) == {"done"}


def test_an_articles_extraction_takes_as_many_queries_whatever_is_stored(monkeypatch):
    """A worker's extraction of one new article (one known and one new person meet, one
    quote): the same queries on an empty database and after 40 more articles, pinned.
    The knowledge version is looked at once per ``GENERATION_CHECK_SECONDS``, not here."""
    texts.known_people()
    tasks.snapshot.get()
    monkeypatch.setattr(tasks, "GENERATION_CHECK_SECONDS", 3600)

    def queries(surname: str) -> int:
        body = TEXT.replace("Tunde Bello", f"Tunde {surname}").replace("Boateng said", "She said")
        article = factories.article(body=body, published=False)
        with CaptureQueriesContext(connection) as ctx:
            assert tasks.extraction_run_many(article_ids=[article.pk]) == {
                article.pk: "1 new meeting(s), 1 new statement(s), 1 new actor suggestion(s)"
            }
        return len(ctx.captured_queries)

    first = queries("Adeyemi")
    path = texts.write_jsonl(Path(tempfile.mkdtemp()) / "more.jsonl", texts.article_rows(40))
    call_command("import_articles", str(path), "--extract", stdout=io.StringIO())
    assert Meeting.objects.count() > 20
    assert queries("Okonkwo") == first == QUERIES_PER_NEW_ARTICLE[connection.vendor]
