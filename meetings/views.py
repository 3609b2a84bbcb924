"""Public pages. Placeholders until the public-site work lands; only published rows."""

from django.shortcuts import get_object_or_404, render

from meetings.models import Actor, Article, Country, Meeting, Statement


def home(request):
    meetings = Meeting.objects.published().for_list().newest_first()[:20]
    return render(request, "meetings/home.html", {"meetings": meetings})


def meeting_detail(request, slug):
    meeting = get_object_or_404(Meeting.objects.published().for_list(), slug=slug)
    return render(request, "meetings/meeting_detail.html", {"meeting": meeting})


def actor_detail(request, slug):
    actor = get_object_or_404(Actor.objects.published().for_detail(), slug=slug)
    return render(request, "meetings/actor_detail.html", {"actor": actor})


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    return render(request, "meetings/article_detail.html", {"article": article})


def statement_detail(request, pk):
    statement = get_object_or_404(Statement.objects.published().for_list(), pk=pk)
    return render(request, "meetings/statement_detail.html", {"statement": statement})


def country_detail(request, code):
    country = get_object_or_404(Country, code=code.upper())
    return render(request, "meetings/country_detail.html", {"country": country})
