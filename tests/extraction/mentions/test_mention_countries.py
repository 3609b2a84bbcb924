"""A person's country from the title written with the name (issue 11, category 11), and
non-Western styles between the title and the name (category 10). Sentences written for
these tests."""

import pytest

from meetings.extraction import ArticleInput, extract
from meetings.extraction.document import document
from meetings.extraction.mentions import analyze


def _countries(kb, text):
    analysis = analyze(document(text), kb)
    return {e.name: e.country for e in analysis.entities.values() if e.kind == "person"}


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Djiboutian President Omar Kalo met the envoy on Monday.", "Omar Kalo", "DJ"),
        ("Korean Minister Yun Sang-ho will travel to Tokyo.", "Yun Sang-ho", "KR"),
        ("Surinamese President Chan Ramdin spoke first.", "Chan Ramdin", "SR"),
        ("The talks were led by Basotho Prime Minister Sam Matekane.", "Sam Matekane", "LS"),
    ],
)
def test_the_demonym_of_the_title_gives_the_country(empty_kb, text, name, code):
    assert _countries(empty_kb, text)[name] == code


def test_the_country_of_the_title_reaches_past_styles_between_title_and_name(empty_kb):
    text = "Cambodian Prime Minister Samdech Akka Moha Sena Padei Techo Hun Vuthy met the envoy."
    assert _countries(empty_kb, text) == {"Hun Vuthy": "KH"}


def test_the_country_of_the_title_reaches_past_styles_we_do_not_list(empty_kb):
    text = "Cambodian Prime Minister Samdech Oknha Techo Hun Vuthy met the envoy."
    assert _countries(empty_kb, text)["Hun Vuthy"] == "KH"


def test_styles_between_an_apposition_and_the_name_do_not_hide_its_country(empty_kb):
    text = (
        "The envoy will meet the Afghan Acting Deputy Prime Minister for Economic Affairs, "
        "Mullah Abdul Rahim Nazari, on Monday."
    )
    assert _countries(empty_kb, text)["Abdul Rahim Nazari"] == "AF"


def test_an_official_of_an_international_body_takes_no_country_from_the_dateline(empty_kb):
    analysis = analyze(
        document(
            "NATO Secretary General Jens Berg met Foreign Minister Ivan Petrov.",
            dateline="MOSCOW, May 4 (Agency)",
        ),
        empty_kb,
    )
    got = {e.name: e.country for e in analysis.entities.values() if e.kind == "person"}
    assert got == {"Jens Berg": None, "Ivan Petrov": "RU"}


def _states(kb, text):
    proposal = extract(ArticleInput(text=text), kb)
    return sorted(a.name for a in proposal.actors if a.kind == "state")


@pytest.mark.parametrize(
    "sentence",
    [
        "They spoke about the Chile-Peru border dispute.",
        "They met in Dakar amid the Chile–Peru war.",
    ],
)
def test_two_countries_naming_the_sides_of_a_war_or_border_are_no_actors(empty_kb, sentence):
    text = "President Ana Torres met President Luis Vera on Monday. " + sentence
    assert _states(empty_kb, text) == []


def test_a_country_named_also_as_a_party_stays_an_actor(empty_kb):
    text = (
        "President Ana Torres met President Luis Vera on Monday. They spoke about the "
        "Chile-Peru border. Chile wants the talks to go on."
    )
    assert _states(empty_kb, text) == ["Chile"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Trade was covered, Russia's Economic Development Minister Ivan Lomov said.", "RU"),
        ("Peru’s Social Development Minister Ana Ruiz met the envoy on Monday.", "PE"),
    ],
)
def test_an_adjective_of_the_portfolio_keeps_the_country_of_the_title(empty_kb, text, code):
    assert set(_countries(empty_kb, text).values()) == {code}


def test_a_country_named_only_to_place_its_capital_is_no_actor(empty_kb):
    text = "President Ana Torres met President Luis Vera in Lima, the capital of Peru, on Monday."
    assert _states(empty_kb, text) == []
    assert _states(empty_kb, text + " Peru wants more trade.") == ["Peru"]
