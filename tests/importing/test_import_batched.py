"""The import without extraction: one multi-row INSERT ... ON CONFLICT DO NOTHING per chunk.

A row the statement skips must be counted for what it is (a duplicate when another writer
stored its URL or text, a new article under a fresh slug when only its slug was taken), and
a statement the database refuses falls back to row by row, so no row is lost or miscounted.
"""

import datetime as dt

import pytest
from django.db import DataError, IntegrityError

from meetings.importing import readers, writer
from meetings.importing import run as import_run
from meetings.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


def record(n: int, *, text: str | None = None, url: str | None = None, title: str = ""):
    return readers.make_record(
        source="mem",
        line=n,
        title=title or f"Envoys meet, round {n}",
        body=text or f"Round {n}: the envoys of Norland and Sudria met in Vienna on Monday.",
        url=f"https://example.org/rounds/{n}" if url is None else url,
        published_on=dt.date(2024, 3, 4),
    )


def stored_urls() -> list[str]:
    return list(Article.objects.order_by("pk").values_list("url", flat=True))


def wrap_many(monkeypatch, before):
    """Make ``ArticleInsert.many`` call ``before(articles)`` first: another writer, say."""
    many = writer.ArticleInsert.many

    def wrapped(self, articles):
        before(articles)
        return many(self, articles)

    monkeypatch.setattr(writer.ArticleInsert, "many", wrapped)


def test_every_row_is_imported_or_counted_once_across_chunks():
    factories.article(url="https://example.org/rounds/2")
    rows = [
        record(1),
        record(2),  # in the database already
        record(3),
        record(4, text=record(3).body),  # repeats row 3's text in the same chunk
        record(5, url=""),
        record(6),
        record(7, url="https://example.org/rounds/1"),  # repeats row 1's URL, a chunk later
        record(8),
    ]
    result = import_run.import_records(rows, chunk_size=3)
    assert (result.read, result.imported, result.duplicates, result.failed) == (8, 5, 3, 0)
    assert stored_urls()[1:] == [f"https://example.org/rounds/{n}" for n in (1, 3)] + [
        "",
        "https://example.org/rounds/6",
        "https://example.org/rounds/8",
    ]


def test_rows_are_written_one_statement_per_chunk(django_assert_max_num_queries):
    rows = [record(n) for n in range(1, 7)]
    # Per chunk of three: URLs, hashes, slugs, one INSERT (and a savepoint around it here).
    with django_assert_max_num_queries(2 * 6):
        result = import_run.import_records(rows, chunk_size=3)
    assert result.imported == 6
    assert Article.objects.count() == 6


def test_a_text_another_writer_stored_meanwhile_is_a_duplicate(monkeypatch):
    def other_writer(articles):
        if not Article.objects.filter(body=articles[1].body).exists():
            factories.article(body=articles[1].body, url="https://elsewhere.example/a")

    wrap_many(monkeypatch, other_writer)
    result = import_run.import_records([record(n) for n in range(1, 4)])
    assert (result.imported, result.duplicates, result.failed) == (2, 1, 0)
    assert set(stored_urls()) == {
        "https://elsewhere.example/a",
        "https://example.org/rounds/1",
        "https://example.org/rounds/3",
    }


def test_a_slug_another_writer_took_meanwhile_gets_a_fresh_slug_not_a_duplicate(monkeypatch):
    def other_writer(articles):
        if not Article.objects.filter(slug=articles[0].slug).exists():
            other = factories.article(title="Elsewhere", url="https://elsewhere.example/b")
            Article.objects.filter(pk=other.pk).update(slug=articles[0].slug)

    wrap_many(monkeypatch, other_writer)
    result = import_run.import_records([record(1, title="Envoys meet"), record(2)])
    assert (result.imported, result.duplicates, result.failed) == (2, 0, 0)
    assert Article.objects.get(url="https://example.org/rounds/1").slug == (
        "envoys-meet-2024-03-04-2"
    )


def test_a_chunk_the_database_refuses_is_written_row_by_row_and_the_bad_row_reported(
    monkeypatch,
):
    def refuse(self, articles):
        raise DataError("value too long")

    insert_one = writer.ArticleInsert.__call__

    def insert_or_refuse(self, article):
        if article.url.endswith("/2"):
            raise IntegrityError("check constraint")
        insert_one(self, article)

    monkeypatch.setattr(writer.ArticleInsert, "many", refuse)
    monkeypatch.setattr(writer.ArticleInsert, "__call__", insert_or_refuse)
    errors = []
    result = import_run.import_records([record(n) for n in range(1, 4)], on_error=errors.append)
    assert (result.imported, result.duplicates, result.failed) == (2, 0, 1)
    assert [e.split(": ", 1)[0] for e in errors] == ["mem:2"]
    assert stored_urls() == ["https://example.org/rounds/1", "https://example.org/rounds/3"]


def test_limit_holds_with_duplicates_in_the_chunk():
    rows = [record(1), record(2, text=record(1).body), record(3), record(4), record(5)]
    result = import_run.import_records(rows, limit=3, chunk_size=2)
    assert (result.imported, result.duplicates) == (3, 1)
    assert stored_urls() == [f"https://example.org/rounds/{n}" for n in (1, 3, 4)]


@pytest.mark.django_db(transaction=True)
def test_background_writer_counts_every_row_and_keeps_file_order(monkeypatch):
    # Outside a transaction, on PostgreSQL, a writer thread inserts chunk N while chunk N+1
    # is checked: what N holds is not yet in the database, so it must stay "seen".
    from django.db import connection

    submitted = []
    submit = writer.BackgroundWriter.submit

    def counting_submit(self, articles):
        submitted.append(len(articles))
        return submit(self, articles)

    monkeypatch.setattr(writer.BackgroundWriter, "submit", counting_submit)
    factories.article(url="https://example.org/rounds/9")
    rows = [
        record(1, title="Envoys meet"),
        record(2),
        record(3, text=record(2).body),  # the chunk before, maybe still being written
        record(4, title="Envoys meet"),  # the same slug root as row 1, a chunk later
        record(5, url="https://example.org/rounds/1"),
        record(6),
        record(7),
        record(8, text=record(7).body),
        record(9),  # in the database already
    ]
    result = import_run.import_records(rows, chunk_size=2)
    assert (result.read, result.imported, result.duplicates, result.failed) == (9, 5, 4, 0)
    assert stored_urls()[1:] == [f"https://example.org/rounds/{n}" for n in (1, 2, 4, 6, 7)]
    assert list(Article.objects.order_by("pk").values_list("slug", flat=True))[1:3] == [
        "envoys-meet-2024-03-04",
        "envoys-meet-round-2-2024-03-04",
    ]
    assert Article.objects.get(url="https://example.org/rounds/4").slug == (
        "envoys-meet-2024-03-04-2"
    )
    if connection.vendor == "postgresql":
        assert sum(submitted) == 5


@pytest.mark.parametrize("status", ["draft", "published"])
def test_importing_published_articles_moves_the_publication_generation(monkeypatch, status):
    from meetings import cache

    calls = []
    monkeypatch.setattr(cache, "publication_changed", lambda: calls.append(1))
    import_run.import_records([record(1), record(2)], status=status)
    import_run.import_records([record(1)], status=status)  # nothing new: nothing moves
    assert len(calls) == (1 if status == "published" else 0)
