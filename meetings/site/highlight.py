"""Supporting spans marked in a text: one way of cutting a text at its spans, used by the
public article page (numbered references) and by the editors' review page in the admin.

A span is a dict with ``start`` and ``end`` (character offsets into the text) and what its
renderer needs (label, link, kind). Spans overlap (a quote inside a meeting's sentence), so
the text is cut at every span boundary and each piece knows the spans that cover it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from meetings.models import Article

PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def pieces(body: str, spans: list[dict], start: int = 0, end: int | None = None) -> Iterator:
    """``body[start:end]`` cut at every span boundary inside it, as (a, b, covering): the
    spans that cover all of ``body[a:b]``, in the order given."""
    end = len(body) if end is None else end
    cuts = {start, end}
    for span in spans:
        cuts.update(c for c in (span["start"], span["end"]) if start < c < end)
    for a, b in itertools.pairwise(sorted(cuts)):
        yield a, b, [s for s in spans if s["start"] <= a and b <= s["end"]]


def article_body(body: str, spans: list[dict]) -> SafeString:
    """The article body as paragraphs, each supporting span a numbered, linked <mark>.

    ``spans`` come in text order (by start, then end). Overlapping spans are clipped so
    every character is shown exactly once: a piece belongs to the first span covering it.
    """
    html = []
    for paragraph in PARAGRAPH.finditer(body):
        runs = []  # [owner or None, a, b], neighbouring pieces of one owner joined
        for a, b, covering in pieces(body, spans, *paragraph.span()):
            owner = covering[0] if covering else None
            if runs and runs[-1][0] is owner:
                runs[-1][2] = b
            else:
                runs.append([owner, a, b])
        html.append("<p>" + "".join(_reference(body, *run) for run in runs) + "</p>")
    return mark_safe("\n".join(html))  # noqa: S308 - every piece is escaped


def _reference(body: str, span: dict | None, a: int, b: int) -> str:
    if span is None:
        return escape(body[a:b])
    return format_html(
        '<mark id="{}" class="span span-{}">{}</mark>'
        '<a class="span-ref" href="{}" title="{}">[{}]<span class="visually-hidden">'
        " {}</span></a>",
        span["anchor"],
        span["kind"],
        body[a:b],
        span["url"],
        span["label"],
        span["number"],
        span["label"],
    )


def highlight(body: str, spans: list[dict]) -> str:
    """The body as HTML with each span wrapped in a <mark> linked to its row (the admin).

    Each piece is marked for all the spans covering it, linked to the innermost one. Each
    span's first piece carries its id, for "show in text".
    """
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= len(body)]
    started: set[str] = set()
    out = []
    for a, b, covering in pieces(body, spans):
        piece = body[a:b]
        if not covering:
            out.append(escape(piece))
            continue
        inner = min(covering, key=lambda s: (s["end"] - s["start"], s["kind"]))
        classes = " ".join(sorted({f"hl-{s['kind']}" for s in covering} | {inner["state"]}))
        anchor = ""
        for s in covering:
            if s["start"] == a and s["target"] not in started:
                started.add(s["target"])
                anchor += format_html('<span id="at-{}" class="hl-anchor"></span>', s["target"])
        out.append(
            format_html(
                '{}<a class="hl" href="#{target}" data-target="{target}" title="{}">'
                '<mark class="{}">{}</mark></a>',
                mark_safe(anchor),  # noqa: S308 - built with format_html above
                inner["label"],
                classes,
                piece,
                target=inner["target"],
            )
        )
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def article_spans(article: Article) -> list[dict]:
    """What the article page marks: the evidence of its public meetings and its public
    statements, in text order, numbered (two queries)."""
    evidence = list(article.evidence.for_article_page())
    statements = list(article.statements.for_article_page())
    spans = sorted(
        [
            {
                "start": e.start,
                "end": e.end,
                "anchor": f"e{e.pk}",
                "url": e.meeting.get_absolute_url(),
                "label": f"Meeting: {e.meeting.title}",
                "kind": "meeting",
            }
            for e in evidence
        ]
        + [
            {
                "start": s.start,
                "end": s.end,
                "anchor": f"s{s.pk}",
                "url": s.get_absolute_url(),
                "label": f"Statement by {s.speaker.name}",
                "kind": "statement",
            }
            for s in statements
        ],
        key=lambda span: (span["start"], span["end"]),
    )
    for number, span in enumerate(spans, start=1):
        span["number"] = number
    return spans
