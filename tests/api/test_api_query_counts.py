"""Every API endpoint pins its query count, and the count does not change when the data
grows tenfold (as the pages' do: tests/site/test_query_counts.py)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

# The planner's estimate of a list's size: one EXPLAIN on PostgreSQL, asked whatever the size.
EST = 1 if connection.vendor == "postgresql" else 0

# (URL name, args, query string, expected queries)
ENDPOINTS = [
    # countries (the filter's choices), count, rows, participants, sources
    ("api:meeting-list", [], "", 5 + EST),
    ("api:meeting-list", [], "country=CN&country=ru&date_from=2023-01-01&page_size=100", 5 + EST),
    # + the actor named by the filter
    ("api:meeting-list", [], "actor=li-shangfu&kind=meeting&status=held&outlet=Demo+Wire", 6 + EST),
    ("api:meeting-list", [], "q=Putin", 5 + EST),
    # countries, count, rows (speaker, via, article and meeting joined)
    ("api:statement-list", [], "", 3 + EST),
    ("api:statement-list", [], "country=CN&kind=paraphrase&actor=li-shangfu", 4 + EST),
    # countries, count, rows, offices
    ("api:actor-list", [], "", 4 + EST),
    ("api:actor-list", [], "country=CN&q=li&after=a", 4 + EST),
    # country, partners, count, rows, participants, sources
    ("api:country-detail", ["cn"], "", 6 + EST),
    # countries, years, rows, participants, sources
    ("api:country-pair", ["cn", "ru"], "", 5),
    ("api:country-pair", ["ru", "cn"], "page_size=5", 5),
]


def fetch(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(queries)


def test_query_counts_are_pinned_and_do_not_grow_with_the_data(client, world):
    urls = [
        reverse(name, args=args) + (f"?{query}" if query else "")
        for name, args, query, _ in ENDPOINTS
    ]
    small = [fetch(client, url) for url in urls]
    world.grow(10)
    large = [fetch(client, url) for url in urls]
    expected = [n for *_, n in ENDPOINTS]
    assert list(zip(urls, small, large, strict=True)) == list(
        zip(urls, expected, expected, strict=True)
    )
