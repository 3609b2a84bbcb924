"""In a real browser: an editor accepts a suggested person, and the next article pasted
links her by her surname instead of suggesting her again; a reader finds her by it."""

import re

import pytest
from playwright.sync_api import expect

from meetings import services
from meetings.models import Actor
from tests.editors import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Written for this test; the people are invented.
FIRST = (
    "LISBON, March 7 \u2014 Finnish Foreign Minister Aino Lehto met Portuguese Foreign "
    "Minister Rui Pinto in Lisbon on Thursday.\n\n"
    "\u201cOur ports will work together,\u201d Lehto told reporters."
)
NEXT = "Foreign Minister Lehto flew home on Friday.\n\n\u201cThe talks went well,\u201d Lehto said."


def paste(page, live_server, *, title: str, body: str, day: str, dateline: str = "") -> None:
    page.goto(f"{live_server.url}/admin/meetings/article/add/")
    page.fill("#id_title", title)
    page.fill("#id_body", body)
    page.fill("#id_dateline", dateline)
    page.fill("#id_published_on", day)
    page.click("input[name=_save]")
    expect(page).to_have_url(re.compile(r"/admin/meetings/article/\d+/change/#review$"))


def test_an_accepted_person_is_known_in_the_next_article(page, live_server, editor_login):
    services.reference_load()
    page.set_default_timeout(30_000)  # a password hash on a busy machine
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")

    paste(page, live_server, title="Lisbon talks", body=FIRST, day="2024-03-08")
    card = page.locator(".card[id^=suggestion-]", has=page.locator("strong", has_text="Aino Lehto"))
    expect(card).to_contain_text("Written as:")
    expect(card).to_contain_text("Lehto")
    card.locator("button", has_text="Accept as new actor").click()
    expect(page.locator(".messagelist")).to_contain_text("Aino Lehto is now a known actor")
    page.locator(".card[id^=meeting-]").first.locator("button", has_text="Accept").click()
    page.locator("button", has_text="Publish article").click()
    expect(page.locator(".review-meta")).to_contain_text("article is published")

    paste(page, live_server, title="Lehto flies home", body=NEXT, day="2024-03-09")
    body = page.locator(".review-body")
    expect(body.locator("mark.hl-actor").first).to_contain_text("Lehto")
    expect(body.locator("mark.hl-new-actor")).to_have_count(0)
    expect(page.locator("button", has_text="Accept as new actor")).to_have_count(0)

    lehto = Actor.objects.get(name="Aino Lehto")
    assert lehto.positions.get().start_date.isoformat() == "2024-03-07"  # the dateline's day
    page.goto(f"{live_server.url}/meetings/?actor=Lehto")
    expect(page.locator("main")).not_to_contain_text("We know no actor called")
    expect(page.locator("main")).to_contain_text("Aino Lehto")
