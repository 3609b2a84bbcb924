"""The API returns exactly what the HTML page shows for the same filters: the same records in
the same order, page after page (the page's "older →" cursor is the API's ``next``)."""

from urllib.parse import parse_qs, urlsplit

from django.urls import reverse

# (URL name, the same in the site's namespace and the API's; query string)
LISTS = [
    ("meeting-list", ""),
    ("meeting-list", "country=CN&country=ru&date_from=2023-01-01&date_to=2023-12-31"),
    ("meeting-list", "actor=li-shangfu&kind=meeting&kind=visit"),
    ("meeting-list", "actor=Putin&status=held&outlet=grown+wire"),
    ("meeting-list", "q=Putin"),
    ("meeting-list", "country=FR&date_to=2023-04-30"),
    ("statement-list", ""),
    ("statement-list", "country=CN&kind=paraphrase"),
    ("statement-list", "actor=li-shangfu&date_from=2023-04-01"),
    ("statement-list", "outlet=Demo+Wire"),
    ("statement-list", "q=militaries"),
    ("actor-list", ""),
    ("actor-list", "country=CN&q=li"),
    ("actor-list", "kind=person&country=ru"),
    ("actor-list", "q=grown"),
]


def key_of(record) -> str:
    """What names a record in both: its slug, or a statement's id."""
    return str(getattr(record, "slug", None) or record.pk)


def api_key(row: dict) -> str:
    return str(row.get("slug") or row["id"])


def page_rows(client, url: str) -> tuple[list[str], str | None]:
    """The records the HTML page at ``url`` lists, in order, and its next cursor; each is
    also checked to be linked in the page's HTML, in that order."""
    response = client.get(url)
    assert response.status_code == 200, url
    page = response.context["page"]
    html = response.content.decode()
    positions = [html.index(f'href="{record.get_absolute_url()}"') for record in page.rows]
    assert positions == sorted(positions), url
    return [key_of(record) for record in page.rows], page.next_cursor


def api_rows(client, url: str) -> tuple[list[str], str | None]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.content)
    data = response.json()
    cursor = parse_qs(urlsplit(data["next"]).query)["after"][0] if data["next"] else None
    return [api_key(row) for row in data["results"]], cursor


def walk(client, fetch, url: str) -> list[tuple[list[str], str | None]]:
    """Every page of a list, following its cursor."""
    pages = []
    cursor = None
    while True:
        separator = "&" if "?" in url else "?"
        rows, cursor = fetch(client, f"{url}{separator}after={cursor}" if cursor else url)
        pages.append((rows, cursor))
        if cursor is None or len(pages) > 20:
            return pages


def urls(name: str, query: str, *args) -> tuple[str, str]:
    page = reverse(f"meetings:{name}", args=args)
    api = reverse(f"api:{name}", args=args)
    return (f"{page}?{query}", f"{api}?{query}") if query else (page, api)


def test_a_filtered_list_holds_what_its_page_shows(client, world):
    world.grow(1)
    for name, query in LISTS:
        page_url, api_url = urls(name, query)
        shown, page_cursor = page_rows(client, page_url)
        assert shown, page_url  # each case lists something, or it would prove nothing
        assert api_rows(client, api_url) == (shown, page_cursor), api_url


def test_a_country_and_a_pair_hold_what_their_pages_show(client, world):
    world.grow(1)
    for name, args in [
        ("country-detail", ["cn"]),
        ("country-detail", ["fr"]),
        ("country-pair", ["cn", "ru"]),
    ]:
        page_url, api_url = urls(name, "", *args)
        shown, page_cursor = page_rows(client, page_url)
        assert shown, page_url
        assert api_rows(client, api_url) == (shown, page_cursor), api_url


def test_every_page_of_every_list_matches_the_site_page_by_page(client, world):
    world.grow(15)  # 30 more meetings and actors, 60 statements: two pages and more
    for name, query, args in [
        ("meeting-list", "", []),
        ("meeting-list", "country=CN", []),
        ("statement-list", "", []),
        ("actor-list", "", []),
        ("country-detail", "", ["cn"]),
        ("country-pair", "", ["cn", "ru"]),
    ]:
        page_url, api_url = urls(name, query, *args)
        pages = walk(client, page_rows, page_url)
        # The pair lists bilateral meetings only: the grown ones have three countries' people.
        assert len(pages) >= (1 if name == "country-pair" else 2), page_url
        assert walk(client, api_rows, api_url) == pages, api_url


def test_a_smaller_page_size_pages_the_same_rows(client, world):
    world.grow(3)
    everything, _ = api_rows(client, reverse("api:meeting-list") + "?page_size=100")
    pages = walk(client, api_rows, reverse("api:meeting-list") + "?page_size=3")
    assert [key for rows, _ in pages for key in rows] == everything
    assert all(len(rows) == 3 for rows, _ in pages[:-1])
