"""The one value every extraction stage reads: the text and what is known of it before any
entity is found (sentences, quote spans, dateline, the date the article's days count from).

Built once per article by :func:`document`; stages never change it. What stages find goes
into the mentions ``Analysis``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .quotemarks import QuoteSpan, find_quote_spans
from .text import Dateline, Sentence, paragraphs, parse_dateline, sentences


@dataclass(frozen=True)
class Document:
    text: str
    sentences: list[Sentence]
    quote_spans: list[QuoteSpan]
    dateline: Dateline
    published: date | None = None
    today: date | None = None
    # The day relative dates count from: the dateline's day, else the publication date.
    anchor: date | None = field(default=None)

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        return paragraphs(self.text)


def document(
    text: str,
    *,
    dateline: str = "",
    published: date | None = None,
    today: date | None = None,
) -> Document:
    """The Document of an article's text, its dateline string and its publication date."""
    text = text or ""
    parsed = parse_dateline(dateline or "", text, published)
    return Document(
        text=text,
        sentences=sentences(text),
        quote_spans=find_quote_spans(text),
        dateline=parsed,
        published=published,
        today=today,
        anchor=parsed.day or published,
    )
