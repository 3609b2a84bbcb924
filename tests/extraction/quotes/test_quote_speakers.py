"""The speaker of a quote is the subject of its cue verb, not the nearest name (issue 11,
categories 3 and 6), tested at the stage: Document -> Analysis -> find_statements. Every
sentence here is written for these tests, in the styles of a wire story, a readout and a
newspaper."""

import pytest

from meetings.extraction import ArticleInput, extract
from meetings.extraction.document import document
from meetings.extraction.mentions import analyze
from meetings.extraction.quotes import find_statements

MET = "Peruvian President Luis Vera met Chilean President Ana Torres in Lima on Monday. "


def attributed(kb, text):
    """(quoted text, speaker's name, rule) of each quote find_statements attributes."""
    doc = document(text)
    analysis = analyze(doc, kb)
    return [
        (st.text, analysis.entities[st.speaker].name, st.rule)
        for st in find_statements(doc, analysis)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        'Vera, after meeting Torres, said the talks had been "excellent".',
        'Vera, standing beside Torres at the palace, called the deal "a milestone".',
        'The Peruvian president, in talks with Torres, stressed that "trade comes first".',
    ],
)
def test_a_clause_between_commas_before_the_cue_is_not_its_subject(empty_kb, sentence):
    [(_text, speaker, rule)] = attributed(empty_kb, MET + sentence)
    assert (speaker, rule) == ("Luis Vera", "quote-subject-of-cue")


def test_an_apposition_before_the_cue_is_the_speaker(empty_kb):
    text = MET + 'The spokeswoman, Carla Ruiz, said the visit was "long overdue".'
    assert [s for _t, s, _r in attributed(empty_kb, text)] == ["Carla Ruiz"]


def test_nobody_named_before_the_clause_gives_no_speaker_rather_than_the_one_inside(empty_kb):
    # "The host" is nobody the text names: the person inside the clause must not speak.
    text = 'Ana Torres arrived on Monday. The host, after greeting Torres, called it "a joy".'
    assert attributed(empty_kb, text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        'He told the Chilean president: "The door is open to you."',
        'Vera told Torres: "The door is open to you."',
        'Vera later told Chile\'s president that "the door is open".',
    ],
)
def test_the_one_told_is_the_addressee_not_the_speaker(empty_kb, sentence):
    [(_text, speaker, _rule)] = attributed(empty_kb, MET + sentence)
    assert speaker == "Luis Vera"


def test_a_name_right_after_said_still_speaks(empty_kb):
    text = MET + 'If trade grows, said Ana Torres, "both peoples" will gain.'
    assert [s for _t, s, _r in attributed(empty_kb, text)] == ["Ana Torres"]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            '"The two leaders agreed to meet again," a statement from Chile\'s presidency said.',
            "Chile's presidency",
        ),
        (
            'The Ministry of Foreign Affairs of Peru said: "We welcome the visit."',
            "Ministry of Foreign Affairs",
        ),
        (
            '"We welcome the visit," the Ministry of Foreign Affairs of Peru said on Friday.',
            "Ministry of Foreign Affairs",
        ),
    ],
)
def test_the_body_speaks_not_the_state_inside_its_name(empty_kb, text, body):
    [(_text, speaker, _rule)] = attributed(empty_kb, text)
    assert speaker == body


def test_a_foreign_ministry_named_by_its_country_is_an_organisation_speaker(empty_kb):
    text = 'India\'s foreign ministry said the talks had been "frank and useful".'
    doc = document(text)
    analysis = analyze(doc, empty_kb)
    [st] = find_statements(doc, analysis)
    assert analysis.entities[st.speaker].kind == "organization"


@pytest.mark.parametrize(
    "text",
    [
        'The minister arrived in Lima. "We are ready," he told Peru\'s president.',
        'The envoy landed on Monday. "We are ready," she told Vera.',
    ],
)
def test_the_one_told_after_a_quote_is_never_its_speaker(empty_kb, text):
    assert attributed(empty_kb, text) == []


@pytest.mark.parametrize(
    "text",
    [
        '"We are ready," Peru\'s president said.',
        'Chile\'s new envoy said the two nations were "natural partners".',
    ],
)
def test_a_possessor_is_not_the_speaker(empty_kb, text):
    assert attributed(empty_kb, text) == []


def test_two_people_speaking_as_one_give_the_first_with_a_low_confidence(empty_kb):
    text = MET + 'Vera and Torres said in a joint statement that ties were "stronger than ever".'
    doc = document(text)
    analysis = analyze(doc, empty_kb)
    [st] = find_statements(doc, analysis)
    assert (analysis.entities[st.speaker].name, st.rule) == ("Luis Vera", "quote-joint-speakers")
    assert st.confidence < 0.5


@pytest.mark.parametrize(
    "text",
    [
        MET + '"She is a true friend," the minister said of Torres.',
        MET + '"We agreed on a great deal," they said after meeting Torres.',
    ],
)
def test_a_name_after_a_cue_that_has_its_own_subject_does_not_speak(empty_kb, text):
    assert attributed(empty_kb, text) == []


@pytest.mark.parametrize(
    "text",
    [
        MET + '"We agreed on a great deal," said Peruvian President Luis Vera.',
        MET + '"We agreed on a great deal," said the president, Luis Vera.',
        MET + '"We agreed on a great deal", according to Vera.',
    ],
)
def test_a_name_right_after_an_inverted_cue_speaks(empty_kb, text):
    assert [s for _t, s, _r in attributed(empty_kb, text)] == ["Luis Vera"]


def test_a_counterpart_named_after_with_does_not_break_the_quote_chain(kb):
    text = (
        "“We welcome our friends to Lima,” Foreign Minister Ana Ruiz said before the talks "
        "with her Kenyan counterpart. “We are sure the visit will be a success.”"
    )
    got = extract(ArticleInput(text=text), kb).statements
    assert [(s.speaker, s.rule.split("+")[0]) for s in got] == [
        ("Ana Ruiz", "quote-after-cue"),
        ("Ana Ruiz", "quote-continued"),
    ]


def test_a_new_subject_between_two_quotes_breaks_the_chain(kb):
    text = (
        "“We welcome our friends,” Foreign Minister Ana Ruiz said. Her Kenyan counterpart "
        "disagreed. “We are not sure.”"
    )
    got = extract(ArticleInput(text=text), kb).statements
    assert [s.speaker for s in got if s.text.startswith("We are not")] != ["Ana Ruiz"]


def test_she_is_not_the_king_named_last(kb):
    text = (
        "Foreign Minister Ana Ruiz flew to Lamu, where she was received by King Tom Otieno.\n\n"
        "Afterwards she told journalists that the dinner with the King had been cordial.\n\n"
        "“We had a wide range of talks, most of it about fisheries.”"
    )
    got = extract(ArticleInput(text=text), kb).statements
    quoted = [s for s in got if s.text.startswith("We had")]
    assert [s.speaker for s in quoted] == ["Ana Ruiz"]
    assert quoted[0].rule.startswith("quote-follow-on-paraphrase")


def test_he_is_not_the_spokeswoman(kb):
    text = (
        "President Tom Otieno arrived in Lima on Monday. Spokeswoman Ana Ruiz met him at the "
        "airport. He said the visit was useful."
    )
    got = extract(ArticleInput(text=text), kb).statements
    assert [s.speaker for s in got] == ["Tom Otieno"]
