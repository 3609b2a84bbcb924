"""Actor names of punctuation only once made a 500 on PostgreSQL (issue 12, item 2)."""

from __future__ import annotations

import pytest

PUNCTUATION = ["-", "%", "_", "\\", ".", "'\"", "!:*&|()", "[]", "٣"]


@pytest.mark.parametrize("text", PUNCTUATION)
def test_actor_names_of_punctuation_only_find_nobody(client, small_world, text):
    response = client.get("/actors/", {"q": text})
    assert response.status_code == 200
    assert list(response.context["page"].rows) == []
    assert response.context["total"]["count"] == 0


def test_actor_name_with_a_lone_surrogate_finds_nobody(client, small_world):
    response = client.get("/actors/?q=%ED%A0%80")
    assert response.status_code == 200
    assert list(response.context["page"].rows) == []
