"""An editor gives a URL instead of pasting text: the page is fetched from a real local
server, reduced, stored and extracted like a pasted article; fetch errors show on the form."""

import pytest
from django.urls import reverse

from meetings.models import Article, Meeting
from tests.webserver import WEBER_DAHL, article_page

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:meetings_article_add")

STORY = article_page(
    title="Austria and Norway talk fisheries",
    paragraphs=WEBER_DAHL,
    canonical="/news/weber-dahl/",
)


def add_form(**fields):
    data = {
        "title": "",
        "body": "",
        "outlet": "",
        "url": "",
        "dateline": "",
        "published_on": "",
        "language": "en",
        "slug": "",
        "editorial_status": "draft",
        "fetch_url": "",
        "_save": "Save",
    }
    data.update(fields)
    return data


def test_the_add_form_offers_a_url_to_fetch(editor_client):
    html = editor_client.get(ADD_URL).content.decode()
    assert 'name="fetch_url"' in html
    assert "…or fetch it from a URL" in html


def test_an_article_added_by_url_is_fetched_stored_and_extracted(editor_client, web):
    web.route("/news/weber-dahl", STORY)

    response = editor_client.post(
        ADD_URL, add_form(fetch_url=web.url("/news/weber-dahl?utm_source=newsletter"))
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get()
    assert article.title == "Austria and Norway talk fisheries"
    assert article.body.startswith("VIENNA, March 8 — Austrian Foreign Minister Karl Weber")
    assert "Subscribe" not in article.body
    assert article.url == web.url("/news/weber-dahl")  # canonical, normalised
    assert article.outlet == "The Harbour Courier"
    assert article.published_on.isoformat() == "2024-03-08"
    assert article.slug == "austria-and-norway-talk-fisheries-2024-03-08"
    # Extracted like a pasted article: the real pipeline proposed the Vienna meeting.
    assert article.extracted_at is not None
    assert Meeting.objects.filter(evidence__article=article, editorial_status="draft").exists()


def test_what_the_editor_typed_wins_over_the_page(editor_client, web):
    web.route("/news/weber-dahl", STORY)

    editor_client.post(
        ADD_URL,
        add_form(
            fetch_url=web.url("/news/weber-dahl"),
            title="Weber and Dahl in Vienna",
            outlet="Harbour Courier (print)",
        ),
    )

    article = Article.objects.get()
    assert (article.title, article.outlet) == (
        "Weber and Dahl in Vienna",
        "Harbour Courier (print)",
    )


def test_a_private_address_is_refused_on_the_form_and_nothing_typed_is_lost(
    editor_client, web, settings
):
    web.route("/news/weber-dahl", STORY)
    settings.MEETINGS_FETCH_ALLOW_PRIVATE = False

    response = editor_client.post(
        ADD_URL,
        add_form(
            fetch_url=web.url("/news/weber-dahl"),
            title="Weber and Dahl in Vienna",
            dateline="VIENNA, March 8",
        ),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "The page could not be fetched: Refused: 127.0.0.1 is a loopback address (this machine)"
        in html
    )
    assert 'value="Weber and Dahl in Vienna"' in html
    assert 'value="VIENNA, March 8"' in html
    assert web.url("/news/weber-dahl") in html
    assert not Article.objects.exists()
    assert web.requests == []


def test_a_page_that_cannot_be_read_is_explained_on_the_form(editor_client, web):
    response = editor_client.post(ADD_URL, add_form(fetch_url=web.url("/gone")))
    assert "The page could not be fetched:" in response.content.decode()
    assert "answered 404 Not Found" in response.content.decode()
    assert not Article.objects.exists()


def test_the_same_page_under_another_url_is_not_added_twice(editor_client, web):
    web.route("/news/weber-dahl", STORY)
    editor_client.post(ADD_URL, add_form(fetch_url=web.url("/news/weber-dahl")))
    web.requests.clear()

    again = web.url("/news/weber-dahl/?fbclid=abc#comments")
    response = editor_client.post(ADD_URL, add_form(fetch_url=again))

    assert "This page is already stored, as “Austria and Norway talk fisheries”." in (
        response.content.decode()
    )
    assert web.requests == []  # recognised before fetching
    assert Article.objects.count() == 1


def test_text_and_a_url_together_are_refused(editor_client, web):
    response = editor_client.post(
        ADD_URL, add_form(title="Pasted", body=WEBER_DAHL[0], fetch_url=web.url("/x"))
    )
    assert "one of them, not two" in response.content.decode()
    assert not Article.objects.exists()


def test_a_pasted_articles_url_is_stored_normalised_and_checked(editor_client):
    editor_client.post(
        ADD_URL,
        add_form(
            title="Pasted",
            body=WEBER_DAHL[0],
            url="http://news.example.org/weber-dahl/?utm_source=x",
        ),
    )
    assert Article.objects.get().url == "https://news.example.org/weber-dahl"

    response = editor_client.post(
        ADD_URL,
        add_form(title="Again", body=WEBER_DAHL[1], url="https://news.example.org/weber-dahl/"),
    )
    assert "This URL is already stored, as “Pasted”." in response.content.decode()
    assert Article.objects.count() == 1
