"""Speaker and name rules, each tested on its own with short sentences written for these
tests (issue 11: a bare surname, a namesake, an institution, an unusual cue)."""

from datetime import date

import pytest

from meetings.extraction import ArticleInput, KBActor, KBAlias, KBPosition, KnowledgeBase, extract


@pytest.fixture(scope="module")
def namesake_kb(state_actors):
    """States plus a head of state known by a surname that many other people share."""
    president = KBActor(
        id=501,
        name="Moon Haneul",
        kind="person",
        country="KR",
        aliases=(KBAlias("Moon"),),
        positions=(KBPosition(title="President of South Korea", country="KR"),),
    )
    minister = KBActor(
        id=502,
        name="Sergey Ostrov",
        kind="person",
        country="RU",
        aliases=(KBAlias("Ostrov"),),
    )
    return KnowledgeBase([*state_actors, president, minister])


def run(kb, text, **kw):
    return extract(ArticleInput(text=text, **kw), kb)


def speakers(proposal):
    return [(s.text, s.speaker) for s in proposal.statements if s.kind != "paraphrase"]


def test_surname_followed_by_another_given_name_is_not_the_kb_person(namesake_kb):
    text = 'Moon Jisoo, a deputy spokeswoman, said: "We expect an answer soon."'
    p = run(namesake_kb, text)
    assert speakers(p) == [("We expect an answer soon.", "Moon Jisoo")]
    assert all(a.actor_id != 501 for a in p.actors)


def test_surname_after_another_given_name_is_not_the_kb_person(namesake_kb):
    p = run(namesake_kb, 'Minsu Moon, the ministry spokesman, said: "Nothing has changed."')
    assert speakers(p) == [("Nothing has changed.", "Minsu Moon")]


def test_bare_surname_binds_to_the_full_name_given_later_in_the_text(namesake_kb):
    text = (
        'The spokeswoman Moon told reporters: "The talks will go on."\n\n'
        "Moon Jisoo also said the envoy would travel next week."
    )
    p = run(namesake_kb, text)
    assert speakers(p) == [("The talks will go on.", "Moon Jisoo")]


def test_other_spelling_of_the_given_name_still_binds_to_the_kb_person(namesake_kb):
    p = run(namesake_kb, 'Sergei Ostrov said: "We are ready."', published=date(2024, 1, 5))
    assert [(s.speaker, s.speaker_id) for s in p.statements][:1] == [("Sergey Ostrov", 502)]


def test_title_before_the_bare_surname_keeps_the_kb_person(namesake_kb):
    p = run(namesake_kb, 'President Moon said on Monday: "We are ready."')
    assert [(s.speaker, s.speaker_id) for s in p.statements][:1] == [("Moon Haneul", 501)]


def test_bare_surname_after_an_office_the_kb_person_never_held_is_someone_else(namesake_kb):
    p = run(namesake_kb, 'Deputy spokesman Moon told reporters: "We will answer in time."')
    assert speakers(p) == [("We will answer in time.", "Moon")]
    assert all(a.actor_id != 501 for a in p.actors)


def test_statement_from_a_body_named_before_speaks_for_it(empty_kb):
    text = (
        "The Chilean presidency announced the visit on Monday. "
        '"The talks were frank and useful," a statement from the presidency said.'
    )
    p = run(empty_kb, text)
    assert speakers(p) == [("The talks were frank and useful", "Chilean presidency")]


def test_bare_document_speaks_for_the_body_that_issued_it(empty_kb):
    text = (
        "In a statement, the Chilean government said the visit was useful.\n\n"
        '"We will build on it," the statement said.'
    )
    p = run(empty_kb, text)
    assert speakers(p) == [("We will build on it", "Chile")]
    assert [s.rule for s in p.statements if s.kind != "paraphrase"] == ["quote-document-issuer"]


def test_document_nobody_issued_gives_no_speaker(empty_kb):
    p = run(empty_kb, 'Ana Torres met Luis Vera. "It went well," said the statement.')
    assert speakers(p) == []


MEETING = "Chilean President Ana Torres met Peruvian President Luis Vera in Lima on Monday.\n\n"


def test_less_common_cue_verbs_attribute_the_quote(empty_kb):
    text = (
        MEETING + 'As Torres put it, "the border is a bridge". "Trade will grow," Vera cautioned.'
    )
    p = run(empty_kb, text)
    assert speakers(p) == [
        ("the border is a bridge", "Ana Torres"),
        ("Trade will grow", "Luis Vera"),
    ]


def test_noun_that_looks_like_a_cue_verb_does_not_steal_the_quote(empty_kb):
    text = MEETING + 'Peru had said that the Chilean president’s comments were "uncalled for".'
    assert speakers(run(empty_kb, text)) == [("uncalled for", "Peru")]


def test_cue_in_the_short_sentence_after_a_closed_quote(empty_kb):
    text = MEETING + '"We agreed on a roadmap.” Torres said.\n\n"Trade will double,” Vera remarked.'
    assert speakers(run(empty_kb, text)) == [
        ("We agreed on a roadmap.", "Ana Torres"),
        ("Trade will double", "Luis Vera"),
    ]


def test_name_alone_on_the_line_after_a_quote_is_its_speaker(empty_kb):
    text = MEETING + '"We will not give up on peace"\n— Luis Vera'
    p = run(empty_kb, text)
    assert speakers(p) == [("We will not give up on peace", "Luis Vera")]
    assert p.statements[0].rule == "quote-signature-line"


def test_quote_paragraph_without_cue_continues_the_previous_speaker(empty_kb):
    text = (
        MEETING + 'Torres told reporters: "We agreed on a roadmap for the border.\n\n'
        '"There is a lot of work ahead of us."\n\n'
        'Vera said his country was "ready to start".'
    )
    assert speakers(run(empty_kb, text)) == [
        ("We agreed on a roadmap for the border.", "Ana Torres"),
        ("There is a lot of work ahead of us.", "Ana Torres"),
        ("ready to start", "Luis Vera"),
    ]


def test_quote_paragraph_after_another_persons_name_is_not_continued(empty_kb):
    text = MEETING + 'Torres said: "We are ready," before Vera left.\n\n"It is a new era."'
    assert speakers(run(empty_kb, text)) == [("We are ready", "Ana Torres")]


def test_cue_verb_coordinated_after_an_object_takes_the_sentence_subject(empty_kb):
    text = (
        MEETING + "Vera echoed the words of his Chilean counterpart and emphasized the "
        '"willingness of both governments" to sign.'
    )
    p = run(empty_kb, text)
    assert speakers(p) == [("willingness of both governments", "Luis Vera")]
    assert p.statements[0].rule == "quote-subject-of-cue"
    text = MEETING + 'Vera thanked Torres and said that "the border is open".'
    assert speakers(run(empty_kb, text)) == [("the border is open", "Luis Vera")]


def test_pronoun_after_an_unnamed_spokesman_is_that_spokesman(empty_kb):
    text = (
        MEETING + 'The dinner was dropped "for diary reasons", a ministry spokesman said.\n\n'
        '"We are trying to set a new date," he told a news conference.'
    )
    assert speakers(run(empty_kb, text)) == []
    named = MEETING + '"We are trying to set a new date," he told a news conference.'
    assert speakers(run(empty_kb, named)) == [("We are trying to set a new date", "Ana Torres")]


def test_spokesperson_for_someone_is_not_that_someone(empty_kb):
    text = MEETING + 'A spokesperson for Vera said: "The talks were useful."'
    assert speakers(run(empty_kb, text)) == []
    text = MEETING + '"The talks were useful," a source close to Vera said.'
    assert speakers(run(empty_kb, text)) == []
    text = MEETING + 'The envoy of Peru, Pablo Ruiz, said: "It went well."'
    assert speakers(run(empty_kb, text)) == [("It went well.", "Pablo Ruiz")]


def test_his_speech_read_gives_the_quote_to_the_person_the_text_is_about(empty_kb):
    text = (
        "Chilean President Ana Torres arrived in Lima on Tuesday. Torres was greeted by "
        "Deputy Minister Pablo Ruiz.\n\nA copy of her arrival speech read: "
        '"We have reopened the door of friendship."'
    )
    p = run(empty_kb, text)
    assert speakers(p) == [("We have reopened the door of friendship.", "Ana Torres")]
    assert p.statements[0].rule == "quote-own-text"


def test_went_on_after_explaining_is_a_cue(empty_kb):
    text = MEETING + 'Torres went on after explaining that both were "on the same path".'
    assert speakers(run(empty_kb, text)) == [("on the same path", "Ana Torres")]


def test_the_national_side_speaks_for_its_state_and_is_an_actor(empty_kb):
    p = run(empty_kb, MEETING + 'The Chilean side said it was "ready to deepen ties".')
    assert speakers(p) == [("ready to deepen ties", "Chile")]
    assert ("Chile", "state") in {(a.name, a.kind) for a in p.actors}
