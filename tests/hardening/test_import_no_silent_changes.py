"""An import stores what the file says or reports the row; it never changes it silently
(issue 12, item 9): a 1,000-character title was cut to 400, and "text": 12345 was stored as
the text "12345"."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from meetings.models import Article

pytestmark = pytest.mark.django_db


def row(n: int, **fields) -> dict:
    return {
        "title": f"Envoys meet, part {n}",
        "text": f"Envoy {n} from Norland met a Sudrian envoy in Vienna on Monday.",
        "source_url": f"https://example.org/envoys/{n}",
        **fields,
    }


def run(*paths) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_title_too_long_and_a_number_for_text_are_bad_rows(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [row(1, title="Long " * 200), row(2, text=12345), row(3, outlet=7), row(4)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out, err = run(path)
    assert out.startswith("Imported 1, skipped 0 (duplicates), failed 3")
    assert err.splitlines() == [
        f"{path}:1: title is 999 characters long; at most 400 fit",
        f"{path}:2: text must be a string, not a number (12345)",
        f"{path}:3: outlet must be a string, not a number (7)",
    ]
    assert list(Article.objects.values_list("url", flat=True)) == ["https://example.org/envoys/4"]


def test_a_title_of_exactly_the_limit_is_stored_whole(tmp_path):
    title = ("Envoys " * 60)[:400].strip()
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(row(1, title=title)) + "\n", encoding="utf-8")
    out, err = run(path)
    assert err == ""
    assert Article.objects.get().title == title


def test_a_long_title_in_a_csv_is_a_bad_row(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(f"title,text\n{'T' * 1000},Envoys met.\nShort,Envoys met again.\n")
    out, err = run(path)
    assert err == f"{path}:2: title is 1,000 characters long; at most 400 fit\n"
    assert list(Article.objects.values_list("title", flat=True)) == ["Short"]
