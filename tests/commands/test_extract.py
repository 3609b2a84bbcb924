"""``manage.py extract``: the evaluation contract, and it writes nothing to the database."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from meetings.models import (
    Actor,
    ActorSuggestion,
    Alias,
    Article,
    Evidence,
    Meeting,
    Participation,
    Position,
    RejectedLink,
    Statement,
)
from tests.proposals import BODY

pytestmark = pytest.mark.django_db

TABLES = [
    Actor,
    ActorSuggestion,
    Alias,
    Article,
    Evidence,
    Meeting,
    Participation,
    Position,
    RejectedLink,
    Statement,
]


def run(path, *, fails=False):
    out, err = io.StringIO(), io.StringIO()
    if fails:
        with pytest.raises(CommandError, match="failed") as raised:
            call_command("extract", str(path), stdout=out, stderr=err)
        assert raised.value.returncode == 1
    else:
        call_command("extract", str(path), stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_extract_prints_one_line_per_article_in_order_and_writes_nothing(tmp_path, fake_pipeline):
    path = tmp_path / "articles.jsonl"
    rows = [
        {"id": "a-1", "text": BODY, "title": "One", "published": "2024-03-08"},
        {"id": "a-2", "text": BODY, "dateline": "VIENNA, March 8", "gold": {"ignored": True}},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    before = {m.__name__: m.objects.count() for m in TABLES}

    with CaptureQueriesContext(connection) as queries:
        lines, err = run(path)

    assert [line["id"] for line in lines] == ["a-1", "a-2"]
    first = lines[0]
    assert first["meetings"][0]["participants"] == ["Karl Weber", "Ingrid Dahl"]
    assert first["meetings"][0]["date"] == "2024-03-07"
    assert first["meetings"][0]["location_city"] == "Vienna"
    assert {"name": "Ingrid Dahl", "type": "person", "country": "NO"} in first["actors"]
    assert first["quotes"][0] == {
        "speaker": "Karl Weber",
        "text": "We agreed to meet again before the summer,",
    }
    assert err == ""
    assert {m.__name__: m.objects.count() for m in TABLES} == before
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_a_malformed_line_keeps_the_output_aligned_is_reported_and_the_exit_status_is_1(
    tmp_path, fake_pipeline
):
    path = tmp_path / "articles.jsonl"
    path.write_text(
        json.dumps({"id": "ok-1", "text": BODY})
        + "\n{not json\n"
        + json.dumps({"id": "no-text"})
        + "\n\n"
        + json.dumps({"id": "ok-2", "text": BODY})
        + "\n"
    )
    lines, err = run(path, fails=True)
    assert [line["id"] for line in lines] == ["ok-1", None, "no-text", "ok-2"]
    assert lines[1]["meetings"] == [] and "error" in lines[1]
    assert lines[2]["quotes"] == [] and "error" in lines[2]
    assert "line 2:" in err and "line 3:" in err
    assert "error" not in lines[3]


def test_every_line_malformed_exits_1_and_prints_a_line_for_each(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("{not json\n[1, 2]\n")
    lines, err = run(path, fails=True)
    assert [line["error"].split(":")[0] for line in lines] == ["JSONDecodeError", "ValueError"]
    assert "line 1: JSONDecodeError" in err and "line 2: ValueError" in err


def test_a_malformed_published_date_is_ignored_with_a_warning(tmp_path, weber):
    path = tmp_path / "a.jsonl"
    rows = [
        {"id": "bad-date", "text": BODY, "published": "2024-13-45"},
        {"id": "odd-type", "text": BODY, "published": 20240308},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    lines, err = run(path)
    assert [line["id"] for line in lines] == ["bad-date", "odd-type"]
    assert all("error" not in line for line in lines)
    assert lines[0]["meetings"][0]["participants"] == ["Karl Weber", "Ingrid Dahl"]
    assert "line 1: 'published' ignored: '2024-13-45' is not an ISO date" in err
    assert "line 2: 'published' ignored: 20240308 is not an ISO date" in err


def test_a_text_not_in_english_gets_a_note_in_its_line_and_on_stderr(tmp_path, weber):
    text = (
        "Министр иностранных дел встретился со своим коллегой в столице во вторник. Стороны "
        "обсудили торговлю, энергетику и безопасность в регионе, сообщило министерство."
    )
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "ru-1", "text": text}) + "\n")
    lines, err = run(path)
    note = "This article looks like Russian; extraction reads English."
    assert lines == [{"id": "ru-1", "meetings": [], "actors": [], "quotes": [], "notes": [note]}]
    assert f"line 1: {note}" in err


def test_extract_refuses_to_write_even_if_the_pipeline_tried(tmp_path, monkeypatch):
    from meetings import services

    def writes(*, article, kb=None):
        Actor.objects.create(name="Sneaky", slug="sneaky")

    monkeypatch.setattr(services, "article_propose", writes)
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Text."}) + "\n")
    with pytest.raises(Exception, match="writes nothing"), transaction.atomic():
        run(path)
    assert not Actor.objects.filter(slug="sneaky").exists()


def test_extract_reads_the_knowledge_base_from_the_database(tmp_path, monkeypatch, weber):
    from meetings import services

    seen = {}

    def propose(*, article, kb=None):
        seen["actor"] = kb.actor(weber.pk)
        from meetings.extraction import Proposal

        return Proposal()

    monkeypatch.setattr(services, "article_propose", propose)
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Text."}) + "\n")
    lines, _ = run(path)
    assert lines == [{"id": "x", "meetings": [], "actors": [], "quotes": []}]
    assert seen["actor"].name == "Karl Weber"
