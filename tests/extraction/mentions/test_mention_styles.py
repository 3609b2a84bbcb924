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
