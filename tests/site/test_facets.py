"""Facets count the filtered rows (a bounded sample) and link to a narrower list
(meetings/site/facets.py)."""

from django.urls import reverse

MEETINGS = reverse("meetings:meeting-list")


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


def test_facets_show_counts_and_add_a_filter(client, world):
    html = page_text(client.get(MEETINGS))
    assert '<a href="?country=CN">China</a> <span class="count">1</span>' in html
    assert '<a href="?country=RU">Russia</a> <span class="count">1</span>' in html
    assert '<a href="?kind=visit">Visit</a> <span class="count">1</span>' in html
    assert '<a href="?date_from=2023-01-01&amp;date_to=2023-12-31">2023</a>' in html


def test_facets_count_a_bounded_sample_and_say_so(client, world, monkeypatch):
    from meetings.site import facets

    monkeypatch.setattr(facets, "FACET_SAMPLE", 1)
    html = page_text(client.get(MEETINGS))
    assert "Counts cover the newest 1 matches." in html
    assert '<a href="?kind=visit">Visit</a>' not in html  # the older visit is outside the sample
