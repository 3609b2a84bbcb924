"""Extraction through the broker on real worker processes (PostgreSQL leg)."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count

from meetings import services, tasks
from meetings.models import Actor, Article, ExtractionState, Meeting, Statement
from tests.queue import texts
from tests.queue.workers import proposals, wait_until

pytestmark = pytest.mark.django_db(transaction=True)


def import_extract(path, *options) -> str:
    out = io.StringIO()
    call_command("import_articles", str(path), "--extract", *options, stdout=out, stderr=out)
    return out.getvalue()


def wipe() -> None:
    """Back to the knowledge base alone: no articles, meetings or draft actors."""
    Meeting.objects.all().delete()
    Article.objects.all().delete()
    Actor.objects.exclude(editorial_status="published").delete()


def states() -> dict:
    return dict(Article.objects.values_list("extraction_state").annotate(n=Count("pk")).order_by())


def test_200_articles_through_workers_give_the_proposals_of_in_process(tmp_path, settings, workers):
    texts.known_people()
    path = texts.write_jsonl(tmp_path / "a.jsonl", texts.article_rows(200))

    from meetings.celery import app

    app.conf.task_always_eager = True  # in-process first
    out = import_extract(path)
    assert out.startswith("Imported 200,") and "extracted 200, extraction failed 0" in out, out
    expected = proposals()
    assert expected["extracted"] == 200 and expected["meetings"] and expected["statements"]
    wipe()
    tasks.snapshot.reset()

    app.conf.task_always_eager = False
    worker_a, worker_b = workers(concurrency=1), workers(concurrency=1)
    out = import_extract(path)
    assert out.startswith("Imported 200,") and "extracted 200, extraction failed 0" in out, out
    found = proposals()
    assert found == expected
    log = worker_a.text() + worker_b.text()
    extracted = [int(n) for n in re.findall(r"succeeded in [^:]*: '(\d+) extracted", log)]
    assert sum(extracted) == 200, "each article once, by a worker"
    assert "done already" not in log
    assert len(extracted) == 200 / tasks.TASK_CHUNK, "a task per chunk of articles"
    assert "extracted" in worker_a.text() and "extracted" in worker_b.text(), (
        "both workers took part"
    )


def test_a_worker_killed_mid_task_loses_and_duplicates_nothing(tmp_path, workers):
    texts.known_people()
    rows = texts.article_rows(6, seed=3)
    path = texts.write_jsonl(tmp_path / "a.jsonl", rows)

    from meetings.celery import app

    app.conf.task_always_eager = True
    import_extract(path)
    expected = proposals()
    wipe()
    tasks.snapshot.reset()
    app.conf.task_always_eager = False

    # Each task waits 1 s inside its transaction before committing; Redis hands a task back
    # after a 3 s visibility timeout (RabbitMQ at once, when the connection drops).
    first = workers(concurrency=1, hold_open=1.0, CELERY_VISIBILITY_TIMEOUT="3")
    out = import_extract(path, "--no-wait")
    assert "6 articles queued" in out
    # The task's chunk is marked running at once; each article is done as it commits.
    wait_until(
        lambda: (
            states().get(ExtractionState.DONE, 0) == 2
            and states().get(ExtractionState.RUNNING, 0) == 4
        ),
        what="two articles done, the third in its transaction, three more to come",
        workers=[first],
    )
    first.kill()
    running = list(Article.objects.filter(extraction_state=ExtractionState.RUNNING))
    assert len(running) == 4
    for article in running:
        assert article.extracted_at is None
        assert not Statement.objects.filter(article=article).exists(), "nothing half-written"
        assert not article.evidence.exists() and not article.suggestions.exists()

    second = workers(concurrency=2, CELERY_VISIBILITY_TIMEOUT="3")
    wait_until(
        lambda: states() == {ExtractionState.DONE: 6},
        timeout=90,
        what="every article done after the restart",
        workers=[second],
    )
    assert proposals() == expected, "the killed task redone once: nothing lost or twice"


def test_the_same_article_queued_twice_is_extracted_once(tmp_path, workers):
    texts.known_people()
    path = texts.write_jsonl(tmp_path / "a.jsonl", texts.article_rows(1, seed=5))
    call_command("import_articles", str(path), stdout=io.StringIO())
    article = Article.objects.get()
    worker = workers(concurrency=2, hold_open=1.0)
    tasks.extraction_enqueue(article_ids=[article.pk])
    tasks.extract_article.delay(article.pk)  # a duplicate message, as a re-sent queue gives
    wait_until(
        lambda: worker.text().count("succeeded in") == 2,
        what="both messages handled",
        workers=[worker],
    )
    log = worker.text()
    assert log.count("done already") == 1, log
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.DONE
    assert Statement.objects.filter(article=article).exists()


def test_two_reports_of_one_meeting_extracted_at_once_make_one_meeting(workers):
    """Two workers, each in the middle of one report of the same meeting (each task holds
    its transaction open 1 s): the second waits for the first's meeting, then joins it."""
    texts.known_people()
    reports = [
        "OSLO, March 4 — Norwegian Prime Minister Ingrid Solberg met Ghanaian Foreign Minister "
        "Ama Boateng in Oslo on Monday to talk about fisheries.",
        "OSLO, March 4 — Ama Boateng, Ghana's foreign minister, held talks with Ingrid Solberg "
        "in Oslo on Monday; the two spoke about fisheries and shipping.",
    ]
    rows = [
        {"title": f"Report {n}", "text": text, "url": f"https://example.org/two/{n}",
         "published": "2024-03-04"}
        for n, text in enumerate(reports)
    ]  # fmt: skip
    articles = [
        services.article_create(
            title=r["title"], body=r["text"], url=r["url"], published_on=dt.date(2024, 3, 4)
        )
        for r in rows
    ]
    worker = workers(concurrency=2, hold_open=1.0)
    for article in articles:  # one task each: each pool process takes one
        tasks.extraction_enqueue(article_ids=[article.pk], fuse=True)
    wait_until(
        lambda: states() == {ExtractionState.DONE: 2},
        what="both reports extracted",
        workers=[worker],
    )
    meetings = list(Meeting.objects.annotate(sources=Count("evidence__article", distinct=True)))
    assert len(meetings) == 1, [(m.pk, m.title) for m in meetings]
    assert meetings[0].sources == 2, "one meeting, both reports its sources"


def worker_backends() -> set[int]:
    """The PostgreSQL backends of this database but the test's own (the workers')."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )
        return {pid for (pid,) in cursor.fetchall()}


def test_a_worker_keeps_its_connection_between_tasks_and_replaces_a_terminated_one(
    tmp_path, workers
):
    texts.known_people()
    path = texts.write_jsonl(tmp_path / "a.jsonl", texts.article_rows(3, seed=7))
    call_command("import_articles", str(path), stdout=io.StringIO())  # stored, not extracted
    first, second, third = Article.objects.order_by("pk")
    # Backends of earlier tests' workers may still be closing: they are not this worker's.
    earlier = worker_backends()
    worker = workers(concurrency=1)

    def extracted(article) -> bool:
        article.refresh_from_db()
        return article.extraction_state == ExtractionState.DONE

    def own_backends() -> set[int]:
        return worker_backends() - earlier

    tasks.extraction_enqueue(article_ids=[first.pk])
    wait_until(lambda: extracted(first), what="the first article", workers=[worker])
    kept = own_backends()
    assert len(kept) == 1, (kept, earlier)
    tasks.extraction_enqueue(article_ids=[second.pk])
    wait_until(lambda: extracted(second), what="the second article", workers=[worker])
    assert own_backends() == kept, "the next task ran on the same backend"

    with connection.cursor() as cursor:  # as a restarted server or an operator would
        cursor.execute("SELECT pg_terminate_backend(pid) FROM unnest(%s) AS pid", [list(kept)])
    tasks.extraction_enqueue(article_ids=[third.pk])
    wait_until(lambda: extracted(third), what="the third article", workers=[worker])
    assert not own_backends() & kept, "a new backend"
    assert states() == {ExtractionState.DONE: 3}
