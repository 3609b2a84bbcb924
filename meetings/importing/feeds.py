"""Articles from RSS and Atom feeds: the feed is fetched (``fetch``, same checks as a page),
parsed with feedparser, and each item not yet stored is fetched and reduced to an
``ArticleRecord`` that ``import_records`` writes like any imported article.

Items already stored are recognised by their normalised link before their page is fetched,
so reading a feed again costs one request for the feed. A page whose canonical address is
not the item's link is recognised after its fetch, by its canonical address or its text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from meetings.importing.fetch import FEED_TYPES, FetchError, fetch, fetch_article
from meetings.importing.readers import ArticleRecord, Item, ReadError, make_record
from meetings.importing.urlnorm import normalise_url


@dataclass
class FeedReport:
    """What reading the feeds found, before the import writes anything."""

    items: int = 0
    already_stored: int = 0


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def read_feed(url: str) -> tuple[str, list]:
    """The feed's title and its entries; FetchError when it cannot be fetched or parsed."""
    import feedparser

    page = fetch(url, accept=FEED_TYPES + ("text/html", "text/plain"))
    parsed = feedparser.parse(page.body, response_headers={"content-location": page.url})
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "not RSS or Atom"
        raise FetchError(f"{page.url} is not a feed that can be read ({reason}).")
    return (parsed.feed.get("title") or "").strip(), list(parsed.entries)


def feed_items(
    urls: list[str],
    *,
    stored: Callable[[list[str]], set[str]],
    report: FeedReport,
    on_page: Callable[[str], None] = lambda url: None,
) -> Iterator[Item]:
    """The new items of the feeds at ``urls`` as records (or ReadErrors), page by page.

    ``stored(urls)`` answers which of the normalised ``urls`` are already articles; those
    items are counted in ``report.already_stored`` and their pages are not fetched.
    """
    for feed_url in urls:
        try:
            feed_title, entries = read_feed(feed_url)
        except FetchError as exc:
            yield ReadError(feed_url, 0, str(exc))
            continue
        report.items += len(entries)
        links = [
            (number, entry, (entry.get("link") or "").strip())
            for number, entry in enumerate(entries, 1)
        ]
        known = stored([normalise_url(link) for _, _, link in links if link])
        seen: set[str] = set()
        for number, entry, link in links:
            where = f"{feed_url} item {number}"
            if not link:
                yield ReadError(where, 0, "the item has no link")
                continue
            key = normalise_url(link)
            if key in known or key in seen:
                report.already_stored += 1
                continue
            seen.add(key)
            on_page(link)
            try:
                page = fetch_article(link)
            except FetchError as exc:
                yield ReadError(where, 0, str(exc))
                continue
            yield _record(where, page, entry, feed_title)


def _record(where: str, page, entry, feed_title: str) -> ArticleRecord:
    source, _, number = where.rpartition(" item ")
    return make_record(
        source=f"{source} item",
        line=int(number),
        body=page.body,
        title=page.title or (entry.get("title") or "").strip(),
        url=page.url,
        outlet=(page.outlet or feed_title)[:200],
        published_on=page.published_on or _entry_date(entry),
    )
