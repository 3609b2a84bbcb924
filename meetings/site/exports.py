"""CSV exports of the filtered meeting, statement and actor lists and of a search, streamed."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Iterator
from itertools import batched

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse

from meetings.models import Actor, Article, Evidence, Meeting, Participation, Statement
from meetings.site import filters, search

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LINES_PER_WRITE = 500  # rows sent to the client per piece of the stream


def spreadsheet_safe(value: str) -> str:
    """Quote text a spreadsheet would run as a formula (CSV injection)."""
    return f"'{value}" if value.startswith(FORMULA_START) else value


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
            writer.writerows([[spreadsheet_safe(cell) for cell in row] for row in chunk])
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


CHUNK = 2_000  # meetings per step of the export: five queries each, set-based


def meeting_chunks(meetings) -> Iterator[list[tuple]]:
    """The export's value rows of ``meetings``, newest first, CHUNK at a time: each chunk a
    keyset page (the plan of the list pages, no server-side cursor)."""
    rows = meetings.export_rows()
    chunk = list(rows[:CHUNK])
    while chunk:
        yield chunk
        if len(chunk) < CHUNK:
            return
        last = chunk[-1]
        chunk = list(rows.older_than(last[1], last[0])[:CHUNK])


def meeting_rows(meetings, site: str) -> Iterator[list[str]]:
    """The CSV rows of ``meetings`` (MEETING_HEADER), links absolute on ``site``, streamed:
    per chunk of CHUNK meetings, their participants and their sources each in two queries
    by key (no subquery per row, no join the planner may hash over a whole table)."""
    meeting_url = url_maker("meetings:meeting-detail", site)
    article_url = url_maker("meetings:article-detail", site)
    for chunk in meeting_chunks(meetings):
        ids = [row[0] for row in chunk]
        people = list(Participation.objects.export_rows(ids))
        actors = Actor.objects.in_bulk({actor for _, actor, _ in people})
        names: dict[int, list[str]] = defaultdict(list)
        countries: dict[int, set[str]] = defaultdict(set)
        for meeting_id, actor_id, code in people:
            names[meeting_id].append(actors[actor_id].name)
            if code:
                countries[meeting_id].add(code)
        spans = list(Evidence.objects.export_rows(ids))
        articles = {
            a[0]: a
            for a in Article.objects.published()
            .filter(pk__in={article for _, article, _ in spans})
            .values_list("pk", "published_on", "url", "slug")
        }
        spans = [s for s in spans if s[1] in articles]
        # Newest article first (undated last), then the article, then the span's start.
        spans.sort(key=lambda s: s[2])
        spans.sort(
            key=lambda s: (articles[s[1]][1] is not None, articles[s[1]][1], s[1]), reverse=True
        )
        sources: dict[int, list[str]] = defaultdict(list)
        for meeting_id, article_id, _ in spans:
            _, _, url, slug = articles[article_id]
            sources[meeting_id].append(url or article_url(slug))
        for pk, start, end, precision, kind, status, title, slug, city, venue in chunk:
            yield [
                start.isoformat() if start else "",
                end.isoformat() if end else "",
                precision,
                kind,
                status,
                title,
                "; ".join(names[pk]),
                "; ".join(sorted(countries[pk])),
                city,
                venue or "",
                meeting_url(slug),
                " ".join(sources[pk]),
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
