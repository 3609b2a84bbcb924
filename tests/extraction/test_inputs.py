"""What editors really paste: HTML entities, other languages. Texts written for these tests."""

from datetime import date

import pytest

from meetings.extraction import ArticleInput, extract
from meetings.extraction.text import decode_entities, language_guess

ENTITY_TEXT = (
    "Austrian Foreign Minister Karl Weber met Norwegian Foreign Minister Ingrid Dahl in "
    "Vienna on Thursday to discuss R&amp;D and fisheries.\n\n"
    "&ldquo;We agreed to meet again before the summer,&rdquo; Weber told reporters. "
    "Dahl said it was &#8220;a good day for the north&#8221;, and Weber&#8217;s team agreed."
)


def test_decoding_maps_every_decoded_offset_back_into_the_stored_text():
    raw = "He said &ldquo;AT&T and R&amp;D&rdquo; &#x2019;"
    decoded, entities = decode_entities(raw)
    assert decoded == "He said “AT&T and R&D” ’"
    start = decoded.index("AT&T")
    end = decoded.index("”") + 1
    assert raw[slice(*entities.span((start, end)))] == "AT&T and R&amp;D&rdquo;"
    quote = decoded.index("“")
    assert raw[slice(*entities.span((quote, quote + 1)))] == "&ldquo;"
    assert entities.span((0, len(decoded))) == (0, len(raw))


@pytest.mark.parametrize("text", ["AT&T and R&D", "Tom & Jerry", "&nosuchthing; &amp", ""])
def test_ampersands_that_are_not_entities_are_left_alone(text):
    decoded, entities = decode_entities(text)
    assert decoded == text
    assert not entities


def test_entity_quote_marks_are_paired_and_spans_point_into_the_stored_text(empty_kb):
    proposal = extract(ArticleInput(text=ENTITY_TEXT, published=date(2024, 3, 8)), empty_kb)

    quotes = {st.text: st for st in proposal.statements if st.kind != "paraphrase"}
    assert "We agreed to meet again before the summer" in quotes
    first = quotes["We agreed to meet again before the summer"]
    assert first.speaker == "Karl Weber"
    assert ENTITY_TEXT[slice(*first.span)] == "We agreed to meet again before the summer"
    (meeting,) = proposal.meetings
    assert ENTITY_TEXT[slice(*meeting.span)].endswith("to discuss R&amp;D and fisheries.")
    for actor in proposal.actors:
        for start, end in actor.spans:
            assert "&" not in ENTITY_TEXT[start:end]
            assert ENTITY_TEXT[start:end].split()[-1] in actor.name + " " + " ".join(actor.aliases)


def test_text_without_entities_extracts_as_before(empty_kb):
    plain = ENTITY_TEXT.replace("&ldquo;", "“").replace("&rdquo;", "”")
    plain = plain.replace("&#8220;", "“").replace("&#8221;", "”").replace("&#8217;", "’")
    plain = plain.replace("&amp;", "&")
    with_entities = extract(ArticleInput(text=ENTITY_TEXT, published=date(2024, 3, 8)), empty_kb)
    without = extract(ArticleInput(text=plain, published=date(2024, 3, 8)), empty_kb)
    assert [st.text for st in with_entities.statements] == [st.text for st in without.statements]
    assert [a.name for a in with_entities.actors] == [a.name for a in without.actors]


RUSSIAN = (
    "Министр иностранных дел встретился со своим коллегой в столице во вторник. Стороны "
    "обсудили торговлю, энергетику и безопасность в регионе и договорились встретиться снова "
    "летом, сообщило министерство."
)
SPANISH = (
    "El ministro de Asuntos Exteriores se reunió el martes con su homólogo en la capital. Los "
    "dos hablaron de la cooperación entre los países y de los acuerdos que firmaron, y dijo "
    "que se verán otra vez en el verano."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (RUSSIAN, "Russian"),
        (SPANISH, "Spanish"),
        ("Міністр закордонних справ зустрівся з колегою у вівторок. " * 4, "Ukrainian"),
        ("外交部长周二在首都会见了来访的外长，双方讨论了合作与安全问题。" * 3, "Chinese"),
    ],
)
def test_a_text_not_in_english_is_named_by_its_language(text, language):
    assert language_guess(text) == language


def test_english_with_a_quote_in_another_language_is_english():
    text = (
        "The foreign minister met his counterpart in the capital on Tuesday. He said: "
        "“La cooperación entre los dos países es muy importante para nosotros.” The two "
        "signed three agreements on trade and energy, the ministry said."
    )
    assert language_guess(text) is None


def test_a_short_text_is_never_judged():
    assert language_guess("Los dos ministros.") is None


def test_a_text_not_in_english_gets_an_empty_proposal_and_a_note(empty_kb):
    proposal = extract(ArticleInput(text=RUSSIAN, published=date(2024, 3, 8)), empty_kb)
    assert (proposal.actors, proposal.meetings, proposal.statements) == ([], [], [])
    assert proposal.notes == ["This article looks like Russian; extraction reads English."]


def test_an_english_text_gets_no_note(empty_kb):
    proposal = extract(ArticleInput(text=ENTITY_TEXT, published=date(2024, 3, 8)), empty_kb)
    assert proposal.notes == []
