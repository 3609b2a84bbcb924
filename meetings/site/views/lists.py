"""What the filtered list pages share: filters, keyset page, bounded count and facets."""

from __future__ import annotations

from django.shortcuts import render

from meetings import cache
from meetings.site import facets, filters
from meetings.site.paging import Page, bounded_count, keyset_page


def list_dependencies(resolved, family: str) -> list[str]:
    """What a filtered list shows, for the page cache: the countries or the actor it is
    filtered by (every row involves them), else its whole family."""
    data = getattr(resolved.filterset.form, "cleaned_data", {})
    if data.get("country"):
        return [cache.country(code) for code in data["country"]]
    if data.get("actor"):
        return [cache.actor(data["actor"].pk)]
    return [cache.family(family)]


def for_list(queryset):
    return queryset.for_list()


def filtered_list(
    request,
    filterset_class,
    queryset,
    template,
    date_attr,
    count_facets,
    family,
    more=None,
    rows=for_list,
    **context,
):
    """``family``: the list family the page cache files it under; ``more(resolved)``, if
    given, adds a page's own context for valid filters; ``rows(queryset)``: the page's rows
    of an ordered queryset (``paging.keyset_page``)."""
    resolved = filters.resolve(filterset_class, request.GET, queryset)
    cache.shows(request, *list_dependencies(resolved, family))
    page, total = Page([]), None
    if resolved.status == 200:
        # One pass over the matches gives the facets' rows, the bounded count and the
        # first page's keys; the page then reads its rows alone, by key.
        newest = [key for key, *_ in facets.newest_sample(resolved)]
        page = keyset_page(resolved.queryset, resolved.after, date_attr, rows=rows, newest=newest)
        total = bounded_count(resolved.queryset, resolved.counted)
    context.update(
        resolved=resolved,
        form=resolved.filterset.form,
        page=page,
        total=total,
        facets=count_facets(resolved, request.GET) if resolved.status == 200 else [],
        facet_sample=facets.FACET_SAMPLE,
    )
    if more and resolved.status == 200:
        context.update(more(resolved))
    return render(request, template, context, status=resolved.status)
