"""The meeting list and a meeting's page (meetings/site/views/meetings.py)."""

import datetime as dt
import re

from django.urls import reverse

from meetings import services
from tests import factories
from tests.site.pages import text


def test_meeting_detail_shows_offices_held_that_day_venue_statements_and_source_sentence(
    client, world
):
    response = client.get(world.moscow.get_absolute_url())
    body = text(response)
    assert "16 April 2023" in body
    assert "Moscow, Russia" in body
    assert "Minister of National Defense" in body  # Li's office on 16 April 2023
    assert "President of Russia" in body
    assert "the two militaries would deepen cooperation" in body  # said there
    assert "Chinese Defense Minister Li Shangfu met Russian President" in body  # evidence
    assert reverse("meetings:country-pair", args=["cn", "ru"]) in response.content.decode()


def test_meeting_detail_shows_no_office_outside_its_dates(client, world):
    later = factories.meeting(
        participants=[world.li, world.putin], start_date=dt.date(2024, 1, 5), city="Beijing"
    )
    body = text(client.get(later.get_absolute_url()))
    assert "Minister of National Defense" not in body


def test_meeting_date_ranges_and_precision_read_naturally(client, world):
    visit = factories.meeting(
        participants=[world.li, world.shoigu],
        start_date=dt.date(2023, 4, 16),
        end_date=dt.date(2023, 4, 19),
        kind="visit",
    )
    month = factories.meeting(
        participants=[world.putin, world.shoigu],
        start_date=dt.date(2023, 9, 1),
        date_precision="month",
    )
    assert "16–19 April 2023" in text(client.get(visit.get_absolute_url()))
    assert "September 2023" in text(client.get(month.get_absolute_url()))


def test_keyset_pages_of_the_meeting_list_cover_every_meeting_once(client, world):
    for day in range(1, 31):
        factories.meeting(
            participants=[world.putin, world.shoigu], start_date=dt.date(2021, 1, day % 28 + 1)
        )
    slugs, params = [], {}
    for _ in range(5):
        html = client.get(reverse("meetings:meeting-list"), params).content.decode()
        slugs += re.findall(r'<h3 class="record-title"><a href="/meetings/([^/]+)/"', html)
        match = re.search(r'href="\?after=([^"]+)" rel="next"', html)
        if not match:
            break
        params = {"after": match.group(1).replace("&amp;", "&")}
    assert len(slugs) == len(set(slugs)) == 32


def test_planned_meetings_are_marked(client, world):
    planned = services.meeting_create(
        status="planned",
        start_date=dt.date.today() + dt.timedelta(days=60),  # past: tests/services/test_matching.py
        participants=[(world.li, "participant"), (world.putin, "participant")],
        evidence=[(world.article, 0, 10)],
        editorial_status="published",
    )
    assert "Planned" in text(client.get(planned.get_absolute_url()))
    assert "badge-planned" in client.get(reverse("meetings:meeting-list")).content.decode()
