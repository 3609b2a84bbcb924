"""The API's endpoints: the site's lists and country pages, as JSON.

The lists are filtered by the FilterSets of the pages (meetings/site/filters.py) through
DjangoFilterBackend, so ``/api/meetings/?country=CN&date_from=2023-01-01`` holds exactly the
rows ``/meetings/?country=CN&date_from=2023-01-01`` shows, in the same order. Unlike a page,
which drops a value it cannot read and shows the rest, the API answers 400 and says which
parameter was wrong and why: a program should not silently receive another list.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import ValidationError

from meetings import cache
from meetings.api import pagination, schema
from meetings.api.serializers import (
    ActorSerializer,
    CountryPageSerializer,
    CountryPairPageSerializer,
    CountrySerializer,
    MeetingSerializer,
    PartnerSerializer,
    StatementSerializer,
    YearSerializer,
)
from meetings.models import Actor, Country, Meeting, Statement
from meetings.site import filters
from meetings.site.rankings import country_partners
from meetings.site.views.countries import pair_years


class PublicList(generics.ListAPIView):
    """A list of public records, filtered, paged by keyset."""

    pagination_class = pagination.KeysetPagination
    keyset_date: str | None = None  # the date it is ordered by, newest first; else by slug

    def filter_queryset(self, queryset):
        """The filters applied, or a 400 that names every parameter it could not read, the
        page's (?after=, ?page_size=) with the filters'."""
        problems = self.paginator.problems(self.request, self)
        try:
            queryset = super().filter_queryset(queryset)
        except ValidationError as error:
            raise ValidationError({**problems, **error.detail}) from None
        if problems:
            raise ValidationError(problems)
        return queryset


@extend_schema(
    parameters=schema.MEETING_PARAMETERS,
    responses={200: MeetingSerializer(many=True), **schema.LIST_RESPONSES},
)
class MeetingList(PublicList):
    """Published meetings, newest first, with their participants and sources: the list and
    the filters of /meetings/."""

    queryset = Meeting.objects.published().for_api()
    serializer_class = MeetingSerializer
    filterset_class = filters.MeetingFilter
    keyset_date = "start_date"


@extend_schema(
    parameters=schema.STATEMENT_PARAMETERS,
    responses={200: StatementSerializer(many=True), **schema.LIST_RESPONSES},
)
class StatementList(PublicList):
    """Published statements, newest first, with their speakers and sources: the list and the
    filters of /statements/."""

    queryset = Statement.objects.published().for_api()
    serializer_class = StatementSerializer
    filterset_class = filters.StatementFilter
    keyset_date = "said_on"


@extend_schema(
    parameters=schema.ACTOR_PARAMETERS,
    responses={200: ActorSerializer(many=True), **schema.LIST_RESPONSES},
)
class ActorList(PublicList):
    """Published actors by slug, with the office each holds today: the list and the filters
    of /actors/."""

    queryset = Actor.objects.published().for_list()
    serializer_class = ActorSerializer
    filterset_class = filters.ActorFilter


class CountryMeetings(generics.GenericAPIView):
    """A page of meetings about countries, newest first, with what the site's page says
    around them (``about``); ?after= and ?page_size= as on the lists, no filters."""

    serializer_class = MeetingSerializer
    pagination_class = pagination.KeysetPagination
    keyset_date = "start_date"

    def about(self) -> dict:
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        about = self.about()  # a 404 before the meetings are read
        rows = self.paginate_queryset(self.get_queryset())
        data = self.get_serializer(rows, many=True).data
        return self.paginator.get_paginated_response(data, **about)


# ?after= and ?page_size=, described as on the lists (where the paginator describes them).
PAGE_PARAMETERS = [
    OpenApiParameter(p["name"], type=p["schema"], description=p["description"])
    for p in pagination.KeysetPagination().get_schema_operation_parameters(CountryMeetings)
]


@extend_schema_view(
    get=extend_schema(
        operation_id="country_retrieve",
        parameters=PAGE_PARAMETERS,
        responses={200: CountryPageSerializer, 404: schema.NOT_FOUND, **schema.LIST_RESPONSES},
    )
)
class CountryDetail(CountryMeetings):
    """A country: the meetings its officials took part in or that it hosted, newest first,
    and the countries it met most often among its newest meetings, as /countries/<code>/
    shows them."""

    def get_queryset(self):
        return Meeting.objects.published().involving_or_hosted(self.kwargs["code"]).for_api()

    def about(self) -> dict:
        country = get_object_or_404(Country, code=self.kwargs["code"])
        return {
            "country": CountrySerializer(country, context=self.get_serializer_context()).data,
            "partners": PartnerSerializer(country_partners(country.code), many=True).data,
        }


@extend_schema_view(
    get=extend_schema(
        operation_id="pair_retrieve",
        parameters=PAGE_PARAMETERS,
        responses={200: CountryPairPageSerializer, 404: schema.NOT_FOUND, **schema.LIST_RESPONSES},
    )
)
class CountryPair(CountryMeetings):
    """Two countries (in either order): their bilateral meetings, newest first, and their
    number by year (with the multilateral ones both attended), as /countries/<a>/<b>/
    shows them."""

    def codes(self) -> list[str]:
        codes = sorted({self.kwargs["first"], self.kwargs["second"]})
        if len(codes) != 2:
            raise Http404("A country pair needs two different countries.")
        return codes

    def get_queryset(self):
        # Bilateral encounters, as the pair's page lists them; summits both attended are
        # counted apart (``multilateral`` in the years, ``multilateral_count``).
        return Meeting.objects.in_pair(*self.codes(), bilateral=True).for_api()

    def about(self) -> dict:
        codes = self.codes()
        countries = list(Country.objects.filter(code__in=codes).order_by("code"))
        if len(countries) != 2:
            raise Http404("Unknown country.")
        years, self.pair_count, multilateral = cache.cached(
            f"pair-years-split:{codes[0]}:{codes[1]}",
            lambda: pair_years(*codes),
            depends_on=[cache.pair(*codes)],
        )
        context = self.get_serializer_context()
        return {
            "countries": CountrySerializer(countries, many=True, context=context).data,
            "years": YearSerializer(years, many=True).data,
            "multilateral_count": multilateral,
        }

    def count_total(self, queryset) -> dict:
        """The sum of the years and the undated: the page's own count, without a query."""
        return {"count": self.pair_count, "more": False, "estimate": None}
