"""Keyset paging of lists walks every row once, dated rows newest first and undated last,
including the page where the dated rows run out; counts are bounded (meetings/site/paging.py)."""

import datetime as dt
import html
import re

import pytest
from django.db import connection
from django.urls import reverse

from meetings.models import Meeting
from meetings.site import paging, search
from tests import factories

MEETINGS = reverse("meetings:meeting-list")


def walk(client, url: str) -> tuple[list[str], int]:
    """Meeting slugs in the order the pages show them, following "Older →"; and the pages."""
    seen, pages = [], 0
    while url:
        page = client.get(url).content.decode()
        pages += 1
        seen += re.findall(r'<h3 class="record-title"><a href="/meetings/([^/"]+)/"', page)
        match = re.search(r'href="([^"]+)" rel="next"', page)
        url = "/meetings/" + html.unescape(match.group(1)) if match else None
    return seen, pages


def test_the_meeting_list_shows_every_meeting_once_in_order(client, db):
    source = factories.article()
    people = [factories.actor(f"Person {n}") for n in range(3)]
    made = []
    for n in range(40):  # several on each day: ties are broken by id
        made.append(
            factories.meeting(
                participants=people[:2], source=source, start_date=dt.date(2020, 1, 1 + n // 3)
            )
        )
    for _ in range(12):
        made.append(factories.meeting(participants=people[1:], source=source, start_date=None))

    seen, pages = walk(client, "/meetings/")

    expected = [
        m.slug
        for m in sorted(
            made,
            key=lambda m: (m.start_date is not None, m.start_date or dt.date.min, m.pk),
            reverse=True,
        )
    ]
    assert pages == 3  # 25 a page: the second holds the last dated rows and the first undated
    assert seen == expected
    assert len(set(seen)) == Meeting.objects.published().count() == 52


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


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
    monkeypatch.setattr(paging, "estimate", lambda queryset: None)  # as on SQLite
    factories.meeting(participants=[world.putin, world.shoigu], start_date=dt.date(2020, 1, 1))
    assert "more than 1 meeting" in page_text(client.get(MEETINGS))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="planner estimates are PostgreSQL's")
def test_past_the_exact_limit_postgresql_gives_the_planners_estimate(client, world, monkeypatch):
    monkeypatch.setattr(paging, "EXACT_COUNT_LIMIT", 1)
    monkeypatch.setattr(search, "SEARCH_COUNT_LIMIT", 1)
    monkeypatch.setattr(paging, "estimate", lambda queryset: 123_000)
    factories.meeting(participants=[world.putin, world.shoigu], start_date=dt.date(2020, 1, 1))
    assert "about 123,000 meetings" in page_text(client.get(MEETINGS))
    # The search page's estimates: test_search.py.


def test_estimate_reads_the_plan_on_postgresql(world):
    from meetings.models import Meeting

    guess = paging.estimate(Meeting.objects.all())
    assert guess is None if connection.vendor != "postgresql" else guess >= 1
