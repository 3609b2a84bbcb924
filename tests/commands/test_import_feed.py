"""manage.py import_feed against a real local server serving a feed and pages we wrote."""

import io

import pytest
from django.core.management import CommandError, call_command

from meetings.models import Article, Meeting
from tests.webserver import LINDQVIST_OKAFOR, WEBER_DAHL, article_page

pytestmark = pytest.mark.django_db

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>The Harbour Courier: World</title><link>{base}/</link>
<description>Diplomacy desk</description>
<item><title>Austria and Norway talk fisheries</title>
 <link>{base}/news/weber-dahl?utm_source=rss&amp;utm_medium=feed</link>
 <pubDate>Fri, 08 Mar 2024 09:30:00 GMT</pubDate></item>
<item><title>Sweden and Nigeria on ports</title>
 <link>{base}/news/lindqvist-okafor/</link>
 <pubDate>Sat, 09 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Austria and Norway talk fisheries (updated)</title>
 <link>{base}/news/weber-dahl#update</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Courier Atom</title>
<id>urn:courier</id><updated>2024-03-09T10:00:00Z</updated>
<entry><title>Sweden and Nigeria on ports</title><id>urn:2</id>
 <link href="{base}/news/lindqvist-okafor"/><updated>2024-03-09T10:00:00Z</updated></entry>
<entry><title>Missing page</title><id>urn:3</id>
 <link href="{base}/news/gone"/><updated>2024-03-09T11:00:00Z</updated></entry>
</feed>"""


def serve(web):
    web.route(
        "/news/weber-dahl",
        article_page(title="Austria and Norway talk fisheries", paragraphs=WEBER_DAHL),
    )
    web.route(
        "/news/lindqvist-okafor",
        article_page(
            title="Sweden and Nigeria on ports",
            paragraphs=LINDQVIST_OKAFOR,
            published="2024-03-09",
            site_name="",
        ),
    )
    rss = web.route(
        "/feeds/world.rss", RSS.format(base=web.base), content_type="application/rss+xml"
    )
    atom = web.route(
        "/feeds/all.atom", ATOM.format(base=web.base), content_type="application/atom+xml"
    )
    return rss, atom


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_feed", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_feed_imported_twice_adds_nothing_the_second_time(web):
    rss, _ = serve(web)

    out, err = run(rss)

    assert err == ""
    assert "3 items; imported 2, skipped 1 (already imported), failed 0" in out
    articles = {a.url: a for a in Article.objects.all()}
    weber = articles[web.url("/news/weber-dahl")]  # the tracking-tagged link, normalised
    assert weber.title == "Austria and Norway talk fisheries"
    assert weber.published_on.isoformat() == "2024-03-08"
    assert weber.outlet == "The Harbour Courier"
    lindqvist = articles[web.url("/news/lindqvist-okafor")]
    assert lindqvist.outlet == "The Harbour Courier: World"  # the page names no site: the feed
    # Extracted as import_articles --extract does (the real pipeline).
    assert all(a.extracted_at is not None for a in articles.values())
    assert Meeting.objects.filter(evidence__article=weber).exists()

    web.requests.clear()
    out, err = run(rss)

    assert "imported 0, skipped 3 (already imported), failed 0" in out
    assert Article.objects.count() == 2
    assert web.requests == ["/feeds/world.rss"]  # no page fetched again


def test_an_atom_feed_skips_what_another_feed_brought_and_reports_a_missing_page(web):
    rss, atom = serve(web)
    run(rss)

    out, err = run(atom)

    assert "2 items; imported 0, skipped 1 (already imported), failed 1" in out
    assert "/feeds/all.atom item 2: " in err and "answered 404 Not Found" in err
    assert Article.objects.count() == 2


def test_a_feed_on_a_private_address_is_refused_with_a_clear_message(web, settings):
    rss, _ = serve(web)
    settings.MEETINGS_FETCH_ALLOW_PRIVATE = False

    with pytest.raises(CommandError, match="No feed could be read"):
        run(rss)
    assert web.requests == []
    assert not Article.objects.exists()


def test_a_page_that_is_not_a_feed_is_reported(web):
    page = web.route("/news/weber-dahl", article_page(title="Talks", paragraphs=WEBER_DAHL))
    err = io.StringIO()
    with pytest.raises(CommandError, match="No feed could be read"):
        call_command("import_feed", page, stdout=io.StringIO(), stderr=err)
    assert "is not a feed that can be read" in err.getvalue()
