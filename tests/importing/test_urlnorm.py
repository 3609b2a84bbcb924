"""One form of an article URL: tracking parameters, http/https, a trailing slash, the default
port, the fragment and the host's case never make a second article of the same page."""

import importlib
import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command

from meetings import services
from meetings.importing.urlnorm import normalise_url
from meetings.models import Article
from tests import factories

SAME_PAGE = [
    "https://news.example.org/world/talks-in-vienna",
    "http://news.example.org/world/talks-in-vienna",
    "https://news.example.org/world/talks-in-vienna/",
    "HTTPS://News.Example.ORG:443/world/talks-in-vienna",
    "http://news.example.org:80/world/talks-in-vienna#comments",
    "https://news.example.org/world/talks-in-vienna?utm_source=rss&utm_medium=feed",
    "https://news.example.org/world/talks-in-vienna?fbclid=IwAR0abc&gclid=xyz",
    "https://news.example.org/world/talks-in-vienna/?mc_cid=1&mc_eid=2&_ga=3#top",
    "  https://news.example.org/world/talks-in-vienna?utm_campaign=x  ",
]


@pytest.mark.parametrize("variant", SAME_PAGE)
def test_variants_of_one_page_have_one_form(variant):
    assert normalise_url(variant) == "https://news.example.org/world/talks-in-vienna"


def test_parameters_that_name_the_page_stay_in_a_fixed_order():
    assert normalise_url("http://example.org/?p=11489&utm_source=rss&lang=en") == (
        "https://example.org/?lang=en&p=11489"
    )
    assert normalise_url("https://example.org/story?id=7") != normalise_url(
        "https://example.org/story?id=8"
    )


def test_what_names_another_page_or_service_is_kept():
    # Path case and www. can name other pages; another port is another service.
    assert normalise_url("https://example.org/News/A") == "https://example.org/News/A"
    assert normalise_url("https://www.example.org/a") == "https://www.example.org/a"
    assert normalise_url("http://127.0.0.1:8000/a/") == "http://127.0.0.1:8000/a"
    assert normalise_url("http://example.org") == "https://example.org/"
    assert normalise_url("mailto:desk@example.org") == "mailto:desk@example.org"
    assert normalise_url("") == ""


def test_an_import_counts_tracking_parameter_variants_as_one_article(tmp_path, db):
    path = tmp_path / "articles.jsonl"
    rows = [
        {"title": "Talks", "text": "Minister A met Minister B on Monday.", "url": SAME_PAGE[5]},
        {"title": "Talks again", "text": "Another text of the same page.", "url": SAME_PAGE[1]},
        {"title": "Talks thrice", "text": "A third text of it.", "url": SAME_PAGE[7]},
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    out = io.StringIO()

    call_command("import_articles", str(path), stdout=out, stderr=io.StringIO())

    assert "Imported 1, skipped 2 (duplicates)" in out.getvalue()
    assert list(Article.objects.values_list("url", flat=True)) == [SAME_PAGE[0]]


def test_article_create_stores_the_normalised_url(db):
    article = services.article_create(title="Talks", body="Minister A met B.", url=SAME_PAGE[6])
    assert article.url == SAME_PAGE[0]


def test_the_data_migration_normalises_stored_urls_and_keeps_clashing_ones(db):
    first = factories.article()
    second = factories.article()
    third = factories.article()
    # Stored before URLs were normalised: the raw forms, written past the services.
    Article.objects.filter(pk=first.pk).update(url=SAME_PAGE[5])
    Article.objects.filter(pk=second.pk).update(url="http://example.org/b/?fbclid=1")
    Article.objects.filter(pk=third.pk).update(url=SAME_PAGE[1])  # the same page as first's

    migration = importlib.import_module("meetings.migrations.0016_normalise_article_urls")
    migration.normalise_stored_urls(apps, None)

    urls = dict(Article.objects.values_list("pk", "url"))
    assert urls[first.pk] == SAME_PAGE[0]
    assert urls[second.pk] == "https://example.org/b"
    assert urls[third.pk] == SAME_PAGE[1]  # left for an editor: first has that page's URL
