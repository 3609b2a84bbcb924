"""What search engines and link previews read: sitemap.xml, robots.txt, a canonical link
and OpenGraph tags; /favicon.ico answers (the admin's pages ask for it too)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_sitemap_index_lists_sections_and_they_list_public_records_only(client, world):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = re.findall(r"<loc>http://testserver(/sitemap-[a-z]+\.xml)</loc>", index.text)
    assert "/sitemap-meetings.xml" in sections and "/sitemap-actors.xml" in sections
    everything = "".join(client.get(path).text for path in sections)
    assert f"http://testserver{world.moscow.get_absolute_url()}" in everything
    assert f"http://testserver{world.li.get_absolute_url()}" in everything
    assert f"http://testserver{world.statement.get_absolute_url()}" in everything
    for record in world.drafts.values():
        assert record.get_absolute_url() not in everything
    assert "<lastmod>" in everything


def test_the_sitemap_query_count_does_not_grow(client, world, django_assert_max_num_queries):
    client.get("/sitemap-meetings.xml")
    with django_assert_max_num_queries(4) as before:
        client.get("/sitemap-meetings.xml")
    world.grow()
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get("/sitemap-meetings.xml")


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in robots.text
    assert "Sitemap: http://testserver/sitemap.xml" in robots.text


def test_pages_carry_a_canonical_link_and_opengraph_tags(client, world):
    html = client.get(world.moscow.get_absolute_url(), {"utm_source": "x"}).content.decode()
    url = f"http://testserver{world.moscow.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    title = re.search(r"<title>(.*?) · Diplomatic Meetings</title>", html).group(1)
    assert f'<meta property="og:title" content="{title}">' in html
    assert title != "Diplomatic Meetings"
    assert '<meta property="og:description" content="' in html


def test_favicon_ico_answers_for_the_site_and_the_admin(client, editor_client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith(".svg")
    assert editor_client.get(reverse("admin:index")).status_code == 200
