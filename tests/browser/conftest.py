import pytest

from tests import editors


@pytest.fixture
def editor_login(django_user_model):
    """The editor the browser tests log in as (tests/editors.py)."""
    return editors.editor(django_user_model)
