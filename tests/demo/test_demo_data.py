"""Integrity of the demo data set (meetings.demo.data): pure data checks, no database."""

import datetime as dt
import re
from collections import Counter

import pytest

from meetings.demo import data
from meetings.demo.data import ACTORS, ARTICLES, MEETINGS, STATEMENTS

ACTOR_KINDS = {"person", "organization"}
MEETING_KINDS = {"meeting", "visit", "call", "summit", "talks"}
STATUSES = {"held", "planned", "cancelled"}
PRECISIONS = {"day", "month", "year"}
ROLES = {"host", "guest", "participant", "mediator"}
STATEMENT_KINDS = {"direct", "partial", "paraphrase"}
OPENING_QUOTES = "\"“‘'"
CLOSING_QUOTES = "\"”’'"
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
STATE_KEY = re.compile(r"^state:[A-Z]{2}$")
# "MOSCOW, April 17" or "WOODSIDE, California, Nov. 15"
DATELINE = re.compile(r"[A-Z][A-Z .'-]+(, [A-Za-z .]+)?, [A-Z][a-z]+\.? \d{1,2}")

ACTOR_KEYS = {a["key"] for a in ACTORS}
ARTICLES_BY_KEY = {a["key"]: a for a in ARTICLES}
MEETINGS_BY_KEY = {m["key"]: m for m in MEETINGS}


def _date(value):
    return dt.date.fromisoformat(value)


def _is_iso_date(value):
    try:
        return _date(value).isoformat() == value
    except (TypeError, ValueError):
        return False


# --- sizes ---------------------------------------------------------------------------


def test_there_are_at_least_14_articles():
    assert len(ARTICLES) >= 14


def test_there_are_at_least_32_actors():
    assert len(ACTORS) >= 32


def test_there_are_at_least_22_meetings():
    assert len(MEETINGS) >= 22


def test_there_are_at_least_45_statements():
    assert len(STATEMENTS) >= 45


# --- keys and references -------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "label"), [(ACTORS, "actor"), (ARTICLES, "article"), (MEETINGS, "meeting")]
)
def test_keys_are_unique_slugs(rows, label):
    keys = [row["key"] for row in rows]
    assert [k for k, n in Counter(keys).items() if n > 1] == [], f"duplicate {label} keys"
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", k) for k in keys)


def test_article_urls_are_unique_and_on_the_demo_host():
    urls = [a["url"] for a in ARTICLES]
    assert len(set(urls)) == len(urls)
    assert all(u.startswith("https://demo.diplomatic-meetings.invalid/") for u in urls)


def test_every_meeting_participant_is_a_known_actor_or_a_state_key():
    for m in MEETINGS:
        for key, role in m["participants"]:
            assert key in ACTOR_KEYS or STATE_KEY.match(key), (m["key"], key)
            assert role in ROLES, (m["key"], role)


def test_no_actor_takes_part_twice_in_the_same_meeting():
    for m in MEETINGS:
        keys = [key for key, _ in m["participants"]]
        assert len(keys) == len(set(keys)), m["key"]


def test_every_meeting_has_evidence_from_known_articles():
    for m in MEETINGS:
        assert m["evidence"], m["key"]
        for article_key, _ in m["evidence"]:
            assert article_key in ARTICLES_BY_KEY, (m["key"], article_key)


def test_every_statement_refers_to_known_speaker_article_meeting_and_via():
    for s in STATEMENTS:
        assert s["speaker"] in ACTOR_KEYS or STATE_KEY.match(s["speaker"]), s["speaker"]
        assert s["article"] in ARTICLES_BY_KEY, s["article"]
        assert s["meeting"] is None or s["meeting"] in MEETINGS_BY_KEY, s["meeting"]
        assert s["via"] is None or s["via"] in ACTOR_KEYS, s["via"]
        assert s["via"] != s["speaker"]


def test_statement_meeting_is_supported_by_the_statements_article():
    for s in STATEMENTS:
        if s["meeting"]:
            evidence_articles = {a for a, _ in MEETINGS_BY_KEY[s["meeting"]]["evidence"]}
            assert s["article"] in evidence_articles, (s["meeting"], s["article"])


# --- exact substrings ----------------------------------------------------------------


def test_every_evidence_sentence_is_an_exact_substring_of_its_article_body():
    for m in MEETINGS:
        for article_key, sentence in m["evidence"]:
            assert sentence in ARTICLES_BY_KEY[article_key]["body"], (m["key"], sentence)


def test_every_statement_text_is_an_exact_substring_of_its_article_body():
    for s in STATEMENTS:
        assert s["text"] in ARTICLES_BY_KEY[s["article"]]["body"], s["text"]


def test_quoted_statement_texts_sit_between_quote_marks():
    for s in STATEMENTS:
        if s["kind"] == "paraphrase":
            continue
        body = ARTICLES_BY_KEY[s["article"]]["body"]
        start = body.index(s["text"])
        end = start + len(s["text"])
        assert body[start - 1] in OPENING_QUOTES, s["text"]
        assert body[end : end + 2].lstrip(",.")[:1] in CLOSING_QUOTES, s["text"]


def test_paraphrase_statements_contain_no_quote_marks():
    for s in STATEMENTS:
        if s["kind"] == "paraphrase":
            assert not set(s["text"]) & set('"“”'), s["text"]


def test_participants_of_a_meeting_are_named_in_its_evidence_articles():
    names = {a["key"]: [a["name"], *a["aliases"]] for a in ACTORS}
    for m in MEETINGS:
        bodies = " ".join(ARTICLES_BY_KEY[a]["body"] for a, _ in m["evidence"])
        for key, _ in m["participants"]:
            if key in names:
                assert any(n in bodies for n in names[key]), (m["key"], key)


# --- vocabularies --------------------------------------------------------------------


def test_actor_kinds_and_countries_are_valid():
    for a in ACTORS:
        assert a["kind"] in ACTOR_KINDS, a["key"]
        assert a["country"] is None or COUNTRY_CODE.match(a["country"]), a["key"]
        assert a["wikidata"] is None or re.fullmatch(r"Q[1-9][0-9]*", a["wikidata"])


def test_meeting_kinds_statuses_and_precisions_are_valid():
    for m in MEETINGS:
        assert m["kind"] in MEETING_KINDS, m["key"]
        assert m["status"] in STATUSES, m["key"]
        assert m["date_precision"] in PRECISIONS, m["key"]


def test_statement_kinds_are_valid():
    assert {s["kind"] for s in STATEMENTS} <= STATEMENT_KINDS


def test_every_meeting_kind_is_used_at_least_once():
    assert {m["kind"] for m in MEETINGS} == MEETING_KINDS


def test_every_statement_kind_is_used_and_most_are_paraphrases():
    kinds = Counter(s["kind"] for s in STATEMENTS)
    assert set(kinds) == STATEMENT_KINDS
    assert kinds["paraphrase"] > len(STATEMENTS) / 2


def test_aliases_do_not_repeat_the_name_and_no_alias_points_at_two_actors():
    owners = {}
    for a in ACTORS:
        assert a["name"] not in a["aliases"], a["key"]
        for alias in {a["name"], *a["aliases"]}:
            owners.setdefault(alias.casefold(), set()).add(a["key"])
    assert {alias: keys for alias, keys in owners.items() if len(keys) > 1} == {}


# --- dates ---------------------------------------------------------------------------


def test_all_dates_are_valid_iso_dates():
    for a in ARTICLES:
        assert _is_iso_date(a["published_on"]), a["key"]
    for m in MEETINGS:
        assert _is_iso_date(m["start_date"]), m["key"]
        assert m["end_date"] is None or _is_iso_date(m["end_date"]), m["key"]
    for s in STATEMENTS:
        assert s["date"] is None or _is_iso_date(s["date"]), s["text"]
    for a in ACTORS:
        for p in a["positions"]:
            assert _is_iso_date(p["start"]), a["key"]
            assert p["end"] is None or _is_iso_date(p["end"]), a["key"]
        for _, start, end in a["role_aliases"]:
            assert _is_iso_date(start), a["key"]
            assert end is None or _is_iso_date(end), a["key"]


def test_end_dates_are_not_before_start_dates():
    for m in MEETINGS:
        if m["end_date"]:
            assert _date(m["end_date"]) >= _date(m["start_date"]), m["key"]
    for a in ACTORS:
        for p in a["positions"]:
            if p["end"]:
                assert _date(p["end"]) >= _date(p["start"]), a["key"]
        for _, start, end in a["role_aliases"]:
            if end:
                assert _date(end) >= _date(start), a["key"]


def test_month_precision_meetings_start_on_the_first_and_have_no_end():
    for m in MEETINGS:
        if m["date_precision"] == "month":
            assert m["start_date"].endswith("-01"), m["key"]
            assert m["end_date"] is None, m["key"]


def test_meetings_fall_between_2018_and_2025():
    for m in MEETINGS:
        assert 2018 <= _date(m["start_date"]).year <= 2025, m["key"]


def test_held_meetings_began_before_an_article_reported_them():
    for m in MEETINGS:
        if m["status"] == "held":
            for article_key, _ in m["evidence"]:
                published = _date(ARTICLES_BY_KEY[article_key]["published_on"])
                assert _date(m["start_date"]) <= published, (m["key"], article_key)


def test_planned_meetings_lie_after_the_articles_that_announce_them():
    for m in MEETINGS:
        if m["status"] == "planned":
            for article_key, _ in m["evidence"]:
                published = _date(ARTICLES_BY_KEY[article_key]["published_on"])
                assert _date(m["start_date"]) > published, (m["key"], article_key)


def test_statements_are_not_dated_after_their_article():
    for s in STATEMENTS:
        if s["date"]:
            assert _date(s["date"]) <= _date(ARTICLES_BY_KEY[s["article"]]["published_on"])


def _held_office_on(actor, day):
    return any(
        _date(p["start"]) <= day and (p["end"] is None or day <= _date(p["end"]))
        for p in actor["positions"]
    )


def test_every_role_alias_is_valid_only_while_the_actor_held_an_office():
    for a in ACTORS:
        for alias, start, end in a["role_aliases"]:
            assert _held_office_on(a, _date(start)), (a["key"], alias, start)
            if end is None:
                assert any(p["end"] is None for p in a["positions"]), (a["key"], alias)
            else:
                assert _held_office_on(a, _date(end)), (a["key"], alias, end)


def test_position_organizations_are_actor_keys_or_empty():
    for a in ACTORS:
        for p in a["positions"]:
            assert p["organization"] in ACTOR_KEYS | {""}, (a["key"], p["organization"])


def test_terms_of_one_role_alias_do_not_overlap():
    # "the Russian president" may name Putin in two terms, never in two overlapping ones.
    for a in ACTORS:
        terms = {}
        for text, start, end in a["role_aliases"]:
            terms.setdefault(text.casefold(), []).append((start, end or "9999-12-31"))
        for text, spans in terms.items():
            spans.sort()
            for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
                assert end <= start, (a["key"], text)
        assert not set(terms) & {alias.casefold() for alias in a["aliases"]}, a["key"]


def test_every_person_holds_at_least_one_dated_position():
    for a in ACTORS:
        if a["kind"] == "person":
            assert a["positions"], a["key"]


# --- venues --------------------------------------------------------------------------


def test_meetings_take_place_in_at_least_8_venue_countries():
    countries = {m["country"] for m in MEETINGS if m["country"]}
    assert all(COUNTRY_CODE.match(c) for c in countries)
    assert len(countries) >= 8


def test_calls_have_no_venue_and_other_meetings_have_a_venue_country():
    for m in MEETINGS:
        if m["kind"] == "call":
            assert m["city"] is None and m["country"] is None, m["key"]
        else:
            assert m["country"], m["key"]


def test_the_set_covers_several_years_planned_meetings_and_a_multiparty_summit():
    assert len({m["start_date"][:4] for m in MEETINGS}) >= 5
    assert sum(m["status"] == "planned" for m in MEETINGS) >= 2
    assert any(m["kind"] == "summit" and len(m["participants"]) >= 4 for m in MEETINGS)
    assert any(m["kind"] == "visit" and m["end_date"] for m in MEETINGS)
    assert any(m["date_precision"] == "month" for m in MEETINGS)


# --- articles ------------------------------------------------------------------------


def test_article_bodies_are_120_to_300_words_in_several_paragraphs():
    for a in ARTICLES:
        assert 120 <= len(a["body"].split()) <= 300, a["key"]
        assert a["body"].count("\n\n") >= 2, a["key"]
        assert "\n\n\n" not in a["body"] and a["body"] == a["body"].strip()


def test_module_docstring_says_the_articles_are_demo_texts_written_by_the_project():
    doc = data.__doc__.casefold()
    assert "demo text" in doc and "written by the project" in doc


def test_article_bodies_open_with_the_story_not_a_disclaimer():
    for a in ARTICLES:
        first_line = a["body"].split("\n", 1)[0].casefold()
        assert not any(w in first_line for w in ("demo", "disclaimer", "fiction")), a["key"]


def test_articles_come_from_the_demo_desk_in_english_with_a_dateline():
    for a in ARTICLES:
        assert a["outlet"] == "Diplomatic Meetings demo desk"
        assert a["language"] == "en"
        assert DATELINE.fullmatch(a["dateline"]), a["dateline"]


# --- the meeting our user started from -------------------------------------------------


def test_li_shangfu_met_putin_in_moscow_on_16_april_2023():
    m = MEETINGS_BY_KEY["li-shangfu-putin-2023-04-16"]
    assert (m["kind"], m["status"], m["start_date"], m["city"], m["country"]) == (
        "meeting",
        "held",
        "2023-04-16",
        "Moscow",
        "RU",
    )
    assert dict(m["participants"]) == {"li-shangfu": "guest", "vladimir-putin": "host"}
    assert _date("2023-04-16").strftime("%A") == "Sunday"


def test_li_shangfu_visit_to_russia_runs_16_to_19_april_2023_hosted_by_shoigu():
    m = MEETINGS_BY_KEY["li-shangfu-russia-visit-2023-04"]
    assert (m["kind"], m["start_date"], m["end_date"]) == ("visit", "2023-04-16", "2023-04-19")
    assert dict(m["participants"]) == {"li-shangfu": "guest", "sergei-shoigu": "host"}


def test_li_shangfu_held_talks_with_shoigu_in_moscow_during_the_visit():
    talks = MEETINGS_BY_KEY["li-shangfu-shoigu-2023-04-18"]
    visit = MEETINGS_BY_KEY["li-shangfu-russia-visit-2023-04"]
    assert talks["kind"] == "talks" and talks["city"] == "Moscow"
    assert visit["start_date"] <= talks["start_date"] <= visit["end_date"]
    assert {k for k, _ in talks["participants"]} == {"li-shangfu", "sergei-shoigu"}
