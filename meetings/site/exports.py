"""CSV exports of the filtered meeting and statement lists, streamed from one query."""

from __future__ import annotations

import csv

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse

from meetings.models import Meeting, Statement, split_aggregated
from meetings.site import filters


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


def meeting_export(request: HttpRequest) -> HttpResponse:
    resolved = filters.resolve(filters.MeetingFilter, request.GET, Meeting.objects.published())
    if resolved.status != 200:
        return problems_response(resolved)
    site = request.build_absolute_uri("/").rstrip("/")
    meeting_url = url_maker("meetings:meeting-detail", site)
    article_url = url_maker("meetings:article-detail", site)

    def rows():
        # One query, streamed: participants and sources come aggregated with each row.
        meetings = resolved.queryset.for_export().newest_first()
        for m in meetings.iterator(chunk_size=2000):
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

    header = [
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
    return csv_response("meetings.csv", header, rows())


def statement_export(request: HttpRequest) -> HttpResponse:
    resolved = filters.resolve(filters.StatementFilter, request.GET, Statement.objects.published())
    if resolved.status != 200:
        return problems_response(resolved)
    site = request.build_absolute_uri("/").rstrip("/")

    meeting_url = url_maker("meetings:meeting-detail", site)
    article_url = url_maker("meetings:article-detail", site)
    statement_url = url_maker("meetings:statement-detail", site, 9876543210)

    def rows():
        statements = resolved.queryset.for_export().newest_first()
        for s in statements.iterator(chunk_size=2000):
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

    header = [
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
    return csv_response("statements.csv", header, rows())
