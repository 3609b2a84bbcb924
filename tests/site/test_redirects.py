"""After a merge the reader loses nothing: the old URLs answer 301 to the kept record, whose
pages show everything both had, with counts equal to a from-scratch computation."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse

from meetings import services
from meetings.models import EditorialStatus, Meeting, Participation
from tests import factories
from tests.caches import redis_caches
from tests.merge_checks import assert_copies_true


def pair_meetings_recomputed(first: str, second: str) -> int:
    """Public meetings with participants of both countries, counted in Python."""
    countries: dict[int, set[str]] = {}
    for meeting_id, code in Participation.objects.values_list("meeting_id", "actor__country_id"):
        countries.setdefault(meeting_id, set()).add(code)
    public = set(Meeting.objects.filter(is_public=True).values_list("pk", flat=True))
    return sum(1 for pk, codes in countries.items() if pk in public and {first, second} <= codes)


def test_a_merged_actors_url_answers_301_to_the_kept_one(client, world, django_assert_num_queries):
    dup = factories.actor("Li Shang-fu", country_code="CN")
    met = factories.meeting(participants=[dup, world.putin], start_date=dt.date(2023, 7, 1))
    said = factories.statement(speaker=dup, said_on=dt.date(2023, 7, 1))
    old = reverse("meetings:actor-detail", args=[dup.slug])
    services.actor_merge(keep=world.li, other=dup)

    with django_assert_num_queries(2):  # the actor it is not, the redirect it is
        response = client.get(f"{old}?kind=meeting")
    assert response.status_code == 301
    assert response["Location"] == f"{world.li.get_absolute_url()}?kind=meeting"
    page = client.get(response["Location"].split("?")[0]).content.decode()
    assert met.get_absolute_url() in page and said.text[:15] in page
    assert_copies_true()


def test_a_merged_actors_feed_answers_301_to_the_kept_ones_feed(client, world):
    dup = factories.actor("Li Shang-fu", country_code="CN")
    old = reverse("meetings:actor-feed", args=[dup.slug])
    services.actor_merge(keep=world.li, other=dup)
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (
        301,
        reverse("meetings:actor-feed", args=[world.li.slug]),
    )
    assert client.get(response["Location"]).status_code == 200
    assert client.get(reverse("meetings:actor-feed", args=["nobody"])).status_code == 404


def test_a_chain_of_merges_sends_the_first_url_to_the_last(client, world):
    a = factories.actor("Vladimir V. Putin", country_code="RU")
    b = factories.actor("V. Putin", country_code="RU")
    services.actor_merge(keep=b, other=a)
    services.actor_merge(keep=world.putin, other=b)
    for slug in (a.slug, b.slug):
        response = client.get(reverse("meetings:actor-detail", args=[slug]))
        assert (response.status_code, response["Location"]) == (
            301,
            world.putin.get_absolute_url(),
        )


def test_a_redirect_to_a_record_readers_cannot_see_is_a_404(client, world):
    dup = factories.actor("Li Shang-fu", country_code="CN")
    services.actor_merge(keep=world.li, other=dup)
    world.li.editorial_status = EditorialStatus.DRAFT
    world.li.save()
    assert client.get(reverse("meetings:actor-detail", args=[dup.slug])).status_code == 404
    assert client.get(reverse("meetings:actor-detail", args=["nobody-at-all"])).status_code == 404
    assert client.get(reverse("meetings:meeting-detail", args=["no-such-meeting"])).status_code == (
        404
    )


def test_a_merged_meetings_url_answers_301_and_the_pair_page_counts_from_scratch(
    client, world, django_assert_num_queries
):
    source = factories.article(
        title="Second report",
        body="Vladimir Putin received Li Shangfu in Moscow on Sunday, a second outlet wrote.",
        outlet="Second Wire",
    )
    dup = factories.meeting(participants=[world.li, world.putin], source=source)
    said = factories.statement(speaker=world.putin, source=source, meeting=dup)
    pair_url = reverse("meetings:country-pair", args=["cn", "ru"])
    before = pair_meetings_recomputed("CN", "RU")
    assert re.search(rf"\b{before} meetings\b", client.get(pair_url).content.decode())
    old = reverse("meetings:meeting-detail", args=[dup.slug])
    services.meeting_merge(keep=world.moscow, other=dup)

    with django_assert_num_queries(2):
        response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, world.moscow.get_absolute_url())
    page = client.get(world.moscow.get_absolute_url()).content.decode()
    assert "Second Wire" in page or source.title in page
    assert said.text[:15] in page
    after = pair_meetings_recomputed("CN", "RU")
    assert after == before - 1
    assert re.search(rf"\b{after} meetings?\b", client.get(pair_url).content.decode())
    assert_copies_true()


def test_cached_pages_of_both_records_follow_a_merge(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.CACHES = redis_caches()  # the shared page cache, this test's keys only
    dup = factories.actor("Li Shang-fu", country_code="CN")
    met = factories.meeting(participants=[dup, world.shoigu], start_date=dt.date(2023, 8, 1))
    twin = factories.meeting(participants=[world.li, world.putin])
    twin_source = twin.evidence.get().article
    old_actor, old_meeting = dup.get_absolute_url(), twin.get_absolute_url()
    kept_actor, kept_meeting = world.li.get_absolute_url(), world.moscow.get_absolute_url()
    for url in (old_actor, old_meeting, kept_actor, kept_meeting):
        assert client.get(url).status_code == 200  # now cached
    assert met.get_absolute_url() not in client.get(kept_actor).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.actor_merge(keep=world.li, other=dup)
        services.meeting_merge(keep=world.moscow, other=twin)
    assert client.get(old_actor).status_code == 301
    assert client.get(old_meeting).status_code == 301
    assert met.get_absolute_url() in client.get(kept_actor).content.decode()
    assert twin_source.get_absolute_url() in client.get(kept_meeting).content.decode()
