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
