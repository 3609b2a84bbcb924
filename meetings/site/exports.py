"""CSV exports of the filtered meeting and statement lists, streamed."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterator
from itertools import batched

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse

from meetings.models import Evidence, Meeting, Participation, Statement
from meetings.site import filters

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


CHUNK = 2_000  # meetings per step of the export: three queries each, set-based


def meeting_rows(meetings, site: str) -> Iterator[list[str]]:
    """The CSV rows of ``meetings`` (MEETING_HEADER), links absolute on ``site``, streamed:
    the meetings as value rows, then per chunk of CHUNK of them one query for all their
    participants and one for all their sources (no subquery per row)."""
    meeting_url = url_maker("meetings:meeting-detail", site)
    article_url = url_maker("meetings:article-detail", site)
    for chunk in batched(meetings.export_rows().iterator(chunk_size=CHUNK), CHUNK):
        ids = [row[0] for row in chunk]
        names: dict[int, list[str]] = defaultdict(list)
        countries: dict[int, set[str]] = defaultdict(set)
        for meeting_id, name, code in Participation.objects.export_rows(ids):
            names[meeting_id].append(name)
            if code:
                countries[meeting_id].add(code)
        sources: dict[int, list[str]] = defaultdict(list)
        for meeting_id, url, slug in Evidence.objects.export_rows(ids):
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
