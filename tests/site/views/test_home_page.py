"""The home page (meetings/site/views/home.py)."""

from django.urls import reverse

from tests.site.pages import text


def test_home_shows_latest_meetings_active_actors_and_the_search_box(client, world):
    response = client.get(reverse("meetings:home"))
    assert response.status_code == 200
    body = text(response)
    assert "Li Shangfu – Vladimir Putin" in body or "Vladimir Putin – Li Shangfu" in body
    assert 'role="search"' in response.content.decode()
    assert "Most active countries" in body and "Russia" in body
