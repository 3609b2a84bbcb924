"""Encounter rules, each on its own, with short sentences written for these tests (issue 11:
negation and modality, less common encounter frames)."""

from datetime import date

from meetings.extraction import ArticleInput, extract


def meetings(kb, text, published=date(2024, 5, 10)):
    p = extract(ArticleInput(text=text, published=published), kb)
    return [
        (m.kind, m.status, m.date, m.end_date, sorted(x.name for x in m.participants))
        for m in p.meetings
    ]


def test_negated_encounter_verb_is_no_encounter(empty_kb):
    text = (
        "Foreign Minister Ana Torres did not speak with Peruvian President Luis Vera at the summit."
    )
    assert meetings(empty_kb, text) == []
    text = "Foreign Minister Ana Torres has never visited Peruvian President Luis Vera in Lima."
    assert meetings(empty_kb, text) == []


def test_urged_or_hoped_for_encounter_is_no_encounter(empty_kb):
    assert meetings(empty_kb, "President Ana Torres urged a summit with President Luis Vera.") == []
    text = (
        "President Ana Torres hopes for a meeting with President Luis Vera, which appears unlikely."
    )
    assert meetings(empty_kb, text) == []


def test_will_call_on_is_a_planned_meeting_and_called_on_to_is_not(empty_kb):
    text = (
        "The visiting minister Omar Haddad will also call on Prime Minister Amal Rahim on Friday."
    )
    assert meetings(empty_kb, text) == [
        ("meeting", "planned", date(2024, 5, 10), None, ["Amal Rahim", "Omar Haddad"])
    ]
    text = "Minister Omar Haddad called on Prime Minister Amal Rahim to free the prisoners."
    assert meetings(empty_kb, text) == []


def test_will_travel_to_a_country_is_a_planned_visit(empty_kb):
    text = "Chilean President Ana Torres will travel to Peru next week."
    assert meetings(empty_kb, text) == [("visit", "planned", None, None, ["Ana Torres", "Peru"])]


def test_visit_dates_come_from_the_visit_noun_not_the_motion_verb(empty_kb):
    text = (
        "Chilean President Ana Torres will travel to Peru next week for an official visit "
        "from May 14 to 16."
    )
    got = meetings(empty_kb, text)
    assert [(k, s, d, e) for k, s, d, e, _p in got] == [
        ("visit", "planned", date(2024, 5, 14), date(2024, 5, 16))
    ]


def test_two_people_who_briefly_spoke_had_an_encounter(empty_kb):
    text = (
        "Foreign Minister Ana Torres and her Peruvian counterpart Luis Vera briefly spoke "
        "on Thursday about trade."
    )
    got = meetings(empty_kb, text)
    assert [(s, d, p) for _k, s, d, _e, p in got] == [
        ("held", date(2024, 5, 9), ["Ana Torres", "Luis Vera"])
    ]


def test_encounter_linked_to_the_one_just_told_takes_its_day(empty_kb):
    text = (
        "Chilean President Ana Torres met Peruvian President Luis Vera in Lima on Monday.\n\n"
        "Meanwhile, Torres held talks with Bolivian President Marta Rojas on trade.\n\n"
        "Torres held talks with Ecuadorian President Pablo Mena on energy."
    )
    got = meetings(empty_kb, text)
    assert [(d, p) for _k, _s, d, _e, p in got] == [
        (date(2024, 5, 6), ["Ana Torres", "Luis Vera"]),
        (date(2024, 5, 6), ["Ana Torres", "Marta Rojas"]),
        (None, ["Ana Torres", "Pablo Mena"]),
    ]


def test_is_welcoming_a_named_leader_is_an_encounter_but_welcoming_a_decision_is_not(empty_kb):
    text = (
        "Chilean President Ana Torres is this week welcoming the Peruvian president, "
        "Luis Vera, to Santiago."
    )
    assert [m[4] for m in meetings(empty_kb, text)] == [["Ana Torres", "Luis Vera"]]
    text = "Chilean President Ana Torres is welcoming the decision of Peruvian President Luis Vera."
    assert meetings(empty_kb, text) == []
    text = "Chilean President Ana Torres welcomed the agreement reached by President Luis Vera."
    assert meetings(empty_kb, text) == []


def test_met_separately_with_unnamed_ministers_of_two_states_is_two_encounters(empty_kb):
    text = "President Ana Torres met separately with the foreign ministers of Peru and Bolivia."
    assert sorted(m[4] for m in meetings(empty_kb, text)) == [
        ["Ana Torres", "Bolivia"],
        ["Ana Torres", "Peru"],
    ]


def test_earlier_encounter_of_the_same_pair_is_its_own_entry(empty_kb):
    text = (
        "Chile and Peru on Thursday held delegation-level talks in Lima.\n\n"
        "The Foreign Minister of Chile Ana Torres and the Foreign Minister of Peru Luis Vera "
        "led their delegations in the talks.\n\n"
        "Earlier, the two foreign ministers also held a one-on-one meeting."
    )
    got = meetings(empty_kb, text)
    assert [(k, d, p) for k, _s, d, _e, p in got] == [
        ("talks", date(2024, 5, 9), ["Ana Torres", "Luis Vera"]),
        ("meeting", None, ["Ana Torres", "Luis Vera"]),
    ]


def test_visiting_guest_calls_on_the_host_apart_from_the_visit(empty_kb):
    text = (
        "Chilean Foreign Minister Ana Torres arrived in Peru on Monday for a two-day visit.\n\n"
        "The visiting dignitary will also call on Peruvian Prime Minister Luis Vera."
    )
    p = extract(
        ArticleInput(text=text, published=date(2024, 5, 7), dateline="LIMA, Peru"), empty_kb
    )
    got = [(m.kind, m.status, sorted(x.name for x in m.participants)) for m in p.meetings]
    assert got == [
        ("visit", "held", ["Ana Torres", "Peru"]),
        ("meeting", "planned", ["Ana Torres", "Luis Vera"]),
    ]


def test_passive_talks_were_held_between_two_named_people(empty_kb):
    text = (
        "Talks were held between the Chilean foreign minister, Ana Torres, and Luis Vera on Monday."
    )
    assert meetings(empty_kb, text) == [
        ("talks", "held", date(2024, 5, 6), None, ["Ana Torres", "Luis Vera"])
    ]


def test_possessor_of_a_predecessor_takes_no_part(empty_kb):
    text = "The Chilean president's predecessor, Ana Torres, met Peruvian President Luis Vera."
    assert [m[4] for m in meetings(empty_kb, text)] == [["Ana Torres", "Luis Vera"]]


def test_noun_phrase_encounters_discussions_bilateral_talk_video_meeting(empty_kb):
    text = "In discussions with Liberian President Joseph Boakai, President Amos Kato spoke."
    assert [m[4] for m in meetings(empty_kb, text)] == [["Amos Kato", "Joseph Boakai"]]
    text = (
        "Prime Minister Kenji Sato and Mongolian Prime Minister Bold Bat promised closer trade "
        "links in a bilateral talk held on Friday in Tokyo."
    )
    assert [(m[0], m[2]) for m in meetings(empty_kb, text)] == [("talks", date(2024, 5, 10))]
    text = (
        "President Amos Kato and President Joseph Boakai spoke during a video meeting on Tuesday."
    )
    assert [m[0] for m in meetings(empty_kb, text)] == ["call"]


def test_commentator_on_someones_visit_is_no_party(empty_kb):
    text = (
        "Chilean President Ana Torres met Peruvian President Luis Vera in Lima on Monday. "
        "Government spokesman Tomas Hale called Torres's visit a sign of respect."
    )
    assert [m[4] for m in meetings(empty_kb, text)] == [["Ana Torres", "Luis Vera"]]


def test_is_due_in_a_city_for_talks_is_planned(empty_kb):
    text = "Peruvian President Luis Vera is due in Santiago on Monday for talks with Ana Torres."
    assert [(m[0], m[1], m[2]) for m in meetings(empty_kb, text)] == [
        ("talks", "planned", date(2024, 5, 13))
    ]


def test_call_that_announced_a_summit_is_two_encounters(empty_kb):
    text = (
        "Chilean President Ana Torres and Peruvian President Luis Vera spoke by phone on "
        "Monday and agreed to hold a summit in Lima on June 3."
    )
    assert meetings(empty_kb, text) == [
        ("call", "held", date(2024, 5, 6), None, ["Ana Torres", "Luis Vera"]),
        ("summit", "planned", date(2024, 6, 3), None, ["Ana Torres", "Luis Vera"]),
    ]


def test_meeting_then_a_planned_visit_in_the_next_clause(empty_kb):
    text = (
        "Chilean President Ana Torres met Peruvian President Luis Vera in Lima on Monday "
        "and will visit Bolivia next week."
    )
    assert meetings(empty_kb, text) == [
        ("meeting", "held", date(2024, 5, 6), None, ["Ana Torres", "Luis Vera"]),
        ("visit", "planned", None, None, ["Ana Torres", "Bolivia"]),
    ]


def test_meeting_and_the_next_one_agreed_in_the_same_sentence(empty_kb):
    text = (
        "Chilean President Ana Torres met Peruvian President Luis Vera in Lima on Monday "
        "and the two will meet again on June 3."
    )
    assert meetings(empty_kb, text) == [
        ("meeting", "held", date(2024, 5, 6), None, ["Ana Torres", "Luis Vera"]),
        ("meeting", "planned", date(2024, 6, 3), None, ["Ana Torres", "Luis Vera"]),
    ]


def test_encounter_of_an_earlier_year_is_kept_apart(empty_kb):
    text = (
        "Chilean President Ana Torres held talks with Peruvian President Luis Vera in Lima "
        "on Monday. In 2019, the two held talks in Santiago."
    )
    assert meetings(empty_kb, text) == [
        ("talks", "held", date(2024, 5, 6), None, ["Ana Torres", "Luis Vera"]),
        ("talks", "held", None, None, ["Ana Torres", "Luis Vera"]),
    ]
    text = (
        "Chilean President Ana Torres held talks with Peruvian President Luis Vera in Lima "
        "on Monday, her first visit since taking office in 2022."
    )
    assert len(meetings(empty_kb, text)) == 1


def test_encounter_after_since_dates_another_one_and_keeps_its_kind(empty_kb):
    text = (
        "Chilean President Ana Torres met Peruvian President Luis Vera in Lima on Monday. "
        "It was their first meeting since the summit in Quito in 2019."
    )
    assert [m[0] for m in meetings(empty_kb, text)] == ["meeting"]


def test_negation_cancels_its_own_clause_not_the_encounter_after_it(empty_kb):
    text = (
        "Bolivia cancelled talks scheduled for this week after Chilean President Ana Torres "
        "met Peruvian President Luis Vera on Sunday."
    )
    assert meetings(empty_kb, text) == [
        ("meeting", "held", date(2024, 5, 5), None, ["Ana Torres", "Luis Vera"])
    ]
    text = (
        "Chilean President Ana Torres cancelled her visit to Lima after Peruvian President "
        "Luis Vera refused to meet her."
    )
    assert meetings(empty_kb, text) == []


def test_an_invitation_for_talks_is_no_encounter_yet(empty_kb):
    text = "Chilean President Ana Torres invited Peruvian President Luis Vera for talks in Lima."
    assert meetings(empty_kb, text) == []


def test_separate_meetings_with_ambassadors_from_two_states_named_next(empty_kb):
    text = (
        "Prime Minister Tran Van Minh held separate meetings with new ambassadors from Sweden "
        "and the Czech Republic in Hanoi on Thursday. Welcoming Swedish Ambassador Eva Lind, "
        "Minh praised the ties. Receiving Czech Ambassador Petr Novak, Minh praised trade."
    )
    assert sorted(m[4] for m in meetings(empty_kb, text)) == [
        ["Eva Lind", "Tran Van Minh"],
        ["Petr Novak", "Tran Van Minh"],
    ]


def test_tour_of_several_states_is_a_visit_to_each(empty_kb):
    text = "Chilean President Ana Torres will make a tour of Peru, Bolivia and Ecuador next month."
    assert meetings(empty_kb, text) == [
        ("visit", "planned", None, None, ["Ana Torres", "Peru"]),
        ("visit", "planned", None, None, ["Ana Torres", "Bolivia"]),
        ("visit", "planned", None, None, ["Ana Torres", "Ecuador"]),
    ]


def test_talk_about_an_upcoming_meeting_between_states_is_two_encounters(empty_kb):
    text = (
        "Foreign Minister Kenji Sato and his Peruvian counterpart Luis Vera spoke briefly on "
        "Thursday about an upcoming meeting between Japan, Peru and Chile."
    )
    held, planned = meetings(empty_kb, text)
    assert held == ("meeting", "held", date(2024, 5, 9), None, ["Kenji Sato", "Luis Vera"])
    assert planned[:2] == ("meeting", "planned")
    assert {"Japan", "Chile"} <= set(planned[4])


def test_meeting_to_discuss_a_planned_summit_is_not_the_summit(empty_kb):
    text = (
        "Chilean President Ana Torres met Peruvian President Luis Vera on Monday to discuss "
        "the planned summit in Lima."
    )
    assert meetings(empty_kb, text) == [
        ("meeting", "held", date(2024, 5, 6), None, ["Ana Torres", "Luis Vera"]),
        ("summit", "planned", None, None, ["Ana Torres", "Luis Vera"]),
    ]
