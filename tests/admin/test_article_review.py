"""The article page in the admin: paste or upload, extraction on save, review and publish."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import services
from meetings.extraction import Proposal
from meetings.models import (
    Actor,
    ActorSuggestion,
    Article,
    EditorialStatus,
    Meeting,
    Position,
    RejectedLink,
    Statement,
)
from tests import factories
from tests.proposals import BODY, use_pipeline

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:meetings_article_add")

HTML = """<!doctype html><html><head><title>Austria and Norway talk fisheries</title></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe now</nav>
<main><article><h1>Austria and Norway talk fisheries</h1>
<p>VIENNA, March 8 — Austrian Foreign Minister Karl Weber met Norwegian Foreign Minister
Ingrid Dahl in Vienna on Thursday to discuss fisheries and the future of the northern seas.</p>
<p>“We agreed to meet again before the summer,” Weber told reporters after the talks, which
lasted for more than three hours at the ministry on the Minoritenplatz.</p>
</article></main>
<footer>© 2024 Example Daily. All rights reserved. Cookie settings.</footer></body></html>"""


def change_url(article):
    return reverse("admin:meetings_article_change", args=[article.pk])


def review_url(article):
    return reverse("admin:meetings_article_review", args=[article.pk])


def add_form(**fields):
    data = {
        "title": "",
        "body": "",
        "outlet": "Example Daily",
        "url": "",
        "dateline": "VIENNA, March 8",
        "published_on": "2024-03-08",
        "language": "en",
        "slug": "",
        "editorial_status": "draft",
        "_save": "Save",
    }
    data.update(fields)
    return data


def test_saving_a_pasted_article_runs_extraction_and_opens_the_review(editor_client, fake_pipeline):
    response = editor_client.post(ADD_URL, add_form(title="Fisheries talks", body=BODY))

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == change_url(article) + "#review"
    assert article.slug == "fisheries-talks-2024-03-08"
    assert article.extracted_at is not None
    assert Meeting.objects.filter(evidence__article=article, editorial_status="draft").count() == 1
    assert ActorSuggestion.objects.get(article=article).name == "Ingrid Dahl"


def test_an_uploaded_html_page_is_reduced_to_its_main_text(editor_client, fake_pipeline):
    upload = SimpleUploadedFile("story.html", HTML.encode(), content_type="text/html")
    response = editor_client.post(ADD_URL, add_form(upload=upload))

    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert article.title == "Austria and Norway talk fisheries"
    assert "Karl Weber met Norwegian Foreign Minister" in article.body
    assert "We agreed to meet again before the summer" in article.body
    for chrome in ("Subscribe", "Cookie", "All rights reserved", "<p>"):
        assert chrome not in article.body
    assert article.extracted_at is not None


def test_an_uploaded_text_file_becomes_the_body(editor_client, fake_pipeline):
    upload = SimpleUploadedFile("story.txt", BODY.encode(), content_type="text/plain")
    editor_client.post(ADD_URL, add_form(title="From a file", upload=upload))
    assert Article.objects.get().body == BODY


def test_other_files_and_empty_articles_are_refused(editor_client, fake_pipeline):
    upload = SimpleUploadedFile("story.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = editor_client.post(ADD_URL, add_form(title="A", upload=upload))
    assert response.status_code == 200
    assert "Upload a .txt or .html file." in response.content.decode()
    response = editor_client.post(ADD_URL, add_form(title="B"))
    assert "Paste the article" in response.content.decode()
    assert not Article.objects.exists()


def test_the_same_text_is_refused_a_second_time(editor_client, fake_pipeline):
    editor_client.post(ADD_URL, add_form(title="First", body=BODY))
    response = editor_client.post(ADD_URL, add_form(title="Second", body=BODY + "\n"))
    assert response.status_code == 200
    assert "This text is already stored" in response.content.decode()
    assert Article.objects.count() == 1


@pytest.fixture
def extracted(article, fake_pipeline):
    services.article_extract(article=article)
    article.refresh_from_db()
    return article


def test_the_review_shows_the_text_with_highlights_linked_to_the_rows(editor_client, extracted):
    meeting = Meeting.objects.get()
    quote = Statement.objects.get(speaker__name="Karl Weber")
    suggestion = ActorSuggestion.objects.get()
    html = editor_client.get(change_url(extracted)).content.decode()

    assert 'id="review"' in html
    assert f'href="#meeting-{meeting.pk}"' in html and f'id="meeting-{meeting.pk}"' in html
    assert f'id="at-statement-{quote.pk}"' in html
    assert 'class="hl-quote' in html or "hl-quote" in html
    assert "hl-new-actor" in html and f'href="#suggestion-{suggestion.pk}"' in html
    assert "hl-actor" in html  # Karl Weber, a known actor
    assert "Accept all confident proposals (3)" in html
    assert 'value="link-reject:' in html


def test_the_review_page_query_count_does_not_grow_with_rows(editor_client, extracted):
    def grow():
        other = factories.actor(country_code="NO")
        factories.meeting(source=extracted, participants=[other, Actor.objects.first()])
        factories.statement(source=extracted, speaker=other, published=False)
        ActorSuggestion.objects.create(article=extracted, name=f"Somebody {other.pk}")

    def queries():
        editor_client.get(change_url(extracted))  # warms the knowledge-base snapshot
        with CaptureQueriesContext(connection) as ctx:
            assert editor_client.get(change_url(extracted)).status_code == 200
        return len(ctx.captured_queries)

    grow()
    few = queries()
    for _ in range(4):
        grow()
    assert queries() == few


def post(client, article, action, **extra):
    return client.post(review_url(article), {"action": action, **extra})


def test_editor_accepts_a_meeting_and_a_suggested_actor_then_publishes(editor_client, extracted):
    meeting = Meeting.objects.get()
    suggestion = ActorSuggestion.objects.get()

    response = post(
        editor_client,
        extracted,
        f"suggestion-accept:{suggestion.pk}",
        name="Ingrid Dahl",
        title="Minister of Foreign Affairs",
        country="no",
        kind="person",
    )
    assert response.status_code == 302
    assert response["Location"] == change_url(extracted) + f"#suggestion-{suggestion.pk}"
    post(editor_client, extracted, f"meeting-accept:{meeting.pk}")
    post(editor_client, extracted, "publish")

    dahl = Actor.objects.get(name="Ingrid Dahl")
    assert (dahl.editorial_status, dahl.country_id) == ("published", "NO")
    assert Position.objects.get(actor=dahl).title == "Minister of Foreign Affairs"
    meeting.refresh_from_db()
    assert meeting.is_public and meeting.editorial_status == "published"
    assert set(meeting.participants.values_list("name", flat=True)) == {"Karl Weber", dahl.name}
    extracted.refresh_from_db()
    assert extracted.editorial_status == "published"
    assert not Statement.objects.filter(is_public=True).exists()  # not accepted: still drafts


def test_editor_links_a_suggestion_to_an_existing_actor(editor_client, extracted):
    known = factories.actor("Ingrid Marie Dahl", country_code="NO")
    suggestion = ActorSuggestion.objects.get()
    post(
        editor_client,
        extracted,
        f"suggestion-link:{suggestion.pk}",
        **{f"s{suggestion.pk}-actor": known.pk},
    )
    suggestion.refresh_from_db()
    assert suggestion.actor == known and suggestion.status == "accepted"
    assert known.aliases.filter(normalized="ingrid dahl").exists()


def test_editor_rejects_a_statement_and_a_suggestion(editor_client, extracted):
    quote = Statement.objects.get(speaker__name="Karl Weber")
    suggestion = ActorSuggestion.objects.get()
    post(editor_client, extracted, f"statement-reject:{quote.pk}")
    post(editor_client, extracted, f"suggestion-reject:{suggestion.pk}")
    quote.refresh_from_db()
    suggestion.refresh_from_db()
    assert quote.editorial_status == EditorialStatus.REJECTED
    assert suggestion.status == "rejected"
    post(editor_client, extracted, "rerun")
    assert Statement.objects.filter(speaker__name="Karl Weber").count() == 1
    quote.refresh_from_db()
    assert quote.editorial_status == EditorialStatus.REJECTED


def test_editor_refuses_a_link_and_it_is_remembered(editor_client, article, weber):
    # The real pipeline, before and after: its mention resolution honours the refusal.
    services.article_extract(article=article)
    extracted = article
    assert Meeting.objects.get().participations.filter(actor=weber).exists()
    post(editor_client, extracted, f"link-reject:{weber.pk}:Karl Weber")
    assert RejectedLink.objects.filter(actor=weber, normalized="karl weber").exists()
    assert not Meeting.objects.get().participations.filter(actor=weber).exists()
    # The quote was re-proposed for the right (new) person, as a draft, not rejected.
    quote = Statement.objects.get(text__startswith="We agreed")
    assert quote.speaker.name == "Karl Weber" and quote.speaker != weber
    assert quote.editorial_status == "draft"


def test_accept_all_confident_from_the_page(editor_client, extracted):
    post(editor_client, extracted, "accept-confident")
    assert Meeting.objects.get().editorial_status == "published"
    assert Statement.objects.filter(editorial_status="published").count() == 1


def test_rows_of_other_articles_cannot_be_touched_from_this_page(editor_client, extracted):
    other = factories.meeting(published=False)
    response = post(editor_client, extracted, f"meeting-accept:{other.pk}")
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.editorial_status == "draft"


def test_readers_cannot_post_review_decisions(client, django_user_model, extracted):
    user = django_user_model.objects.create_user(username="r", password="pw-long-enough-1")
    client.force_login(user)
    meeting = Meeting.objects.get()
    post(client, extracted, f"meeting-accept:{meeting.pk}")
    meeting.refresh_from_db()
    assert meeting.editorial_status == "draft"


def test_changing_the_text_re_extracts(editor_client, extracted, fake_pipeline):
    data = add_form(
        title=extracted.title,
        body=extracted.body + "\n\nMore text.",
        slug=extracted.slug,
        published_on=dt.date(2024, 3, 8).isoformat(),
    )
    before = extracted.extracted_at
    response = editor_client.post(change_url(extracted), data)
    assert response.status_code == 302
    extracted.refresh_from_db()
    assert extracted.extracted_at > before
    assert Meeting.objects.count() == 1


def test_edit_from_the_review_returns_to_the_card_and_the_edit_survives_a_re_run(
    editor_client, extracted
):
    meeting = Meeting.objects.get()
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    page = editor_client.get(change_url(extracted)).content.decode()
    assert f"{url}?review={extracted.pk}" in page
    data = {
        "title": meeting.title,
        "slug": meeting.slug,
        "kind": "talks",
        "status": "held",
        "start_date": "2024-03-07",
        "date_precision": "day",
        "city": "Vienna",
        "country": "AT",
        "summary": "",
        "editorial_status": "draft",
        "_save": "Save",
    }
    for prefix in ("participations", "participations-2", "evidence", "evidence-2", "statements"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = editor_client.post(f"{url}?review={extracted.pk}", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == change_url(extracted) + f"#meeting-{meeting.pk}"
    assert ">edited<" in editor_client.get(change_url(extracted)).content.decode()
    post(editor_client, extracted, "rerun")
    meeting.refresh_from_db()
    assert meeting.kind == "talks"


def test_the_article_list_shows_and_filters_what_is_left_to_review(editor_client, extracted):
    done = factories.article(title="Nothing left here")
    services.proposal_apply(article=done, proposal=Proposal())
    never = factories.article(title="Never extracted")
    changelist = reverse("admin:meetings_article_changelist")

    def titles(review):
        response = editor_client.get(changelist, {"review": review})
        return {a.title for a in response.context["cl"].result_list}

    assert titles("pending") == {extracted.title}
    assert titles("done") == {done.title}
    assert never.title in titles("never") and extracted.title not in titles("never")
    row = next(
        a for a in editor_client.get(changelist).context["cl"].result_list if a.pk == extracted.pk
    )
    assert row._to_review_n == 4  # a meeting, two statements, one suggested actor


def test_editing_an_alias_refreshes_the_knowledge_base(editor_client, weber):
    from meetings.knowledge import knowledge_base

    alias = weber.aliases.get()
    assert knowledge_base().actor(weber.pk).aliases[0].text == "Karl Weber"
    response = editor_client.post(
        reverse("admin:meetings_alias_change", args=[alias.pk]),
        {"actor": weber.pk, "text": "Karl F. Weber", "valid_from": "", "valid_to": ""},
    )
    assert response.status_code == 302
    assert knowledge_base().actor(weber.pk).aliases[0].text == "Karl F. Weber"


def test_a_suggestion_offers_known_actors_with_the_same_surname_to_link_in_one_click(
    editor_client, extracted
):
    known = factories.actor("Ingrid Marie Dahl", country_code="NO")
    factories.actor("Ingrid Dahl Group", country_code="NO", kind="organization")  # not a person
    factories.actor("Olav Dahl", country_code="NO")  # another person of that name
    suggestion = ActorSuggestion.objects.get()
    html = editor_client.get(change_url(extracted)).content.decode()
    assert f'name="s{suggestion.pk}-actor" value="{known.pk}"' in html
    assert "Olav Dahl" not in html and "Ingrid Dahl Group" not in html

    post(
        editor_client,
        extracted,
        f"suggestion-link:{suggestion.pk}",
        **{f"s{suggestion.pk}-actor": known.pk},
    )
    suggestion.refresh_from_db()
    assert suggestion.actor == known


def test_publishing_from_the_meeting_list_accepts_its_suggested_participants(
    editor_client, extracted
):
    meeting = Meeting.objects.get()
    editor_client.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "publish", "_selected_action": [meeting.pk]},
    )
    dahl = Actor.objects.get(name="Ingrid Dahl")
    assert dahl.editorial_status == "published"
    assert ActorSuggestion.objects.get().status == "accepted"
    assert dahl.positions.get().title == "Foreign Minister"


def test_a_view_only_user_sees_the_review_without_buttons(client, django_user_model, extracted):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        username="viewer", password="pw-long-enough-1", is_staff=True
    )
    user.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    client.force_login(user)
    html = client.get(change_url(extracted)).content.decode()
    assert "hl-meeting" in html
    assert 'name="action"' not in html


def test_a_failing_extractor_never_breaks_saving_or_the_review(
    editor_client, extracted, monkeypatch
):
    def broken(*, article, kb=None):
        raise RuntimeError("pipeline exploded")

    use_pipeline(monkeypatch, broken)
    html = editor_client.get(change_url(extracted)).content.decode()
    assert "The extractor failed on this text: pipeline exploded" in html
    assert "hl-meeting" in html  # the stored rows are still highlighted
    response = editor_client.post(
        ADD_URL, add_form(title="Other", body="Another text."), follow=True
    )
    assert (
        "Extraction failed (pipeline exploded); the article is saved." in response.content.decode()
    )
    assert Article.objects.filter(title="Other").exists()


def test_an_article_not_in_english_says_so_on_saving_and_on_its_review(editor_client, weber):
    body = (
        "Министр иностранных дел встретился со своим коллегой в столице во вторник. Стороны "
        "обсудили торговлю, энергетику и безопасность в регионе, сообщило министерство."
    )
    response = editor_client.post(ADD_URL, add_form(title="Встреча", body=body), follow=True)

    note = "This article looks like Russian; extraction reads English."
    html = response.content.decode()
    assert f"— {note}" in html  # the message after saving
    assert f'<p class="errornote review-note" role="status">{note}</p>' in html  # the review
    article = Article.objects.get(title="Встреча")
    assert not Meeting.objects.filter(evidence__article=article).exists()
    assert not article.suggestions.exists()
