"""The activity chart's markup, pinned: the tag must keep writing the same elements,
attributes, accessible names and text. The expected files were rendered by the template
version of the tag (templates/includes/_activity_chart.html, since removed) before it was
written in Python.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.template.defaultfilters import date as date_filter
from django.utils import translation

from meetings.templatetags.meetings_extras import day_short_month, month_year

EXPECTED = Path(__file__).parent / "activity_chart"


def month(year: int, number: int) -> dt.date:
    return dt.date(year, number, 1)


def long_record_with_gaps() -> dict[dt.date, tuple[int, int]]:
    """40 months, every seventh one empty, so the chart keeps the newest 36."""
    activity = {}
    for i in range(40):
        if i % 7 != 3:
            activity[month(2021 + i // 12, i % 12 + 1)] = (i % 5 + (i * 3) % 11, (i * 7) % 4)
    return activity


CASES = {
    "empty": {},
    "single-month": {month(2023, 4): (1, 1)},
    "twelve-months": {month(2022, m): (m % 4, (m * 5) % 3) for m in range(1, 13)},
    "long-with-gaps": long_record_with_gaps(),
    "statements-only": {month(2019, 11): (0, 3), month(2020, 2): (0, 1)},
    "thousands": {month(2024, 12): (1234, 0), month(2025, 1): (1, 2500)},
}


def render(activity: dict) -> str:
    return Template("{% load meetings_extras %}{% activity_chart activity %}").render(
        Context({"activity": activity})
    )


def normalise(html: str) -> str:
    """Drop whitespace runs that hold a line break and sit between two tags (layout only)."""
    return re.sub(r">\s*\n\s*<", "><", html.strip())


@pytest.mark.parametrize("case", CASES)
def test_activity_chart_writes_the_pinned_markup(case):
    expected = (EXPECTED / f"{case}.html").read_text()
    assert normalise(render(CASES[case])) == normalise(expected)


def test_normalise_keeps_spaces_that_separate_words():
    assert normalise("<p>\n  <b>a</b> <i>b</i>\n</p>") == "<p><b>a</b> <i>b</i></p>"


DAYS = [dt.date(2023, m, d) for m in range(1, 13) for d in (1, 9, 28)]


@pytest.mark.parametrize("language", ["en-us", "fr", "de"])
def test_month_filters_write_what_the_date_filter_writes(language):
    with translation.override(language):
        for day in DAYS:
            assert month_year(day) == date_filter(day, "F Y")
            assert day_short_month(day) == date_filter(day, "j M")
    assert month_year(None) == day_short_month(None) == date_filter(None, "F Y") == ""


def test_activity_chart_names_months_in_the_active_language():
    with translation.override("fr"):
        french = render(CASES["single-month"])
    assert "avril 2023: 1 meeting, 1 statement" in french
    assert "April" not in french
    assert "April 2023: 1 meeting" in render(CASES["single-month"])


@pytest.mark.django_db
def test_the_chart_says_when_the_record_goes_back_further_than_it_shows(client):
    from tests import factories

    ruiz, berg = factories.actor("Alma Ruiz", country_code="PE"), factories.actor("Nils Berg")
    factories.meeting(participants=[ruiz, berg], start_date=dt.date(2016, 3, 9))
    factories.meeting(participants=[ruiz, berg], start_date=dt.date(2023, 5, 2))
    html = " ".join(client.get(ruiz.get_absolute_url()).content.decode().split())
    assert "the record goes back to March 2016: see the timeline for earlier ones." in html
    recent = factories.actor("Recent Person")
    factories.meeting(participants=[recent, berg], start_date=dt.date(2023, 5, 2))
    assert "the record goes back" not in client.get(recent.get_absolute_url()).content.decode()
