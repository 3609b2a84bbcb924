"""Public pages: only public rows (published, from a published article) ever reach them.

Lists are filtered by the FilterSets in meetings/filters.py and paged by keyset ("older →"),
so a deep page costs what the first one costs. Counts are exact only up to 10,000.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from meetings import cache, filters, search
from meetings.models import (
    Actor,
    Article,
    Country,
    CountryPair,
    Meeting,
    Participation,
    Position,
    Statement,
    keyset_dated_before,
    split_aggregated,
)

PAGE_SIZE = filters.PAGE_SIZE
RECENT = 1000  # "most active" means among the newest this-many public participations


# --- helpers ---------------------------------------------------------------------------------


@dataclass
class Page:
    """One keyset page of rows, and the cursor of the next (older) page."""

    rows: list
    next_cursor: str | None = None
    first: bool = True


def keyset_page(queryset, after, date_attr: str, size: int = PAGE_SIZE) -> Page:
    """Rows newest first, starting after the cursor ``after`` = (date, pk)."""
    queryset = queryset.newest_first()
    if after and after[0] is not None:
        # Dated rows from the cursor on, through the index; the undated rows, which sort
        # last, are asked for only on the page where the dated ones run out.
        rows = list(queryset.filter(keyset_dated_before(date_attr, *after))[: size + 1])
        if len(rows) <= size:
            undated = queryset.filter(**{f"{date_attr}__isnull": True})
            rows += list(undated[: size + 1 - len(rows)])
    else:
        rows = list((queryset.older_than(*after) if after else queryset)[: size + 1])
    page = Page(rows=rows[:size], first=not after)
    if len(rows) > size:
        last = page.rows[-1]
        page.next_cursor = filters.cursor_for(getattr(last, date_attr), last.pk)
    return page


def with_offices(participations, day: dt.date | None):
    """Attach ``office``: the position each participant held on ``day``."""
    for participation in participations:
        participation.office = participation.actor.position_on(day)
    return participations


def recent_participations(**conditions) -> list[tuple[int, int, str | None]]:
    """(meeting, actor, country) of the newest public participations matching ``conditions``."""
    return list(
        Participation.objects.filter(is_public=True, **conditions)
        .order_by("-date", "-id")
        .values_list("meeting_id", "actor_id", "country_id")[:RECENT]
    )


def top_actors(counts: Counter, limit: int = 8) -> list[Actor]:
    """The ``limit`` published actors with the highest counts, each with ``count`` set."""
    ids = [pk for pk, _ in counts.most_common(limit)]
    actors = {a.pk: a for a in Actor.objects.published().for_list().filter(pk__in=ids)}
    result = []
    for pk in ids:
        if pk in actors:
            actors[pk].count = counts[pk]
            result.append(actors[pk])
    return result


def bounded_count(queryset) -> dict:
    """An exact count up to 10,000; past it the planner's estimate when it is larger.

    The estimate (one EXPLAIN, about a millisecond, PostgreSQL only) is asked for whatever
    the count, so a page makes the same queries on a small archive as on a large one.
    """
    count, more = search.count_bounded(queryset)
    guess = search.estimate(queryset)
    shown = guess if more and guess and guess > count else None
    return {"count": count, "more": more, "estimate": shown}


def filtered_list(request, filterset_class, queryset, template, date_attr, facets, **context):
    resolved = filters.resolve(filterset_class, request.GET, queryset)
    rows = resolved.queryset.for_list()
    page = keyset_page(rows, resolved.after, date_attr) if resolved.status == 200 else Page([])
    context.update(
        resolved=resolved,
        form=resolved.filterset.form,
        page=page,
        total=bounded_count(resolved.queryset) if resolved.status == 200 else None,
        facets=facets(resolved, request.GET) if resolved.status == 200 else [],
        facet_sample=filters.FACET_SAMPLE,
    )
    return render(request, template, context, status=resolved.status)


# --- home and search -----------------------------------------------------------------------


def home(request: HttpRequest) -> HttpResponse:
    rows = recent_participations()
    country_counts = Counter(c for _, c in {(m, c) for m, _, c in rows if c})
    countries = {c.code: c for c in Country.objects.filter(code__in=list(country_counts))}
    active_countries = [
        (countries[code], n) for code, n in country_counts.most_common(8) if code in countries
    ]
    return render(
        request,
        "meetings/home.html",
        {
            "meetings": Meeting.objects.published().for_list().newest_first()[:8],
            "statements": Statement.objects.published().for_list().newest_first()[:4],
            "actors": top_actors(Counter(actor for _, actor, _ in rows)),
            "countries": active_countries,
            "search_form": filters.SearchForm(),
        },
    )


def search_view(request: HttpRequest) -> HttpResponse:
    form = filters.SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = search.search(query) if query else None
    status = 200 if form.is_valid() else 400
    return render(
        request,
        "meetings/search.html",
        {"search_form": form, "query": query, "results": results},
        status=status,
    )


# --- meetings --------------------------------------------------------------------------------


def meeting_list(request: HttpRequest) -> HttpResponse:
    return filtered_list(
        request,
        filters.MeetingFilter,
        Meeting.objects.published(),
        "meetings/meeting_list.html",
        "start_date",
        filters.meeting_facets,
    )


def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.published().for_detail(), slug=slug)
    participations = with_offices(meeting.participations.all(), meeting.start_date)
    codes = sorted({p.country_id for p in participations if p.country_id})
    pair = codes if len(codes) == 2 else None
    return render(
        request,
        "meetings/meeting_detail.html",
        {"meeting": meeting, "participations": participations, "pair": pair},
    )


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


# --- statements ------------------------------------------------------------------------------


def statement_list(request: HttpRequest) -> HttpResponse:
    return filtered_list(
        request,
        filters.StatementFilter,
        Statement.objects.published(),
        "meetings/statement_list.html",
        "said_on",
        filters.statement_facets,
    )


def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(Statement.objects.published().for_detail(), pk=pk)
    office = statement.speaker.position_on(statement.said_on)
    return render(
        request,
        "meetings/statement_detail.html",
        {"statement": statement, "office": office},
    )


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


# --- actors ----------------------------------------------------------------------------------


def actor_list(request: HttpRequest) -> HttpResponse:
    resolved = filters.resolve(
        filters.ActorFilter,
        request.GET,
        Actor.objects.published(),
        page_form=filters.SlugPageForm,
    )
    page = Page([])
    if resolved.status == 200:
        actors = resolved.queryset.for_list().order_by("slug")
        after = resolved.after
        if after:
            actors = actors.filter(slug__gt=after)
        rows = list(actors[: PAGE_SIZE + 1])
        page = Page(rows=rows[:PAGE_SIZE], first=not after)
        if len(rows) > PAGE_SIZE:
            page.next_cursor = page.rows[-1].slug
        today = dt.date.today()
        for actor in page.rows:
            actor.office = actor.position_on(today)
    return render(
        request,
        "meetings/actor_list.html",
        {
            "resolved": resolved,
            "form": resolved.filterset.form,
            "page": page,
            "total": bounded_count(resolved.queryset) if resolved.status == 200 else None,
            "facets": filters.actor_facets(resolved, request.GET) if resolved.status == 200 else [],
        },
        status=resolved.status,
    )


RANK = {"meeting": 3, "statement": 2, "office": 1}


@dataclass
class Entry:
    """One line of an actor's timeline."""

    kind: str  # meeting | statement | office
    date: dt.date
    pk: int
    obj: object
    office: Position | None = None
    started: bool = True  # for offices: took office (True) or left it (False)
    others: list = field(default_factory=list)

    @property
    def key(self):
        return (self.date, RANK[self.kind], self.pk)

    @property
    def cursor(self) -> str:
        return f"{self.date.isoformat()}.{RANK[self.kind]}.{self.pk}"


def keyset_condition(date_field: str, id_field: str, rank: int, cursor) -> Q:
    """Rows of a source of rank ``rank`` that sort after ``cursor`` = (date, rank, id)."""
    day, cursor_rank, pk = cursor
    if rank < cursor_rank:
        return Q(**{f"{date_field}__lte": day})
    if rank > cursor_rank:
        return Q(**{f"{date_field}__lt": day})
    # With the index's upper bound: a page 500 deep cost 18 ms of filtering at 1M, now 0.2.
    return keyset_dated_before(date_field, day, pk, id_field)


def timeline(actor: Actor, options: dict, size: int = PAGE_SIZE) -> tuple[list[Entry], str | None]:
    """One page of the actor's meetings, statements and changes of office, newest first."""
    kinds = set(options.get("kind") or [])
    meeting_kinds = [k for k in kinds if k in Meeting.Kind.values]
    start, end = options.get("date_from"), options.get("date_to")
    counterpart = options.get("counterpart") or None
    cursor = options.get("after")
    entries: list[Entry] = []

    if not kinds or meeting_kinds:
        parts = Participation.objects.filter(actor=actor, is_public=True, date__isnull=False)
        if meeting_kinds:
            parts = parts.filter(meeting__kind__in=meeting_kinds)
        if start:
            parts = parts.filter(date__gte=start)
        if end:
            parts = parts.filter(date__lte=end)
        if counterpart:
            parts = parts.filter(
                Exists(
                    Participation.objects.filter(
                        meeting=OuterRef("meeting"), country_id=counterpart
                    ).exclude(actor=actor)
                )
            )
        if cursor:
            parts = parts.filter(keyset_condition("date", "meeting_id", RANK["meeting"], cursor))
        ids = parts.order_by("-date", "-meeting_id").values("meeting_id")[: size + 1]
        for meeting in Meeting.objects.filter(pk__in=Subquery(ids)).for_list():
            entry = Entry("meeting", meeting.start_date, meeting.pk, meeting)
            entry.office = actor.position_on(meeting.start_date)
            entry.others = [p for p in meeting.participations.all() if p.actor_id != actor.pk]
            entries.append(entry)

    if not kinds or "statement" in kinds:
        statements = Statement.objects.published().filter(speaker=actor, said_on__isnull=False)
        if start:
            statements = statements.filter(said_on__gte=start)
        if end:
            statements = statements.filter(said_on__lte=end)
        if counterpart:
            statements = statements.filter(
                Exists(
                    Participation.objects.filter(
                        meeting=OuterRef("meeting"), country_id=counterpart
                    ).exclude(actor=actor)
                )
            )
        if cursor:
            statements = statements.filter(
                keyset_condition("said_on", "pk", RANK["statement"], cursor)
            )
        for statement in statements.for_timeline().newest_first()[: size + 1]:
            entries.append(Entry("statement", statement.said_on, statement.pk, statement))

    if (not kinds or "office" in kinds) and not counterpart:
        for position in actor.positions.all():
            for day, started, pk in (
                (position.start_date, True, position.pk * 2 + 1),
                (position.end_date, False, position.pk * 2),
            ):
                if day is None or (start and day < start) or (end and day > end):
                    continue
                entry = Entry("office", day, pk, position, office=position, started=started)
                if cursor is None or entry.key < cursor:
                    entries.append(entry)

    entries.sort(key=lambda e: e.key, reverse=True)
    next_cursor = entries[size - 1].cursor if len(entries) > size else None
    return entries[:size], next_cursor


def group_by_month(entries: list[Entry]) -> list[dict]:
    """[{year, months: [{month (a date), entries}]}] in the entries' order."""
    years: list[dict] = []
    for entry in entries:
        month = entry.date.replace(day=1)
        if not years or years[-1]["year"] != month.year:
            years.append({"year": month.year, "months": []})
        months = years[-1]["months"]
        if not months or months[-1]["month"] != month:
            months.append({"month": month, "entries": []})
        months[-1]["entries"].append(entry)
    return years


CHART_MONTHS = 36
UNDATED_SHOWN = 10


def undated_records(actor: Actor, size: int = UNDATED_SHOWN) -> dict:
    """The actor's public meetings and statements without a date, which the timeline (by
    date) cannot place: the newest-made ``size`` of each, and whether there are more."""
    ids = (
        Participation.objects.filter(actor=actor, is_public=True, date__isnull=True)
        .order_by("-meeting_id")
        .values("meeting_id")[: size + 1]
    )
    meetings = list(
        Meeting.objects.filter(pk__in=Subquery(ids)).only("title", "slug").order_by("-pk")
    )
    statements = list(
        Statement.objects.published()
        .filter(speaker=actor, said_on__isnull=True)
        .only("text", "kind")
        .order_by("-pk")[: size + 1]
    )
    return {
        "meetings": meetings[:size],
        "more_meetings": len(meetings) > size,
        "statements": statements[:size],
        "more_statements": len(statements) > size,
    }


def activity_by_month(actor: Actor) -> dict[dt.date, tuple[int, int]]:
    """{month: (meetings, statements)} over the actor's newest CHART_MONTHS active months.

    Bounded by date, so the busiest actor's page does not aggregate decades of rows.
    """
    meetings = Participation.objects.filter(actor=actor, is_public=True, date__isnull=False)
    statements = Statement.objects.published().filter(speaker=actor, said_on__isnull=False)
    latest = [
        *meetings.order_by("-date").values_list("date", flat=True)[:1],
        *statements.order_by("-said_on").values_list("said_on", flat=True)[:1],
    ]
    if not latest:
        return {}
    last = max(latest)
    index = last.year * 12 + last.month - 1 - (CHART_MONTHS - 1)
    since = dt.date(index // 12, index % 12 + 1, 1)
    # order_by(): Participation's default ordering ("meeting", ...) would join every
    # meeting row only to be dropped from the GROUP BY; the participation carries the date.
    sources = (
        meetings.filter(date__gte=since).order_by().annotate(month=TruncMonth("date")),
        statements.filter(said_on__gte=since).order_by().annotate(month=TruncMonth("said_on")),
    )
    months: dict[dt.date, list[int]] = {}
    for position, rows in enumerate(sources):
        for month, n in rows.values("month").annotate(n=Count("*")).values_list("month", "n"):
            if isinstance(month, dt.datetime):
                month = month.date()
            months.setdefault(month, [0, 0])[position] += n
    return {m: (a, b) for m, (a, b) in months.items()}


def top_counterparts(actor: Actor, limit: int = 6) -> list[Actor]:
    """Who the actor met most often, among their newest public meetings."""
    meetings = (
        Participation.objects.filter(actor=actor, is_public=True)
        .order_by("-date")
        .values("meeting_id")[:RECENT]
    )
    rows = (
        Participation.objects.filter(meeting_id__in=Subquery(meetings))
        .exclude(actor=actor)
        .values("actor_id")
        .annotate(n=Count("meeting_id"))
        .order_by("-n", "actor_id")[:limit]
    )
    return top_actors(Counter({row["actor_id"]: row["n"] for row in rows}), limit)


def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor.objects.published().for_detail(), slug=slug)
    filterset = filters.TimelineFilter(request.GET, Meeting.objects.none())
    problems = []
    if filterset.is_valid():
        options = filterset.form.cleaned_data
    else:
        problems = [
            f"{filterset.form.fields[name].label}: {error}"
            if name in filterset.form.fields
            else error
            for name, errors in filterset.form.errors.items()
            for error in errors
        ]
        # Show the form without the values we could not read (a "bad" date is not a date).
        data = request.GET.copy()
        for name in filterset.form.errors:
            data.pop("date_to" if name == "__all__" else name, None)
        filterset = filters.TimelineFilter(data, Meeting.objects.none())
        filterset.is_valid()
        options = filterset.form.cleaned_data
    entries, next_cursor = timeline(actor, options)
    aliases = [a.text for a in actor.aliases.all() if not a.is_role and a.text != actor.name]
    return render(
        request,
        "meetings/actor_detail.html",
        {
            "actor": actor,
            "office": actor.position_on(dt.date.today()),
            "last_office": next(iter(actor.positions.all()), None),
            "aliases": aliases,
            "form": filterset.form,
            "problems": problems,
            "filtered": any(
                options.get(k) for k in ("date_from", "date_to", "kind", "counterpart")
            ),
            "years": group_by_month(entries),
            "next_cursor": next_cursor,
            "first_page": not options.get("after"),
            "counterparts": top_counterparts(actor),
            "activity": activity_by_month(actor),
            "undated": undated_records(actor),
        },
        status=400 if problems and not entries else 200,
    )


# --- countries -------------------------------------------------------------------------------


def country_or_404(code: str) -> Country:
    return get_object_or_404(Country, code=code.upper())


def country_list(request: HttpRequest) -> HttpResponse:
    # Every public participation is read (about 2.5 s at 1M articles): with a shared cache
    # the counts are computed once per publication generation.
    counts = cache.cached(
        "country-list",
        lambda: list(
            Participation.objects.filter(is_public=True, country__isnull=False)
            .values("country_id", "country__name")
            .annotate(n=Count("meeting_id", distinct=True))
            .order_by("country__name")
        ),
    )
    return render(request, "meetings/country_list.html", {"countries": counts})


def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    country = country_or_404(code)
    page_form = filters.PageForm(request.GET)
    after = page_form.cleaned_data["after"] if page_form.is_valid() else None
    meetings = Meeting.objects.published().involving_or_hosted(country.code)
    rows = recent_participations(country_id=country.code)
    partners = (
        Participation.objects.filter(
            meeting_id__in=Subquery(
                Participation.objects.filter(country_id=country.code, is_public=True)
                .order_by("-date")
                .values("meeting_id")[:RECENT]
            ),
            country__isnull=False,
        )
        .exclude(country_id=country.code)
        .values("country_id", "country__name")
        .annotate(n=Count("meeting_id", distinct=True))
        .order_by("-n", "country__name")[:12]
    )
    return render(
        request,
        "meetings/country_detail.html",
        {
            "country": country,
            "page": keyset_page(meetings.for_list(), after, "start_date"),
            "total": bounded_count(meetings),
            "actors": top_actors(Counter(actor for _, actor, _ in rows)),
            "partners": partners,
        },
        status=200 if page_form.is_valid() else 400,
    )


def pair_years(first: str, second: str) -> tuple[list[dict], int]:
    """([{year, n}] newest first, exact total) of the pair's public meetings, in one GROUP BY
    over the pair's index (CountryPair): the total is the sum of the years plus the undated,
    so the page needs no count query of its own."""
    rows = list(
        CountryPair.objects.filter(first=first, second=second)
        .order_by()
        .values("year")
        .annotate(n=Count("*"))
    )
    years = sorted((r for r in rows if r["year"] is not None), key=lambda r: -r["year"])
    return years, sum(r["n"] for r in rows)


def country_pair(request: HttpRequest, first: str, second: str) -> HttpResponse:
    codes = [first.upper(), second.upper()]
    if codes[0] == codes[1]:
        raise Http404("A country pair needs two different countries.")
    if codes != sorted(codes):
        return redirect("meetings:country-pair", *sorted(c.lower() for c in codes), permanent=True)
    countries = {c.code: c for c in Country.objects.filter(code__in=codes)}
    if len(countries) != 2:
        raise Http404("Unknown country.")
    page_form = filters.PageForm(request.GET)
    after = page_form.cleaned_data["after"] if page_form.is_valid() else None
    meetings = Meeting.objects.published().between_countries(*codes)
    years, count = cache.cached(f"pair-years:{codes[0]}:{codes[1]}", lambda: pair_years(*codes))
    statements = Statement.objects.published().at_meetings(meetings).for_list().newest_first()[:6]
    return render(
        request,
        "meetings/country_pair.html",
        {
            "first": countries[codes[0]],
            "second": countries[codes[1]],
            "page": keyset_page(meetings.for_list(), after, "start_date"),
            "total": {"count": count, "more": False, "estimate": None},
            "years": years,
            "year_max": max((y["n"] for y in years), default=0),
            "statements": statements,
        },
        status=200 if page_form.is_valid() else 400,
    )


# --- articles --------------------------------------------------------------------------------


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
