"""Merging two actors or two meetings: every row moves to the one kept, the other becomes a
redirect, and every stored copy equals a from-scratch computation afterwards."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError

from meetings import services
from meetings.models import (
    Actor,
    ActorRedirect,
    ActorSuggestion,
    Alias,
    CountryPair,
    DistinctActors,
    EditorialStatus,
    Evidence,
    Meeting,
    MeetingRedirect,
    Participation,
    Position,
    RejectedLink,
    Statement,
)
from meetings.services.base import unique_slug
from meetings.services.merging import (
    ACTOR_RELATIONS,
    MEETING_RELATIONS,
    actor_merge,
    meeting_merge,
    relation_key,
    relations_to,
)
from tests import factories
from tests.merge_checks import assert_copies_true
from tests.site.conftest import build_world

DRAFT = EditorialStatus.DRAFT


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def desk(django_user_model):
    return django_user_model.objects.create_user(username="desk", is_staff=True)


def duplicate_of_li(world):
    """A second record of Li Shangfu, spelled differently, with a bit of everything: names
    (one Li has already), an office, a meeting of its own, a seat at the Moscow meeting Li
    attended too, statements said and relayed, a suggestion and a refused link."""
    dup = factories.actor(
        "Li Shang-fu", country_code="CN", aliases=["Mr. Li", "General Li"], wikidata_id="Q123"
    )
    services.position_add(
        actor=dup, title="State Councilor", country="CN", start_date=dt.date(2023, 3, 12)
    )
    frenchman = factories.actor("Ann Other", country_code="FR")
    own = factories.meeting(participants=[dup, frenchman], start_date=dt.date(2023, 5, 2))
    Participation.objects.create(meeting=world.moscow, actor=dup, role="host")
    said = factories.statement(speaker=dup, said_on=dt.date(2023, 5, 2))
    relayed = factories.statement(speaker=frenchman, via=dup)
    ActorSuggestion.objects.create(article=world.article, name="Gen. Li", actor=dup, start=0, end=5)
    RejectedLink.objects.create(normalized="the general", actor=dup)
    return dup, own, said, relayed


def test_actor_merge_moves_every_row_and_leaves_a_redirect(world, desk):
    dup, own, said, relayed = duplicate_of_li(world)
    names = set(world.li.aliases.values_list("normalized", flat=True)) | set(
        dup.aliases.values_list("normalized", flat=True)
    )
    summary = actor_merge(keep=world.li, other=dup, by=desk)

    assert not Actor.objects.filter(pk=dup.pk).exists()
    li = Actor.objects.get(pk=world.li.pk)
    assert set(li.aliases.values_list("normalized", flat=True)) == names  # "mr li" once
    assert li.aliases.filter(text="Li Shang-fu").exists()
    assert li.positions.filter(title="State Councilor").exists()
    assert set(own.participations.values_list("actor_id", flat=True)) == {
        li.pk,
        own.participations.exclude(actor=li).get().actor_id,
    }
    # Both were at the Moscow meeting: one seat, with the clearer role of the two.
    moscow = world.moscow.participations.filter(actor=li)
    assert moscow.count() == 1 and moscow.get().role in ("host", "guest")
    assert Statement.objects.get(pk=said.pk).speaker_id == li.pk
    assert Statement.objects.get(pk=relayed.pk).via_id == li.pk
    assert ActorSuggestion.objects.get(name="Gen. Li").actor_id == li.pk
    assert RejectedLink.objects.filter(actor=li, normalized="the general").exists()
    assert li.wikidata_id == "Q123"  # what the kept actor lacked, taken from the other
    assert ActorRedirect.objects.get(old_slug=dup.slug).actor_id == li.pk
    assert summary.moved["statements"] == 1 and summary.moved["meetings"] == 1
    assert "Li Shang-fu" not in Meeting.objects.get(pk=own.pk).title
    entry = LogEntry.objects.get(object_id=str(li.pk), user=desk)
    assert "Li Shang-fu" in entry.change_message and dup.slug in entry.change_message
    assert_copies_true()
    assert (own.pk, "CN", "FR", 2023) in set(
        CountryPair.objects.values_list("meeting_id", "first", "second", "year")
    )


def test_actor_merge_takes_the_kept_country_into_every_copy(world):
    # The duplicate was filed under the wrong country: its meetings now pair China, not the US.
    dup = factories.actor("Li Shangfu (US file)", country_code="US")
    met = factories.meeting(participants=[dup, factories.actor("Ann Other", country_code="FR")])
    assert CountryPair.objects.filter(meeting=met, first="FR", second="US").exists()
    actor_merge(keep=world.li, other=dup)
    assert list(CountryPair.objects.filter(meeting=met).values_list("first", "second")) == [
        ("CN", "FR")
    ]
    assert_copies_true()


def test_a_published_duplicate_merged_into_a_draft_stays_on_the_site(world):
    draft = factories.actor("Li Shangfu draft", country_code="CN", editorial_status=DRAFT)
    public_meetings = set(Meeting.objects.published().values_list("pk", flat=True))
    actor_merge(keep=draft, other=world.li)
    draft.refresh_from_db()
    assert draft.editorial_status == EditorialStatus.PUBLISHED
    assert set(Meeting.objects.published().values_list("pk", flat=True)) == public_meetings
    assert_copies_true()


def test_a_chain_of_actor_merges_redirects_the_first_to_the_last(world):
    a = factories.actor("Vladimir V. Putin", country_code="RU")
    b = factories.actor("V. Putin", country_code="RU")
    actor_merge(keep=b, other=a)
    actor_merge(keep=world.putin, other=b)
    assert dict(ActorRedirect.objects.values_list("old_slug", "actor_id")) == {
        a.slug: world.putin.pk,
        b.slug: world.putin.pk,
    }
    names = set(world.putin.aliases.values_list("text", flat=True))
    assert {"Vladimir V. Putin", "V. Putin"} <= names


def test_a_new_actor_never_takes_a_merged_ones_slug(world):
    dup = factories.actor("Li Shang-fu", country_code="CN")
    actor_merge(keep=world.li, other=dup)
    again = factories.actor("Li Shang-fu", country_code="CN")
    assert again.slug != dup.slug
    assert ActorRedirect.objects.get(old_slug=dup.slug).actor_id == world.li.pk


def test_merging_an_actor_into_itself_or_a_gone_one_changes_nothing(world):
    before = Actor.objects.count()
    with pytest.raises(ValidationError, match="cannot be merged into itself"):
        actor_merge(keep=world.li, other=Actor.objects.get(pk=world.li.pk))
    dup = factories.actor("Li Shang-fu", country_code="CN")
    actor_merge(keep=world.li, other=dup)
    with pytest.raises(ValidationError, match="no longer exists"):
        actor_merge(keep=world.putin, other=dup)  # a second click on a stale page
    with pytest.raises(ValidationError, match="saved actors"):
        actor_merge(keep=world.li, other=None)
    with pytest.raises(ValidationError, match="saved actors"):
        actor_merge(keep=world.li, other=world.moscow)
    assert Actor.objects.count() == before
    assert world.putin.aliases.filter(text="Li Shang-fu").count() == 0


def test_a_person_and_a_state_are_not_merged(world):
    state = factories.actor("Li", country_code="CN", kind=Actor.Kind.STATE)
    with pytest.raises(ValidationError, match="same kind"):
        actor_merge(keep=world.li, other=state)
    assert Actor.objects.filter(pk=state.pk).exists()


def test_a_failed_merge_leaves_every_row_where_it_was(world, monkeypatch):
    dup, own, said, _ = duplicate_of_li(world)
    rows = (
        Alias.objects.filter(actor=dup).count(),
        Position.objects.filter(actor=dup).count(),
        Participation.objects.filter(actor=dup).count(),
    )

    def broken(*args, **kwargs):
        raise RuntimeError("cache down in the middle")

    monkeypatch.setattr("meetings.services.merging._retitle", broken)
    with pytest.raises(RuntimeError):
        actor_merge(keep=world.li, other=dup)
    assert (
        Alias.objects.filter(actor=dup).count(),
        Position.objects.filter(actor=dup).count(),
        Participation.objects.filter(actor=dup).count(),
    ) == rows
    assert Statement.objects.get(pk=said.pk).speaker_id == dup.pk
    assert not ActorRedirect.objects.exists()


def test_every_relation_to_an_actor_or_a_meeting_has_a_merge_step():
    # A model added later with a foreign key to Actor or Meeting must say what a merge does
    # with its rows (merging.py), or the merge would cascade them away.
    assert {relation_key(r) for r in relations_to(Actor)} <= set(ACTOR_RELATIONS)
    assert {relation_key(r) for r in relations_to(Meeting)} <= set(MEETING_RELATIONS)


def test_distinct_actor_decisions_follow_the_merge(world):
    dup = factories.actor("Li Shang-fu", country_code="CN")
    DistinctActors.objects.create(first=world.shoigu, second=dup)  # shoigu was made first
    actor_merge(keep=world.li, other=dup)
    first, second = sorted([world.li.pk, world.shoigu.pk])
    assert list(DistinctActors.objects.values_list("first_id", "second_id")) == [(first, second)]


# --- meetings --------------------------------------------------------------------------


def second_report(world, outlet: str = "Second Wire"):
    """The Moscow meeting again, from another outlet, with Shoigu too and a statement."""
    source = factories.article(
        title="Putin receives Li",
        body=f"{outlet}: Vladimir Putin received Li Shangfu and Sergei Shoigu on Sunday.",
        outlet=outlet,
    )
    dup = factories.meeting(
        participants=[world.putin, world.li, world.shoigu],
        source=source,
        start_date=dt.date(2023, 4, 16),
    )
    said = factories.statement(speaker=world.shoigu, source=source, meeting=dup)
    return dup, source, said


def test_meeting_merge_moves_sources_participants_and_statements(world, desk):
    dup, source, said = second_report(world)
    # The same sentence of the first article cited by both records: kept once.
    Evidence.objects.create(meeting=dup, article=world.article, start=0, end=40)
    Evidence.objects.create(meeting=world.moscow, article=world.article, start=0, end=40)
    summary = meeting_merge(keep=world.moscow, other=dup, by=desk)

    assert not Meeting.objects.filter(pk=dup.pk).exists()
    moscow = Meeting.objects.get(pk=world.moscow.pk)
    assert set(moscow.evidence.values_list("article_id", flat=True)) == {
        world.article.pk,
        source.pk,
    }
    assert moscow.evidence.filter(article=world.article, start=0, end=40).count() == 1
    assert set(moscow.participations.values_list("actor_id", flat=True)) == {
        world.putin.pk,
        world.li.pk,
        world.shoigu.pk,
    }
    assert moscow.participations.get(actor=world.putin).role == "host"
    assert Statement.objects.get(pk=said.pk).meeting_id == moscow.pk
    assert Statement.objects.get(pk=world.statement.pk).meeting_id == moscow.pk
    assert MeetingRedirect.objects.get(old_slug=dup.slug).meeting_id == moscow.pk
    assert summary.moved["sources"] == 1 and summary.moved["participants"] == 1
    assert not CountryPair.objects.filter(meeting_id=dup.pk).exists()
    # Readers could see both: the merge is a public correction of the kept meeting.
    changes = services.public_changes(moscow)
    assert len(changes) == 1 and "duplicate" in changes[0].description
    assert_copies_true()


def test_a_new_meeting_takes_neither_a_merged_ones_slug_nor_a_live_ones(world, desk):
    dup, _, _ = second_report(world)
    meeting_merge(keep=world.moscow, other=dup, by=desk)
    assert unique_slug(Meeting, dup.slug) == f"{dup.slug}-2", "retired: its redirect stays"
    assert unique_slug(Meeting, world.moscow.slug) == f"{world.moscow.slug}-2"
    assert unique_slug(Meeting, "a meeting never held") == "a-meeting-never-held"


def test_meeting_merge_takes_what_the_kept_one_lacks(world):
    undated = factories.meeting(participants=[world.li, world.putin], start_date=None)
    meeting_merge(keep=undated, other=world.moscow)
    undated.refresh_from_db()
    assert undated.start_date == dt.date(2023, 4, 16)
    assert (undated.city, undated.country_id) == ("Moscow", "RU")
    assert undated.summary
    assert set(undated.participations.values_list("date", flat=True)) == {undated.start_date}
    assert_copies_true()


def test_a_chain_of_meeting_merges_and_bad_input(world):
    first, _, _ = second_report(world)
    second, _, _ = second_report(world, outlet="Third Wire")
    meeting_merge(keep=second, other=first)
    meeting_merge(keep=world.moscow, other=second)
    assert dict(MeetingRedirect.objects.values_list("old_slug", "meeting_id")) == {
        first.slug: world.moscow.pk,
        second.slug: world.moscow.pk,
    }
    with pytest.raises(ValidationError, match="into itself"):
        meeting_merge(keep=world.moscow, other=world.moscow)
    with pytest.raises(ValidationError, match="no longer exists"):
        meeting_merge(keep=world.other_meeting, other=second)
    with pytest.raises(ValidationError, match="saved meetings"):
        meeting_merge(keep=world.moscow, other=world.li)
    assert_copies_true()


def test_a_draft_duplicate_merged_into_a_public_meeting_keeps_it_public(world):
    dup, _, _ = second_report(world)
    services.meeting_set_status(meeting=dup, editorial_status=DRAFT)
    meeting_merge(keep=dup, other=world.moscow)
    assert Meeting.objects.get(pk=dup.pk).is_public
    assert_copies_true()
