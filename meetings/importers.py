"""Bulk import of articles: readers for JSONL, CSV and folders of .txt/.html, and the loop.

The readers are plain Python: they turn files into ``ArticleRecord`` (a well-formed article)
or ``ReadError`` (a malformed row, with its file and line) and never touch the database.
``import_records`` writes them: duplicates are checked in batches before writing (one query
for URLs and one for content hashes per chunk). Without extraction a chunk's new articles are
written by one multi-row INSERT, which is atomic as a single statement (on PostgreSQL sent
from a writer thread while the next chunk is read and checked); with extraction each
article is inserted in its own transaction with its extraction. Either way a killed run
leaves only whole articles.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

TITLE_MAX = 400
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
DOCUMENT_SUFFIXES = {".txt", ".html", ".htm"}
FOLDER_METADATA = "metadata.csv"

# Accepted spellings of each field, first match wins. The shared eval set uses
# id, text, title, published, dateline, outlet, source_url.
FIELD_NAMES = {
    "title": ("title",),
    "body": ("text", "body"),
    "url": ("url", "source_url"),
    "outlet": ("outlet",),
    "published_on": ("published", "published_on"),
    "dateline": ("dateline",),
    "language": ("language",),
}
METADATA_FIELDS = ("title", "url", "outlet", "published_on", "dateline", "language")

_url_validator = URLValidator(schemes=["http", "https"])


@dataclass(frozen=True)
class ArticleRecord:
    """A well-formed article read from ``source`` at ``line``, not yet in the database."""

    source: str
    line: int
    title: str
    body: str
    url: str = ""
    outlet: str = ""
    published_on: dt.date | None = None
    dateline: str = ""
    language: str = "en"

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"

    @cached_property
    def content_hash(self) -> str:
        # Same rule as meetings.models.content_hash, kept here so the readers stay Django-free.
        return hashlib.sha256(" ".join(self.body.split()).encode()).hexdigest()


@dataclass(frozen=True)
class ReadError:
    """A row or file that could not be read, and why."""

    source: str
    line: int
    message: str

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Item = ArticleRecord | ReadError


# --- field parsing ------------------------------------------------------------------------


class BadField(ValueError):
    pass


def parse_date(value) -> dt.date | None:
    """An ISO date ("2023-04-17"), or the date part of an ISO timestamp; empty is None."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadField(f"bad date {value!r} (expected YYYY-MM-DD)")
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        raise BadField(f"bad date {value!r} (expected YYYY-MM-DD)") from None


def parse_url(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadField(f"bad URL {value!r}")
    value = value.strip()
    if not value:
        return ""
    try:
        _url_validator(value)
    except ValidationError:
        raise BadField(f"bad URL {value!r}") from None
    return value


NUL = "\x00"  # PostgreSQL refuses it in text; psycopg2 raises before sending the row


def _text(value, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):  # "text": 12345 is a mistake in the file, not a text
        kind = "a number" if isinstance(value, int | float) else type(value).__name__
        raise BadField(f"{name} must be a string, not {kind} ({value!r:.40})")
    if NUL in value:
        raise BadField(f"{name} contains a NUL character, which the database cannot store")
    return value.strip()


def _pick(row: dict, key: str):
    for name in FIELD_NAMES[key]:
        value = row.get(name)
        if value not in (None, ""):
            return value
    return None


def title_from_body(body: str) -> str:
    """The first line of the text, shortened to fit the title column."""
    first = body.strip().split("\n", 1)[0].strip()
    if len(first) > 120:
        first = first[:117].rsplit(" ", 1)[0] + "…"
    return first


def metadata_from_row(row: dict) -> dict:
    """Parsed metadata fields present in ``row`` (raises BadField); absent fields are left out."""
    out: dict = {}
    for key in METADATA_FIELDS:
        value = _pick(row, key)
        if value is None:
            continue
        if key == "published_on":
            out[key] = parse_date(value)
        elif key == "url":
            out[key] = parse_url(value)
        else:
            out[key] = _text(value, key)
            length = len(" ".join(out[key].split()))
            if key == "title" and length > TITLE_MAX:  # never cut short without a word
                raise BadField(f"title is {length:,} characters long; at most {TITLE_MAX} fit")
    return out


def record_from_row(row, *, source: str, line: int) -> Item:
    """An ArticleRecord from a mapping with the JSONL/CSV field names, or a ReadError."""
    if not isinstance(row, dict):
        return ReadError(source, line, f"expected a JSON object, got {type(row).__name__}")
    try:
        body = _text(_pick(row, "body"), "text")
        if not body:
            return ReadError(source, line, 'missing text (no "text" or "body")')
        meta = metadata_from_row(row)
    except BadField as exc:
        return ReadError(source, line, str(exc))
    return make_record(source=source, line=line, body=body, **meta)


def make_record(*, source: str, line: int, body: str, title: str = "", **meta) -> ArticleRecord:
    title = " ".join((title or title_from_body(body)).split())
    if len(title) > TITLE_MAX:
        title = title[: TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"
    meta = {k: v for k, v in meta.items() if v not in (None, "")}
    return ArticleRecord(source=source, line=line, title=title, body=body, **meta)


# --- readers ------------------------------------------------------------------------------


def read_jsonl(path: Path) -> Iterator[Item]:
    """One JSON object per line; blank lines are ignored; each bad line is its own error."""
    source = str(path)
    with path.open("rb") as f:
        for number, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield ReadError(source, number, f"not UTF-8 ({exc.reason})")
                continue
            except json.JSONDecodeError as exc:
                yield ReadError(source, number, f"bad JSON: {exc.msg} (column {exc.colno})")
                continue
            yield record_from_row(row, source=source, line=number)


def _raise_csv_field_limit() -> None:
    # The csv module refuses fields over 128 KiB by default; a long article body is one field.
    if csv.field_size_limit() < 64 * 1024 * 1024:
        csv.field_size_limit(64 * 1024 * 1024)


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str] | None, str]]:
    """(first line of the record, its fields or None, error message) for each CSV record."""
    _raise_csv_field_limit()
    with path.open(newline="", encoding="utf-8-sig", errors="strict") as f:
        reader = csv.reader(f)
        last = 0
        while True:
            start = last + 1
            try:
                fields = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as exc:
                last = reader.line_num
                yield start, None, f"bad CSV: {exc}"
                if isinstance(exc, UnicodeDecodeError):
                    return  # the decoder cannot resync; the rest of the file is unreadable
                continue
            last = reader.line_num
            yield start, fields, ""


def read_csv(path: Path) -> Iterator[Item]:
    """A header row naming the columns (same names as JSONL), then one article per record."""
    source = str(path)
    header: list[str] | None = None
    for line, fields, error in _csv_rows(path):
        if fields is None:
            yield ReadError(source, line, error)
            continue
        if header is None:
            header = [name.strip().lower() for name in fields]
            if not any(name in header for name in FIELD_NAMES["body"]):
                yield ReadError(source, line, 'header has no "text" or "body" column')
                return
            continue
        if not any(cell.strip() for cell in fields):
            continue
        if len(fields) != len(header):
            yield ReadError(
                source, line, f"{len(fields)} columns where the header has {len(header)}"
            )
            continue
        yield record_from_row(dict(zip(header, fields, strict=True)), source=source, line=line)


def html_to_text(html: str | bytes) -> tuple[str, dict]:
    """The main text of an HTML page (trafilatura) and the metadata it declares.

    Paragraphs are separated by a blank line; a first line repeating the title is dropped.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None:
        return "", {}
    title = (doc.title or "").strip()
    lines = [line.strip() for line in (doc.text or "").split("\n") if line.strip()]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    meta: dict = {"title": title}
    if doc.url:
        meta["url"] = doc.url
    if doc.date:
        meta["published"] = doc.date
    if doc.sitename and doc.sitename != doc.hostname:
        meta["outlet"] = doc.sitename
    return "\n\n".join(lines), meta


def split_txt(text: str, fallback_title: str) -> tuple[str, str]:
    """(title, body) of a .txt file: the first line is the title when more text follows it."""
    text = text.strip()
    first, _, rest = text.partition("\n")
    if rest.strip() and len(first.strip()) <= 300:
        return first.strip(), rest.strip()
    return fallback_title, text


def _title_from_name(path: Path) -> str:
    return " ".join(path.stem.replace("_", " ").replace("-", " ").split()).capitalize()


def read_folder_metadata(folder: Path) -> tuple[dict[str, dict], list[ReadError]]:
    """``metadata.csv`` in ``folder``: a ``file`` column plus the JSONL field names."""
    path = folder / FOLDER_METADATA
    rows: dict[str, dict] = {}
    errors: list[ReadError] = []
    if not path.is_file():
        return rows, errors
    source = str(path)
    header = None
    for line, fields, error in _csv_rows(path):
        if fields is None:
            errors.append(ReadError(source, line, error))
            continue
        if header is None:
            header = [name.strip().lower() for name in fields]
            if "file" not in header:
                errors.append(ReadError(source, line, 'header has no "file" column'))
                return rows, errors
            continue
        if len(fields) != len(header):
            errors.append(
                ReadError(source, line, f"{len(fields)} columns where the header has {len(header)}")
            )
            continue
        row = dict(zip(header, fields, strict=True))
        rows[row["file"].strip()] = {"_where": (source, line), **row}
    return rows, errors


def read_document(path: Path, *, folder_metadata: dict | None = None) -> Item:
    """One .txt or .html file, with metadata from ``name.json`` beside it or ``metadata.csv``."""
    source = str(path)
    is_html = path.suffix.lower() in {".html", ".htm"}
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return ReadError(source, 1, f"cannot read: {exc.strerror}")
    if NUL.encode() in raw:
        return ReadError(source, 1, "contains a NUL character: not a text or HTML file?")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if not is_html:
            return ReadError(source, 1, f"not UTF-8 ({exc.reason})")
        text = raw  # trafilatura finds the page's own encoding (meta charset or guess)

    sidecar: dict = {}
    where = (source, 1)
    if folder_metadata and path.name in folder_metadata:
        sidecar = dict(folder_metadata[path.name])
        where = sidecar.pop("_where")
    json_path = path.with_suffix(".json")
    if json_path.is_file():
        try:
            loaded = json.loads(json_path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            return ReadError(str(json_path), getattr(exc, "lineno", 1), f"bad JSON sidecar: {exc}")
        if not isinstance(loaded, dict):
            return ReadError(str(json_path), 1, "sidecar must be a JSON object")
        sidecar.update(loaded)
        where = (str(json_path), 1)

    if is_html:
        body, html_meta = html_to_text(text)
        if not body:
            return ReadError(source, 1, "no main text found in the HTML")
        row = {**html_meta, **{k: v for k, v in sidecar.items() if v not in (None, "")}}
    else:
        if sidecar.get("title"):
            title, body = "", text.strip()  # the metadata names it: all of the file is text
        else:
            title, body = split_txt(text, _title_from_name(path))
        if not body:
            return ReadError(source, 1, "missing text (empty file)")
        row = {"title": title, **{k: v for k, v in sidecar.items() if v not in (None, "")}}
    try:
        meta = metadata_from_row(row)
    except BadField as exc:
        return ReadError(*where, str(exc))
    return make_record(source=source, line=1, body=body, **meta)


def read_folder(folder: Path) -> Iterator[Item]:
    """Every .txt/.html/.htm file under ``folder`` (recursively, in name order)."""
    metadata_by_folder: dict[Path, dict] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in DOCUMENT_SUFFIXES:
            continue
        parent = path.parent
        if parent not in metadata_by_folder:
            metadata_by_folder[parent], errors = read_folder_metadata(parent)
            yield from errors
        yield read_document(path, folder_metadata=metadata_by_folder[parent])


def read_path(path: Path) -> Iterator[Item]:
    """Whatever ``path`` is: a folder, a JSONL or CSV file, or a single .txt/.html file."""
    if path.is_dir():
        yield from read_folder(path)
        return
    if not path.exists():
        yield ReadError(str(path), 0, "no such file or folder")
        return
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path)
        elif suffix in CSV_SUFFIXES:
            yield from read_csv(path)
        elif suffix in DOCUMENT_SUFFIXES:
            metadata, errors = read_folder_metadata(path.parent)
            yield from errors
            yield read_document(path, folder_metadata=metadata)
        else:
            yield ReadError(str(path), 0, f"unknown file type {suffix or '(none)'!r}")
    except OSError as exc:
        yield ReadError(str(path), 0, f"cannot read: {exc.strerror or exc}")


def read_paths(paths: Iterable[Path]) -> Iterator[Item]:
    for path in paths:
        yield from read_path(Path(path))


# --- the import loop ----------------------------------------------------------------------


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
        from meetings import cache

        cache.publication_changed()

    result.seconds = time.perf_counter() - started
    return result


class ArticleInsert:
    """``article.save()`` for a new article, as one INSERT ... RETURNING id built once.

    Same columns and the same conversions as the ORM (each field's pre_save and
    get_db_prep_save), without compiling the query again for every row, which costs about as
    much as the database's own work. Falls back to ``save()`` when something listens to the
    model's save signals, so a receiver added later is never skipped (and then ``can_batch``
    is false: ``many`` would skip them).
    """

    def __init__(self):
        from django.db import connection

        from meetings.models import Article

        self.connection = connection
        meta = Article._meta
        self.fields = [f for f in meta.concrete_fields if not f.primary_key and not f.generated]
        quote = connection.ops.quote_name
        self.sql = "INSERT INTO {} ({}) VALUES ({}) RETURNING {}".format(
            quote(meta.db_table),
            ", ".join(quote(f.column) for f in self.fields),
            ", ".join(["%s"] * len(self.fields)),
            quote(meta.pk.column),
        )
        from django.db.models import signals

        self.use_save = any(
            signal.has_listeners(Article) for signal in (signals.pre_save, signals.post_save)
        )
        features = connection.features
        self.can_batch = (
            not self.use_save
            and features.can_return_rows_from_bulk_insert
            and features.supports_ignore_conflicts
        )
        # Rows per statement: SQLite caps the parameters of one query (32,766 by default).
        self.rows_per_statement = (features.max_query_params or 65535) // len(self.fields)
        self.quoted = {
            "table": quote(meta.db_table),
            "columns": ", ".join(quote(f.column) for f in self.fields),
            "row": "({})".format(", ".join(["%s"] * len(self.fields))),
            "returning": f"{quote(meta.get_field('slug').column)}, {quote(meta.pk.column)}",
        }

    def __call__(self, article) -> None:
        if self.use_save:
            article.save()
            return
        connection = self.connection
        params = [
            f.get_db_prep_save(f.pre_save(article, add=True), connection) for f in self.fields
        ]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            self.stored(article, cursor.fetchone()[0])

    def many(self, articles: list) -> dict[str, int]:
        """Insert ``articles`` with INSERT ... ON CONFLICT DO NOTHING; {slug: id} of those stored.

        A row that would break a unique constraint (URL, content hash or slug, taken by
        another writer since the chunk's checks) is skipped, not an error, and is missing
        from the answer: the caller finds out why. The slugs are distinct within the batch,
        so they name the rows (SQLite returns them in no particular order). Several
        statements when SQLite's parameter limit calls for it, each atomic.
        """
        connection = self.connection
        fields = self.fields
        inserted: dict[str, int] = {}
        step = self.rows_per_statement
        for start in range(0, len(articles), step):
            part = articles[start : start + step]
            params = [
                f.get_db_prep_save(f.pre_save(article, add=True), connection)
                for article in part
                for f in fields
            ]
            q = self.quoted
            sql = (
                f"INSERT INTO {q['table']} ({q['columns']}) VALUES "
                f"{', '.join([q['row']] * len(part))} "
                f"ON CONFLICT DO NOTHING RETURNING {q['returning']}"
            )
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                inserted.update(cursor.fetchall())
        return inserted

    def stored(self, article, pk: int) -> None:
        """Mark ``article`` as the saved row ``pk``, as ``save()`` would."""
        article.pk = pk
        article._state.adding = False
        article._state.db = self.connection.alias


class BackgroundWriter:
    """``ArticleInsert.many`` in a thread with its own connection, one batch at a time.

    psycopg2 lets go of the GIL while it waits for the database, so the main thread reads
    and checks the next chunk meanwhile. The writer's connection commits each statement on
    its own (autocommit), with the main connection's synchronous_commit (see
    ``relaxed_commits``).
    """

    def __init__(self, insert: ArticleInsert, hold_open: float = 0.0):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            synchronous_commit = cursor.fetchone()[0]
        self.insert = insert
        self.hold_open = hold_open
        self.executor = ThreadPoolExecutor(
            max_workers=1, initializer=self._connect, initargs=(synchronous_commit,)
        )

    @staticmethod
    def _connect(synchronous_commit: str) -> None:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('synchronous_commit', %s, false)", [synchronous_commit]
            )

    def _write(self, articles: list) -> dict[str, int]:
        inserted = self.insert.many(articles)
        if self.hold_open:
            time.sleep(self.hold_open)
        return inserted

    def submit(self, articles: list):
        return self.executor.submit(self._write, articles)

    def close(self) -> None:
        self.executor.submit(self._disconnect).result()
        self.executor.shutdown()

    @staticmethod
    def _disconnect() -> None:
        from django.db import connection  # the writer thread's own

        connection.close()


@contextmanager
def relaxed_commits():
    """Commits that do not wait for the disk, for this connection and only during the import.

    A commit per article would otherwise spend most of its time waiting for fsync. The trade
    (PostgreSQL: synchronous_commit = off; SQLite in WAL mode: synchronous = NORMAL): after a
    crash of the machine or the database server the last moment of commits may be lost, but
    never part of one, and the database stays consistent — the same as killing the import,
    which a re-run completes.
    """
    from django.db import connection

    if connection.in_atomic_block or connection.vendor not in {"postgresql", "sqlite"}:
        yield
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET synchronous_commit TO OFF")
            restore = "RESET synchronous_commit"
        else:
            cursor.execute("PRAGMA synchronous")
            restore = f"PRAGMA synchronous = {int(cursor.fetchone()[0])}"
            cursor.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(restore)


def _is_duplicate(model, record: ArticleRecord) -> bool:
    from django.db.models import Q

    query = Q(content_hash=record.content_hash)
    if record.url:
        query |= Q(url=record.url)
    return model.objects.filter(query).exists()


def _validation_message(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return " ".join(exc.messages)
