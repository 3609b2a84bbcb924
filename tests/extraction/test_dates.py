"""The dates stage on its own: temporal expressions resolved against an anchor day."""

from datetime import date

import pytest

from meetings.extraction.dates import find_dates

MID_MARCH = date(2024, 3, 14)  # a Thursday


def only(text, anchor=MID_MARCH, **kw):
    found = find_dates(text, anchor, **kw)
    assert len(found) == 1, found
    return found[0]


def test_ordinal_day_is_in_the_anchor_month_when_already_past():
    d = only("The envoys met in Quito on the 3rd.")
    assert (d.date, d.end_date, d.precision, d.rule) == (date(2024, 3, 3), None, "day", "ordinal")


def test_ordinal_day_after_the_anchor_is_the_previous_month_for_a_held_meeting():
    assert only("The envoys met in Quito on the 20th.").date == date(2024, 2, 20)


def test_ordinal_day_after_the_anchor_is_this_month_for_a_planned_meeting():
    assert only("The envoys will meet in Quito on the 20th.").date == date(2024, 3, 20)


def test_ordinal_day_with_a_weekday_takes_the_month_where_they_agree():
    # 23 February 2024 is a Friday; 23 March is a Saturday.
    assert only("They spoke on Friday the 23rd.").date == date(2024, 2, 23)


def test_ordinal_day_late_in_a_month_near_a_new_year():
    assert only("The talks opened on the 30th.", anchor=date(2025, 1, 2)).date == date(2024, 12, 30)


@pytest.mark.parametrize(
    "text",
    [
        "It was the 3rd round of talks.",
        "They marked the 20th anniversary of ties.",
        "Delegates met on the 2nd floor of the ministry.",
    ],
)
def test_ordinal_followed_by_a_noun_is_not_a_day(text):
    assert find_dates(text, MID_MARCH) == []


def test_ordinal_range_without_a_month_gives_start_and_end():
    d = only("The talks ran from the 12th to the 14th in Lima.")
    assert (d.date, d.end_date, d.rule) == (date(2024, 3, 12), date(2024, 3, 14), "ordinal-range")


def test_ordinal_range_with_its_month_and_year():
    d = only("The forum was held between the 3rd and the 5th of May 2023.")
    assert (d.date, d.end_date) == (date(2023, 5, 3), date(2023, 5, 5))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The visit ran from 12 to 14 March 2024.", date(2024, 3, 12), date(2024, 3, 14)),
        ("The visit ran March 12-14.", date(2024, 3, 12), date(2024, 3, 14)),
        ("The visit ran March 12–14, 2023.", date(2023, 3, 12), date(2023, 3, 14)),
        ("He was in Oslo on 12–14 March.", date(2024, 3, 12), date(2024, 3, 14)),
        ("They met between 12 and 13 March.", date(2024, 3, 12), date(2024, 3, 13)),
        ("The summit ran from 28 February to 2 March.", date(2024, 2, 28), date(2024, 3, 2)),
        ("The fair ran 12th to 14th March 2024.", date(2024, 3, 12), date(2024, 3, 14)),
    ],
)
def test_day_range_sharing_a_month_gives_its_end_date(text, start, end):
    d = only(text)
    assert (d.date, d.end_date, d.precision) == (start, end, "day")


def test_a_range_that_ends_before_it_starts_is_not_a_range():
    assert all(d.end_date is None for d in find_dates("Scores went 14 to 12 March.", MID_MARCH))


def test_a_sentence_without_digits_or_weekdays_still_finds_months_and_relative_days():
    found = find_dates("Talks held yesterday follow those of last June.", MID_MARCH)
    assert [(d.rule, d.date) for d in found] == [
        ("relative-day", date(2024, 3, 13)),
        ("month", date(2023, 6, 1)),
    ]


def test_a_meeting_told_with_an_ordinal_range_carries_both_dates(empty_kb):
    from meetings.extraction import ArticleInput, extract

    text = (
        "Peruvian Prime Minister Luis Vega held talks with Chilean Foreign Minister "
        "Rosa Diaz in Lima from the 12th to the 14th."
    )
    (meeting,) = extract(ArticleInput(text=text, published=date(2024, 3, 20)), empty_kb).meetings
    assert (meeting.date, meeting.end_date) == (date(2024, 3, 12), date(2024, 3, 14))
