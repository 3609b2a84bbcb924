"""CSV exports of the filtered meeting, statement and actor lists and of a search, streamed."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse

from meetings.models import Actor, Article, Meeting, Statement, split_aggregated
from meetings.site import filters, search


def spreadsheet_safe(value: str) -> str:
    """Quote text a spreadsheet would run as a formula (CSV injection)."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_response(name: str, header: list[str], rows) -> StreamingHttpResponse:
    class Echo:
        def write(self, value):
            return value

    writer = csv.writer(Echo())

    def lines():
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow([spreadsheet_safe(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def problems_response(resolved) -> HttpResponse:
    text = "The filters could not be understood:\n" + "\n".join(resolved.problems) + "\n"
    return HttpResponse(text, status=resolved.status, content_type="text/plain; charset=utf-8")


def url_maker(name: str, site: str, placeholder="SLUG-PLACEHOLDER"):
    """A fast ``reverse(name, args=[key])`` for exports: reverse once, then substitute
    (``placeholder`` must match the URL's converter)."""
    prefix, suffix = reverse(name, args=[placeholder]).split(str(placeholder))
    return lambda slug: f"{site}{prefix}{slug}{suffix}"


def export_participants(text: str | None) -> tuple[str, str]:
    """The participants and their countries of a ``for_export`` row, as the CSV shows them:
    names in the participations' own order (role, id), countries distinct and sorted."""
    rows = sorted(split_aggregated(text), key=lambda r: (r[0], int(r[1])))
    names = "; ".join(name for _, _, name, _ in rows)
    return names, "; ".join(sorted({code for *_, code in rows if code}))


def export_sources(text: str | None, article_url) -> str:
    """The source links of a ``for_export`` row, in the evidence's order (its article's,
    newest first, then the span's start)."""
    rows = sorted(split_aggregated(text), key=lambda r: int(r[2]))
    rows.sort(key=lambda r: (r[0] != "", r[0], int(r[1])), reverse=True)
    return " ".join(url or article_url(slug) for *_, url, slug in rows)


MEETING_HEADER = [
    "start_date",
    "end_date",
    "date_precision",
    "kind",
    "status",
    "title",
    "participants",
    "participant_countries",
    "venue_city",
    "venue_country",
    "url",
    "sources",
]

STATEMENT_HEADER = [
    "said_on",
    "speaker",
    "speaker_country",
    "kind",
    "text",
    "via",
    "meeting",
    "article_title",
    "article_url",
    "url",
]


def meeting_rows(meetings, site: str) -> Iterator[list[str]]:
    """The CSV rows of ``meetings`` (MEETING_HEADER), links absolute on ``site``: one query,
    streamed; participants and sources come aggregated with each row."""
    meeting_url = url_maker("meetings:meeting-detail", site)
    article_url = url_maker("meetings:article-detail", site)
    for m in meetings.for_export().newest_first().iterator(chunk_size=2000):
        names, countries = export_participants(m.participant_rows)
        yield [
            m.start_date.isoformat() if m.start_date else "",
            m.end_date.isoformat() if m.end_date else "",
            m.date_precision,
            m.kind,
            m.status,
            m.title,
            names,
            countries,
            m.city,
            m.country.name if m.country else "",
            meeting_url(m.slug),
            export_sources(m.source_rows, article_url),
        ]


def statement_rows(statements, site: str) -> Iterator[list[str]]:
    """The CSV rows of ``statements`` (STATEMENT_HEADER), links absolute on ``site``."""
    meeting_url = url_maker("meetings:meeting-detail", site)
    article_url = url_maker("meetings:article-detail", site)
    statement_url = url_maker("meetings:statement-detail", site, 9876543210)
    for s in statements.for_export().newest_first().iterator(chunk_size=2000):
        yield [
            s.said_on.isoformat() if s.said_on else "",
            s.speaker.name,
            s.speaker.country_id or "",
            s.kind,
            s.text,
            s.via.name if s.via else "",
            meeting_url(s.meeting.slug) if s.meeting and s.meeting.is_public else "",
            s.article.title,
            s.article.url or article_url(s.article.slug),
            statement_url(s.pk),
        ]


def export(request, filterset_class, queryset, name: str, header: list[str], rows):
    """The filtered ``queryset`` as a CSV download, or what could not be understood."""
    resolved = filters.resolve(filterset_class, request.GET, queryset)
    if resolved.status != 200:
        return problems_response(resolved)
    site = request.build_absolute_uri("/").rstrip("/")
    return csv_response(name, header, rows(resolved.queryset, site))


def meeting_export(request: HttpRequest) -> HttpResponse:
    return export(
        request,
        filters.MeetingFilter,
        Meeting.objects.published(),
        "meetings.csv",
        MEETING_HEADER,
        meeting_rows,
    )


def statement_export(request: HttpRequest) -> HttpResponse:
    return export(
        request,
        filters.StatementFilter,
        Statement.objects.published(),
        "statements.csv",
        STATEMENT_HEADER,
        statement_rows,
    )


ACTOR_HEADER = ["name", "kind", "country", "country_name", "title", "url"]


def actor_rows(actors, site: str) -> Iterator[list[str]]:
    """The CSV rows of ``actors`` (ACTOR_HEADER), A to Z; ``title`` is the office held
    today. Streamed in chunks, each with its offices prefetched (two queries a chunk)."""
    actor_url = url_maker("meetings:actor-detail", site)
    today = dt.date.today()
    for a in actors.for_list().order_by("slug").iterator(chunk_size=2000):
        office = a.position_on(today)
        yield [
            a.name,
            a.kind,
            a.country_id or "",
            a.country.name if a.country else "",
            office.title if office else "",
            actor_url(a.slug),
        ]


def actor_export(request: HttpRequest) -> HttpResponse:
    resolved = filters.resolve(filters.ActorFilter, request.GET, Actor.objects.published())
    if resolved.status != 200:
        return problems_response(resolved)
    site = request.build_absolute_uri("/").rstrip("/")
    return csv_response("actors.csv", ACTOR_HEADER, actor_rows(resolved.queryset, site))


SEARCH_HEADER = ["type", "date", "title", "who", "countries", "text", "url"]


def search_rows(text: str, site: str) -> Iterator[list[str]]:
    """Everything a search matches, as the search page groups it: people and bodies, then
    meetings, statements and articles, each newest first (SEARCH_HEADER)."""
    actor_url = url_maker("meetings:actor-detail", site)
    for a in search.actors_matching(text, limit=50):
        yield ["actor", "", a.name, "", a.country_id or "", a.description, actor_url(a.slug)]
    meetings = search.matching(Meeting.objects.published(), text)
    for row in meeting_rows(meetings, site):
        start, title, names, countries, url = row[0], row[5], row[6], row[7], row[10]
        yield ["meeting", start, title, names, countries, "", url]
    statements = search.matching(Statement.objects.published(), text)
    for row in statement_rows(statements, site):
        said_on, speaker, country, words, url = row[0], row[1], row[2], row[4], row[9]
        yield ["statement", said_on, "", speaker, country, words, url]
    article_url = url_maker("meetings:article-detail", site)
    articles = search.matching(Article.objects.published(), text).order_by("-published_on", "-id")
    for article in articles.only("title", "slug", "published_on", "outlet").iterator(2000):
        day = article.published_on.isoformat() if article.published_on else ""
        yield ["article", day, article.title, article.outlet, "", "", article_url(article.slug)]


def search_export(request: HttpRequest) -> HttpResponse:
    form = filters.SearchForm(request.GET)
    if not form.is_valid() or not form.cleaned_data["q"].strip():
        reason = "; ".join(form.errors.get("q", [])) or "Give the words to search for: ?q=…"
        return HttpResponse(reason + "\n", status=400, content_type="text/plain; charset=utf-8")
    site = request.build_absolute_uri("/").rstrip("/")
    rows = search_rows(form.cleaned_data["q"].strip(), site)
    return csv_response("search.csv", SEARCH_HEADER, rows)
