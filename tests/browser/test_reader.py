"""A reader's path through the public site, in Debian's Chromium, on the demo data.

Searches "Putin", narrows to China in 2023, opens the Moscow meeting of 16 April 2023, opens
Li Shangfu, sees the meeting on his timeline with the office he held that day, finds it on
the China–Russia pair page; the pair's feed parses as Atom; the CSV has the filtered rows.
"""

import csv
import io
import os
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.browser

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop + the ORM

ATOM = "{http://www.w3.org/2005/Atom}"
MOSCOW = "/meetings/li-shangfu-putin-2023-04-16/"


@pytest.fixture
def demo(transactional_db):
    call_command("load_reference", verbosity=0)
    call_command("load_demo", verbosity=0)


def listed_meetings(page) -> list[str]:
    return page.locator("li.meeting-item h3 a").evaluate_all("els => els.map(e => e.pathname)")


def test_reader_finds_the_moscow_meeting_and_follows_it_everywhere(live_server, demo, page):
    page.goto(live_server.url + "/")
    page.get_by_label("Search meetings, statements, articles and people").fill("Putin")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Results for “Putin”"
    assert page.locator("mark").count() > 0  # highlighted snippets

    # Narrow the matches: China, 2023, in the filterable list.
    page.get_by_role("link", name=re.compile("Filter all meetings matching")).click()
    page.get_by_role("combobox", name="Participant country").fill("China")
    page.get_by_label("From").fill("2023-01-01")
    page.get_by_label("To").fill("2023-12-31")
    page.get_by_role("button", name="Apply filters").click()
    assert "country=China" in page.url and "date_from=2023-01-01" in page.url
    chips = page.get_by_role("group", name="Active filters")
    assert "China" in chips.inner_text() and "1 January 2023" in chips.inner_text()
    shown = listed_meetings(page)
    assert MOSCOW in shown
    csv_href = page.get_by_role("link", name="Download these as CSV").get_attribute("href")

    # The CSV holds exactly the rows on the page.
    response = page.request.get(live_server.url + csv_href)
    assert response.ok and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text())))
    assert sorted(r["url"].removeprefix(live_server.url) for r in rows) == sorted(shown)
    assert all(r["start_date"].startswith("2023") for r in rows)

    # A second country: the list says "any of", and offers the pair's own page.
    assert page.get_by_role("checkbox", name="China").is_checked()
    page.get_by_role("combobox", name="Participant country").fill("Russia")
    page.get_by_role("button", name="Apply filters").click()
    assert "Meetings involving any of these countries: China, Russia." in page.content()
    assert MOSCOW in listed_meetings(page)
    page.get_by_role("link", name="Meetings between China and Russia →").click()
    assert page.url.endswith("/countries/cn/ru/")
    assert all("CN" in r["participant_countries"].split("; ") for r in rows)

    # The meeting: participants with the offices they held that day.
    page.locator(f'li.meeting-item h3 a[href="{MOSCOW}"]').click()
    assert page.get_by_role("heading", level=1).inner_text() == "Li Shangfu – Vladimir Putin"
    participants = page.locator("ul.participants").inner_text()
    assert "Minister of National Defense" in participants
    assert "Moscow" in page.locator("dl.facts").inner_text()
    assert page.locator("blockquote.evidence").count() >= 1

    # Li Shangfu's timeline shows the meeting with his office at the time.
    page.locator("ul.participants").get_by_role("link", name="Li Shangfu").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Li Shangfu"
    entry = page.locator("li.entry-meeting", has=page.locator(f'a[href="{MOSCOW}"]'))
    assert entry.count() == 1
    assert "as Minister of National Defense" in entry.inner_text()
    assert entry.locator("time").get_attribute("datetime") == "2023-04-16"
    assert page.get_by_role("heading", name="April 2023").count() == 1
    assert page.locator('svg[role="img"] title#chart-title').count() == 1

    # From his country to the China–Russia pair page.
    page.locator(".kicker").get_by_role("link", name="China").click()
    page.get_by_role("complementary").get_by_role("link", name="Russia").click()
    assert page.url.endswith("/countries/cn/ru/")
    assert page.get_by_role("heading", level=1).inner_text() == "China and Russia"
    pair_meetings = listed_meetings(page)
    while MOSCOW not in pair_meetings and page.get_by_role("link", name="Older →").count():
        page.get_by_role("link", name="Older →").click()
        pair_meetings = listed_meetings(page)
    assert MOSCOW in pair_meetings

    # Its feed, found through <link rel="alternate">, is Atom.
    href = page.locator('link[rel="alternate"][type="application/atom+xml"]').get_attribute("href")
    response = page.request.get(live_server.url + href)
    root = ET.fromstring(response.body())
    assert root.tag == f"{ATOM}feed"
    links = [e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")]
    assert any(link.endswith(MOSCOW) for link in links)


def test_site_works_without_javascript(live_server, demo, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/meetings/?country=CN")
    page.get_by_label("To").fill("2023-04-30")
    page.get_by_role("button", name="Apply filters").click()
    assert "date_to=2023-04-30" in page.url
    page.get_by_role("link", name=re.compile("Remove filter Participant country")).click()
    assert "country=" not in page.url and "date_to=2023-04-30" in page.url
    context.close()


@pytest.mark.parametrize(
    "path",
    ["/", "/meetings/", "/actors/li-shangfu/", "/countries/cn/ru/", MOSCOW, "/statements/"],
)
def test_pages_fit_a_360px_screen(live_server, demo, browser, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(live_server.url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert overflow <= 360, f"{path} is {overflow}px wide"


def test_skip_link_and_focus_are_visible(live_server, demo, page):
    page.goto(live_server.url + "/meetings/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("e => e === document.activeElement")
    box = skip.bounding_box()
    assert box and box["x"] >= 0  # on screen once focused
    outline = skip.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"
