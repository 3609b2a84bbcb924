"""Readers for JSONL, CSV and folders of .txt/.html files, and for one uploaded file.

Plain Python: they turn files into ``ArticleRecord`` (a well-formed article) or ``ReadError``
(a malformed row, with its file and line) and never touch the database.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from meetings.importing.urlnorm import normalise_url
from meetings.text import normalize_line_ends

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
    return normalise_url(value)


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
    body = normalize_line_ends(body)
    return ArticleRecord(source=source, line=line, title=title, body=body, **meta)


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


def article_text_from_upload(*, name: str, data: bytes) -> tuple[str, str]:
    """(title, text) of a file uploaded in the admin: a .txt file's text as it is, an HTML
    page reduced to its main text the way the import reads one (``html_to_text``)."""
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        text, meta = html_to_text(data)  # trafilatura finds the page's own encoding
        return meta.get("title", ""), text
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raw = data.decode("cp1252", errors="replace")
    return "", normalize_line_ends(raw).strip()
