"""One meeting, many reports (issue 13): five reports of one meeting and one of another a
month later give two meetings, through the admin review and through
``import_articles --extract``; the meeting page names its sources, says where they
disagree and groups what was said by side."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from meetings import services
from meetings.models import Article, Evidence, Meeting, MeetingFact, Statement
from tests import fusion_corpus as corpus

pytestmark = pytest.mark.django_db


def review(client, article, action):
    url = reverse("admin:meetings_article_review", args=[article.pk])
    response = client.post(url, {"action": action})
    assert response.status_code == 302, response.content[:500]
    return response


def the_draft(article) -> Meeting:
    return Meeting.objects.get(evidence__article=article, editorial_status="draft")


def sources(meeting) -> set[str]:
    return set(Article.objects.filter(evidence__meeting=meeting).values_list("outlet", flat=True))


def assert_two_meetings_the_first_with_five_sources():
    first, later = Meeting.objects.order_by("start_date")
    assert Meeting.objects.count() == 2
    assert first.start_date == corpus.THE_DAY
    assert Evidence.objects.filter(meeting=first).values("article").distinct().count() == 5
    assert sources(first) == {r["outlet"] for r in corpus.REPORTS}
    assert later.start_date.month == 4
    assert sources(later) == {corpus.LATER["outlet"]}
    # Each report's statements went with it to the one meeting.
    assert set(Statement.objects.values_list("meeting_id", flat=True)) == {first.pk}
    # What each source says of the date: one of them the next day.
    days = MeetingFact.objects.filter(meeting=first, field="date")
    assert sorted(days.values_list("value", flat=True)) == ["2025-03-14"] * 4 + ["2025-03-15"]
    return first, later


def test_the_review_proposes_same_as_and_five_reports_make_one_meeting(editor_client):
    corpus.knowledge()
    articles = []
    for n, report in enumerate(corpus.REPORTS):
        article = corpus.article(report)
        services.article_extract(article=article)
        draft = the_draft(article)
        if n == 0:
            assert draft.same_as is None
            review(editor_client, article, f"meeting-accept:{draft.pk}")
        else:
            page = editor_client.get(reverse("admin:meetings_article_change", args=[article.pk]))
            html = page.content.decode()
            first = Meeting.objects.get(evidence__article=articles[0])
            assert draft.same_as == first
            assert f'Same as: <a href="/admin/meetings/meeting/{first.pk}/change/">' in html
            assert f"reported by {n} source{'s' if n > 1 else ''}" in html
            assert "A different meeting" in html
            review(editor_client, article, f"meeting-same:{draft.pk}")
        for statement in article.statements.all():
            review(editor_client, article, f"statement-accept:{statement.pk}")
        review(editor_client, article, "publish")
        articles.append(article)
    later = corpus.article(corpus.LATER)
    services.article_extract(article=later)
    draft = the_draft(later)
    assert draft.same_as is None  # a month later: another meeting
    review(editor_client, later, f"meeting-accept:{draft.pk}")
    review(editor_client, later, "publish")

    first, _ = assert_two_meetings_the_first_with_five_sources()
    assert first.is_public and first.editorial_status == "published"


def test_a_different_meeting_keeps_the_report_apart(editor_client):
    corpus.knowledge()
    one, two = (corpus.article(r) for r in corpus.REPORTS[:2])
    for article in (one, two):
        services.article_extract(article=article)
    review(editor_client, one, f"meeting-accept:{the_draft(one).pk}")
    draft = the_draft(two)
    assert draft.same_as is not None

    review(editor_client, two, f"meeting-accept:{draft.pk}")

    draft.refresh_from_db()
    assert draft.editorial_status == "published" and draft.same_as is None
    assert Meeting.objects.count() == 2
    services.article_extract(article=two)  # a re-run leaves the editor's decision
    assert Meeting.objects.count() == 2


def test_import_extract_makes_one_meeting_with_five_sources(tmp_path):
    corpus.knowledge()
    path = tmp_path / "reports.jsonl"
    rows = [
        {
            **r,
            "published_on": r["published_on"].isoformat(),
            "text": r["body"],
            "dateline": r["body"].split(" — ", 1)[0],
        }  # fmt: skip
        for r in [*corpus.REPORTS, corpus.LATER]
    ]
    path.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "body"}) + "\n"
                            for r in rows))  # fmt: skip
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", str(path), "--extract", stdout=out, stderr=err)
    assert "Imported 6" in out.getvalue(), (out.getvalue(), err.getvalue())

    assert_two_meetings_the_first_with_five_sources()


def publish_all():
    """Accept every proposal and publish every article (the editor's work, done at once)."""
    for meeting in Meeting.objects.filter(editorial_status="draft"):
        services.meeting_accept(meeting=meeting)
    for statement in Statement.objects.filter(editorial_status="draft"):
        services.statement_accept(statement=statement)
    for article in Article.objects.all():
        services.article_publish(article=article)


@pytest.fixture
def fused(tmp_path):
    corpus.knowledge()
    for report in [*corpus.REPORTS, corpus.LATER]:
        services.article_extract(article=corpus.article(report), fuse=True)
    publish_all()
    return Meeting.objects.order_by("start_date").first()


def test_the_meeting_page_names_its_sources_their_disagreement_and_each_sides_words(
    client, fused, django_assert_num_queries
):
    with django_assert_num_queries(7):
        html = client.get(fused.get_absolute_url()).content.decode()

    assert "5 sources" in html
    assert "Sources disagree on the date:" in html
    disagreement = html[html.index("Sources disagree on the date:") :].split("</p>", 1)[0]
    assert "<strong>14 March 2025</strong> (shown)" in disagreement
    assert "<strong>15 March 2025</strong> — <a" in disagreement
    assert "Andes Press" in disagreement.split("15 March 2025", 1)[1]
    assert "Andes Press" not in disagreement.split("15 March 2025", 1)[0]

    said = html[html.index("What each side said") :]
    norway, chile = said.index('<h3 id="side-1">Norway</h3>'), said.index(">Chile</h3>")
    assert norway < said.index("the same worries") < chile < said.index("side by side")
    assert "source: <a" in said and "Norwegian Ministry of Foreign Affairs" in said


def test_the_meeting_pages_query_count_does_not_grow_with_its_sources(
    client, fused, django_assert_num_queries
):
    extra = corpus.article(
        {
            **corpus.REPORTS[2],
            "url": "https://example.org/more",
            "outlet": "More Wire",
            "title": "More",
            "body": corpus.REPORTS[2]["body"] + " More followed.",
        }  # fmt: skip
    )
    services.article_extract(article=extra, fuse=True)
    publish_all()
    assert Evidence.objects.filter(meeting=fused).values("article").distinct().count() == 6
    with django_assert_num_queries(7):
        html = client.get(fused.get_absolute_url()).content.decode()
    assert "6 sources" in html


def test_the_editor_picks_the_date_shown_where_sources_disagree(fused, client):
    other_day = MeetingFact.objects.get(meeting=fused, field="date", value="2025-03-15")

    services.meeting_fact_choose(fact=other_day)

    fused.refresh_from_db()
    assert fused.start_date == corpus.THE_OTHER_DAY
    assert set(fused.participations.values_list("date", flat=True)) == {corpus.THE_OTHER_DAY}
    html = client.get(fused.get_absolute_url()).content.decode()
    assert "<strong>15 March 2025</strong> (shown)" in html


def test_the_editor_picks_the_value_shown_in_the_meetings_admin_page(fused, editor_client):
    change = reverse("admin:meetings_meeting_change", args=[fused.pk])
    html = editor_client.get(change).content.decode()
    other_day = MeetingFact.objects.get(meeting=fused, field="date", value="2025-03-15")
    show = reverse("admin:meetings_meeting_fact_show", args=[fused.pk, other_day.pk])
    assert f'formaction="{show}"' in html
    assert html.count("Show this value") == 1  # the other values are the ones shown

    response = editor_client.post(show)

    assert response.status_code == 302 and response.url == change
    fused.refresh_from_db()
    assert fused.start_date == corpus.THE_OTHER_DAY
    assert f'formaction="{show}"' not in editor_client.get(change).content.decode()
