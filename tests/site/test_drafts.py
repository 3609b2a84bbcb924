"""Drafts never leak: their URLs are 404 and they are absent from every list, count, search,
feed and export."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tests.site.conftest import SECRET_WORDS

LISTS = [
    reverse("meetings:home"),
    reverse("meetings:meeting-list"),
    reverse("meetings:meeting-list") + "?country=CN&country=RU",
    reverse("meetings:meeting-list") + "?actor=li-shangfu",
    reverse("meetings:statement-list"),
    reverse("meetings:statement-list") + "?actor=li-shangfu",
    reverse("meetings:actor-list"),
    reverse("meetings:actor-list") + "?country=CN",
    reverse("meetings:country-list"),
    reverse("meetings:country-detail", args=["cn"]),
    reverse("meetings:country-detail", args=["ru"]),
    reverse("meetings:country-pair", args=["cn", "ru"]),
    reverse("meetings:actor-detail", args=["li-shangfu"]),
    reverse("meetings:actor-detail", args=["vladimir-putin"]),
    reverse("meetings:search") + "?q=Zanzibarian",
    reverse("meetings:search") + "?q=Pineapplegate",
    reverse("meetings:search") + "?q=Hiddenvale",
    reverse("meetings:search") + "?q=Quietlake",
    reverse("meetings:meeting-list") + "?q=Zanzibarian",
    reverse("meetings:statement-list") + "?q=Pineapplegate",
    reverse("meetings:actor-feed", args=["li-shangfu"]),
    reverse("meetings:country-feed", args=["cn"]),
    reverse("meetings:country-pair-feed", args=["cn", "ru"]),
    reverse("meetings:meeting-export"),
    reverse("meetings:statement-export"),
]


def body_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("url", LISTS)
def test_no_draft_appears_in_lists_search_feeds_or_exports(client, world, url):
    response = client.get(url)
    assert response.status_code == 200
    body = body_of(response)
    query = parse_qs(urlsplit(url).query).get("q", [""])[0]
    for word in SECRET_WORDS:
        if word != query:  # the reader's own query is echoed back
            assert word not in body, f"{word} leaked on {url}"
    if query:
        assert "Nothing matches" in body or "match.</li>" in body
    for name in ("meeting", "orphan_meeting"):
        assert world.drafts[name].get_absolute_url() not in body
    for name in ("statement", "orphan_statement"):
        assert f'"{world.drafts[name].get_absolute_url()}"' not in body
    assert world.drafts["article"].get_absolute_url() not in body
    assert world.drafts["actor"].get_absolute_url() not in body


@pytest.mark.parametrize(
    "name", ["meeting", "orphan_meeting", "statement", "orphan_statement", "article", "actor"]
)
def test_draft_urls_are_404(client, world, name):
    assert client.get(world.drafts[name].get_absolute_url()).status_code == 404


def test_draft_actor_feed_is_404(client, world):
    url = reverse("meetings:actor-feed", args=[world.drafts["actor"].slug])
    assert client.get(url).status_code == 404


def test_counts_ignore_drafts(client, world):
    html = client.get(reverse("meetings:meeting-list") + "?country=CN").content.decode()
    assert "1 meeting match" in " ".join(html.split())
    html = client.get(reverse("meetings:country-pair", args=["cn", "ru"])).content.decode()
    assert "1 bilateral meeting between" in " ".join(html.split())
    html = client.get(reverse("meetings:actor-detail", args=["li-shangfu"])).content.decode()
    assert "1 meeting and 1 statement" in " ".join(html.split())  # the chart's summary


def test_draft_spans_are_not_highlighted_on_a_published_article(client, world):
    html = client.get(world.article.get_absolute_url()).content.decode()
    assert f'id="s{world.drafts["statement"].pk}"' not in html
    draft_evidence = world.drafts["meeting"].evidence.get()
    assert f'id="e{draft_evidence.pk}"' not in html


def test_unpublishing_the_article_takes_its_records_off_the_site(client, world):
    from meetings import services

    services.article_unpublish(article=world.article)
    assert client.get(world.moscow.get_absolute_url()).status_code == 404
    assert client.get(world.statement.get_absolute_url()).status_code == 404
    assert client.get(world.article.get_absolute_url()).status_code == 404
    body = body_of(client.get(reverse("meetings:meeting-export")))
    assert world.moscow.title not in body
