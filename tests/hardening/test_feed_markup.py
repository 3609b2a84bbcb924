"""Feeds carry names and summaries as text, never as live markup (issue 12, item 4).

An Atom ``<summary type="html">`` is HTML once the XML is read: text put there escaped only
for XML reached a feed reader as markup. The test reads each feed as a reader does: XML
first, then the summary as HTML, and finds no element where the names were.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = '"><svg onload=alert(1)>'


class Elements(HTMLParser):
    """The start tags and the text of an HTML fragment."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text += data


@pytest.fixture
def hostile(db):
    actor = factories.actor(HOSTILE, country_code="CN")
    other = factories.actor("Sergei Shoigu & <b>co</b>", country_code="RU")
    factories.meeting(
        participants=[actor, other],
        title=f"Talks with {HOSTILE}",
        summary="They spoke of <script>alert(2)</script> & more.",
        city="Moscow",
        country="RU",
    )
    return actor


@pytest.mark.parametrize(
    "feed", ["actor", "/countries/cn/feed/", "/countries/ru/feed/", "/countries/cn/ru/feed/"]
)
def test_feeds_show_hostile_names_as_text(client, hostile, feed):
    url = hostile.get_absolute_url() + "feed/" if feed == "actor" else feed
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert not [el.tag for el in root.iter() if not el.tag.startswith(ATOM)]  # no svg, no b
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    for element in [*entries[0].iter(f"{ATOM}summary"), *root.iter(f"{ATOM}title")]:
        kind = element.get("type", "text")
        if kind == "html":
            parsed = Elements(element.text)
            assert parsed.tags == [], f"markup in <{element.tag}>: {element.text}"
            shown = parsed.text
        else:
            assert kind == "text"
            shown = element.text
        if element.tag == f"{ATOM}summary":
            assert HOSTILE in shown
            assert "Sergei Shoigu & <b>co</b>" in shown
            assert "<script>alert(2)</script> & more." in shown
    titles = [el.text for el in entries[0].iter(f"{ATOM}title")]
    assert titles[0].startswith(f"Talks with {HOSTILE} (")
