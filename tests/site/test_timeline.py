"""The actor timeline's queries, called with arguments (no request): each option narrows
every source the same way, and pages never lose or repeat an entry."""

import datetime as dt

from meetings.site.timeline import Options, activity_by_month, timeline
from tests import factories
from tests.site.pages import text


def kinds(entries) -> list[tuple[str, dt.date]]:
    return [(entry.kind, entry.date) for entry in entries]


def test_options_read_the_cleaned_values_of_the_timeline_filter():
    options = Options.from_cleaned(
        {"kind": ["visit", "statement"], "date_from": dt.date(2023, 1, 1), "counterpart": ""}
    )
    assert options.kinds == {"visit", "statement"} and options.start == dt.date(2023, 1, 1)
    assert options.counterpart is None and options.filtered
    assert not Options.from_cleaned({}).filtered


def test_without_options_the_timeline_holds_meetings_statements_and_offices(world):
    entries, next_cursor = timeline(world.li, Options())
    assert kinds(entries) == [
        ("office", dt.date(2023, 10, 24)),  # left office
        ("meeting", dt.date(2023, 4, 16)),  # same day: the meeting before the statement
        ("statement", dt.date(2023, 4, 16)),
        ("office", dt.date(2023, 3, 12)),  # took office
    ]
    assert next_cursor is None


def test_the_dates_narrow_meetings_statements_and_offices_alike(world):
    factories.meeting(participants=[world.li, world.putin], start_date=dt.date(2023, 7, 1))
    factories.statement(speaker=world.li, said_on=dt.date(2023, 7, 1))
    entries, _ = timeline(world.li, Options(start=dt.date(2023, 4, 1), end=dt.date(2023, 6, 1)))
    assert kinds(entries) == [
        ("meeting", dt.date(2023, 4, 16)),
        ("statement", dt.date(2023, 4, 16)),
    ]


def test_a_counterpart_keeps_records_with_someone_from_there_and_drops_offices(world):
    factories.statement(speaker=world.li, said_on=dt.date(2023, 5, 1))  # at no meeting
    russia, _ = timeline(world.li, Options(counterpart="RU"))
    assert kinds(russia) == [("meeting", dt.date(2023, 4, 16)), ("statement", dt.date(2023, 4, 16))]
    france, _ = timeline(world.li, Options(counterpart="FR"))
    assert france == []


def test_a_meeting_kind_shows_only_meetings_of_that_kind(world):
    entries, _ = timeline(world.li, Options(kinds=frozenset({"meeting"})))
    assert kinds(entries) == [("meeting", dt.date(2023, 4, 16))]
    assert timeline(world.li, Options(kinds=frozenset({"visit"})))[0] == []
    offices, _ = timeline(world.li, Options(kinds=frozenset({"office"})))
    assert {entry.kind for entry in offices} == {"office"}


def test_pages_follow_each_other_without_losing_or_repeating_an_entry(world):
    for day in range(1, 6):
        factories.meeting(participants=[world.li, world.putin], start_date=dt.date(2023, 5, day))
    everything, _ = timeline(world.li, Options())
    seen, cursor = [], None
    while True:
        entries, next_cursor = timeline(world.li, Options(cursor=cursor), size=3)
        seen += [entry.key for entry in entries]
        if next_cursor is None:
            break
        cursor = tuple(
            int(part) if n else dt.date.fromisoformat(part)
            for n, part in enumerate(next_cursor.split("."))
        )
    assert seen == [entry.key for entry in everything] and len(seen) == 9


def test_activity_counts_meetings_and_statements_per_month(world):
    assert activity_by_month(world.li) == {dt.date(2023, 4, 1): (1, 1)}
    assert activity_by_month(world.shoigu) == {}


def test_met_most_often_lists_the_actors_met_most_often_first(world, client):
    factories.meeting(participants=[world.li, world.shoigu], start_date=dt.date(2023, 5, 1))
    factories.meeting(participants=[world.li, world.shoigu], start_date=dt.date(2023, 5, 2))
    page = text(client.get(world.li.get_absolute_url()))
    side = page[page.index("Met most often") :]
    assert side.startswith("Met most often Sergei Shoigu 2× Vladimir Putin 1×")
