"""Encounter rules of the second round (issue 11): group subjects, visitors on successive
days, non-encounter phrases, each tested with sentences written for these tests in several
styles (wire, readout, newspaper)."""

from datetime import date

from meetings.extraction import ArticleInput, extract


def found(kb, text, published=date(2024, 5, 10)):
    return extract(ArticleInput(text=text, published=published), kb).meetings


def parties(meeting):
    return sorted(x.name for x in meeting.participants)


def test_the_delegation_visiting_a_list_of_states_is_its_leader_visiting_each(empty_kb):
    texts = [
        # wire
        "New Zealand Foreign Minister Anna Kerr arrived in Fiji on Tuesday, leading a "
        "delegation of officials. The delegation will also visit Samoa, Tonga, Palau and "
        "Nauru in the coming days.",
        # readout
        "Minister Anna Kerr paid an official visit to Fiji on Tuesday. The delegation is "
        "also scheduled to visit Samoa, Tonga, Palau and Nauru.",
        # newspaper
        "Anna Kerr, the foreign minister, held talks with Fijian Prime Minister Joni Rabu in "
        "Suva on Tuesday. The delegation will travel to Samoa, Tonga, Palau and Nauru "
        "later this week.",
    ]
    for text in texts:
        planned = [m for m in found(empty_kb, text) if m.status == "planned"]
        assert sorted(tuple(parties(m)) for m in planned) == [
            ("Anna Kerr", state) for state in ("Nauru", "Palau", "Samoa", "Tonga")
        ], text
        assert all(m.kind == "visit" for m in planned), text


def test_a_delegation_received_by_a_host_is_still_the_side_that_travelled(empty_kb):
    text = (
        "Chilean President Ana Torres arrived in Lima on Monday. The delegation was received "
        "by Peruvian President Luis Vera at the palace."
    )
    got = found(empty_kb, text)
    assert any(parties(m) == ["Ana Torres", "Luis Vera"] for m in got), got


def test_visitors_on_successive_days_are_one_meeting_each_on_its_own_day(empty_kb):
    texts = [
        # newspaper: the first day fronted
        "On Wednesday Chilean President Ana Torres was visited by Peruvian President Luis "
        "Vera, and on Thursday by Bolivian President Marta Rojas.",
        # wire: each day before its "by"
        "Chilean President Ana Torres was visited on Wednesday by Peruvian President Luis Vera "
        "and on Thursday by Bolivian President Marta Rojas.",
        # readout: a semicolon between the visitors, a relative clause with its own time
        "SANTIAGO, May 9 - President Ana Torres, who hosts a summit next week, was visited at "
        "the palace on Wednesday by Peru's foreign minister, Luis Vera; on Thursday by "
        "Bolivian Foreign Minister Marta Rojas.",
    ]
    for text in texts:
        got = sorted((m.date, parties(m), m.kind, m.status, m.rule) for m in found(empty_kb, text))
        assert got == [
            (date(2024, 5, 8), ["Ana Torres", "Luis Vera"], "meeting", "held", "visited-by"),
            (date(2024, 5, 9), ["Ana Torres", "Marta Rojas"], "meeting", "held", "visited-by"),
        ], text


def test_being_visited_or_a_courtesy_visit_is_a_meeting(empty_kb):
    texts = [
        "Chilean President Ana Torres was visited by Peruvian President Luis Vera on Monday.",
        "Peruvian President Luis Vera paid a courtesy visit to Chilean President Ana Torres "
        "on Monday.",
    ]
    for text in texts:
        (m,) = found(empty_kb, text)
        assert (m.kind, m.date, parties(m)) == (
            "meeting",
            date(2024, 5, 6),
            ["Ana Torres", "Luis Vera"],
        ), text


def test_a_visitor_and_an_escort_are_not_a_list_of_visitors(empty_kb):
    text = (
        "Chilean President Ana Torres was visited by Peruvian President Luis Vera on Monday, "
        "who was accompanied by his foreign minister."
    )
    (m,) = found(empty_kb, text)
    assert parties(m) == ["Ana Torres", "Luis Vera"]


def test_earlier_legs_told_in_passing_are_not_visits_of_today(empty_kb):
    texts = [
        "Foreign Minister Omar Haddad of Jordan arrived in Cairo on Monday after visits to "
        "Tunisia and Algeria.",
        "Jordanian Foreign Minister Omar Haddad landed in Cairo on Monday after a brief stop "
        "in Tunisia.",
        "Omar Haddad, Jordan's foreign minister, arrived in Cairo on Monday after trips to "
        "Tunisia, Libya and Algeria, and held talks with Egyptian Foreign Minister Amal Rahim.",
    ]
    for text in texts:
        got = found(empty_kb, text)
        named = {x.name for m in got for x in m.participants}
        assert not named & {"Tunisia", "Libya", "Algeria"}, text


def test_the_bodies_and_states_of_a_role_are_not_parties(empty_kb):
    texts = [
        "Kenyan former president Joseph Kamau visited Kinshasa on Monday in his capacity as "
        "the East African Community's facilitator for the Congo peace process.",
        "In her capacity as the African Union's envoy to Sudan, Egyptian diplomat Amal Rahim "
        "met Chilean President Ana Torres on Monday.",
        "Egyptian Foreign Minister Amal Rahim met Chilean President Ana Torres on Monday in "
        "her capacity as chair of the Sudan contact group.",
    ]
    for text in texts:
        named = {x.name for m in found(empty_kb, text) for x in m.participants}
        assert not named & {"East African Community", "African Union", "Sudan"}, text
        if "Ana Torres" in text:
            assert named == {"Amal Rahim", "Ana Torres"}, text


def test_the_day_of_a_relative_clause_does_not_date_the_encounter(empty_kb):
    texts = [
        "Chilean President Ana Torres, who arrived on Monday, held talks with Peruvian "
        "President Luis Vera on Tuesday.",
        "Peruvian President Luis Vera received Chilean President Ana Torres, who landed on "
        "Monday evening, at the palace on Tuesday.",
        "The guest, Chilean President Ana Torres, who flew in on Monday, met Peruvian "
        "President Luis Vera on Tuesday.",
    ]
    for text in texts:
        (m,) = found(empty_kb, text)
        assert m.date == date(2024, 5, 7), text


def test_an_arrival_day_in_a_closing_relative_clause_does_not_date_the_welcome(empty_kb):
    texts = [
        "Chilean President Ana Torres held talks with Peruvian President Luis Vera on "
        "Wednesday. Before the talks, Torres greeted Vera, who landed on Monday.",
        "Chilean President Ana Torres held talks with Peruvian President Luis Vera on "
        "Wednesday. Ahead of the talks, Torres welcomed Vera, who arrived in Santiago on "
        "Monday to attend a regional forum.",
    ]
    for text in texts:
        got = found(empty_kb, text)
        assert date(2024, 5, 6) not in [m.date for m in got], text


def test_a_reporter_of_someone_elses_encounter_is_not_a_party(empty_kb):
    texts = [
        # readout: the reporter in commas
        "Foreign ministry spokesperson, Omar Haddad, noted that Chilean President Ana Torres "
        "warmly welcomed Peruvian President Luis Vera on Monday.",
        # wire: an apposition and an object of the reporting verb
        "Omar Haddad, a spokesman for the presidency, told reporters that President Ana "
        "Torres received Peruvian President Luis Vera on Monday.",
        # newspaper
        "Spokesman Omar Haddad said on Monday that Chilean President Ana Torres had met "
        "Peruvian President Luis Vera.",
    ]
    for text in texts:
        (m,) = found(empty_kb, text)
        assert parties(m) == ["Ana Torres", "Luis Vera"], text


def test_a_speaker_telling_of_her_own_encounter_stays_a_party(empty_kb):
    text = "Chilean President Ana Torres said that she met Peruvian President Luis Vera on Monday."
    (m,) = found(empty_kb, text)
    assert parties(m) == ["Ana Torres", "Luis Vera"]


def test_a_reporter_without_that_is_not_a_party_of_the_plan_she_tells(empty_kb):
    texts = [
        "Foreign Minister Amal Rahim, who was also present, said Peruvian President Luis Vera "
        "plans to visit Chile in November.",
        "Spokeswoman Amal Rahim said Peruvian President Luis Vera will visit Chile next month.",
        "Amal Rahim, the presidential spokeswoman, noted Peruvian President Luis Vera would "
        "visit Chile in November.",
    ]
    for text in texts:
        (m,) = found(empty_kb, text)
        assert (parties(m), m.status) == (["Chile", "Luis Vera"], "planned"), text


def test_an_inverted_credit_after_the_encounter_is_no_party(empty_kb):
    texts = [
        "Chilean President Ana Torres met Peruvian President Luis Vera on Monday, said "
        "spokesman Omar Haddad.",
        "Chilean President Ana Torres held talks with Peruvian President Luis Vera on Monday, "
        "told reporters presidential spokesman Omar Haddad.",
        "Chilean President Ana Torres received Peruvian President Luis Vera at the palace on "
        "Monday, added Omar Haddad.",
    ]
    for text in texts:
        (m,) = found(empty_kb, text)
        assert parties(m) == ["Ana Torres", "Luis Vera"], text


def test_a_state_visit_with_engagements_beyond_the_talks_is_an_entry_of_its_own(empty_kb):
    texts = [
        "Chilean President Ana Torres began a two-day state visit to Peru on Friday. She held "
        "talks with Peruvian President Luis Vera at the palace on Friday. The state visit "
        "also took her to a banquet and to the port of Callao.",
        "Chilean President Ana Torres began a two-day state visit to Peru on Friday. She held "
        "talks with Peruvian President Luis Vera at the palace on Friday. The trip then took "
        "the president to a trade fair.",
        "Chilean President Ana Torres began a two-day official visit to Peru on Friday. She "
        "held talks with Peruvian President Luis Vera at the palace on Friday. The tour also "
        "took them to a school.",
    ]
    for text in texts:
        got = sorted((m.kind, parties(m)) for m in found(empty_kb, text))
        assert got == [("talks", ["Ana Torres", "Luis Vera"]), ("visit", ["Ana Torres", "Peru"])]


def test_a_meeting_of_the_delegations_of_the_two_countries_is_the_states_own_entry(empty_kb):
    texts = [
        "President Ana Torres of Chile held talks with President Luis Vera of Peru in Lima on "
        "Thursday, followed by an enlarged meeting with the delegations of the two countries.",
        "Chile's President Ana Torres met Peru's President Luis Vera in Lima on Thursday. The "
        "meeting was followed by talks in an enlarged format with the delegations of the two "
        "countries.",
        "Chile's President Ana Torres received Peru's President Luis Vera at the palace on "
        "Thursday for a tete-a-tete meeting and a plenary session with the delegations of "
        "both countries.",
        "President Ana Torres of Chile met President Luis Vera of Peru in Lima on Thursday, "
        "later followed by an enlarged meeting with the participation of delegations of the "
        "two countries.",
    ]
    for text in texts:
        got = found(empty_kb, text)
        assert [parties(m) for m in got] == [["Ana Torres", "Luis Vera"], ["Chile", "Peru"]], text
        assert got[1].rule == "delegations-meeting" and got[1].date == date(2024, 5, 9), text


THURSDAY = date(2024, 5, 9)


def test_a_progressive_on_the_day_of_writing_is_under_way_not_planned(empty_kb):
    texts = [
        "Chilean President Ana Torres is holding talks with Peruvian President Luis Vera in "
        "Lima on Thursday.",
        "LIMA, May 9 - President Ana Torres of Chile is meeting Peruvian President Luis Vera "
        "at the palace today.",
        "Peruvian President Luis Vera is hosting Chilean President Ana Torres in Lima on "
        "Thursday for talks on trade.",
    ]
    for text in texts:
        (m,) = found(empty_kb, text, published=THURSDAY)
        assert (m.status, m.date) == ("held", THURSDAY), text


def test_a_plan_on_the_day_of_writing_stays_planned_and_a_restatement_merges(empty_kb):
    (m,) = found(
        empty_kb,
        "Chilean President Ana Torres will meet Peruvian President Luis Vera in Lima on "
        "Thursday evening.",
        published=THURSDAY,
    )
    assert m.status == "planned"
    (m,) = found(
        empty_kb,
        "Chilean President Ana Torres began talks with Peruvian President Luis Vera in Lima on "
        "Thursday. Torres will hold talks with Vera on Thursday on trade, officials said.",
        published=THURSDAY,
    )
    assert (m.status, m.date) == ("held", THURSDAY)


def test_a_state_named_as_the_owner_of_a_wish_is_a_topic_not_a_party(empty_kb):
    texts = [
        "Chilean President Ana Torres visited Lima on Monday, reiterating Bolivia's desire "
        "for good relations with its neighbours.",
        "Chilean Foreign Minister Ana Torres held talks in Lima on Monday and stressed "
        "Bolivia's interest in a port.",
        "Chilean President Ana Torres arrived in Lima on Monday, where she recalled Bolivia's "
        "long-standing claim to the coast.",
    ]
    for text in texts:
        named = {x.name for m in found(empty_kb, text) for x in m.participants}
        assert "Bolivia" not in named, text


def test_a_state_named_with_its_office_or_delegation_stays_a_side(empty_kb):
    texts = [
        "Chilean President Ana Torres met Bolivia's foreign minister in Lima on Monday.",
        "Chilean President Ana Torres met Bolivia's delegation in Lima on Monday.",
    ]
    for text in texts:
        named = {x.name for m in found(empty_kb, text) for x in m.participants}
        assert "Bolivia" in named, text
