"""An article's page: its text with every supporting span marked and linked."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from meetings import cache
from meetings.models import Article
from meetings.site.highlight import article_spans


def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.published(), slug=slug)
    cache.shows(request, cache.article(article.pk))
    return render(
        request,
        "meetings/article_detail.html",
        {"article": article, "spans": article_spans(article)},
    )
