"""Where they meet: the venue map on the actor, country, pair and meeting list pages."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
from django.urls import reverse

from meetings.models import Meeting
from meetings.site.venues import actor_venues, shapes, venue_map
from tests import factories
from tests.site.pages import text


def from_scratch(keep) -> Counter:
    """Venue countries of the public meetings ``keep(meeting)`` accepts, counted in Python."""
    meetings = Meeting.objects.filter(is_public=True).prefetch_related("participations__actor")
    return Counter(m.country_id for m in meetings if m.country_id and keep(m))


def figures(venues) -> dict:
    return {row["country_id"]: row["n"] for row in venues.rows}


def table(html: str) -> dict:
    body = html[html.index("Meetings per venue country") :]
    body = body[: body.index("</table>")]
    return {
        name: int(n) for name, n in re.findall(r'<th scope="row">([^<]+)</th><td>(\d+)</td>', body)
    }


def test_the_shapes_are_read_once_and_cover_the_countries():
    assert shapes() is shapes()
    for code in ("CN", "RU", "US", "FR", "BR", "AU"):
        assert shapes()[code].startswith("M"), code
    assert 100_000 < sum(map(len, shapes().values())) < 300_000


def test_actor_venues_equal_a_count_from_scratch_and_skip_drafts(world):
    world.grow(3)
    li = world.li
    expected = from_scratch(lambda m: li in [p.actor for p in m.participations.all()])
    assert figures(actor_venues(li)) == dict(expected)
    # conftest's draft meeting (Hiddenvale, CN) and the one whose source is a draft
    # (Quietlake, RU) are never counted: Li's public meetings are Moscow and the grown ones.
    assert expected["RU"] == 1


def test_the_actor_page_shows_the_map_and_the_table(world, client):
    response = client.get(world.li.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg role="img" aria-labelledby="venues-svg-title venues-svg-desc"' in html
    assert re.search(r'<path class="venue-5" d="M[^"]+"><title>Russia: 1 meeting</title>', html)
    assert table(html) == {"Russia": 1}
    assert "Hiddenvale" not in text(response)


def test_a_pair_page_maps_the_pair_meetings(world, client):
    world.grow(4)
    html = client.get(reverse("meetings:country-pair", args=["cn", "ru"])).content.decode()
    # The pair's bilateral meetings, as its page lists them: their people from CN and RU only.
    expected = from_scratch(
        lambda m: {p.actor.country_id for p in m.participations.all()} - {None} == {"CN", "RU"}
    )
    names = {"CN": "China", "RU": "Russia", "FR": "France", "US": "United States"}
    assert table(html) == {names[k]: v for k, v in expected.items()}


def test_a_country_page_maps_its_meetings_within_the_dates(world, client):
    world.grow(4)
    url = reverse("meetings:country-detail", args=["cn"])
    html = client.get(url, {"date_from": "2023-03-01", "date_to": "2023-12-31"}).content.decode()
    start, end = dt.date(2023, 3, 1), dt.date(2023, 12, 31)
    expected = from_scratch(
        lambda m: (
            m.start_date
            and start <= m.start_date <= end
            and (
                "CN" in {p.actor.country_id for p in m.participations.all()} or m.country_id == "CN"
            )
        )
    )
    names = {"CN": "China", "RU": "Russia", "FR": "France"}
    assert table(html) == {names[k]: v for k, v in expected.items()}


def test_the_filtered_meeting_list_maps_what_it_lists(world, client):
    factories.meeting(country="US", city="Washington")
    factories.meeting(country="US", city="New York", published=False)
    response = client.get(reverse("meetings:meeting-list"))
    assert table(response.content.decode()) == {"France": 1, "Russia": 1, "United States": 1}
    response = client.get(reverse("meetings:meeting-list"), {"country": "FR"})
    assert table(response.content.decode()) == {"France": 1}


def test_a_filter_that_cannot_be_read_shows_a_message_not_a_map_of_everything(world, client):
    response = client.get(reverse("meetings:meeting-list"), {"date_from": "2023-13-45"})
    assert response.status_code == 400
    assert "Where they meet" not in text(response)


@pytest.mark.parametrize("times", [0, 10])
def test_the_map_costs_one_query_however_many_meetings(world, django_assert_num_queries, times):
    world.grow(times)
    shapes()  # read once per process, before
    with django_assert_num_queries(1):
        venues = venue_map(Meeting.objects.published())
        venues.paths()
    assert venues.total == Meeting.objects.filter(is_public=True).count()
