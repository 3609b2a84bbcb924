"""Stage-level tests of the mentions stage: which person a bare surname or a role alias
names (issue 11, categories 1 and 9). Sentences written for these tests."""

from datetime import date

import pytest

from meetings.extraction import ArticleInput, KBActor, KBAlias, KBPosition, KnowledgeBase, extract
from meetings.extraction.document import document
from meetings.extraction.mentions import analyze


@pytest.fixture(scope="module")
def namesakes_kb(state_actors):
    """A president known by his surname, and two presidents of one country in turn whose
    role alias carries no dates of its own."""
    people = [
        KBActor(
            id=201,
            name="Park Min-jun",
            kind="person",
            country="KR",
            aliases=(KBAlias("Park"),),
            positions=(KBPosition("President", "KR", "", date(2020, 1, 1), None),),
        ),
        KBActor(
            id=202,
            name="Jean Moreau",
            kind="person",
            country="FR",
            aliases=(KBAlias("Moreau"), KBAlias("the French president", is_role=True)),
            positions=(KBPosition("President", "FR", "", date(2010, 5, 1), date(2015, 4, 30)),),
        ),
        KBActor(
            id=203,
            name="Paul Durand",
            kind="person",
            country="FR",
            aliases=(KBAlias("Durand"), KBAlias("the French president", is_role=True)),
            positions=(KBPosition("President", "FR", "", date(2015, 5, 1), None),),
        ),
    ]
    return KnowledgeBase([*state_actors, *people])


def _speakers(kb, text, day=date(2024, 3, 1)):
    proposal = extract(ArticleInput(text=text, published=day), kb)
    return [st.speaker for st in proposal.statements if st.kind != "paraphrase"]


def _people(kb, text, day=date(2024, 3, 1)):
    analysis = analyze(document(text, published=day), kb)
    return {e.name: e for e in analysis.entities.values() if e.kind == "person" and e.spans}


@pytest.mark.parametrize(
    "text",
    [
        'President Park Min-jun met the envoy. His spokeswoman, Park Ji-woo, said: "The talks '
        'were useful." "We will continue," Park said.',
        "Seoul - President Park Min-jun flew home on Monday. Park Ji-woo, a ministry "
        'spokeswoman, told reporters: "The date is open." Park added: "We will continue."',
        "President Park Min-jun hosted the talks, and deputy spokeswoman Park Ji-woo briefed "
        'the press afterwards. "We will continue," said Park.',
    ],
)
def test_a_surname_binds_to_the_person_last_named_in_full_not_the_kb_namesake(namesakes_kb, text):
    assert _speakers(namesakes_kb, text)[-1] == "Park Ji-woo"


def test_a_surname_before_the_full_name_binds_to_the_person_named_in_full_next(namesakes_kb):
    text = (
        '"We will continue," Park said on Tuesday. The talks had ended. Park Ji-woo, the '
        "ministry spokeswoman, spoke after the president left."
    )
    assert _speakers(namesakes_kb, text) == ["Park Ji-woo"]


@pytest.mark.parametrize(
    "text",
    [
        "Park, a deputy spokesman, said the talks would resume.",
        "Japanese Foreign Minister Park said the talks would resume.",
        "Deputy spokesman Park said the talks would resume.",
    ],
)
def test_a_bare_kb_surname_with_a_contradicting_title_is_somebody_else(namesakes_kb, text):
    people = _people(namesakes_kb, text)
    assert "Park Min-jun" not in people
    assert "Park" in people


def test_a_bare_kb_surname_with_a_matching_title_is_the_kb_person(namesakes_kb):
    people = _people(namesakes_kb, "Korean President Park said the talks would resume.")
    assert "Park Min-jun" in people


@pytest.mark.parametrize(
    ("day", "holder"),
    [(date(2012, 6, 1), "Jean Moreau"), (date(2023, 6, 1), "Paul Durand")],
)
def test_an_undated_role_alias_is_the_person_in_office_on_the_article_date(
    namesakes_kb, day, holder
):
    text = 'The French president met the press in Paris. "We agree," the French president said.'
    assert _speakers(namesakes_kb, text, day) == [holder]


@pytest.mark.parametrize(
    ("day", "is_kb_person"),
    [(date(2024, 3, 1), False), (date(2015, 3, 1), True)],
)
def test_another_office_before_a_kb_surname_contradicts_only_the_office_held_that_day(
    namesakes_kb, day, is_kb_person
):
    """In 2024 the KB has Park as president, so "Prime Minister Park" is someone else; in
    2015 the KB knows no office of his, and the title contradicts nothing."""
    people = _people(namesakes_kb, "Prime Minister Park said the talks would resume.", day)
    assert ("Park Min-jun" in people) is is_kb_person


def _actor_rules(kb, text, day=date(2024, 3, 1)):
    proposal = extract(ArticleInput(text=text, published=day), kb)
    return {a.name: a.rule for a in proposal.actors}, [
        (st.speaker, st.rule) for st in proposal.statements if st.kind != "paraphrase"
    ]


def test_a_surname_bound_by_full_name_first_names_that_rule_in_the_proposal(namesakes_kb):
    text = (
        "President Park Min-jun met the envoy. His spokeswoman, Park Ji-woo, spoke first. "
        '"We will continue," Park said.'
    )
    actors, statements = _actor_rules(namesakes_kb, text)
    assert actors["Park Ji-woo"].split("+") == ["person-pattern", "full-name-first"]
    assert "full-name-first" not in actors["Park Min-jun"]
    assert statements == [("Park Ji-woo", "quote-after-cue+full-name-first")]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ('Park, a deputy spokesman, said the talks were "useful".', "surname-before-other-office"),
        ('Deputy spokesman Park said the talks were "useful".', "surname-after-other-office"),
        ('Prime Minister Park said the talks were "useful".', "surname-in-other-office-that-day"),
    ],
)
def test_a_surname_kept_off_its_kb_namesake_names_the_contradicting_rule(namesakes_kb, text, rule):
    actors, statements = _actor_rules(namesakes_kb, text)
    assert rule in actors["Park"].split("+")
    [(speaker, statement_rule)] = statements
    assert speaker == "Park" and statement_rule.endswith("+" + rule)


def test_a_role_alias_names_the_rule_that_chose_the_holder_on_the_day(namesakes_kb):
    text = 'The French president met the press. "We agree," the French president said.'
    actors, statements = _actor_rules(namesakes_kb, text)
    assert actors["Paul Durand"] == "kb-alias+role-alias-on-date"
    assert statements == [("Paul Durand", "quote-after-cue+role-alias-on-date")]


@pytest.mark.parametrize(
    "text",
    [
        "Irish Prime Minister Sean O'Brien met the envoy. \"We agreed,\" O'Brien said.",
        'Irish Prime Minister Sean O’Brien met the envoy. "We agreed," Mr O’Brien said.',
        "Finance Minister Priya D'Souza met the envoy. D'Souza said it was \"a good start\".",
    ],
)
def test_a_short_form_with_an_apostrophe_is_the_person_named_in_full(empty_kb, text):
    analysis = analyze(document(text), empty_kb)
    people = {m.key for m in analysis.mentions if m.key.startswith("person:")}
    assert len(people) == 1
    assert len([m for m in analysis.mentions if m.key in people]) == 2
    [speaker] = _speakers(empty_kb, text)
    assert speaker in ("Sean O'Brien", "Sean O’Brien", "Priya D'Souza")


@pytest.mark.parametrize(
    "text",
    [
        'Trade Minister Alexei Ulyanko spoke first. "We found common ground," Ulyankov said.',
        'Trade Minister Alexei Ulyanko spoke first. Ulyankov said the talks were "useful".',
    ],
)
def test_a_family_name_spelt_a_second_way_is_the_person_named_in_full(empty_kb, text):
    actors, statements = _actor_rules(empty_kb, text)
    assert list(actors) == ["Alexei Ulyanko"]
    assert actors["Alexei Ulyanko"].endswith("+surname-spelling-variant")
    assert [s for s, _r in statements] == ["Alexei Ulyanko"]


def test_a_short_name_one_letter_off_is_not_a_spelling_variant(empty_kb):
    text = 'Minister Luis Vegas met the envoy. "We agree," Vera said.'
    actors, _statements = _actor_rules(empty_kb, text)
    assert "Vera" in actors and "Luis Vegas" in actors


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan Foreign Minister Ana Ruiz met Tom Otieno in Lima. “We agreed,” said the Kenyan FM.",
        "Kenyan FM Ana Ruiz met Tom Otieno in Lima. “We agreed,” said the Kenyan foreign minister.",
        "Prime Minister Ana Ruiz met Tom Otieno in Lima. “We agreed,” the PM said.",
    ],
)
def test_an_abbreviated_title_refers_to_the_office_in_full(empty_kb, text):
    statements = extract(ArticleInput(text=text), empty_kb).statements
    assert [s.speaker for s in statements] == ["Ana Ruiz"]
