"""Institutions as speakers (issue 11, category 3): a statement, a readout or a ministry
speaks for the body, which is an organisation, not its state. Sentences written for these
tests."""

import pytest

from meetings.extraction.document import document
from meetings.extraction.mentions import analyze
from meetings.extraction.quotes import find_statements

MET = "Chilean President Ana Torres met Peruvian President Luis Vera in Lima on Monday. "


def speakers(kb, text):
    """(speaker's name, its kind, rule) of each quote find_statements attributes."""
    doc = document(text)
    analysis = analyze(doc, kb)
    out = []
    for st in find_statements(doc, analysis):
        ent = analysis.entities[st.speaker]
        out.append((ent.name, ent.kind, st.rule))
    return out


@pytest.mark.parametrize(
    "sentence",
    [
        'The presidency said in a statement that the talks were "frank and useful".',
        '"The talks were frank and useful," the presidency said in a statement.',
        '"The talks were frank and useful," a statement from the presidency said.',
    ],
)
def test_the_presidency_speaks_before_or_after_its_words(empty_kb, sentence):
    [(name, kind, rule)] = speakers(empty_kb, MET + sentence)
    assert (name.lower(), kind, rule) == ("presidency", "organization", "quote-institution")


def test_according_to_a_body_gives_it_the_quote_later_in_the_sentence(empty_kb):
    text = MET + 'According to the Peruvian foreign ministry, the leaders "agreed to meet again".'
    [(name, kind, rule)] = speakers(empty_kb, text)
    assert (kind, rule) == ("organization", "quote-according-to")
    assert "ministry" in name.lower()


def test_according_to_a_body_does_not_override_a_speaker_with_a_cue(empty_kb):
    text = MET + 'According to the Peruvian foreign ministry, Vera said he was "hopeful".'
    assert [name for name, _k, _r in speakers(empty_kb, text)] == ["Luis Vera"]


def test_a_bodys_readout_speaks_for_the_body(empty_kb):
    text = MET + 'The Peruvian foreign ministry\'s readout said the leaders "agreed to meet".'
    [(name, kind, _rule)] = speakers(empty_kb, text)
    assert kind == "organization" and "ministry" in name.lower()


@pytest.mark.parametrize(
    "sentence",
    [
        '"Both sides agreed to meet again," Peru\'s foreign ministry said.',
        'India\'s foreign ministry said the visit would "open a new chapter".',
        'In a statement, the Kenyan foreign ministry said: "We welcome the visit."',
    ],
)
def test_a_ministry_named_with_its_country_is_the_organisation_not_the_state(empty_kb, sentence):
    [(name, kind, _rule)] = speakers(empty_kb, MET + sentence)
    assert kind == "organization" and "ministry" in name.lower()


@pytest.mark.parametrize(
    "text",
    [
        '"We welcome the visit," the foreign ministry of India said.',
        'The foreign ministry of India said the visit would "open a new chapter".',
    ],
)
def test_a_body_with_its_country_after_it_is_that_countrys_organisation(empty_kb, text):
    doc = document(text)
    analysis = analyze(doc, empty_kb)
    [st] = find_statements(doc, analysis)
    speaker = analysis.entities[st.speaker]
    assert (speaker.kind, speaker.country, st.rule) == ("organization", "IN", "quote-institution")


def test_the_government_of_a_country_is_the_state(empty_kb):
    [(name, kind, _rule)] = speakers(
        empty_kb, '"We welcome the visit," the government of India said.'
    )
    assert (name, kind) == ("India", "state")


@pytest.mark.parametrize(
    "sentence",
    [
        'A spokesman for the Peruvian foreign ministry said the talks were "frank and useful".',
        '"The talks were frank and useful," a spokeswoman for the Peruvian foreign ministry said.',
        'An official of Peru\'s Ministry of Foreign Affairs said the talks were "frank".',
    ],
)
def test_a_spokesperson_for_a_body_gives_the_body_the_words(empty_kb, sentence):
    [(name, kind, rule)] = speakers(empty_kb, MET + sentence)
    assert kind == "organization" and "ministry" in name.lower()
    assert rule.endswith("+spokesperson-for-body")


def test_a_spokesperson_for_a_person_gives_the_person_no_words(empty_kb):
    text = MET + '"It was a success," a spokesperson for Vera said.'
    assert speakers(empty_kb, text) == []


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (
            'The Peruvian foreign ministry issued a statement on Monday. "Both sides agreed to '
            'meet again," the statement reads.',
            "peruvian foreign ministry",
        ),
        (
            "Torres met the alliance's envoy on Monday, NATO said in a press release. "
            '"The envoy thanked Chile for its help," the press release read.',
            "nato",
        ),
        (
            'NATO chief Jens Berg met Torres on Monday. "It went well," the alliance said in a '
            'press release. "Berg thanked Chile for its help," the press release read.',
            "nato",
        ),
        (
            'Peru and Chile issued a joint statement on Monday. "Both sides agreed to deepen '
            'cooperation," the statement said.',
            "peru",
        ),
    ],
)
def test_a_document_speaks_for_the_issuer_its_own_clause_names(kb, text, issuer):
    said = speakers(kb, text)
    assert (said[-1][0].lower(), said[-1][2]) == (issuer, "quote-document-issuer")
