"""Atom feeds of an actor, a country and a pair of countries (meetings/site/feeds.py)."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_atom(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("meetings:actor-feed", ["li-shangfu"]),
        ("meetings:country-feed", ["cn"]),
        ("meetings:country-pair-feed", ["cn", "ru"]),
        ("meetings:country-pair-feed", ["ru", "cn"]),
    ],
)
def test_feeds_are_atom_with_the_moscow_meeting(client, world, name, args):
    root = parse_atom(client.get(reverse(name, args=args)))
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert "Li Shangfu" in entry.findtext(f"{ATOM}title")
    assert "16 April 2023" in entry.findtext(f"{ATOM}title")
    link = entry.find(f"{ATOM}link").get("href")
    assert link.endswith(world.moscow.get_absolute_url())
    assert entry.findtext(f"{ATOM}updated") and root.findtext(f"{ATOM}title")


def test_country_feed_excludes_other_countries(client, world):
    root = parse_atom(client.get(reverse("meetings:country-feed", args=["fr"])))
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert len(titles) == 1 and "Jane Doe" in titles[0]


def test_unknown_feed_objects_are_404(client, world):
    assert client.get(reverse("meetings:actor-feed", args=["nobody"])).status_code == 404
    assert client.get(reverse("meetings:country-pair-feed", args=["cn", "cn"])).status_code == 404


def test_pages_link_their_feed_as_alternate(client, world):
    for url in (
        world.li.get_absolute_url(),
        reverse("meetings:country-detail", args=["cn"]),
        reverse("meetings:country-pair", args=["cn", "ru"]),
    ):
        html = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/atom+xml"' in html


def test_a_feed_is_sent_in_one_piece(client, world):
    response = client.get(f"/actors/{world.li.slug}/feed/")
    assert response.status_code == 200
    assert len(response._container) == 1  # not thousands of small writes


def test_updated_is_the_records_time_not_the_time_it_was_loaded(client, world, editor):
    from meetings.services.audit import decision_log

    url = reverse("meetings:actor-feed", args=["li-shangfu"])
    entry = parse_atom(client.get(url)).find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}updated").startswith("2023-04-16T12:00:00")
    change = decision_log(
        user=editor, obj=world.moscow, action="Venue corrected", before="a", after="b", public=True
    )
    root = parse_atom(client.get(url))
    updated = root.find(f"{ATOM}entry").findtext(f"{ATOM}updated")
    assert updated.startswith(change.action_time.strftime("%Y-%m-%dT%H:%M"))
    assert root.findtext(f"{ATOM}updated") == updated  # the feed's: its newest entry's


def test_a_feed_pins_its_query_count(client, world, django_assert_max_num_queries):
    url = reverse("meetings:country-feed", args=["cn"])
    client.get(url)
    with django_assert_max_num_queries(8) as before:
        client.get(url)
    world.grow()
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(url)
