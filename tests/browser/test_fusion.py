"""In a real browser: an editor pastes a second report of a meeting already on the site and
accepts it as the same meeting; a reader then sees two sources and each side's words."""

import re

import pytest
from playwright.sync_api import expect

from meetings import services
from meetings.models import Meeting
from tests import fusion_corpus as corpus
from tests.editors import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def on_the_site(db):
    """The Norwegian readout's meeting, accepted and published, with Dahl's words."""
    corpus.knowledge()
    article = corpus.article(corpus.REPORTS[0])
    services.article_extract(article=article)
    meeting = Meeting.objects.get(evidence__article=article)
    services.meeting_accept(meeting=meeting)
    for statement in article.statements.all():
        services.statement_accept(statement=statement)
    services.article_publish(article=article)
    meeting.refresh_from_db()
    assert meeting.is_public
    return meeting


def test_an_editor_accepts_a_second_report_as_the_same_meeting_and_a_reader_sees_both(
    page, live_server, editor_login, on_the_site
):
    report = corpus.REPORTS[1]  # the Chilean readout
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/meetings/article/add/")
    page.fill("#id_title", report["title"])
    page.fill("#id_body", report["body"])
    page.fill("#id_outlet", report["outlet"])
    page.fill("#id_dateline", "OSLO, March 14")
    page.fill("#id_published_on", report["published_on"].isoformat())
    page.click("input[name=_save]")
    expect(page).to_have_url(re.compile(r"/admin/meetings/article/\d+/change/#review$"))

    card = page.locator(".card[id^=meeting-]").first
    expect(card.locator(".same-as")).to_contain_text("Same as: Ingrid Dahl – Lucia Morales")
    expect(card.locator(".same-as")).to_contain_text("reported by 1 source")
    expect(card.locator("button", has_text="A different meeting")).to_be_visible()
    card.locator("button", has_text="Accept: same meeting").click()
    expect(page.locator(".messagelist")).to_contain_text("Accepted as the same meeting")

    statement = page.locator(".card[id^=statement-]").first
    expect(statement).to_contain_text("Lucia Morales")
    statement.locator("button", has_text="Accept").click()
    page.locator("button", has_text="Publish article").click()
    expect(page.locator(".review-meta")).to_contain_text("article is published")
    assert Meeting.objects.count() == 1

    # A reader opens the meeting's page.
    page.goto(f"{live_server.url}{on_the_site.get_absolute_url()}")
    expect(page.locator(".facts")).to_contain_text("2 sources")
    sources = page.locator("ol.sources > li")
    expect(sources).to_have_count(2)
    expect(sources.nth(0)).to_contain_text("Ministry of Foreign Affairs")
    sides = page.locator(".side")
    expect(sides).to_have_count(2)
    norway = page.locator(".side", has=page.locator("h3", has_text="Norway"))
    chile = page.locator(".side", has=page.locator("h3", has_text="Chile"))
    expect(norway).to_contain_text("the same ocean and the same worries")
    expect(norway).to_contain_text("Norwegian Ministry of Foreign Affairs")
    expect(chile).to_contain_text("must work side by side")
    expect(chile).to_contain_text("Chilean Ministry of Foreign Affairs")
