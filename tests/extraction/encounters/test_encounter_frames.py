"""Encounter frames of issue 11 (categories 2, 7, 8 and 11), each rule on its own, with short
sentences written for these tests in several styles (wire, readout, newspaper)."""

from datetime import date

from meetings.extraction import ArticleInput, extract


def found(kb, text, published=date(2024, 5, 10)):
    p = extract(ArticleInput(text=text, published=published), kb)
    return p.meetings


def summary(kb, text, published=date(2024, 5, 10)):
    return [
        (m.kind, m.status, m.date, m.end_date, m.city, sorted(x.name for x in m.participants))
        for m in found(kb, text, published)
    ]


def test_arriving_at_an_airport_for_talks_still_tells_the_talks(empty_kb):
    texts = [
        "Chilean President Ana Torres arrived at Santa Rosa airport in Bogota on Monday for "
        "talks with Colombian President Juan Rios.",
        "Foreign Minister Omar Haddad of Jordan landed at the airport in Cairo on Monday and "
        "held talks with Egyptian Foreign Minister Amal Rahim.",
    ]
    for text in texts:
        got = summary(empty_kb, text)
        assert [(k, s, d) for k, s, d, _e, _c, _p in got] == [
            ("talks", "held", date(2024, 5, 6))
        ], text


def test_a_welcome_or_a_send_off_at_the_airport_is_protocol_not_an_encounter(empty_kb):
    texts = [
        "Chilean President Ana Torres was received at the airport by Colombian Deputy Foreign "
        "Minister Juan Rios on Monday.",
        "Colombian Deputy Foreign Minister Juan Rios saw off Chilean President Ana Torres at "
        "the airport.",
    ]
    for text in texts:
        assert summary(empty_kb, text) == [], text


def test_an_airport_is_not_the_city_of_the_talks(empty_kb):
    text = (
        "Chilean President Ana Torres held talks with Colombian President Juan Rios at "
        "Santa Rosa International Airport on Monday."
    )
    (meeting,) = found(empty_kb, text)
    assert (meeting.kind, meeting.city) == ("talks", None)


def test_separate_meetings_fronted_or_after_the_counterparts_are_one_encounter_each(empty_kb):
    texts = [
        # readout: the phrase fronted, the subject after the comma
        "In separate meetings with the presidents of Peru and Bolivia on Monday, Chilean "
        "President Ana Torres discussed trade.",
        # wire: the phrase after the counterparts
        "Chilean President Ana Torres met the presidents of Peru and Bolivia on Monday in "
        "separate meetings.",
        # newspaper: named counterparts, "two separate"
        "Chilean President Ana Torres received Peru's Luis Vera and Bolivia's Marta Rojas at "
        "the palace on Monday in two separate meetings.",
    ]
    for text in texts:
        got = found(empty_kb, text)
        assert len(got) == 2, text
        assert all(m.rule == "separate-meetings" and m.date == date(2024, 5, 6) for m in got)
        assert all("Ana Torres" in [x.name for x in m.participants] for m in got), text


def test_a_call_told_in_the_past_stays_held_whatever_the_next_predicate_plans(empty_kb):
    texts = [
        "Chilean President Ana Torres spoke by phone with Peruvian President Luis Vera on "
        "Monday and invited him to a summit in Santiago next month.",
        "Foreign Minister Omar Haddad of Jordan held talks with Egyptian Foreign Minister Amal "
        "Rahim on Monday and said a trade deal would follow next year.",
        "Chilean President Ana Torres met Peruvian President Luis Vera on Monday and asked him "
        "to visit Santiago next month.",
    ]
    for text in texts:
        got = summary(empty_kb, text)
        assert [(s, d) for _k, s, d, _e, _c, _p in got] == [("held", date(2024, 5, 6))], text


def test_an_earlier_encounter_of_the_two_is_its_own_entry_never_merged_into_today(empty_kb):
    lead = "Chilean President Ana Torres met Peruvian President Luis Vera in Lima on Monday"
    texts = [
        lead + ". The two last met in 2019 in Santiago.",
        lead + ", five years after they first met in Santiago in 2019.",
        lead + ". Both had previously met in Santiago in 2019.",
    ]
    for text in texts:
        got = summary(empty_kb, text)
        assert [(d, c, p) for _k, _s, d, _e, c, p in got] == [
            (date(2024, 5, 6), "Lima", ["Ana Torres", "Luis Vera"]),
            (None, "Santiago", ["Ana Torres", "Luis Vera"]),
        ], text


def test_talks_between_two_people_named_in_appositions_have_both_parties(empty_kb):
    texts = [
        "Talks between the Chilean foreign minister, Pablo Mena, and Luis Vera were held in "
        "Lima on Monday.",
        "The meeting between the Jordanian envoy, Omar Haddad, and the Egyptian minister, "
        "Amal Rahim, was held in Cairo on Monday.",
        "Negotiations between Chile's trade minister, Pablo Mena, and his Peruvian "
        "counterpart Luis Vera opened in Lima on Monday.",
    ]
    for text in texts:
        got = summary(empty_kb, text)
        assert len(got) == 1, text
        assert len(got[0][5]) == 2 and got[0][2] == date(2024, 5, 6), (text, got)


def test_one_persons_trip_to_a_city_of_another_state_is_a_visit_with_no_named_host(empty_kb):
    texts = [
        "Chilean Foreign Minister Ana Torres's planned trip to Lima was announced on Wednesday.",
        "Chilean Foreign Minister Ana Torres will travel to Lima next week.",
        "Jordan's foreign minister, Omar Haddad, arrived in Cairo on Monday for a two-day visit.",
    ]
    for text in texts:
        (m,) = found(empty_kb, text)
        assert (m.kind, m.rule) == ("visit", "trip-abroad"), text
        assert m.country in ("PE", "EG") and len(m.participants) == 1, text


def test_a_trip_is_no_entry_of_its_own_when_the_talks_there_are_told(empty_kb):
    text = (
        "Chilean Foreign Minister Ana Torres arrived in Lima on Wednesday. On Thursday she held "
        "talks in Lima with Peruvian Foreign Minister Luis Vera."
    )
    assert [m.kind for m in found(empty_kb, text)] == ["talks"]


def test_a_trip_at_home_is_no_encounter(empty_kb):
    text = "Chilean Foreign Minister Ana Torres will travel to Valparaiso next week."
    assert found(empty_kb, text) == []


def test_heads_of_delegations_named_in_the_next_sentence_are_the_parties(empty_kb):
    texts = [
        "Delegations of Chile and Peru held talks in Lima on Monday. The Chilean delegation "
        "was led by Foreign Minister Ana Torres, and the Peruvian delegation by Foreign "
        "Minister Luis Vera.",
        "Chile and Peru held talks in Lima on Monday. The Chilean side was headed by Foreign "
        "Minister Ana Torres, while the Peruvian team was led by Deputy Minister Luis Vera.",
        "Officials of Chile and Peru met in Lima on Monday. The two delegations, led by "
        "Foreign Minister Ana Torres and Foreign Minister Luis Vera, signed a trade deal.",
    ]
    for text in texts:
        got = summary(empty_kb, text)
        assert [(d, c, p) for _k, _s, d, _e, c, p in got] == [
            (date(2024, 5, 6), "Lima", ["Ana Torres", "Luis Vera"])
        ], text


def test_a_delegation_led_by_someone_much_later_joins_nothing(empty_kb):
    text = (
        "Delegations of Chile and Peru held talks in Lima on Monday.\n\nTrade grew last year. "
        "Copper prices rose. Exports doubled.\n\nA business delegation was led by banker "
        "Rosa Diaz."
    )
    got = summary(empty_kb, text)
    assert [p for *_rest, p in got] == [["Chile", "Peru"]]


def test_a_landmark_named_after_someone_or_an_airport_is_not_the_city(empty_kb):
    texts = [
        "Chilean President Ana Torres met Peruvian President Luis Vera at the Victoria Memorial "
        "on Monday.",
        "Chilean President Ana Torres met Peruvian President Luis Vera at Santiago Bernabeu "
        "Stadium on Monday.",
        "Chilean President Ana Torres held talks with Peruvian President Luis Vera at Lima "
        "Airport on Monday.",
    ]
    for text in texts:
        (m,) = found(empty_kb, text)
        assert m.city is None, text


def test_a_generic_facility_or_a_later_in_city_gives_the_city(empty_kb):
    cases = [
        ("at the Lima Convention Center on Monday.", "Lima"),
        ("at the Jose Marti Memorial in Havana on Monday.", "Havana"),
        ("at the presidential palace in Accra on Monday.", "Accra"),
    ]
    for tail, city in cases:
        text = "Chilean President Ana Torres met Peruvian President Luis Vera " + tail
        (m,) = found(empty_kb, text)
        assert m.city == city, text


def test_an_encounter_a_year_or_years_back_is_its_own_entry(empty_kb):
    lead = "Chilean President Ana Torres met Peruvian President Luis Vera in Lima on Monday. "
    for tail in (
        "Torres and Vera met in Quito last year.",
        "The two presidents met in Quito two years ago.",
        "Torres had hosted Vera in Quito three years earlier.",
    ):
        got = summary(empty_kb, lead + tail)
        assert [c for *_rest, c, _p in got] == ["Lima", "Quito"], tail


def test_the_tense_of_reported_words_is_not_the_encounters(empty_kb):
    texts = [
        "Chilean President Ana Torres said after talks with Peruvian President Luis Vera on "
        "Monday that the border would reopen.",
        "Foreign Minister Omar Haddad of Jordan told reporters after meeting Egyptian Foreign "
        "Minister Amal Rahim on Monday that a deal will follow.",
        "Chilean President Ana Torres met Peruvian President Luis Vera on Monday, and stressed "
        "that trade would grow.",
    ]
    for text in texts:
        got = summary(empty_kb, text)
        assert [(s, d) for _k, s, d, _e, _c, _p in got] == [("held", date(2024, 5, 6))], text


def test_that_as_a_conjunction_does_not_refer_back_to_an_encounter(empty_kb):
    for text in (
        "Chilean President Ana Torres announced that she would visit Peru next month.",
        "Chilean President Ana Torres said that she will travel to Peru next month.",
    ):
        got = summary(empty_kb, text)
        assert [(k, s, p) for k, s, _d, _e, _c, p in got] == [
            ("visit", "planned", ["Ana Torres", "Peru"])
        ], text


def test_a_countrys_capital_said_three_ways_is_the_city(empty_kb):
    for place in (
        "in Papua New Guinea's capital",
        "in the capital of Niger",
        "in the Nigerien capital",
    ):
        text = f"Chilean President Ana Torres met President Ali Moussa {place} on Monday."
        (m,) = found(empty_kb, text)
        assert (m.city, m.country) in (("Port Moresby", "PG"), ("Niamey", "NE")), place
