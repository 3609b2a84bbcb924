"""No input makes a public page fail (issue 12, "Keep it from coming back").

Every public page kind is crawled on the demo data, and every GET parameter each page
understands is sent hostile values one at a time (and all at once, and repeated): dates out
of range, NUL, lone surrogates, 3,000-character strings, tsquery and LIKE metacharacters,
non-ASCII digits, malformed cursors. A page may answer 200, 400 or 404, never a 5xx. Runs on
both legs of the suite (SQLite and PostgreSQL, which refuses NUL in text).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import resolve

from meetings import page_params
from meetings.models import Actor, Article, Country, CountryPair, Meeting, Statement
from meetings.site.urls import urlpatterns as site_patterns

# Already percent-encoded, so bytes no browser would send still reach the server.
RAW = {
    "lone surrogate": "%ED%A0%80",
    "lone surrogate in a word": "Pu%ED%B0%80tin",
    "invalid UTF-8": "%FF%FE",
    "NUL": "%00",
    "NUL in a word": "a%00b",
}
METACHARACTERS = "-%_\\.'\"!:*&|()[]"
TEXT = [
    "",
    " ",
    *METACHARACTERS,
    METACHARACTERS,
    "'\"",
    "!:*&|()",
    "[]",
    "a & | b",
    "-putin",
    '"unclosed',
    "٣",
    "٢٠٢٣-٠٤-١٦",
    "x" * 3000,
    "Путин " * 500,
    "\u200b",
    "<script>alert(1)</script>",
    "99999999999999999999999",
    "-1",
]
DATES = [
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "-0001-01-01",
    "2023-02-30",
    "2023-13-01",
    "1-1-1",
    "2023-04-16T10:00",
    "99999999999999999999",
]
CURSORS = [
    "2023-04-16.1",
    "-.1",
    "-.",
    ".",
    "..",
    "2023-04-16",
    "2023-04-16.3.1",
    "2023-04-16.x",
    "9999-12-31.99999999999999999999999",
    "0001-01-01.-99999999999999999999999",
    "2023-04-16.3.99999999999999999999999",
    "0001-01-01.0.0",
    "9999-12-31.9.9",
    "-.3.1",
    "2023-04-16.٣",
    "2023-04-16.1e5",
    "zz-top",
]


def encoded(values: list[str]) -> list[str]:
    return [quote(value, safe="") for value in values]


# Sent to every parameter; each kind of parameter also gets its own longer list.
COMMON = [
    *RAW.values(),
    *encoded(["", METACHARACTERS, "x" * 3000, "٣", "-", "10000-01-01", CURSORS[8], CURSORS[10]]),
]
BY_KIND = {
    "text": encoded(TEXT),
    "date": encoded(DATES),
    "cursor": encoded(CURSORS),
    "choice": encoded(["cn", "CN ", "ZZ", "zzz", "meeting", "held", "person", "statement"]),
}
KIND_OF = {
    "q": "text",
    "actor": "text",
    "outlet": "text",
    "date_from": "date",
    "date_to": "date",
    "after": "cursor",
}


@pytest.fixture
def demo(db):
    call_command("load_reference", verbosity=0)
    call_command("load_demo", verbosity=0)


def public_pages() -> dict[str, list[str]]:
    """Every public page kind on the demo data, with the GET parameters it understands."""
    meeting = Meeting.objects.published().order_by("pk").first()
    actor = Actor.objects.published().filter(participations__is_public=True).first()
    article = Article.objects.published().order_by("pk").first()
    statement = Statement.objects.published().order_by("pk").first()
    pair = CountryPair.objects.order_by("first", "second").first()
    assert meeting and actor and article and statement and pair, "the demo data lost a kind"
    code = Country.objects.get(pk=pair.first).code.lower()
    pair_path = f"/countries/{pair.first.lower()}/{pair.second.lower()}/"
    paths = [
        "/",
        "/search/",
        "/search.csv",
        "/meetings/",
        "/meetings.csv",
        meeting.get_absolute_url(),
        "/actors/",
        "/actors.csv",
        actor.get_absolute_url(),
        actor.get_absolute_url() + "feed/",
        "/countries/",
        f"/countries/{code}/",
        f"/countries/{code}/feed/",
        pair_path,
        pair_path + "feed/",
        article.get_absolute_url(),
        "/statements/",
        "/statements.csv",
        statement.get_absolute_url(),
    ]
    understood = page_params.understood()
    return {path: sorted(understood[resolve(path).url_name]) for path in paths}


def crawl(client: Client, path: str, params: list[str]) -> list[str]:
    """The requests to ``path`` that failed, each with its status or exception."""
    queries = [""]
    for name in [*params, "zz"]:  # "zz": a parameter no page reads
        values = COMMON
        if not path.endswith(".csv"):  # an export reads its filters as its list page does
            values = COMMON + BY_KIND[KIND_OF.get(name, "choice")]
        queries += [f"{name}={value}" for value in values]
        queries.append("&".join(f"{name}={value}" for value in values))  # repeated
    for value in COMMON:  # every parameter hostile at once
        queries.append("&".join(f"{name}={value}" for name in params))
    queries += [f"{value}={value}" for value in RAW.values()]  # hostile names
    failures = []
    for query in dict.fromkeys(queries):
        url = f"{path}?{query}" if query else path
        try:
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)  # a CSV fails while it streams
        except Exception as error:  # noqa: BLE001 - every failure is reported, with its kind
            failures.append(f"{url[:160]} -> {type(error).__name__}: {str(error)[:160]}")
            continue
        if response.status_code >= 500:
            failures.append(f"{url[:160]} -> {response.status_code}")
    return failures


def test_no_public_page_answers_5xx_to_hostile_parameters(demo):
    pages = public_pages()
    # A page kind added to the site without being added to the crawl fails here.
    assert {resolve(path).url_name for path in pages} == {p.name for p in site_patterns}
    client = Client()
    failures = []
    for path, params in pages.items():
        failures += crawl(client, path, params)
    assert not failures, f"{len(failures)} failing requests:\n" + "\n".join(failures[:60])
