"""An article's page: its text with every supporting span marked and linked."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from meetings.models import Article


def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.published(), slug=slug)
    evidence = list(
        article.evidence.filter(meeting__is_public=True).select_related("meeting").order_by("start")
    )
    statements = list(article.statements.published().select_related("speaker").order_by("start"))
    spans = sorted(
        [
            {
                "start": e.start,
                "end": e.end,
                "anchor": f"e{e.pk}",
                "url": e.meeting.get_absolute_url(),
                "label": f"Meeting: {e.meeting.title}",
                "kind": "meeting",
            }
            for e in evidence
        ]
        + [
            {
                "start": s.start,
                "end": s.end,
                "anchor": f"s{s.pk}",
                "url": s.get_absolute_url(),
                "label": f"Statement by {s.speaker.name}",
                "kind": "statement",
            }
            for s in statements
        ],
        key=lambda span: (span["start"], span["end"]),
    )
    for number, span in enumerate(spans, start=1):
        span["number"] = number
    return render(
        request,
        "meetings/article_detail.html",
        {"article": article, "spans": spans},
    )
