"""The OpenAPI schema at /api/schema/ and the documentation page at /api/docs/: the page
keeps the site's CSP (no inline script or style, nothing from another origin) and works
in a real browser."""

import os

import pytest
import yaml
from django.urls import reverse
from drf_spectacular.validation import validate_schema

ENDPOINTS = {
    "/api/meetings/",
    "/api/statements/",
    "/api/actors/",
    "/api/countries/{code}/",
    "/api/pairs/{first}/{second}/",
}


def test_the_schema_is_valid_openapi_and_describes_every_endpoint(client, db):
    response = client.get(reverse("api:schema"))
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    validate_schema(schema)  # raises on an invalid OpenAPI 3 document
    assert set(schema["paths"]) == ENDPOINTS
    meetings = schema["paths"]["/api/meetings/"]["get"]
    names = {p["name"] for p in meetings["parameters"]}
    assert names == {"q", "country", "date_from", "date_to", "actor", "kind", "status"} | {
        "outlet",
        "after",
        "page_size",
    }
    assert "Hold Ctrl" not in response.content.decode()  # the HTML form's words are replaced


def test_the_schema_is_also_served_as_json(client, db):
    response = client.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert set(response.json()["paths"]) == ENDPOINTS


def test_the_docs_page_keeps_the_sites_csp(client, db):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "script-src 'self'" in csp
    html = response.content.decode()
    assert "<style" not in html and "<script>" not in html  # every script has a src
    assert "http" not in html.replace('href="/', "")  # nothing from another origin
    script = client.get(reverse("api:docs") + "?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert reverse("api:schema") in script.content.decode()


@pytest.mark.browser
def test_swagger_ui_shows_the_api_and_runs_a_request_in_chromium(live_server, page, world):
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    outside = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(live_server.url) else None,
    )
    page.goto(live_server.url + reverse("api:docs"))
    page.get_by_text("Diplomatic Meetings API").first.wait_for()
    operation = page.locator("#operations-meetings-meetings_list")
    operation.locator("button.opblock-summary-control").click()
    page.get_by_role("button", name="Try it out").click()
    page.locator("tr[data-param-name='actor'] input[type='text']").fill("li-shangfu")
    page.get_by_role("button", name="Execute").click()
    body = page.locator(".responses-wrapper .live-responses-table .response-col_description pre")
    body.first.wait_for()
    assert world.moscow.slug in body.first.inner_text()
    assert world.other_meeting.slug not in body.first.inner_text()  # the filter applied
    assert problems == []  # no CSP violation, no script error
    assert [u for u in outside if not u.startswith("data:")] == []
