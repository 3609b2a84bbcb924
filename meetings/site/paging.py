"""Keyset paging and bounded counting of the public lists.

Lists are paged by keyset ("older →"): the next page starts where the last row of this one
ended, so a deep page costs what the first one costs. Counts are exact only up to 10,000;
past that a list says "more than" or gives the planner's estimate.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from django import forms
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q, QuerySet, Subquery

PAGE_SIZE = 25
EXACT_COUNT_LIMIT = 10_000  # above this, lists say "about N" (the planner's estimate)


# --- cursors ---------------------------------------------------------------------------------


def row_id(text: str) -> int:
    """A row id read from a cursor: digits within a bigint (SQLite overflows past it)."""
    if not (text.isascii() and text.isdigit()) or int(text) >= 2**63:
        raise ValueError(text)
    return int(text)


class CursorField(forms.CharField):
    """A keyset cursor: "2023-04-16.42" (date and id of the last row shown), or "-.42"."""

    default_error_messages = {"invalid": "That page link is not valid; start from the first page."}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        day, _, pk = value.partition(".")
        try:
            return (None if day == "-" else dt.date.fromisoformat(day), row_id(pk))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class TimelineCursorField(forms.CharField):
    """The timeline's cursor: "2023-04-16.3.42" (date, kind rank, id of the last entry)."""

    default_error_messages = {"invalid": "That page link is not valid; start from the newest."}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            day, rank, pk = value.split(".")
            return (dt.date.fromisoformat(day), int(rank), row_id(pk))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


def cursor_for(day: dt.date | None, pk: int) -> str:
    return f"{day.isoformat() if day else '-'}.{pk}"


class PageForm(forms.Form):
    """The keyset cursor of list pages: ?after=<date>.<id>."""

    after = CursorField(required=False)


class SlugPageForm(forms.Form):
    """The cursor of the actor list, ordered by slug: ?after=<slug of the last row>."""

    after = forms.SlugField(required=False, max_length=220)


# --- pages -----------------------------------------------------------------------------------


@dataclass
class Page:
    """One keyset page of rows, and the cursor of the next (older) page."""

    rows: list
    next_cursor: str | None = None
    first: bool = True


def keyset_page(
    queryset, after, date_attr: str, size: int = PAGE_SIZE, *, rows=None, newest=None
) -> Page:
    """Rows newest first, starting after the cursor ``after`` = (date, pk).

    With ``rows`` (what makes an ordered queryset of the model into the page's rows, e.g.
    ``lambda q: q.list_rows()``), the page's keys are found first, inside the query, and
    only those rows are read: the filtered, ordered part reads the (date, id) index alone,
    where selecting the rows themselves read every matching row before sorting (at 1M
    articles, all of a big country's meetings of a year). ``newest``: the keys of the
    newest rows, newest first, when the caller read them already (the first page)."""
    queryset = queryset.newest_first()

    def fetch(part, limit: int) -> list:
        if rows is None:
            return list(part[:limit])
        keys = Subquery(part.values("pk")[:limit])
        return list(rows(queryset.model.objects.filter(pk__in=keys).newest_first()))

    if after and after[0] is not None:
        # Dated rows from the cursor on, through the index; the undated rows, which sort
        # last, are asked for only on the page where the dated ones run out.
        found = fetch(queryset.filter(keyset_dated_before(date_attr, *after)), size + 1)
        if len(found) <= size:
            undated = queryset.filter(**{f"{date_attr}__isnull": True})
            found += fetch(undated, size + 1 - len(found))
    elif after:
        found = fetch(queryset.older_than(*after), size + 1)
    elif rows is not None and newest is not None:
        model = queryset.model
        found = list(rows(model.objects.filter(pk__in=list(newest[: size + 1])).newest_first()))
    else:
        found = fetch(queryset, size + 1)
    page = Page(rows=found[:size], first=not after)
    if len(found) > size:
        last = page.rows[-1]
        page.next_cursor = cursor_for(getattr(last, date_attr), last.pk)
    return page


def slug_page(queryset, after: str | None, size: int = PAGE_SIZE) -> Page:
    """Rows by slug, starting after the slug ``after`` (the actor list)."""
    queryset = queryset.order_by("slug")
    if after:
        queryset = queryset.filter(slug__gt=after)
    rows = list(queryset[: size + 1])
    page = Page(rows=rows[:size], first=not after)
    if len(rows) > size:
        page.next_cursor = page.rows[-1].slug
    return page


def keyset_condition(date_field: str, id_field: str, rank: int, cursor) -> Q:
    """Rows of a source of rank ``rank`` that sort after ``cursor`` = (date, rank, id)."""
    day, cursor_rank, pk = cursor
    if rank < cursor_rank:
        return Q(**{f"{date_field}__lte": day})
    if rank > cursor_rank:
        return Q(**{f"{date_field}__lt": day})
    # With the index's upper bound: a page 500 deep cost 18 ms of filtering at 1M, now 0.2.
    return keyset_dated_before(date_field, day, pk, id_field)


def keyset_dated_before(date_field: str, date: dt.date, pk: int, id_field: str = "pk") -> Q:
    """The dated rows of ``models.base.keyset_before`` (the undated ones come after all of
    them).

    The redundant upper bound lets the index start at the cursor: with the OR alone it is
    a filter, and a page 20,000 rows deep reads those 20,000 rows first (36–53 ms at 1M).
    """
    return Q(**{f"{date_field}__lte": date}) & (
        Q(**{f"{date_field}__lt": date}) | Q(**{date_field: date, f"{id_field}__lt": pk})
    )


# --- counts ----------------------------------------------------------------------------------


def count_bounded(queryset: QuerySet, limit: int | None = None) -> tuple[int, bool]:
    """(count, more): an exact count up to ``limit`` (EXACT_COUNT_LIMIT); past it, (limit,
    True)."""
    limit = EXACT_COUNT_LIMIT if limit is None else limit
    n = queryset.order_by()[: limit + 1].count()
    return (limit, True) if n > limit else (n, False)


def estimate(queryset: QuerySet) -> int | None:
    """The planner's row estimate for ``queryset`` (PostgreSQL), rounded to two significant
    digits; None elsewhere. Within a few percent on large results, and ~1 ms instead of
    the 35–130 ms of an exact COUNT (DESIGN.md)."""
    if connection.vendor != "postgresql":
        return None
    try:
        sql, params = queryset.order_by().query.sql_with_params()
    except EmptyResultSet:  # .none() (a name of punctuation only): nothing to estimate
        return 0
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return rounded(int(plan[0]["Plan"]["Plan Rows"]))


def rounded(rows: int) -> int:
    """``rows`` to two significant digits: an estimate should not look exact."""
    digits = max(len(str(rows)) - 2, 0)
    return round(rows, -digits)


def bounded_count(queryset, counted: tuple[int, bool] | None = None) -> dict:
    """An exact count up to 10,000; past it the planner's estimate when it is larger.

    The estimate (one EXPLAIN, about a millisecond, PostgreSQL only) is asked for whatever
    the count, so a page makes the same queries on a small archive as on a large one.
    ``counted``: (count, more) when the caller counted already (``newest_counted``).
    """
    count, more = counted or count_bounded(queryset)
    guess = estimate(queryset)
    shown = guess if more and guess and guess > count else None
    return {"count": count, "more": more, "estimate": shown}


def newest_counted(
    queryset: QuerySet, fields: tuple[str, ...], sample: int, limit: int | None = None
) -> tuple[list[tuple], tuple[int, bool]]:
    """(``fields`` of the newest ``sample`` rows, (count up to ``limit``, more)) in one
    query: the rows a list's facets count and its bounded count share one pass over the
    matching rows, instead of a filter (a join at 1M articles) run once for each.

    ``fields`` start with the key and the date the model is ordered by (newest first)."""
    limit = EXACT_COUNT_LIMIT if limit is None else limit
    ordering = queryset.model._meta.ordering
    inner = queryset.order_by(*ordering).values_list(*fields)[: limit + 1]
    try:
        sql, params = inner.query.sql_with_params()
    except EmptyResultSet:  # .none(): nothing matches
        return [], (0, False)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT *, count(*) OVER () FROM ({sql}) AS newest "
            "ORDER BY 2 DESC NULLS LAST, 1 DESC LIMIT %s",
            (*params, sample),
        )
        found = cursor.fetchall()
    n = found[0][-1] if found else 0
    counted = (limit, True) if n > limit else (n, False)
    # Read raw, the date comes as text from SQLite (Django's values_list converts it).
    return [
        (key, dt.date.fromisoformat(day) if isinstance(day, str) else day, *rest)
        for key, day, *rest, _ in found
    ], counted
