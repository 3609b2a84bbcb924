"""The review flow learns, through the real admin: what an editor accepts or links on an
article's review page changes what the next article proposes and what readers find.

The people, places and sentences are invented for these tests. The real pipeline runs
where the test is about the next extraction; a proposal built here stands in for it where
the test is about how a proposal becomes rows (an organisation as the speaker).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from meetings import services
from meetings.extraction import (
    ActorProposal,
    Proposal,
    StatementProposal,
)
from meetings.models import (
    Actor,
    ActorSuggestion,
    Alias,
    Article,
    EditorialStatus,
    Meeting,
    Participation,
    Statement,
)
from tests import factories
from tests.proposals import span, use_pipeline

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:meetings_article_add")

FIRST = (
    "LISBON, March 7 \u2014 Finnish Foreign Minister Aino Lehto met Portuguese Foreign "
    "Minister Rui Pinto in Lisbon on Thursday.\n\n"
    "\u201cOur ports will work together,\u201d Lehto told reporters."
)
NEXT = "Foreign Minister Lehto flew home on Friday.\n\n\u201cThe talks went well,\u201d Lehto said."


@pytest.fixture
def countries(db):
    for code in ("FI", "PT", "IN"):
        factories.country(code)


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def paste(client, body: str, *, title: str, dateline: str = "", day="2024-03-08") -> Article:
    """An editor pastes an article and saves it: extraction runs, the review opens."""
    response = client.post(
        ADD_URL,
        {
            "title": title,
            "body": body,
            "outlet": "Example Daily",
            "url": "",
            "dateline": dateline,
            "published_on": day,
            "language": "en",
            "slug": "",
            "editorial_status": "draft",
            "_save": "Save",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Article.objects.get(title=title)


def decide(client, article, action: str, **fields):
    url = reverse("admin:meetings_article_review", args=[article.pk])
    response = client.post(url, {"action": action, **fields})
    assert response.status_code == 302
    return response


def accept(client, suggestion, **fields):
    form = {
        "name": suggestion.name,
        "title": suggestion.title,
        "country": suggestion.country_id or "",
        "kind": suggestion.kind,
        **fields,
    }
    return decide(client, suggestion.article, f"suggestion-accept:{suggestion.pk}", **form)


def link(client, suggestion, actor):
    return decide(
        client,
        suggestion.article,
        f"suggestion-link:{suggestion.pk}",
        **{f"s{suggestion.pk}-actor": actor.pk},
    )


def names(actor) -> set[str]:
    return set(actor.aliases.values_list("normalized", flat=True))


# 1. Accepting a suggested person teaches the names the text used --------------------------


def test_an_accepted_person_is_linked_in_the_next_article_and_found_by_surname(
    editor_client, client, countries
):
    first = paste(editor_client, FIRST, title="Lisbon talks", dateline="LISBON, March 7")
    suggestion = first.suggestions.get(name="Aino Lehto")
    assert "Lehto" in suggestion.surface_forms

    response = accept(editor_client, suggestion)

    assert "Aino Lehto is now a known actor." in said(response)
    lehto = Actor.objects.get(name="Aino Lehto", editorial_status=EditorialStatus.PUBLISHED)
    assert names(lehto) == {"aino lehto", "lehto"}
    following = paste(editor_client, NEXT, title="Lehto flies home", day="2024-03-09")
    assert not following.suggestions.exists()  # not suggested again: linked
    assert set(following.statements.values_list("speaker_id", flat=True)) == {lehto.pk}

    # A reader who types the surname finds her meeting once it is accepted and published.
    meeting = Meeting.objects.get(evidence__article=first)
    decide(editor_client, first, f"meeting-accept:{meeting.pk}")
    decide(editor_client, first, "publish")
    html = client.get(reverse("meetings:meeting-list") + "?actor=Lehto").content.decode()
    assert "We know no actor called" not in html
    assert meeting.get_absolute_url() in html


def test_a_surname_another_actor_goes_by_is_not_added_and_the_editor_is_told(
    editor_client, countries
):
    namesake = factories.actor("Mikko Lehto", country_code="FI", aliases=["Lehto"])
    first = paste(editor_client, FIRST, title="Lisbon talks", dateline="LISBON, March 7")
    suggestion = first.suggestions.get(name="Aino Lehto")

    response = accept(editor_client, suggestion)

    messages = said(response)
    assert "Aino Lehto is now a known actor." in messages
    assert any(
        "Not added as a name of Aino Lehto: “Lehto” is a name of Mikko Lehto" in m for m in messages
    ), messages
    aino = Actor.objects.get(name="Aino Lehto")
    assert names(aino) == {"aino lehto"}
    assert names(namesake) == {"mikko lehto", "lehto"}
    suggestion.refresh_from_db()
    assert "Lehto" in suggestion.surface_forms  # nothing lost: still listed on its card


def test_the_suggestion_lists_accept_action_says_which_names_were_not_added(
    editor_client, countries
):
    factories.actor("Mikko Lehto", country_code="FI", aliases=["Lehto"])
    first = paste(editor_client, FIRST, title="Lisbon talks", dateline="LISBON, March 7")
    suggestion = first.suggestions.get(name="Aino Lehto")

    response = editor_client.post(
        reverse("admin:meetings_actorsuggestion_changelist"),
        {"action": "accept", "_selected_action": [suggestion.pk]},
    )

    messages = said(response)
    assert any("Not added as a name of Aino Lehto: “Lehto” is a name of" in m for m in messages)
    assert messages[-1] == "1 actor(s) accepted."
    assert names(Actor.objects.get(name="Aino Lehto")) == {"aino lehto"}


# 2. Linking a suggestion to an existing actor moves its rows and teaches the names ---------


def test_linking_a_suggestion_moves_its_statements_and_participations_to_the_actor(
    editor_client, countries
):
    known = factories.actor("Aino Maria Lehto", country_code="FI")
    first = paste(editor_client, FIRST, title="Lisbon talks", dateline="LISBON, March 7")
    suggestion = first.suggestions.get(name="Aino Lehto")
    draft = suggestion.actor
    meeting = Meeting.objects.get(evidence__article=first)
    assert first.statements.get().speaker == draft
    assert meeting.participations.filter(actor=draft).exists()

    response = link(editor_client, suggestion, known)

    assert "“Aino Lehto” is now a name of Aino Maria Lehto." in said(response)
    assert first.statements.get().speaker == known
    assert set(meeting.participations.values_list("actor__name", flat=True)) == {
        "Aino Maria Lehto",
        "Rui Pinto",
    }
    assert Participation.objects.get(meeting=meeting, actor=known).country_id == "FI"
    assert not Actor.objects.filter(pk=draft.pk).exists()
    assert {"aino lehto", "lehto"} <= names(known)
    following = paste(editor_client, NEXT, title="Lehto flies home", day="2024-03-09")
    assert not following.suggestions.exists()
    assert following.statements.get().speaker == known


@pytest.fixture
def dahl_pipeline(monkeypatch, weber):
    """The hand-built proposal of tests/proposals.py: Ingrid Dahl, unknown, speaks."""
    from tests.proposals import build_proposal

    use_pipeline(monkeypatch, lambda *, article, kb=None: build_proposal(article, weber))


def test_linking_keeps_a_name_another_actor_holds_off_the_linked_one_and_says_so(
    editor_client, article, dahl_pipeline
):
    known = factories.actor("Ingrid Marie Dahl", country_code="NO")
    namesake = factories.actor("Henrik Dahl", country_code="NO", aliases=["Dahl"])
    services.article_extract(article=article)
    suggestion = article.suggestions.get(name="Ingrid Dahl")

    response = link(editor_client, suggestion, known)

    messages = said(response)
    assert any("“Dahl” is a name of Henrik Dahl" in m for m in messages), messages
    assert "“Ingrid Dahl” is now a name of Ingrid Marie Dahl." in messages
    assert names(known) == {"ingrid marie dahl", "ingrid dahl"}
    assert names(namesake) == {"henrik dahl", "dahl"}
    # The link itself went through: her statement is hers, the card lists what the text said.
    assert article.statements.get(text__startswith="share a sea").speaker == known
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.actor) == ("accepted", known)
    assert "Dahl" in suggestion.surface_forms


# 3. An organisation as the speaker ---------------------------------------------------------

MINISTRY_BODY = (
    "NEW DELHI, May 6 \u2014 \u201cThe visit will go ahead as planned,\u201d India's foreign "
    "ministry said in a statement on Monday."
)


def ministry_proposal(article) -> Proposal:
    """What the extractor proposes for MINISTRY_BODY: the ministry, an organisation of India,
    says the quote."""
    body = article.body
    quote = span(body, "The visit will go ahead as planned,")
    return Proposal(
        actors=[
            ActorProposal(
                name="India's foreign ministry",
                kind="organization",
                country="IN",
                aliases=["India's foreign ministry"],
                spans=[span(body, "India's foreign ministry")],
                confidence=0.85,
                rule="org-country-head",
            )
        ],
        statements=[
            StatementProposal(
                speaker="India's foreign ministry",
                text=body[slice(*quote)],
                kind="direct",
                span=quote,
                confidence=0.85,
                rule="quote-after-cue",
            )
        ],
    )


@pytest.fixture
def ministry_pipeline(monkeypatch, countries):
    use_pipeline(monkeypatch, lambda *, article, kb=None: ministry_proposal(article))


def test_an_organisation_speaker_is_accepted_as_an_organisation_of_its_country(
    editor_client, ministry_pipeline
):
    article = paste(editor_client, MINISTRY_BODY, title="Visit confirmed", day="2024-05-06")
    suggestion = article.suggestions.get()
    assert (suggestion.kind, suggestion.country_id) == ("organization", "IN")
    assert article.statements.get().speaker == suggestion.actor

    accept(editor_client, suggestion, name="Ministry of External Affairs")

    ministry = Actor.objects.get(name="Ministry of External Affairs")
    assert (ministry.kind, ministry.country_id, ministry.editorial_status) == (
        "organization",
        "IN",
        EditorialStatus.PUBLISHED,
    )
    assert names(ministry) == {"ministry of external affairs", "india s foreign ministry"}
    assert not ministry.positions.exists()  # an office is a person's
    statement = article.statements.get()
    assert statement.speaker == ministry
    decide(editor_client, article, f"statement-accept:{statement.pk}")
    assert Statement.objects.get(pk=statement.pk).editorial_status == EditorialStatus.PUBLISHED


def test_an_organisation_speaker_linked_to_the_known_organisation_is_its_statement(
    editor_client, ministry_pipeline
):
    ministry = factories.actor(
        "Ministry of External Affairs", country_code="IN", kind=Actor.Kind.ORGANIZATION
    )
    article = paste(editor_client, MINISTRY_BODY, title="Visit confirmed", day="2024-05-06")
    suggestion = article.suggestions.get()
    draft = suggestion.actor

    link(editor_client, suggestion, ministry)

    assert article.statements.get().speaker == ministry
    assert "india s foreign ministry" in names(ministry)
    assert not Actor.objects.filter(pk=draft.pk).exists()
    assert Actor.objects.filter(kind=Actor.Kind.ORGANIZATION).count() == 1


# 4. A new actor's office starts on the article's date --------------------------------------


def test_a_new_actors_office_starts_on_the_datelines_day_and_the_page_says_since(
    editor_client, client, countries
):
    first = paste(editor_client, FIRST, title="Lisbon talks", dateline="LISBON, March 7")
    accept(editor_client, first.suggestions.get(name="Rui Pinto"))

    pinto = Actor.objects.get(name="Rui Pinto")
    position = pinto.positions.get()
    # The dateline's day (7 March), not the publication day (8 March).
    assert (position.title, position.country_id) == ("Foreign Minister", "PT")
    assert (position.start_date, position.end_date) == (dt.date(2024, 3, 7), None)
    meeting = Meeting.objects.get(evidence__article=first)
    decide(editor_client, first, f"meeting-accept:{meeting.pk}")
    decide(editor_client, first, "publish")
    html = client.get(pinto.get_absolute_url()).content.decode()
    assert "Foreign Minister" in html
    assert "? –" not in html


def test_without_a_dateline_the_office_starts_on_the_publication_day(editor_client, countries):
    body = FIRST.removeprefix("LISBON, March 7 \u2014 ")
    first = paste(editor_client, body, title="Lisbon talks", day="2024-03-08")
    accept(editor_client, first.suggestions.get(name="Rui Pinto"))
    assert Actor.objects.get(name="Rui Pinto").positions.get().start_date == dt.date(2024, 3, 8)


def test_a_bad_country_in_the_accept_form_changes_nothing_and_says_why(editor_client, countries):
    first = paste(editor_client, FIRST, title="Lisbon talks", dateline="LISBON, March 7")
    suggestion = first.suggestions.get(name="Rui Pinto")

    response = accept(editor_client, suggestion, country="ZZ")

    assert any(m.startswith("Nothing changed:") for m in said(response)), said(response)
    suggestion.refresh_from_db()
    assert suggestion.status == ActorSuggestion.Status.PENDING
    assert suggestion.actor.editorial_status == EditorialStatus.DRAFT
    assert not Alias.objects.filter(actor__editorial_status="published", normalized="pinto")
