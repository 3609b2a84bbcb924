"""The import run: ``import_records`` writes the readers' records as articles.

Duplicates are checked in batches before writing (one query for URLs and one for content
hashes per chunk). Without extraction a chunk's new articles are written by one multi-row
INSERT, which is atomic as a single statement (on PostgreSQL sent from a writer thread while
the next chunk is read and checked); with extraction each article is inserted in its own
transaction with its extraction. Either way a killed run leaves only whole articles.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction

from meetings.importing.readers import ArticleRecord, Item, ReadError
from meetings.importing.writer import (
    ArticleInsert,
    BackgroundWriter,
    _is_duplicate,
    _validation_message,
)


@dataclass
class ImportResult:
    read: int = 0  # well-formed articles seen (imported + duplicates + failed on write)
    imported: int = 0
    duplicates: int = 0
    failed: int = 0  # malformed rows and articles the database refused
    proposals: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.imported / self.seconds if self.seconds else 0.0


def _count_proposals(summary) -> int:
    """New rows an extraction proposed: its ``*_created`` counts (services.ExtractionSummary),
    or the number it returned."""
    if isinstance(summary, int):
        return summary
    fields = getattr(summary, "__dict__", {})
    return sum(v for k, v in fields.items() if k.endswith("_created") and isinstance(v, int))


def _slug_root(record: ArticleRecord) -> str:
    # Same rule as services.article_create / services.unique_slug.
    from django.utils.text import slugify

    base = f"{record.title} {record.published_on.isoformat() if record.published_on else ''}"
    return (slugify(base) or "item")[:200].strip("-") or "item"


def _slug_candidates(root: str) -> list[str]:
    return [root] + [f"{root[:194]}-{n}" for n in range(2, 10)]


def import_records(
    items: Iterable[Item],
    *,
    status: str = "draft",
    dry_run: bool = False,
    extract: Callable | None = None,
    limit: int | None = None,
    chunk_size: int = 500,
    on_error: Callable[[str], None] = lambda message: None,
    on_progress: Callable[[ImportResult], None] = lambda result: None,
    on_imported: Callable[[list[int]], None] | None = None,
    hold_open: float = 0.0,
) -> ImportResult:
    """Write the records as articles; each article (and its extraction) in one transaction.

    Per chunk: one query for stored URLs, one for stored content hashes, one for taken slugs;
    then, without extraction, one multi-row INSERT for the chunk's new articles (see
    ``ArticleInsert.many`` and ``BackgroundWriter``), else one INSERT per article.
    ``hold_open`` seconds are slept after each write (a chunk's INSERT, or an article inside
    its transaction when it has more than the INSERT): a test hook for killing it.
    ``on_imported`` is given the ids of the articles written, a chunk at a time once they
    are committed (the extraction queue's hook: see meetings/tasks.py).
    """
    from meetings.models import EditorialStatus

    started = time.perf_counter()
    run = _ImportRun(
        status=status,
        dry_run=dry_run,
        extract=extract,
        limit=limit,
        on_error=on_error,
        on_progress=on_progress,
        on_imported=on_imported,
        hold_open=hold_open,
    )
    result = run.run(items, chunk_size)
    if result.imported and not dry_run and status == EditorialStatus.PUBLISHED:
        # Public pages may now show more: the cached ones go (Article.save() would do this,
        # but the INSERTs here bypass it). Drafts show nowhere public.
        from meetings.services import copies

        copies.publication_changed()
    result.seconds = time.perf_counter() - started
    return result


class _ImportRun:
    """One run of ``import_records``: its options, its counts, and what it has written."""

    def __init__(
        self, *, status, dry_run, extract, limit, on_error, on_progress, on_imported, hold_open
    ):
        self.status, self.dry_run, self.extract, self.limit = status, dry_run, extract, limit
        self.on_error, self.on_progress, self.hold_open = on_error, on_progress, hold_open
        self.on_imported = on_imported
        self.imported_ids: list[int] = []  # written, not yet handed to on_imported
        self.result = ImportResult()
        # URLs and texts written (or, in a dry run, accepted) by this run and not yet visible
        # to the per-chunk queries: the current chunk's, or the whole run's when nothing is
        # written.
        self.seen_urls: set[str] = set()
        self.seen_hashes: set[str] = set()
        self.taken_slugs: set[str] = set()
        self.insert = ArticleInsert()
        # Without extraction, a chunk's new articles go to the database in one statement: a
        # round trip per article otherwise costs more than the database's own work on it.
        self.batched = extract is None and not dry_run and self.insert.can_batch
        # And on PostgreSQL the database's work on a chunk (computing each text's tsvector,
        # most of it) runs on its own core while Python reads and checks the next chunk: the
        # INSERT is sent from a writer thread, on that thread's connection. Only in
        # autocommit (a caller's transaction must see the rows) and without --limit (it
        # counts the written rows before reading on). One chunk at a time, in order, so the
        # ids follow the file.
        self.writer = None
        postgresql = connection.vendor == "postgresql" and not connection.in_atomic_block
        if self.batched and limit is None and postgresql:
            self.writer = BackgroundWriter(self.insert, hold_open)
        self.in_flight: list = []  # the chunk the writer is on, and its future

    def run(self, items: Iterable[Item], chunk_size: int) -> ImportResult:
        result, limit = self.result, self.limit
        try:
            iterator = iter(items)
            while limit is None or result.imported < limit:
                size = chunk_size if limit is None else min(chunk_size, limit - result.imported)
                chunk, exhausted = self.read_chunk(iterator, size)
                if not chunk:
                    break
                self.write_chunk(chunk)
                self.hand_over()
                if exhausted:
                    break
            self.finish_background_batch()
            self.hand_over()
        finally:
            if self.writer is not None:
                self.writer.close()  # after the chunk it is on, if a reader or a query failed
        return result

    def hand_over(self) -> None:
        """The ids committed since the last call, to ``on_imported``."""
        if self.imported_ids and self.on_imported is not None:
            ids, self.imported_ids = self.imported_ids, []
            self.on_imported(ids)

    def fail(self, message: str) -> None:
        self.result.failed += 1
        self.on_error(message)

    def read_chunk(self, iterator, size: int) -> tuple[list[ArticleRecord], bool]:
        """Up to ``size`` records (malformed rows are reported on the way), and whether the
        items ran out."""
        chunk: list[ArticleRecord] = []
        while len(chunk) < size:
            item = next(iterator, None)
            if item is None:
                return chunk, True
            if isinstance(item, ReadError):
                self.fail(str(item))
                self.on_progress(self.result)
            else:
                chunk.append(item)
        return chunk, False

    def write_chunk(self, chunk: list[ArticleRecord]) -> None:
        from meetings.models import Article

        carried_slugs: set[str] = set()
        if not self.dry_run:
            # Committed by now, so the queries below find them; all but the chunk the writer
            # is still on, which stays seen.
            written = self.in_flight[0] if self.in_flight else []
            self.seen_urls = {record.url for record, _, _ in written if record.url}
            self.seen_hashes = {record.content_hash for record, _, _ in written}
            carried_slugs = {article.slug for _, article, _ in written}
        hashes = {r.content_hash: r for r in chunk}
        urls = [r.url for r in chunk if r.url]
        # exclude(url=""): the words of the unique index's condition, so that PostgreSQL uses
        # the index (URL IN (...) alone scans the table: 90 ms a chunk at 100k articles).
        stored_urls = set(
            Article.objects.filter(url__in=urls).exclude(url="").values_list("url", flat=True)
        )
        stored_hashes = set(
            Article.objects.filter(content_hash__in=list(hashes)).values_list(
                "content_hash", flat=True
            )
        )
        roots = [_slug_root(r) for r in chunk]
        candidates = [s for root in set(roots) for s in _slug_candidates(root)]
        self.taken_slugs = carried_slugs | set(
            Article.objects.filter(slug__in=candidates).values_list("slug", flat=True)
        )
        batch: list[tuple[ArticleRecord, Article, str]] = []
        for record, root in zip(chunk, roots, strict=True):
            self.result.read += 1
            article = self.new_article(record, root, stored_urls, stored_hashes)
            if article is None:
                self.on_progress(self.result)
                continue
            if self.batched:
                # Counted once written (write_batch); remembered now for the rows after it.
                batch.append((record, article, root))
                self.accepted(record, article)
                continue
            if not self.dry_run and not self.write(record, article):
                self.on_progress(self.result)
                continue
            self.result.imported += 1
            if not self.dry_run:
                self.imported_ids.append(article.pk)
            self.accepted(record, article)
            self.on_progress(self.result)
            if self.limit is not None and self.result.imported >= self.limit:
                break
        if batch:  # no more than --limit allows: the chunk is no bigger
            self.write_batch(batch)

    def new_article(self, record: ArticleRecord, root: str, stored_urls, stored_hashes):
        """The record as an unsaved, checked Article; None (counted) for a duplicate or a
        record whose fields the model refuses."""
        from meetings import services
        from meetings.models import Article

        digest = record.content_hash
        url = record.url
        if (
            (url and (url in self.seen_urls or url in stored_urls))
            or digest in self.seen_hashes
            or digest in stored_hashes
        ):
            self.result.duplicates += 1
            return None
        slug = next((s for s in _slug_candidates(root) if s not in self.taken_slugs), None)
        article = Article(
            title=record.title,
            body=record.body,
            outlet=record.outlet,
            url=record.url,
            dateline=record.dateline,
            published_on=record.published_on,
            language=record.language,
            editorial_status=self.status,
            slug=slug or services.unique_slug(Article, root),
            content_hash=digest,
        )
        try:
            # Field checks only: the unique checks would cost queries the chunk ran.
            article.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            self.fail(f"{record.where}: {_validation_message(exc)}")
            return None
        return article

    def accepted(self, record: ArticleRecord, article) -> None:
        # Later rows of this run that repeat its URL or text are duplicates; its slug is taken.
        self.seen_hashes.add(record.content_hash)
        if record.url:
            self.seen_urls.add(record.url)
        self.taken_slugs.add(article.slug)

    def write(self, record: ArticleRecord, article) -> bool:
        """Insert one article (with its extraction); False when it was refused or a duplicate."""
        from meetings.models import Article

        # Without extraction an article is one INSERT, which autocommit makes its own
        # transaction (no BEGIN/COMMIT round trips); a savepoint inside a caller's one.
        single = self.extract is None and not connection.in_atomic_block
        try:
            with nullcontext() if single else transaction.atomic():
                self.insert(article)
                if self.extract is not None:
                    self.result.proposals += _count_proposals(self.extract(article=article))
                if self.hold_open:
                    time.sleep(self.hold_open)
        except IntegrityError as exc:
            # Another writer got there first, or a slug race: the constraints decide.
            if _is_duplicate(Article, record):
                self.result.duplicates += 1
            else:
                self.fail(f"{record.where}: refused by the database: {exc}")
            return False
        except ImportError:
            raise  # a broken installation, not a bad article: stop at once
        except Exception as exc:  # one article the extractor trips on must not stop the run
            if self.extract is None:
                raise
            self.fail(f"{record.where}: extraction failed: {type(exc).__name__}: {exc}")
            return False
        return True

    def write_batch(self, batch: list[tuple]) -> None:
        """Insert the batch's articles in one statement; a row it skips is found out after."""
        if self.writer is not None:
            self.finish_background_batch()  # one at a time: its fallbacks go before this chunk
            self.in_flight[:] = [batch, self.writer.submit([article for _, article, _ in batch])]
            return
        try:
            # One statement is all or nothing, so a kill never leaves half an article; a
            # savepoint keeps a caller's transaction usable if the statement is refused.
            with transaction.atomic() if connection.in_atomic_block else nullcontext():
                inserted = self.insert.many([article for _, article, _ in batch])
        except (DatabaseError, ValueError):
            inserted = None
        if self.hold_open:
            time.sleep(self.hold_open)
        self.settle_batch(batch, inserted)

    def finish_background_batch(self) -> None:
        if not self.in_flight:
            return
        batch, future = self.in_flight
        self.in_flight.clear()
        try:
            inserted = future.result()
        except (DatabaseError, ValueError):
            inserted = None
        self.settle_batch(batch, inserted)

    def settle_batch(self, batch: list[tuple], inserted) -> None:
        """Count the batch's rows: those stored, and why any other was not.

        ``inserted`` is None when the database refused the statement as a whole (psycopg2
        raises ValueError for a NUL character), so nothing of it was written: row by row,
        the refused row is reported with its line.
        """
        from meetings import services
        from meetings.models import Article

        for record, article, root in batch:
            if inserted is None:
                ok = self.write(record, article)
            elif article.slug in inserted:
                self.insert.stored(article, inserted[article.slug])
                ok = True
            elif _is_duplicate(Article, record):
                # ON CONFLICT skipped it: another writer stored the same URL or text meanwhile.
                self.result.duplicates += 1
                ok = False
            else:
                # Skipped for its slug, which another writer took: a fresh one, row by row.
                article.slug = services.unique_slug(Article, root)
                ok = self.write(record, article)
            if ok:
                self.result.imported += 1
                self.imported_ids.append(article.pk)
                self.taken_slugs.add(article.slug)
            self.on_progress(self.result)
