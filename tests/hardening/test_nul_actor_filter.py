"""A NUL in the actor filter once made a 500 on PostgreSQL (issue 12, item 3): now a 400
that says why."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "url",
    [
        "/meetings/?actor=%00",
        "/meetings/?actor=a%00b",
        "/statements/?actor=%00",
        "/statements/?actor=a%00b",
    ],
)
def test_a_nul_in_the_actor_filter_is_refused_with_a_reason(client, small_world, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "cannot contain a NUL character" in response.content.decode()


@pytest.mark.parametrize("url", ["/meetings.csv?actor=a%00b", "/statements.csv?actor=%00"])
def test_a_nul_in_the_actor_filter_of_an_export_is_refused_with_a_reason(client, small_world, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "cannot contain a NUL character" in response.content.decode()


def test_a_nul_beside_a_good_filter_keeps_the_good_one(client, small_world):
    response = client.get("/meetings/?actor=a%00b&country=RU")
    assert response.status_code == 200
    assert len(response.context["page"].rows) == 1
    assert any("NUL" in problem for problem in response.context["resolved"].problems)
