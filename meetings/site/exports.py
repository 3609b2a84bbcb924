"""CSV exports of the filtered meeting, statement and actor lists and of a search, streamed."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from itertools import batched

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse

from meetings.models import Actor, Article, Meeting, Statement
from meetings.site import filters, search

FORMULA_START = frozenset("=+-@\t\r")  # a cell's first character a spreadsheet would run
LINES_PER_WRITE = 500  # rows sent to the client per piece of the stream


def spreadsheet_safe(value: str) -> str:
    """Quote text a spreadsheet would run as a formula (CSV injection)."""
    return f"'{value}" if value[:1] in FORMULA_START else value


def csv_response(name: str, header: list[str], rows) -> StreamingHttpResponse:
    """``rows`` (lists of text) as a streamed CSV download, LINES_PER_WRITE lines a piece
    (one write per line cost more than the rows themselves)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def taken() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    def pieces():
        writer.writerow(header)
        for chunk in batched(rows, LINES_PER_WRITE):
            writer.writerows(
                [[f"'{c}" if c[:1] in FORMULA_START else c for c in row] for row in chunk]
            )  # spreadsheet_safe, inline: it is most of the Python time of a large export
            yield taken()
        if buffer.tell():
            yield taken()

    response = StreamingHttpResponse(pieces(), content_type="text/csv; charset=utf-8")
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


CHUNK = 2_000  # meetings per step of the export: one query each


def meeting_chunks(meetings) -> Iterator[list[tuple]]:
    """The export's value rows of ``meetings`` (EXPORT_FIELDS), newest first, CHUNK at a
    time: the filter runs once, for the ids in order, then each chunk is one query by key
    (the participants and sources are stored copies on the meeting's row:
    meetings/services/copies.py)."""
    ids = list(meetings.newest_first().values_list("pk", flat=True))
    for part in batched(ids, CHUNK):
        rows = {row[0]: row for row in Meeting.objects.filter(pk__in=part).export_rows()}
        yield [rows[pk] for pk in part if pk in rows]


def meeting_rows(meetings, site: str) -> Iterator[list[str]]:
    """The CSV rows of ``meetings`` (MEETING_HEADER), links absolute on ``site``, streamed."""
    meeting_url = url_maker("meetings:meeting-detail", site)
    article_url = url_maker("meetings:article-detail", site)

    def linked(source: str) -> str:  # a URL, or the slug of an article without one
        return source if "://" in source else article_url(source)

    for chunk in meeting_chunks(meetings):
        for row in chunk:
            _, start, end, precision, kind, status, title, slug, city, venue = row[:10]
            names, countries, sources = row[10:]
            yield [
                start.isoformat() if start else "",
                end.isoformat() if end else "",
                precision,
                kind,
                status,
                title,
                names,
                countries,
                city,
                venue or "",
                meeting_url(slug),
                " ".join(map(linked, sources.split())),
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
