"""Unknown records answer 404 with our page."""

import pytest


@pytest.mark.parametrize(
    "url",
    [
        "/meetings/no-such-meeting/",
        "/actors/nobody/",
        "/statements/999999/",
        "/articles/nothing/",
        "/countries/zz/",
    ],
)
def test_unknown_records_are_404_with_our_page(client, world, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


@pytest.mark.parametrize("url", ["/no-such-page/", "/actors/nobody/"])
def test_with_debug_on_a_reader_still_gets_our_404_page(client, world, settings, url):
    settings.DEBUG = True
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 404
    assert "We could not find that page" in html
    assert "URLconf" not in html and "DEBUG = True" not in html
    assert '<details class="debug-reason">' in html
