import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings import services
from meetings.models import Actor, Alias, Evidence, Meeting, Position, Statement
from tests import factories

pytestmark = pytest.mark.django_db


def test_meeting_ending_before_it_starts_is_refused_by_the_database():
    meeting = factories.meeting()
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(end_date=dt.date(2023, 4, 1))


def test_meeting_ending_before_it_starts_is_refused_by_validation():
    with pytest.raises(ValidationError):
        factories.meeting(start_date=dt.date(2023, 4, 16), end_date=dt.date(2023, 4, 15))


def test_meeting_with_end_but_no_start_is_refused():
    meeting = factories.meeting()
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(start_date=None, end_date=dt.date(2023, 1, 1))


def test_duplicate_article_url_is_refused():
    factories.article(url="https://example.org/a")
    with pytest.raises(ValidationError):
        factories.article(url="https://example.org/a")


def test_duplicate_article_url_is_refused_by_the_database():
    first = factories.article(url="https://example.org/a")
    second = factories.article(url="https://example.org/b")
    with pytest.raises(IntegrityError), transaction.atomic():
        type(second).objects.filter(pk=second.pk).update(url=first.url)


def test_articles_without_url_may_coexist():
    factories.article(url="")
    factories.article(url="")


def test_same_text_twice_is_refused_even_rewrapped():
    factories.article(body="Two ministers met.\nThey talked.")
    with pytest.raises(ValidationError):
        factories.article(body="Two ministers   met. They talked.")


def test_evidence_span_out_of_order_is_refused():
    meeting = factories.meeting()
    source = meeting.articles.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.create(meeting=meeting, article=source, start=10, end=5)


def test_statement_span_out_of_order_is_refused():
    with pytest.raises(ValidationError):
        services.statement_create(
            speaker=factories.actor(), article=factories.article(), start=8, end=8, text="x"
        )


def test_position_ending_before_it_starts_is_refused():
    actor = factories.actor()
    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.create(
            actor=actor,
            title="Minister",
            start_date=dt.date(2023, 3, 1),
            end_date=dt.date(2022, 1, 1),
        )


def test_actor_slugs_are_unique_and_derived_from_names():
    first = factories.actor("Li Shangfu")
    second = factories.actor("Li Shangfu")
    assert first.slug == "li-shangfu"
    assert second.slug == "li-shangfu-2"
    with pytest.raises(IntegrityError), transaction.atomic():
        Actor.objects.filter(pk=second.pk).update(slug=first.slug)


def test_wikidata_id_is_unique_when_given_and_well_formed():
    factories.actor("A", wikidata_id="Q1")
    with pytest.raises(ValidationError):
        factories.actor("B", wikidata_id="Q1")
    with pytest.raises(ValidationError):
        factories.actor("C", wikidata_id="not-an-id")
    factories.actor("D")
    factories.actor("E")  # many actors without an id


def test_alias_is_normalized_and_unique_per_actor():
    actor = factories.actor("Sergei Shoigu", aliases=["Sergey Shoygu"])
    assert (
        services.alias_add(actor=actor, text="SERGEI  SHOIGU").pk
        == actor.aliases.get(text="Sergei Shoigu").pk
    )
    assert set(actor.aliases.values_list("normalized", flat=True)) == {
        "sergei shoigu",
        "sergey shoygu",
    }


def test_published_excludes_drafts_and_rows_from_draft_articles():
    visible = factories.meeting()
    draft_meeting = factories.meeting(published=False)
    from_draft_article = factories.meeting(source=factories.article(published=False))
    published = set(Meeting.objects.published())
    assert visible in published
    assert draft_meeting not in published
    assert from_draft_article not in published


def test_statements_follow_their_article_visibility():
    source = factories.article(published=False)
    said = factories.statement(source=source)
    assert not Statement.objects.published().filter(pk=said.pk).exists()
    services.article_publish(article=source)
    assert Statement.objects.published().filter(pk=said.pk).exists()
    services.article_unpublish(article=source)
    assert not Statement.objects.published().filter(pk=said.pk).exists()


def test_publishing_an_article_makes_its_published_meetings_public_with_participations():
    source = factories.article(published=False)
    meeting = factories.meeting(source=source)
    assert not meeting.is_public
    services.article_publish(article=source)
    meeting.refresh_from_db()
    assert meeting.is_public
    assert all(p.is_public for p in meeting.participations.all())


def test_rejected_meeting_is_kept_but_hidden():
    meeting = factories.meeting()
    services.meeting_set_status(meeting=meeting, editorial_status="rejected")
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    assert not Meeting.objects.published().filter(pk=meeting.pk).exists()


def test_participation_copies_meeting_date_and_actor_country():
    li = factories.actor("Li Shangfu", country_code="CN")
    putin = factories.actor("Vladimir Putin", country_code="RU")
    meeting = factories.meeting(participants=[li, putin], start_date=dt.date(2023, 4, 16))
    rows = {p.actor.name: p for p in meeting.participations.all()}
    assert rows["Li Shangfu"].date == dt.date(2023, 4, 16)
    assert rows["Li Shangfu"].country_id == "CN"
    assert rows["Vladimir Putin"].country_id == "RU"


def test_involving_and_between_filter_by_participant_country_and_date():
    cn_ru = factories.meeting(
        participants=[factories.actor(country_code="CN"), factories.actor(country_code="RU")],
        start_date=dt.date(2023, 4, 16),
    )
    us_fr = factories.meeting(
        participants=[factories.actor(country_code="US"), factories.actor(country_code="FR")],
        start_date=dt.date(2019, 1, 5),
    )
    assert list(Meeting.objects.involving("cn")) == [cn_ru]
    assert set(Meeting.objects.involving("RU", "US")) == {cn_ru, us_fr}
    assert list(Meeting.objects.between(dt.date(2023, 1, 1), dt.date(2023, 12, 31))) == [cn_ru]
    assert list(Meeting.objects.between(end=dt.date(2020, 1, 1))) == [us_fr]


def test_position_on_gives_the_office_held_that_day():
    li = factories.actor("Li Shangfu")
    services.position_add(
        actor=li,
        title="Minister of National Defense",
        country="CN",
        start_date=dt.date(2023, 3, 12),
        end_date=dt.date(2023, 10, 24),
    )
    li = Actor.objects.for_detail().get(pk=li.pk)
    assert li.position_on(dt.date(2023, 4, 16)).title == "Minister of National Defense"
    assert li.position_on(dt.date(2024, 1, 1)) is None


def test_role_alias_dates_are_validated():
    actor = factories.actor()
    with pytest.raises(IntegrityError), transaction.atomic():
        Alias.objects.create(
            actor=actor,
            text="the minister",
            is_role=True,
            valid_from=dt.date(2023, 1, 1),
            valid_to=dt.date(2022, 1, 1),
        )
