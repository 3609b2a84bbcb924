import argparse
import functools
import os
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter

from meetings import importing, services
from meetings.knowledge import knowledge_base
from meetings.models import EditorialStatus

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

The same URL or the same text (whitespace-insensitive) is never imported twice: it is
counted as "skipped (duplicate)". New articles are written 500 at a time, by one INSERT
that is all or nothing (under --extract, each article is committed on its own with its
extraction), so an interrupted import can simply be run again. For
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

    def handle(self, *args, paths, extract, status, dry_run, limit, **options):
        extract_fn = None
        if extract and not dry_run:
            # One knowledge-base snapshot for the whole run: rebuilding it for every article
            # costs seconds once the knowledge base holds 100,000 actors. Names first met in
            # this run are found again by article_extract's own lookup of draft actors.
            # fuse: reports of one meeting become one meeting with many sources (no editor
            # confirms a "same as" during a run; services/matching.py decides).
            extract_fn = functools.partial(services.article_extract, kb=knowledge_base(), fuse=True)
        progress = Progress(self.stderr) if self.stderr.isatty() else None

        def on_error(message: str) -> None:
            if progress:
                progress.clear()
            self.stderr.write(message)

        with importing.relaxed_commits():
            result = importing.import_records(
                importing.read_paths(paths),
                status=status,
                dry_run=dry_run,
                extract=extract_fn,
                limit=limit,
                on_error=on_error,
                on_progress=progress.update if progress else lambda result: None,
                hold_open=float(os.environ.get(HOLD_OPEN_ENV) or 0),
                chunk_size=int(os.environ.get(CHUNK_SIZE_ENV) or 500),
            )
        if progress:
            progress.clear()

        verb = "would import" if dry_run else "imported"
        summary = (
            f"{verb.capitalize()} {result.imported:,}, skipped {result.duplicates:,} "
            f"(duplicates), failed {result.failed:,}"
        )
        if extract_fn:
            summary += f"; proposals {result.proposals:,}"
        summary += f" — {result.seconds:.1f} s, {result.rate:,.0f} articles/s."
        if dry_run:
            summary += " Dry run: nothing was written."
        self.stdout.write(summary)
        if result.read == 0:
            raise CommandError("Nothing could be read from the given paths.")


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
