"""Keyset pages for the API: the cursors of the site's pages (meetings/site/paging.py).

``?after=`` takes the cursor the HTML page puts in its "older →" link, and a response's
``next`` is the same link to the API, so a client walks a list page by page at the cost of
the first, however deep it goes. ``?page_size=`` asks for 1 to MAX_PAGE_SIZE rows.
"""

from __future__ import annotations

from django import forms
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from meetings.site import paging

MAX_PAGE_SIZE = 100


class PageSizeField(forms.IntegerField):
    default_error_messages = {
        "invalid": f"Give a whole number of rows from 1 to {MAX_PAGE_SIZE}.",
        "min_value": f"Give a whole number of rows from 1 to {MAX_PAGE_SIZE}.",
        "max_value": f"At most {MAX_PAGE_SIZE} rows a page: follow `next` for more.",
    }

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_PAGE_SIZE, required=False, **kwargs)

    def to_python(self, value):
        if isinstance(value, str) and len(value) > 20:  # a thousand digits is no number
            raise forms.ValidationError(self.error_messages["max_value"], code="max_value")
        return super().to_python(value)


class DatedPageForm(paging.PageForm):
    """?after=<date>.<id>&page_size=<n>: lists newest first."""

    page_size = PageSizeField()


class SlugPageForm(paging.SlugPageForm):
    """?after=<slug>&page_size=<n>: the actor list, by slug."""

    page_size = PageSizeField()


def total(queryset) -> dict:
    """The list's size as the page says it: exact to 10,000, then "more" and an estimate."""
    return paging.bounded_count(queryset)


class KeysetPagination(BasePagination):
    """Rows newest first (``view.keyset_date``: the date the list is ordered by), or by slug
    when the view has none; with ``next`` and the list's ``total``."""

    def form(self, request, view):
        dated = getattr(view, "keyset_date", None)
        return (DatedPageForm if dated else SlugPageForm)(request.query_params)

    def problems(self, request, view) -> dict[str, list[str]]:
        """What is wrong with the request's ?after= and ?page_size=, by parameter."""
        form = self.form(request, view)
        return {} if form.is_valid() else {name: list(e) for name, e in form.errors.items()}

    def paginate_queryset(self, queryset, request, view=None):
        date_attr = getattr(view, "keyset_date", None)
        form = self.form(request, view)
        if not form.is_valid():
            raise ValidationError(form.errors)
        after = form.cleaned_data["after"] or None
        size = form.cleaned_data["page_size"] or paging.PAGE_SIZE
        count = getattr(view, "count_total", total)
        self.total = count(queryset)
        if date_attr:
            self.page = paging.keyset_page(queryset, after, date_attr, size)
        else:
            self.page = paging.slug_page(queryset, after, size)
        self.request = request
        return self.page.rows

    def next_link(self) -> str | None:
        if self.page.next_cursor is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, "after", self.page.next_cursor)

    def get_paginated_response(self, data, **extra):
        return Response({**extra, "total": self.total, "next": self.next_link(), "results": data})

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["total", "next", "results"],
            "properties": {
                "total": {
                    "type": "object",
                    "description": "Exact up to 10,000 rows; past that `more` is true and "
                    "`estimate` may give the planner's guess.",
                    "required": ["count", "more", "estimate"],
                    "properties": {
                        "count": {"type": "integer"},
                        "more": {"type": "boolean"},
                        "estimate": {"type": "integer", "nullable": True},
                    },
                },
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The next (older) page; null on the last.",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        dated = getattr(view, "keyset_date", None)
        return [
            {
                "name": "after",
                "in": "query",
                "required": False,
                "description": "The cursor of the page to show: the `after` of a `next` link "
                + ("(<date>.<id>, or -.<id> for undated rows)." if dated else "(a slug)."),
                "schema": {"type": "string"},
            },
            {
                "name": "page_size",
                "in": "query",
                "required": False,
                "description": f"Rows a page, 1 to {MAX_PAGE_SIZE} (default {paging.PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]
