"""Stage-level tests of the mentions stage: names written in styles other than "Given Family"
and bodies whose names hold a coordination (issue 11, category 10). Sentences written for
these tests, three styles a pattern where the pattern allows (wire, readout, newspaper)."""

import pytest

from meetings.extraction import ArticleInput, extract
from meetings.extraction.document import document
from meetings.extraction.mentions import analyze


def entities(kb, text, dateline=""):
    """name -> (kind, country, rule) of the entities the text names."""
    analysis = analyze(document(text, dateline=dateline), kb)
    keys = {m.key for m in analysis.mentions if m.key}
    return {e.name: (e.kind, e.country, e.rule) for k, e in analysis.entities.items() if k in keys}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Foreign Minister B.Tsogtbaatar met the visiting delegation on Monday.", "B.Tsogtbaatar"),
        ("The talks were attended by Ts.Bold, the ambassador of Mongolia to Japan.", "Ts.Bold"),
        ("Deputy Prime Minister Kh.Nyambaatar said the two sides agreed.", "Kh.Nyambaatar"),
    ],
)
def test_glued_initial_and_family_name_is_a_person(kb, text, name):
    got = entities(kb, text)
    assert got[name][0] == "person"
    assert got[name][2] == "person-single-name"


def test_an_acronym_is_still_no_single_name_person(kb):
    got = entities(kb, "Foreign Minister Ana Ruiz met officials of the OSCE on Monday.")
    assert "OSCE" not in got or got["OSCE"][0] != "person"


@pytest.mark.parametrize(
    "text",
    [
        "Tom Otieno, Ambassador Extraordinary and Plenipotentiary of Kenya, called on Li Qiang.",
        "The Ambassador Extraordinary and Plenipotentiary of Peru, Ana Soto, arrived.",
    ],
)
def test_the_envoys_full_style_names_nobody(kb, text):
    got = entities(kb, text)
    assert not any(w in name for name in got for w in ("Extraordinary", "Plenipotentiary"))


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Ana Ruiz addressed the Economic and Social Council on Monday.",
            "Economic and Social Council",
        ),
        (
            "Tom Otieno, head of the Central Finance and Planning Commission, met Li Qiang.",
            "Central Finance and Planning Commission",
        ),
        (
            "Members of the Foreign Affairs and Defence Committee travelled to Lima.",
            "Foreign Affairs and Defence Committee",
        ),
    ],
)
def test_coordinated_words_before_a_body_belong_to_its_name(kb, text, body):
    got = entities(kb, text)
    assert got[body][0] == "organization"


def test_a_person_before_and_is_not_pulled_into_a_body(kb):
    got = entities(kb, "President Ana Soto and Central Bank officials met in Lima.")
    assert "Ana Soto" in got
    assert not any(name.startswith("Soto") or "Ana Soto and" in name for name in got)


@pytest.mark.parametrize(
    ("text", "body", "person"),
    [
        (
            "The chairman of the Standing Committee of the National Assembly Mr. Le Van Thanh "
            "has been invited to Hanoi.",
            "Standing Committee of the National Assembly",
            "Le Van Thanh",
        ),
        (
            "A message from the Office of the President Dr. Ama Owusu was read out.",
            "Office of the President",
            "Ama Owusu",
        ),
    ],
)
def test_an_honorific_after_a_bodys_tail_opens_the_next_name(kb, text, body, person):
    got = entities(kb, text)
    assert body in got
    assert person in got and got[person][0] == "person"


def test_the_rules_reach_the_proposal(kb):
    proposal = extract(
        ArticleInput(text="Foreign Minister B.Tsogtbaatar met Foreign Minister Ana Ruiz in Lima."),
        kb,
    )
    assert {a.name for a in proposal.actors} >= {"B.Tsogtbaatar", "Ana Ruiz"}
    assert any(
        {p.name for p in m.participants} >= {"B.Tsogtbaatar", "Ana Ruiz"} for m in proposal.meetings
    )


@pytest.mark.parametrize(
    "text",
    [
        "It was the first visit by a Peruvian leader since Peru's Agrarian Revolution in 1969.",
        "The talks came a decade after the Lakeland Uprising of 2014.",
    ],
)
def test_a_named_event_is_neither_a_person_nor_a_body(kb, text):
    got = entities(kb, text)
    assert not any(w in name for name in got for w in ("Revolution", "Uprising"))


def test_citizens_before_names_mark_people(kb):
    got = entities(kb, "The minister asked Lima to free American citizens Mark Dalton and Ann Lee.")
    assert got["Mark Dalton"][0] == "person"
    assert got["Ann Lee"][0] == "person"


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders, Ana Ruiz and Tom Otieno, spoke to reporters.",
        "Both envoys, Ana Ruiz and Tom Otieno, arrived on Monday.",
        "Ana Ruiz and Tom Otieno were not available for comment.",
    ],
)
def test_full_names_listed_together_are_people(empty_kb, text):
    got = entities(empty_kb, text)
    assert got["Ana Ruiz"][0] == got["Tom Otieno"][0] == "person"


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan and Peruvian foreign ministers Ana Ruiz and Tom Otieno met on Sunday.",
        "The presidents of Kenya and Peru, Ana Ruiz and Tom Otieno, met on Sunday.",
    ],
)
def test_countries_and_people_listed_in_the_same_order_pair_up(kb, text):
    got = entities(kb, text)
    assert (got["Ana Ruiz"][1], got["Tom Otieno"][1]) == ("KE", "PE")
    assert "respective-countries" in got["Tom Otieno"][2]


def test_one_country_for_two_people_pairs_nothing(kb):
    got = entities(kb, "Kenyan and Kenyan-born ministers Ana Ruiz and Tom Otieno met on Sunday.")
    assert "respective-countries" not in got["Tom Otieno"][2]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Kenyan Ambassador in Lima Tom Otieno on Monday met Trade Minister Ana Soto.",
            "Tom Otieno",
        ),
        (
            "Ana Soto met the Ambassador of Canada to Lima Mark Dalton, this afternoon.",
            "Mark Dalton",
        ),
        ("The envoy in Nairobi, Luis Vera, met Tom Otieno.", "Luis Vera"),
    ],
)
def test_an_envoys_post_inside_the_title_keeps_the_name(kb, text, name):
    got = entities(kb, text)
    assert got[name][0] == "person"
    assert not any(n.startswith(("Lima ", "Nairobi ")) for n in got)


@pytest.mark.parametrize(
    "text",
    [
        "Tom Otieno on Monday met Ana Soto in Lima.",
        "Tom Otieno today received Ana Soto in Lima.",
        "Tom Otieno on Tuesday said the talks went well.",
    ],
)
def test_a_day_between_a_name_and_its_verb_still_marks_a_person(empty_kb, text):
    assert entities(empty_kb, text)["Tom Otieno"][0] == "person"


def test_and_after_a_name_opens_the_next_item_not_an_apposition(kb):
    got = entities(
        kb, "The President of Kenya, Ana Ruiz, and her Peruvian counterpart, Tom Otieno, met."
    )
    assert (got["Ana Ruiz"][1], got["Tom Otieno"][1]) == ("KE", "PE")


def test_a_military_rank_and_retired_mark_stay_in_the_title(kb):
    got = entities(kb, "Interior Minister Brig (R) Tom Otieno received the envoy on Thursday.")
    assert got["Tom Otieno"][0] == "person"
    assert "Brig" not in got


def test_a_states_long_name_is_not_a_second_body(kb):
    got = entities(kb, "Ana Ruiz met Sergey Lavrov of the Russian Federation in Lima.")
    assert ("state", "RU") in {(kind, country) for kind, country, _r in got.values()}
    assert not any(kind == "organization" for kind, _c, _r in got.values())


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Subsequently, Kenya and Peru held formal talks in Lima.", "Subsequently"),
        ("Additionally, Ana Ruiz met Tom Otieno in Lima.", "Additionally"),
    ],
)
def test_a_sentence_adverb_is_no_name(kb, text, word):
    assert not any(word in name for name in entities(kb, text))


@pytest.mark.parametrize(
    "text",
    [
        "Kenya backed the European hopes of the Western Balkan states.",
        "The ministers spoke of the Pacific Island nations and their needs.",
    ],
)
def test_words_before_a_plural_of_states_are_no_person(empty_kb, text):
    got = entities(empty_kb, text)
    assert not any(kind == "person" for kind, _c, _r in got.values())
