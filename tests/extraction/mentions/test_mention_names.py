"""Names that the word lists used to strip or mistake for something else (issue 11,
categories 5 and 10). Sentences written for these tests."""

import pytest

from meetings.extraction import ArticleInput, extract
from meetings.extraction.document import document
from meetings.extraction.mentions import analyze


def _people(kb, text):
    analysis = analyze(document(text), kb)
    return {e.name for e in analysis.entities.values() if e.kind == "person" and e.spans}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ms. King said the talks were useful.", "King"),
        ('"We are ready," Mr. Prince added.', "Prince"),
        ("Dr. Bishop told reporters the visit would go ahead.", "Bishop"),
    ],
)
def test_a_style_that_is_also_a_surname_is_the_name_after_a_courtesy_title(empty_kb, text, name):
    assert name in _people(empty_kb, text)


def test_an_office_after_a_courtesy_title_is_still_an_address(empty_kb):
    assert _people(empty_kb, "Mr. President, the talks were useful, said the envoy.") == set()


def test_a_style_before_a_name_is_still_dropped(empty_kb):
    assert _people(empty_kb, "King Abdul Tarek met Prince Omar Nadim on Monday.") == {
        "Abdul Tarek",
        "Omar Nadim",
    }


@pytest.mark.parametrize(
    "text",
    [
        "The talks were led by Ana Soto, the trade minister, and Santiago Vidal.",
        "Officials from both sides and Santiago Vidal attended the dinner.",
    ],
)
def test_a_capital_before_an_unknown_name_word_is_a_given_name_not_the_state(empty_kb, text):
    proposal = extract(ArticleInput(text=text), empty_kb)
    names = {a.name for a in proposal.actors}
    assert "Santiago Vidal" in names
    assert "Chile" not in names


def test_a_capital_standing_for_its_government_is_still_the_state(empty_kb):
    proposal = extract(ArticleInput(text="Talks between Santiago and Lima stalled."), empty_kb)
    assert {"Chile", "Peru"} <= {a.name for a in proposal.actors}


def test_his_deputy_after_another_person_titles_only_the_deputy(empty_kb):
    analysis = analyze(document("The minister and his deputy Tomas Quispe arrived."), empty_kb)
    people = {e.name: e.title for e in analysis.entities.values() if e.kind == "person"}
    assert people == {"Tomas Quispe": "deputy"}


@pytest.mark.parametrize(
    "text",
    [
        "President Luis Vera also saw Foreign Minister Ada May on Sunday.",
        "Vera met Prime Minister Ada May in Lima in March.",
        "Foreign Minister Tom March met Vera on 3 May.",
    ],
)
def test_a_month_after_a_given_name_is_a_family_name(empty_kb, text):
    people = _people(empty_kb, text)
    assert people & {"Ada May", "Tom March"}
    assert not people & {"Ada", "Tom"}


@pytest.mark.parametrize(
    "text",
    [
        'Vera met Prime Minister Ada May on 3 May. "The talks were useful," May said.',
        'Vera met Prime Minister Ada May in May. May said the talks were "useful".',
        'Vera met Prime Minister Ada May. Ms May said the talks were "useful".',
    ],
)
def test_the_month_family_name_alone_is_the_person_named_in_full(empty_kb, text):
    proposal = extract(ArticleInput(text=text), empty_kb)
    assert [a.name for a in proposal.actors if a.kind == "person"] == ["Ada May"]
    assert [s.speaker for s in proposal.statements] == ["Ada May"]


def test_a_month_with_a_day_or_a_word_of_time_stays_a_date(empty_kb):
    text = "Prime Minister Ada May arrived in May and left on May 20. Vera met her on 3 May."
    analysis = analyze(document(text), empty_kb)
    mays = [m for m in analysis.mentions if m.surface == "May"]
    assert mays == []


@pytest.mark.parametrize(
    "text",
    [
        "Torres met High Representative of the Union for Foreign Affairs and Security Policy "
        "Marc Dupont in Lima.",
        "Torres met Secretary of State for Foreign and Commonwealth Affairs Marc Dupont.",
        "Torres met Minister of Planning and Investment Marc Dupont on Monday.",
        "Torres met High Representative of the Union (EU) for Foreign Affairs and Security "
        "Policy Marc Dupont.",
    ],
)
def test_a_name_after_a_long_office_title_is_the_person_without_the_title(empty_kb, text):
    people = _people(empty_kb, text)
    assert "Marc Dupont" in people
    assert not [p for p in people if p.endswith("Dupont") and p != "Marc Dupont"]


@pytest.mark.parametrize(
    "text",
    [
        "Chargé d'Affaires Tom Reed paid a courtesy call on Minister Ana Torres.",
        "The Charge d’Affaires, Tom Reed, paid a courtesy call on Minister Ana Torres.",
        "The Charge d'Affaires of the Embassy of the Republic of Chile in Oslo, Tom Reed, paid "
        "a courtesy call on Minister Ana Torres.",
    ],
)
def test_a_charge_daffaires_is_an_office_before_a_name(empty_kb, text):
    assert {"Tom Reed", "Ana Torres"} <= _people(empty_kb, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Council for Pacific Trade met in Lima on Monday.", "Council for Pacific Trade"),
        (
            'A spokesman for the Commission for Border Affairs called it "useful".',
            "Commission for Border Affairs",
        ),
    ],
)
def test_a_body_named_by_what_it_is_for_is_an_organisation(empty_kb, text, name):
    proposal = extract(ArticleInput(text=text), empty_kb)
    [org] = [a for a in proposal.actors if a.kind == "organization"]
    assert (org.name, org.rule) == (name, "org-head+body-for-purpose")


@pytest.mark.parametrize(
    "text",
    [
        "Ana Torres met Luis Vera in Dakar on Monday.",
        "On Monday, Ana Torres held talks with Luis Vera in Dakar.",
        "Ana Torres later received Luis Vera at the palace.",
    ],
)
def test_the_full_name_before_a_meeting_verb_is_a_person(empty_kb, text):
    assert {"Ana Torres", "Luis Vera"} <= _people(empty_kb, text)


def test_a_body_before_a_meeting_verb_is_not_a_person(empty_kb):
    assert _people(empty_kb, "Human Rights Watch met the envoy in Dakar.") == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("They discussed plans for the Bank of South Andes to expand.", "Bank of South Andes"),
        ("The Monetary Fund of the Andes met in Lima.", "Monetary Fund of the Andes"),
    ],
)
def test_a_bank_or_fund_named_by_its_complement_is_an_organisation(empty_kb, text, name):
    analysis = analyze(document(text), empty_kb)
    orgs = {e.name for e in analysis.entities.values() if e.kind == "organization"}
    assert name in orgs


def test_a_capitalised_topic_after_a_common_word_and_and_is_no_person(empty_kb):
    text = "The premier spoke of trade, technology and Digital Farming, among other plans."
    assert _people(empty_kb, text) == set()


def test_a_name_after_a_name_and_and_is_still_a_party(empty_kb):
    assert "Ana Torres" in _people(empty_kb, "President Vera and Ana Torres met on Monday.")
