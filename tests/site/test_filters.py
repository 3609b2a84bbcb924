"""Filters: the URL holds the state, each active filter can be removed, facets count, and
invalid values give a clear message (400 when nothing can be shown), never a 500."""

import csv
import datetime as dt
import io
import re

import pytest
from django.db import connection
from django.urls import reverse

from meetings.site import paging, search
from tests import factories

MEETINGS = reverse("meetings:meeting-list")
STATEMENTS = reverse("meetings:statement-list")


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


def csv_rows(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(content)))


def test_country_and_date_filters_narrow_the_meeting_list(client, world):
    html = page_text(
        client.get(MEETINGS, {"country": "cn", "date_from": "2023-01-01", "date_to": "2023-12-31"})
    )
    assert world.moscow.get_absolute_url() in html
    assert world.other_meeting.get_absolute_url() not in html


def test_each_active_filter_has_a_remove_link_that_keeps_the_others(client, world):
    html = page_text(client.get(MEETINGS, {"country": ["CN", "RU"], "kind": "meeting"}))
    assert "Participant country: <strong>China</strong>" in html
    assert (
        'href="?country=RU&amp;kind=meeting" aria-label="Remove filter Participant country: China"'
        in html
    )
    assert 'href="?country=CN&amp;country=RU" aria-label="Remove filter Kind: Meeting"' in html


def test_facets_show_counts_and_add_a_filter(client, world):
    html = page_text(client.get(MEETINGS))
    assert '<a href="?country=CN">China</a> <span class="count">1</span>' in html
    assert '<a href="?country=RU">Russia</a> <span class="count">1</span>' in html
    assert '<a href="?kind=visit">Visit</a> <span class="count">1</span>' in html
    assert '<a href="?date_from=2023-01-01&amp;date_to=2023-12-31">2023</a>' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"date_from": "not-a-date"}, "Enter a valid date."),
        ({"country": "ZZ"}, "Select a valid choice. ZZ is not one of the available choices."),
        ({"kind": "party"}, "Select a valid choice."),
        ({"status": "maybe"}, "Select a valid choice."),
        ({"actor": "nobody-at-all"}, "We know no actor called “nobody-at-all”."),
        ({"after": "yesterday.x"}, "That page link is not valid"),
        ({"date_from": "2023-12-31", "date_to": "2023-01-01"}, "The end date is before"),
    ],
)
def test_invalid_filter_gives_a_clear_message_never_a_500(client, world, query, message):
    response = client.get(MEETINGS, query)
    html = page_text(response)
    assert message in html
    if "date_to" in query:  # the start date alone is still understood
        assert response.status_code == 200
        assert "The results below ignore them." in html
    else:
        assert response.status_code == 400
        assert "Nothing could be shown." in html


def test_the_actor_filter_takes_a_name_as_readers_type_it(client, world):
    by_slug = page_text(client.get(MEETINGS, {"actor": world.putin.slug}))
    for typed in ("Vladimir Putin", "vladimir putin", "Putin"):
        response = client.get(MEETINGS, {"actor": typed})
        assert response.status_code == 200, typed
        assert page_text(response).count('class="record meeting-item"') == by_slug.count(
            'class="record meeting-item"'
        )
        assert world.moscow.get_absolute_url() in page_text(response)
    statements = client.get(STATEMENTS, {"actor": "Li Shangfu"})
    assert statements.status_code == 200
    assert world.statement.get_absolute_url() in page_text(statements)


def test_a_name_several_actors_go_by_asks_which_one(client, world):
    # Invented: two people both called "Chen Wei" in our test world.
    first = factories.actor("Chen Wei", country_code="CN")
    second = factories.actor("Chen Wei", country_code="US")
    response = client.get(MEETINGS, {"actor": "Chen Wei"})
    assert response.status_code == 400
    html = page_text(response)
    assert "Several actors are called “Chen Wei”" in html
    assert first.slug in html and second.slug in html
    assert client.get(MEETINGS, {"actor": second.slug}).status_code == 200


def test_invalid_value_beside_a_valid_one_is_ignored_with_a_message(client, world):
    response = client.get(MEETINGS, {"date_from": "2023-13-45", "country": "CN"})
    assert response.status_code == 200
    html = page_text(response)
    assert "Enter a valid date." in html and "The results below ignore them." in html
    assert world.moscow.get_absolute_url() in html


@pytest.mark.parametrize(
    "query",
    [
        {"kind": "shout"},
        {"country": "12"},
        {"date_to": "x"},
        {"actor": "../../etc"},
        {"after": "2023-01-01.notanumber"},
    ],
)
def test_invalid_statement_filters_are_400(client, world, query):
    assert client.get(STATEMENTS, query).status_code == 400


def test_invalid_actor_list_and_timeline_filters_never_500(client, world):
    assert client.get(reverse("meetings:actor-list"), {"kind": "dragon"}).status_code == 400
    assert client.get(reverse("meetings:actor-list"), {"after": "not a slug!"}).status_code == 400
    url = world.li.get_absolute_url()
    response = client.get(url, {"date_from": "nope"})
    assert response.status_code == 200 and "Enter a valid date." in page_text(response)
    assert client.get(url, {"counterpart": "ZZ", "kind": "nothing"}).status_code == 200
    assert client.get(url, {"after": "garbage"}).status_code == 200


def test_meeting_csv_has_exactly_the_filtered_rows(client, world):
    world.grow(1)
    query = {"country": "FR", "date_from": "2022-01-01", "date_to": "2022-12-31"}
    rows = csv_rows(client.get(reverse("meetings:meeting-export"), query))
    assert [r["title"] for r in rows] == [world.other_meeting.title]
    assert rows[0]["venue_city"] == "Paris" and rows[0]["venue_country"] == "France"
    assert rows[0]["start_date"] == "2022-06-07"

    rows = csv_rows(client.get(reverse("meetings:meeting-export"), {"country": "CN"}))
    html = client.get(MEETINGS, {"country": "CN"}).content.decode()
    assert len(rows) == html.count('class="record meeting-item"') == 3
    assert all("CN" in r["participant_countries"].split("; ") for r in rows)


def test_meeting_csv_lists_participants_in_role_order_and_only_published_sources(client, world):
    from meetings import services

    older = factories.article(title="Older source", published_on=dt.date(2020, 1, 1))
    newer = factories.article(title="Newer source", published_on=dt.date(2021, 1, 1), url="")
    draft = factories.article(title="Draft source", published=False)
    meeting = services.meeting_create(
        title="Three sources",
        start_date=dt.date(2019, 5, 5),
        participants=[(world.putin, "guest"), (world.li, "host"), (world.shoigu, "participant")],
        evidence=[(older, 0, 10), (draft, 0, 10), (newer, 0, 10), (newer, 12, 20)],
        editorial_status="published",
    )
    rows = csv_rows(client.get(reverse("meetings:meeting-export"), {"date_to": "2019-12-31"}))
    row = next(r for r in rows if r["title"] == "Three sources")
    assert row["participants"] == "Vladimir Putin; Li Shangfu; Sergei Shoigu"
    assert row["participant_countries"] == "CN; RU"
    newer_url = "http://testserver" + newer.get_absolute_url()
    assert row["sources"].split() == [
        newer_url,
        newer_url,
        older.url or "http://testserver" + older.get_absolute_url(),
    ]
    assert row["url"] == "http://testserver" + meeting.get_absolute_url()


def test_statement_csv_has_exactly_the_filtered_rows(client, world):
    world.grow(1)
    rows = csv_rows(
        client.get(
            reverse("meetings:statement-export"), {"actor": "li-shangfu", "kind": "paraphrase"}
        )
    )
    assert [r["text"] for r in rows] == [world.statement.text]
    assert rows[0]["speaker"] == "Li Shangfu" and rows[0]["meeting"].endswith(
        world.moscow.get_absolute_url()
    )


def test_invalid_csv_filter_is_400_text(client, world):
    response = client.get(reverse("meetings:meeting-export"), {"date_from": "x"})
    assert response.status_code == 400
    assert "Enter a valid date." in response.content.decode()


def test_outlet_filter(client, world):
    html = client.get(MEETINGS, {"outlet": "other wire"}).content.decode()
    assert world.other_meeting.get_absolute_url() in html
    assert world.moscow.get_absolute_url() not in html


def test_large_results_are_not_counted_exactly():
    assert paging.count_bounded(FakeQuerySet(5), limit=10) == (5, False)
    assert paging.count_bounded(FakeQuerySet(50), limit=10) == (10, True)


class FakeQuerySet:
    """Counts what the slice would hold: count_bounded must never ask for more."""

    def __init__(self, n):
        self.n, self.stop = n, None

    def order_by(self):
        return self

    def __getitem__(self, item):
        self.stop = item.stop
        return self

    def count(self):
        return min(self.n, self.stop)


def test_huge_results_read_more_than(client, world, monkeypatch):
    monkeypatch.setattr(paging, "EXACT_COUNT_LIMIT", 1)
    monkeypatch.setattr(
        paging.count_bounded, "__defaults__", (1,)
    )  # the default was bound at import
    monkeypatch.setattr(paging, "estimate", lambda queryset: None)  # as on SQLite
    factories.meeting(participants=[world.putin, world.shoigu], start_date=dt.date(2020, 1, 1))
    assert "more than 1 meeting" in page_text(client.get(MEETINGS))


def test_timeline_form_does_not_echo_a_value_it_could_not_read(client, world):
    response = client.get(world.li.get_absolute_url(), {"date_from": "bad", "kind": "statement"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="bad"' not in html
    assert re.search(r'<input[^>]*value="statement"[^>]*checked', html)  # the rest is kept


def test_facets_count_a_bounded_sample_and_say_so(client, world, monkeypatch):
    from meetings.site import facets

    monkeypatch.setattr(facets, "FACET_SAMPLE", 1)
    html = page_text(client.get(MEETINGS))
    assert "Counts cover the newest 1 matches." in html
    assert '<a href="?kind=visit">Visit</a>' not in html  # the older visit is outside the sample


@pytest.mark.skipif(connection.vendor != "postgresql", reason="planner estimates are PostgreSQL's")
def test_past_the_exact_limit_postgresql_gives_the_planners_estimate(client, world, monkeypatch):
    monkeypatch.setattr(paging.count_bounded, "__defaults__", (1,))
    monkeypatch.setattr(search, "SEARCH_COUNT_LIMIT", 1)
    monkeypatch.setattr(paging, "estimate", lambda queryset: 123_000)
    factories.meeting(participants=[world.putin, world.shoigu], start_date=dt.date(2020, 1, 1))
    assert "about 123,000 meetings" in page_text(client.get(MEETINGS))
    # The search page's estimates: test_feeds_and_search.py.


def test_estimate_reads_the_plan_on_postgresql(world):
    from meetings.models import Meeting

    guess = paging.estimate(Meeting.objects.all())
    assert guess is None if connection.vendor != "postgresql" else guess >= 1


def test_csv_cells_never_start_a_spreadsheet_formula(client, world):
    factories.meeting(
        participants=[world.putin, world.shoigu], title='=HYPERLINK("http://evil")', city="@x"
    )
    rows = csv_rows(client.get(reverse("meetings:meeting-export")))
    row = next(r for r in rows if "HYPERLINK" in r["title"])
    assert row["title"] == '\'=HYPERLINK("http://evil")' and row["venue_city"] == "'@x"


def test_an_invalid_country_beside_valid_ones_drops_only_itself(client, world):
    response = client.get(MEETINGS, {"country": ["CN", "ZZ"]})
    assert response.status_code == 200
    html = page_text(response)
    assert "ZZ is not one of the available choices." in html
    assert "The results below ignore them." in html
    assert world.moscow.get_absolute_url() in html  # China's meetings are still shown
    assert 'aria-label="Remove filter Participant country: China"' in response.content.decode()


def test_a_bad_timeline_kind_beside_good_ones_drops_only_itself(client, world):
    response = client.get(world.li.get_absolute_url(), {"kind": ["statement", "nonsense"]})
    html = response.content.decode()
    assert response.status_code == 200
    assert "nonsense is not one of the available choices." in page_text(response)
    assert re.search(r'<input[^>]*value="statement"[^>]*checked', html)  # still chosen
    assert "the two militaries" in html and "Took office" not in html  # and applied
