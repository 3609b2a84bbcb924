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


def test_encounters_during_a_one_day_visit_take_its_day_and_place(empty_kb):
    text = (
        "NAIROBI, May 9 - Peru's Foreign Minister Luis Vera will lead a delegation to Lima "
        "on Saturday. In the course of the one-day trip he will call on the Peruvian Prime "
        "Minister, Paul Otieno; meet the Deputy Prime Minister, Jomo Kamau; and hold talks "
        "with the Interior Minister, Ali Hassan."
    )
    got = sorted(summary(m) for m in found(empty_kb, text))
    assert got == [
        ("meeting", "planned", date(2024, 5, 11), "Lima", ["Jomo Kamau", "Luis Vera"]),
        ("meeting", "planned", date(2024, 5, 11), "Lima", ["Luis Vera", "Paul Otieno"]),
        ("talks", "planned", date(2024, 5, 11), "Lima", ["Ali Hassan", "Luis Vera"]),
    ]


def test_a_visit_whose_encounter_is_told_is_no_entry_of_its_own(empty_kb):
    text = (
        "Chilean Foreign Minister Ana Torres will travel to Nairobi on Friday. During her "
        "stay, Torres is to hold talks with Kenyan President Paul Otieno."
    )
    got = [summary(m) for m in found(empty_kb, text)]
    assert got == [
        ("talks", "planned", date(2024, 5, 10), "Nairobi", ["Ana Torres", "Paul Otieno"])
    ]


def test_a_visit_with_no_encounter_told_inside_stays_an_entry(empty_kb):
    text = (
        "Chilean Foreign Minister Ana Torres will travel to Nairobi on Saturday. During her "
        "stay, she will address students at the university."
    )
    got = [(m.kind, m.status, m.date) for m in found(empty_kb, text)]
    assert got == [("visit", "planned", date(2024, 5, 11))]


def places(kb, text):
    return [(m.city, m.country) for m in found(kb, text)]


def test_here_under_a_dateline_is_the_datelines_city(empty_kb):
    texts = [
        "LIMA, May 7 (Reuters) - Kenyan President Paul Otieno and Peruvian President Luis "
        "Vera met here on Tuesday.",
        "LIMA, May 7 - Talks between Kenyan President Paul Otieno and Peruvian President "
        "Luis Vera were held here yesterday.",
    ]
    for text in texts:
        assert places(empty_kb, text) == [("Lima", "PE")], text


def test_here_without_a_dateline_names_no_place(empty_kb):
    text = "Kenyan President Paul Otieno and Peruvian President Luis Vera met here on Tuesday."
    assert places(empty_kb, text) == [(None, None)]


def test_said_here_places_the_statement_not_the_encounter(empty_kb):
    text = (
        "LIMA, May 7 (Reuters) - Kenyan President Paul Otieno told reporters here on "
        "Tuesday that he would meet Luis Vera next week."
    )
    assert places(empty_kb, text) == [(None, None)]


def test_a_place_phrase_wins_over_here(empty_kb):
    text = (
        "LIMA, May 7 (Reuters) - Kenyan President Paul Otieno said here on Tuesday that he "
        "would meet Luis Vera in Quito next week."
    )
    assert places(empty_kb, text) == [("Quito", "EC")]


def test_a_building_then_its_city_after_a_comma(empty_kb):
    texts = [
        "Kenyan President Paul Otieno held talks with Peruvian President Luis Vera on "
        "Wednesday at the Government Palace, Lima.",
        "Kenyan President Paul Otieno met Peruvian President Luis Vera at the State House, "
        "Nairobi, on Friday.",
    ]
    assert [places(empty_kb, t) for t in texts] == [[("Lima", "PE")], [("Nairobi", "KE")]]


def test_a_building_then_no_city_gives_no_city(empty_kb):
    text = (
        "Kenyan President Paul Otieno held talks with Peruvian President Luis Vera on "
        "Wednesday at the Government Palace, Vera's office said."
    )
    assert places(empty_kb, text) == [(None, None)]


def test_the_same_people_in_another_country_is_another_encounter(empty_kb):
    # no publication date: the days cannot tell the two encounters apart, the places do
    text = (
        "Kenyan President Paul Otieno and Peruvian President Luis Vera held talks in Nairobi "
        "on Friday. Otieno and Vera met in the Peruvian capital in March for a regional forum."
    )
    got = sorted((m.city, m.status, parties(m)) for m in found(empty_kb, text, published=None))
    assert got == [
        ("Lima", "held", ["Luis Vera", "Paul Otieno"]),
        ("Nairobi", "held", ["Luis Vera", "Paul Otieno"]),
    ]


def test_a_reference_back_to_the_encounter_keeps_one_entry(empty_kb):
    text = (
        "Kenyan President Paul Otieno held talks with Peruvian President Luis Vera in Nairobi "
        "on Friday. During the meeting in Nairobi, Otieno and Vera signed a trade deal."
    )
    assert [m.city for m in found(empty_kb, text, published=None)] == ["Nairobi"]


def test_the_meeting_between_a_new_pair_is_an_encounter_of_its_own(empty_kb):
    text = (
        "Kenyan Foreign Secretary Paul Otieno called on Peruvian President Luis Vera on "
        "Tuesday. Meanwhile, the meeting between Otieno and Peruvian Foreign Minister Jorge "
        "Salas focused on trade."
    )
    got = sorted((parties(m), m.rule) for m in found(empty_kb, text))
    assert got == [
        (["Jorge Salas", "Paul Otieno"], "named-pair"),
        (["Luis Vera", "Paul Otieno"], "trigger-meeting"),
    ]


def test_the_meeting_between_the_pair_told_refers_back(empty_kb):
    text = (
        "Kenyan Foreign Secretary Paul Otieno called on Peruvian President Luis Vera on "
        "Tuesday. The meeting between Otieno and Vera focused on trade."
    )
    assert [parties(m) for m in found(empty_kb, text)] == [["Luis Vera", "Paul Otieno"]]


def test_the_talks_between_two_names_name_the_sides_told_before(empty_kb):
    text = (
        "The foreign ministers of Chile and Peru met in Lima on Saturday. The talks between "
        "Ana Torres and Jorge Salas focused on trade."
    )
    got = [parties(m) for m in found(empty_kb, text)]
    assert ["Ana Torres", "Jorge Salas"] in got and len(got) == 1


def test_a_trip_abroad_takes_the_host_state_when_the_text_names_it(empty_kb):
    text = (
        "Kenyan President Paul Otieno met Chilean President Ana Torres in Nairobi on Monday. "
        "Otieno then flew to Lima on Tuesday. Peru is Kenya's largest partner in the region."
    )
    trips = [m for m in found(empty_kb, text) if m.kind == "visit"]
    assert [(parties(m), m.city, m.rule) for m in trips] == [
        (["Paul Otieno", "Peru"], "Lima", "trip-abroad")
    ]


def test_a_trip_abroad_adds_no_state_the_text_does_not_name(empty_kb):
    text = (
        "Kenyan President Paul Otieno met Chilean President Ana Torres in Nairobi on Monday. "
        "Otieno then flew to Lima on Tuesday."
    )
    trips = [m for m in found(empty_kb, text) if m.kind == "visit"]
    assert [parties(m) for m in trips] == [["Paul Otieno"]]


def test_a_tour_stop_whose_meeting_is_told_is_no_entry(empty_kb):
    text = (
        "Kenyan President Paul Otieno left Nairobi on Sunday on a tour of Peru, Chile and "
        "Bolivia. On June 3 he will meet Chilean President Ana Torres in Santiago."
    )
    got = sorted((m.kind, parties(m)) for m in found(empty_kb, text))
    assert got == [
        ("meeting", ["Ana Torres", "Paul Otieno"]),
        ("visit", ["Bolivia", "Paul Otieno"]),
        ("visit", ["Paul Otieno", "Peru"]),
    ]


def test_talks_with_counterparts_from_a_list_of_states_are_one_each(empty_kb):
    text = (
        "Kenyan Foreign Minister Paul Otieno held talks with counterparts from Chile, the "
        "United Arab Emirates, Peru and Norway on Monday."
    )
    got = sorted((m.kind, m.date, parties(m), m.rule) for m in found(empty_kb, text))
    assert got == [
        ("talks", date(2024, 5, 6), ["Chile", "Paul Otieno"], "counterparts-from"),
        ("talks", date(2024, 5, 6), ["Norway", "Paul Otieno"], "counterparts-from"),
        ("talks", date(2024, 5, 6), ["Paul Otieno", "Peru"], "counterparts-from"),
        ("talks", date(2024, 5, 6), ["Paul Otieno", "United Arab Emirates"], "counterparts-from"),
    ]


def test_a_joint_meeting_with_counterparts_from_states_stays_one(empty_kb):
    text = (
        "Kenyan Foreign Minister Paul Otieno held a joint meeting with his counterparts from "
        "Chile and Peru on Monday."
    )
    assert [parties(m) for m in found(empty_kb, text)] == [["Chile", "Paul Otieno", "Peru"]]


def test_the_first_day_of_a_visit_dates_the_encounters_of_that_day(empty_kb):
    text = (
        "Kenyan Foreign Minister Paul Otieno began his two-day visit to Lima on Thursday. On "
        "the first day of his visit, Otieno held talks with counterparts from Chile and Norway."
    )
    got = sorted((m.date, m.city, parties(m)) for m in found(empty_kb, text))
    assert got == [
        (date(2024, 5, 9), "Lima", ["Chile", "Paul Otieno"]),
        (date(2024, 5, 9), "Lima", ["Norway", "Paul Otieno"]),
    ]


def test_a_city_named_as_the_city_of_a_state(empty_kb):
    texts = [
        "Kenyan President Paul Otieno held talks with Chilean President Ana Torres on Friday "
        "in the Peruvian city of Cusco.",
        "Kenyan President Paul Otieno met Chilean President Ana Torres in Brazil's coastal "
        "city of Recife on Friday.",
        "Kenyan President Paul Otieno met Chilean President Ana Torres in the Indonesian city "
        "of Bandung on Friday.",
    ]
    assert [places(empty_kb, t) for t in texts] == [
        [("Cusco", "PE")],
        [("Recife", "BR")],
        [("Bandung", "ID")],
    ]


def test_bilateral_meetings_with_the_leaders_from_a_list_are_one_each(empty_kb):
    text = (
        "Prime Minister Paul Otieno held formal bilateral meetings in Lima with the leaders "
        "of the delegations from Chile, Norway and Japan. Otieno met with the Prime Minister "
        "of Chile, Ana Torres, and discussed fisheries."
    )
    got = sorted((parties(m), m.rule) for m in found(empty_kb, text))
    assert got == [
        (["Ana Torres", "Paul Otieno"], "counterparts-from"),
        (["Japan", "Paul Otieno"], "counterparts-from"),
        (["Norway", "Paul Otieno"], "counterparts-from"),
    ]


def test_meeting_the_leaders_of_a_list_without_bilateral_stays_one(empty_kb):
    text = "Prime Minister Paul Otieno met the leaders of Chile, Norway and Japan in Lima."
    assert [parties(m) for m in found(empty_kb, text)] == [
        ["Chile", "Japan", "Norway", "Paul Otieno"]
    ]


def test_each_of_them_separately_is_one_encounter_per_person_listed_before(empty_kb):
    text = (
        "Kenyan Foreign Minister Paul Otieno, Chilean Foreign Minister Ana Torres and "
        "Norwegian Foreign Minister Per Dahl gathered in Lima. Otieno also met each of them "
        "separately."
    )
    got = sorted((parties(m), m.city, m.rule) for m in found(empty_kb, text))
    assert (["Ana Torres", "Paul Otieno"], "Lima", "them-separately") in got
    assert (["Paul Otieno", "Per Dahl"], "Lima", "them-separately") in got


def test_them_without_separately_makes_no_encounters(empty_kb):
    text = (
        "Kenyan Foreign Minister Paul Otieno thanked Chilean Foreign Minister Ana Torres and "
        "Norwegian Foreign Minister Per Dahl. He praised them all."
    )
    assert found(empty_kb, text) == []


LEAD_THEN_DAY = (
    "Foreign Minister Ana Torres and her Chilean counterpart, Jorge Salas, have held talks "
    "on the margins of a regional forum in Peru, Norway's foreign ministry said Friday. "
    "The foreign ministers of the two countries met in Lima on Thursday and spoke mostly "
    "about fisheries, the ministry added. "
    "It was the first meeting between Torres and Salas since Salas was appointed last month, "
    "when a new cabinet was sworn in in Santiago."
)


def test_the_day_the_ministry_said_it_is_not_the_day_of_the_talks(empty_kb):
    lead = LEAD_THEN_DAY.split(". The foreign")[0] + "."
    assert [m.date for m in found(empty_kb, lead)] == [None]


def test_the_diplomats_of_the_two_nations_are_the_parties_just_told(empty_kb):
    got = [summary(m) for m in found(empty_kb, LEAD_THEN_DAY)]
    assert got == [("talks", "held", date(2024, 5, 9), "Lima", ["Ana Torres", "Jorge Salas"])]


def test_a_reference_back_takes_no_place_from_a_later_clause(empty_kb):
    text = (
        "Foreign Minister Ana Torres held talks with her Chilean counterpart, Jorge Salas, "
        "on Thursday. It was the first meeting between Torres and Salas since Salas was "
        "appointed last month, when a new cabinet was sworn in in Santiago."
    )
    assert places(empty_kb, text) == [(None, None)]


def test_an_encounter_they_have_yet_to_hold_is_not_one(empty_kb):
    text = (
        "Kenyan President Paul Otieno and Peruvian President Luis Vera met in Lima on "
        "Thursday. The three countries' leaders have yet to hold a trilateral summit."
    )
    assert [(m.kind, parties(m)) for m in found(empty_kb, text)] == [
        ("meeting", ["Luis Vera", "Paul Otieno"])
    ]


def test_the_day_of_an_event_the_encounter_is_ahead_of_is_not_its_own(empty_kb):
    texts = [
        "Kenyan Prime Minister Paul Otieno and Peruvian Prime Minister Luis Vera met at the "
        "convention hall in Lima ahead of the third Regional Forum to take place on Monday "
        "May 13.",
        "Kenyan Prime Minister Paul Otieno met Peruvian Prime Minister Luis Vera in Lima "
        "before the summit due on Friday.",
    ]
    for text in texts:
        assert [(m.status, m.date) for m in found(empty_kb, text)] == [("held", None)], text


def test_an_encounter_ahead_of_an_event_keeps_its_own_day(empty_kb):
    text = (
        "Kenyan Prime Minister Paul Otieno met Peruvian Prime Minister Luis Vera on Monday "
        "ahead of the regional forum due on Friday."
    )
    assert [(m.status, m.date) for m in found(empty_kb, text)] == [("held", date(2024, 5, 6))]


def test_will_be_joined_by_on_another_day_is_an_encounter_of_the_three(empty_kb):
    text = (
        "Kenyan President Paul Otieno will meet Peruvian President Luis Vera in Lima. On "
        "Wednesday, Otieno and Vera will be joined by Chilean President Ana Torres."
    )
    got = [(m.status, m.date, m.city, parties(m), m.rule) for m in found(empty_kb, text)]
    assert got == [
        ("planned", None, "Lima", ["Luis Vera", "Paul Otieno"], "trigger-meeting"),
        (
            "planned",
            date(2024, 5, 15),
            "Lima",
            ["Ana Torres", "Luis Vera", "Paul Otieno"],
            "joined-by",
        ),
    ]


def test_joined_by_with_no_day_of_its_own_joins_the_encounter_told(empty_kb):
    text = (
        "Kenyan President Paul Otieno held talks with Peruvian President Luis Vera in Lima on "
        "Tuesday. The two were joined by Chilean President Ana Torres for a working lunch."
    )
    assert [parties(m) for m in found(empty_kb, text)] == [
        ["Ana Torres", "Luis Vera", "Paul Otieno"]
    ]


def test_a_trip_recalled_with_an_earlier_month_is_a_past_visit(empty_kb):
    text = (
        "Kenyan President Paul Otieno spoke by phone with Peruvian President Luis Vera on "
        "Monday. Otieno warmly recalled his visit to Peru in February this year. Vera said "
        "that the visit had been memorable."
    )
    got = sorted((m.kind, m.status, parties(m), m.rule) for m in found(empty_kb, text))
    assert got == [
        ("call", "held", ["Luis Vera", "Paul Otieno"], "trigger-call"),
        ("visit", "held", ["Paul Otieno", "Peru"], "recalled-visit"),
    ]


def test_a_visit_referred_to_with_during_stays_context(empty_kb):
    text = (
        "Kenyan President Paul Otieno met Peruvian President Luis Vera in Lima on Monday. "
        "During his visit to Peru in March, Otieno also toured a port."
    )
    assert [m.kind for m in found(empty_kb, text)] == ["meeting"]


def test_a_body_named_as_a_topic_is_no_party(empty_kb):
    texts = [
        "Kenyan President Paul Otieno visited Germany, where he discussed EU cooperation.",
        "Kenyan President Paul Otieno arrived in Berlin on Monday for talks on NATO spending.",
    ]
    for text in texts:
        assert all(not {"EU", "NATO"} & set(parties(m)) for m in found(empty_kb, text)), text


def test_a_body_as_the_object_of_the_encounter_is_a_party(empty_kb):
    text = "Kenyan President Paul Otieno met the EU foreign policy chief on Monday."
    assert [parties(m) for m in found(empty_kb, text)] == [["EU", "Paul Otieno"]]


def test_visiting_a_facility_is_no_encounter(empty_kb):
    text = (
        "Kenyan President Paul Otieno met Peruvian President Luis Vera in Lima. On Monday, "
        "Otieno visited a rehabilitation centre for victims of the floods in Bolivia."
    )
    # (nor does it lend its day to the meeting)
    assert [(m.kind, m.date) for m in found(empty_kb, text)] == [("meeting", None)]


SIDELINES_REPORT = (
    "Kenyan President Paul Otieno and Peruvian President Luis Vera met on the sidelines of "
    "the summit in Brazil's city of Recife, news outlets reported Monday. \"The meeting took "
    'longer than planned," spokesman Jorge Salas said, adding that Otieno and Vera spoke '
    "privately after the delegations concluded their business."
)


def test_speaking_privately_after_a_meeting_is_no_call_and_the_reporter_no_party(empty_kb):
    got = [summary(m) for m in found(empty_kb, SIDELINES_REPORT)]
    assert got == [("meeting", "held", None, "Recife", ["Luis Vera", "Paul Otieno"])]


def test_speaking_with_someone_and_no_place_is_still_a_call(empty_kb):
    text = "Kenyan President Paul Otieno spoke with Peruvian President Luis Vera on Monday."
    assert [m.kind for m in found(empty_kb, text)] == ["call"]


def test_the_place_of_an_envoys_post_is_not_the_venue(empty_kb):
    text = (
        "Kenyan Ambassador to Peru Paul Otieno, who heads the Embassy of Kenya in Lima, paid "
        "a courtesy call on Chilean Foreign Minister Ana Torres."
    )
    got = [(parties(m), m.city, m.country) for m in found(empty_kb, text)]
    assert got == [(["Ana Torres", "Paul Otieno"], None, None)]


def test_the_sender_of_a_letter_handed_over_is_no_party(empty_kb):
    text = (
        "Kenyan President Paul Otieno met Peruvian President Luis Vera in Lima on Monday and "
        "handed him a message from Chilean President Ana Torres."
    )
    assert [parties(m) for m in found(empty_kb, text)] == [["Luis Vera", "Paul Otieno"]]


def test_leaders_meeting_this_evening_named_next_are_one_planned_encounter(empty_kb):
    text = (
        "The leaders of Chile and Peru are meeting in Lima this Friday evening, May 10, to "
        "talk about the struggling Andean fisheries pact. President Ana Torres will "
        "meet her Peruvian counterpart Luis Vera at 7 p.m."
    )
    got = [summary(m) for m in found(empty_kb, text)]
    assert got == [("meeting", "planned", date(2024, 5, 10), "Lima", ["Ana Torres", "Luis Vera"])]


def test_a_progressive_today_with_no_later_hour_is_under_way(empty_kb):
    text = "Kenyan President Paul Otieno is holding talks with Luis Vera in Lima on Friday."
    assert [m.status for m in found(empty_kb, text)] == ["held"]


def test_people_of_other_states_do_not_name_the_sides_of_a_states_meeting(empty_kb):
    text = (
        "The leaders of Chile and Peru met in Lima on Monday. Kenyan President Paul Otieno "
        "met Bolivian President Luis Vera in Quito."
    )
    got = sorted(m.city for m in found(empty_kb, text))
    assert got == ["Lima", "Quito"]


def test_a_bodys_summit_held_elsewhere_is_an_event_of_its_own(state_actors):
    from meetings.extraction import KBActor, KBAlias, KnowledgeBase

    alliance = KBActor(
        id=900, name="Northern Alliance", kind="organization", aliases=(KBAlias("NORAL"),)
    )
    kb = KnowledgeBase([*state_actors, alliance])
    text = (
        "Kenyan President Paul Otieno held a bilateral meeting with Peruvian President Luis "
        "Vera on Friday in Lima. During the meeting they went over what had been agreed at "
        "the NORAL Leaders' Summit held in Quito."
    )
    got = sorted((m.kind, m.city, parties(m)) for m in found(kb, text))
    assert got == [
        ("meeting", "Lima", ["Luis Vera", "Paul Otieno"]),
        ("summit", "Quito", ["Northern Alliance"]),
    ]


def test_a_bodys_summit_that_only_hosts_the_meeting_is_its_venue(state_actors):
    from meetings.extraction import KBActor, KBAlias, KnowledgeBase

    alliance = KBActor(
        id=900, name="Northern Alliance", kind="organization", aliases=(KBAlias("NORAL"),)
    )
    kb = KnowledgeBase([*state_actors, alliance])
    text = (
        "Kenyan President Paul Otieno met Peruvian President Luis Vera on the sidelines of the "
        "NORAL summit in Quito on Friday."
    )
    assert [(m.kind, parties(m)) for m in found(kb, text)] == [
        ("meeting", ["Luis Vera", "Paul Otieno"])
    ]


def test_a_state_closing_a_city_and_region_is_the_place_not_a_party(empty_kb):
    text = (
        "Prime Minister Paul Otieno met Prime Minister Ana Soto of Fiji during the Pacific "
        "Leaders Meeting in Iwaki City, Fukushima, Japan."
    )
    got = found(empty_kb, text)
    assert [parties(m) for m in got] == [["Ana Soto", "Paul Otieno"]]


def test_the_tense_of_a_noun_subject_is_its_predicate_past_a_list(empty_kb):
    text = (
        "The first trilateral meeting in three years with the foreign ministers of Chile, "
        "Peru and Kenya is scheduled for Saturday in Lima, the ministry announced on Tuesday."
    )
    got = [(m.status, m.date, m.city) for m in found(empty_kb, text)]
    assert got == [("planned", date(2024, 5, 11), "Lima")]


def test_a_fronted_round_of_talks_takes_the_tense_of_its_main_clause(empty_kb):
    text = (
        "In the seventh round of talks, Chilean Minister Ana Torres is set to speak with her "
        "Peruvian counterpart Luis Vera."
    )
    assert [m.status for m in found(empty_kb, text)] == ["planned"]


def test_a_noun_subject_told_in_the_past_stays_held(empty_kb):
    text = (
        "The meeting of the foreign ministers of Chile, Peru and Kenya took place on Saturday "
        "in Lima, the ministry said."
    )
    assert [(m.status, m.date) for m in found(empty_kb, text)] == [("held", date(2024, 5, 4))]


def test_addressing_a_body_is_an_encounter_with_it(state_actors):
    from meetings.extraction import KBActor, KBAlias, KnowledgeBase

    assembly = KBActor(
        id=901,
        name="Andean Parliament",
        kind="organization",
        aliases=(KBAlias("Andean Parliament"),),
    )
    kb = KnowledgeBase([*state_actors, assembly])
    text = "Kenyan President Paul Otieno addressed the Andean Parliament in Lima on Tuesday."
    got = [(m.kind, m.status, m.date, m.rule, parties(m)) for m in found(kb, text)]
    assert got == [
        (
            "meeting",
            "held",
            date(2024, 5, 7),
            "addressed-body",
            ["Andean Parliament", "Paul Otieno"],
        )
    ]


def test_addressing_the_nation_or_an_issue_is_no_encounter(empty_kb):
    texts = [
        "Kenyan President Paul Otieno addressed the nation on Tuesday.",
        "Kenyan President Paul Otieno addressed the issue of migration in Lima on Tuesday.",
    ]
    assert [found(empty_kb, t) for t in texts] == [[], []]


def test_a_leading_visiting_clause_places_the_encounter(empty_kb):
    text = (
        "Visiting Nairobi for the ministerial, Chilean Foreign Minister Ana Torres held a "
        "bilateral meeting with Peruvian Foreign Minister Luis Vera."
    )
    assert places(empty_kb, text) == [("Nairobi", "KE")]


def test_the_relative_clause_of_a_summit_of_leaders_tells_its_tense(state_actors):
    from meetings.extraction import KBActor, KBAlias, KnowledgeBase

    alliance = KBActor(
        id=900, name="Northern Alliance", kind="organization", aliases=(KBAlias("NORAL"),)
    )
    kb = KnowledgeBase([*state_actors, alliance])
    text = (
        "Kenyan President Paul Otieno met Peruvian President Luis Vera in Lima. The two "
        "went over plans for the summit of NORAL leaders, which is set to take place in "
        "Quito in October."
    )
    got = [(m.kind, m.status) for m in found(kb, text) if m.kind == "summit"]
    assert got == [("summit", "planned")]


PREPARES_VISIT = (
    "Chilean Foreign Secretary Ana Torres called on Peruvian President Luis Vera on Tuesday. "
    "The Chilean foreign secretary reached Peru on Monday for a two-day official visit to "
    "prepare for Vera's coming trip to Santiago, scheduled for July 20. "
    "Accompanied by Interior Minister Rosa Campos during his visit, Vera is expected to hold "
    "bilateral talks with Chilean President Pedro Rojas."
)


def test_a_visit_prepared_for_is_its_own_and_dates_the_talks_during_it(empty_kb):
    got = sorted(
        (m.kind, m.status, m.date, m.city, parties(m))
        for m in found(empty_kb, PREPARES_VISIT)
        if m.kind == "talks"
    )
    assert got == [
        ("talks", "planned", date(2024, 7, 20), "Santiago", ["Luis Vera", "Pedro Rojas"])
    ]


def test_the_people_accompanying_a_visitor_during_his_visit_are_no_parties_of_the_talks(
    empty_kb,
):
    assert all("Rosa Campos" not in parties(m) for m in found(empty_kb, PREPARES_VISIT))


def test_a_person_accompanying_the_subject_of_a_meeting_takes_part(empty_kb):
    text = (
        "Kenyan President Paul Otieno, accompanied by Foreign Minister Rosa Campos, met "
        "Peruvian President Luis Vera in Lima."
    )
    assert [parties(m) for m in found(empty_kb, text)] == [
        ["Luis Vera", "Paul Otieno", "Rosa Campos"]
    ]
