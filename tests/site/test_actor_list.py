"""The actor list starts with actors that have something on record; the empty ones (most
of the ~250 states from the reference data) are one link away."""

import pytest
from django.urls import reverse

from meetings import services
from tests import factories

ACTORS = reverse("meetings:actor-list")

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


def test_actors_with_nothing_on_record_are_hidden_by_default(client, world):
    factories.country("AQ")
    empty = services.actor_create(name="Antarctic Territory", kind="state", country="AQ")
    html = page_text(client.get(ACTORS))
    assert world.li.get_absolute_url() in html
    assert world.putin.get_absolute_url() in html
    assert empty.get_absolute_url() not in html
    assert "with meetings or statements on record" in html
    everyone = page_text(client.get(ACTORS, {"show": "all"}))
    assert empty.get_absolute_url() in everyone and world.li.get_absolute_url() in everyone
    assert "Remove filter Show" in everyone


def test_a_speaker_without_meetings_counts_as_on_record(client, world):
    speaker = factories.actor("Nils Berg", country_code="DK")
    factories.statement(speaker=speaker)
    assert speaker.get_absolute_url() in page_text(client.get(ACTORS))


def test_drafts_do_not_put_an_actor_on_record(client, world):
    lonely = factories.actor("Alma Ruiz", country_code="PE")
    factories.statement(speaker=lonely, published=False)
    factories.meeting(participants=[lonely, world.putin], published=False)
    assert lonely.get_absolute_url() not in page_text(client.get(ACTORS))


def test_the_default_list_pins_its_query_count(client, world, django_assert_max_num_queries):
    client.get(ACTORS)
    with django_assert_max_num_queries(8) as before:
        client.get(ACTORS)
    world.grow()
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(ACTORS)
