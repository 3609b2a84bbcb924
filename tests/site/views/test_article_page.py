"""An article's page: its text with the spans marked (meetings/site/views/articles.py)."""

from tests import factories


def test_article_page_highlights_and_links_evidence_and_statement_spans(client, world):
    response = client.get(world.article.get_absolute_url())
    html = response.content.decode()
    evidence = world.moscow.evidence.get()
    assert f'<mark id="e{evidence.pk}" class="span span-meeting">' in html
    assert f'<mark id="s{world.statement.pk}" class="span span-statement">' in html
    assert world.moscow.get_absolute_url() in html
    assert world.statement.get_absolute_url() in html


def test_article_body_is_escaped(client, world):
    article = factories.article(body="<script>alert(1)</script> Li met Putin.")
    meeting = factories.meeting(participants=[world.li, world.putin], source=article)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert meeting.get_absolute_url() in html
