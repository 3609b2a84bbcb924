"""What a reader sees on each page."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import services
from tests import factories


def text(response) -> str:
    """The page's visible text, tags stripped and whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_home_shows_latest_meetings_active_actors_and_the_search_box(client, world):
    response = client.get(reverse("meetings:home"))
    assert response.status_code == 200
    body = text(response)
    assert "Li Shangfu – Vladimir Putin" in body or "Vladimir Putin – Li Shangfu" in body
    assert 'role="search"' in response.content.decode()
    assert "Most active countries" in body and "Russia" in body


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


def test_country_page_shows_meetings_involving_or_held_there(client, world):
    body = text(client.get(reverse("meetings:country-detail", args=["fr"])))
    assert "Jane Doe – Jean Dupont" in body or "Jean Dupont – Jane Doe" in body
    assert "2 meetings" not in body
    assert "1 meeting" in body


def test_country_pair_page_lists_meetings_counts_per_year_and_statements(client, world):
    response = client.get(reverse("meetings:country-pair", args=["cn", "ru"]))
    body = text(response)
    assert response.status_code == 200
    assert "China and Russia" in body
    assert "Li Shangfu" in body and "Moscow" in body
    assert "Meetings per year" in body and "2023" in body
    assert "the two militaries would deepen cooperation" in body
    assert 'type="application/atom+xml"' in response.content.decode()


def test_country_pair_in_the_other_order_redirects_and_a_pair_of_one_is_404(client, world):
    response = client.get("/countries/ru/cn/")
    assert response.status_code == 301 and response["Location"] == "/countries/cn/ru/"
    assert client.get("/countries/cn/cn/").status_code == 404
    assert client.get("/countries/cn/zz/").status_code == 404


def test_article_page_highlights_and_links_evidence_and_statement_spans(client, world):
    response = client.get(world.article.get_absolute_url())
    html = response.content.decode()
    evidence = world.moscow.evidence.get()
    assert f'<mark id="e{evidence.pk}" class="span span-meeting">' in html
    assert f'<mark id="s{world.statement.pk}" class="span span-statement">' in html
    assert world.moscow.get_absolute_url() in html
    assert world.statement.get_absolute_url() in html


def test_article_body_is_escaped(client, world):
    article = factories.article(body="<script>alert(1)</script> Li met Putin.")
    meeting = factories.meeting(participants=[world.li, world.putin], source=article)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert meeting.get_absolute_url() in html


def test_statement_detail_shows_speaker_office_meeting_and_source(client, world):
    body = text(client.get(world.statement.get_absolute_url()))
    assert "Li Shangfu" in body and "Minister of National Defense" in body
    assert "Said at" in body and "Li Shangfu meets Putin in Moscow" in body


def test_statement_list_shows_quotes_with_speaker(client, world):
    body = text(client.get(reverse("meetings:statement-list")))
    assert "the two militaries would deepen cooperation" in body and "Li Shangfu" in body


def test_actor_list_filters_by_name_and_country(client, world):
    body = text(client.get(reverse("meetings:actor-list"), {"q": "shangfu"}))
    assert "Li Shangfu" in body and "Vladimir Putin" not in body
    body = text(client.get(reverse("meetings:actor-list"), {"country": "ru"}))
    assert "Vladimir Putin" in body and "Li Shangfu" not in body


def test_country_list_counts_meetings_per_country(client, world):
    body = text(client.get(reverse("meetings:country-list")))
    assert "China 1" in body and "Russia 1" in body and "France 1" in body


@pytest.mark.parametrize(
    "url",
    [
        "/meetings/no-such-meeting/",
        "/actors/nobody/",
        "/statements/999999/",
        "/articles/nothing/",
        "/countries/zz/",
    ],
)
def test_unknown_records_are_404_with_our_page(client, world, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_planned_meetings_are_marked(client, world):
    planned = services.meeting_create(
        status="planned",
        start_date=dt.date(2025, 1, 1),
        participants=[(world.li, "participant"), (world.putin, "participant")],
        evidence=[(world.article, 0, 10)],
        editorial_status="published",
    )
    assert "Planned" in text(client.get(planned.get_absolute_url()))
    assert "badge-planned" in client.get(reverse("meetings:meeting-list")).content.decode()


def test_activity_chart_covers_only_the_newest_three_years_of_activity(client, world):
    factories.meeting(participants=[world.li, world.shoigu], start_date=dt.date(2019, 1, 10))
    html = client.get(world.li.get_absolute_url()).content.decode()
    assert '<th scope="row">April 2023</th><td>1</td><td>1</td>' in html
    assert '<th scope="row">January 2019</th>' not in html  # outside the chart's window
    assert 'id="y2019"' in html  # still on the timeline


def without_page_cache(settings) -> None:
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if m != "meetings.cache.PublicPageCacheMiddleware"
    ]


def test_cached_pair_figures_are_never_served_after_a_publish(
    client, world, monkeypatch, settings, django_capture_on_commit_callbacks
):
    """With a shared cache, the pair's per-year figures come from it until something is
    published or unpublished; then they are computed again."""
    from django.core.cache import cache as default_cache

    from meetings import cache

    monkeypatch.setattr(cache, "enabled", lambda: True)
    without_page_cache(settings)  # the figures' own cache, not whole pages (test_page_cache.py)
    default_cache.clear()
    url = reverse("meetings:country-pair", args=["cn", "ru"])

    def meetings_shown():
        text = " ".join(client.get(url).content.decode().split())
        return int(re.search(r"(\d+) meetings? between", text).group(1))

    before = meetings_shown()
    with CaptureQueriesContext(connection) as first:
        assert meetings_shown() == before  # from the cache now
    with django_capture_on_commit_callbacks(execute=True):
        meeting = factories.meeting(participants=[world.li, world.putin], published=False)
    assert meetings_shown() == before  # a draft changes nothing public
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_set_status(meeting=meeting, editorial_status="published")
    with CaptureQueriesContext(connection) as second:
        assert meetings_shown() == before + 1
    assert len(second) == len(first) + 1  # the figures were computed again


def test_cached_pair_figures_follow_a_participant_added_in_the_admin(
    client, world, monkeypatch, settings, django_capture_on_commit_callbacks, django_user_model
):
    """Adding a participant to a published meeting changes the pair page at once."""
    from django.contrib.auth.models import Group
    from django.core.cache import cache as default_cache

    from meetings import cache

    monkeypatch.setattr(cache, "enabled", lambda: True)
    without_page_cache(settings)  # the figures' own cache, not whole pages (test_page_cache.py)
    default_cache.clear()
    url = reverse("meetings:country-pair", args=["cn", "ru"])

    def meetings_shown():
        text = " ".join(client.get(url).content.decode().split())
        match = re.search(r"(\d+) meetings? between", text)
        return int(match.group(1)) if match else 0

    meeting = factories.meeting(participants=[world.li, factories.actor(country_code="US")])
    before = meetings_shown()
    editor = django_user_model.objects.create_user(
        username="desk", password="a-long-test-password", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    admin_client = type(client)()
    admin_client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:meetings_participation_add"),
            {"meeting": meeting.pk, "actor": world.putin.pk, "role": "participant"},
        )
    assert response.status_code == 302
    assert meetings_shown() == before + 1
