"""Bulk import of articles: readers for files (``readers``, pure: no database), the fast
article writer (``writer``) and the import run (``run``). Everything commands and tests use
is re-exported here."""

from meetings.importing.readers import (
    ArticleRecord,
    ReadError,
    article_text_from_upload,
    html_to_text,
    read_csv,
    read_document,
    read_folder,
    read_jsonl,
    read_path,
    read_paths,
)
from meetings.importing.run import ImportResult, import_records
from meetings.importing.writer import ArticleInsert, BackgroundWriter, relaxed_commits

__all__ = [
    "ArticleInsert",
    "ArticleRecord",
    "BackgroundWriter",
    "ImportResult",
    "ReadError",
    "article_text_from_upload",
    "html_to_text",
    "import_records",
    "read_csv",
    "read_document",
    "read_folder",
    "read_jsonl",
    "read_path",
    "read_paths",
    "relaxed_commits",
]
