"""The actor list and an actor's page, its timeline and chart (meetings/site/views/actors.py)."""

import datetime as dt
import re

from django.urls import reverse

from tests import factories
from tests.site.pages import text


def test_actor_timeline_lists_meetings_with_office_statements_and_office_changes(client, world):
    response = client.get(world.li.get_absolute_url())
    body = text(response)
    html = response.content.decode()
    assert "April 2023" in body and "2023" in body
    assert "as Minister of National Defense" in body
    assert "Vladimir Putin in Moscow" in body
    assert "Took office as Minister of National Defense" in body
    assert "Left office as Minister of National Defense" in body
    assert "the two militaries would deepen cooperation" in body
    # newest first: leaving office (October) comes before the Moscow meeting (April)
    assert body.index("Left office") < body.index("Vladimir Putin in Moscow")
    assert 'rel="alternate" type="application/atom+xml"' in html
    assert '<svg role="img"' in html and '<title id="chart-title">' in html
    assert "Met most often" in body


def test_actor_timeline_filters_by_kind_date_and_counterpart(client, world):
    url = world.li.get_absolute_url()
    only_statements = text(client.get(url, {"kind": "statement"}))
    assert "the two militaries" in only_statements
    assert "Vladimir Putin in Moscow" not in only_statements
    assert "Took office" not in only_statements
    with_france = text(client.get(url, {"counterpart": "fr"}))
    assert "Vladimir Putin in Moscow" not in with_france
    with_russia = text(client.get(url, {"counterpart": "ru"}))
    assert "Vladimir Putin in Moscow" in with_russia
    before = text(client.get(url, {"date_to": "2023-04-01"}))
    assert "Took office" in before and "Vladimir Putin in Moscow" not in before


def test_actor_timeline_pages_with_an_older_link_and_loses_nothing(client, world):
    world.grow(8)  # 16 more meetings with Li and 16 of his statements: 36 entries in all
    seen, url, pages = [], world.li.get_absolute_url(), 0
    params = {}
    while True:
        pages += 1
        response = client.get(url, params)
        html = response.content.decode()
        seen += re.findall(r'<li class="entry entry-(\w+)">\s*<time datetime="([\d-]+)"', html)
        match = re.search(r'href="\?after=([^"]+)" rel="next"', html)
        if not match:
            break
        params = {"after": match.group(1)}
        assert pages < 5
    assert pages == 2  # 25 per page
    assert len(seen) == 17 + 17 + 2  # meetings, statements, taking and leaving office
    assert [kind for kind, _ in seen].count("meeting") == 17
    # dates never go up, across the page boundary too
    assert [d for _, d in seen] == sorted((d for _, d in seen), reverse=True)


def undated_box(html: str) -> str:
    start = html.index('id="undated-title"')
    return html[start : html.index("</section>", start)]


def test_actor_page_lists_meetings_and_statements_without_a_date(client, world):
    url = world.li.get_absolute_url()
    assert "Without a date" not in text(client.get(url))
    source = factories.article(body="Li Shangfu met Vladimir Putin at some point, we are told.")
    undated = factories.meeting(
        participants=[world.li, world.putin], source=source, start_date=None, title="Undated talks"
    )
    said = factories.statement(
        speaker=world.li, source=source, text="Cooperation will deepen.", said_on=None
    )
    hidden = factories.meeting(
        participants=[world.li, world.putin], start_date=None, title="Draft talks", published=False
    )
    html = client.get(url).content.decode()
    side = undated_box(html)
    assert undated.get_absolute_url() in side
    assert said.get_absolute_url() in side
    assert hidden.get_absolute_url() not in html
    assert "More meetings" not in side
    for _ in range(10):
        factories.meeting(participants=[world.li, world.putin], source=source, start_date=None)
    side = undated_box(client.get(url).content.decode())
    assert side.count('<li><a href="/meetings/') == 10  # the newest ten, then a link to the list
    assert f"?actor={world.li.slug}" in side and "More meetings" in side


def test_actor_list_filters_by_name_and_country(client, world):
    body = text(client.get(reverse("meetings:actor-list"), {"q": "shangfu"}))
    assert "Li Shangfu" in body and "Vladimir Putin" not in body
    body = text(client.get(reverse("meetings:actor-list"), {"country": "ru"}))
    assert "Vladimir Putin" in body and "Li Shangfu" not in body


def test_activity_chart_covers_only_the_newest_three_years_of_activity(client, world):
    factories.meeting(participants=[world.li, world.shoigu], start_date=dt.date(2019, 1, 10))
    html = client.get(world.li.get_absolute_url()).content.decode()
    assert '<th scope="row">April 2023</th><td>1</td><td>1</td>' in html
    assert '<th scope="row">January 2019</th>' not in html  # outside the chart's window
    assert 'id="y2019"' in html  # still on the timeline
