"""Time linear in the text: the text stages on a 300 KB article, with a generous bound.

The bound is far above what a linear pass needs (well under a second here) and far below
what a pass comparing every quote, sentence or hit with every other needs (tens of seconds
at this size), so it holds on a loaded machine and still fails on a quadratic loop.
"""

import time
from datetime import date

from meetings.extraction.dates import find_dates
from meetings.extraction.kb import normalize_with_map
from meetings.extraction.quotemarks import find_quote_spans
from meetings.extraction.text import parse_dateline, sentences, tokens

SIZE = 300_000
BOUND_S = 10.0

# Our own sentences: quotes of both kinds, abbreviations that are not sentence ends, dates.
_PARAGRAPH = "Mr. Li told the U.S. envoy “we agree” and ‘so do we’ from 12 to 14 March. "


def _timed(fn, text):
    start = time.process_time()
    result = fn(text)
    return time.process_time() - start, result


def test_text_stages_take_linear_time_on_one_300_kb_paragraph():
    text = _PARAGRAPH * (SIZE // len(_PARAGRAPH))
    spent = {}
    spent["sentences"], sents = _timed(sentences, text)
    spent["tokens"], _ = _timed(tokens, text)
    spent["normalise"], (norm, _) = _timed(normalize_with_map, text)
    spent["quote marks"], quotes = _timed(find_quote_spans, text)
    spent["dateline"], _ = _timed(lambda t: parse_dateline("OSLO, March 3", t, None), text)
    spent["dates"], found = _timed(lambda t: find_dates(t, date(2024, 3, 20)), text)
    repeats = SIZE // len(_PARAGRAPH)
    assert len(sents) == repeats  # the "Mr." and "U.S." inside do not end one
    assert len(quotes) == 2 * repeats
    assert sum(d.end_date is not None for d in found) == repeats  # "from 12 to 14 March"
    assert norm.startswith("mr li told the u s envoy we agree")
    assert sum(spent.values()) < BOUND_S, spent


def test_quote_pairing_takes_linear_time_on_one_paragraph_of_short_quotes():
    text = "“Yes,” he said, ‘no doubt’. " * (SIZE // 28)
    spent, quotes = _timed(find_quote_spans, text)
    assert len(quotes) == 2 * (SIZE // 28)
    assert spent < BOUND_S


def test_dates_take_linear_time_in_how_many_a_text_holds():
    text = "They met on 3 March, on the 5th and from 12 to 14 June 2023. " * (SIZE // 62)
    spent, found = _timed(lambda t: find_dates(t, date(2024, 3, 20)), text)
    assert len(found) == 3 * (SIZE // 62)
    assert spent < BOUND_S
