"""What the OpenAPI schema says of the filters (drf-spectacular reads the FilterSets for
their names and types; the words written for the HTML forms' readers are replaced here)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema_field

from meetings.site import filters

CODE = "^[A-Za-z]{2}$"

# The value types of the site's own filter classes, which drf-spectacular cannot guess from
# their methods: an actor is asked for by slug or name, a country by its code.
extend_schema_field(OpenApiTypes.STR)(filters.ActorChoiceFilter)
extend_schema_field(OpenApiTypes.STR)(filters.CountryFilter)

BAD_REQUEST = OpenApiResponse(
    description="A parameter could not be read: the body names each one and says why."
)
NOT_FOUND = OpenApiResponse(description="No such country (or the same country twice).")
THROTTLED = OpenApiResponse(description="Too many requests from this address: see Retry-After.")


def query(name: str, description: str, **kwargs) -> OpenApiParameter:
    return OpenApiParameter(
        name, location=OpenApiParameter.QUERY, description=description, **kwargs
    )


def countries(description: str) -> OpenApiParameter:
    return query(
        "country",
        f"{description} (ISO 3166-1 alpha-2 codes, any case; repeat the parameter for several).",
        many=True,
        explode=True,
        pattern=CODE,
    )


def dates(what: str) -> list[OpenApiParameter]:
    return [
        query("date_from", f"{what} on or after this day.", type=OpenApiTypes.DATE),
        query(
            "date_to",
            f"{what} on or before this day (not before date_from).",
            type=OpenApiTypes.DATE,
        ),
    ]


def actor(role: str) -> OpenApiParameter:
    return query(
        "actor",
        f"The {role}: an actor's slug, or a name it goes by (refused, with the candidates, "
        "when several actors go by it).",
    )


OUTLET = query("outlet", "Records from a published article of this outlet (case ignored).")

MEETING_PARAMETERS = [
    query("q", "Words the meeting's title, summary or venue contain."),
    countries("Meetings with a participant from any of these countries"),
    *dates("Meetings that start"),
    actor("participant"),
    OUTLET,
]
STATEMENT_PARAMETERS = [
    query("q", "Words the statement's text or its speaker's name contain."),
    countries("Statements by a speaker from any of these countries"),
    *dates("Statements said"),
    actor("speaker"),
    OUTLET,
]
ACTOR_PARAMETERS = [
    query("q", "Part of one of the actor's names (case and accents ignored)."),
    countries("Actors of any of these countries"),
]
LIST_RESPONSES = {400: BAD_REQUEST, 429: THROTTLED}


def empty_means_absent(result, generator, request, public):
    """drf-spectacular postprocessing hook: every query parameter allows an empty value,
    which means what leaving it out means (the pages' GET forms send ``date_to=`` for an
    empty field, and their links work on the API)."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    parameter["allowEmptyValue"] = True
    return result
