"""Presentation helpers: human dates, highlighted article bodies, the activity chart."""

from __future__ import annotations

import datetime as dt
import functools

from django import template
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from meetings.site import highlight

register = template.Library()


def day_month_year(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@register.filter
def human_date(day: dt.date | None) -> str:
    """16 April 2023."""
    return day_month_year(day) if day else "Undated"


@register.filter
def meeting_dates(meeting) -> str:
    """“16 April 2023”, “16–19 April 2023”, “April 2023”, “2023”, at the meeting's precision."""
    start, end = meeting.start_date, meeting.end_date
    if start is None:
        return "Date unknown"
    if meeting.date_precision == "year":
        return str(start.year)
    if meeting.date_precision == "month":
        return f"{start:%B %Y}"
    if not end or end == start:
        return day_month_year(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
    return f"{day_month_year(start)} – {day_month_year(end)}"


@register.filter
def iso_date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


@register.simple_tag
def office_phrase(office) -> str:
    """“Minister of National Defense” or empty, for “as …” after a name."""
    return office.title if office else ""


@register.simple_tag
def highlighted_body(body: str, spans: list[dict]) -> SafeString:
    """The article body as paragraphs, each supporting span a numbered, linked <mark>."""
    return highlight.article_body(body, spans)


@functools.cache
def month_names(language: str | None) -> tuple[dict[int, str], dict[int, str]]:
    """The date filter's "F" and "M" for each month, in the active ``language``.

    Cached per language: the date filter looks them up (and its formats) on every call,
    which cost half the chart's time and ~30 µs per timeline row.
    """
    return (
        {m: str(MONTHS[m]) for m in range(1, 13)},
        {m: str(MONTHS_3[m].title()) for m in range(1, 13)},
    )


@register.filter
def month_year(day: dt.date | None) -> str:
    """``{{ day|date:"F Y" }}`` (“April 2023”), without the date filter's format lookups."""
    if day is None or day == "":
        return ""
    return f"{month_names(get_language())[0][day.month]} {day.year}"


@register.filter
def day_short_month(day: dt.date | None) -> str:
    """``{{ day|date:"j M" }}`` (“16 Apr”), without the date filter's format lookups."""
    if day is None or day == "":
        return ""
    return f"{day.day} {month_names(get_language())[1][day.month]}"


def plural(count: int) -> str:
    """The ``pluralize`` filter's suffix, without the template engine."""
    return "" if count == 1 else "s"


@register.simple_tag
def activity_chart(activity: dict, shortest: int = 12, longest: int = 36) -> SafeString:
    """Bars per month (meetings below, statements above) from the first to the last month
    with activity (at least ``shortest``, at most the newest ``longest`` months): an inline
    SVG with a text summary and a table of the same numbers.

    Written in Python rather than a template: rendering ~36 bars through the template engine
    cost several ms per actor page. tests/site/test_activity_chart.py pins the markup.
    Numbers are written with str(), as the template wrote them (no thousand separator);
    SVG coordinates must never be localised anyway.
    """
    if not activity:
        return mark_safe('<p class="empty">No dated activity yet.</p>')
    first, last = min(activity), max(activity)
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    months = max(shortest, min(longest, span))
    # A short record sits in the middle of the window rather than at its right edge.
    after = (months - span) - (months - span) // 2 if span < months else 0
    year, month = last.year, last.month + after
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    series = []
    for _ in range(months):
        series.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    series.reverse()
    counts = [activity.get(m, (0, 0)) for m in series]
    peak = max((a + b for a, b in counts), default=0) or 1
    height, top, left, plot = 120, 10, 40, 680
    width = plot / months
    gap = max(1.0, width * 0.2)
    scale = (height - top) / peak
    bar_width = round(width - gap, 1)
    long_names, short_names = (
        {m: escape(name) for m, name in names.items()} for names in month_names(get_language())
    )

    def long_name(day: dt.date) -> str:
        return f"{long_names[day.month]} {day.year}"

    groups, rows = [], []
    for index, (day, (meetings, statements)) in enumerate(zip(series, counts, strict=True)):
        h_meet, h_state = meetings * scale, statements * scale
        x = round(left + index * width, 1)
        name = long_name(day)
        # Numbers and escaped month names only: no further escaping needed.
        parts = [
            f"<g><title>{name}: {meetings} meeting{plural(meetings)}, "
            f"{statements} statement{plural(statements)}</title>"
        ]
        if round(h_meet, 1):
            parts.append(
                f'<rect class="bar-meetings" x="{x}" y="{round(height - h_meet, 1)}" '
                f'width="{bar_width}" height="{round(h_meet, 1)}"/>'
            )
        if round(h_state, 1):
            parts.append(
                f'<rect class="bar-statements" x="{x}" y="{round(height - h_meet - h_state, 1)}" '
                f'width="{bar_width}" height="{round(h_state, 1)}"/>'
            )
        if day.month == 1 or (index == 0 and day.month <= 9):
            parts.append(
                f'<text x="{x}" y="{height + 20}" class="tick">'
                f"{short_names[day.month]} {day.year}</text>"
            )
        parts.append("</g>")
        groups.append("\n".join(parts))
        if meetings or statements:
            rows.append(
                f'<tr><th scope="row">{name}</th><td>{meetings}</td><td>{statements}</td></tr>'
            )
    busiest, (busy_meetings, busy_statements) = max(
        zip(series, counts, strict=True), key=lambda pair: (sum(pair[1]), pair[0])
    )
    total_meetings = sum(a for a, _ in counts)
    total_statements = sum(b for _, b in counts)
    chart_width = left + plot + 20
    return format_html(
        '<figure class="chart">\n'
        '<svg role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 {} {}"'
        ' class="activity-svg" focusable="false">\n'
        '<title id="chart-title">Meetings and statements per month, {} to {}</title>\n'
        '<desc id="chart-desc">{} meeting{} and {} statement{} in these months;'
        " the busiest was {} with {} meeting{} and {} statement{}.</desc>\n"
        '<line x1="36" y1="{}" x2="{}" y2="{}" class="axis"/>\n'
        '<text x="30" y="16" class="tick" text-anchor="end">{}</text>\n'
        '<text x="30" y="{}" class="tick" text-anchor="end">0</text>\n'
        "{}\n"
        "</svg>\n"
        '<figcaption><span class="key key-meetings">Meetings</span>'
        ' <span class="key key-statements">Statements</span></figcaption>\n'
        "</figure>\n"
        '<details class="chart-data">\n'
        "<summary>The numbers</summary>\n"
        "<table>\n"
        '<caption class="visually-hidden">Meetings and statements per month</caption>\n'
        '<thead><tr><th scope="col">Month</th><th scope="col">Meetings</th>'
        '<th scope="col">Statements</th></tr></thead>\n'
        "<tbody>{}</tbody>\n"
        "</table>\n"
        "</details>",
        chart_width,
        height + 28,
        mark_safe(long_name(series[0])),
        mark_safe(long_name(series[-1])),
        total_meetings,
        plural(total_meetings),
        total_statements,
        plural(total_statements),
        mark_safe(long_name(busiest)),
        busy_meetings,
        plural(busy_meetings),
        busy_statements,
        plural(busy_statements),
        height,
        chart_width,
        height,
        peak,
        height,
        mark_safe("\n".join(groups)),
        mark_safe("".join(rows)),
    )


@register.simple_tag
def pair_url(first: str, second: str) -> str:
    from django.urls import reverse

    a, b = sorted([first.lower(), second.lower()])
    return reverse("meetings:country-pair", args=[a, b])


@register.filter
def bar_width(count: int, peak: int) -> str:
    """Percent width of a horizontal bar, for class names (CSP forbids inline styles)."""
    if not peak:
        return "0"
    return str(min(100, round(count * 10 / peak) * 10))
