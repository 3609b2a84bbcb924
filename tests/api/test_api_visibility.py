"""Drafts never appear in the API: not as records, not inside other records (a draft source,
a draft meeting a statement was said at), not in counts."""

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Evidence
from tests import factories
from tests.site.conftest import SECRET_WORDS

ENDPOINTS = [
    reverse("api:meeting-list"),
    reverse("api:meeting-list") + "?country=CN&country=RU",
    reverse("api:meeting-list") + "?actor=li-shangfu&page_size=100",
    reverse("api:meeting-list") + "?q=Zanzibarian",
    reverse("api:meeting-list") + "?outlet=Secret+Wire",
    reverse("api:statement-list") + "?page_size=100",
    reverse("api:statement-list") + "?actor=vladimir-putin",
    reverse("api:statement-list") + "?q=Pineapplegate",
    reverse("api:actor-list") + "?page_size=100",
    reverse("api:actor-list") + "?q=Hiddenvale",
    reverse("api:country-detail", args=["cn"]),
    reverse("api:country-detail", args=["ru"]),
    reverse("api:country-pair", args=["cn", "ru"]),
]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_no_draft_shows_anywhere_in_the_api(client, world, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    body = response.content.decode()
    for word in SECRET_WORDS:
        assert word not in body, (url, word)
    for draft in world.drafts.values():
        if hasattr(draft, "slug"):
            assert f"/{draft.slug}/" not in body, (url, draft)
    statement_ids = {row["id"] for row in response.json()["results"] if "text" in row}
    assert not statement_ids & {world.drafts["statement"].pk, world.drafts["orphan_statement"].pk}


def test_a_draft_actor_is_refused_as_a_filter_like_an_unknown_one(client, world):
    response = client.get(reverse("api:meeting-list"), {"actor": world.drafts["actor"].slug})
    assert response.status_code == 400
    assert "actor" in response.json()


def test_a_source_article_that_goes_back_to_draft_leaves_the_record(client, world):
    second = factories.article(title="A second public source", body="Li met Putin. " * 5)
    Evidence.objects.create(meeting=world.moscow, article=second, start=0, end=13)
    sources = client.get(reverse("api:meeting-list")).json()["results"]
    moscow = next(row for row in sources if row["slug"] == world.moscow.slug)
    assert {s["article"]["slug"] for s in moscow["sources"]} == {world.article.slug, second.slug}
    assert (
        moscow["sources"][0]["sentence"]
        == world.article.body[moscow["sources"][0]["start"] : moscow["sources"][0]["end"]]
    )

    services.article_unpublish(article=second)
    rows = client.get(reverse("api:meeting-list")).json()["results"]
    moscow = next(row for row in rows if row["slug"] == world.moscow.slug)
    assert [s["article"]["slug"] for s in moscow["sources"]] == [world.article.slug]


def test_a_statement_said_at_a_draft_meeting_does_not_name_it(client, world):
    statement = factories.statement(
        speaker=world.li, source=world.article, meeting=world.drafts["meeting"]
    )
    rows = client.get(reverse("api:statement-list"), {"page_size": 100}).json()["results"]
    row = next(r for r in rows if r["id"] == statement.pk)
    assert row["meeting"] is None
    moscow = next(r for r in rows if r["id"] == world.statement.pk)
    assert moscow["meeting"]["slug"] == world.moscow.slug
