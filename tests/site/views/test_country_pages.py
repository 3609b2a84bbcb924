"""The country list, a country's page and a pair's page (meetings/site/views/countries.py)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import services
from tests import factories
from tests.site.pages import text


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


def test_country_list_counts_meetings_per_country(client, world):
    body = text(client.get(reverse("meetings:country-list")))
    assert "China 1" in body and "Russia 1" in body and "France 1" in body


def without_page_cache(settings) -> None:
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if m != "meetings.cache.PublicPageCacheMiddleware"
    ]


@pytest.fixture
def meetings_shown(client, monkeypatch, settings):
    """The number of meetings the China–Russia pair page says it has, read with the
    figures' own cache on (and the page cache off: test_page_cache.py covers that)."""
    from django.core.cache import cache as default_cache

    from meetings import cache

    monkeypatch.setattr(cache, "enabled", lambda: True)
    without_page_cache(settings)
    default_cache.clear()
    url = reverse("meetings:country-pair", args=["cn", "ru"])

    def count() -> int:
        """Bilateral meetings plus the multilateral ones the page lists apart."""
        text = " ".join(client.get(url).content.decode().split())
        bilateral = re.search(r"(\d+) bilateral meetings? between", text)
        multilateral = re.search(r"also met at (\d+) multilateral", text)
        return sum(int(m.group(1)) for m in (bilateral, multilateral) if m)

    return count


def test_cached_pair_figures_are_never_served_after_a_publish(
    world, meetings_shown, django_capture_on_commit_callbacks
):
    """With a shared cache, the pair's per-year figures come from it until something is
    published or unpublished; then they are computed again."""
    before = meetings_shown()
    assert before >= 1  # the Moscow meeting
    with CaptureQueriesContext(connection) as first:
        assert meetings_shown() == before  # from the cache now
    with django_capture_on_commit_callbacks(execute=True):
        meeting = factories.meeting(participants=[world.li, world.putin], published=False)
    assert meetings_shown() == before  # a draft changes nothing public
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_set_status(meeting=meeting, editorial_status="published")
    with CaptureQueriesContext(connection) as second:
        assert meetings_shown() == before + 1
    assert len(second) == len(first) + 2  # the figures and the venue map were computed again


def test_cached_pair_figures_follow_a_participant_added_in_the_admin(
    client, world, meetings_shown, django_capture_on_commit_callbacks, django_user_model
):
    """Adding a participant to a published meeting changes the pair page at once."""
    from django.contrib.auth.models import Group

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
