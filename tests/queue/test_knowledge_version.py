"""The knowledge version a worker's snapshot follows: an editor's change to what the
extractor knows moves it once it commits; the extractor's own drafts do not (both legs)."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from meetings import knowledge, services, tasks
from meetings.models import Actor, Alias, EditorialStatus, KnowledgeVersion
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_snapshot")]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the block as a transaction that commits (its on_commit callbacks run)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_editors_changes_move_the_version(committed):
    start = knowledge.version()
    with committed():
        weber = factories.actor("Karl Weber", country_code="DE")  # published
    assert knowledge.version() == start + 1
    with committed():
        services.alias_add(actor=weber, text="K. Weber")
    with committed():
        services.position_add(actor=weber, title="Foreign Minister", country="DE")
    with committed():
        article = factories.article(body="Karl Weber spoke.", published=False)
        services.link_reject(article=article, actor=weber, surface="Weber")
    assert knowledge.version() == start + 4
    with committed():
        Alias.objects.filter(actor=weber, text="K. Weber").delete()  # a bulk write
    with committed():
        weber.delete()
    assert knowledge.version() == start + 6


def test_many_changes_in_one_transaction_move_it_once(committed):
    start = knowledge.version()
    with committed(), transaction.atomic():
        for n in range(5):
            factories.actor(f"Minister Number {n}", country_code="FR")
    assert knowledge.version() == start + 1


def test_a_change_rolled_back_moves_nothing(committed):
    start = knowledge.version()
    with committed():
        try:
            with transaction.atomic():
                factories.actor("Never There", country_code="FR")
                raise RuntimeError("the editor's save fails")
        except RuntimeError:
            pass
    assert knowledge.version() == start
    assert not Actor.objects.filter(name="Never There").exists()


def test_a_draft_actor_the_extractor_adds_moves_nothing(committed):
    start = knowledge.version()
    with committed():
        Actor.objects.create(
            name="Tunde Bello", slug="tunde-bello", editorial_status=EditorialStatus.DRAFT
        )
    assert knowledge.version() == start
    draft = Actor.objects.get(name="Tunde Bello")
    with committed():
        draft.editorial_status = EditorialStatus.PUBLISHED  # an editor accepts it
        draft.save()
    assert knowledge.version() == start + 1


def test_the_snapshot_follows_the_version_and_reads_one_row_per_look(
    committed, django_assert_num_queries
):
    with committed():
        factories.actor("Ama Boateng", country_code="GH")
    kb = tasks.snapshot.get()
    with django_assert_num_queries(1):  # the version, by its key
        assert tasks.snapshot.get() is kb
    with committed():
        factories.actor("Kofi Mensah", country_code="GH")
    rebuilt = tasks.snapshot.get()
    assert rebuilt is not kb and rebuilt.actor(Actor.objects.get(name="Kofi Mensah").pk)


def test_a_change_that_sent_no_signal_is_seen_by_the_full_check(monkeypatch):
    """Raw SQL moves no version; the full generation, counted once a minute, sees it."""
    weber = factories.actor("Karl Weber", country_code="DE")
    kb = tasks.snapshot.get()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {Alias._meta.db_table} (actor_id, text, normalized, is_role)"
            " VALUES (%s, %s, %s, %s)",
            [weber.pk, "Charles Weber", "charles weber", False],
        )
    assert tasks.snapshot.get() is kb, "within the minute: the version alone is read"
    monkeypatch.setattr(tasks, "FULL_CHECK_SECONDS", 0)
    assert tasks.snapshot.get() is not kb, "the full check finds the new alias"


def test_the_version_row_is_made_on_the_first_change(committed):
    KnowledgeVersion.objects.all().delete()
    assert knowledge.version() == 0
    with committed():
        factories.actor("Lena Vogel", country_code="DE")
    assert KnowledgeVersion.objects.get().number == 1
