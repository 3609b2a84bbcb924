"""Values a client gets wrong, or sends to hurt, answer 400 (or 404) with the reason, in
JSON, naming the parameter; never a 500, never a silently different list."""

import pytest
from django.urls import reverse

from tests import factories

MEETINGS = reverse("api:meeting-list")
STATEMENTS = reverse("api:statement-list")
ACTORS = reverse("api:actor-list")
CHINA = reverse("api:country-detail", args=["cn"])
PAIR = reverse("api:country-pair", args=["cn", "ru"])

# (URL, parameters, the parameter blamed, words of the reason)
HOSTILE = [
    (MEETINGS, {"after": "not-a-cursor"}, "after", "page link is not valid"),
    (MEETINGS, {"after": "2023-02-30.5"}, "after", "page link is not valid"),
    (MEETINGS, {"after": "2023-01-01.99999999999999999999"}, "after", "page link is not valid"),
    (STATEMENTS, {"after": "-.x"}, "after", "page link is not valid"),
    (ACTORS, {"after": "no spaces in slugs"}, "after", "slug"),
    (CHINA, {"after": "yesterday.1"}, "after", "page link is not valid"),
    (PAIR, {"after": "\x00"}, "after", "page link is not valid"),
    (MEETINGS, {"date_from": "2023-13-01"}, "date_from", "valid date"),
    (STATEMENTS, {"date_to": "tomorrow"}, "date_to", "valid date"),
    (MEETINGS, {"date_from": "2024-01-01", "date_to": "2023-01-01"}, "date_to", "before the start"),
    (MEETINGS, {"q": "Putin\x00"}, "q", "Null characters"),
    (STATEMENTS, {"outlet": "\x00"}, "outlet", "Null characters"),
    (MEETINGS, {"actor": "Li\x00Shangfu"}, "actor", "NUL"),
    (ACTORS, {"q": "\x00"}, "q", "Null characters"),
    (MEETINGS, {"country": "C\x00"}, "country", "We know no country called"),
    (MEETINGS, {"country": "ZZ"}, "country", "We know no country called"),
    (MEETINGS, {"kind": "party"}, "kind", "valid choice"),
    (ACTORS, {"kind": "robot"}, "kind", "valid choice"),
    (MEETINGS, {"actor": "nobody we know"}, "actor", "We know no actor"),
    (MEETINGS, {"page_size": "1000000"}, "page_size", "At most 100"),
    (MEETINGS, {"page_size": "9" * 5000}, "page_size", "At most 100"),
    (STATEMENTS, {"page_size": "0"}, "page_size", "from 1 to 100"),
    (ACTORS, {"page_size": "-3"}, "page_size", "from 1 to 100"),
    (CHINA, {"page_size": "ten"}, "page_size", "from 1 to 100"),
    (PAIR, {"page_size": "101"}, "page_size", "At most 100"),
]


@pytest.fixture
def countries(db):
    """China and Russia, which the country URLs above name: the rest needs no data."""
    for code in ("CN", "RU"):
        factories.country(code)


@pytest.mark.parametrize(("url", "params", "blamed", "reason"), HOSTILE)
def test_a_bad_value_is_a_400_that_says_which_and_why(
    client, countries, url, params, blamed, reason
):
    response = client.get(url, params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    problems = response.json()
    assert reason in " ".join(problems[blamed]), problems


def test_every_bad_parameter_is_named_at_once(client, countries):
    response = client.get(
        MEETINGS, {"after": "x", "page_size": "500", "date_from": "x", "country": "ZZ"}
    )
    assert response.status_code == 400
    assert set(response.json()) == {"after", "page_size", "date_from", "country"}


def test_an_ambiguous_name_lists_the_actors_it_could_mean(client, world):
    factories.actor("Li Shangfu", country_code="CN")  # a namesake
    response = client.get(MEETINGS, {"actor": "Li Shangfu"})
    assert response.status_code == 400
    assert "Several actors are called" in response.json()["actor"][0]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        (reverse("api:country-detail", args=["zz"]), "No Country matches"),
        (reverse("api:country-pair", args=["cn", "zz"]), "Unknown country"),
        (reverse("api:country-pair", args=["cn", "CN"]), "two different countries"),
    ],
)
def test_an_unknown_country_is_a_404_that_says_so(client, countries, url, reason):
    response = client.get(url)
    assert response.status_code == 404
    assert reason in response.json()["detail"]


def test_unknown_parameters_are_ignored_as_on_the_pages(client, world):
    plain = client.get(MEETINGS).json()
    assert client.get(MEETINGS, {"utm_source": "x", "format": "xml"}).json() == plain


def test_the_api_takes_no_writes(client, world):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(MEETINGS, {}, content_type="application/json")
        assert response.status_code == 405, method
