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


def _speakers(kb, text, published):
    p = extract(ArticleInput(text=text, published=published), kb)
    return [(st.speaker, st.speaker_id) for st in p.statements if st.kind != "paraphrase"]


def test_role_alias_is_the_office_holder_unless_the_text_names_someone_else(kb):
    from datetime import date

    day = date(2020, 3, 2)
    text = 'The Russian president said on Monday: "We are ready."'
    assert _speakers(kb, text, day) == [("Vladimir Putin", 101)]
    text = 'The Russian president, Ivan Sorokin, said on Monday: "We are ready."'
    assert _speakers(kb, text, day) == [("Ivan Sorokin", None)]
    text = 'The former Russian president said on Monday: "We are ready."'
    assert _speakers(kb, text, day) == []


def test_title_word_inside_a_name_is_a_name_part(empty_kb):
    got = actors(empty_kb, "The Foreign Minister of Iran Reza Amir Tabrizi met the press.")
    assert got["Reza Amir Tabrizi"] == ("person", "IR")
    got = actors(empty_kb, "Foreign Minister Amir Tabrizi met the press.")
    assert "Amir Tabrizi" in got
    got = actors(empty_kb, "Emir Tamim of Qatar met the press on Monday.")
    assert "Emir Tamim" not in got


def test_person_nouns_before_an_apposition_or_a_name_mark_a_person(empty_kb):
    assert actors(empty_kb, "His predecessor, Park Jin-ho, met the press.")["Park Jin-ho"][0] == (
        "person"
    )
    assert actors(empty_kb, "His deputy Omar Haddad met the press.")["Omar Haddad"][0] == "person"


def test_capital_city_opening_a_name_is_a_given_name(empty_kb):
    got = actors(empty_kb, "Victoria Mensah, the foreign minister, met the press in Lima.")
    assert got["Victoria Mensah"][0] == "person"
    assert "Seychelles" not in got
    got = actors(empty_kb, "Peruvian President Luis Vera flew to Lima Monday and met the press.")
    assert "Lima Monday" not in got


def test_word_that_heads_bodies_between_a_title_and_a_name_is_a_given_name(empty_kb):
    got = actors(empty_kb, "Kenyan President Amos Kato met President Duma Boko of Botswana.")
    assert got["Duma Boko"] == ("person", "BW")
    assert "Duma" not in got


def test_outlets_in_a_datelines_brackets_are_organisations(empty_kb):
    text = "LIMA (Andes Daily / Pacific Wire - 4th May, 2021) Peru and Chile held talks."
    p = extract(
        ArticleInput(text=text, dateline="LIMA (Andes Daily / Pacific Wire - 4th May, 2021)"),
        empty_kb,
    )
    got = {a.name: a.kind for a in p.actors}
    assert got["Andes Daily"] == "organization"
    assert got["Pacific Wire"] == "organization"
    assert "May" not in got


def test_official_country_name_without_the_is_that_country(empty_kb):
    got = actors(empty_kb, "Peru backs peace in the Democratic Republic of Congo.")
    assert got["Democratic Republic of the Congo"] == ("state", "CD")
    assert "Republic of the Congo" not in got


def test_honorifics_of_other_languages_are_not_name_parts(empty_kb):
    got = actors(empty_kb, "Cambodian Prime Minister Samdech Techo Hun Sen met the press.")
    assert got["Hun Sen"] == ("person", "KH")
    got = actors(empty_kb, "Acting Prime Minister Mullah Hasan Akhund met the press.")
    assert "Hasan Akhund" in got
    got = actors(empty_kb, "Ghanaian President Nana Akufo-Addo met the press.")
    assert "Nana Akufo-Addo" in got


def test_body_named_before_of_country_takes_that_country(empty_kb):
    got = actors(empty_kb, "The Ministry of Foreign Affairs of Peru issued a communique.")
    assert got["Ministry of Foreign Affairs"] == ("organization", "PE")


def test_latin_america_is_a_region_not_the_united_states(empty_kb):
    got = actors(empty_kb, "Peru wants closer ties across Latin America, Chile said.")
    assert "America" not in got
    assert got["Chile"] == ("state", "CL")


def test_name_followed_by_an_empty_apposition_does_not_fail(empty_kb):
    got = actors(empty_kb, "Chilean President Ana Torres, , met the press.")
    assert got["Ana Torres"] == ("person", "CL")
