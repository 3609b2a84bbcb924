"""Filters: the URL holds the state, each active filter can be removed, facets count, and
invalid values give a clear message (400 when nothing can be shown), never a 500."""

import re

import pytest
from django.urls import reverse

from tests import factories

MEETINGS = reverse("meetings:meeting-list")
STATEMENTS = reverse("meetings:statement-list")


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


def test_country_and_date_filters_narrow_the_meeting_list(client, world):
    html = page_text(
        client.get(MEETINGS, {"country": "cn", "date_from": "2023-01-01", "date_to": "2023-12-31"})
    )
    assert world.moscow.get_absolute_url() in html
    assert world.other_meeting.get_absolute_url() not in html


def test_each_active_filter_has_a_remove_link_that_keeps_the_others(client, world):
    html = page_text(client.get(MEETINGS, {"country": ["CN", "RU"], "kind": "meeting"}))
    assert "Participant country: <strong>China</strong>" in html
    assert (
        'href="?country=RU&amp;kind=meeting" aria-label="Remove filter Participant country: China"'
        in html
    )
    assert 'href="?country=CN&amp;country=RU" aria-label="Remove filter Kind: Meeting"' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"date_from": "not-a-date"}, "Enter a valid date."),
        ({"country": "ZZ"}, "We know no country called “ZZ”."),
        ({"kind": "party"}, "Select a valid choice."),
        ({"status": "maybe"}, "Select a valid choice."),
        ({"actor": "nobody-at-all"}, "We know no actor called “nobody-at-all”."),
        ({"after": "yesterday.x"}, "That page link is not valid"),
        ({"date_from": "2023-12-31", "date_to": "2023-01-01"}, "The end date is before"),
    ],
)
def test_invalid_filter_gives_a_clear_message_never_a_500(client, world, query, message):
    response = client.get(MEETINGS, query)
    html = page_text(response)
    assert message in html
    if "date_to" in query:  # the start date alone is still understood
        assert response.status_code == 200
        assert "The results below ignore them." in html
    else:
        assert response.status_code == 400
        assert "Nothing could be shown." in html


def test_the_actor_filter_takes_a_name_as_readers_type_it(client, world):
    by_slug = page_text(client.get(MEETINGS, {"actor": world.putin.slug}))
    for typed in ("Vladimir Putin", "vladimir putin", "Putin"):
        response = client.get(MEETINGS, {"actor": typed})
        assert response.status_code == 200, typed
        assert page_text(response).count('class="record meeting-item"') == by_slug.count(
            'class="record meeting-item"'
        )
        assert world.moscow.get_absolute_url() in page_text(response)
    statements = client.get(STATEMENTS, {"actor": "Li Shangfu"})
    assert statements.status_code == 200
    assert world.statement.get_absolute_url() in page_text(statements)


def test_a_name_several_actors_go_by_asks_which_one(client, world):
    # Invented: two people both called "Chen Wei" in our test world.
    first = factories.actor("Chen Wei", country_code="CN")
    second = factories.actor("Chen Wei", country_code="US")
    response = client.get(MEETINGS, {"actor": "Chen Wei"})
    assert response.status_code == 400
    html = page_text(response)
    assert "Several actors are called “Chen Wei”" in html
    assert first.slug in html and second.slug in html
    assert client.get(MEETINGS, {"actor": second.slug}).status_code == 200


def test_invalid_value_beside_a_valid_one_is_ignored_with_a_message(client, world):
    response = client.get(MEETINGS, {"date_from": "2023-13-45", "country": "CN"})
    assert response.status_code == 200
    html = page_text(response)
    assert "Enter a valid date." in html and "The results below ignore them." in html
    assert world.moscow.get_absolute_url() in html


@pytest.mark.parametrize(
    "query",
    [
        {"kind": "shout"},
        {"country": "12"},
        {"date_to": "x"},
        {"actor": "../../etc"},
        {"after": "2023-01-01.notanumber"},
    ],
)
def test_invalid_statement_filters_are_400(client, world, query):
    assert client.get(STATEMENTS, query).status_code == 400


def test_invalid_actor_list_and_timeline_filters_never_500(client, world):
    assert client.get(reverse("meetings:actor-list"), {"kind": "dragon"}).status_code == 400
    assert client.get(reverse("meetings:actor-list"), {"after": "not a slug!"}).status_code == 400
    url = world.li.get_absolute_url()
    response = client.get(url, {"date_from": "nope"})
    assert response.status_code == 200 and "Enter a valid date." in page_text(response)
    assert client.get(url, {"counterpart": "ZZ", "kind": "nothing"}).status_code == 200
    assert client.get(url, {"after": "garbage"}).status_code == 200


def test_outlet_filter(client, world):
    html = client.get(MEETINGS, {"outlet": "other wire"}).content.decode()
    assert world.other_meeting.get_absolute_url() in html
    assert world.moscow.get_absolute_url() not in html


def test_timeline_form_does_not_echo_a_value_it_could_not_read(client, world):
    response = client.get(world.li.get_absolute_url(), {"date_from": "bad", "kind": "statement"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="bad"' not in html
    assert re.search(r'<input[^>]*value="statement"[^>]*checked', html)  # the rest is kept


def test_an_invalid_country_beside_valid_ones_drops_only_itself(client, world):
    response = client.get(MEETINGS, {"country": ["CN", "ZZ"]})
    assert response.status_code == 200
    html = page_text(response)
    assert "We know no country called “ZZ”." in html
    assert "The results below ignore them." in html
    assert world.moscow.get_absolute_url() in html  # China's meetings are still shown
    assert 'aria-label="Remove filter Participant country: China"' in response.content.decode()


def test_a_bad_timeline_kind_beside_good_ones_drops_only_itself(client, world):
    response = client.get(world.li.get_absolute_url(), {"kind": ["statement", "nonsense"]})
    html = response.content.decode()
    assert response.status_code == 200
    assert "nonsense is not one of the available choices." in page_text(response)
    assert re.search(r'<input[^>]*value="statement"[^>]*checked', html)  # still chosen
    assert "the two militaries" in html and "Took office" not in html  # and applied
