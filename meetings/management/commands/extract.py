"""``manage.py extract FILE.jsonl``: the evaluation contract of ../shared/eval/README.md.

The same pipeline the admin runs (``services.article_propose``), the knowledge base as it
stands in the database, and nothing written: every statement other than a read is refused.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

from meetings import services
from meetings.knowledge import knowledge_base_build
from meetings.models import Article

READS = ("SELECT", "WITH", "PRAGMA", "SAVEPOINT", "RELEASE", "SET", "SHOW", "BEGIN", "COMMIT")


class WriteRefused(RuntimeError):
    pass


def _refuse_writes(execute, sql, params, many, context):
    if not sql.lstrip().upper().startswith(READS):
        raise WriteRefused(f"manage.py extract writes nothing to the database: {sql[:80]}")
    return execute(sql, params, many, context)


@contextmanager
def read_only():
    """Refuse any write on the default connection while inside."""
    with connection.execute_wrapper(_refuse_writes):
        yield


def _date(value) -> dt.date | None:
    """An ISO date ("2024-03-08", or a timestamp starting with one); ValueError if not."""
    if not value:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


NOT_MIGRATED = (
    "the database is not set up: run `make run`, or `manage.py migrate && manage.py "
    "load_reference`, first"
)


def _require_migrated() -> None:
    """One clear line, not a traceback from the first query, when the tables are missing
    or behind the code (a fresh checkout, a pull with new migrations)."""
    try:
        executor = MigrationExecutor(connection)
        behind = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:  # no server, a wrong DATABASE_URL
        detail = " ".join(str(exc).split())
        raise CommandError(f"cannot read the database: {detail}", returncode=2) from exc
    if behind:
        raise CommandError(f"{NOT_MIGRATED} ({len(behind)} migration(s) to apply)", returncode=2)


def _empty(article_id, error: str) -> dict:
    return {"id": article_id, "meetings": [], "actors": [], "quotes": [], "error": error}


class Command(BaseCommand):
    help = (
        "Extract meetings, actors and quotes from a JSONL file of articles (id, text, title, "
        "published, dateline, outlet) and print one JSON line per article, in input order. "
        "Uses the knowledge base in the database and writes nothing to it. Exits with status "
        "1 when a line could not be read or extracted (its output line has an 'error'), with "
        "status 2 when the database is not set up (not migrated); a malformed 'published' "
        "date is ignored with a warning."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="JSONL file, one article a line ('-' for stdin)")

    def handle(self, *args, path, **options):
        try:
            stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc}") from exc
        _require_migrated()
        failed = 0
        with read_only(), stream:
            kb = knowledge_base_build()
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                result = self.extract_line(line, number, kb)
                failed += "error" in result
                self.stdout.write(json.dumps(result, ensure_ascii=False))
        if failed:
            # The good lines are printed; the exit status says the run was not clean.
            raise CommandError(
                f"{failed} line(s) failed; each has an 'error' in its output line", returncode=1
            )

    def extract_line(self, line: str, number: int, kb) -> dict:
        article_id = None
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("a line must be a JSON object")
            article_id = row.get("id")
            if article_id is None or not isinstance(row.get("text"), str):
                raise ValueError("'id' and 'text' are required")
            try:
                published = _date(row.get("published"))
            except ValueError as exc:
                # The article is still worth extracting: dates then resolve without an anchor.
                self.stderr.write(f"line {number}: 'published' ignored: {exc}")
                published = None
            article = Article(
                title=row.get("title") or "",
                body=row["text"],
                dateline=row.get("dateline") or "",
                outlet=row.get("outlet") or "",
                published_on=published,
            )
            proposal = services.article_propose(article=article, kb=kb)
            result = proposal.to_eval_dict(article_id)
            if proposal.notes:  # "This article looks like Russian; extraction reads English."
                result["notes"] = list(proposal.notes)
                for note in proposal.notes:
                    self.stderr.write(f"line {number}: {note}")
            return result
        except WriteRefused:
            raise
        except Exception as exc:  # one bad article must not stop the run
            message = f"{type(exc).__name__}: {exc}"
            self.stderr.write(f"line {number}: {message}")
            return _empty(article_id, message)
