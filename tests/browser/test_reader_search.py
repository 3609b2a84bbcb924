"""A reader searches for a name as they would type it, in Debian's Chromium, on the demo data.

Types "Shoygu" (the demo spells him "Sergei Shoigu"), is told the results are for Sergei
Shoigu, finds his card, his meetings and his statements, and opens one of the meetings.
"""

import os
import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.browser

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop + the ORM


@pytest.fixture
def demo(transactional_db):
    call_command("load_reference", verbosity=0)
    call_command("load_demo", verbosity=0)


def test_a_reader_typing_a_misspelt_name_finds_the_meetings(live_server, demo, page):
    from meetings.models import Actor, Meeting

    shoigu = Actor.objects.get(slug="sergei-shoigu")
    his = {m.get_absolute_url() for m in Meeting.objects.published().filter(participants=shoigu)}
    assert his  # the demo has his meetings

    page.goto(live_server.url + "/")
    page.get_by_label("Search meetings, statements, articles and people").fill("Shoygu")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Results for “Shoygu”"
    assert "Showing results for Sergei Shoigu" in page.get_by_role("status").inner_text()

    people = page.get_by_role("region", name="People and bodies")
    assert people.get_by_role("link", name="Sergei Shoigu").count() == 1
    meetings = page.get_by_role("region", name=re.compile("^Meetings"))
    shown = set(
        meetings.locator("li.meeting-item h3 a").evaluate_all("els => els.map(e => e.pathname)")
    )
    assert his <= shown, his - shown

    first = meetings.locator("li.meeting-item h3 a").first
    first.click()
    assert page.get_by_role("link", name="Sergei Shoigu").count() >= 1

    # Spelt right, the same meetings, and nothing said about spelling.
    page.goto(live_server.url + "/search/?q=Shoigu")
    assert page.get_by_role("status").count() == 0
    shown = set(
        page.get_by_role("region", name=re.compile("^Meetings"))
        .locator("li.meeting-item h3 a")
        .evaluate_all("els => els.map(e => e.pathname)")
    )
    assert his <= shown
