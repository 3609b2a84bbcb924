"""Quotes whose speaker is named in another paragraph or line (issue 11, category 4):
follow-on paragraphs, signature lines, "Name:" before a quote. Sentences written for these
tests."""

import pytest

from meetings.extraction.document import document
from meetings.extraction.mentions import analyze
from meetings.extraction.quotes import find_statements

MET = "Peruvian President Luis Vera met Chilean President Ana Torres in Lima on Monday.\n"
WORDS = "We are ready to work together and we will begin with energy."


def attributed(kb, text):
    doc = document(text)
    analysis = analyze(doc, kb)
    return [
        (st.text, analysis.entities[st.speaker].name, st.rule, st.confidence)
        for st in find_statements(doc, analysis)
    ]


@pytest.mark.parametrize(
    "said",
    [
        "Vera told reporters the talks had gone well.",
        "Vera said that both sides wanted more trade with Chile.",
        "The talks went well, Vera said.",
    ],
)
def test_a_quote_paragraph_after_a_reported_one_continues_its_speaker(empty_kb, said):
    text = MET + said + "\n" + f'"{WORDS}"'
    [(_words, speaker, rule, confidence)] = attributed(empty_kb, text)
    assert (speaker, rule) == ("Luis Vera", "quote-follow-on-paraphrase")
    assert confidence < 0.65  # the least sure of the quote rules


@pytest.mark.parametrize(
    "said",
    [
        "Vera told Torres that the talks had gone well.",  # two people: who speaks next?
        "The two leaders discussed trade and energy.",  # nobody reported as speaking
    ],
)
def test_no_follow_on_speaker_when_the_paragraph_before_is_not_one_persons_words(empty_kb, said):
    assert attributed(empty_kb, MET + said + "\n" + f'"{WORDS}"') == []


def test_a_follow_on_paragraph_with_its_own_cue_is_not_carried_over(empty_kb):
    text = MET + "Vera told reporters the talks had gone well.\n" + f'"{WORDS}" a source said.'
    assert attributed(empty_kb, text) == []


@pytest.mark.parametrize(
    "signature",
    ["Luis Vera", "— President Luis Vera", "- Luis Vera, President of Peru"],
)
def test_a_signature_line_after_a_quote_names_its_speaker(empty_kb, signature):
    text = MET + f'"{WORDS}"\n' + signature
    [(_words, speaker, rule, _c)] = attributed(empty_kb, text)
    assert (speaker, rule) == ("Luis Vera", "quote-signature-line")


def test_a_sentence_after_a_quote_is_not_a_signature(empty_kb):
    assert attributed(empty_kb, MET + f'"{WORDS}"\nLuis Vera left for Quito on Tuesday') == []


@pytest.mark.parametrize("name", ["Vera", "President Vera", "Luis Vera"])
def test_a_name_and_a_colon_before_a_quote_name_its_speaker(empty_kb, name):
    text = MET + f'{name}: "{WORDS}"'
    [(_words, speaker, rule, _c)] = attributed(empty_kb, text)
    assert (speaker, rule) == ("Luis Vera", "quote-name-colon")


def test_a_country_and_a_colon_is_a_heading_not_a_speaker(empty_kb):
    assert attributed(empty_kb, f'Talks in Lima. Peru: "{WORDS}"') == []
