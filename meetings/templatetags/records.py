"""The list items every list page repeats (a meeting, a statement), rendered in Python.

templates/includes/_meeting_item.html and _statement_item.html call these: a list of 20
rows spent most of its CPU in Django's template engine resolving each row's variables and
filters one by one (issue 14, item 3); the same markup written here with format_html costs
a fraction of it. The HTML is the one the includes used to write, escaped the same way.
"""

from __future__ import annotations

from functools import cache

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from meetings.templatetags.meetings_extras import human_date, iso_date, meeting_dates, status_note

register = template.Library()
MAX_PEOPLE = 6  # named in a meeting's line; the rest are counted
PLACEHOLDER = "0000000000"  # matches every detail URL's converter (a slug, an int)


@cache
def _around(name: str, script_prefix: str) -> tuple[str, str]:
    """What comes before and after the key in ``name``'s URL (reversed once per process)."""
    before, after = reverse(name, args=[PLACEHOLDER]).split(PLACEHOLDER)
    return before, after


def url(name: str, key) -> str:
    """``reverse(name, args=[key])`` without the resolver's work on every row (the key is a
    slug or a number, which need no quoting)."""
    before, after = _around(name, get_script_prefix())
    return f"{before}{key}{after}"


def _people(meeting) -> SafeString:
    """``meeting``: a ``MeetingRow`` (MeetingQuerySet.list_rows) or a ``Meeting`` with its
    participations prefetched (``for_list``): both have ``list_people``."""
    people = meeting.list_people
    parts = []
    for n, p in enumerate(people[:MAX_PEOPLE], start=1):
        parts.append(conditional_escape(p.name))
        if p.country_id:
            parts.append(format_html(' <span class="country">({})</span>', p.country_name))
        if n < len(people) and n < MAX_PEOPLE:
            parts.append(", ")
    if len(people) > MAX_PEOPLE:
        parts.append(f" and {len(people) - MAX_PEOPLE} more")
    return mark_safe("".join(parts))


def _place(meeting) -> SafeString:
    venue = meeting.country.name if meeting.country_id else ""
    if not (meeting.city or meeting.country_id):
        return mark_safe("")
    if meeting.city:
        return format_html(" · {}{}{}", meeting.city, ", " if venue else "", venue)
    return format_html(" · {}", venue)


@register.simple_tag
def meeting_item(meeting, snippet="") -> SafeString:
    """One meeting in a list: dates, kind, status, title, people and place, and a search
    snippet when given."""
    status = ""
    if meeting.status != "held":
        status = format_html(
            ' · <span class="badge badge-{}">{}</span>',
            "overdue" if meeting.is_overdue else meeting.status,
            status_note(meeting),
        )
    return format_html(
        '<li class="record meeting-item">\n'
        '  <p class="meta"><time datetime="{}">{}</time> · {}{}</p>\n'
        '  <h3 class="record-title"><a href="{}">{}</a></h3>\n'
        '  <p class="detail">{}{}</p>\n'
        "  {}\n"
        "</li>\n",
        iso_date(meeting.start_date),
        meeting_dates(meeting),
        meeting.get_kind_display(),
        status,
        url("meetings:meeting-detail", meeting.slug),
        meeting.title,
        _people(meeting),
        _place(meeting),
        format_html('<p class="snippet">{}</p>', snippet) if snippet else "",
    )


@register.simple_tag
def statement_item(statement, snippet="") -> SafeString:
    """One statement in a list: date, kind, its text (or a search snippet), the speaker,
    ``via`` and the public meeting it was said at."""
    speaker = statement.speaker
    detail = [
        format_html(
            '— <a href="{}">{}</a>', url("meetings:actor-detail", speaker.slug), speaker.name
        )
    ]
    if speaker.country_id:
        detail.append(format_html(" ({})", speaker.country.name))
    if statement.via_id:
        detail.append(format_html(", via {}", statement.via.name))
    elif statement.reported_by:
        detail.append(format_html(", as reported by {}", statement.reported_by))
    meeting = statement.meeting if statement.meeting_id else None
    if meeting is not None and meeting.is_public:
        detail.append(
            format_html(
                ', at <a href="{}">{}</a>',
                url("meetings:meeting-detail", meeting.slug),
                meeting.title,
            )
        )
    text = snippet or Truncator(statement.words).words(60, truncate=" …")
    return format_html(
        '<li class="record statement-item">\n'
        '  <p class="meta"><time datetime="{}">{}</time> · {}</p>\n'
        '  <blockquote class="quote"><p><a href="{}">{}</a></p></blockquote>\n'
        '  <p class="detail">{}</p>\n'
        "</li>\n",
        iso_date(statement.said_on),
        human_date(statement.said_on),
        statement.get_kind_display(),
        url("meetings:statement-detail", statement.pk),
        text,
        mark_safe("".join(detail)),
    )
