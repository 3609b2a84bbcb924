"""An import killed half-way (SIGKILL) keeps only whole articles, and a re-run completes it.

The command runs in a subprocess against a database on disk that this test can read too:
on SQLite a temporary file, migrated first; on PostgreSQL the test database pytest-django
created (``transaction=True``, so the subprocess's commits are visible here). A test-only
environment variable makes the command wait after each chunk's multi-row INSERT (chunks of
two here), which autocommit makes its own transaction; with --extract, the articles are all
stored first, then extracted (no broker: in-process), and another hook makes each
extraction wait inside its transaction, before it commits, so the kill lands while an
article's extracted rows are written but not committed.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from meetings.management.commands.import_articles import CHUNK_SIZE_ENV, HOLD_OPEN_ENV
from meetings.models import Article
from meetings.tasks import HOLD_OPEN_ENV as EXTRACTION_HOLD_OPEN_ENV

ROOT = Path(__file__).resolve().parents[2]
TOTAL = 12
KILL_AFTER = 4
CHUNK_SIZE = 2  # so that a kill lands between two chunks' INSERTs

pytestmark = pytest.mark.django_db(transaction=True)


class DiskDatabase:
    """The database the subprocess writes: its DATABASE_URL and a way to read it from here."""

    def __init__(self, tmp_path: Path):
        self.sqlite_path = None
        if connection.vendor == "sqlite":
            self.sqlite_path = tmp_path / "import.sqlite3"
            self.url = f"sqlite:///{self.sqlite_path}"
            manage(self.url, "migrate", "--verbosity", "0", check=True)
        else:
            s = connection.settings_dict
            auth = quote(s["USER"] or "")
            if s.get("PASSWORD"):
                auth += ":" + quote(s["PASSWORD"])
            self.url = (
                f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"
            )

    def articles(self) -> list[tuple[str, str, bool]]:
        """(url, body, extracted) of every stored article, in insertion order."""
        if self.sqlite_path is None:
            return [
                (url, body, extracted_at is not None)
                for url, body, extracted_at in Article.objects.order_by("pk").values_list(
                    "url", "body", "extracted_at"
                )
            ]
        with closing(sqlite3.connect(self.sqlite_path)) as db:
            rows = db.execute(
                "SELECT url, body, extracted_at FROM meetings_article ORDER BY id"
            ).fetchall()
        return [(url, body, extracted_at is not None) for url, body, extracted_at in rows]

    def rows_of_unextracted(self) -> int:
        """Meetings' evidence and statements pointing at an article not marked extracted:
        half-written extractions (there must be none)."""
        sql = (
            "SELECT (SELECT count(*) FROM meetings_evidence e JOIN meetings_article a "
            "ON a.id = e.article_id WHERE a.extracted_at IS NULL) + (SELECT count(*) FROM "
            "meetings_statement s JOIN meetings_article a ON a.id = s.article_id "
            "WHERE a.extracted_at IS NULL)"
        )
        if self.sqlite_path is None:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchone()[0]
        with closing(sqlite3.connect(self.sqlite_path)) as db:
            return db.execute(sql).fetchone()[0]


def manage(database_url: str, *args: str, check: bool = False, hold_open: float = 0, **popen):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        HOLD_OPEN_ENV: str(hold_open),
        EXTRACTION_HOLD_OPEN_ENV: str(hold_open),
        CHUNK_SIZE_ENV: str(CHUNK_SIZE),
    }
    command = [sys.executable, "manage.py", *args]
    if popen:
        return subprocess.Popen(command, cwd=ROOT, env=env, **popen)
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=check)


def write_articles(path: Path) -> list[tuple[str, str]]:
    rows = [
        {
            "title": f"Foreign ministers meet, round {n}",
            "text": (
                f"VIENNA, March {n} -- Norland's foreign minister met her Sudrian counterpart "
                f"in Vienna on Monday for round {n} of talks on a fishing treaty.\n\n"
                f'"We are close," she said after the meeting.'
            ),
            "source_url": f"https://example.org/rounds/{n}",
            "published": f"2024-03-{n:02d}",
        }
        for n in range(1, TOTAL + 1)
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return [(row["source_url"], row["text"]) for row in rows]


@pytest.mark.parametrize(
    "extract",
    [
        pytest.param(False, id="import-only"),
        pytest.param(True, id="with-extraction"),
    ],
)
def test_killed_import_keeps_only_whole_articles_and_a_rerun_completes_it(tmp_path, extract):
    db = DiskDatabase(tmp_path)
    path = tmp_path / "rounds.jsonl"
    expected = write_articles(path)
    options = ["--extract"] if extract else []

    process = manage(
        db.url,
        "import_articles",
        str(path),
        *options,
        hold_open=0.3,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )

    def progress() -> int:  # articles stored, or with --extract extracted
        return sum(1 for _, _, extracted in db.articles() if extracted or not extract)

    deadline = time.monotonic() + 60
    try:
        while progress() < KILL_AFTER:
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "the import made no progress"
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL

    stored = db.articles()
    committed = len(stored)
    if extract:
        assert [(url, body) for url, body, _ in stored] == expected, "all stored, whole"
        assert KILL_AFTER <= progress() < TOTAL, "killed half-way through the extraction"
        assert db.rows_of_unextracted() == 0, "no article's extraction half-written"
    else:
        assert KILL_AFTER <= committed < TOTAL, "killed half-way, not before or after"
        assert [(url, body) for url, body, _ in stored] == expected[:committed], (
            "exactly the articles committed before the kill, each whole, none half-written"
        )

    rerun = manage(db.url, "import_articles", str(path), *options, check=True)
    assert rerun.stdout.startswith(
        f"Imported {TOTAL - committed}, skipped {committed} (duplicates), failed 0"
    ), rerun.stdout + rerun.stderr
    stored = db.articles()
    assert [(url, body) for url, body, _ in stored] == expected
    if extract:
        assert all(extracted for _, _, extracted in stored), "the re-run extracts the rest"
