"""What the hardening tests share."""

from __future__ import annotations

import pytest

from tests import factories


@pytest.fixture
def small_world(db):
    """Putin (returned) and Li Shangfu, a meeting of theirs and a statement by Putin."""
    putin = factories.actor("Vladimir Putin", country_code="RU", aliases=["Putin"])
    li = factories.actor("Li Shangfu", country_code="CN")
    source = factories.article(body="Li Shangfu met Vladimir Putin in Moscow on Sunday.")
    meeting = factories.meeting(participants=[li, putin], source=source)
    factories.statement(speaker=putin, source=source, meeting=meeting)
    return putin
