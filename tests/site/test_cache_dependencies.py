"""The page cache invalidates only what a change shows (issue 14, item 2).

Each test caches the pages around a change, makes the change the way the newsroom does
(through the services, committed), then reads every page the change shows (never stale)
and pages it does not show (still served from the cache, without a query). Redis is real
(skipped without it, except under CI=true).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from meetings import cache, services
from meetings.models import Actor, Meeting, Participation, Statement
from tests import factories
from tests.caches import redis_caches


@pytest.fixture
def shared_cache(settings):
    settings.CACHES = redis_caches()
    yield caches["default"]
    caches["default"].clear()


@pytest.fixture
def settled(world, shared_cache):
    """The world as if its writes had committed before the test: their keys moved."""
    cache._flush_pending()
    return world


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def cached(client, url) -> bytes:
    """The page, after checking it is served from the cache (no query)."""
    response, queries = get(client, url)
    assert response.status_code == 200, url
    assert queries == 0, f"{url} was built again ({queries} queries)"
    return response.content


def fresh(client, url):
    """The page, after checking it was built again (it showed what changed)."""
    response, queries = get(client, url)
    assert queries > 0, f"{url} was served from the cache after a change it shows"
    return response


def warm(client, *urls) -> None:
    for url in urls:
        assert get(client, url)[0].status_code == 200, url
        cached(client, url)


def commit(capture):
    """Run the on-commit callbacks of what the ``with`` block writes (as a commit would)."""
    return capture(execute=True)


def publish_story(*, names: list[tuple[str, str]], city: str, country: str, day: dt.date):
    """An article (written as a draft), its meeting and a statement, then published: what
    the newsroom does once a second in the benchmark."""
    for _, code in names:
        factories.country(code)
    actors = [factories.actor(name, country_code=code) for name, code in names]
    first = names[0][0]
    body = f"{first} met {names[1][0]} in {city} on Monday. {first} said the talks went well."
    article = factories.article(title=f"{first} in {city}", body=body, published=False)
    meeting = services.meeting_create(
        start_date=day,
        city=city,
        country=country,
        participants=[(a, "participant") for a in actors],
        evidence=[(article, 0, body.index("Monday.") + 7)],
        editorial_status="published",
    )
    services.statement_create(
        speaker=actors[0],
        article=article,
        start=body.index(first, 5),
        end=len(body),
        meeting=meeting,
        said_on=day,
        editorial_status="published",
    )
    services.article_publish(article=article)
    return meeting, actors


def test_a_publish_about_chile_and_peru_leaves_china_russia_cached(
    client, settled, django_capture_on_commit_callbacks
):
    world = settled
    for code in ("CL", "PE"):  # a new country moves every page: made before the test
        factories.country(code)
    cache._flush_pending()
    unrelated = [
        "/countries/cn/ru/",
        world.putin.get_absolute_url(),
        world.li.get_absolute_url(),
        world.moscow.get_absolute_url(),
        "/countries/cn/",
        "/meetings/?country=RU",
        world.statement.get_absolute_url(),
    ]
    affected = ["/", "/meetings/", "/statements/", "/countries/cl/pe/"]
    warm(client, *unrelated)
    for url in [*affected, "/countries/"]:
        get(client, url)
    before = {url: cached(client, url) for url in unrelated}

    with commit(django_capture_on_commit_callbacks):
        meeting, (boric, _) = publish_story(
            names=[("Gabriel Boric", "CL"), ("Dina Boluarte", "PE")],
            city="Lima",
            country="PE",
            day=dt.date(2024, 3, 4),
        )

    for url in unrelated:
        assert cached(client, url) == before[url], url
    for url in affected + ["/countries/cl/", "/countries/pe/", "/meetings/?country=CL"]:
        assert b"Gabriel Boric" in fresh(client, url).content, url
    assert b"Chile" in fresh(client, "/countries/").content
    assert fresh(client, meeting.get_absolute_url()).status_code == 200
    assert b"Lima" in fresh(client, boric.get_absolute_url()).content


def test_an_edit_of_a_meeting_shows_on_every_page_that_lists_it(
    client, settled, django_capture_on_commit_callbacks
):
    world = settled
    pages = [
        world.moscow.get_absolute_url(),
        world.li.get_absolute_url(),
        world.putin.get_absolute_url(),
        "/countries/cn/",
        "/countries/ru/",
        "/countries/cn/ru/",
        "/meetings/",
        "/meetings/?country=CN",
        f"/meetings/?actor={world.putin.slug}",
        f"/actors/{world.li.slug}/feed/",
        "/countries/cn/ru/feed/",
    ]
    warm(client, *pages, "/countries/fr/", world.other_meeting.get_absolute_url())
    with commit(django_capture_on_commit_callbacks):
        meeting = Meeting.objects.get(pk=world.moscow.pk)
        meeting.city = "Vladivostok"
        meeting.save()
    for url in pages:
        assert b"Vladivostok" in fresh(client, url).content, url
    cached(client, "/countries/fr/")
    cached(client, world.other_meeting.get_absolute_url())


def test_unpublishing_a_meeting_takes_it_off_every_page(
    client, settled, django_capture_on_commit_callbacks
):
    world = settled
    pages = [
        world.li.get_absolute_url(),
        world.putin.get_absolute_url(),
        "/countries/cn/ru/",
        "/countries/ru/",
        "/meetings/?country=RU",
        world.statement.get_absolute_url(),
    ]
    warm(client, *pages, world.moscow.get_absolute_url(), "/countries/fr/us/")
    for url in pages:
        assert world.moscow.slug.encode() in get(client, url)[0].content, url
    with commit(django_capture_on_commit_callbacks):
        services.meeting_set_status(meeting=world.moscow, editorial_status="draft")
    assert get(client, world.moscow.get_absolute_url())[0].status_code == 404
    for url in pages:
        assert world.moscow.slug.encode() not in fresh(client, url).content, url
    cached(client, "/countries/fr/us/")


def test_deleting_a_meeting_takes_it_off_every_page(
    client, settled, django_capture_on_commit_callbacks
):
    world = settled
    pages = [
        world.li.get_absolute_url(),
        world.putin.get_absolute_url(),
        "/countries/cn/ru/",
        "/countries/cn/",
        "/meetings/",
    ]
    warm(client, *pages, world.moscow.get_absolute_url(), world.other_meeting.get_absolute_url())
    with commit(django_capture_on_commit_callbacks):
        Meeting.objects.get(pk=world.moscow.pk).delete()
    assert get(client, world.moscow.get_absolute_url())[0].status_code == 404
    for url in pages:
        assert world.moscow.slug.encode() not in fresh(client, url).content, url
    cached(client, world.other_meeting.get_absolute_url())


def test_renaming_an_actor_shows_on_the_pages_of_whom_they_met(
    client, settled, django_capture_on_commit_callbacks
):
    world = settled
    pages = [
        world.putin.get_absolute_url(),  # Li is Putin's counterpart
        world.moscow.get_absolute_url(),
        "/countries/ru/",
        "/countries/cn/ru/",
        "/statements/",
        world.statement.get_absolute_url(),
    ]
    warm(client, *pages, world.other_meeting.get_absolute_url())
    with commit(django_capture_on_commit_callbacks):
        li = Actor.objects.get(pk=world.li.pk)
        li.name = "Li Shangfu Renamed"
        li.save()
    for url in pages:
        assert b"Li Shangfu Renamed" in fresh(client, url).content, url
    cached(client, world.other_meeting.get_absolute_url())


def test_a_participant_removed_leaves_their_pages_and_the_pair(
    client, settled, django_capture_on_commit_callbacks
):
    world = settled
    pages = [world.putin.get_absolute_url(), "/countries/cn/ru/", "/countries/ru/"]
    warm(client, *pages)
    with commit(django_capture_on_commit_callbacks):
        Participation.objects.get(meeting=world.moscow, actor=world.putin).delete()
    assert world.moscow.slug.encode() not in fresh(client, pages[0]).content
    assert world.moscow.slug.encode() not in fresh(client, pages[1]).content
    fresh(client, pages[2])


def test_a_statement_moved_to_another_speaker_leaves_the_first_ones_page(
    client, settled, django_capture_on_commit_callbacks
):
    world = settled
    li_page, putin_page = world.li.get_absolute_url(), world.putin.get_absolute_url()
    statement_url = world.statement.get_absolute_url()
    warm(client, li_page, putin_page, statement_url, "/countries/us/")
    with commit(django_capture_on_commit_callbacks):
        statement = Statement.objects.get(pk=world.statement.pk)
        statement.speaker = world.putin
        statement.save()
    assert statement_url.encode() not in fresh(client, li_page).content
    assert statement_url.encode() in fresh(client, putin_page).content
    assert b"Vladimir Putin" in fresh(client, statement_url).content
    cached(client, "/countries/us/")


def test_a_merge_names_both_actors(client, settled, django_capture_on_commit_callbacks):
    # What meetings/services/merging.py does: move one actor's rows to another, delete it,
    # and name both to the cache.
    world = settled
    duplicate = factories.actor("Sergei K. Shoigu", country_code="RU")
    meeting = factories.meeting(participants=[duplicate, world.li], city="Minsk", country="RU")
    cache._flush_pending()
    warm(client, world.shoigu.get_absolute_url(), world.li.get_absolute_url(), "/countries/fr/")
    with commit(django_capture_on_commit_callbacks), transaction.atomic():
        cache.records_changed(actors=[world.shoigu.pk, duplicate.pk])
        services.actor_absorb(draft=duplicate, into=world.shoigu)
    assert meeting.slug.encode() in fresh(client, world.shoigu.get_absolute_url()).content
    assert b"Sergei Shoigu" in fresh(client, world.li.get_absolute_url()).content


def test_a_figure_goes_with_its_key(settled, django_capture_on_commit_callbacks):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert cache.cached("figure-test", compute, depends_on=[cache.pair("CN", "RU")]) == 1
    assert cache.cached("figure-test", compute, depends_on=[cache.pair("CN", "RU")]) == 1
    with commit(django_capture_on_commit_callbacks):
        cache.records_changed(keys=[cache.pair("FR", "US")])
    assert cache.cached("figure-test", compute, depends_on=[cache.pair("CN", "RU")]) == 1
    with commit(django_capture_on_commit_callbacks):
        cache.records_changed(keys=[cache.pair("RU", "CN")])
    assert cache.cached("figure-test", compute, depends_on=[cache.pair("CN", "RU")]) == 2
