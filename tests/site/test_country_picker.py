"""The country filter: usable without JavaScript (a text box with every country's name as a
suggestion, chosen countries as checked chips), says that several countries mean "any of",
and offers the pair page when exactly two are chosen."""

import re

import pytest
from django.urls import reverse

from tests import factories

MEETINGS = reverse("meetings:meeting-list")
STATEMENTS = reverse("meetings:statement-list")
ACTORS = reverse("meetings:actor-list")

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


def test_the_country_filter_is_a_text_box_with_suggestions_not_a_long_select(client, world):
    html = page_text(client.get(MEETINGS))
    assert '<select name="country"' not in html
    assert re.search(
        r'<input type="text" name="country" id="id_country" list="id_country_names"', html
    )
    assert '<datalist id="id_country_names">' in html
    assert '<option value="China"></option>' in html
    assert "Hold Ctrl" not in html


def test_a_country_typed_by_name_in_any_case_or_accents_filters_like_its_code(client, world):
    by_code = page_text(client.get(MEETINGS, {"country": "CN"}))
    by_name = page_text(client.get(MEETINGS, {"country": "  china "}))
    assert world.moscow.get_absolute_url() in by_name
    assert by_name.count('class="record') == by_code.count('class="record')
    factories.country("ST")
    folded = client.get(MEETINGS, {"country": "SAO TOME AND PRINCIPE"})
    assert folded.status_code == 200
    assert "Participant country: <strong>São Tomé and Príncipe</strong>" in page_text(folded)


def test_chosen_countries_are_ticked_chips_in_the_form(client, world):
    html = page_text(client.get(MEETINGS, {"country": ["china", "RU", ""]}))
    assert '<input type="checkbox" name="country" value="CN" checked> China' in html
    assert '<input type="checkbox" name="country" value="RU" checked> Russia' in html


def test_several_countries_say_any_of_and_two_offer_the_pair_page(client, world):
    html = page_text(client.get(MEETINGS, {"country": ["china", "ru"]}))
    assert "Meetings involving any of these countries: China, Russia." in html
    pair = reverse("meetings:country-pair", args=["cn", "ru"])
    assert f'<a href="{pair}">Meetings between China and Russia →</a>' in html
    statements = page_text(client.get(STATEMENTS, {"country": ["RU", "CN"]}))
    assert "Statements by speakers of any of these countries: Russia, China." in statements
    assert f'href="{pair}"' in statements


def test_one_or_three_countries_offer_no_pair_page_and_actors_none(client, world):
    factories.country("FR")
    one = page_text(client.get(MEETINGS, {"country": "CN"}))
    three = page_text(client.get(MEETINGS, {"country": ["CN", "RU", "FR"]}))
    actors = page_text(client.get(ACTORS, {"country": ["CN", "RU"]}))
    assert 'class="any-of"' not in one
    assert "Meetings involving any of these countries: China, Russia, France." in three
    assert "Meetings between China" not in three
    assert "Actors of any of these countries: China, Russia." in actors
    assert "Meetings between China" not in actors


def test_removing_a_typed_country_removes_it(client, world):
    html = page_text(client.get(MEETINGS, {"country": ["china", "RU"]}))
    assert 'href="?country=RU" aria-label="Remove filter Participant country: China"' in html


def test_an_unknown_country_name_gives_a_clear_message_and_keeps_the_others(client, world):
    response = client.get(MEETINGS, {"country": ["Narnia", "CN"]})
    html = page_text(response)
    assert response.status_code == 200
    assert "We know no country called “Narnia”." in html
    assert world.moscow.get_absolute_url() in html
