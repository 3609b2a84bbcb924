"""Merging in the admin: the change lists' "Merge selected into …" action with its
confirmation page, and the pages of possible duplicates with their one-click decisions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import reverse

from meetings.models import Actor, ActorRedirect, DistinctActors, Meeting, MeetingRedirect
from tests import factories
from tests.merge_checks import assert_copies_true
from tests.site.conftest import build_world


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture(autouse=True)
def may_delete(editor):
    """A merge deletes the merged-away record: these editors may delete actors and meetings,
    which the Editors group alone may not (test_merge_permission.py)."""
    editor.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="meetings", codename__in=["delete_actor", "delete_meeting"]
        )
    )


def changelist(model) -> str:
    return reverse(f"admin:meetings_{model._meta.model_name}_changelist")


def duplicates(model) -> str:
    return reverse(f"admin:meetings_{model._meta.model_name}_duplicates")


def decide(model) -> str:
    return reverse(f"admin:meetings_{model._meta.model_name}_duplicates_decide")


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_merge_action_asks_which_actor_to_keep_then_merges(editor_client, world):
    dup = factories.actor("Li Shang-fu", country_code="CN")
    factories.meeting(participants=[dup, world.shoigu])
    selected = {"action": "merge_selected", "_selected_action": [world.li.pk, dup.pk]}
    page = editor_client.post(changelist(Actor), selected)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Li Shang-fu" in html and "Li Shangfu" in html
    # The actor with more records (and the older) is proposed; the editor picks the other.
    assert f'value="{world.li.pk}" checked' in html
    response = editor_client.post(changelist(Actor), {**selected, "post": "yes", "keep": dup.pk})
    assert response.status_code == 302
    assert not Actor.objects.filter(pk=world.li.pk).exists()
    assert ActorRedirect.objects.get(old_slug=world.li.slug).actor_id == dup.pk
    assert any("merged into" in m for m in said(response))
    assert_copies_true()


def test_merge_action_refuses_one_actor_or_a_keep_outside_the_selection(editor_client, world):
    response = editor_client.post(
        changelist(Actor), {"action": "merge_selected", "_selected_action": [world.li.pk]}
    )
    assert any("two or more" in m for m in said(response))
    selected = {"action": "merge_selected", "_selected_action": [world.li.pk, world.shoigu.pk]}
    page = editor_client.post(
        changelist(Actor), {**selected, "post": "yes", "keep": world.putin.pk}
    )
    assert page.status_code == 200 and "Choose the actor to keep" in page.content.decode()
    assert Actor.objects.filter(pk__in=[world.li.pk, world.shoigu.pk]).count() == 2


def test_merge_action_refuses_all_actors_at_once(editor_client, world):
    for n in range(21):
        factories.actor(f"Namesake {n}", country_code="US")
    before = Actor.objects.count()
    response = editor_client.post(
        changelist(Actor),
        {"action": "merge_selected", "select_across": "1", "index": "0", "_selected_action": [1]},
    )
    assert any("at most 20" in m for m in said(response))
    assert Actor.objects.count() == before


def test_merging_a_person_into_a_state_says_why_and_changes_nothing(editor_client, world):
    state = factories.actor("China", country_code="CN", kind=Actor.Kind.STATE)
    selected = {"action": "merge_selected", "_selected_action": [world.li.pk, state.pk]}
    response = editor_client.post(
        changelist(Actor), {**selected, "post": "yes", "keep": world.li.pk}
    )
    assert any("Nothing merged" in m and "same kind" in m for m in said(response))
    assert Actor.objects.filter(pk=state.pk).exists()


def test_merge_action_on_meetings(editor_client, world):
    source = factories.article(
        title="Second report", body="Putin received Li Shangfu in Moscow, a second outlet said."
    )
    dup = factories.meeting(participants=[world.li, world.putin], source=source)
    selected = {"action": "merge_selected", "_selected_action": [world.moscow.pk, dup.pk]}
    assert editor_client.post(changelist(Meeting), selected).status_code == 200
    editor_client.post(changelist(Meeting), {**selected, "post": "yes", "keep": world.moscow.pk})
    assert MeetingRedirect.objects.get(old_slug=dup.slug).meeting_id == world.moscow.pk
    assert world.moscow.evidence.count() == 2
    assert_copies_true()


def test_the_change_lists_link_their_duplicates_page(editor_client, world):
    for model in (Actor, Meeting):
        assert duplicates(model) in editor_client.get(changelist(model)).content.decode()


def add_actor_duplicates(n: int, first: int = 0) -> list[tuple[Actor, Actor]]:
    """``n`` times two pairs: two records of one name, and a name that is another's alias."""
    pairs = []
    for i in range(first, first + n):
        a = factories.actor(f"Dana Twin{i}", country_code="US", aliases=[f"Envoy Twin{i}"])
        pairs.append((a, factories.actor(f"Dana Twin{i}", country_code="US")))
        pairs.append((a, factories.actor(f"Envoy Twin{i}", country_code="US")))
    return pairs


def test_actor_duplicates_page_lists_pairs_in_a_fixed_number_of_queries(
    editor_client, world, django_assert_num_queries
):
    mr_li = factories.actor("Mr. Li", country_code="CN")  # an alias of Li Shangfu
    add_actor_duplicates(1)
    with django_assert_num_queries(8):
        html = editor_client.get(duplicates(Actor)).content.decode()
    assert "the same name" in html
    assert "“Mr. Li”, a name of Li Shangfu, is Mr. Li’s name" in html
    assert html.count('name="decision" value="keep-first"') == 3
    world.grow(3)
    add_actor_duplicates(4, first=1)
    with django_assert_num_queries(8):
        html = editor_client.get(duplicates(Actor)).content.decode()
    assert html.count('name="decision" value="keep-first"') == 11
    assert mr_li.get_absolute_url().strip("/").split("/")[-1] in html


def test_one_click_merge_and_not_duplicates_from_the_page(editor_client, world):
    (a, same), (_, alias_named) = add_actor_duplicates(1)
    back = duplicates(Actor)
    response = editor_client.post(
        decide(Actor),
        {"first": a.pk, "second": same.pk, "decision": "keep-first", "next": back},
    )
    assert response.status_code == 302 and response["Location"] == back
    assert not Actor.objects.filter(pk=same.pk).exists()
    editor_client.post(
        decide(Actor), {"first": a.pk, "second": alias_named.pk, "decision": "distinct"}
    )
    assert DistinctActors.objects.count() == 1
    html = editor_client.get(back).content.decode()
    assert 'value="keep-first"' not in html  # both pairs decided
    # A second click on the page of before: nothing changes, and the editor is told why.
    stale = editor_client.post(
        decide(Actor), {"first": a.pk, "second": same.pk, "decision": "keep-first"}
    )
    assert any("no longer both there" in m for m in said(stale))
    bad = editor_client.post(decide(Actor), {"first": a.pk, "second": "x", "decision": "?"})
    assert any("Nothing changed" in m for m in said(bad))
    assert Actor.objects.filter(pk__in=[a.pk, alias_named.pk]).count() == 2


def add_meeting_duplicates(world, n: int, day: dt.date, first: int = 0) -> None:
    for i in range(first, first + n):
        source = factories.article(
            title=f"Report {i}", body=f"Li Shangfu met Vladimir Putin, report number {i} said."
        )
        factories.meeting(participants=[world.li, world.putin], source=source, start_date=day)


def test_meeting_duplicates_page_in_a_fixed_number_of_queries(
    editor_client, world, django_assert_num_queries
):
    # A report a day later than the Moscow meeting; Doe–Dupont a day later too: not the same.
    add_meeting_duplicates(world, 1, dt.date(2023, 4, 17))
    url = f"{duplicates(Meeting)}?until=2023-04-30"
    with django_assert_num_queries(9):
        html = editor_client.get(url).content.decode()
    assert html.count('name="decision" value="keep-first"') >= 1
    assert "2 participants in common" in html
    world.grow(3)
    add_meeting_duplicates(world, 3, dt.date(2023, 4, 15), first=1)
    with django_assert_num_queries(9):
        html = editor_client.get(url).content.decode()
    assert html.count('name="decision" value="keep-first"') > 1
    # Without a date, the window ends at the newest meeting; a bad date is said to be one.
    newest = max(d for d in Meeting.objects.values_list("start_date", flat=True) if d)
    html = editor_client.get(duplicates(Meeting)).content.decode()
    assert f'value="{newest.isoformat()}"' in html
    bad = editor_client.get(f"{duplicates(Meeting)}?until=someday")
    assert bad.status_code == 200 and "Enter a valid date" in bad.content.decode()


def test_one_click_meeting_merge(editor_client, world):
    add_meeting_duplicates(world, 1, dt.date(2023, 4, 16))
    dup = Meeting.objects.exclude(pk=world.moscow.pk).get(title__contains="Li Shangfu – Vladimir")
    editor_client.post(
        decide(Meeting), {"first": world.moscow.pk, "second": dup.pk, "decision": "keep-first"}
    )
    assert not Meeting.objects.filter(pk=dup.pk).exists()
    html = editor_client.get(f"{duplicates(Meeting)}?until=2023-04-30").content.decode()
    assert 'value="keep-first"' not in html
    assert_copies_true()
