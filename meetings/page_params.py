"""The GET parameters each public page understands, by URL name.

The page cache keys a page by these only, and a page never sees the others: ``?zz=<random>``
(or a tracking tag) is the same page, served from the same cached copy, instead of a fresh
render and a new cache entry per request (issue 12, item 7). A page added to the site must be
added here; tests/hardening/test_page_cache_keys.py fails until it is.
"""

from __future__ import annotations

from functools import cache

from django.http import QueryDict


@cache
def understood() -> dict[str, frozenset[str]]:
    """{URL name in the ``meetings`` namespace: the parameters its view reads}."""
    from meetings.site import filters  # filters imports the models, which import the cache

    def of(filterset, *extra: str) -> frozenset[str]:
        return frozenset([*filterset.base_filters, *extra])

    meetings, statements = of(filters.MeetingFilter, "after"), of(filters.StatementFilter, "after")
    nothing: frozenset[str] = frozenset()
    return {
        "home": nothing,
        "search": frozenset(["q"]),
        "search-export": frozenset(["q"]),
        "meeting-list": meetings,
        "meeting-export": meetings,
        "meeting-detail": nothing,
        "actor-list": of(filters.ActorFilter, "after"),
        "actor-export": of(filters.ActorFilter),
        "actor-detail": of(filters.TimelineFilter),
        "actor-feed": nothing,
        "country-list": nothing,
        "country-detail": frozenset(["after", "date_from", "date_to"]),  # + the network's dates
        "country-feed": nothing,
        "country-pair": frozenset(["after"]),
        "country-pair-feed": nothing,
        "article-detail": nothing,
        "statement-list": statements,
        "statement-export": statements,
        "statement-detail": nothing,
    }


# Free text whose runs of spaces mean one space (words are searched for, not spaces).
WORDS = frozenset(["q"])


def keep_understood(request, url_name: str) -> str:
    """Replace ``request.GET`` by the parameters the page understands (all of them for a
    page not listed), in the order they came, the words of a search with single spaces
    between them; return them as the page's query string, in a canonical order (the page
    cache's key: ``?b=2&a=1`` is the page of ``?a=1&b=2``)."""
    names = understood().get(url_name)
    if names is not None:
        kept = QueryDict(mutable=True)
        for name in request.GET:
            if name in names:
                values = request.GET.getlist(name)
                if name in WORDS:
                    values = [" ".join(value.split()) for value in values]
                kept.setlist(name, values)
        kept._mutable = False
        request.GET = kept
    return "&".join(sorted(request.GET.urlencode().split("&")))
