"""Name rules, each on its own, with short sentences written for these tests (issue 11:
appositions, compound titles, outlets named after the verb)."""

from meetings.extraction import ArticleInput, extract


def actors(kb, text):
    p = extract(ArticleInput(text=text), kb)
    return {a.name: (a.kind, a.country) for a in p.actors}


def test_hyphenated_title_in_an_apposition_marks_a_person(empty_kb):
    got = actors(empty_kb, "Tomas Quispe, the president-elect of Peru, met the press.")
    assert got["Tomas Quispe"] == ("person", "PE")
    got = actors(empty_kb, "President-elect, Tomas Quispe, spoke to the press.")
    assert got["Tomas Quispe"][0] == "person"


def test_outlet_named_after_reports_is_an_organisation_not_a_person(empty_kb):
    text = "Chilean President Rosa Vidal met Tomas Quispe on Monday, reports La Tercera."
    got = actors(empty_kb, text)
    assert got["La Tercera"] == ("organization", None)
