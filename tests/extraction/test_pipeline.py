"""End-to-end behaviour of extract() on short texts written for these tests."""

from datetime import date

from meetings.extraction import ArticleInput, extract


def run(kb, text, **kw):
    return extract(ArticleInput(text=text, **kw), kb)


def actor(proposal, name):
    for a in proposal.actors:
        if a.name == name:
            return a
    raise AssertionError(f"{name!r} not in {[a.name for a in proposal.actors]}")


def names(proposal):
    return {a.name for a in proposal.actors}


def quotes(proposal):
    return [(s.speaker, s.text) for s in proposal.statements if s.kind != "paraphrase"]


# --- actors ---------------------------------------------------------------------------------


def test_demonym_and_title_merge_into_the_person_mention(empty_kb):
    p = run(empty_kb, "Brazilian Foreign Minister Ana Ribeiro arrived in Lima on Monday.")
    ana = actor(p, "Ana Ribeiro")
    assert ana.kind == "person"
    assert ana.country == "BR"
    assert ana.title == "Brazilian Foreign Minister"
    assert ana.actor_id is None  # a suggestion, not a KB link


def test_surname_and_mr_form_resolve_to_the_full_name_in_the_article(kb):
    text = (
        "Chinese Premier Li Qiang met German Chancellor Olaf Brandt in Beijing. "
        "Mr. Li said trade was growing. Brandt agreed."
    )
    p = run(kb, text, published=date(2024, 5, 2))
    li = actor(p, "Li Qiang")
    assert li.actor_id == 103
    assert {"Mr. Li", "Li Qiang"} <= set(li.aliases)
    assert "Brandt" in actor(p, "Olaf Brandt").aliases


def test_ambiguous_kb_surname_is_never_linked_automatically(kb):
    p = run(kb, "Li said the plan was sound, according to officials.", published=date(2024, 5, 2))
    assert all(a.actor_id not in (103, 104) for a in p.actors)


def test_role_alias_links_only_inside_its_dates(kb):
    text = '"We welcome the proposal," the Russian president said.'
    recent = run(kb, text, published=date(2020, 1, 10))
    assert quotes(recent) == [("Vladimir Putin", "We welcome the proposal")]
    old = run(kb, text, published=date(2005, 1, 10))
    assert quotes(old) == []


def test_apposition_after_name_suggests_a_person_with_country(empty_kb):
    p = run(empty_kb, "Amara Okafor, the Nigerian foreign minister, met envoys in Abuja.")
    assert actor(p, "Amara Okafor").country == "NG"


def test_news_agencies_ministries_governments_and_armed_forces(empty_kb):
    text = (
        "The Kenyan government said on Friday that talks would resume, the Kenya News Agency "
        "reported. The Ghanaian Ministry of Foreign Affairs welcomed the move, and the "
        "Ugandan armed forces said they were ready."
    )
    p = run(empty_kb, text)
    kinds = {a.name: (a.kind, a.country) for a in p.actors}
    assert kinds["Kenya"] == ("state", "KE")
    assert kinds["Kenya News Agency"][0] == "organization"
    assert kinds["Ghanaian Ministry of Foreign Affairs"] == ("organization", "GH")
    assert kinds["Ugandan armed forces"] == ("organization", "UG")


def test_capital_as_subject_is_the_state_but_in_capital_is_a_place(empty_kb):
    text = "Talks were held in Nairobi. Nairobi is willing to help, officials said."
    p = run(empty_kb, text)
    kenya = actor(p, "Kenya")
    assert kenya.aliases == ["Nairobi"]
    assert len(kenya.spans) == 1 and text[slice(*kenya.spans[0])] == "Nairobi"
    assert kenya.spans[0][0] > text.index("Nairobi is") - 1


def test_place_and_event_names_are_not_actors(empty_kb):
    text = (
        "Prime Minister Ana Ribeiro spoke at the Lima Peace Forum after Cyclone Amara hit the "
        "South China Sea coast, officials said."
    )
    p = run(empty_kb, text)
    assert "China" not in names(p)
    assert not any("Cyclone" in n or "Forum" in n for n in names(p))


# --- quotes ---------------------------------------------------------------------------------


def test_cue_after_quote_and_inverted_cue(empty_kb):
    text = (
        'Foreign Minister Jonas Berg met his counterpart. "Our ties are strong," Berg said. '
        '"We agree," said Foreign Minister Paula Lind.'
    )
    p = run(empty_kb, text)
    assert quotes(p) == [("Jonas Berg", "Our ties are strong"), ("Paula Lind", "We agree")]


def test_said_x_quoted_by_agency_gives_speaker_and_via(empty_kb):
    text = (
        "Vietnamese Defence Minister Tran Van Minh visited Hanoi's port.\n"
        "“Cooperation will deepen,” said Mr. Minh, quoted by the state agency Xinhua."
    )
    p = run(empty_kb, text)
    [st] = p.statements
    assert st.speaker == "Tran Van Minh"
    assert st.via == "Xinhua"


def test_pronoun_resolves_to_latest_sentence_subject_naming_a_person(empty_kb):
    text = (
        "Chilean President Marta Soto received the delegation on Monday. The visitors brought "
        "gifts. She added that “the door remains open.”"
    )
    p = run(empty_kb, text)
    assert quotes(p) == [("Marta Soto", "the door remains open.")]


def test_institution_is_the_speaker(empty_kb):
    text = (
        "The Peruvian Ministry of Foreign Affairs issued a note. "
        '"The border is calm," the ministry said.'
    )
    p = run(empty_kb, text)
    assert quotes(p) == [("Peruvian Ministry of Foreign Affairs", "The border is calm")]


def test_scare_quotes_repeated_as_a_label_are_excluded(empty_kb):
    text = (
        'Minister Jonas Berg stressed the "open seas" principle. Minister Paula Lind also '
        'backed "open seas" in her reply.'
    )
    assert run(empty_kb, text).statements == []


def test_quote_with_no_identifiable_speaker_is_left_out(empty_kb):
    text = 'The plan was criticized by some for being "too little, too late".'
    assert run(empty_kb, text).statements == []


def test_multi_paragraph_quote_is_one_statement_per_paragraph(empty_kb):
    text = (
        "Remarks by Prime Minister Jonas Berg:\n\n"
        "“Our partnership has never been stronger.\n\n"
        "“We will keep working together.”"
    )
    p = run(empty_kb, text)
    assert quotes(p) == [
        ("Jonas Berg", "Our partnership has never been stronger."),
        ("Jonas Berg", "We will keep working together."),
    ]


def test_participle_clause_quote_goes_to_the_sentence_subject(empty_kb):
    text = (
        "President Marta Soto praised Prime Minister Jonas Berg in a speech, describing him "
        "as “a true friend”."
    )
    assert quotes(run(empty_kb, text)) == [("Marta Soto", "a true friend")]


# --- meetings -------------------------------------------------------------------------------


def meeting(p):
    assert len(p.meetings) == 1, p.meetings
    return p.meetings[0]


def test_meeting_with_venue_date_and_supporting_sentence(empty_kb):
    text = (
        "NAIROBI, May 6 (Reuters) - Kenyan President Daniel Mwangi met Ethiopian Prime "
        "Minister Selam Tesfaye in Mombasa on Sunday. They discussed trade."
    )
    p = run(empty_kb, text, published=date(2024, 5, 6), dateline="NAIROBI, May 6 (Reuters)")
    m = meeting(p)
    assert m.kind == "meeting" and m.status == "held"
    assert m.date == date(2024, 5, 5)  # the Sunday before the Monday dateline
    assert (m.city, m.country) == ("Mombasa", "KE")
    assert {x.name for x in m.participants} == {"Daniel Mwangi", "Selam Tesfaye"}
    assert text[slice(*m.span)].startswith("Kenyan President Daniel Mwangi met")


def test_dateline_city_is_not_the_venue_by_default(empty_kb):
    text = "LIMA (AP) - President Marta Soto met Prime Minister Jonas Berg on Tuesday."
    p = run(empty_kb, text, published=date(2024, 3, 6), dateline="LIMA (AP)")
    m = meeting(p)
    assert m.city is None
    assert m.date == date(2024, 3, 5)


def test_phone_call_has_no_venue_even_when_talks_are_mentioned(empty_kb):
    text = (
        "President Marta Soto held talks by telephone with Prime Minister Jonas Berg in "
        "Santiago on Friday."
    )
    m = meeting(run(empty_kb, text, published=date(2024, 3, 9)))
    assert m.kind == "call"
    assert m.city is None and m.country is None


def test_planned_meeting_looks_forward_from_the_anchor(empty_kb):
    text = "President Marta Soto will meet Prime Minister Jonas Berg in Madrid on Tuesday."
    m = meeting(run(empty_kb, text, published=date(2024, 3, 7)))  # a Thursday
    assert m.status == "planned"
    assert m.date == date(2024, 3, 12)
    assert (m.city, m.country) == ("Madrid", "ES")


def test_dateline_weekday_is_that_day(empty_kb):
    text = "President Marta Soto will meet Prime Minister Jonas Berg on Thursday."
    m = meeting(run(empty_kb, text, published=date(2024, 3, 7)))
    assert m.date == date(2024, 3, 7)


def test_cancelled_refused_or_not_agreed_meetings_are_not_proposed(empty_kb):
    for text in (
        "A meeting between President Marta Soto and Prime Minister Jonas Berg was cancelled.",
        "President Marta Soto refused to meet Prime Minister Jonas Berg.",
        "Officials denied that President Marta Soto would meet Prime Minister Jonas Berg.",
        "President Marta Soto could meet Prime Minister Jonas Berg next year.",
    ):
        assert run(empty_kb, text).meetings == [], text


def test_host_and_guest_roles(empty_kb):
    text = "President Marta Soto received Prime Minister Jonas Berg in Santiago."
    m = meeting(run(empty_kb, text))
    roles = {x.name: x.role for x in m.participants}
    assert roles == {"Marta Soto": "host", "Jonas Berg": "guest"}


def test_sidelines_of_a_summit_is_a_meeting_in_the_summit_city(empty_kb):
    text = (
        "President Marta Soto met Prime Minister Jonas Berg on the sidelines of the G20 "
        "summit in Osaka."
    )
    m = meeting(run(empty_kb, text))
    assert m.kind == "meeting"
    assert (m.city, m.country) == ("Osaka", "JP")


def test_talks_kind_and_visit_range(empty_kb):
    text = (
        "Foreign Minister Jonas Berg held talks with Foreign Minister Paula Lind in Oslo on "
        "Monday. Berg is on an official visit to Norway from 16 to 18 April."
    )
    m = meeting(run(empty_kb, text, published=date(2024, 4, 16)))
    assert m.kind == "talks"
    assert m.date == date(2024, 4, 15)


def test_visit_with_its_own_dates_and_host(empty_kb):
    text = (
        "At the invitation of his counterpart, Paula Lind, Defence Minister Jonas Berg is in "
        "Chile from April 16 to 19."
    )
    m = meeting(run(empty_kb, text, published=date(2024, 4, 17)))
    assert m.kind == "visit"
    assert (m.date, m.end_date) == (date(2024, 4, 16), date(2024, 4, 19))
    assert m.country == "CL"
    roles = {x.name: x.role for x in m.participants}
    assert roles["Paula Lind"] == "host"


def test_month_only_date_has_month_precision_and_null_in_eval_output(empty_kb):
    text = "President Marta Soto met Prime Minister Jonas Berg in Madrid in March."
    p = run(empty_kb, text, published=date(2024, 5, 1))
    m = meeting(p)
    assert m.date_precision == "month"
    assert p.to_eval_dict("x")["meetings"][0]["date"] is None


def test_eval_dict_has_the_contract_shape(empty_kb):
    text = 'President Marta Soto met Prime Minister Jonas Berg. "Good talks," Soto said.'
    out = run(empty_kb, text).to_eval_dict("a-1")
    assert set(out) == {"id", "meetings", "actors", "quotes"}
    assert set(out["meetings"][0]) == {
        "date", "end_date", "location_city", "location_country", "kind", "status",
        "participants",
    }  # fmt: skip
    assert out["quotes"] == [{"speaker": "Marta Soto", "text": "Good talks"}]
    assert {"name": "Marta Soto", "type": "person", "country": None} in out["actors"]


def test_us_abbreviation_before_a_title_is_an_adjective_not_the_state(empty_kb):
    text = "U.S. Secretary of State Jonas Berg met Prime Minister Paula Lind in Oslo."
    p = run(empty_kb, text)
    assert "United States" not in names(p)
    assert actor(p, "Jonas Berg").country == "US"


def test_organisation_hosting_the_summit_is_not_a_party_to_a_sideline_meeting(empty_kb):
    text = (
        "President Marta Soto met Prime Minister Jonas Berg on the sidelines of the ASEAN "
        "summit in Jakarta."
    )
    m = meeting(run(empty_kb, text))
    assert {x.name for x in m.participants} == {"Marta Soto", "Jonas Berg"}


def test_plural_summits_of_named_organisations_give_one_entry_each(empty_kb):
    text = "Heads of state went to the SCO and CSTO summits held in Dushanbe on September 16-17."
    p = run(empty_kb, text, published=date(2021, 9, 20))
    assert [(m.kind, m.date, m.end_date, m.city) for m in p.meetings] == [
        ("summit", date(2021, 9, 16), date(2021, 9, 17), "Dushanbe"),
        ("summit", date(2021, 9, 16), date(2021, 9, 17), "Dushanbe"),
    ]


def test_weekday_before_a_monday_dateline_is_the_previous_one_and_year_rolls_over(empty_kb):
    text = "President Marta Soto met Prime Minister Jonas Berg in Madrid on December 28."
    m = meeting(run(empty_kb, text, published=date(2024, 1, 3)))
    assert m.date == date(2023, 12, 28)


def test_relative_days_and_vague_weeks(empty_kb):
    yesterday = "President Marta Soto met Prime Minister Jonas Berg in Madrid yesterday."
    assert meeting(run(empty_kb, yesterday, published=date(2024, 1, 3))).date == date(2024, 1, 2)
    vague = "President Marta Soto met Prime Minister Jonas Berg in Madrid last week."
    m = meeting(run(empty_kb, vague, published=date(2024, 1, 3)))
    assert m.date is None and m.date_precision is None


def test_the_two_leaders_refers_back_and_talks_during_a_visit_are_the_entry(empty_kb):
    text = (
        "President Marta Soto welcomed Prime Minister Jonas Berg to Santiago on Thursday for a "
        "state visit. The two leaders held talks at the presidential palace."
    )
    m = meeting(run(empty_kb, text, published=date(2024, 5, 24)))
    assert m.kind == "talks"
    assert {x.name for x in m.participants} == {"Marta Soto", "Jonas Berg"}


def test_unnamed_state_sides_become_the_ministers_named_next(empty_kb):
    text = (
        "The foreign ministers of Chile and Peru met in Lima on Monday. Chilean Foreign "
        "Minister Paula Lind and her Peruvian counterpart Jonas Berg discussed the border."
    )
    m = meeting(run(empty_kb, text, published=date(2024, 5, 24)))
    assert [x.name for x in m.participants] == ["Paula Lind", "Jonas Berg"]


def test_spokesman_of_an_institution_is_a_source_not_a_party(empty_kb):
    text = (
        "President Marta Soto will meet Prime Minister Jonas Berg on Wednesday, Kremlin "
        "spokesman Ivan Petrov told reporters."
    )
    p = run(empty_kb, text, published=date(2024, 5, 20))
    m = meeting(p)
    assert {x.name for x in m.participants} == {"Marta Soto", "Jonas Berg"}
    assert actor(p, "Ivan Petrov").country == "RU"


def test_organisation_name_before_said_is_not_a_person(empty_kb):
    p = run(empty_kb, "Human Rights Watch said the talks ignored abuses.")
    assert all(a.kind != "person" for a in p.actors)


def test_bare_foreign_ministry_takes_the_dateline_country(empty_kb):
    text = "LIMA (AP) - The Foreign Ministry said the envoy would return."
    p = run(empty_kb, text, dateline="LIMA (AP)")
    ministry = actor(p, "Foreign Ministry")
    assert (ministry.kind, ministry.country) == ("organization", "PE")


def test_airport_welcome_is_protocol_not_an_encounter(empty_kb):
    text = (
        "Prime Minister Jonas Berg arrived in Nairobi on Wednesday. He was received at the "
        "airport by Foreign Minister Paula Lind."
    )
    assert run(empty_kb, text, published=date(2024, 2, 28)).meetings == []


def test_visit_country_without_to_and_meeting_with_officials_of_an_organisation(empty_kb):
    text = "Prime Minister Jonas Berg will visit South Korea on May 7-8."
    m = meeting(run(empty_kb, text, published=date(2023, 4, 30)))
    assert m.kind == "visit"
    assert [x.name for x in m.participants] == ["Jonas Berg", "South Korea"]  # unnamed host
    text = (
        "Prime Minister Jonas Berg will visit South Korea on May 7-8 for a summit with "
        "President Paula Lind."
    )
    m = meeting(run(empty_kb, text, published=date(2023, 4, 30)))
    assert (m.kind, m.status, m.country) == ("summit", "planned", "KR")
    text = "Foreign Minister Jonas Berg met Hamas officials in Doha on Saturday."
    m = meeting(run(empty_kb, text, published=date(2024, 3, 4)))
    assert {x.name for x in m.participants} == {"Jonas Berg", "Hamas"}


def test_qualified_assembly_is_an_organisation(empty_kb):
    p = run(empty_kb, "Charles Weber, President of the European Council, arrived on Monday.")
    assert actor(p, "European Council").kind == "organization"


def test_meeting_just_before_another_is_on_the_same_day_and_place(empty_kb):
    text = (
        "Minister Jonas Berg met Secretary Paula Lind in Lima on 8 November. Berg said the "
        "Chile-Peru ministers' meeting had been held just before his meeting with Lind."
    )
    p = run(empty_kb, text, published=date(2024, 11, 9))
    assert len(p.meetings) == 2
    second = p.meetings[1]
    assert (second.date, second.city) == (date(2024, 11, 8), "Lima")


def test_definite_description_finds_a_kb_person_by_the_title_written_in_the_text(kb):
    text = (
        "Russian President Vladimir Putin met Prime Minister Jonas Berg. "
        '"We agreed on a lot," the Russian president said.'
    )
    # Published before the KB role alias is valid: the title in the text does the work.
    p = run(kb, text, published=date(2010, 5, 1))
    assert quotes(p) == [("Vladimir Putin", "We agreed on a lot")]


def test_reported_speech_without_quote_marks_is_a_paraphrase_not_a_quote(empty_kb):
    text = (
        "Foreign Minister Jonas Berg said that the border talks would resume in May. "
        "Trade is growing fast, Berg added."
    )
    p = run(empty_kb, text)
    assert [(s.kind, s.speaker, s.text) for s in p.statements] == [
        ("paraphrase", "Jonas Berg", "the border talks would resume in May"),
        ("paraphrase", "Jonas Berg", "Trade is growing fast"),
    ]
    assert p.to_eval_dict("x")["quotes"] == []


def test_trigger_words_in_other_senses_are_not_encounters(empty_kb):
    for text in (
        "President Marta Soto's plan met with criticism from Prime Minister Jonas Berg.",
        "President Marta Soto received a letter from Prime Minister Jonas Berg.",
        "Prime Minister Jonas Berg said the budget would meet the targets set by Marta Soto.",
    ):
        assert run(empty_kb, text).meetings == [], text


def test_possessive_country_before_a_name_marks_a_person(empty_kb):
    text = "The meeting was attended by Colombia's Rosa Pardo and Peru's Luis Vega."
    p = run(empty_kb, text)
    assert (actor(p, "Rosa Pardo").country, actor(p, "Luis Vega").country) == ("CO", "PE")


def test_particle_chains_and_region_names(empty_kb):
    text = "Commission President Ana von der Berg visited Northern Ireland on Monday."
    p = run(empty_kb, text)
    assert "Ana von der Berg" in names(p)
    assert "Ireland" not in names(p)


def test_quote_following_an_attributed_quote_continues_it(empty_kb):
    text = '"This is a good deal," Prime Minister Jonas Berg said. "We listened."'
    assert quotes(run(empty_kb, text)) == [
        ("Jonas Berg", "This is a good deal"),
        ("Jonas Berg", "We listened."),
    ]


def test_reporting_verb_outranks_an_attitude_verb_inside_its_clause(empty_kb):
    text = (
        "President Marta Soto met the envoy. She said the two sides discussed aid, which "
        'Peru hoped to receive "as soon as possible".'
    )
    assert quotes(run(empty_kb, text)) == [("Marta Soto", "as soon as possible")]


def test_pronoun_skips_a_possessive_state_to_find_the_person(empty_kb):
    text = (
        "Chile's President Marta Soto said she was disappointed. "
        '"Our friendship does not rest on one visit," she said.'
    )
    assert quotes(run(empty_kb, text)) == [
        ("Marta Soto", "Our friendship does not rest on one visit")
    ]


def test_the_demonym_capital_and_this_city_name_the_venue(empty_kb):
    text = "President Marta Soto met Prime Minister Jonas Berg in the Ethiopian capital."
    m = meeting(run(empty_kb, text))
    assert (m.city, m.country) == ("Addis Ababa", "ET")
    text = "ACCRA (AP) - President Marta Soto met Prime Minister Jonas Berg in this port city."
    m = meeting(run(empty_kb, text, dateline="ACCRA (AP)"))
    assert (m.city, m.country) == ("Accra", "GH")


def test_counterfactual_and_called_off_visits_are_not_encounters(empty_kb):
    text = (
        "President Marta Soto would have been the first leader to visit Peru, where she was "
        "to meet Prime Minister Jonas Berg."
    )
    assert run(empty_kb, text).meetings == []


def test_strongest_trigger_anchors_the_date(empty_kb):
    text = (
        "Prime Minister Jonas Berg arrived in Lima on Monday and is due to meet President "
        "Marta Soto on Wednesday."
    )
    m = meeting(run(empty_kb, text, published=date(2023, 1, 10)))
    assert (m.kind, m.status, m.date) == ("meeting", "planned", date(2023, 1, 11))


def test_a_day_later_counts_from_the_previous_encounter(empty_kb):
    text = (
        "President Marta Soto met Prime Minister Jonas Berg in Lima on Friday. A day later "
        "President Marta Soto received Foreign Minister Paula Lind in Cusco."
    )
    p = run(empty_kb, text, published=date(2023, 6, 18))
    assert [m.date for m in p.meetings] == [date(2023, 6, 16), date(2023, 6, 17)]


def test_visit_with_its_own_dates_and_further_engagements_keeps_its_own_entry(empty_kb):
    text = (
        "President Marta Soto will pay a state visit to Peru from May 22 to 24 at the "
        "invitation of President Jonas Berg. Soto will hold talks with Berg in Lima on "
        "Thursday. She is also expected to address business leaders during the trip."
    )
    p = run(empty_kb, text, published=date(2024, 5, 20))
    assert sorted((m.kind, m.date) for m in p.meetings) == [
        ("talks", date(2024, 5, 23)),
        ("visit", date(2024, 5, 22)),
    ]


def test_places_after_saint_are_not_people_and_chairpersons_are(empty_kb):
    text = (
        "Leaders flew to Kyiv and St Petersburg. The chairperson of the commission, "
        "Amara Okafor, urged calm."
    )
    p = run(empty_kb, text)
    assert "St Petersburg" not in names(p)
    assert actor(p, "Amara Okafor").kind == "person"


def test_the_delegation_is_the_side_that_travelled_in_the_previous_encounter(empty_kb):
    text = (
        "The group, which included Senegal's President Amadou Diallo and Zambia's President "
        "Grace Banda, met Ukrainian President Olena Kovalenko in Kyiv on Friday. A day later "
        "the delegation was received by Russian President Ivan Petrov in Moscow."
    )
    p = run(empty_kb, text, published=date(2023, 6, 18))
    second = p.meetings[1]
    assert {x.name for x in second.participants} == {"Amadou Diallo", "Grace Banda", "Ivan Petrov"}
    assert second.date == date(2023, 6, 17)


def test_efforts_towards_talks_are_not_talks(empty_kb):
    text = (
        "President Amadou Diallo led a mission in an effort to open a path to peace talks "
        "between Ukraine and Russia."
    )
    assert run(empty_kb, text).meetings == []


def test_broadcasters_and_sentence_initial_according_to_are_sources(empty_kb):
    text = (
        '"Peace matters," President Ivan Petrov was quoted as saying by the state broadcaster '
        "RTV. According to Itamaraty, the talks will continue."
    )
    p = run(empty_kb, text)
    assert actor(p, "RTV").kind == "organization"
    assert actor(p, "Itamaraty").kind == "organization"
    assert quotes(p) == [("Ivan Petrov", "Peace matters")]


def test_role_alias_with_a_possessive_country_names_the_state_too(kb):
    p = run(kb, "Russia's president arrived on Monday.", published=date(2020, 1, 10))
    assert "Russia" in names(p)
    assert "Vladimir Putin" not in names(p)  # known, but not named in this text


def test_unnamed_counterpart_is_the_state_until_the_minister_is_named(empty_kb):
    text = "Foreign Minister Jonas Berg met his Saudi counterpart in Lima on Saturday."
    m = meeting(run(empty_kb, text, published=date(2023, 6, 18)))
    assert [x.name for x in m.participants] == ["Jonas Berg", "Saudi Arabia"]
    text += " Saudi Foreign Minister Faisal Hamad said ties were improving."
    m = meeting(run(empty_kb, text, published=date(2023, 6, 18)))
    assert [x.name for x in m.participants] == ["Jonas Berg", "Faisal Hamad"]


def test_two_encounters_in_one_sentence_take_tense_date_and_venue_from_their_clause(empty_kb):
    text = (
        "Premier Jonas Berg and Prime Minister Paula Lind agreed to meet again in Oslo next "
        "month, officials said after their talks in Lima on Wednesday."
    )
    m = meeting(run(empty_kb, text, published=date(2023, 9, 7)))
    assert (m.kind, m.status, m.date, m.city) == ("talks", "held", date(2023, 9, 6), "Lima")


def test_apposition_with_a_national_title(empty_kb):
    text = "The prime minister, Jonas Berg, met the Irish taoiseach, Liam Byrne, in Dublin."
    m = meeting(run(empty_kb, text))
    assert {x.name for x in m.participants} == {"Jonas Berg", "Liam Byrne"}


def test_agreed_meeting_with_a_time_is_planned_but_a_vague_one_is_not(empty_kb):
    text = "President Marta Soto and Prime Minister Jonas Berg agreed to meet again in May."
    m = meeting(run(empty_kb, text, published=date(2023, 3, 1)))
    assert (m.status, m.date_precision) == ("planned", "month")
    text = "President Marta Soto and Prime Minister Jonas Berg agreed to meet regularly."
    assert run(empty_kb, text).meetings == []


def test_relative_clause_is_not_the_speaker_and_who_marks_a_person(empty_kb):
    text = 'Rossi, who met Berg at the White House on Thursday, said: "Italy is a reliable ally."'
    assert quotes(run(empty_kb, text)) == [("Rossi", "Italy is a reliable ally.")]


def test_weekday_range(empty_kb):
    text = (
        "Chancellor Jonas Berg and President Marta Soto are to meet in Hamburg on Monday "
        "and Tuesday."
    )
    m = meeting(run(empty_kb, text, published=date(2023, 10, 6)))
    assert (m.date, m.end_date) == (date(2023, 10, 9), date(2023, 10, 10))


def test_landmark_venue_names_its_city(empty_kb):
    text = "President Marta Soto held talks with Jonas Berg at the Great Hall of the People."
    m = meeting(run(empty_kb, text))
    assert (m.city, m.country) == ("Beijing", "CN")


def test_agency_quoting_someone_as_saying_is_the_via_not_the_speaker(empty_kb):
    text = (
        "President Ivan Petrov met envoys on Monday. "
        '"Peace is possible," Xinhua quoted Petrov as saying.'
    )
    p = run(empty_kb, text)
    [st] = [s for s in p.statements if s.kind != "paraphrase"]
    assert (st.speaker, st.via) == ("Ivan Petrov", "Xinhua")


def test_visit_roles_traveller_is_guest_destination_is_host(empty_kb):
    text = "Prime Minister Jonas Berg will visit South Korea on May 7."
    m = meeting(run(empty_kb, text, published=date(2023, 4, 30)))
    assert {x.name: x.role for x in m.participants} == {
        "Jonas Berg": "guest",
        "South Korea": "host",
    }


def test_statement_is_linked_to_the_meeting_its_speaker_took_part_in(empty_kb):
    text = 'President Marta Soto met Prime Minister Jonas Berg. "We agreed," Soto said.'
    p = run(empty_kb, text)
    [st] = [s for s in p.statements if s.kind != "paraphrase"]
    assert st.meeting_index == 0


def test_unknown_name_right_before_the_cue_becomes_the_speaker(empty_kb):
    p = run(empty_kb, '"The border is open," Okafor said.')
    assert quotes(p) == [("Okafor", "The border is open")]
    assert actor(p, "Okafor").kind == "person"


def test_institution_named_as_the_place_is_not_a_party(empty_kb):
    text = (
        "President Marta Soto welcomed Prime Minister Jonas Berg on Thursday for a state "
        "visit. The two leaders held talks in the Oval Office."
    )
    m = meeting(run(empty_kb, text, published=date(2024, 5, 24)))
    assert {x.name for x in m.participants} == {"Marta Soto", "Jonas Berg"}


def test_an_outlet_name_used_as_a_surname_is_the_person(empty_kb):
    p = run(empty_kb, "Former mayor Michael Reuters said the talks were useful.")
    assert "Reuters" not in names(p)


def test_statistical_ner_hook_adds_suggestions_the_rules_missed(empty_kb):
    text = "Okonkwo Eze smiled late in the afternoon."

    def ner(t):
        start = t.index("Okonkwo Eze")
        return [(start, start + len("Okonkwo Eze"), "PERSON")]

    assert "Okonkwo Eze" not in names(run(empty_kb, text))
    p = extract(ArticleInput(text=text), empty_kb, ner=ner)
    assert actor(p, "Okonkwo Eze").rule == "ner"


def test_every_span_points_at_its_text(empty_kb):
    text = (
        "NAIROBI, May 6 (Reuters) - Kenyan President Daniel Mwangi met Ethiopian Prime "
        'Minister Selam Tesfaye in Mombasa on Sunday. "We agreed on trade," Mwangi said, '
        "adding that talks would continue.\n\n“Our region needs calm,” Tesfaye said."
    )
    p = run(empty_kb, text, published=date(2024, 5, 6), dateline="NAIROBI, May 6 (Reuters)")
    for st in p.statements:
        assert text[slice(*st.span)] == st.text
        assert st.sentence_span[0] <= st.span[0] < st.span[1] <= st.sentence_span[1]
    for a in p.actors:
        assert all(0 <= s < e <= len(text) for s, e in a.spans)
    for m in p.meetings:
        assert 0 <= m.span[0] < m.span[1] <= len(text)


def test_agent_of_a_judgement_is_not_a_participant(empty_kb):
    text = (
        "President Marta Soto's visit to Lima, where she met Prime Minister Jonas Berg, was "
        "criticised by opposition leader Ana Ruiz."
    )
    m = meeting(run(empty_kb, text))
    assert "Ana Ruiz" not in {x.name for x in m.participants}
    text = "Prime Minister Jonas Berg was received by President Marta Soto in Lima."
    m = meeting(run(empty_kb, text))
    assert {x.name for x in m.participants} == {"Jonas Berg", "Marta Soto"}


def test_passive_hosting_turns_the_roles_round(empty_kb):
    text = "Prime Minister Jonas Berg was received by President Marta Soto in Lima."
    m = meeting(run(empty_kb, text))
    assert {x.name: x.role for x in m.participants} == {
        "Jonas Berg": "guest",
        "Marta Soto": "host",
    }


def test_state_keeps_the_country_name_the_text_uses(empty_kb):
    p = run(empty_kb, "Türkiye and Greece signed the accord. Moscow is watching.")
    assert {"Türkiye", "Greece", "Russia"} <= names(p)


def test_possessor_of_a_spokesman_is_neither_speaker_nor_party(empty_kb):
    text = (
        "President Ivan Petrov met envoys on Monday. "
        '"No decision yet," President Petrov\'s spokesman said.'
    )
    assert quotes(run(empty_kb, text)) == []


def test_called_on_is_a_visit_but_called_on_to_is_an_appeal(empty_kb):
    text = "Ambassador Jonas Berg called on Foreign Minister Paula Lind in Lima on Monday."
    assert meeting(run(empty_kb, text, published=date(2024, 5, 7))).kind == "meeting"
    text = "President Marta Soto called on Prime Minister Jonas Berg to release the prisoners."
    assert run(empty_kb, text).meetings == []


def test_sentence_without_parties_does_not_lend_its_date_to_an_earlier_meeting(empty_kb):
    text = (
        "President Marta Soto met Prime Minister Jonas Berg in Lima. "
        "Talks on fisheries will resume in May."
    )
    m = meeting(run(empty_kb, text, published=date(2024, 3, 1)))
    assert m.date is None


def test_a_meeting_inside_a_visits_date_range_merges_with_it(empty_kb):
    text = (
        "Foreign Minister Jonas Berg held talks with Chinese Foreign Minister Li Wen in Beijing "
        "on Sunday. Berg is in China on an official visit from January 27-28."
    )
    m = meeting(run(empty_kb, text, published=date(2018, 1, 28)))
    assert (m.kind, m.date) == ("talks", date(2018, 1, 28))


def test_received_the_visiting_minister_is_a_meeting(empty_kb):
    text = "Sultan Haitham Said received the visiting Foreign Minister of India, Ravi Kumar, today."
    m = meeting(run(empty_kb, text, published=date(2023, 12, 4)))
    assert m.kind == "meeting"


def test_hosted_the_meeting_refers_back_to_the_summit(empty_kb):
    text = (
        "Leaders gathered in Lima on Tuesday for a summit of the Andean Community. President "
        "Marta Soto hosted the meeting, which was attended by Chile's Jonas Berg and Peru's "
        "Paula Lind."
    )
    p = run(empty_kb, text, published=date(2023, 8, 9))
    m = meeting(p)
    assert m.kind == "summit"
    assert {"Marta Soto", "Jonas Berg", "Paula Lind"} <= {x.name for x in m.participants}


def test_infrastructure_and_national_bodies_are_not_mistaken(empty_kb):
    text = (
        "Prime Minister Jonas Berg discussed the Grand Ethiopian Renaissance Dam with envoys. "
        "Officials from the National Security Council Secretariat attended."
    )
    p = run(empty_kb, text)
    assert not any("Dam" in n for n in names(p))
    assert "United Nations Security Council" not in names(p)
    assert "Security Council" not in names(p)


def test_surnames_that_are_also_place_words_stay_names(empty_kb):
    p = run(empty_kb, "South Korean Foreign Minister Park Jin met Senator Jonathan Hall.")
    assert {"Park Jin", "Jonathan Hall"} <= names(p)


def test_definite_description_uses_the_kb_position_held_on_the_day():
    from meetings.extraction import KBActor, KBPosition, KnowledgeBase

    kb = KnowledgeBase(
        [
            KBActor(
                7,
                "Ana Ruiz",
                "person",
                "CL",
                positions=(KBPosition("Minister of Foreign Affairs", "CL", "", date(2022, 3, 1)),),
            )
        ]
    )
    text = 'Ana Ruiz arrived on Monday. "We are ready," the minister said.'
    assert quotes(extract(ArticleInput(text=text, published=date(2023, 1, 5)), kb)) == [
        ("Ana Ruiz", "We are ready")
    ]


def test_rejected_link_is_not_proposed_again():
    from meetings.extraction import KBActor, KBAlias, KnowledgeBase

    actors = [KBActor(9, "Vladimir Putin", "person", "RU", aliases=(KBAlias("Putin"),))]
    text = "Putin arrived in the capital on Monday, President Marta Soto said."
    linked = extract(ArticleInput(text=text), KnowledgeBase(actors))
    assert any(a.actor_id == 9 for a in linked.actors)
    rejected = extract(
        ArticleInput(text=text), KnowledgeBase(actors, rejected_links=[("putin", 9)])
    )
    assert all(a.actor_id != 9 for a in rejected.actors)


def test_knowledge_base_compiles_once_and_matches_on_word_boundaries():
    from meetings.extraction import KBActor, KBAlias, KnowledgeBase, normalize

    kb = KnowledgeBase([KBActor(1, "Li Qiang", "person", "CN", aliases=(KBAlias("Li"),))])
    hits = [key for _s, _e, key in kb.find(normalize("Li met Lima officials in Mali"))]
    assert hits.count("li") == 1 and "li qiang" not in hits
    assert kb.automaton is kb.automaton


def test_surname_in_capitals_before_the_given_name_is_one_person():
    from meetings.extraction import KBActor, KBAlias, KnowledgeBase

    kb = KnowledgeBase([KBActor(5, "Taro Yamada", "person", "JP", aliases=(KBAlias("Yamada"),))])
    text = "Mr. YAMADA Taro, Prime Minister of Japan, held a meeting with envoys."
    p = extract(ArticleInput(text=text), kb)
    assert [(a.name, a.actor_id) for a in p.actors if a.kind == "person"] == [("Taro Yamada", 5)]


def test_unnamed_ministry_that_speaks_is_an_organisation(empty_kb):
    text = 'ACCRA (AP) - "The border is calm," the foreign ministry said.'
    p = run(empty_kb, text, dateline="ACCRA (AP)")
    ministry = actor(p, "foreign ministry")
    assert (ministry.kind, ministry.country) == ("organization", "GH")
    assert quotes(p) == [("foreign ministry", "The border is calm")]


def test_apposition_with_a_possessive_country_title(empty_kb):
    p = run(empty_kb, "Ivan Petrov, Serbia's foreign minister, arrived on Monday.")
    assert actor(p, "Ivan Petrov").country == "RS"


def test_state_side_is_named_only_by_a_holder_of_the_office_met(empty_kb):
    text = (
        "The foreign ministers of Chile and Peru met in Lima on Monday. Peruvian President "
        "Jonas Berg criticised the talks."
    )
    m = meeting(run(empty_kb, text, published=date(2024, 5, 7)))
    assert [x.name for x in m.participants] == ["Chile", "Peru"]
