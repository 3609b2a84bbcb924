"""Fetching a page from a real local HTTP server: limits, redirects, refused addresses, and
the page reduced to an article."""

import pytest

from meetings.importing.fetch import FetchError, fetch, fetch_article
from tests.webserver import WEBER_DAHL, article_page

STORY = article_page(
    title="Austria and Norway talk fisheries",
    paragraphs=WEBER_DAHL,
    canonical="/news/weber-dahl/?utm_source=feed&utm_medium=rss",
)


def test_a_page_becomes_its_main_text_with_title_date_outlet_and_canonical_url(web):
    url = web.route("/news/weber-dahl", STORY)

    page = fetch_article(url + "?fbclid=abc")

    assert page.title == "Austria and Norway talk fisheries"
    assert page.body.startswith("VIENNA, March 8 — Austrian Foreign Minister Karl Weber met")
    assert "We agreed to meet again before the summer" in page.body
    for chrome in ("Subscribe", "Cookie", "All rights reserved", "<p>"):
        assert chrome not in page.body
    assert page.published_on.isoformat() == "2024-03-08"
    assert page.outlet == "The Harbour Courier"
    # The canonical link, made absolute and normalised (no tracking, no trailing slash).
    assert page.url == web.url("/news/weber-dahl")


def test_redirects_are_followed_to_the_page(web):
    web.route("/news/weber-dahl", STORY)
    web.redirect("/old/1", "/old/2", status=301)
    web.redirect("/old/2", web.url("/news/weber-dahl"), status=307)

    page = fetch(web.url("/old/1"))

    assert page.url == web.url("/news/weber-dahl")
    assert web.requests == ["/old/1", "/old/2", "/news/weber-dahl"]


def test_every_redirect_hop_is_checked_again(web):
    # Allowed for the local server, but a hop to a link-local address (where cloud metadata
    # services answer) is refused before any connection is made to it.
    web.redirect("/go", "http://169.254.169.254/latest/meta-data/")

    with pytest.raises(FetchError, match=r"Refused: 169\.254\.169\.254 is a link-local address"):
        fetch(web.url("/go"))


def test_a_loopback_address_is_refused_while_the_setting_is_off(web, settings):
    web.route("/news/weber-dahl", STORY)
    settings.MEETINGS_FETCH_ALLOW_PRIVATE = False

    with pytest.raises(FetchError) as refused:
        fetch_article(web.url("/news/weber-dahl"))
    assert str(refused.value) == (
        "Refused: 127.0.0.1 is a loopback address (this machine) "
        "(MEETINGS_FETCH_ALLOW_PRIVATE allows such addresses)."
    )

    port = web.server.server_address[1]
    with pytest.raises(FetchError, match=r"Refused: localhost resolves to (127\.0\.0\.1|::1)"):
        fetch(f"http://localhost:{port}/news/weber-dahl")
    with pytest.raises(FetchError, match="a private network address"):
        fetch("http://10.1.2.3/news/weber-dahl")
    assert web.requests == []  # refused before connecting


def test_a_redirect_to_a_private_address_is_refused(web, settings):
    settings.MEETINGS_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(FetchError, match="192.168.0.1 is a private network address"):
        fetch("http://192.168.0.1/")


def test_a_page_larger_than_the_limit_is_refused(web, settings):
    settings.MEETINGS_FETCH_MAX_BYTES = 4096
    web.route("/big", "<html><body>" + "<p>Long text.</p>" * 2000 + "</body></html>")

    with pytest.raises(FetchError, match="larger than 0.00390625 MB"):
        fetch(web.url("/big"))


def test_a_server_that_does_not_answer_in_time_is_given_up(web, settings):
    settings.MEETINGS_FETCH_TIMEOUT = 0.3
    web.route("/slow", STORY, delay=1.5)

    with pytest.raises(FetchError, match=r"did not (answer|send the page) within 0.3 seconds"):
        fetch(web.url("/slow"))


def test_errors_name_what_went_wrong(web):
    web.route("/file.pdf", b"%PDF-1.4", content_type="application/pdf")
    web.route("/empty", "<html><head><title>Nothing</title></head><body></body></html>")
    web.redirect("/loop", "/loop")

    with pytest.raises(FetchError, match="answered 404 Not Found"):
        fetch(web.url("/missing"))
    with pytest.raises(FetchError, match="is application/pdf, not a page this can read"):
        fetch(web.url("/file.pdf"))
    with pytest.raises(FetchError, match="redirects more than 5 times"):
        fetch(web.url("/loop"))
    with pytest.raises(FetchError, match="No article text was found"):
        fetch_article(web.url("/empty"))
    with pytest.raises(FetchError, match="Only http and https URLs"):
        fetch("ftp://127.0.0.1/file")


def test_https_is_checked_against_the_hosts_name_while_connecting_to_its_checked_address(
    tls_web,
):
    tls_web.route("/news/weber-dahl", STORY)
    port = tls_web.server.server_address[1]

    page = fetch_article(f"https://localhost:{port}/news/weber-dahl")
    assert page.title == "Austria and Norway talk fisheries"

    # The certificate names localhost, not the address: refused.
    with pytest.raises(FetchError, match="the secure connection failed"):
        fetch(f"https://127.0.0.1:{port}/news/weber-dahl")
