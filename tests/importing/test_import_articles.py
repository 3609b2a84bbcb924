"""manage.py import_articles against the test database."""

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models.signals import post_save

from meetings import services, tasks
from meetings.importing import readers, writer
from meetings.importing import run as import_run
from meetings.management.commands import import_articles
from meetings.models import Actor, Article, EditorialStatus, ExtractionState, content_hash
from tests import factories

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def article_row(n: int, **fields) -> dict:
    return {
        "id": f"t-{n}",
        "title": f"Delegations meet, part {n}",
        "text": f"Delegation {n} from Norland met its Sudrian hosts in Vienna on Monday.",
        "source_url": f"https://example.org/news/{n}",
        "outlet": "Example Wire",
        "published": "2024-03-04",
        "dateline": "VIENNA, March 4",
        **fields,
    }


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text(
        "".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows),
        encoding="utf-8",
    )
    return path


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_jsonl_import_stores_each_article_with_its_metadata_as_a_draft(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [article_row(1), article_row(2)])
    out, err = run(path)
    assert out.startswith("Imported 2, skipped 0 (duplicates), failed 0")
    assert "articles/s" in out
    assert err == ""
    article = Article.objects.get(url="https://example.org/news/1")
    assert article.title == "Delegations meet, part 1"
    assert article.body.startswith("Delegation 1 from Norland")
    assert (article.outlet, article.dateline, article.published_on) == (
        "Example Wire",
        "VIENNA, March 4",
        dt.date(2024, 3, 4),
    )
    assert article.editorial_status == EditorialStatus.DRAFT
    assert article.content_hash and article.slug == "delegations-meet-part-1-2024-03-04"


def test_imported_row_matches_what_the_model_would_save(tmp_path):
    body = "Two envoys   met\n\nin Geneva. "
    run(write_jsonl(tmp_path / "a.jsonl", [article_row(1, text=body)]))
    article = Article.objects.get()
    assert article.content_hash == content_hash(body) == content_hash(article.body)
    assert article.created_at and article.updated_at
    article.full_clean()  # the unique checks included: nothing else holds this URL or text


def test_save_signal_receivers_still_hear_about_imported_articles(tmp_path):
    heard = []

    def receiver(sender, instance, created, **kwargs):
        heard.append((instance.url, created))

    post_save.connect(receiver, sender=Article)
    try:
        run(write_jsonl(tmp_path / "a.jsonl", [article_row(1)]))
    finally:
        post_save.disconnect(receiver, sender=Article)
    assert heard == [("https://example.org/news/1", True)]


def test_csv_import_stores_each_record(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(
        "title,text,url,published_on,outlet\n"
        'Envoys meet,"Two envoys met.\n\nThey talked.",https://example.org/e,2024-01-02,Wire\n'
        "Ministers talk,Two ministers talked.,,,\n",
        encoding="utf-8",
    )
    out, _ = run(path)
    assert out.startswith("Imported 2, skipped 0 (duplicates), failed 0")
    envoys = Article.objects.get(title="Envoys meet")
    assert envoys.body == "Two envoys met.\n\nThey talked."
    assert (envoys.url, envoys.published_on, envoys.outlet) == (
        "https://example.org/e",
        dt.date(2024, 1, 2),
        "Wire",
    )
    assert Article.objects.get(title="Ministers talk").url == ""


def test_folder_import_stores_txt_and_html_files_with_their_metadata():
    out, err = run(DATA / "folder")
    assert out.startswith("Imported 3, skipped 0 (duplicates), failed 0"), err
    harbour = Article.objects.get(url="https://example.com/2024/05/harbour-visit")
    assert harbour.title == "Prime minister visits harbour city"
    assert "Subscribe now" not in harbour.body and "Copyright" not in harbour.body
    vienna = Article.objects.get(url="https://example.org/news/vienna-talks")
    assert vienna.published_on == dt.date(2024, 3, 4)
    assert Article.objects.get(url="https://example.net/phone-call").outlet == "Example Daily"


def test_second_import_of_the_same_files_adds_nothing(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [article_row(n) for n in range(5)])
    run(path, DATA / "folder")
    before = list(Article.objects.order_by("pk").values_list("pk", "slug", "updated_at"))
    out, _ = run(path, DATA / "folder")
    assert out.startswith("Imported 0, skipped 8 (duplicates), failed 0")
    assert list(Article.objects.order_by("pk").values_list("pk", "slug", "updated_at")) == before


def test_same_text_under_another_url_or_rewrapped_is_a_duplicate(tmp_path):
    factories.article(body="Two envoys met in Geneva.", url="https://example.org/first")
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            article_row(1, text="Two envoys   met\nin Geneva.", source_url="https://x.org/2"),
            article_row(2, source_url="https://example.org/first"),
            article_row(3),
        ],
    )
    out, _ = run(path)
    assert out.startswith("Imported 1, skipped 2 (duplicates), failed 0")
    assert Article.objects.filter(url="https://example.org/news/3").exists()


def test_repeated_rows_within_one_run_are_imported_once(tmp_path):
    rows = [article_row(1), article_row(1), article_row(2, text=article_row(1)["text"])]
    path = write_jsonl(tmp_path / "a.jsonl", rows)
    out, _ = run(path, path)
    assert out.startswith("Imported 1, skipped 5 (duplicates), failed 0")
    assert Article.objects.count() == 1


def test_bad_rows_are_reported_with_file_and_line_and_good_rows_still_land(tmp_path):
    jsonl = write_jsonl(
        tmp_path / "a.jsonl",
        [
            article_row(1),
            "{not json",
            {"title": "No text here"},
            article_row(4, published="2024-02-30"),
            article_row(5, source_url="ftp:/broken"),
            article_row(6),
        ],
    )
    csv_path = tmp_path / "b.csv"
    csv_path.write_text("title,text\nGood,Good text.\nToo,many,columns\n", encoding="utf-8")
    out, err = run(jsonl, csv_path)
    assert out.startswith("Imported 3, skipped 0 (duplicates), failed 5")
    lines = err.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [
        f"{jsonl}:2",
        f"{jsonl}:3",
        f"{jsonl}:4",
        f"{jsonl}:5",
        f"{csv_path}:3",
    ]
    assert "bad date '2024-02-30'" in lines[2] and "bad URL 'ftp:/broken'" in lines[3]
    assert set(Article.objects.values_list("title", flat=True)) == {
        "Delegations meet, part 1",
        "Delegations meet, part 6",
        "Good",
    }


def test_a_row_the_model_refuses_is_reported_and_skipped(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [article_row(1, outlet="O" * 300), article_row(2)])
    out, err = run(path)
    assert out.startswith("Imported 1, skipped 0 (duplicates), failed 1")
    assert err.startswith(f"{path}:1: outlet: ")
    assert list(Article.objects.values_list("url", flat=True)) == ["https://example.org/news/2"]


def test_dry_run_reports_what_it_would_import_and_writes_nothing(tmp_path):
    factories.article(url="https://example.org/news/1")
    path = write_jsonl(tmp_path / "a.jsonl", [article_row(n) for n in range(1, 4)] + ["{"])
    out, err = run(path, "--dry-run")
    assert out.startswith("Would import 2, skipped 1 (duplicates), failed 1")
    assert "Dry run: nothing was written." in out
    assert f"{path}:4: bad JSON" in err
    assert Article.objects.count() == 1


def test_limit_stops_after_n_new_articles(tmp_path):
    factories.article(url="https://example.org/news/0")
    path = write_jsonl(tmp_path / "a.jsonl", [article_row(n) for n in range(6)])
    out, _ = run(path, "--limit", 3)
    assert out.startswith("Imported 3, skipped 1 (duplicates)")
    assert sorted(Article.objects.values_list("url", flat=True)) == [
        f"https://example.org/news/{n}" for n in range(4)
    ]


def test_status_published_publishes_the_imported_articles(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [article_row(1)])
    run(path, "--status", "published")
    assert Article.objects.get().editorial_status == EditorialStatus.PUBLISHED


def test_same_title_and_date_get_distinct_slugs_in_one_chunk(tmp_path):
    factories.article(title="Envoys meet", published_on=dt.date(2024, 3, 4))
    rows = [article_row(n, title="Envoys meet") for n in range(3)]
    run(write_jsonl(tmp_path / "a.jsonl", rows))
    assert sorted(Article.objects.values_list("slug", flat=True)) == [
        "envoys-meet-2024-03-04",
        "envoys-meet-2024-03-04-2",
        "envoys-meet-2024-03-04-3",
        "envoys-meet-2024-03-04-4",
    ]


def test_exit_status_is_an_error_only_when_nothing_could_be_read(tmp_path):
    bad = write_jsonl(tmp_path / "bad.jsonl", ["{", {"title": "no text"}])
    with pytest.raises(CommandError, match="Nothing could be read"):
        run(bad, tmp_path / "missing.csv")
    duplicate_only = write_jsonl(tmp_path / "dup.jsonl", [article_row(1)])
    run(duplicate_only)
    out, _ = run(duplicate_only, bad)  # all duplicates or bad, but something was read: exit 0
    assert out.startswith("Imported 0, skipped 1 (duplicates), failed 2")


def test_a_failed_extraction_keeps_its_article_marked_failed_and_rolls_its_rows_back(
    tmp_path, monkeypatch
):
    from meetings.services import extraction

    real_propose, real_apply = extraction.article_propose, extraction.proposal_apply
    seen = []

    def article_propose(*, article, kb):
        # Fault injection: the extractor trips on one article after writing part of it.
        assert kb is tasks.snapshot.get(), "one knowledge-base snapshot serves the whole run"
        seen.append(article.pk)
        if "part 2" in article.title:
            article.title = "changed, then rolled back"
            article.save(update_fields=["title"])
            raise RuntimeError("extractor crashed")
        return real_propose(article=article, kb=kb)

    def proposal_apply(*, fuse, **kwargs):
        assert fuse, "an import run fuses the reports of one meeting"
        return real_apply(fuse=fuse, **kwargs)

    monkeypatch.setattr(extraction, "article_propose", article_propose)
    monkeypatch.setattr(extraction, "proposal_apply", proposal_apply)
    path = write_jsonl(tmp_path / "a.jsonl", [article_row(n) for n in (1, 2, 3)])
    out, err = run(path, "--extract")
    assert out.startswith(
        "Imported 3, skipped 0 (duplicates), failed 0; extracted 2, extraction failed 1"
    ), out + err
    failed = Article.objects.get(url="https://example.org/news/2")
    assert f"article {failed.pk} (https://example.org/news/2): extraction failed: " in err
    assert "RuntimeError: extractor crashed" in err
    assert len(seen) == 3
    assert failed.extraction_state == ExtractionState.FAILED
    assert failed.extraction_error == "RuntimeError: extractor crashed"
    assert "part 2" in failed.title, "what the failed extraction wrote is rolled back"
    assert failed.extracted_at is None
    assert set(
        Article.objects.exclude(pk=failed.pk).values_list("extraction_state", flat=True)
    ) == {ExtractionState.DONE}


def test_extract_stores_draft_proposals_with_each_imported_article():
    out, err = run(DATA / "folder", "--extract")
    assert out.startswith(
        "Imported 3, skipped 0 (duplicates), failed 0; extracted 3, extraction failed 0"
    ), err
    assert not Article.objects.filter(extracted_at__isnull=True).exists()


def test_proposal_count_reads_the_created_counts_of_an_extraction_summary():
    summary = services.ExtractionSummary(meetings_created=2, statements_created=3, meetings_kept=9)
    assert import_run._count_proposals(summary) == 5
    assert import_run._count_proposals(4) == 4


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_is_drawn_on_a_terminal_and_cleared_before_each_message(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(import_articles.Progress, "interval", 0)  # redraw on every article
    path = write_jsonl(tmp_path / "a.jsonl", ["{", article_row(1), "{", article_row(2)])
    out, err = io.StringIO(), Terminal()
    call_command("import_articles", str(path), stdout=out, stderr=err)
    screen = err.getvalue()
    assert "\r\x1b[K0 imported · 0 skipped · 1 failed · " in screen
    assert "\r\x1b[K2 imported · 0 skipped · 2 failed · " in screen
    assert f"\r\x1b[K{path}:3: bad JSON" in screen, "the progress line is wiped first"
    assert screen.endswith("\r\x1b[K"), "no progress line left behind under the summary"
    assert out.getvalue().startswith("Imported 2, skipped 0 (duplicates), failed 2")


def test_no_progress_line_when_stderr_is_not_a_terminal(tmp_path):
    _, err = run(write_jsonl(tmp_path / "a.jsonl", [article_row(1)]))
    assert err == ""


@pytest.mark.django_db(transaction=True)
def test_relaxed_commits_last_only_as_long_as_the_import():
    from django.db import connection

    query = "SHOW synchronous_commit" if connection.vendor == "postgresql" else "PRAGMA synchronous"

    def setting():
        with connection.cursor() as cursor:
            cursor.execute(query)
            return str(cursor.fetchone()[0])

    before = setting()
    with writer.relaxed_commits():
        assert setting() in {"off", "1"}  # 1 is SQLite's NORMAL
    assert setting() == before


def records(*rows) -> list[readers.ArticleRecord]:
    return [
        readers.make_record(source="mem", line=n, body=row["text"], url=row["source_url"])
        for n, row in enumerate(rows, start=1)
    ]


def test_duplicates_in_later_chunks_are_found_in_the_database():
    rows = records(article_row(1), article_row(2), article_row(3), article_row(1))
    rows.append(readers.make_record(source="mem", line=5, body=article_row(2)["text"]))
    result = import_run.import_records(rows, chunk_size=2)
    assert (result.imported, result.duplicates) == (3, 2)
    assert Article.objects.count() == 3


def test_dry_run_finds_duplicates_across_chunks_without_writing():
    rows = records(article_row(1), article_row(2), article_row(3), article_row(1))
    result = import_run.import_records(rows, chunk_size=2, dry_run=True)
    assert (result.imported, result.duplicates) == (3, 1)
    assert not Article.objects.exists()


def test_each_article_gets_the_slug_of_its_own_title_when_a_later_row_repeats_its_text(tmp_path):
    rows = [article_row(1, title="Envoys meet"), article_row(2, title="Other title")]
    rows[1]["text"] = rows[0]["text"]
    out, _ = run(write_jsonl(tmp_path / "a.jsonl", rows))
    assert out.startswith("Imported 1, skipped 1 (duplicates)")
    assert Article.objects.get().slug == "envoys-meet-2024-03-04"


def test_a_new_name_met_in_two_articles_of_one_run_becomes_one_draft_actor(tmp_path):
    # Invented people and events, our own text.
    rows = [
        article_row(
            1,
            text="ACCRA, May 3 — Ghanaian Foreign Minister Ama Boateng met Nigerian Foreign "
            "Minister Tunde Bello in Accra on Tuesday.",
        ),
        article_row(
            2,
            text="LAGOS, June 9 — Nigerian Foreign Minister Tunde Bello received Ghanaian "
            "Foreign Minister Ama Boateng in Lagos on Friday.",
        ),
    ]
    out, err = run(write_jsonl(tmp_path / "a.jsonl", rows), "--extract")
    assert out.startswith("Imported 2,"), err
    assert Actor.objects.filter(name="Ama Boateng").count() == 1
    assert Actor.objects.filter(name="Tunde Bello").count() == 1


def test_a_nul_character_is_a_bad_row_not_a_crash(tmp_path):
    # PostgreSQL cannot store U+0000 in text; the row is reported and the others land.
    jsonl = write_jsonl(
        tmp_path / "a.jsonl",
        [article_row(1), article_row(2, text="Talks in Vienna\u0000 ended."), article_row(3)],
    )
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text("Good title\n\nA meeting in Oslo.\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"Bad title\n\nA meeting\x00 in Bern.\n")
    out, err = run(jsonl, folder)
    assert out.startswith("Imported 3, skipped 0 (duplicates), failed 2")
    assert f"{jsonl}:2: text contains a NUL character" in err
    assert f"{folder / 'bad.txt'}:1: contains a NUL character" in err
    assert Article.objects.count() == 3
