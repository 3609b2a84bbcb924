import argparse
import os
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter

from meetings import importing, tasks
from meetings.models import Article, EditorialStatus, ExtractionState

# Test hooks, not features: seconds to wait after each write (an article with --extract,
# inside its transaction, before it commits; else a chunk's INSERT), and articles per chunk
# (default 500), so a test can kill the import half-way.
HOLD_OPEN_ENV = "IMPORT_ARTICLES_HOLD_OPEN"
CHUNK_SIZE_ENV = "IMPORT_ARTICLES_CHUNK_SIZE"

DESCRIPTION = """\
Import articles from JSONL, CSV, or folders of .txt/.html files.

Each PATH is one of:
  *.jsonl / *.ndjson  one JSON object per line
  *.csv               a header row, then one article per record (quoted fields may span lines)
  a folder            every .txt, .html and .htm file in it and its sub-folders
  *.txt / *.html      a single document

Fields (JSONL keys, CSV columns, sidecar keys; other keys such as "id" are ignored):
  text or body             the article text (required)
  title                    default: the first line of the text
  url or source_url        http(s) URL; optional, unique when given
  outlet, dateline         free text ("Reuters", "MOSCOW, April 17")
  published or published_on  ISO date, YYYY-MM-DD (a full ISO timestamp is cut to its date)
  language                 default "en"

Folder documents:
  .html is reduced to its main text (trafilatura); its <title>, date and canonical URL are
  used when the page declares them. A .txt file is all text when its metadata gives a
  title; otherwise its first line is the title when more text follows, else the title
  comes from the file name. Metadata, overriding what the file says:
    name.json beside name.txt/name.html   {"title": ..., "url": ..., "published": ...}
    metadata.csv in the folder            a "file" column (the file name) + the fields above

With --extract, each new article's extraction is queued as it is stored: with
CELERY_BROKER_URL set, workers (celery -A meetings.celery worker) extract them and the
command waits for them with a progress bar (rate, ETA) unless --no-wait; without a broker
it extracts them itself once they are stored, and also any article an interrupted run
left queued. An extraction that fails leaves its article stored, marked failed (see
manage.py extraction_status, and the admin's article list to retry it).

The same URL or the same text (whitespace-insensitive) is never imported twice: it is
counted as "skipped (duplicate)". New articles are written 500 at a time, by one INSERT
that is all or nothing, and each extraction is one transaction of its own, so an
interrupted import can simply be run again. For
speed, commits do not wait for the disk while importing (PostgreSQL synchronous_commit =
off, SQLite synchronous = NORMAL): a crash of the machine may lose the last moment of
work, never half an article, and a re-run completes it. A malformed row is reported on
stderr as FILE:LINE: reason and skipped. On a terminal, stderr shows a progress line; the
summary (imported, skipped, failed, articles per second) goes to stdout.

Exit status: 0 when at least one well-formed article was read (even if every one was a
duplicate or some rows failed); 1 when none could be read at all (missing or unreadable
paths, or every row malformed), or on bad options.
"""


class HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    pass


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


class Command(BaseCommand):
    help = DESCRIPTION

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = HelpFormatter
        return parser

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", type=Path, help="Files or folders to import."
        )
        parser.add_argument(
            "--extract",
            action="store_true",
            help="Run extraction on each new article and store its proposals as draft rows.",
        )
        parser.add_argument(
            "--no-wait",
            action="store_true",
            help="With --extract and a broker: return once the articles are queued.",
        )
        parser.add_argument(
            "--status",
            choices=[EditorialStatus.DRAFT, EditorialStatus.PUBLISHED],
            default=EditorialStatus.DRAFT,
            help="Editorial status of the new articles (default: draft).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read, validate and check for duplicates; write nothing (and extract nothing).",
        )
        parser.add_argument(
            "--limit",
            type=positive_int,
            metavar="N",
            help="Stop after N articles have been imported (duplicates and failures not counted).",
        )

    def handle(self, *args, paths, extract, no_wait, status, dry_run, limit, **options):
        extract = extract and not dry_run
        queue = extract and not tasks.in_process()
        imported_ids: list[int] = []
        progress = Progress(self.stderr) if self.stderr.isatty() else None

        def on_error(message: str) -> None:
            if progress:
                progress.clear()
            self.stderr.write(message)

        def on_imported(ids: list[int]) -> None:
            imported_ids.extend(ids)
            if queue:  # workers start on them while the rest is read
                tasks.extraction_enqueue(article_ids=ids, fuse=True)

        started = time.perf_counter()
        with importing.relaxed_commits():
            result = importing.import_records(
                importing.read_paths(paths),
                status=status,
                dry_run=dry_run,
                limit=limit,
                on_error=on_error,
                on_progress=progress.update if progress else lambda result: None,
                on_imported=on_imported if extract else None,
                hold_open=float(os.environ.get(HOLD_OPEN_ENV) or 0),
                chunk_size=int(os.environ.get(CHUNK_SIZE_ENV) or 500),
            )
        if progress:
            progress.clear()
        extracted = None
        if extract and queue and no_wait:
            self.stderr.write(f"{len(imported_ids):,} articles queued for the workers.")
        elif extract:
            extracted = self.extract(imported_ids, queue=queue)
            result.seconds = time.perf_counter() - started

        verb = "would import" if dry_run else "imported"
        summary = (
            f"{verb.capitalize()} {result.imported:,}, skipped {result.duplicates:,} "
            f"(duplicates), failed {result.failed:,}"
        )
        if extracted is not None:
            summary += (
                f"; extracted {extracted['done']:,}, extraction failed {extracted['failed']:,}"
            )
        summary += f" — {result.seconds:.1f} s, {result.rate:,.0f} articles/s."
        if dry_run:
            summary += " Dry run: nothing was written."
        self.stdout.write(summary)
        if result.read == 0:
            raise CommandError("Nothing could be read from the given paths.")

    def extract(self, ids: list[int], *, queue: bool) -> dict[str, int]:
        """Extract (in-process) or wait for the workers to extract the imported articles,
        with a progress bar; report the failed ones. Done and failed, counted."""
        from tqdm import tqdm

        if not queue:
            # Also what an interrupted run left queued or running: no worker has them.
            left = set(
                Article.objects.filter(
                    extraction_state__in=[ExtractionState.QUEUED, ExtractionState.RUNNING]
                ).values_list("pk", flat=True)
            )
            ids = ids + sorted(left - set(ids))
        bar = tqdm(
            total=len(ids),
            desc="extracting",
            unit="article",
            file=self.stderr._out,
            disable=not self.stderr.isatty(),
            dynamic_ncols=True,
        )
        with bar:
            if queue:
                wait_for(ids, bar.update)
            else:
                for start in range(0, len(ids), 20):
                    chunk = ids[start : start + 20]
                    # fuse: reports of one meeting become one meeting with many sources (no
                    # editor confirms a "same as" during a run; services/matching.py decides).
                    tasks.extraction_enqueue(article_ids=chunk, fuse=True)
                    bar.update(len(chunk))
        counts = {"done": 0, "failed": 0}
        for start in range(0, len(ids), 5_000):
            rows = Article.objects.filter(pk__in=ids[start : start + 5_000])
            counts["done"] += rows.filter(extraction_state=ExtractionState.DONE).count()
            for pk, title, url, error in rows.filter(
                extraction_state=ExtractionState.FAILED
            ).values_list("pk", "title", "url", "extraction_error"):
                counts["failed"] += 1
                self.stderr.write(f"article {pk} ({url or title}): extraction failed: {error}")
        return counts


def wait_for(ids: list[int], advance, interval: float = 0.5) -> None:
    """Until none of the articles is queued or running, calling ``advance(n)`` as n more
    finish."""
    pending = list(ids)
    while pending:
        still = []
        for start in range(0, len(pending), 5_000):
            still += Article.objects.filter(
                pk__in=pending[start : start + 5_000],
                extraction_state__in=[ExtractionState.QUEUED, ExtractionState.RUNNING],
            ).values_list("pk", flat=True)
        if len(still) < len(pending):
            advance(len(pending) - len(still))
        pending = still
        if pending:
            time.sleep(interval)


class Progress:
    """One self-rewriting status line on a terminal; at most ten redraws a second."""

    interval = 0.1

    def __init__(self, out):
        self.out = out
        self.started = time.perf_counter()
        self.last = 0.0
        self.shown = False

    def update(self, result: importing.ImportResult) -> None:
        now = time.perf_counter()
        if now - self.last < self.interval:
            return
        self.last = now
        rate = result.imported / (now - self.started) if now > self.started else 0
        self.out.write(
            f"\r\033[K{result.imported:,} imported · {result.duplicates:,} skipped · "
            f"{result.failed:,} failed · {rate:,.0f}/s",
            style_func=str,  # plain, not in the error colour of stderr
            ending="",
        )
        self.out.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.out.write("\r\033[K", style_func=str, ending="")
            self.out.flush()
            self.shown = False
