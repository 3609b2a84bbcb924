"""An editor merges duplicates in a real browser, and a reader's old link still works."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from meetings.models import Actor, ActorRedirect
from tests import factories
from tests.editors import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor_login(editor_login):
    """The desk editor, allowed to delete actors: a merge deletes the merged-away one."""
    editor_login.user_permissions.add(
        Permission.objects.get(content_type__app_label="meetings", codename="delete_actor")
    )
    return editor_login


def log_in(page, live_server):
    page.set_default_timeout(30_000)  # a password hash on a busy machine
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def test_an_editor_merges_two_actors_and_the_old_page_redirects(page, live_server, editor_login):
    kept = factories.actor("Amara Okafor", country_code="NG", aliases=["Ms. Okafor"])
    twin = factories.actor("Amara Okafor", country_code="NG")
    guest = factories.actor("Jonas Berg", country_code="SE")
    met = factories.meeting(participants=[twin, guest], start_date=dt.date(2024, 2, 3))
    log_in(page, live_server)

    # The actor list links its possible duplicates; the pair is there, one click merges it.
    page.goto(f"{live_server.url}/admin/meetings/actor/")
    page.get_by_role("link", name="Possible duplicates").click()
    row = page.locator("#duplicates tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("the same name")
    # Proposed to keep: the record with the meeting; the editor keeps the one named first.
    expect(row.locator("td").first).to_contain_text("1 meeting")
    row.get_by_role("button", name="Merge into the second").click()
    expect(page.locator(".messagelist")).to_contain_text("merged into")
    expect(page.locator("#duplicates")).to_have_count(0)
    assert not Actor.objects.filter(pk=twin.pk).exists()
    assert ActorRedirect.objects.get(old_slug=twin.slug).actor_id == kept.pk

    # A reader following an old link lands on the kept actor's page, with the meeting.
    page.goto(f"{live_server.url}/actors/{twin.slug}/")
    assert page.url == f"{live_server.url}{kept.get_absolute_url()}"
    expect(page.locator("main")).to_contain_text("Jonas Berg")
    expect(page.locator(f'a[href="{met.get_absolute_url()}"]').first).to_be_visible()


def test_an_editor_merges_selected_actors_choosing_the_one_kept(page, live_server, editor_login):
    first = factories.actor("Mateo Ruiz", country_code="AR")
    second = factories.actor("Mateo Ruiz Díaz", country_code="AR")
    log_in(page, live_server)

    page.goto(f"{live_server.url}/admin/meetings/actor/?q=Mateo")
    page.check("#action-toggle")
    page.select_option("select[name=action]", "merge_selected")
    page.get_by_role("button", name="Run").click()
    expect(page.locator("h1")).to_contain_text("Merge 2 actors into one")
    page.locator(f'input[name=keep][value="{second.pk}"]').check()
    page.get_by_role("button", name="Merge into the one kept").click()
    expect(page.locator(".messagelist")).to_contain_text("merged into “Mateo Ruiz Díaz”")
    assert list(Actor.objects.filter(name__startswith="Mateo").values_list("pk", flat=True)) == [
        second.pk
    ]
    assert second.aliases.filter(text="Mateo Ruiz").exists()
    assert first.slug in {r.old_slug for r in ActorRedirect.objects.all()}
