"""Search finds names as people type them, on SQLite and PostgreSQL alike (issue 16, 2):
accents and case folded, misspelt names corrected, an actor's own records found, whole
words highlighted (meetings/site/search.py)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.site import search
from tests import factories


def page(client, q: str) -> str:
    response = client.get(reverse("meetings:search"), {"q": q})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def turkey(world):
    """An invented day in Ankara: Erdoğan's meeting and statement, and a meeting and a
    statement of other people that mention him."""
    erdogan = factories.actor("Recep Tayyip Erdoğan", country_code="TR", aliases=["Erdoğan"])
    source = factories.article(
        title="Talks in Ankara",
        body="ANKARA -- President Recep Tayyip Erdoğan received Vladimir Putin on Monday. "
        "The grain corridor was on the table.",
        published_on=dt.date(2023, 9, 4),
    )
    own = factories.meeting(
        participants=[erdogan, world.putin],
        source=source,
        title="Grain corridor talks in Ankara",
        summary="The two presidents discussed the grain corridor.",
        city="Ankara",
        country="TR",
        start_date=dt.date(2023, 9, 4),
    )
    said = factories.statement(
        speaker=erdogan,
        source=source,
        text="The corridor must reopen.",
        said_on=dt.date(2023, 9, 4),
    )
    mention = factories.meeting(
        participants=[world.li, world.putin],
        title="Li and Putin compare notes",
        summary="They discussed Erdoğan’s proposal for a ceasefire.",
        start_date=dt.date(2023, 9, 6),
    )
    quoted = factories.statement(
        speaker=world.li, text="We welcome ERDOĞAN's mediation.", said_on=dt.date(2023, 9, 6)
    )
    return erdogan, source, own, said, mention, quoted


def test_an_unaccented_name_finds_accented_text_and_the_actors_records(client, turkey):
    erdogan, source, own, said, mention, quoted = turkey
    html = page(client, "Erdogan")
    for record in (erdogan, source, own, said, mention, quoted):
        assert record.get_absolute_url() in html, record
    assert "<mark>Erdoğan</mark>" in html
    assert "Showing results for" not in html  # "Erdogan" is one of his names as typed


def test_case_and_accents_fold_both_ways(client, turkey):
    _, _, _, _, mention, quoted = turkey
    for q in ("erdoğan", "ERDOGAN", "Erdoğan"):
        html = page(client, q)
        assert mention.get_absolute_url() in html and quoted.get_absolute_url() in html, q


def test_a_misspelt_name_finds_the_actor_and_their_meetings_and_statements(client, world):
    # Neither record's text names him: they are his as participant and as speaker.
    meeting = factories.meeting(
        participants=[world.shoigu, world.li],
        title="Defence ministers meet",
        summary="The ministers reviewed joint exercises.",
        start_date=dt.date(2023, 4, 18),
    )
    said = factories.statement(
        speaker=world.shoigu, text="The exercises will continue.", said_on=dt.date(2023, 4, 18)
    )
    html = page(client, "Shoygu")
    assert world.shoigu.get_absolute_url() in html
    assert meeting.get_absolute_url() in html
    assert said.get_absolute_url() in html
    assert "Showing results for" in html and ">Sergei Shoigu</a>" in html
    # Spelt right, the same records, and nothing to correct.
    html = page(client, "Shoigu")
    assert meeting.get_absolute_url() in html and said.get_absolute_url() in html
    assert "Showing results for" not in html


def test_the_actors_own_records_come_first(client, world):
    older = factories.meeting(
        participants=[world.shoigu, world.li],
        title="An old exercise review",
        start_date=dt.date(2019, 1, 1),
    )
    for n in range(12):  # newer meetings that only mention him, more than a page holds
        factories.meeting(
            participants=[world.li, world.putin],
            summary=f"Shoigu was mentioned in passing ({n}).",
            start_date=dt.date(2024, 1, 1 + n),
        )
    html = page(client, "Shoigu")
    assert older.get_absolute_url() in html


def test_a_query_that_is_not_a_name_is_not_corrected(client, world):
    html = page(client, "militaries")
    assert "Showing results for" not in html
    assert world.statement.get_absolute_url() in html


def test_a_name_several_actors_go_by_names_none_of_them(world):
    first = factories.actor("Kestrel Varnadottir", aliases=["Varnadottir"])
    factories.actor("Osric Varnadottir", aliases=["Varnadottir"])
    actors = search.actors_matching("Varnadottir")
    assert first in actors
    assert search.recognised("Varnadottir", actors) == (None, None)


def test_a_misspelling_is_corrected_to_the_name_it_is_closest_to(world):
    actors = search.actors_matching("Shoygu")
    assert search.recognised("Shoygu", actors) == (world.shoigu, "shoigu")
    # Too short to guess at: names under four letters must be typed as they are.
    assert search.recognised("Pu", search.actors_matching("Pu")) == (None, None)


def test_russia_is_not_highlighted_inside_russian(client, world):
    factories.article(title="A statement from Moscow", body="Russia and China signed a deal.")
    html = page(client, "Russia")
    assert "<mark>Russia</mark>" in html
    assert "<mark>Russian" not in html and "<mark>Russia</mark>n" not in html


@pytest.mark.parametrize(
    ("text", "words", "marked"),
    [
        ("President Erdoğan’s plan", ["erdogan"], "President <mark>Erdoğan</mark>’s plan"),
        ("Russian and Russia", ["russia"], "Russian and <mark>Russia</mark>"),
        ("The talks ended", ["talk"], "The <mark>talks</mark> ended"),
        ("One talk only", ["talks"], "One <mark>talk</mark> only"),
        ("Li Shangfu's visit", ["shangfu"], "Li <mark>Shangfu</mark>&#x27;s visit"),
        ("<b>Putin</b>", ["putin"], "&lt;b&gt;<mark>Putin</mark>&lt;/b&gt;"),
    ],
)
def test_snippets_mark_whole_words_however_accented(text, words, marked):
    assert search.snippet(text, words) == marked


def test_a_long_snippet_starts_near_the_first_match():
    text = "Filler words here. " * 40 + "Then Erdoğan spoke." + " More filler." * 40
    html = search.snippet(text, ["erdogan"])
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>Erdoğan</mark>" in html


def test_matching_words_are_whole_words(world):
    from meetings.models import Article

    hit = factories.article(title="Notes", body="Russia spoke first.")
    miss = factories.article(title="Notes", body="The Russians spoke first.")
    found = set(search.matching(Article.objects.all(), "Russia"))
    assert hit in found and miss not in found


# (query, PostgreSQL, SQLite). PostgreSQL: the estimates (again for a corrected spelling),
# actors, their names (when there are actor cards), each kind's rows with their count, and
# the participants of the meetings shown (none match "talks" in this world). SQLite reads
# the aliases apart from the actors, and counts each kind before reading its rows.
COUNTS = [("Shoygu", 7, 7), ("Erdogan", 7, 10), ("talks", 6, 7)]


@pytest.mark.parametrize(("q", "postgresql", "sqlite"), COUNTS)
def test_search_query_count_is_pinned_and_does_not_grow(
    client, turkey, world, q, postgresql, sqlite
):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            page(client, q)
        return len(ctx.captured_queries)

    small = count()
    world.grow(3)
    expected = postgresql if connection.vendor == "postgresql" else sqlite
    assert (small, count()) == (expected, expected)
