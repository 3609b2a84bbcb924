"""Rules of the third round of issue 11, each on its own, with sentences written for these
tests: one encounter per counterpart or clause, titles in a list of people."""

from datetime import date

from meetings.extraction import ArticleInput, extract


def proposal(kb, text, published=date(2024, 5, 10)):
    return extract(ArticleInput(text=text, published=published), kb)


def meetings(kb, text, published=date(2024, 5, 10)):
    return [
        (m.kind, m.status, sorted(x.name for x in m.participants), m.rule)
        for m in proposal(kb, text, published).meetings
    ]


def countries(kb, text):
    return {a.name: a.country for a in proposal(kb, text).actors if a.kind == "person"}


def test_a_list_of_counterparts_of_other_states_is_one_meeting_each(empty_kb):
    text = (
        "Chilean Foreign Minister Ana Torres met Kenyan President Paul Otieno, Peruvian "
        "Prime Minister Luis Vera and Norwegian Foreign Minister Erik Dahl on Monday."
    )
    assert sorted(meetings(empty_kb, text)) == [
        ("meeting", "held", ["Ana Torres", "Erik Dahl"], "encounter-per-counterpart"),
        ("meeting", "held", ["Ana Torres", "Luis Vera"], "encounter-per-counterpart"),
        ("meeting", "held", ["Ana Torres", "Paul Otieno"], "encounter-per-counterpart"),
    ]


def test_a_trilateral_meeting_with_a_list_stays_one(empty_kb):
    text = (
        "Chilean Foreign Minister Ana Torres held a trilateral meeting with Kenyan President "
        "Paul Otieno and Peruvian Prime Minister Luis Vera on Monday."
    )
    got = meetings(empty_kb, text)
    assert len(got) == 1
    assert got[0][2] == ["Ana Torres", "Luis Vera", "Paul Otieno"]


def test_counterparts_of_one_state_stay_one_meeting(empty_kb):
    text = (
        "Chilean Foreign Minister Ana Torres met Peruvian President Luis Vera and Peruvian "
        "Foreign Minister Rosa Campos on Monday."
    )
    got = meetings(empty_kb, text)
    assert len(got) == 1
    assert got[0][2] == ["Ana Torres", "Luis Vera", "Rosa Campos"]


def test_each_clause_after_a_semicolon_is_its_own_encounter(empty_kb):
    text = (
        "Chilean Foreign Minister Ana Torres will visit Lima on Friday, where she will call on "
        "the Peruvian President, Luis Vera; meet the Peruvian Interior Minister, Rosa Campos; "
        "and hold talks with the Peruvian Foreign Minister, Jorge Salas."
    )
    got = sorted(p for _k, _s, p, _r in meetings(empty_kb, text))
    assert got == [
        ["Ana Torres", "Jorge Salas"],
        ["Ana Torres", "Luis Vera"],
        ["Ana Torres", "Rosa Campos"],
    ]


def test_a_title_in_a_list_gives_its_own_person_the_country(empty_kb):
    text = (
        "Ana Torres met Kenyan President Paul Otieno, Guinean President Sekou Diallo, "
        "Moroccan Prime Minister Karim Idrissi and Ghana President, Kwame Mensah."
    )
    got = countries(empty_kb, text)
    assert got["Sekou Diallo"] == "GN"
    assert got["Karim Idrissi"] == "MA"
    assert got["Paul Otieno"] == "KE"


def quotes(kb, text):
    return [(s.speaker, s.text, s.rule) for s in proposal(kb, text).statements]


def test_an_unnamed_ministry_spokesman_gives_the_ministry_as_speaker(empty_kb):
    text = (
        "Chilean Foreign Minister Ana Torres met Peruvian President Luis Vera on Monday. "
        '"The talks were frank and useful," a foreign ministry spokesman said. '
        '"We will set a new date soon," he told reporters.'
    )
    assert quotes(empty_kb, text) == [
        ("foreign ministry", "The talks were frank and useful", "quote-institution"),
        ("foreign ministry", "We will set a new date soon", "quote-institution"),
    ]
    names = {a.name: a.kind for a in proposal(empty_kb, text).actors}
    assert names["foreign ministry"] == "organization"


def test_a_statement_from_the_presidency_speaks_for_the_presidency(empty_kb):
    text = (
        "Peruvian President Luis Vera received Chilean Foreign Minister Ana Torres on Monday. "
        '"We welcome the visit of a close friend," a statement from the presidency said.'
    )
    assert quotes(empty_kb, text) == [
        ("presidency", "We welcome the visit of a close friend", "quote-institution")
    ]


def test_the_alliance_is_the_latest_organisation_named(kb):
    text = (
        "NATO Secretary General Jens Berg met Peruvian President Luis Vera in Brussels. "
        '"Peru is a valued partner of ours," the alliance said in a press release.'
    )
    assert quotes(kb, text) == [("NATO", "Peru is a valued partner of ours", "quote-institution")]


def test_the_government_of_a_named_state_speaks_for_that_state(empty_kb):
    text = (
        "Chilean Foreign Minister Ana Torres met Peruvian President Luis Vera on Monday. "
        '"The border must stay open," the Peruvian government said.'
    )
    assert [(who, said) for who, said, _rule in quotes(empty_kb, text)] == [
        ("Peru", "The border must stay open")
    ]


def test_a_name_right_after_the_cue_speaks_the_quote_that_follows(empty_kb):
    text = (
        "Peruvian President Luis Vera met Chilean President Ana Torres in Lima. "
        'Should Peru and Chile disagree, said Ana Torres, "an open debate" will follow.'
    )
    assert quotes(empty_kb, text) == [("Ana Torres", "an open debate", "quote-before-cue")]


def test_the_body_a_spokesperson_speaks_for_is_not_the_speaker(empty_kb):
    text = (
        "Peruvian President Luis Vera met Chilean President Ana Torres in Lima. "
        'After the talks, Rosa Campos, spokesperson of Peru MoFA tweeted, "The two '
        'presidents met today in Lima."'
    )
    assert [who for who, _said, _rule in quotes(empty_kb, text)] == ["Rosa Campos"]


def test_a_counterpart_known_by_country_is_the_person_of_that_office_named_later(empty_kb):
    text = (
        "Foreign Minister Ana Torres of Chile met with her Peruvian counterpart on Friday in "
        'Lima. Torres said: "I am sure my meeting with Foreign Minister Rosa Campos will help '
        'both countries."'
    )
    assert meetings(empty_kb, text) == [
        ("meeting", "held", ["Ana Torres", "Rosa Campos"], "trigger-meeting")
    ]
    # nobody of that office named: the state stands for the unnamed side
    text = "Foreign Minister Ana Torres of Chile met with her Peruvian counterpart on Friday."
    assert meetings(empty_kb, text) == [
        ("meeting", "held", ["Ana Torres", "Peru"], "trigger-meeting")
    ]


def test_counterparts_named_with_their_states_are_one_meeting_each(empty_kb):
    text = (
        "Chilean Foreign Minister Ana Torres on Tuesday met with her counterparts Rosa Campos "
        "of Canada and Maria Soto of Colombia before the Lima Group meeting."
    )
    assert sorted(p for _k, _s, p, _r in meetings(empty_kb, text)) == [
        ["Ana Torres", "Maria Soto"],
        ["Ana Torres", "Rosa Campos"],
    ]


def test_a_state_s_unnamed_minister_is_that_state_as_a_side(empty_kb):
    text = (
        "Pakistani Foreign Minister Ali Khan will hold a meeting with Uzbekistan's "
        "Foreign Minister."
    )
    assert meetings(empty_kb, text) == [
        ("meeting", "planned", ["Ali Khan", "Uzbekistan"], "trigger-meeting")
    ]
    # named: the person is the side, the state only the adjective of the office
    text = "Pakistani Foreign Minister Ali Khan met Uzbekistan's Foreign Minister Rustam Aliev."
    assert meetings(empty_kb, text) == [
        ("meeting", "held", ["Ali Khan", "Rustam Aliev"], "trigger-meeting")
    ]


def test_the_body_of_a_spokesperson_is_no_party_to_their_meet(empty_kb):
    text = (
        "Pakistani Foreign Minister Ali Khan met Uzbek Foreign Minister Rustam Aliev in Goa. "
        "Following their meet, Sara Baig, spokesperson of the Pakistan Foreign Office, "
        "posted a photo of the two ministers."
    )
    assert [p for _k, _s, p, _r in meetings(empty_kb, text)] == [["Ali Khan", "Rustam Aliev"]]


def test_the_demonym_and_office_refer_back_to_the_person_named_with_them(empty_kb):
    text = (
        "India's Foreign Secretary Vinay Rao called on Sri Lankan President Nimal Perera on "
        "Tuesday. The Indian foreign secretary also met his Sri Lankan counterpart Aruni "
        "Silva at the foreign ministry in Colombo."
    )
    assert sorted(p for _k, _s, p, _r in meetings(empty_kb, text)) == [
        ["Aruni Silva", "Vinay Rao"],
        ["Nimal Perera", "Vinay Rao"],
    ]


def test_doubled_apostrophes_open_and_close_a_quote(empty_kb):
    text = (
        "Chilean President Ana Torres met Peruvian President Luis Vera in Lima on Monday. "
        "''We are partners for the long run,'' Torres said. She called the deal ''a good "
        "start''."
    )
    assert quotes(empty_kb, text) == [
        ("Ana Torres", "We are partners for the long run", "quote-after-cue"),
        ("Ana Torres", "a good start", "quote-before-cue"),
    ]


def test_sta_inside_a_name_neither_ends_the_sentence_nor_the_name(empty_kb):
    text = (
        "Philippine Ambassador Jose Sta. Cruz met Chinese Foreign Minister Li Ming in Beijing "
        'on Tuesday. "We are friends," Sta. Cruz said.'
    )
    p = proposal(empty_kb, text)
    assert [sorted(x.name for x in m.participants) for m in p.meetings] == [
        ["Jose Sta. Cruz", "Li Ming"]
    ]
    assert [(s.speaker, s.text) for s in p.statements] == [("Jose Sta. Cruz", "We are friends")]


def test_a_planned_trip_told_as_a_noun_phrase_is_a_planned_visit(empty_kb):
    text = "Chilean Foreign Minister Ana Torres spoke of her planned trip to Peru next week."
    assert meetings(empty_kb, text) == [
        ("visit", "planned", ["Ana Torres", "Peru"], "trigger-visit")
    ]
