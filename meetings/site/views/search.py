"""The search page: actors by name, and ranked meetings, statements and articles."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from meetings.site import filters, search


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
