"""A proposal becomes draft rows; re-runs never duplicate them nor undo editors' decisions."""

import datetime as dt

import pytest

from meetings import services
from meetings.knowledge import knowledge_base, knowledge_base_build
from meetings.models import (
    Actor,
    ActorSuggestion,
    Alias,
    EditorialStatus,
    Evidence,
    Meeting,
    Participation,
    Position,
    RejectedLink,
    Statement,
)
from tests import factories
from tests.proposals import build_proposal

pytestmark = pytest.mark.django_db

DRAFT, PUBLISHED, REJECTED = (
    EditorialStatus.DRAFT,
    EditorialStatus.PUBLISHED,
    EditorialStatus.REJECTED,
)
TABLES = [Actor, ActorSuggestion, Alias, Evidence, Meeting, Participation, Statement, Position]


def counts():
    return {model.__name__: model.objects.count() for model in TABLES}


def apply(article, weber, **kwargs):
    article.refresh_from_db()
    return services.proposal_apply(
        article=article, proposal=build_proposal(article, weber, **kwargs)
    )


def the_meeting(article):
    return Meeting.objects.get(evidence__article=article)


def test_a_proposal_is_stored_as_draft_rows_with_spans_and_a_suggested_actor(article, weber):
    summary = apply(article, weber)

    assert (summary.meetings_created, summary.statements_created) == (1, 2)
    meeting = the_meeting(article)
    assert meeting.editorial_status == DRAFT and not meeting.is_public
    assert (meeting.kind, meeting.start_date, meeting.city, meeting.country_id) == (
        "meeting",
        dt.date(2024, 3, 7),
        "Vienna",
        "AT",
    )
    assert meeting.title == "Karl Weber – Ingrid Dahl"
    evidence = meeting.evidence.get()
    assert evidence.sentence.startswith("VIENNA, March 8") and evidence.sentence.endswith(".")
    roles = dict(meeting.participations.values_list("actor__name", "role"))
    assert roles == {"Karl Weber": "host", "Ingrid Dahl": "guest"}

    suggestion = ActorSuggestion.objects.get(article=article)
    assert (suggestion.name, suggestion.title, suggestion.country_id) == (
        "Ingrid Dahl",
        "Foreign Minister",
        "NO",
    )
    assert set(suggestion.surface_forms) == {"Ingrid Dahl", "Dahl"}
    assert suggestion.status == "pending"
    assert suggestion.actor.editorial_status == DRAFT

    quote = Statement.objects.get(article=article, speaker=weber)
    assert quote.text == "We agreed to meet again before the summer,"
    assert article.body[quote.start : quote.end] == quote.text
    assert quote.meeting == meeting and quote.said_on == dt.date(2024, 3, 7)
    assert Statement.objects.get(article=article, speaker=suggestion.actor).kind == "partial"
    article.refresh_from_db()
    assert article.extracted_at is not None


def test_re_running_the_same_proposal_adds_nothing(article, weber):
    apply(article, weber)
    before = counts()
    summary = apply(article, weber)
    assert counts() == before
    assert (summary.meetings_created, summary.statements_created) == (0, 0)
    assert (summary.meetings_updated, summary.statements_updated) == (0, 0)
    assert summary.suggestions_created == 0


def test_a_re_run_refreshes_untouched_drafts(article, weber):
    apply(article, weber)
    apply(article, weber, day=dt.date(2024, 3, 6), kind="talks")
    meeting = the_meeting(article)
    assert (meeting.kind, meeting.start_date) == ("talks", dt.date(2024, 3, 6))
    assert Meeting.objects.count() == 1


def test_a_re_run_never_changes_accepted_rejected_or_edited_rows(article, weber):
    apply(article, weber)
    meeting = the_meeting(article)
    services.meeting_accept(meeting=meeting, article=article)
    weber_quote = Statement.objects.get(article=article, speaker=weber)
    services.statement_set_status(statement=weber_quote, editorial_status=REJECTED)
    dahl_quote = Statement.objects.exclude(speaker=weber).get(article=article)
    dahl_quote.kind = "direct"  # an editor's correction, still a draft
    dahl_quote.save()

    before = counts()
    summary = apply(article, weber, day=dt.date(2024, 3, 1), kind="summit")

    assert counts() == before
    assert summary.meetings_kept == 1 and summary.statements_kept == 2
    meeting.refresh_from_db()
    assert (meeting.kind, meeting.start_date, meeting.editorial_status) == (
        "meeting",
        dt.date(2024, 3, 7),
        PUBLISHED,
    )
    weber_quote.refresh_from_db()
    assert weber_quote.editorial_status == REJECTED
    dahl_quote.refresh_from_db()
    assert dahl_quote.kind == "direct"


def test_drafts_no_longer_proposed_are_removed_but_reviewed_rows_stay(article, weber):
    apply(article, weber)
    services.statement_accept(
        statement=Statement.objects.select_related("speaker", "via", "article").get(
            article=article, speaker=weber
        )
    )
    article.refresh_from_db()
    summary = services.proposal_apply(article=article, proposal=services_empty_proposal())
    assert summary.meetings_removed == 1 and summary.statements_removed == 1
    assert not Meeting.objects.exists()
    assert Statement.objects.get().speaker == weber


def services_empty_proposal():
    from meetings.extraction import Proposal

    return Proposal()


def test_accepting_a_suggestion_creates_the_actor_with_aliases_and_position(article, weber):
    apply(article, weber)
    suggestion = ActorSuggestion.objects.get(article=article)

    actor = services.suggestion_accept(suggestion=suggestion, title="Minister of Foreign Affairs")

    assert actor.editorial_status == PUBLISHED
    assert (actor.name, actor.kind, actor.country_id) == ("Ingrid Dahl", "person", "NO")
    assert set(actor.aliases.values_list("text", flat=True)) == {"Ingrid Dahl", "Dahl"}
    position = Position.objects.get(actor=actor)
    assert (position.title, position.country_id) == ("Minister of Foreign Affairs", "NO")
    assert position.start_date == article.published_on
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted" and suggestion.actor == actor
    # The draft rows already name the actor; a re-run still adds nothing.
    assert the_meeting(article).participations.filter(actor=actor).exists()
    before = counts()
    apply(article, weber)
    assert counts() == before


def test_accepting_a_meeting_accepts_its_suggested_participants(article, weber):
    apply(article, weber)
    services.meeting_accept(meeting=the_meeting(article), article=article)
    dahl = Actor.objects.get(name="Ingrid Dahl")
    assert dahl.editorial_status == PUBLISHED
    assert dahl.positions.get().title == "Foreign Minister"


def test_linking_a_suggestion_to_an_existing_actor_adds_an_alias_and_moves_rows(article, weber):
    known = factories.actor("Ingrid Marie Dahl", country_code="NO")
    apply(article, weber)
    suggestion = ActorSuggestion.objects.get(article=article)
    draft = suggestion.actor

    services.suggestion_link(suggestion=suggestion, actor=known)

    assert not Actor.objects.filter(pk=draft.pk).exists()
    assert "ingrid dahl" in set(known.aliases.values_list("normalized", flat=True))
    assert the_meeting(article).participations.filter(actor=known).exists()
    assert Statement.objects.filter(article=article, speaker=known).count() == 1
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.actor) == ("accepted", known)
    before = counts()
    apply(article, weber)  # the name is still "unknown" to this hand-built proposal
    assert counts() == before
    assert the_meeting(article).participations.filter(actor=known).exists()


def test_a_rejected_suggestion_leaves_the_drafts_and_stays_out_on_re_run(article, weber):
    apply(article, weber)
    suggestion = ActorSuggestion.objects.get(article=article)
    services.suggestion_reject(suggestion=suggestion)

    assert suggestion.actor.editorial_status == REJECTED
    meeting = the_meeting(article)
    assert list(meeting.participations.values_list("actor", flat=True)) == [weber.pk]
    apply(article, weber)
    assert list(meeting.participations.values_list("actor", flat=True)) == [weber.pk]
    assert ActorSuggestion.objects.filter(article=article).count() == 1
    assert not Statement.objects.filter(
        article=article, speaker=suggestion.actor, editorial_status=DRAFT
    ).exists()


def test_a_rejected_link_is_remembered_and_the_next_extraction_respects_it(article, weber):
    # The real pipeline: its mention resolution is what must honour the rejected link.
    services.article_extract(article=article)
    assert the_meeting(article).participations.filter(actor=weber).exists()

    services.link_reject(article=article, actor=weber, surface="Karl Weber")

    assert RejectedLink.objects.filter(normalized="karl weber", actor=weber).exists()
    assert knowledge_base_build().is_rejected("Karl Weber", weber.pk)
    assert knowledge_base().is_rejected("Karl Weber", weber.pk)
    meeting = the_meeting(article)
    assert not meeting.participations.filter(actor=weber).exists()
    names = set(ActorSuggestion.objects.filter(article=article).values_list("name", flat=True))
    assert names == {"Ingrid Dahl", "Karl Weber"}


def test_publishing_an_article_publishes_its_accepted_rows_only(article, weber):
    apply(article, weber)
    meeting = the_meeting(article)
    services.meeting_accept(meeting=meeting, article=article)
    draft_quote = Statement.objects.get(article=article, speaker=weber)

    services.article_publish(article=article)

    meeting.refresh_from_db()
    assert meeting.is_public
    assert set(meeting.participations.values_list("is_public", flat=True)) == {True}
    assert Meeting.objects.published().get() == meeting
    draft_quote.refresh_from_db()
    assert draft_quote.editorial_status == DRAFT and not draft_quote.is_public
    assert not Statement.objects.published().exists()


def test_accept_all_confident_accepts_only_proposals_above_the_threshold(article, weber):
    apply(article, weber)
    done = services.article_accept_confident(article=article)
    assert done == {"meetings": 1, "statements": 1, "actors": 1}
    assert the_meeting(article).editorial_status == PUBLISHED
    statuses = dict(
        Statement.objects.filter(article=article).values_list("confidence", "editorial_status")
    )
    assert statuses == {0.9: PUBLISHED, 0.6: DRAFT}


def test_the_knowledge_base_is_read_in_a_constant_number_of_queries(
    django_assert_num_queries, weber
):
    for n in range(5):
        actor = factories.actor(f"Envoy Number{n}", country_code="AT")
        services.alias_add(actor=actor, text=f"the envoy {n}")
        services.position_add(actor=actor, title="Envoy", country="AT")
    with django_assert_num_queries(4):
        kb = knowledge_base_build()
    actor = kb.actor(weber.pk)
    assert actor.name == "Karl Weber" and actor.country == "AT"
    envoy = next(a for a in kb.actors if a.name == "Envoy Number0")
    assert {a.text for a in envoy.aliases} == {"Envoy Number0", "the envoy 0"}
    assert envoy.positions[0].title == "Envoy"


def test_rejected_actors_are_not_in_the_knowledge_base(weber):
    weber.editorial_status = REJECTED
    weber.save()
    assert knowledge_base_build().actor(weber.pk) is None


def test_meetings_and_quotes_already_recorded_for_the_article_are_not_proposed_again(
    article, weber
):
    dahl = factories.actor("Ingrid Dahl", country_code="NO")
    body = article.body
    sentence_start = body.index("Austrian Foreign Minister")
    hand_made = factories.meeting(
        source=article, participants=[weber, dahl], start_date=dt.date(2024, 3, 7)
    )
    services.visibility_refresh(meeting_ids=[hand_made.pk])
    Evidence.objects.filter(meeting=hand_made).update(start=sentence_start, end=sentence_start + 30)
    quote_start = body.index("We agreed")
    services.statement_create(
        speaker=weber, article=article, start=quote_start, end=quote_start + 9
    )

    summary = apply(article, weber, dahl_id=dahl.pk)

    assert summary.meetings_matched == 1 and summary.meetings_created == 0
    assert Meeting.objects.count() == 1
    assert Statement.objects.filter(speaker=weber).count() == 1


def test_a_meeting_reported_by_a_second_article_is_proposed_as_the_same(article, weber):
    dahl = factories.actor("Ingrid Dahl", country_code="NO")
    earlier = factories.meeting(participants=[weber, dahl], start_date=dt.date(2024, 3, 7))

    summary = apply(article, weber, dahl_id=dahl.pk)

    assert summary.meetings_created == 1
    assert the_meeting(article).same_as == earlier  # the editor confirms it in the review
    before = counts()
    apply(article, weber, dahl_id=dahl.pk)
    assert counts() == before


def test_an_import_run_fuses_a_second_report_into_the_recorded_meeting(article, weber):
    dahl = factories.actor("Ingrid Dahl", country_code="NO")
    earlier = factories.meeting(participants=[weber, dahl], start_date=dt.date(2024, 3, 7))

    article.refresh_from_db()
    proposal = build_proposal(article, weber, dahl_id=dahl.pk)
    summary = services.proposal_apply(article=article, proposal=proposal, fuse=True)

    assert (summary.meetings_matched, summary.meetings_created) == (1, 0)
    assert Meeting.objects.count() == 1
    assert set(earlier.evidence.values_list("article_id", flat=True)) >= {article.pk}
    before = counts()
    apply(article, weber, dahl_id=dahl.pk)
    assert counts() == before


def test_a_shorter_name_of_a_suggested_actor_is_not_suggested_again(article, weber):
    apply(article, weber)
    proposal = build_proposal(article, weber)
    proposal.actors[1].name = "Dahl"  # this run resolved the surname on its own
    proposal.meetings[0].participants[1].name = "Dahl"
    before = counts()
    article.refresh_from_db()
    services.proposal_apply(article=article, proposal=proposal)
    assert counts() == before
    dahl = Actor.objects.get(name="Ingrid Dahl")
    assert the_meeting(article).participations.filter(actor=dahl).exists()


def test_when_the_text_changes_reviewed_rows_keep_pointing_at_their_sentences(article, weber):
    apply(article, weber)
    meeting = the_meeting(article)
    services.meeting_accept(meeting=meeting, article=article)
    quote = Statement.objects.get(article=article, speaker=weber)
    services.statement_set_status(statement=quote, editorial_status=PUBLISHED)
    old_body = article.body
    article.body = "Updated 9 March: a correction was added below.\n\n" + old_body
    article.save()

    assert services.article_spans_reanchor(article=article, old_body=old_body) == 0

    evidence = meeting.evidence.get()
    assert evidence.sentence == old_body.split("\n\n")[0]
    quote.refresh_from_db()
    assert article.body[quote.start : quote.end] == quote.text
    # The pipeline now proposes the same things 48 characters later: nothing is added.
    before = counts()
    apply(article, weber)
    assert counts() == before


def test_a_reviewed_row_whose_text_is_gone_is_reported(article, weber):
    apply(article, weber)
    services.meeting_accept(meeting=the_meeting(article), article=article)
    old_body = article.body
    article.body = "A different story altogether."
    article.save()
    assert services.article_spans_reanchor(article=article, old_body=old_body) == 1


def test_only_names_become_aliases_of_an_accepted_actor(article, weber):
    apply(article, weber)
    suggestion = ActorSuggestion.objects.get(article=article)
    suggestion.surface_forms = [
        "Ingrid Dahl",
        "Ingrid M. Dahl",
        "Mrs. Dahl",
        "Dahl",
        "the Norwegian foreign minister",
    ]
    suggestion.save()
    actor = services.suggestion_accept(suggestion=suggestion)
    # The surname the text used is kept (the next article saying "Dahl" finds her); the
    # honorific form and the description are not names.
    assert set(actor.aliases.values_list("text", flat=True)) == {
        "Ingrid Dahl",
        "Ingrid M. Dahl",
        "Dahl",
    }
