"""Pair quotation marks at character level.

Handles straight, curly and single quotes, doubled apostrophes (``like this''), mixed
open/close styles, apostrophes inside words (it's, China’s), stray marks (an odd number
never crashes) and quotes that run over several paragraphs (one entry per paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import paragraphs

OPEN_DOUBLE = "“„‟«"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # first character of the quoted text
    end: int  # one past its last character
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ends first
    paragraph: int


_MARK_RE = re.compile(r"``|''|[`“”„‟«»\"'‘’‹›]")
# Where a mark stands at the start of a quote: after a blank, an opening bracket or a dash.
_OPENS_AFTER = "([{—–-/:"


def _marks(text: str, ps: int, pe: int, double: bool):
    """Yield (offset, length, role) with role "open", "close" or "either"."""
    for m in _MARK_RE.finditer(text, ps, pe):
        i = m.start()
        mark = m.group()
        prev = text[i - 1] if i > ps else " "
        nxt = text[m.end()] if m.end() < pe else " "
        if double:
            if mark == "``":
                yield i, 2, "open"
            elif mark == "''":
                # ``like this'' closes; ''like this'' (two apostrophes for a double mark)
                # opens where a quote can open: after a space or an opening bracket.
                if prev.isalnum() and nxt.isalnum():
                    pass
                elif (prev.isspace() or prev in _OPENS_AFTER or i == ps) and not nxt.isspace():
                    yield i, 2, "open"
                else:
                    yield i, 2, "close"
            elif mark in OPEN_DOUBLE:
                # „like this“ (German) and “like this“ (a slip): an opening mark right
                # after a word, before a blank or punctuation, closes.
                opens = prev.isspace() or prev in _OPENS_AFTER or i == ps or nxt.isalnum()
                yield i, 1, "open" if opens else "close"
            elif mark in CLOSE_DOUBLE:
                # ”like this” (Swedish, Finnish, or a slip): a closing mark after a blank and
                # before a letter opens when no quote is open.
                opens = (prev.isspace() or prev in _OPENS_AFTER or i == ps) and nxt.isalnum()
                yield i, 1, "either" if opens else "close"
            elif mark == '"':
                if prev.isspace() or prev in _OPENS_AFTER or i == ps:
                    yield i, 1, "open" if not nxt.isspace() else "either"
                else:
                    yield i, 1, "close"
        else:
            if mark in ("``", "''"):
                continue
            if mark == "`":
                # `like this' (an old typewriter style): a backtick only ever opens.
                if not nxt.isspace():
                    yield i, 1, "open"
                continue
            if mark in OPEN_SINGLE:
                if not nxt.isspace():
                    yield i, 1, "open"
            elif mark in CLOSE_SINGLE or mark == "'":
                if prev.isalnum() and nxt.isalnum():
                    pass  # apostrophe inside a word
                elif (prev.isspace() or prev in _OPENS_AFTER or i == ps) and nxt.isalnum():
                    yield i, 1, "open" if mark == "'" else "either"
                elif not prev.isspace():
                    yield i, 1, "close"


def _pair(
    text: str, ps: int, pe: int, p_index: int, double: bool, blocked, carried: bool = False
) -> list[QuoteSpan]:
    """Quotes of one paragraph; ``blocked`` are (start, end) ranges in text order, where
    marks do not count (inside a double quote, a single mark is part of its text).

    Double marks nest: an opening mark inside an open quote opens a quote within it
    (“The ministers backed “stable ties,” the ministry said.” holds one quote, the outer
    one). ``carried``: the paragraph before ended inside an unclosed double quote, so a
    closing mark with no opening one before it in this paragraph closes a quote that
    starts with the paragraph (a quote run over paragraphs whose next paragraph does not
    open with a mark).
    """
    found: list[QuoteSpan] = []
    # Open marks as (offset, length); a mark of length 0 at ``ps`` is the carried quote.
    opens: list[tuple[int, int]] = [(ps, 0)] if carried and double else []
    last_close = -1
    block = 0  # marks come in text order: one pass over the blocked ranges
    for offset, length, role in _marks(text, ps, pe, double):
        while block < len(blocked) and blocked[block][1] <= offset:
            block += 1
        if block < len(blocked) and blocked[block][0] <= offset:
            continue
        if role == "either":
            role = "close" if opens and opens[-1][1] else "open"
        if role == "open":
            if double or not opens:
                opens.append((offset, length))
            continue
        if not opens:
            continue  # stray closing mark: never a quote
        open_at = opens.pop()
        start = open_at[0] + open_at[1]
        if offset > start:
            found.append(QuoteSpan(start, offset, open_at[0], offset, p_index))
        last_close = offset
        if not double:
            opens.clear()
    # An open mark left over before the last closing one was a stray; the carried quote
    # is never left open (it exists only for a closing mark).
    left = [o for o in opens if o[0] > last_close and o[1]]
    if left:
        open_at = left[-1]
        start = open_at[0] + open_at[1]
        if not double and start - ps > 2:
            return found  # an unclosed single mark mid-paragraph is an apostrophe
        end = pe
        if pe > start:
            found.append(QuoteSpan(start, end, open_at[0], None, p_index))
    return found


def find_quote_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    carried = False
    for p_index, (ps, pe) in enumerate(paragraphs(text)):
        if _MARK_RE.search(text, ps, pe) is None:
            carried = False  # no mark: no quote, and a carried one needs a closing mark
            continue
        doubles = _pair(text, ps, pe, p_index, True, (), carried)
        carried = any(q.close_mark is None for q in doubles)
        blocked = [(q.open_mark, (q.close_mark or q.end) + 1) for q in doubles]
        singles = _pair(text, ps, pe, p_index, False, blocked)
        # Single marks count only where they hold at least two words (not 's or 'n').
        singles = [q for q in singles if re.search(r"\w\W+\w", text[q.start : q.end])]
        spans.extend(_outermost(sorted(doubles + singles, key=lambda q: q.start)))
    return [q for q in spans if re.search(r"\w", text[q.start : q.end])]


def _outermost(quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """Drop a quote inside another one (it is part of it, not a statement of its own).

    ``quotes`` sorted by start, and returned in that order; one pass in the order of the
    opening marks keeps the furthest end of the quotes opened strictly earlier.
    """
    inner: set[int] = set()
    furthest = -1  # furthest end among quotes opened before the current opening mark
    pending = -1  # furthest end among quotes opened at the current opening mark
    previous_open = None
    for index in sorted(range(len(quotes)), key=lambda i: quotes[i].open_mark):
        q = quotes[index]
        if q.open_mark != previous_open:
            furthest, pending, previous_open = max(furthest, pending), -1, q.open_mark
        if q.end <= furthest:
            inner.add(index)
        pending = max(pending, q.end)
    return [q for index, q in enumerate(quotes) if index not in inner]


def quote_text(text: str, q: QuoteSpan) -> tuple[int, int]:
    """Offsets of the quotation without surrounding blanks and a trailing comma."""
    s, e = q.start, q.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    while e > s and text[e - 1] == ",":
        e -= 1
    return s, e
