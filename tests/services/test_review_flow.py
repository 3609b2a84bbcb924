"""The review flow learns: what an editor accepts or links changes the next extraction.

The real pipeline on short articles of our own; the database is the test database.
"""

import datetime as dt

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from meetings import services
from meetings.models import Actor, ActorSuggestion, EditorialStatus, Statement
from tests import factories

pytestmark = pytest.mark.django_db

FIRST = (
    "Norwegian Foreign Minister Ingrid Dahl met Austrian Chancellor Karl Weber in Vienna on "
    "Thursday.\n\n"
    "\u201cWe agreed to meet again before the summer,\u201d Dahl told reporters.\n\n"
    "Foreign Minister Dahl said later: \u201cThe sea is our future.\u201d"
)
NEXT = (
    "Foreign Minister Dahl flew to Oslo on Friday.\n\n"
    "\u201cWe are ready for the talks,\u201d Dahl said."
)


@pytest.fixture
def countries(db):
    for code in ("NO", "AT", "IN"):
        factories.country(code)


def extracted(body, *, day=dt.date(2024, 3, 8), **kwargs):
    article = factories.article(body=body, published=False, published_on=day, **kwargs)
    services.article_extract(article=article)
    return article


def test_accepting_a_person_keeps_the_surname_the_text_used_so_the_next_article_knows_him(
    countries,
):
    first = extracted(FIRST)
    suggestion = first.suggestions.get(name="Ingrid Dahl")
    assert "Dahl" in suggestion.surface_forms

    dahl = services.suggestion_accept(suggestion=suggestion)

    assert set(dahl.aliases.values_list("text", flat=True)) == {"Ingrid Dahl", "Dahl"}
    following = extracted(NEXT, day=dt.date(2024, 3, 9))
    assert not following.suggestions.exists()  # not suggested again
    assert {s.speaker_id for s in following.statements.all()} == {dahl.pk}


def test_the_actor_filter_finds_an_accepted_person_by_the_surname(client, countries):
    first = extracted(FIRST)
    url = reverse("meetings:meeting-list") + "?actor=Dahl"
    assert "We know no actor called" in client.get(url).content.decode()

    services.suggestion_accept(suggestion=first.suggestions.get(name="Ingrid Dahl"))

    html = client.get(url).content.decode()
    assert "We know no actor called" not in html


def test_a_one_word_form_that_is_not_a_word_of_the_name_is_no_alias(countries):
    first = extracted(FIRST)
    suggestion = first.suggestions.get(name="Ingrid Dahl")
    suggestion.surface_forms = [*suggestion.surface_forms, "Norway", "Mrs. Dahl"]
    suggestion.save()
    dahl = services.suggestion_accept(suggestion=suggestion)
    assert set(dahl.aliases.values_list("text", flat=True)) == {"Ingrid Dahl", "Dahl"}


def test_a_new_actor_holds_the_office_it_was_introduced_with_from_the_articles_date(
    countries,
):
    first = extracted(FIRST)
    weber = services.suggestion_accept(suggestion=first.suggestions.get(name="Karl Weber"))
    position = weber.positions.get()
    assert (position.title, position.start_date, position.end_date) == (
        "Chancellor",
        dt.date(2024, 3, 8),
        None,
    )


def test_without_a_publication_date_the_office_starts_on_the_datelines_day(countries):
    article = factories.article(
        body=FIRST, published=False, published_on=None, dateline="VIENNA, March 7, 2024"
    )
    services.article_extract(article=article)
    weber = services.suggestion_accept(suggestion=article.suggestions.get(name="Karl Weber"))
    assert weber.positions.get().start_date == dt.date(2024, 3, 7)


def test_linking_a_suggestion_moves_its_statements_and_teaches_the_surname(countries):
    known = factories.actor("Ingrid Marie Dahl", country_code="NO")
    first = extracted(FIRST)
    suggestion = first.suggestions.get(name="Ingrid Dahl")
    draft = suggestion.actor
    assert first.statements.filter(speaker=draft).count() == 2

    services.suggestion_link(suggestion=suggestion, actor=known)

    assert first.statements.filter(speaker=known).count() == 2
    assert not Actor.objects.filter(pk=draft.pk).exists()
    assert {"ingrid dahl", "dahl"} <= set(known.aliases.values_list("normalized", flat=True))
    following = extracted(NEXT, day=dt.date(2024, 3, 9))
    assert not following.suggestions.exists()
    assert {s.speaker_id for s in following.statements.all()} == {known.pk}


def test_linking_after_a_statement_accepted_the_suggestion_still_moves_the_rows(countries):
    known = factories.actor("Ingrid Marie Dahl", country_code="NO")
    first = extracted(FIRST)
    statement = first.statements.order_by("start").first()
    services.statement_accept(statement=statement)  # accepts "Ingrid Dahl" as a new actor
    suggestion = first.suggestions.get(name="Ingrid Dahl")
    duplicate = suggestion.actor
    assert duplicate.editorial_status == EditorialStatus.PUBLISHED
    meeting = first.statements.get(pk=statement.pk).meeting

    services.suggestion_link(suggestion=suggestion, actor=known)

    assert set(first.statements.values_list("speaker_id", flat=True)) == {known.pk}
    assert Statement.objects.get(pk=statement.pk).editorial_status == EditorialStatus.PUBLISHED
    if meeting is not None:
        assert meeting.participations.filter(actor=known).exists()
        assert not meeting.participations.filter(actor=duplicate).exists()
    duplicate.refresh_from_db()
    assert duplicate.editorial_status == EditorialStatus.REJECTED  # no name links to it again
    following = extracted(NEXT, day=dt.date(2024, 3, 9))
    assert {s.speaker_id for s in following.statements.all()} == {known.pk}


MINISTRY = (
    "\u201cThe sea is our future,\u201d India's foreign ministry said in a statement on "
    "Monday.\n\nThe talks in Delhi were useful and frank."
)


def test_an_accepted_organisation_is_the_speaker_here_and_in_the_next_article(client, countries):
    first = extracted(MINISTRY)
    suggestion = first.suggestions.get(kind="organization")
    assert (suggestion.name, suggestion.country_id) == ("India's foreign ministry", "IN")

    name = "Ministry of External Affairs"
    ministry = services.suggestion_accept(suggestion=suggestion, name=name)

    assert (ministry.kind, ministry.country_id, ministry.editorial_status) == (
        "organization",
        "IN",
        EditorialStatus.PUBLISHED,
    )
    assert "India's foreign ministry" in set(ministry.aliases.values_list("text", flat=True))
    statement = first.statements.get()
    assert statement.speaker == ministry
    services.statement_accept(statement=statement)
    services.article_publish(article=first)
    url = reverse("meetings:statement-list") + f"?actor={name}"
    assert "The sea is our future" in client.get(url).content.decode()

    following = extracted(
        "\u201cThe visit will go ahead,\u201d India's foreign ministry said on Tuesday.",
        day=dt.date(2024, 3, 12),
    )
    assert not following.suggestions.exists()
    assert following.statements.get().speaker == ministry


def test_a_suggestion_accepted_as_a_person_never_keeps_a_description_as_alias(countries):
    first = extracted(FIRST)
    suggestion = first.suggestions.get(name="Karl Weber")
    suggestion.surface_forms = [*suggestion.surface_forms, "Austria's chancellor"]
    suggestion.save()
    weber = services.suggestion_accept(suggestion=suggestion)
    assert set(weber.aliases.values_list("text", flat=True)) == {"Karl Weber"}
    assert ActorSuggestion.objects.get(pk=suggestion.pk).status == "accepted"


def test_the_datelines_day_comes_before_the_publication_day(countries):
    article = factories.article(
        body=FIRST,
        published=False,
        published_on=dt.date(2024, 3, 9),
        dateline="VIENNA, March 7",
    )
    services.article_extract(article=article)
    weber = services.suggestion_accept(suggestion=article.suggestions.get(name="Karl Weber"))
    assert weber.positions.get().start_date == dt.date(2024, 3, 7)


def test_a_name_another_actor_goes_by_is_not_learnt_and_is_reported(countries, editor):
    namesake = factories.actor("Henrik Dahl", country_code="NO", aliases=["Dahl"])
    first = extracted(FIRST)
    suggestion = first.suggestions.get(name="Ingrid Dahl")

    dahl = services.suggestion_accept(suggestion=suggestion, by=editor)

    assert set(dahl.aliases.values_list("text", flat=True)) == {"Ingrid Dahl"}
    taken = services.suggestion_names_taken(suggestion=suggestion, linked=False)
    assert taken == {"Dahl": namesake}
    log = LogEntry.objects.get(object_id=str(suggestion.pk), user=editor)
    assert "not added, already names of others: “Dahl” (Henrik Dahl)" in log.change_message


def test_a_possessive_form_teaches_the_name_without_its_s(countries):
    first = extracted(FIRST)
    suggestion = first.suggestions.get(name="Ingrid Dahl")
    suggestion.surface_forms = ["Ingrid Dahl\u2019s", "Dahl's"]
    suggestion.save()
    dahl = services.suggestion_accept(suggestion=suggestion)
    assert set(dahl.aliases.values_list("normalized", flat=True)) == {"ingrid dahl", "dahl"}
