"""django-filter FilterSets: the only place request.GET is parsed.

One FilterSet drives a list page, its facet counts (facets.py), its CSV export and its feed. Invalid
values never raise: ``resolve()`` drops them, says why, and answers 400 only when nothing
the reader asked for could be understood.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django_filters import fields as filter_fields

from meetings.models import (
    Actor,
    Alias,
    Country,
    EditorialStatus,
    Meeting,
    Statement,
    normalize_name,
)
from meetings.site import search
from meetings.site.paging import PageForm, TimelineCursorField

# --- fields ------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Case- and accent-free, for matching what a reader types ("cote d'ivoire")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


class CountryField(forms.MultipleChoiceField):
    """Countries by ISO code in any case ("cn", "CN") or by name as a reader types it
    ("china", "Côte d'Ivoire" or "Cote d'Ivoire"); stored as upper-case codes. Empty
    values (the picker's blank text box) are ignored."""

    default_error_messages = {
        "invalid_choice": "We know no country called “%(value)s”.",
    }

    def to_python(self, value):
        codes = []
        for raw in super().to_python(value):
            text = " ".join(raw.split())
            if not text:
                continue
            code = text.upper()
            if code not in self.known:
                code = self.by_name.get(fold(text), text)
            if code not in codes:
                codes.append(code)
        return codes

    def valid_value(self, value):
        return value in self.known

    @property
    def known(self) -> set[str]:
        return {code for code, _ in self.choices}

    @property
    def by_name(self) -> dict[str, str]:
        return {fold(str(name)): code for code, name in self.choices}


class CountryPicker(forms.Widget):
    """The country filter without JavaScript: each chosen country is a checked checkbox
    shown as a chip (untick it to remove it), and a text box with every country's name as
    a suggestion (a <datalist>) adds one more. Written in Python, like the fast select
    renderer: a template include per option cost more than the rest of the page."""

    def __init__(self, attrs=None, *, placeholder="Type a country’s name"):
        super().__init__(attrs)
        self.placeholder = placeholder
        self.choices = []

    def value_from_datadict(self, data, files, name):
        getter = getattr(data, "getlist", None)
        return getter(name) if getter else data.get(name)

    def format_value(self, value):
        if value is None:
            return []
        return [value] if isinstance(value, str) else list(value)

    def render(self, name, value, attrs=None, renderer=None):
        names = dict(self.choices)
        base_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        by_name = {fold(str(n)): code for code, n in names.items()}
        chosen = [
            v.strip().upper() if v.strip().upper() in names else by_name.get(fold(v))
            for v in self.format_value(value)
        ]
        chosen = [code for code in dict.fromkeys(chosen) if code in names]
        out = ['<div class="country-picker">']
        if chosen:
            out.append('<ul class="picked" aria-label="Chosen countries">')
            for code in chosen:
                out.append(
                    format_html(
                        '<li class="chip"><label><input type="checkbox" name="{}" value="{}"'
                        " checked> {}</label></li>",
                        name,
                        code,
                        names[code],
                    )
                )
            out.append("</ul>")
        described = f' aria-describedby="{escape(base_id)}_helptext"'
        out.append(
            format_html(
                '<input type="text" name="{}" id="{}" list="{}_names" autocomplete="off"'
                ' placeholder="{}"',
                name,
                base_id,
                base_id,
                self.placeholder,
            )
            + described
            + ">"
        )
        out.append(format_html('<datalist id="{}_names">', base_id))
        out.append(_datalist_options(tuple(names.values())))
        out.append("</datalist></div>")
        return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


@functools.lru_cache(maxsize=8)
def _datalist_options(country_names: tuple[str, ...]) -> str:
    return "".join(f'<option value="{escape(n)}"></option>' for n in sorted(country_names))


class CountryChoiceField(filter_fields.ChoiceField):
    """One ISO code in any case; stored upper-case."""

    def to_python(self, value):
        return super().to_python(value).strip().upper()


class DateRangeForm(forms.Form):
    """Refuses a range that ends before it starts."""

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The end date is before the start date.")
        return data


def date_input(label: str):
    return filters.DateFilter(
        label=label,
        method="filter_noop",
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class CountryFilter(filters.MultipleChoiceFilter):
    field_class = CountryField


class CounterpartFilter(filters.ChoiceFilter):
    field_class = CountryChoiceField


class TimelineCursorFilter(filters.Filter):
    field_class = TimelineCursorField


def country_filter(label: str = "Country", *, any_of: str = "Records of any of these countries"):
    return CountryFilter(
        label=label,
        method="filter_country",
        widget=CountryPicker(),
        help_text=f"{any_of}. Type a name to add one; untick one to remove it.",
    )


def kind_filter(choices):
    return filters.MultipleChoiceFilter(
        label="Kind",
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,  # a column of the row itself: no duplicates, no SELECT DISTINCT
    )


class ActorField(filter_fields.ModelChoiceField):
    """An actor by slug (the links the site makes) or by one of its names, as a reader types
    it ("Putin", "Vladimir Putin"): one query, the slug and the name each read from their
    own index. A name that several actors go by is refused with their slugs to choose from."""

    SHOWN = 5

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()[:200]
        if "\x00" in text:  # PostgreSQL refuses NUL in any text it is sent
            raise ValidationError("A name cannot contain a NUL character.", code="null_characters")
        named = Alias.objects.filter(normalized=normalize_name(text), is_role=False)
        found = list(
            self.queryset.filter(slug=text)
            .order_by()
            .union(self.queryset.filter(pk__in=named.values("actor_id")).order_by())
            .order_by("name", "slug")[: self.SHOWN + 1]
        )
        exact = [actor for actor in found if actor.slug == text]
        if exact or len(found) == 1:
            return (exact or found)[0]
        if not found:
            raise ValidationError(f"We know no actor called “{text}”.", code="invalid_choice")
        choices = ", ".join(f"{a.name} ({a.slug})" for a in found[: self.SHOWN])
        more = " and others" if len(found) > self.SHOWN else ""
        raise ValidationError(
            f"Several actors are called “{text}”: {choices}{more}. Give the one you mean.",
            code="ambiguous",
        )


class ActorChoiceFilter(filters.ModelChoiceFilter):
    field_class = ActorField


def actor_filter(label: str):
    return ActorChoiceFilter(
        label=label,
        queryset=Actor.objects.published(),
        to_field_name="slug",
        method="filter_actor",
        widget=forms.TextInput(attrs={"placeholder": "e.g. Vladimir Putin"}),
    )


def choices_of(choices: list) -> Callable[[], list]:
    """``choices`` as a callable for a form field: a form deep-copies its fields, and a
    field's list of choices with them (the 250 countries: about 1 ms of CPU a page); a
    callable is copied as it is, and called when the choices are read."""
    return lambda: choices


class BaseFilterSet(filters.FilterSet):
    """Country choices loaded once per request; date range applied by the subclass."""

    date_field = "start_date"

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        if "country" in self.filters:
            self.countries = dict(Country.objects.values_list("code", "name"))
            self.filters["country"].extra["choices"] = choices_of(list(self.countries.items()))

    def filter_noop(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        if data.get("date_from"):
            queryset = queryset.filter(**{f"{self.date_field}__gte": data["date_from"]})
        if data.get("date_to"):
            queryset = queryset.filter(**{f"{self.date_field}__lte": data["date_to"]})
        return queryset

    def filter_q(self, queryset, name, value):
        return search.matching(queryset, value)


# --- meetings ------------------------------------------------------------------------------


class MeetingFilter(BaseFilterSet):
    offers_pair = True  # two countries chosen: "Meetings between A and B →"
    q = filters.CharFilter(label="Words", method="filter_q")
    country = country_filter(
        "Participant country", any_of="Meetings involving any of these countries"
    )
    date_from = date_input("From")
    date_to = date_input("To")
    actor = actor_filter("Participant")
    kind = kind_filter(Meeting.Kind.choices)
    status = filters.ChoiceFilter(
        label="Status", choices=Meeting.Status.choices, empty_label="Any status"
    )
    outlet = filters.CharFilter(label="Outlet", method="filter_outlet")

    class Meta:
        model = Meeting
        fields = ["q", "country", "date_from", "date_to", "actor", "kind", "status", "outlet"]
        form = DateRangeForm

    def filter_country(self, queryset, name, value):
        return queryset  # applied with the dates, in filter_queryset

    def filter_queryset(self, queryset):
        """Country and dates together: one range scan of the participation (country,
        is_public, date) index; at 1M articles a country's meetings in a year count in
        ~20 ms this way, ~170 ms as "involving" and "between" apart."""
        queryset = filters.FilterSet.filter_queryset(self, queryset)
        data = self.form.cleaned_data
        start, end = data.get("date_from"), data.get("date_to")
        if data.get("country"):
            return queryset.involving_between(data["country"], start, end)
        return queryset.between(start, end)

    def filter_actor(self, queryset, name, value):
        return queryset.with_actor(value) if value else queryset

    def filter_outlet(self, queryset, name, value):
        return queryset.from_outlet(value)


class StatementFilter(BaseFilterSet):
    offers_pair = True
    date_field = "said_on"

    q = filters.CharFilter(label="Words", method="filter_q")
    country = country_filter(
        "Speaker's country", any_of="Statements by speakers of any of these countries"
    )
    date_from = date_input("From")
    date_to = date_input("To")
    actor = actor_filter("Speaker")
    kind = kind_filter(Statement.Kind.choices)
    outlet = filters.CharFilter(label="Outlet", method="filter_outlet")

    class Meta:
        model = Statement
        fields = ["q", "country", "date_from", "date_to", "actor", "kind", "outlet"]
        form = DateRangeForm

    def filter_country(self, queryset, name, value):
        return queryset.of_country(*value) if value else queryset

    def filter_actor(self, queryset, name, value):
        return queryset.filter(speaker=value) if value else queryset

    def filter_outlet(self, queryset, name, value):
        return queryset.filter(
            article__outlet__iexact=value, article__editorial_status=EditorialStatus.PUBLISHED
        )


class ActorFilter(BaseFilterSet):
    q = filters.CharFilter(label="Name", method="filter_name")
    country = country_filter("Country", any_of="Actors of any of these countries")
    kind = filters.ChoiceFilter(label="Kind", choices=Actor.Kind.choices, empty_label="Any kind")
    show = filters.ChoiceFilter(
        label="Show",
        choices=[("all", "Also actors with nothing on record")],
        empty_label="Actors with meetings or statements",
        method="filter_noop",  # applied in filter_queryset: the default needs no value
    )

    class Meta:
        model = Actor
        fields = ["q", "country", "kind", "show"]

    def filter_queryset(self, queryset):
        """Actors with nothing on record (most of the ~250 states) only when asked for."""
        queryset = super().filter_queryset(queryset)
        if self.form.cleaned_data.get("show") == "all":
            return queryset
        return queryset.on_record()

    def filter_name(self, queryset, name, value):
        return queryset.matching_name(value)

    def filter_country(self, queryset, name, value):
        return queryset.filter(country_id__in=value) if value else queryset


TIMELINE_KINDS = [*Meeting.Kind.choices, ("statement", "Statement"), ("office", "Office")]


class TimelineFilter(BaseFilterSet):
    """What a reader asks of an actor's timeline. It filters no queryset of its own: the
    timeline has three sources (meetings, statements, offices), and site/timeline.py
    applies the cleaned values to each (``timeline.Options.from_cleaned``)."""

    date_from = date_input("From")
    date_to = date_input("To")
    kind = filters.MultipleChoiceFilter(
        label="Show",
        choices=TIMELINE_KINDS,
        method="filter_noop",
        widget=forms.CheckboxSelectMultiple,
    )
    counterpart = CounterpartFilter(
        label="Counterpart country", method="filter_noop", empty_label=None
    )

    after = TimelineCursorFilter(label="Page", method="filter_noop")

    class Meta:
        model = Meeting
        fields = ["date_from", "date_to", "kind", "counterpart", "after"]
        form = DateRangeForm

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.countries = dict(Country.objects.values_list("code", "name"))
        choices = [("", "Any country"), *self.countries.items()]
        self.filters["counterpart"].extra["choices"] = choices_of(choices)

    def filter_queryset(self, queryset):
        return queryset  # not BaseFilterSet's date range: see the class docstring


class SearchForm(forms.Form):
    q = forms.CharField(label="Search", max_length=200, required=False)


# --- resolving a request's filters ----------------------------------------------------------


@dataclass
class Chip:
    """One active filter value and the link that removes it."""

    label: str
    value: str
    remove_query: str


@dataclass
class Resolved:
    """A request's filters, understood: the filtered queryset and everything around it."""

    filterset: filters.FilterSet
    queryset: QuerySet
    problems: list[str] = field(default_factory=list)
    chips: list[Chip] = field(default_factory=list)
    after: tuple | None = None
    status: int = 200
    # The newest rows and the bounded count, read once (facets.newest_sample).
    sample: list | None = None
    counted: tuple[int, bool] | None = None

    @property
    def active(self) -> bool:
        return bool(self.chips)

    @property
    def countries(self) -> CountryChoice | None:
        """Several countries chosen: what the list means ("Meetings involving any of"), and
        the pair page to offer when they are exactly two."""
        form = self.filterset.form
        field = form.fields.get("country")
        codes = getattr(form, "cleaned_data", {}).get("country") or []
        if not isinstance(field, CountryField) or len(codes) < 2:
            return None
        names = dict(field.choices)
        meaning = str(field.help_text).split(".", 1)[0]
        pair = sorted(c.lower() for c in codes) if len(codes) == 2 else None
        if pair and not getattr(self.filterset, "offers_pair", False):
            pair = None
        return CountryChoice(meaning, [names[c] for c in codes], pair)


@dataclass
class CountryChoice:
    meaning: str
    names: list[str]
    pair: list[str] | None


def _without(data: QueryDict, name: str, value: str | None = None) -> str:
    """The query string without one value of ``name`` (or all of them); the cursor dropped."""
    query = data.copy()
    query.pop("after", None)
    if value is None:
        query.pop(name, None)
    else:
        query.setlist(name, [v for v in query.getlist(name) if v.upper() != value.upper()])
    return query.urlencode()


def resolve(
    filterset_class, data: QueryDict, queryset: QuerySet, *, page_form=PageForm
) -> Resolved:
    """Apply ``filterset_class`` to ``data``; drop what is invalid and say why."""
    data = data.copy()
    problems: list[str] = []
    page = page_form(data)
    after = None
    if page.is_valid():
        after = page.cleaned_data["after"] or None
    else:
        problems.extend(page.errors["after"])
        data.pop("after")
    filterset, data = bind(filterset_class, data, queryset, problems)
    resolved = Resolved(filterset=filterset, queryset=filterset.qs, problems=problems, after=after)
    resolved.chips = chips(filterset, data)
    understood = [n for n in filterset.form.fields if any(data.getlist(n))]
    if problems and not understood:
        resolved.status = 400
        resolved.queryset = queryset.none()
    return resolved


def bind(filterset_class, data: QueryDict, queryset: QuerySet, problems: list[str]):
    """``filterset_class`` bound to ``data`` without the values it cannot read, and the data
    it was bound to; what was dropped is said in ``problems``, one line per error."""
    filterset = filterset_class(data, queryset)
    if filterset.is_valid():
        return filterset, _canonical(filterset, data)
    data = data.copy()
    for name, errors in filterset.form.errors.items():
        label = filterset.form.fields[name].label if name in filterset.form.fields else ""
        for error in errors:
            problems.append(f"{label}: {error}" if label else error)
        kept = _valid_values(filterset.form.fields.get(name), data.getlist(name))
        if kept:  # ?country=CN&country=ZZ still shows China's
            data.setlist(name, kept)
        else:
            data.pop(name, None)
    filterset = filterset_class(data, queryset)
    filterset.is_valid()
    return filterset, _canonical(filterset, data)


def _canonical(filterset, data: QueryDict) -> QueryDict:
    """Countries as codes in the data the chips' links are built from, so the link that
    removes “China” also removes a typed “china”."""
    cleaned = getattr(filterset.form, "cleaned_data", {})
    for name, form_field in filterset.form.fields.items():
        if isinstance(form_field, CountryField) and name in data:
            data = data.copy()
            data.setlist(name, cleaned.get(name) or [])
    return data


def _valid_values(form_field, values: list[str]) -> list[str]:
    """Of a several-valued field's values, those it accepts one by one; [] for other fields."""
    if not isinstance(form_field, forms.MultipleChoiceField):
        return []
    kept = []
    for value in values:
        try:
            form_field.clean([value])
        except forms.ValidationError:
            continue
        kept.append(value)
    return kept


def chips(filterset, data: QueryDict) -> list[Chip]:
    """The active filters, each value with its remove link, in form order."""
    form = filterset.form
    cleaned = getattr(form, "cleaned_data", {})
    result = []
    for name, form_field in form.fields.items():
        value = cleaned.get(name)
        if value in (None, "", []):
            continue
        label = form_field.label
        if isinstance(value, list):
            names = dict(getattr(form_field, "choices", []))
            for item in value:
                if item:
                    result.append(Chip(label, names.get(item, item), _without(data, name, item)))
        elif isinstance(value, dt.date):
            result.append(Chip(label, f"{value.day} {value:%B %Y}", _without(data, name)))
        elif isinstance(value, Actor):
            result.append(Chip(label, value.name, _without(data, name)))
        else:
            names = dict(getattr(form_field, "choices", []))
            result.append(Chip(label, str(names.get(value, value)), _without(data, name)))
    return result
