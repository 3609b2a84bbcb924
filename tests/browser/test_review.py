"""An editor reviews an article in a real browser: paste, see the highlights, accept, publish."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from meetings import services
from meetings.models import Actor, Article, Meeting, Position
from tests.editors import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Written for this test; the people are invented.
TEXT = (
    "ACCRA, June 12 — Ghanaian Foreign Minister Kwame Asante met Chilean Foreign Minister "
    "Lucia Morales in Accra on Tuesday for talks on cocoa and copper trade.\n\n"
    "\u201cWe have opened a new chapter between our two countries,\u201d Asante told "
    "reporters after the meeting.\n\n"
    "Morales said the two governments would sign a trade agreement \u201cbefore the end of "
    "the year.\u201d"
)


@pytest.fixture
def knowledge(db):
    services.reference_load()
    return services.actor_create(
        name="Lucia Morales",
        country="CL",
        positions=[{"title": "Minister of Foreign Affairs", "country": "CL"}],
    )


def test_an_editor_pastes_reviews_accepts_and_publishes(page, live_server, editor_login, knowledge):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")

    page.goto(f"{live_server.url}/admin/meetings/article/add/")
    page.fill("#id_title", "Ghana and Chile talk trade")
    page.fill("#id_body", TEXT)
    page.fill("#id_dateline", "ACCRA, June 12")
    page.fill("#id_published_on", "2024-06-12")
    page.click("input[name=_save]")

    expect(page).to_have_url(re.compile(r"/admin/meetings/article/\d+/change/#review$"))
    expect(page.locator(".messagelist")).to_contain_text("Extraction:")
    body = page.locator(".review-body")
    expect(body.locator("mark.hl-meeting").first).to_be_visible()
    expect(body.locator("mark.hl-quote").first).to_contain_text("We have opened a new chapter")
    expect(body.locator("mark.hl-new-actor").first).to_contain_text("Kwame Asante")
    expect(body.locator("mark.hl-actor").first).to_contain_text("Lucia Morales")

    # The highlighted sentence links to its meeting's card.
    body.locator("mark.hl-meeting").first.click()
    meeting_card = page.locator(".card:target")
    expect(meeting_card).to_contain_text("Kwame Asante – Lucia Morales")

    suggestion = page.locator(".card", has=page.locator("strong", has_text="Kwame Asante")).filter(
        has=page.locator("button", has_text="Accept as new actor")
    )
    suggestion.locator("input[name=title]").fill("Minister of Foreign Affairs")
    suggestion.locator("button", has_text="Accept as new actor").click()
    expect(page.locator(".messagelist")).to_contain_text("Kwame Asante is now a known actor")

    meeting_card = page.locator(".card[id^=meeting-]").first
    meeting_card.locator("button", has_text="Accept").click()
    expect(page.locator(".card[id^=meeting-]").first.locator(".badge").first).to_have_text(
        "accepted"
    )

    page.locator("button", has_text="Publish article").click()
    expect(page.locator(".review-meta")).to_contain_text("article is published")

    article = Article.objects.get(title="Ghana and Chile talk trade")
    assert article.editorial_status == "published" and article.extracted_at
    asante = Actor.objects.get(name="Kwame Asante")
    assert (asante.editorial_status, asante.country_id, asante.kind) == (
        "published",
        "GH",
        "person",
    )
    position = Position.objects.get(actor=asante)
    assert (position.title, position.country_id) == ("Minister of Foreign Affairs", "GH")
    assert asante.aliases.filter(normalized="kwame asante").exists()
    meeting = Meeting.objects.get(evidence__article=article)
    assert meeting.editorial_status == "published" and meeting.is_public
    assert set(meeting.participants.values_list("name", flat=True)) == {
        "Kwame Asante",
        "Lucia Morales",
    }
    assert (meeting.start_date, meeting.city, meeting.country_id) == (
        dt.date(2024, 6, 11),
        "Accra",
        "GH",
    )
    start, end = meeting.evidence.values_list("start", "end").get()
    assert "Kwame Asante met Chilean Foreign Minister Lucia Morales" in article.body[start:end]
