"""The kinds table (lexicon.MEETING_KINDS): every trigger pattern of the encounters stage is
derived from it, so a new kind or trigger is one line of data plus a test here."""

import re
from datetime import date

import pytest

from meetings.extraction import ArticleInput, extract, lexicon
from meetings.extraction.meetings import _KIND_KEYS, _TRIGGERS, KIND_RANK

# One phrase of our own for each kind, and the kind the derived patterns must find in it.
PHRASES = [
    ("spoke by phone with the minister", "call"),
    ("took part in a video conference", "call"),
    ("the leaders' summit opened", "summit"),
    ("held two rounds of talks with", "talks"),
    ("negotiated with the rebels", "talks"),
    ("sat down with her counterpart", "meeting"),
    ("received the envoy at the palace", "meeting"),
    ("arrived in Lima on Monday", "visit"),
    ("the minister is in Lima until Friday", "visit"),
    ("the leaders held a bilateral on Monday", "meeting"),
    ("joined him for a working lunch", "meeting"),
]


def kinds_found(phrase):
    return {kind for kind, pattern in _TRIGGERS if pattern.search(phrase)}


@pytest.mark.parametrize(("phrase", "kind"), PHRASES)
def test_each_kind_is_found_by_the_pattern_derived_from_its_triggers(phrase, kind):
    assert kind in kinds_found(phrase)


@pytest.mark.parametrize(("phrase", "kind"), PHRASES)
def test_a_phrase_that_triggers_a_kind_holds_one_of_its_cheap_keys(phrase, kind):
    # the substring test that spares a sentence the patterns must never skip a real trigger
    assert any(key in phrase.lower() for key in _KIND_KEYS[kind])


def test_kinds_rank_in_the_order_of_the_table_call_first_visit_last():
    assert sorted(KIND_RANK, key=KIND_RANK.get, reverse=True) == list(lexicon.MEETING_KINDS)
    assert list(lexicon.MEETING_KINDS) == ["call", "summit", "talks", "meeting", "visit"]


def test_every_trigger_line_compiles_on_its_own_and_every_kind_names_its_nouns():
    for spec in lexicon.MEETING_KINDS.values():
        for trigger in spec["triggers"]:
            re.compile(trigger)
        assert spec["nouns"] and spec["keys"]


def test_a_place_trigger_of_visits_is_case_sensitive():
    # "is in Lima from Monday" is a visit; "is in talks from ..." is not a place
    assert "visit" in kinds_found("is in Lima from Monday")
    assert "visit" not in kinds_found("is in talks from Monday")


def test_new_meeting_triggers_are_data_a_bilateral_and_a_working_lunch(empty_kb):
    for text in (
        "Chilean President Ana Torres and Peruvian President Luis Vera held a bilateral on Monday.",
        "Chilean President Ana Torres joined Peruvian President Luis Vera for a working lunch "
        "on Monday.",
        "Chilean President Ana Torres gave a dinner in honour of Peruvian President Luis Vera "
        "on Monday.",
    ):
        p = extract(ArticleInput(text=text, published=date(2024, 5, 10)), empty_kb)
        assert [(m.kind, m.date) for m in p.meetings] == [("meeting", date(2024, 5, 6))], text
