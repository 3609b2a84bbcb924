"""Keyset paging of lists walks every row once, dated rows newest first and undated last,
including the page where the dated rows run out."""

import datetime as dt
import html
import re

from meetings.models import Meeting
from tests import factories


def walk(client, url: str) -> tuple[list[str], int]:
    """Meeting slugs in the order the pages show them, following "Older →"; and the pages."""
    seen, pages = [], 0
    while url:
        page = client.get(url).content.decode()
        pages += 1
        seen += re.findall(r'<h3 class="record-title"><a href="/meetings/([^/"]+)/"', page)
        match = re.search(r'href="([^"]+)" rel="next"', page)
        url = "/meetings/" + html.unescape(match.group(1)) if match else None
    return seen, pages


def test_the_meeting_list_shows_every_meeting_once_in_order(client, db):
    source = factories.article()
    people = [factories.actor(f"Person {n}") for n in range(3)]
    made = []
    for n in range(40):  # several on each day: ties are broken by id
        made.append(
            factories.meeting(
                participants=people[:2], source=source, start_date=dt.date(2020, 1, 1 + n // 3)
            )
        )
    for _ in range(12):
        made.append(factories.meeting(participants=people[1:], source=source, start_date=None))

    seen, pages = walk(client, "/meetings/")

    expected = [
        m.slug
        for m in sorted(
            made,
            key=lambda m: (m.start_date is not None, m.start_date or dt.date.min, m.pk),
            reverse=True,
        )
    ]
    assert pages == 3  # 25 a page: the second holds the last dated rows and the first undated
    assert seen == expected
    assert len(set(seen)) == Meeting.objects.published().count() == 52
