"""What the filtered list pages share: filters, keyset page, bounded count and facets."""

from __future__ import annotations

from django.shortcuts import render

from meetings.site import facets, filters
from meetings.site.paging import Page, bounded_count, keyset_page


def filtered_list(
    request, filterset_class, queryset, template, date_attr, count_facets, more=None, **context
):
    """``more(resolved)``, if given, adds a page's own context for valid filters."""
    resolved = filters.resolve(filterset_class, request.GET, queryset)
    rows = resolved.queryset.for_list()
    page = keyset_page(rows, resolved.after, date_attr) if resolved.status == 200 else Page([])
    context.update(
        resolved=resolved,
        form=resolved.filterset.form,
        page=page,
        total=bounded_count(resolved.queryset) if resolved.status == 200 else None,
        facets=count_facets(resolved, request.GET) if resolved.status == 200 else [],
        facet_sample=facets.FACET_SAMPLE,
    )
    if more and resolved.status == 200:
        context.update(more(resolved))
    return render(request, template, context, status=resolved.status)
