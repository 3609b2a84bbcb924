"""Presentation helpers: human dates, highlighted article bodies, the activity chart."""

from __future__ import annotations

import datetime as dt
import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

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
    """The article body as paragraphs, each supporting span a numbered, linked <mark>.

    Overlapping spans are clipped so every character is shown exactly once.
    """
    html = []
    for paragraph in re.finditer(r"[^\n]+(?:\n[^\n]+)*", body):
        p_start, p_end = paragraph.span()
        position, pieces = p_start, []
        for span in spans:
            start, end = max(span["start"], position, p_start), min(span["end"], p_end)
            if start >= end:
                continue
            pieces.append(escape(body[position:start]))
            pieces.append(
                format_html(
                    '<mark id="{}" class="span span-{}">{}</mark>'
                    '<a class="span-ref" href="{}" title="{}">[{}]<span class="visually-hidden">'
                    " {}</span></a>",
                    span["anchor"],
                    span["kind"],
                    body[start:end],
                    span["url"],
                    span["label"],
                    span["number"],
                    span["label"],
                )
            )
            position = end
        pieces.append(escape(body[position:p_end]))
        html.append("<p>" + "".join(pieces) + "</p>")
    return mark_safe("\n".join(html))


@register.inclusion_tag("includes/_activity_chart.html")
def activity_chart(activity: dict, shortest: int = 12, longest: int = 36):
    """Bars per month (meetings below, statements above) from the first to the last month
    with activity (at least ``shortest``, at most the newest ``longest`` months): an inline
    SVG with a text summary and a table of the same numbers."""
    if not activity:
        return {"bars": []}
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
    bars = []
    for index, (month, (meetings, statements)) in enumerate(zip(series, counts, strict=True)):
        scale = (height - top) / peak
        h_meet, h_state = meetings * scale, statements * scale
        x = round(left + index * width, 1)
        bars.append(
            {
                "month": month,
                "meetings": meetings,
                "statements": statements,
                "x": x,
                "w": round(width - gap, 1),
                "y_meet": round(height - h_meet, 1),
                "h_meet": round(h_meet, 1),
                "y_state": round(height - h_meet - h_state, 1),
                "h_state": round(h_state, 1),
                "label_x": x + (width - gap) / 2,
                "year_label": month.month == 1 or (index == 0 and month.month <= 9),
            }
        )
    busiest = max(bars, key=lambda b: (b["meetings"] + b["statements"], b["month"]))
    return {
        "bars": bars,
        "peak": peak,
        "width": left + plot + 20,
        "height": height,
        "total_meetings": sum(b["meetings"] for b in bars),
        "total_statements": sum(b["statements"] for b in bars),
        "busiest": busiest,
        "first": series[0],
        "last": series[-1],
    }


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
