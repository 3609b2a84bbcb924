"""Every page pins its query count, and the count does not change when the data grows tenfold."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

# The planner's estimate of a list's size: one EXPLAIN on PostgreSQL, asked whatever the size.
EST = 1 if connection.vendor == "postgresql" else 0

# (url name, args, query string, expected queries)
PAGES = [
    ("meetings:home", [], "", 6),
    # PostgreSQL: actors, their names, estimates, then each kind's rows with their count
    # (+ participants); SQLite reads the aliases apart from the actors.
    ("meetings:search", [], "q=Putin", 7 if connection.vendor == "postgresql" else 9),
    # Country names, one pass over the matches (the facets' and the venue map's rows, the
    # bounded count, the first page's keys), the page's rows by key and their participants,
    # the facet of participant countries.
    ("meetings:meeting-list", [], "", 5 + EST),
    (
        "meetings:meeting-list",
        [],
        "country=CN&country=ru&date_from=2023-01-01&date_to=2023-12-31",
        5 + EST,
    ),
    (
        "meetings:meeting-list",
        [],
        "actor=li-shangfu&kind=meeting&status=held&outlet=Demo+Wire",
        6 + EST,
    ),
    ("meetings:meeting-list", [], "q=Putin", 5 + EST),
    # The detail pages: + 1 for their "Corrections and changes", however many there are.
    # A meeting's page: + 1 for what its sources say of its facts (where they disagree).
    ("meetings:meeting-detail", ["moscow"], "", 7),
    ("meetings:actor-list", [], "", 6 + EST),
    ("meetings:actor-list", [], "country=CN&q=li", 6 + EST),
    # + the network (4: the newest meetings' ids, their count, their participants, the most
    # met's names; "met most often" is its first counterparts) and the venue map (1); the
    # activity chart's four ends are one query.
    ("meetings:actor-detail", ["li"], "", 17),
    ("meetings:actor-detail", ["li"], "kind=meeting&kind=statement&counterpart=ru", 17),
    ("meetings:actor-detail", ["li"], "date_from=2023-01-01&date_to=2023-12-31", 17),
    ("meetings:country-list", [], "", 1),
    # + the network (4 aggregates) and the venue map (1); "most active": names only (1).
    ("meetings:country-detail", ["cn"], "", 12 + EST),
    ("meetings:country-detail", ["cn"], "date_from=2023-01-01&date_to=2023-12-31", 12 + EST),
    # + 1: the multilateral meetings listed apart ("also met at"); + 1: the venue map.
    ("meetings:country-pair", ["cn", "ru"], "", 7),
    ("meetings:article-detail", ["article"], "", 3),
    # Country names, one pass over the matches (facets, count, first keys), the rows by key.
    ("meetings:statement-list", [], "", 3 + EST),
    ("meetings:statement-list", [], "country=CN&kind=paraphrase", 3 + EST),
    ("meetings:statement-detail", ["statement"], "", 3),
    ("meetings:actor-feed", ["li"], "", 4),  # + the last public corrections
    ("meetings:country-feed", ["cn"], "", 4),  # + the last public corrections
    ("meetings:country-pair-feed", ["cn", "ru"], "", 4),  # + the last public corrections
    ("meetings:meeting-export", [], "country=CN", 3),  # the ids, then 1 per 2,000 rows
    ("meetings:statement-export", [], "country=CN", 2),
]


def url_for(world, name, args, query):
    objects = {
        "moscow": world.moscow.slug,
        "li": world.li.slug,
        "article": world.article.slug,
        "statement": world.statement.pk,
    }
    url = reverse(name, args=[objects.get(a, a) for a in args])
    return f"{url}?{query}" if query else url


def fetch(client, url):
    """The response with its body fully read (CSV streams), and the queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    return response, len(queries)


@pytest.mark.parametrize(("name", "args", "query", "expected"), PAGES)
def test_query_count_is_pinned_and_does_not_grow_with_the_data(
    client, world, name, args, query, expected
):
    url = url_for(world, name, args, query)
    response, small = fetch(client, url)
    assert response.status_code == 200, url
    world.grow(10)
    response, large = fetch(client, url)
    assert response.status_code == 200, url
    assert (small, large) == (expected, expected), url
