"""The statement list and a statement's page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from meetings import cache
from meetings.models import Statement
from meetings.services.audit import public_changes
from meetings.site import facets, filters
from meetings.site.views.lists import filtered_list


def statement_list(request: HttpRequest) -> HttpResponse:
    return filtered_list(
        request,
        filters.StatementFilter,
        Statement.objects.published(),
        "meetings/statement_list.html",
        "said_on",
        facets.statement_facets,
        "statements",
    )


def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(Statement.objects.published().for_detail(), pk=pk)
    cache.shows(request, cache.statement(statement.pk))
    office = statement.speaker.position_on(statement.said_on)
    return render(
        request,
        "meetings/statement_detail.html",
        {"statement": statement, "office": office, "changes": public_changes(statement)},
    )
