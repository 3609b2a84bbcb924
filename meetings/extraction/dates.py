"""Temporal expressions resolved against an anchor day (dateline date or publication date).

"on Sunday" before a Monday anchor is the previous Sunday, the anchor's own weekday is the
anchor, "will meet on Tuesday" looks forward; "from April 16 to 19" and "16-19 April" are
ranges; "last week" and "next month" give no day; a month without a day gives month
precision; an article of 3 January speaking of "December 28" means the previous year.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

_MONTH = r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # noqa: E501
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WDS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s*(?P<{n}>(?:19|20)\d\d))?"
_DASH = r"\s*(?:-|–|—|to|until|till|through|and)\s*"
_ORD = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)\b"
# "the 3rd" is a day unless a noun follows ("the 3rd round", "the 20th anniversary").
_NOT_A_NOUN = (
    r"(?!\s+(?:of\s+)?(?!(?:and|as|at|after|before|but|during|for|in|on|to|the|when|where"
    r"|while|with)\b)[a-z])"
)

_PATTERNS = [
    # "from the 12th to the 14th (of March)", "between the 3rd and the 5th"
    (
        "ordinal-range",
        re.compile(
            rf"\b(?:from|between|on)\s+the\s+{_ORD.format(n='d1')}{_DASH}(?:the\s+)?"
            rf"{_ORD.format(n='d2')}(?:(?:\s+of)?\s+{_MONTH.format(n='m1')}{_YEAR.format(n='y')})?"
            rf"{_NOT_A_NOUN}"
        ),
    ),
    # from April 16 to 19 / April 16-19, 2023 / between April 16 and 19
    (
        "md-range",
        re.compile(
            rf"(?:(?:{_WD}|\b)(?:,?\s*))?\b{_MONTH.format(n='m1')}\s+{_DAY.format(n='d1')}"
            rf"{_DASH}(?:{_MONTH.format(n='m2')}\s+)?{_DAY.format(n='d2')}\b{_YEAR.format(n='y')}"
        ),
    ),
    # 16-19 April (2023) / 16 April to 19 May
    (
        "dm-range",
        re.compile(
            rf"\b{_DAY.format(n='d1')}(?:\s+{_MONTH.format(n='m1')})?{_DASH}{_DAY.format(n='d2')}"
            rf"\s+{_MONTH.format(n='m2')}{_YEAR.format(n='y')}"
        ),
    ),
    # (Sunday,) April 16(, 2023)
    (
        "md",
        re.compile(
            rf"(?:{_WD},?\s+(?:the\s+)?)?\b{_MONTH.format(n='m1')}\s+{_DAY.format(n='d1')}\b"
            rf"(?!\s*(?:-|–)\s*\d){_YEAR.format(n='y')}(?:\s*\((?:{_WDS})\))?"
        ),
    ),
    # (Sunday) 25 September (2022)
    (
        "dm",
        re.compile(
            rf"(?:{_WD},?\s+(?:the\s+)?)?\b{_DAY.format(n='d1')}\s+(?:of\s+)?"
            rf"{_MONTH.format(n='m1')}{_YEAR.format(n='y')}"
        ),
    ),
    # "on the 3rd", "on Tuesday the 3rd": a day of the anchor's month (or the one before)
    (
        "ordinal",
        re.compile(
            rf"(?:\b(?:on|since|until|till|by)\s+|\b(?=(?:{_WDS})\b))(?:{_WD},?\s+)?"
            rf"the\s+{_ORD.format(n='d1')}{_NOT_A_NOUN}"
        ),
    ),
    # "on Monday and Tuesday", "from Monday to Wednesday"
    (
        "weekday-range",
        re.compile(
            rf"\b(?:on|from|between)\s+{_WD}\s+(?:and|to|through|until|-|–)\s+"
            r"(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
    ),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mn>[01]\d)-(?P<d1>[0-3]\d)\b")),
    (
        "relative-day",
        re.compile(
            r"\b(?P<rel>today|yesterday|tomorrow|tonight|this morning|this afternoon|"
            r"this evening|earlier today|the day before yesterday)\b",
            re.I,
        ),
    ),  # noqa: E501
    (
        "weekday",
        re.compile(rf"\b(?P<mod>last|next|this|on|coming|previous|past)?\s*{_WD}\b", re.I),
    ),
    (
        "month",
        re.compile(
            rf"\b(?P<pre>in|during|since|early|late|mid|end of|this|last|next)?\s*(?:-\s*)?"
            rf"{_MONTH.format(n='m1')}(?:\s+(?P<y>(?:19|20)\d\d))?\b"
        ),
    ),
    (
        "vague",
        re.compile(r"\b(?:last|next|this|past|coming)\s+(?:week|month|year|weekend)\b", re.I),
    ),  # noqa: E501
]

# What a pattern cannot match without: a quick test of the sentence skips it.
_NEEDS = {
    "ordinal-range": ("digit",),
    "md-range": ("digit", "month"),
    "dm-range": ("digit", "month"),
    "md": ("digit", "month"),
    "dm": ("digit", "month"),
    "ordinal": ("digit",),
    "iso": ("digit",),
    "weekday-range": ("weekday",),
    "weekday": ("weekday",),
    "month": ("month",),
}
_PRESENCE = {
    "digit": re.compile(r"\d"),
    "month": re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"),
    "weekday": re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.I),
}

_FUTURE = re.compile(
    r"\b(?:will|shall|to be held|is to|are to|scheduled|planned|expected|is due|are due|"
    r"upcoming|forthcoming|next|would|plans? to|set to|going to|is to visit|to meet|to hold)\b",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: date | None
    end_date: date | None = None
    precision: str | None = None  # day | month | year | None
    rule: str = ""


def _month(value: str | None) -> int | None:
    if not value:
        return None
    return MONTHS.get(value.lower().rstrip("."))


def _nearest_year(
    month: int, day: int, anchor: date | None, year: int | None, future: bool | None = None
) -> date | None:
    if year:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if anchor is None:
        return None
    best: tuple[int, date] | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(y, month, day)
        except ValueError:
            continue
        distance = abs((candidate - anchor).days)
        # Tense breaks near-ties: a held meeting lies before the anchor, a planned one after.
        late = candidate > anchor + timedelta(days=1)
        early = candidate < anchor - timedelta(days=1)
        if (future is False and late) or (future is True and early):
            distance += 120
        if best is None or distance < best[0]:
            best = (distance, candidate)
    return best[1] if best else None


def _nearest_month(
    day: int, anchor: date, future: bool | None, weekday: int | None = None
) -> date | None:
    """ "the 3rd" said on 14 March: the 3rd of the anchor's month, the month before or the
    one after, whichever is nearest (tense breaks near-ties, a weekday must agree)."""
    best: tuple[int, date] | None = None
    for shift in (-1, 0, 1):
        month0 = anchor.month - 1 + shift
        try:
            candidate = date(anchor.year + month0 // 12, month0 % 12 + 1, day)
        except ValueError:
            continue
        if weekday is not None and candidate.weekday() != weekday:
            continue
        distance = abs((candidate - anchor).days)
        if (future is False and candidate > anchor + timedelta(days=1)) or (
            future is True and candidate < anchor - timedelta(days=1)
        ):
            distance += 120
        if best is None or distance < best[0]:
            best = (distance, candidate)
    return best[1] if best else None


def _year_for_weekday(month: int, day: int, weekday: int, anchor: date | None, today: date):
    """Year in which month/day falls on weekday: nearest the anchor, else latest to today."""
    if anchor is not None:
        found = _nearest_year(month, day, anchor, None)
        if found and found.weekday() == weekday:
            return found
    for y in range(today.year, today.year - 30, -1):
        try:
            candidate = date(y, month, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday:
            return candidate
    return None


def resolve_weekday(weekday: int, anchor: date, *, future: bool, modifier: str = "") -> date:
    modifier = modifier.lower()
    delta = (weekday - anchor.weekday()) % 7
    if modifier in ("next", "coming"):
        return anchor + timedelta(days=delta or 7)
    if modifier in ("last", "previous", "past"):
        return anchor - timedelta(days=((anchor.weekday() - weekday) % 7) or 7)
    if delta == 0:
        return anchor
    if future:
        return anchor + timedelta(days=delta)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def find_dates(
    text: str,
    anchor: date | None,
    *,
    offset: int = 0,
    future: bool | None = None,
    today: date | None = None,
) -> list[DateMention]:
    """Every temporal expression in text, resolved; offsets shifted by ``offset``."""
    today = today or date.today()
    if future is None:
        future = bool(_FUTURE.search(text))
    taken_starts: list[int] = []  # spans already claimed, in text order (they never overlap)
    taken_ends: list[int] = []
    found: list[DateMention] = []

    def free(s: int, e: int) -> bool:
        i = bisect_right(taken_starts, s)
        return (i == 0 or taken_ends[i - 1] <= s) and (
            i == len(taken_starts) or taken_starts[i] >= e
        )

    # Most sentences hold no number, month or weekday: skip the patterns that need one.
    absent = {name for name, pattern in _PRESENCE.items() if not pattern.search(text)}
    for rule, pattern in _PATTERNS:
        if absent.intersection(_NEEDS.get(rule, ())):
            continue
        for m in pattern.finditer(text):
            s, e = m.span()
            if not free(s, e) or e - s < 3:
                continue
            mention = _RESOLVERS[rule](s, e, m.groupdict(), rule, anchor, future, today)
            if mention is None:
                continue
            i = bisect_right(taken_starts, s)
            taken_starts.insert(i, s)
            taken_ends.insert(i, e)
            found.append(
                DateMention(
                    mention.start + offset,
                    mention.end + offset,
                    mention.date,
                    mention.end_date,
                    mention.precision,
                    mention.rule,
                )
            )
    return sorted(found, key=lambda d: d.start)


def _resolve_range(
    s: int, e: int, g: dict, rule: str, anchor, future: bool, today
) -> DateMention | None:
    """A day range in one or two months: "from April 16 to 19", "16-19 April 2024"."""
    year = int(g["y"]) if g.get("y") else None
    m1 = _month(g.get("m1")) or _month(g.get("m2"))
    m2 = _month(g.get("m2")) or m1
    d1, d2 = int(g["d1"]), int(g["d2"])
    if not m1 or not (1 <= d1 <= 31 and 1 <= d2 <= 31) or (m1 == m2 and d2 <= d1):
        return None
    first = _nearest_year(m1, d1, anchor, year, future)
    if first is None and g.get("wd"):
        first = _year_for_weekday(m1, d1, WEEKDAYS[g["wd"].lower()], anchor, today)
    if first is None:
        return None
    try:
        last = date(first.year + (1 if m2 < m1 else 0), m2, d2)
    except ValueError:
        return None
    return DateMention(s, e, first, last, "day", rule)


def _resolve_day(
    s: int, e: int, g: dict, rule: str, anchor, future: bool, today
) -> DateMention | None:
    """A month and day: "April 16", "16 April 2024", "Sunday 25 September"."""
    year = int(g["y"]) if g.get("y") else None
    month, day = _month(g.get("m1")), int(g["d1"])
    if not month or not 1 <= day <= 31:
        return None
    day_date = _nearest_year(month, day, anchor, year, future)
    if g.get("wd") and (day_date is None or day_date.weekday() != WEEKDAYS[g["wd"].lower()]):  # noqa: E501
        day_date = (
            _year_for_weekday(month, day, WEEKDAYS[g["wd"].lower()], anchor, today)
            if not year
            else day_date
        )
    if day_date is None:
        return None
    return DateMention(s, e, day_date, None, "day", rule)


def _resolve_ordinal(
    s: int, e: int, g: dict, rule: str, anchor, future: bool, today
) -> DateMention | None:
    """An ordinal day, alone or in a range: "on the 3rd", "from the 12th to the 14th"."""
    year = int(g["y"]) if g.get("y") else None
    d1 = int(g["d1"])
    d2 = int(g["d2"]) if g.get("d2") else None
    if not 1 <= d1 <= 31 or (d2 is not None and not d1 < d2 <= 31):
        return None
    month = _month(g.get("m1"))
    weekday = WEEKDAYS[g["wd"].lower()] if g.get("wd") else None
    if month:
        first = _nearest_year(month, d1, anchor, year, future)
    elif anchor is not None:
        first = _nearest_month(d1, anchor, future, weekday)
    else:
        first = None
    if first is None:
        return None
    last = None
    if d2 is not None:
        try:
            last = first.replace(day=d2)
        except ValueError:
            return None
    return DateMention(s, e, first, last, "day", rule)


def _resolve_weekday_range(
    s: int, e: int, g: dict, rule: str, anchor, future: bool, today
) -> DateMention | None:
    """A weekday range: "from Monday to Wednesday"."""
    if anchor is None:
        return None
    first = resolve_weekday(WEEKDAYS[g["wd"].lower()], anchor, future=future)
    gap = (WEEKDAYS[g["wd2"].lower()] - first.weekday()) % 7
    if gap == 0:
        return None
    return DateMention(s, e, first, first + timedelta(days=gap), "day", rule)


def _resolve_iso(
    s: int, e: int, g: dict, rule: str, anchor, future: bool, today
) -> DateMention | None:
    """An ISO date: "2024-05-10"."""
    try:
        return DateMention(s, e, date(int(g["y"]), int(g["mn"]), int(g["d1"])), None, "day", rule)
    except ValueError:
        return None


def _resolve_relative_day(
    s: int, e: int, g: dict, rule: str, anchor, future: bool, today
) -> DateMention | None:
    """Yesterday, today, tomorrow."""
    if anchor is None:
        return None
    rel = g["rel"].lower()
    shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2}.get(rel, 0)
    return DateMention(s, e, anchor + timedelta(days=shift), None, "day", rule)


def _resolve_weekday(
    s: int, e: int, g: dict, rule: str, anchor, future: bool, today
) -> DateMention | None:
    """A weekday, before or after the anchor by tense: "on Sunday", "next Tuesday"."""
    if anchor is None:
        return None
    wd = WEEKDAYS[g["wd"].lower()]
    mod = (g.get("mod") or "").lower()
    return DateMention(
        s,
        e,
        resolve_weekday(wd, anchor, future=future, modifier=mod),
        None,
        "day",
        rule,
    )


def _resolve_month(
    s: int, e: int, g: dict, rule: str, anchor, future: bool, today
) -> DateMention | None:
    """A month without a day: "in March", "next month" (month precision)."""
    year = int(g["y"]) if g.get("y") else None
    month = _month(g.get("m1"))
    raw = g.get("m1") or ""
    if not month or (raw == "May" and not g.get("pre") and not year):
        return None
    if raw.lower().rstrip(".") in ("mar", "may") and not (g.get("pre") or year):
        return None
    pre = (g.get("pre") or "").lower()
    if year is None and anchor is not None:
        year = anchor.year
        if pre == "next" or (future and month < anchor.month):
            year += 1 if month < anchor.month else 0
        elif month > anchor.month and not future:
            year -= 1
    return DateMention(s, e, date(year, month, 1) if year else None, None, "month", rule)


def _resolve_vague(
    s: int, e: int, g: dict, rule: str, anchor, future: bool, today
) -> DateMention | None:
    """A vague time: no date, but the words are taken (nothing else reads them)."""
    return DateMention(s, e, None, None, None, rule)


_RESOLVERS = {
    "md-range": _resolve_range,
    "dm-range": _resolve_range,
    "md": _resolve_day,
    "dm": _resolve_day,
    "ordinal": _resolve_ordinal,
    "ordinal-range": _resolve_ordinal,
    "weekday-range": _resolve_weekday_range,
    "iso": _resolve_iso,
    "relative-day": _resolve_relative_day,
    "weekday": _resolve_weekday,
    "month": _resolve_month,
    "vague": _resolve_vague,
}


def parse_dateline_date(text: str, published: date | None) -> date | None:
    """The month/day a dateline carries ("Beijing, Dec 21 (IANS)"), with the year."""
    if not text:
        return None
    for mention in find_dates(text, published):
        if mention.precision == "day" and mention.rule in ("md", "dm", "iso"):
            return mention.date
    return None
