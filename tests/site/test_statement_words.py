"""A statement's words are shown without the attribution its text repeats ("…, TASS
reported."); the attribution is said once, below them."""

import pytest
from django.urls import reverse

from meetings.text import split_attribution
from tests import factories

pytestmark = pytest.mark.django_db

BODY = (
    "Minister Alma Ruiz said trade between the two countries would double by 2030, "
    "Andes Wire reported. She called the talks frank and useful, she said."
)


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.mark.parametrize(
    ("text", "words", "reporter"),
    [
        ("Trade would grow, Andes Wire reported.", "Trade would grow.", "Andes Wire"),
        ("Ties are strong, the foreign ministry said.", "Ties are strong.", "foreign ministry"),
        (
            "Ties are strong, Nordic news agency reported. We agree, he added.",
            "Ties are strong. We agree.",
            "Nordic news agency",
        ),
        ("We will talk again, she said.", "We will talk again.", ""),
        ("Nothing here repeats an attribution.", "Nothing here repeats an attribution.", ""),
        ("He said, in Lima, that all went well.", "He said, in Lima, that all went well.", ""),
    ],
)
def test_split_attribution(text, words, reporter):
    assert split_attribution(text) == (words, reporter)


def test_pages_show_the_words_and_the_reporter_once(client):
    ruiz = factories.actor("Alma Ruiz", country_code="PE")
    source = factories.article(body=BODY)
    statement = factories.statement(speaker=ruiz, source=source, text=BODY.split(". ")[0] + ".")
    detail = page_text(client.get(statement.get_absolute_url()))
    assert "would double by 2030.</p></blockquote>" in detail
    assert "Andes Wire reported" not in detail.split("<blockquote")[1].split("</blockquote>")[0]
    assert "<dt>Reported by</dt><dd>Andes Wire</dd>" in detail
    listing = page_text(client.get(reverse("meetings:statement-list")))
    assert "as reported by Andes Wire" in listing
    assert listing.count("Andes Wire reported") == 0


def test_a_recorded_relay_is_named_once_instead(client):
    ruiz = factories.actor("Alma Ruiz", country_code="PE")
    wire = factories.actor("Andes Wire", country_code="PE", kind="organization")
    source = factories.article(body=BODY)
    statement = factories.statement(
        speaker=ruiz, source=source, text=BODY.split(". ")[0] + ".", via=wire
    )
    detail = page_text(client.get(statement.get_absolute_url()))
    assert "<dt>Relayed by</dt><dd>Andes Wire</dd>" in detail
    assert "Reported by" not in detail
