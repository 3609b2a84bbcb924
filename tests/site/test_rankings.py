"""Who is most active, counted among the newest public participations
(meetings/site/rankings.py)."""

from collections import Counter

from meetings.site import rankings


def test_recent_participations_are_public_and_newest_first(world):
    rows = rankings.recent_participations()
    assert (world.moscow.pk, world.li.pk, "CN") in rows
    assert all(meeting != world.drafts["meeting"].pk for meeting, _, _ in rows)
    assert rows[0][0] == world.moscow.pk  # April 2023 is the newest public meeting


def test_recent_participations_stop_at_recent(world, monkeypatch):
    monkeypatch.setattr(rankings, "RECENT", 1)
    assert len(rankings.recent_participations()) == 1


def test_top_actors_are_published_actors_most_counted_first(world):
    counts = Counter({world.putin.pk: 3, world.li.pk: 5, world.drafts["actor"].pk: 9})
    top = rankings.top_actors(counts)
    assert top == [world.li, world.putin]
    assert [actor.count for actor in top] == [5, 3]


def test_country_partners_count_meetings_with_officials_of_other_countries(world):
    partners = list(rankings.country_partners("CN"))
    assert [(row["country_id"], row["n"]) for row in partners] == [("RU", 1)]
    assert list(rankings.country_partners("FR")) == [
        {"country_id": "US", "country__name": "United States", "n": 1}
    ]
