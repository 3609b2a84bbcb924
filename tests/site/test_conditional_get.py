"""Public pages carry an ETag; revalidating an unchanged page answers 304 Not Modified, and
a publish changes the ETag, so a browser or CDN never keeps a page from before it."""

import pytest
from django.urls import reverse

from meetings import services
from tests import factories

PAGES = [
    ("meetings:home", []),
    ("meetings:meeting-list", []),
    ("meetings:actor-detail", ["li-shangfu"]),
    ("meetings:country-detail", ["cn"]),
    ("meetings:country-pair", ["cn", "ru"]),
    ("meetings:actor-feed", ["li-shangfu"]),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_unchanged_page_revalidates_with_304(client, world, name, args):
    url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 200 and response["ETag"]
    again = client.get(url, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304 and not again.content


def test_a_publish_changes_the_etag_so_the_old_copy_is_not_reused(client, world):
    url = reverse("meetings:country-pair", args=["cn", "ru"])
    etag = client.get(url)["ETag"]
    meeting = factories.meeting(participants=[world.li, world.putin], published=False)
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304  # a draft
    services.meeting_set_status(meeting=meeting, editorial_status="published")
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200 and response["ETag"] != etag
    assert meeting.get_absolute_url() in response.content.decode()
