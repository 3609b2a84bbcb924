"""QuerySet methods added for the benchmark's slow pages give the same rows as the plain ones."""

import datetime as dt

import pytest

from meetings.models import Meeting
from tests import factories


@pytest.mark.django_db
def test_involving_between_matches_involving_then_between():
    cn = factories.actor("A", country_code="CN")
    us = factories.actor("B", country_code="US")
    ru = factories.actor("C", country_code="RU")
    for day, people in [
        (dt.date(2023, 12, 31), [cn, us]),
        (dt.date(2024, 1, 1), [cn, us]),
        (dt.date(2024, 6, 1), [ru, us]),
        (dt.date(2024, 12, 31), [cn, ru]),
        (dt.date(2025, 1, 1), [cn, ru]),
    ]:
        factories.meeting(participants=people, start_date=day)
    factories.meeting(participants=[cn, ru], start_date=dt.date(2024, 3, 1), published=False)
    start, end = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    expected = set(Meeting.objects.published().involving("CN").between(start, end))
    assert len(expected) == 2
    assert set(Meeting.objects.involving_between(["cn"], start, end)) == expected
