"""Encounter rules of the third round: visits told as noun phrases, the encounters told
inside a visit, venues named beside a building or by "here", each tested with sentences
written for these tests."""

from datetime import date

from meetings.extraction import ArticleInput, extract


def found(kb, text, published=date(2024, 5, 10)):
    return extract(ArticleInput(text=text, published=published), kb).meetings


def parties(meeting):
    return sorted(x.name for x in meeting.participants)


def summary(meeting):
    return (meeting.kind, meeting.status, meeting.date, meeting.city, parties(meeting))


def test_a_possessive_official_visit_keeps_the_traveller(empty_kb):
    got = found(empty_kb, "Peruvian President Luis Vera's official visit to Kenya began on Monday.")
    assert [(m.kind, m.date, parties(m), m.rule) for m in got] == [
        ("visit", date(2024, 5, 6), ["Kenya", "Luis Vera"], "possessive-visit")
    ]


def test_a_possessors_officials_still_stand_for_the_possessor(empty_kb):
    # "Vera's officials met ...": the officials take part, not Vera himself
    got = found(empty_kb, "Luis Vera's officials met Kenyan President Paul Otieno on Monday.")
    assert all("Luis Vera" not in parties(m) for m in got)


def test_leading_a_delegation_to_a_capital_is_a_trip_there(empty_kb):
    got = found(empty_kb, "Kenyan Foreign Minister Paul Otieno led a delegation to Peru last week.")
    assert [(m.kind, m.status, parties(m), m.rule) for m in got] == [
        ("visit", "held", ["Paul Otieno", "Peru"], "leads-delegation")
    ]


def test_leading_a_delegation_to_talks_is_no_trip(empty_kb):
    text = "Kenyan Foreign Minister Paul Otieno led the delegation to the talks in Lima."
    assert [m for m in found(empty_kb, text) if m.kind == "visit"] == []
