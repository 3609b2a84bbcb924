"""Quote marks and cue patterns editors meet in pasted text (issue 11, category 4), with
sentences written for these tests."""

import pytest

from meetings.extraction import lexicon, quotes
from meetings.extraction.document import document
from meetings.extraction.mentions import analyze
from meetings.extraction.quotemarks import find_quote_spans, quote_text
from meetings.extraction.quotes import find_statements

MET = "Peruvian President Luis Vera met Chilean President Ana Torres in Lima on Monday. "


def quoted(text):
    return [text[slice(*quote_text(text, q))] for q in find_quote_spans(text)]


def attributed(kb, text):
    doc = document(text)
    analysis = analyze(doc, kb)
    return [(st.text, analysis.entities[st.speaker].name) for st in find_statements(doc, analysis)]


@pytest.mark.parametrize(
    "text",
    [
        "„We are ready to work together“, Vera said.",  # German low-high marks
        "“We are ready to work together“, Vera said.",  # a slip: the opening mark twice
        "”We are ready to work together”, Vera said.",  # Swedish style: the closing mark twice
        "''We are ready to work together,'' Vera said.",  # two apostrophes for a double mark
        "`We are ready to work together,' Vera said.",  # typewriter single quotes
    ],
)
def test_unusual_quote_mark_pairs_hold_one_quote(text):
    assert quoted(text) == ["We are ready to work together"]


def test_an_apostrophe_after_a_word_is_not_an_opening_mark():
    text = "Chile’s offer, “a fair one”, came after Peru’s reply."
    assert quoted(text) == ["a fair one"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (MET + "“We are ready to work together” Vera noted.", "We are ready to work together"),
        (MET + "“We are ready to work together.” Vera said.", "We are ready to work together."),
        (
            MET + '"We are ready to work together," Vera underlined.',
            "We are ready to work together",
        ),
        (MET + '"We are ready to work together," Vera remarked.', "We are ready to work together"),
        (MET + '"We are ready to work together," as Vera put it.', "We are ready to work together"),
        (MET + '"We are ready to work together," noted Vera.', "We are ready to work together"),
    ],
)
def test_cue_patterns_after_the_quote_name_the_speaker(empty_kb, text, words):
    assert attributed(empty_kb, text) == [(words, "Luis Vera")]


@pytest.mark.parametrize("verb", ["underlined", "remarked", "observed", "explained", "replied"])
def test_a_new_name_before_a_less_common_cue_verb_is_the_speaker(empty_kb, verb):
    text = MET + f'"Both sides gained from the talks," Adeyemi {verb}.'
    assert attributed(empty_kb, text) == [("Both sides gained from the talks", "Adeyemi")]


def test_a_new_name_cue_is_one_line_of_the_reporting_verb_table():
    for verb in ("underlined", "remarked", "observed"):
        assert "name-first" in lexicon.REPORTING_VERBS[verb]
        assert quotes._NAME_THEN_CUE.match(f", Adeyemi {verb}.")


def test_a_quote_inside_a_quote_is_part_of_the_outer_one():
    text = "The ministry said, “Both sides backed “stable ties” and “open trade” today.”"
    assert quoted(text) == ["Both sides backed “stable ties” and “open trade” today."]


def test_a_stray_opening_mark_before_a_quote_makes_no_quote_of_the_paragraph():
    text = "The “old guard wing met on Monday. Vera called it “a good day” for all."
    assert quoted(text) == ["a good day"]


def test_a_quote_run_on_into_a_paragraph_that_does_not_open_with_a_mark():
    text = (
        '"The region faces many challenges, and we must meet them together.\n'
        "That is why today's talks were useful and constructive,\" Vera told reporters."
    )
    assert quoted(text) == [
        "The region faces many challenges, and we must meet them together.",
        "That is why today's talks were useful and constructive",
    ]


def test_a_paragraph_after_an_unclosed_quote_without_a_closing_mark_is_not_a_quote():
    text = '"The region faces many challenges.\nVera then left for Quito with his team.'
    assert quoted(text) == ["The region faces many challenges."]


def test_each_paragraph_of_a_run_on_quote_goes_to_the_speaker(empty_kb):
    text = (
        MET + '"The region faces many challenges, and we must meet them together.\n'
        "That is why today's talks were useful and constructive,\" Vera told reporters."
    )
    assert [speaker for _t, speaker in attributed(empty_kb, text)] == ["Luis Vera", "Luis Vera"]
