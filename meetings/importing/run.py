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
    hold_open: float = 0.0,
) -> ImportResult:
    """Write the records as articles; each article (and its extraction) in one transaction.

    Per chunk: one query for stored URLs, one for stored content hashes, one for taken slugs;
    then, without extraction, one multi-row INSERT for the chunk's new articles (see
    ``ArticleInsert.many`` and ``BackgroundWriter``), else one INSERT per article.
    ``hold_open`` seconds are slept after each write (a chunk's INSERT, or an article inside
    its transaction when it has more than the INSERT): a test hook for killing it.
    """
    from django.db import DatabaseError, IntegrityError, connection, transaction

    from meetings import services
    from meetings.models import Article, EditorialStatus

    result = ImportResult()
    # URLs and texts written (or, in a dry run, accepted) by this run and not yet visible to
    # the per-chunk queries: the current chunk's, or the whole run's when nothing is written.
    seen_urls: set[str] = set()
    seen_hashes: set[str] = set()
    started = time.perf_counter()

    def fail(message: str) -> None:
        result.failed += 1
        on_error(message)

    insert = ArticleInsert()
    # Without extraction, a chunk's new articles go to the database in one statement: a round
    # trip per article otherwise costs more than the database's own work on it.
    batched = extract is None and not dry_run and insert.can_batch
    # And on PostgreSQL the database's work on a chunk (computing each text's tsvector, most
    # of it) runs on its own core while Python reads and checks the next chunk: the INSERT is
    # sent from a writer thread, on that thread's connection. Only in autocommit (a caller's
    # transaction must see the rows) and without --limit (it counts the written rows before
    # reading on). One chunk at a time, in order, so the ids follow the file.
    writer = None
    if batched and limit is None and connection.vendor == "postgresql":
        writer = None if connection.in_atomic_block else BackgroundWriter(insert, hold_open)
    in_flight: list = []  # the chunk the writer is on, and its future

    def accepted(record: ArticleRecord, article) -> None:
        # Later rows of this run that repeat its URL or text are duplicates; its slug is taken.
        seen_hashes.add(record.content_hash)
        if record.url:
            seen_urls.add(record.url)
        taken_slugs.add(article.slug)

    def write(record: ArticleRecord, article) -> bool:
        """Insert one article (with its extraction); False when it was refused or a duplicate."""
        # Without extraction an article is one INSERT, which autocommit makes its own
        # transaction (no BEGIN/COMMIT round trips); a savepoint inside a caller's one.
        single = extract is None and not connection.in_atomic_block
        try:
            with nullcontext() if single else transaction.atomic():
                insert(article)
                if extract is not None:
                    result.proposals += _count_proposals(extract(article=article))
                if hold_open:
                    time.sleep(hold_open)
        except IntegrityError as exc:
            # Another writer got there first, or a slug race: the constraints decide.
            if _is_duplicate(Article, record):
                result.duplicates += 1
            else:
                fail(f"{record.where}: refused by the database: {exc}")
            return False
        except ImportError:
            raise  # a broken installation, not a bad article: stop at once
        except Exception as exc:  # one article the extractor trips on must not stop the run
            if extract is None:
                raise
            fail(f"{record.where}: extraction failed: {type(exc).__name__}: {exc}")
            return False
        return True

    def write_batch(batch: list[tuple[ArticleRecord, Article, str]]) -> None:
        """Insert the batch's articles in one statement; a row it skips is found out after."""
        if writer is not None:
            finish_background_batch()  # one at a time: its fallbacks go before this chunk
            in_flight[:] = [batch, writer.submit([article for _, article, _ in batch])]
            return
        try:
            # One statement is all or nothing, so a kill never leaves half an article; a
            # savepoint keeps a caller's transaction usable if the statement is refused.
            with transaction.atomic() if connection.in_atomic_block else nullcontext():
                inserted = insert.many([article for _, article, _ in batch])
        except (DatabaseError, ValueError):
            inserted = None
        if hold_open:
            time.sleep(hold_open)
        settle_batch(batch, inserted)

    def finish_background_batch() -> None:
        if not in_flight:
            return
        batch, future = in_flight
        in_flight.clear()
        try:
            inserted = future.result()
        except (DatabaseError, ValueError):
            inserted = None
        settle_batch(batch, inserted)

    def settle_batch(batch: list[tuple[ArticleRecord, Article, str]], inserted) -> None:
        """Count the batch's rows: those stored, and why any other was not.

        ``inserted`` is None when the database refused the statement as a whole (psycopg2
        raises ValueError for a NUL character), so nothing of it was written: row by row,
        the refused row is reported with its line.
        """
        for record, article, root in batch:
            if inserted is None:
                ok = write(record, article)
            elif article.slug in inserted:
                insert.stored(article, inserted[article.slug])
                ok = True
            elif _is_duplicate(Article, record):
                # ON CONFLICT skipped it: another writer stored the same URL or text meanwhile.
                result.duplicates += 1
                ok = False
            else:
                # Skipped for its slug, which another writer took: a fresh one, row by row.
                article.slug = services.unique_slug(Article, root)
                ok = write(record, article)
            if ok:
                result.imported += 1
                taken_slugs.add(article.slug)
            on_progress(result)

    try:
        iterator = iter(items)
        while limit is None or result.imported < limit:
            size = chunk_size if limit is None else min(chunk_size, limit - result.imported)
            chunk: list[ArticleRecord] = []
            exhausted = False
            while len(chunk) < size:
                item = next(iterator, None)
                if item is None:
                    exhausted = True
                    break
                if isinstance(item, ReadError):
                    fail(str(item))
                    on_progress(result)
                else:
                    chunk.append(item)
            if not chunk:
                break
            carried_slugs: set[str] = set()
            if not dry_run:
                # Committed by now, so the queries below find them; all but the chunk the writer
                # is still on, which stays seen.
                written = in_flight[0] if in_flight else []
                seen_urls = {record.url for record, _, _ in written if record.url}
                seen_hashes = {record.content_hash for record, _, _ in written}
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
            taken_slugs = carried_slugs | set(
                Article.objects.filter(slug__in=candidates).values_list("slug", flat=True)
            )

            batch: list[tuple[ArticleRecord, Article, str]] = []
            for record, root in zip(chunk, roots, strict=True):
                result.read += 1
                digest = record.content_hash
                if (
                    (record.url and (record.url in seen_urls or record.url in stored_urls))
                    or digest in seen_hashes
                    or digest in stored_hashes
                ):
                    result.duplicates += 1
                    on_progress(result)
                    continue
                slug = next((s for s in _slug_candidates(root) if s not in taken_slugs), None)
                article = Article(
                    title=record.title,
                    body=record.body,
                    outlet=record.outlet,
                    url=record.url,
                    dateline=record.dateline,
                    published_on=record.published_on,
                    language=record.language,
                    editorial_status=status,
                    slug=slug or services.unique_slug(Article, root),
                    content_hash=digest,
                )
                try:
                    # Field checks only: the unique checks would cost queries the chunk ran.
                    article.full_clean(validate_unique=False, validate_constraints=False)
                except ValidationError as exc:
                    fail(f"{record.where}: {_validation_message(exc)}")
                    on_progress(result)
                    continue

                if batched:
                    # Counted once written (write_batch); remembered now for the rows after it.
                    batch.append((record, article, root))
                    accepted(record, article)
                    continue
                if not dry_run and not write(record, article):
                    on_progress(result)
                    continue
                result.imported += 1
                accepted(record, article)
                on_progress(result)
                if limit is not None and result.imported >= limit:
                    break
            if batch:  # no more than --limit allows: the chunk is no bigger
                write_batch(batch)
            if exhausted:
                break
        finish_background_batch()
    finally:
        if writer is not None:
            writer.close()  # after the chunk it is on, if a reader or a query failed

    if result.imported and not dry_run and status == EditorialStatus.PUBLISHED:
        # Public pages may now show more: the cached ones go (Article.save() would do this,
        # but the INSERTs here bypass it). Drafts show nowhere public.
        from meetings.services import copies

        copies.publication_changed()

    result.seconds = time.perf_counter() - started
    return result
