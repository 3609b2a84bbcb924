"""The country-pair page counts bilateral encounters and lists multilateral ones apart
("also met at: …"), in its count, its yearly counts and its feed."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import CountryPair, Meeting, Participation
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair_world():
    xi, putin = (
        factories.actor("Xi Jinping", country_code="CN"),
        factories.actor("Vladimir Putin", country_code="RU"),
    )
    others = [factories.actor(f"Leader {c}", country_code=c) for c in ("US", "IN", "BR")]
    bilateral = [
        factories.meeting(participants=[xi, putin], start_date=dt.date(2023, 3, 21)),
        factories.meeting(participants=[xi, putin], start_date=dt.date(2024, 5, 16)),
    ]
    summit = factories.meeting(
        participants=[xi, putin, *others],
        start_date=dt.date(2023, 9, 9),
        kind=Meeting.Kind.SUMMIT,
        title="G20 summit",
    )
    return {"xi": xi, "putin": putin, "bilateral": bilateral, "summit": summit}


def bilateral_recomputed() -> dict[int, bool]:
    """From scratch: a public meeting is bilateral when its participants come from two
    countries."""
    countries: dict[int, set] = {}
    for row in Participation.objects.filter(is_public=True, country__isnull=False):
        countries.setdefault(row.meeting_id, set()).add(row.country_id)
    return {m: len(c) == 2 for m, c in countries.items() if len(c) >= 2}


def test_pairs_know_whether_their_meeting_is_bilateral_after_every_write(pair_world):
    stored = dict(CountryPair.objects.values_list("meeting_id", "bilateral"))
    assert stored == bilateral_recomputed()
    assert stored[pair_world["summit"].pk] is False
    # Two of the summit's guests leave it, then one more: it becomes bilateral...
    pair_world["summit"].participations.filter(country_id__in=["US", "IN"]).delete()
    assert dict(CountryPair.objects.values_list("meeting_id", "bilateral")) == (
        bilateral_recomputed()
    )
    pair_world["summit"].participations.get(country_id="BR").delete()
    assert CountryPair.objects.get(meeting=pair_world["summit"]).bilateral is True
    # ...and a third country joining a bilateral meeting makes it multilateral.
    meeting = pair_world["bilateral"][0]
    Participation.objects.create(meeting=meeting, actor=factories.actor(country_code="FR"))
    assert not CountryPair.objects.filter(meeting=meeting, bilateral=True).exists()
    assert dict(CountryPair.objects.values_list("meeting_id", "bilateral")) == (
        bilateral_recomputed()
    )


def test_the_pair_page_counts_bilateral_meetings_and_lists_the_summit_apart(client, pair_world):
    html = client.get(reverse("meetings:country-pair", args=["cn", "ru"])).content.decode()

    assert re.search(r"\b2 bilateral meetings\b", html)
    assert "they also met at 1 multilateral meeting" in html
    main, also = html.split('id="multilateral-title"', 1)
    assert main.count('class="record meeting-item"') == 2 and "G20 summit" not in main
    assert "G20 summit</a>, summit, 2023" in also
    years = html[html.index('id="years-title"') :]
    assert re.search(
        r"<th scope=\"row\">2023</th><td class=\"num\">1</td>.*?<td class=\"num\">1</td>", years
    )
    assert re.search(
        r"<th scope=\"row\">2024</th><td class=\"num\">1</td>.*?<td class=\"num\">0</td>", years
    )


def test_the_pair_feed_lists_bilateral_meetings_only(client, pair_world):
    xml = client.get(reverse("meetings:country-pair-feed", args=["cn", "ru"])).content.decode()

    assert xml.count("<entry>") == 2
    assert "G20 summit" not in xml


def test_a_summit_published_later_moves_the_counts(client, pair_world):
    draft = factories.meeting(
        participants=[pair_world["xi"], pair_world["putin"], factories.actor(country_code="ZA")],
        start_date=dt.date(2024, 10, 22),
        published=False,
        title="BRICS summit",
    )
    services.meeting_set_status(meeting=draft, editorial_status="published")

    html = client.get(reverse("meetings:country-pair", args=["cn", "ru"])).content.decode()
    assert re.search(r"\b2 bilateral meetings\b", html)
    assert "they also met at 2 multilateral meetings" in html and "BRICS summit" in html
