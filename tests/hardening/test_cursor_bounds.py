"""A page link whose row id is past a bigint once made a 500 on SQLite (OverflowError): now it
is an invalid link, said so, and the first page is shown (issue 12, the crawl)."""

from __future__ import annotations

import pytest

from tests import factories

HUGE = "99999999999999999999999"


@pytest.fixture
def li(db):
    li = factories.actor("Li Shangfu", country_code="CN")
    factories.meeting(participants=[li, factories.actor("Sergei Shoigu", country_code="RU")])
    return li


def test_a_timeline_cursor_past_a_bigint_is_an_invalid_link(client, li):
    response = client.get(f"{li.get_absolute_url()}?after=2023-04-16.3.{HUGE}")
    assert response.status_code == 200
    assert "That page link is not valid" in response.content.decode()
    assert len(response.context["years"]) == 1  # the newest page instead


@pytest.mark.parametrize("path", ["/meetings/", "/statements/", "/countries/cn/"])
def test_a_list_cursor_past_a_bigint_is_an_invalid_link(client, li, path):
    response = client.get(f"{path}?after=2023-04-16.{HUGE}")
    assert response.status_code == 400
    assert response.context["page"].first


@pytest.mark.parametrize("pk", ["٣", "-1", "1e5", " 1"])
def test_a_cursor_id_is_ascii_digits(client, li, pk):
    response = client.get(f"/meetings/?after=2023-04-16.{pk}")
    assert response.status_code == 400
