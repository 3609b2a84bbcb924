"""Who meets whom: the network of counterparts on an actor's and a country's page."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter

import pytest
from django.urls import reverse

from meetings.models import Meeting
from meetings.site.network import TOP, actor_network, country_network
from tests import factories
from tests.site.pages import text


def from_scratch_actor(actor, start=None, end=None):
    """Counterparts and pairs counted in Python from the public meetings themselves."""
    counts, pairs, meetings = Counter(), Counter(), 0
    for meeting in Meeting.objects.filter(is_public=True).prefetch_related("participations"):
        if start and (not meeting.start_date or meeting.start_date < start):
            continue
        if end and (not meeting.start_date or meeting.start_date > end):
            continue
        ids = {p.actor_id for p in meeting.participations.all()}
        if actor.pk not in ids:
            continue
        meetings += 1
        others = sorted(ids - {actor.pk})
        counts.update(others)
        pairs.update(itertools.combinations(others, 2))
    return meetings, counts, pairs


def from_scratch_country(code):
    counts = Counter()
    for meeting in Meeting.objects.filter(is_public=True).prefetch_related("participations"):
        codes = {p.actor.country_id for p in meeting.participations.select_related("actor")}
        if code in codes:
            counts.update(codes - {code, None})
    return counts


def test_actor_network_figures_equal_a_count_from_scratch(world):
    world.grow(3)
    network = actor_network(world.li)
    meetings, counts, pairs = from_scratch_actor(world.li)
    assert network.centre.count == meetings
    assert network.total == len(counts)
    assert {int(n.key): n.count for n in network.nodes} == dict(counts.most_common(TOP))
    shown = {int(n.key) for n in network.nodes}
    expected = {k: v for k, v in pairs.items() if set(k) <= shown}
    assert {(int(e.a.key), int(e.b.key)): e.count for e in network.links} == {
        tuple(sorted(k)): v for k, v in expected.items()
    }
    assert len(network.spokes) == len(network.nodes)


def test_country_network_figures_equal_a_count_from_scratch(world):
    world.grow(3)
    china = world.li.country
    network = country_network(china)
    assert {n.key: n.count for n in network.nodes} == dict(from_scratch_country("CN"))
    assert network.total == len(network.nodes)


def test_drafts_are_never_counted(world, client):
    hidden = factories.actor("Secretive Counterpart", country_code="FR")
    factories.meeting(participants=[world.li, hidden], published=False)
    draft_source = factories.article(published=False)
    factories.meeting(participants=[world.li, hidden], source=draft_source)
    names = {n.name for n in actor_network(world.li).nodes}
    assert names == {"Vladimir Putin"}  # the drafts of conftest hold Putin too: still 1 meeting
    assert actor_network(world.li).nodes[0].count == 1
    assert "FR" not in {n.key for n in country_network(world.li.country).nodes}
    page = text(client.get(world.li.get_absolute_url()))
    assert "Secretive Counterpart" not in page


def test_the_time_filter_narrows_the_network(world, client):
    world.grow(2)  # grown meetings are in 2023 with Putin and a grown person each
    start, end = dt.date(2023, 4, 1), dt.date(2023, 4, 30)
    network = actor_network(world.li, start, end)
    meetings, counts, _ = from_scratch_actor(world.li, start, end)
    assert {int(n.key): n.count for n in network.nodes} == dict(counts)
    assert network.centre.count == meetings
    response = client.get(
        world.li.get_absolute_url(), {"date_from": "2023-04-01", "date_to": "2023-04-30"}
    )
    assert response.status_code == 200
    assert "from 1 April 2023 to 30 April 2023" in text(response)


def test_a_busy_actor_shows_the_top_counterparts_and_says_so(world, client):
    others = [factories.actor(f"Counterpart Number {i}", country_code="US") for i in range(15)]
    for i, other in enumerate(others):
        for _ in range(1 + i % 3):
            factories.meeting(participants=[world.shoigu, other])
    network = actor_network(world.shoigu)
    assert network.shown == TOP and network.total == 15
    response = client.get(world.shoigu.get_absolute_url())
    page = text(response)
    assert f"Top {TOP} of 15 counterparts" in page
    # The most met come first: the three-meeting counterparts.
    assert network.nodes[0].count == 3


def test_the_svg_is_an_image_with_a_title_and_the_table_has_the_same_figures(world, client):
    world.grow(2)
    html = client.get(world.li.get_absolute_url()).content.decode()
    svg = re.search(
        r'<svg role="img" aria-labelledby="network-svg-title[^>]*>.*?</svg>', html, re.S
    )
    assert svg and '<title id="network-svg-title">' in svg.group(0)
    assert '<desc id="network-svg-desc">' in svg.group(0)
    network = actor_network(world.li)
    table = html[html.index("Meetings of Li Shangfu with each counterpart") :]
    for node in network.nodes:
        assert re.search(rf">{re.escape(node.name)}</a></th><td>{node.count}</td>", table)
    assert svg.group(0).count("<circle") == len(network.nodes) + 1


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2023-02-30"},
        {"date_from": "<script>alert(1)</script>"},
        {"date_from": "2023-05-01", "date_to": "2023-01-01"},
        {"date_to": "99999-01-01"},
        {"date_from": "2023-01-01\x00"},
        {"date_from": "1" * 5000},
    ],
)
def test_hostile_dates_get_a_clear_message_not_a_500(world, client, params):
    for url in (world.li.get_absolute_url(), reverse("meetings:country-detail", args=["cn"])):
        response = client.get(url, params)
        assert response.status_code in (200, 400)
        page = text(response)
        assert "could not be used" in page
        assert "Who " in page  # the rest of the page is still there


def test_the_network_costs_the_same_queries_however_many_meetings(world, django_assert_num_queries):
    china = world.li.country
    with django_assert_num_queries(4):
        actor_network(world.li)
    with django_assert_num_queries(4):
        country_network(china, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    world.grow(10)
    with django_assert_num_queries(4):
        network = actor_network(world.li)
    assert network.shown > 5
    with django_assert_num_queries(4):
        country_network(china, dt.date(2023, 1, 1), dt.date(2023, 12, 31))


@pytest.mark.browser
def test_a_reader_narrows_a_country_network_by_dates_in_a_browser(
    live_server, transactional_db, page
):
    """In Chromium, on the demo data: Russia's network, then only 2023's, and its table."""
    from django.core.management import call_command

    call_command("load_reference", verbosity=0)
    call_command("load_demo", verbosity=0)
    page.goto(live_server.url + "/countries/ru/")
    network = page.locator("section.network")
    everything = network.locator(".network-summary").inner_text()
    network.get_by_label("From").fill("2023-01-01")
    network.get_by_label("To").fill("2023-12-31")
    network.get_by_role("button", name="Show").click()
    assert "date_from=2023-01-01" in page.url
    summary = network.locator(".network-summary").inner_text()
    assert "from 1 January 2023 to 31 December 2023" in summary
    assert summary != everything
    network.locator("summary", has_text="The numbers").click()
    rows = network.locator("table").first.locator("tbody tr")
    assert rows.count() == network.locator("svg .network-node").count() > 0
    start, end = dt.date(2023, 1, 1), dt.date(2023, 12, 31)
    from meetings.models import Country

    expected = country_network(Country.objects.get(code="RU"), start, end)
    shown = [(r.locator("th").inner_text(), int(r.locator("td").inner_text())) for r in rows.all()]
    assert shown == [(n.name, n.count) for n in expected.nodes]


@pytest.mark.django_db
def test_a_busy_centre_is_counted_over_its_newest_meetings_and_says_so(client, world, monkeypatch):
    from meetings.site import network

    monkeypatch.setattr(network, "NEWEST", 2)
    world.grow(2)  # Li Shangfu: the Moscow meeting and four grown ones
    html = " ".join(client.get(world.li.get_absolute_url()).content.decode().split())
    assert "(counted over the newest 2)" in html
    figures = network.actor_network(world.li)
    assert figures.sampled == 2 and figures.centre.count > 2
    assert sum(n.count for n in figures.nodes) <= 2 * len(figures.nodes)
