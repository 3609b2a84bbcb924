"""Search finds records and names, ranked and counted within bounds (meetings/site/search.py)."""

import pytest
from django.db import connection
from django.urls import reverse


def test_search_finds_meetings_statements_articles_and_actors(client, world):
    html = client.get(reverse("meetings:search"), {"q": "Putin"}).content.decode()
    assert world.moscow.get_absolute_url() in html
    assert world.article.get_absolute_url() in html
    assert world.putin.get_absolute_url() in html
    assert "<mark>" in html
    html = client.get(reverse("meetings:search"), {"q": "militaries"}).content.decode()
    assert world.statement.get_absolute_url() in html


def test_search_snippets_are_escaped(client, world):
    from tests import factories

    factories.article(title="Putin <b>bold</b>", body="<img src=x onerror=alert(1)> Putin spoke.")
    html = client.get(reverse("meetings:search"), {"q": "Putin"}).content.decode()
    assert "<img src=x" not in html and "<b>bold</b>" not in html


def test_search_with_nothing_found_says_so(client, world):
    html = client.get(reverse("meetings:search"), {"q": "Xylophonics"}).content.decode()
    assert "Nothing matches" in html


def test_search_links_to_the_filterable_meeting_list(client, world):
    html = client.get(reverse("meetings:search"), {"q": "Putin"}).content.decode()
    assert f"{reverse('meetings:meeting-list')}?q=Putin" in html


def test_search_that_is_too_long_is_400(client, world):
    assert client.get(reverse("meetings:search"), {"q": "x" * 500}).status_code == 400


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram search is PostgreSQL's")
def test_typo_in_a_name_still_finds_the_actor_on_postgresql(client, world):
    html = client.get(reverse("meetings:search"), {"q": "Shoygu"}).content.decode()
    assert world.shoigu.get_absolute_url() in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram search is PostgreSQL's")
def test_a_misspelt_word_of_a_longer_query_finds_the_actor_on_postgresql(client, world):
    html = client.get(reverse("meetings:search"), {"q": "Shoygu Moscow"}).content.decode()
    assert world.shoigu.get_absolute_url() in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram search is PostgreSQL's")
def test_a_word_that_is_a_name_is_not_also_looked_for_fuzzily_on_postgresql(client, world):
    from tests import factories

    # Invented actors. "Valdoria" is a name as typed, so it is not looked for fuzzily and
    # "Valdorian Keth" (similarity 0.5) stays out; the misspelt surname still finds its actor.
    exact = factories.actor("Valdoria", kind="organization", country_code=None)
    near_exact = factories.actor("Valdorian Keth")
    wanted = factories.actor("Bartholomeyenko")
    html = client.get(
        reverse("meetings:search"), {"q": "Valdoria Bartholomeienko"}
    ).content.decode()
    assert exact.get_absolute_url() in html
    assert wanted.get_absolute_url() in html
    assert near_exact.get_absolute_url() not in html
    # Misspelt, the same word is looked for fuzzily again.
    html = client.get(reverse("meetings:search"), {"q": "Valdorya"}).content.decode()
    assert exact.get_absolute_url() in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="headlines are PostgreSQL's")
@pytest.mark.parametrize(
    ("query", "marked"),
    [("Xanadoria", "Xanadoria"), ("treaties", "treaty"), ("countries", "country")],
)
def test_snippets_mark_a_match_far_into_a_long_article_on_postgresql(client, world, query, marked):
    from tests import factories

    filler = "The delegations discussed the weather at some length. " * 200  # ~11,000 chars
    body = f"{filler}Officials from Xanadoria signed a treaty for the country. {filler}"
    factories.article(title="A long report", body=body)
    html = client.get(reverse("meetings:search"), {"q": query}).content.decode()
    assert f"<mark>{marked}</mark>" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="websearch syntax is PostgreSQL's")
def test_websearch_phrases_and_exclusions_on_postgresql(client, world):
    html = client.get(
        reverse("meetings:search"), {"q": '"strategic trust" -Paris'}
    ).content.decode()
    assert world.statement.get_absolute_url() in html
    html = client.get(reverse("meetings:search"), {"q": "trade -Paris"}).content.decode()
    assert world.other_meeting.get_absolute_url() not in html


def analyze_search_tables():
    """Planner statistics of this test's rows: search reads the planner's estimates, which
    rows that earlier tests committed (and autovacuum analysed) would otherwise set."""
    from meetings.site.search import TABLES

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(table for table, _, _ in TABLES.values()))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="candidate SQL is PostgreSQL's")
def test_common_terms_take_the_newest_matches_by_date_on_postgresql(client, world, monkeypatch):
    from meetings.site import search
    from tests import factories

    factories.meeting(participants=[world.putin, world.shoigu])  # a second match
    analyze_search_tables()
    monkeypatch.setattr(search, "SEARCH_COUNT_LIMIT", 1)  # 2 matches is "common"
    html = client.get(reverse("meetings:search"), {"q": "Putin"}).content.decode()
    assert world.moscow.get_absolute_url() in html and "more than 1 match" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN count is PostgreSQL's")
def test_search_counts_from_the_index_agree_with_counting_the_rows(world):
    from meetings.models import Article, Meeting, Statement
    from meetings.site import paging, search
    from tests import factories

    factories.meeting(participants=[world.putin, world.shoigu], published=False)  # a draft
    for model in (Meeting, Statement, Article):
        for text in ("Putin", "strategic trust", "Pineapplegate", "nothingmatcheshere"):
            queryset = search.matching(model.objects.all(), text)
            queryset = (
                queryset.filter(editorial_status="published")
                if model is Article
                else queryset.filter(is_public=True)
            )
            for limit in (1, 1000):
                expected = paging.count_bounded(queryset, limit)
                assert search.count_matches(model, text, limit) == expected, (model, text)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="planner estimates are PostgreSQL's")
def test_search_past_the_exact_limit_gives_the_planners_estimate(client, world, monkeypatch):
    from meetings.site import search
    from tests import factories

    factories.meeting(participants=[world.putin, world.shoigu])  # a second match
    monkeypatch.setattr(search, "SEARCH_COUNT_LIMIT", 1)
    planner = search.estimates

    def estimates(text):
        guesses = planner(text)
        guesses["meetings_meeting"].matches = 123_000
        return guesses

    monkeypatch.setattr(search, "estimates", estimates)
    html = client.get(reverse("meetings:search"), {"q": "Putin"}).content.decode()
    assert "about 120,000 matches" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="candidate SQL is PostgreSQL's")
def test_common_terms_found_in_a_recent_window_or_else_among_all_matches(client, world):
    """A window too small for the estimate (no recent match) falls back to every match."""
    from meetings.models import Meeting
    from meetings.site import search

    for matches in (1, 10**6):  # fetch all / a window of the newest rows
        guess = search.Guess(public=10**9, matches=matches)
        section = search.ranked_postgres(
            Meeting.objects.published().for_list(),
            "Putin",
            "summary",
            10,
            {"meetings_meeting": guess},
        )
        assert world.moscow in section.rows, matches
