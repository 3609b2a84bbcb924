"""The API tests read the site tests' small world (tests/site/conftest.py), drafts included."""

import pytest
from django.core.cache import cache

from tests.site.conftest import World, build_world


@pytest.fixture
def world(db) -> World:
    return build_world()


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    """Each test starts with no requests counted against its client address."""
    cache.clear()
    yield
    cache.clear()
