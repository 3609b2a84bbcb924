"""Five reports of one meeting and one of another a month later, written for these tests
(the two ministers are invented): both governments' readouts, two agencies and a
newspaper; the fourth report gives the next day."""

import datetime as dt

from meetings import services

REPORTS = [
    {
        "outlet": "Norwegian Ministry of Foreign Affairs",
        "title": "Foreign Minister Dahl receives Chile's foreign minister",
        "published_on": dt.date(2025, 3, 14),
        "url": "https://example.org/no/dahl-morales",
        "body": (
            "OSLO, March 14 — Norwegian Foreign Minister Ingrid Dahl met Chilean Foreign "
            "Minister Lucia Morales in Oslo on Friday to discuss fisheries and clean shipping."
            "\n\n"
            "\u201cNorway and Chile share the same ocean and the same worries,\u201d Dahl "
            "said after the meeting."
        ),
    },
    {
        "outlet": "Chilean Ministry of Foreign Affairs",
        "title": "Minister Morales holds talks in Oslo",
        "published_on": dt.date(2025, 3, 14),
        "url": "https://example.org/cl/morales-oslo",
        "body": (
            "OSLO, March 14 — Chilean Foreign Minister Lucia Morales met Norwegian Foreign "
            "Minister Ingrid Dahl in Oslo on Friday, the first such visit in a decade."
            "\n\n"
            "\u201cOur salmon farmers and their scientists must work side by side,\u201d "
            "Morales said."
        ),
    },
    {
        "outlet": "Nordic Wire",
        "title": "Norway and Chile talk fish and ships",
        "published_on": dt.date(2025, 3, 14),
        "url": "https://example.org/wire/norway-chile",
        "body": (
            "OSLO, March 14 (Nordic Wire) — Norwegian Foreign Minister Ingrid Dahl met her "
            "Chilean counterpart Lucia Morales in Oslo on Friday, officials said."
        ),
    },
    {
        "outlet": "Andes Press",
        "title": "Chile's top diplomat in Norway",
        "published_on": dt.date(2025, 3, 16),
        "url": "https://example.org/andes/morales-norway",
        "body": (
            "SANTIAGO, March 16 (Andes Press) — Chilean Foreign Minister Lucia Morales met "
            "Norwegian Foreign Minister Ingrid Dahl in Oslo on Saturday, her ministry said."
        ),
    },
    {
        "outlet": "The Harbour Times",
        "title": "Ministers meet over fisheries",
        "published_on": dt.date(2025, 3, 15),
        "url": "https://example.org/harbour/ministers",
        "body": (
            "OSLO, March 15 — Norwegian Foreign Minister Ingrid Dahl met Chilean Foreign "
            "Minister Lucia Morales in Oslo on Friday, March 14, to discuss fisheries."
        ),
    },
]

LATER = {
    "outlet": "Andes Press",
    "title": "Dahl in Santiago",
    "published_on": dt.date(2025, 4, 14),
    "url": "https://example.org/andes/dahl-santiago",
    "body": (
        "SANTIAGO, April 14 (Andes Press) — Norwegian Foreign Minister Ingrid Dahl met "
        "Chilean Foreign Minister Lucia Morales in Santiago on Monday to sign a fisheries "
        "accord."
    ),
}

THE_DAY, THE_OTHER_DAY = dt.date(2025, 3, 14), dt.date(2025, 3, 15)


def knowledge():
    """The reference countries and the two ministers, published (what the site knows)."""
    services.reference_load()
    dahl = services.actor_create(
        name="Ingrid Dahl",
        country="NO",
        positions=[{"title": "Minister of Foreign Affairs", "country": "NO"}],
    )
    morales = services.actor_create(
        name="Lucia Morales",
        country="CL",
        positions=[{"title": "Minister of Foreign Affairs", "country": "CL"}],
    )
    return dahl, morales


def article(report: dict, **kwargs):
    """A draft article of one report."""
    dateline = report["body"].split(" — ", 1)[0]
    return services.article_create(
        title=report["title"],
        body=report["body"],
        outlet=report["outlet"],
        url=report["url"],
        dateline=dateline,
        published_on=report["published_on"],
        **kwargs,
    )
