"""Paragraphs, sentences, tokens and the dateline of an article (offsets into the text)."""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import date

from .dates import parse_dateline_date

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "prof", "gen", "lt", "col", "sen", "rep", "gov", "jr", "sr",
    "no", "vs", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "h.e", "h.h", "h.m", "h.r.h", "u.s", "u.k", "u.n", "e.u",
    "capt", "maj", "adm", "brig", "hon", "rev", "messrs", "approx", "est", "dept", "fig", "al",
    "p.m", "a.m", "sta", "sto", "ste",  # "Jose Sta. Romana", "Sto. Tomas"
}  # fmt: skip


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


class Token:
    """A word with its offsets; "China’s" is the token "China" with possessive=True."""

    __slots__ = ("end", "possessive", "start", "text")

    def __init__(self, start: int, end: int, text: str, possessive: bool = False):
        self.start = start
        self.end = end
        self.text = text
        self.possessive = possessive

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


_TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*(?:['’]s\b)?")


_POSSESSIVE_END = re.compile(r"['’]s")
_match_start, _match_end, _match_group = re.Match.start, re.Match.end, re.Match.group


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    # The tokens are built by C-level maps over the matches; the few possessives ("China’s"
    # -> "China", possessive) are then found by their "’s" and rebuilt.
    end = len(text) if end is None else end
    matches = list(_TOKEN_RE.finditer(text, start, end))
    ends = list(map(_match_end, matches))
    words = list(map(_match_group, matches))
    out = list(map(Token, map(_match_start, matches), ends, words))
    index_of_end = None
    for m in _POSSESSIVE_END.finditer(text, start, end):
        if index_of_end is None:
            index_of_end = {e: i for i, e in enumerate(ends)}
        i = index_of_end.get(m.end())
        if i is not None and len(words[i]) > 2:
            out[i] = Token(out[i].start, ends[i] - 2, words[i][:-2], True)
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line block, trailing whitespace excluded.

    Rule "hard-wrapped-lines": in a text wrapped at a fixed width ("is to travel to Peru" /
    "in the second week of June"), a single line break after a line that ends inside a
    sentence joins the two lines into one paragraph. The text counts as wrapped when at
    least two of its lines end inside a sentence with the next one going on in lower case.
    """
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            spans.append((s, e))
    if "\n" not in text or len(spans) < 3:
        return spans
    wrapped = [
        _goes_on(text[e - 1]) and "\n\n" not in text[e:ns]
        for (_s, e), (ns, _ne) in zip(spans, spans[1:], strict=False)
    ]
    lower_next = sum(
        w and text[ns].islower() for w, (ns, _ne) in zip(wrapped, spans[1:], strict=False)
    )
    if lower_next < 2:
        return spans
    joined = [spans[0]]
    for w, span in zip(wrapped, spans[1:], strict=False):
        if w:
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


def _goes_on(last: str) -> bool:
    """A line that ends inside a sentence: a word, a comma or an apostrophe last."""
    return last.isalnum() or last in ",;'’-_"


_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for p_index, (ps, pe) in enumerate(paragraphs(text)):
        start = ps
        for m in _BOUNDARY.finditer(text, ps, pe):
            # The word before the mark (a bounded look back: a paragraph of many "Mr." and
            # "U.S." must not be sliced again and again from its start).
            before = text[max(start, m.start() - 40) : m.start()]
            parts = before.rsplit(None, 1)
            word = parts[-1].lstrip("(").lower().rstrip(".") if parts else ""
            if text[m.start()] == "." and (
                word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
            ):
                continue
            end = m.end()
            out.append(Sentence(len(out), start, end, p_index))
            start = end
            while start < pe and text[start].isspace():
                start += 1
        if start < pe:
            out.append(Sentence(len(out), start, pe, p_index))
    return out


@dataclass(frozen=True)
class Dateline:
    city: str = ""
    agency: str = ""
    day: date | None = None
    span: tuple[int, int] | None = None  # where it sits at the start of the text
    agency_span: tuple[int, int] | None = None


_DATELINE_RE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,3})"
    r"(?:\s*,\s*[A-Z][A-Za-z ]{2,30}?(?=\s*[:–—-]))?"  # ", Saudi Arabia:"
    r"(?P<rest>(?:\s*[,.]?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:\s*/\s*\d{4}|,?\s+\d{4})?\.?))?"
    r"\s*(?:\((?P<a1>[^)]{2,40})\)|/(?P<a2>[A-Za-z][\w .-]{1,30})/\.?"
    r"|[.,]?\s+(?P<a3>[A-Z]{3,}\b))?)"
    r"\s*(?:[–—:-]+\s*)?"
)


_MONTH_WORD = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d", re.I
)


def _dateline_city(source: str) -> str:
    head = re.split(r"[,.(/–—:]|\s-\s|\d", source, maxsplit=1)[0]
    month = _MONTH_WORD.search(head + " 1")
    if month:
        head = head[: month.start()]
    return head.strip()


def parse_dateline(dateline: str, text: str, published: date | None) -> Dateline:
    """City, agency and date of the dateline; where it sits at the start of the text."""
    source = dateline.strip() if dateline else ""
    head = text[:200]
    span = None
    if source:
        idx = head.lower().find(source.lower()[: max(6, len(source) - 2)])
        if idx != -1 and idx < 5:
            m = _DATELINE_RE.match(text)
            end = idx + len(source)
            if m and m.end() >= end - 3:
                end = max(end, m.end())
            span = (0, end)
    else:
        m = _DATELINE_RE.match(text)
        if m:
            city = m.group("city")
            has_marker = m.group("a1") or m.group("a2") or m.group("a3") or m.group("rest").strip()
            if city.isupper() and len(city) > 2 and has_marker and m.end() - m.start() < 80:
                source = text[: m.end()]
                span = (0, m.end())
    if not source:
        return Dateline()
    city = _dateline_city(source)
    agency = ""
    agency_span = None
    am = re.search(r"\(([^)]{2,40})\)|/([A-Za-z][\w .-]{1,30})/|[.,]\s+([A-Z]{3,})\b", source)
    if am:
        agency = next(g for g in am.groups() if g).strip()
    if agency and span:
        idx = text.find(agency, 0, span[1] + 5)
        if idx != -1:
            agency_span = (idx, idx + len(agency))
    if city.isupper():
        city = re.sub(r"[^\W\d_]+", lambda w: w.group().capitalize(), city)  # "BELÉM" -> "Belém"
    return Dateline(
        city=city,
        agency=agency,
        day=parse_dateline_date(source, published),
        span=span,
        agency_span=agency_span,
    )


# -- HTML entities ------------------------------------------------------------------------

# Named, decimal and hexadecimal references, each with its ";" (a bare "&" as in "AT&T" or
# "R&D" is text, and so is "&amp" without one).
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


class EntityMap:
    """Offsets in the decoded text -> offsets in the text as stored (with its entities)."""

    __slots__ = ("decoded_ends", "decoded_starts", "raw_ends", "raw_starts")

    def __init__(self) -> None:
        self.decoded_starts: list[int] = []  # where each decoded entity starts and ends
        self.decoded_ends: list[int] = []
        self.raw_starts: list[int] = []  # where the same entity is in the stored text
        self.raw_ends: list[int] = []

    def __bool__(self) -> bool:
        return bool(self.decoded_starts)

    def raw(self, offset: int) -> int:
        """The stored offset of a decoded one: a span [s, e) maps to [raw(s), raw(e))."""
        i = bisect_right(self.decoded_starts, offset) - 1
        if i < 0:
            return offset
        if offset < self.decoded_ends[i]:
            return self.raw_starts[i]  # inside what one entity decoded to
        return self.raw_ends[i] + offset - self.decoded_ends[i]

    def span(self, span: tuple[int, int]) -> tuple[int, int]:
        return self.raw(span[0]), self.raw(span[1])


def decode_entities(text: str) -> tuple[str, EntityMap]:
    """``text`` with its HTML character references decoded ("&ldquo;" -> "“", "&#8217;" ->
    "’", "&amp;" -> "&"), and the map from the decoded offsets back to ``text``'s."""
    mapping = EntityMap()
    if "&" not in text:
        return text, mapping
    out: list[str] = []
    raw_at = decoded_at = 0
    for m in _ENTITY.finditer(text):
        value = html.unescape(m.group())
        if value == m.group():
            continue  # not an entity HTML knows ("&foo;")
        out.append(text[raw_at : m.start()])
        decoded_at += m.start() - raw_at
        mapping.decoded_starts.append(decoded_at)
        mapping.raw_starts.append(m.start())
        out.append(value)
        decoded_at += len(value)
        mapping.decoded_ends.append(decoded_at)
        mapping.raw_ends.append(m.end())
        raw_at = m.end()
    out.append(text[raw_at:])
    return "".join(out), mapping


# -- the language of a text -------------------------------------------------------------------

# Scripts other than Latin, by Unicode block: (first, last code point, language). A text
# mostly in one of them is not English whatever its words.
_SCRIPTS = (
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Russian"),  # Cyrillic; Ukrainian, Serbian... told apart below
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0900, 0x097F, "Hindi"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x3040, 0x30FF, "Japanese"),  # kana
    (0x3400, 0x9FFF, "Chinese"),  # CJK ideographs (Japanese when kana come with them)
    (0xAC00, 0xD7AF, "Korean"),
)
_CYRILLIC_BY_LETTER = (("ієїґ", "Ukrainian"), ("ђћџљњ", "Serbian"), ("ўі", "Belarusian"))
_PERSIAN_LETTERS = "پچژگ"

# The commonest short words of languages written in Latin letters that editors may paste
# (function words only: they are frequent in any article and rare in the other languages).
_STOP_WORDS = {
    "English": "the and of to in is that for on with was as by at from his her it be has "
    "have are were said which this will their they an not would who",
    "Spanish": "el la los las del de que y en por con una para se es al lo su sus como más "
    "fue pero ha dijo sobre entre",
    "French": "le la les des du de et est une dans pour qui pas sur au aux par avec il ce "
    "sont été a ont cette leur",
    "German": "der die das und ist nicht mit den von zu sich des auf für im dem ein eine "
    "auch wird wurde hat sie bei",
    "Portuguese": "o os da do das dos não em uma com para que é ao pelo pela se foi mais "
    "como seu sua entre disse",
    "Italian": "il di che della per gli non una sono nel alla del dei le con è ha anche "
    "questo come più dal",
    "Dutch": "de het een van en in is dat op te met voor zijn niet aan door ook werd bij "
    "als naar heeft",
    "Indonesian": "yang dan di dengan untuk dari ini itu dalam tidak akan pada juga oleh "
    "ke telah bahwa adalah",
    "Turkish": "ve bir bu da de ile için olarak çok daha olan gibi kadar sonra ancak ise ya değil",
}
_STOP_SETS = {language: frozenset(words.split()) for language, words in _STOP_WORDS.items()}
_WORDS = re.compile(r"[^\W\d_]+")
_ENGLISH_COMMONEST = ("the", "and", "of", "to", "in", "on", "with", "said", "for", "that")
_SAMPLE = 4000
# Letters of the scripts above (general punctuation such as “ ” — U+2000… — is not one).
_OTHER_SCRIPT = re.compile(r"[\u0370-\u1fff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def language_guess(text: str, *, min_letters: int = 150) -> str | None:
    """The language a text looks written in, when it is clearly not English; else None.

    By script first (Cyrillic, Arabic, Chinese...: most of its characters), then, for Latin
    letters, by which language's commonest function words the text uses most. A short text
    (under ``min_letters`` letters), or one where English holds its own, is taken as English.
    Reads the first few thousand characters: enough to tell, and cheap on every article.
    """
    sample = text[:_SAMPLE]
    others = _OTHER_SCRIPT.findall(sample)
    # Fifty characters of another script are telling (a Chinese sentence is ~30 of them).
    if len(others) >= min(50, min_letters) and len(others) > 0.4 * len(sample):
        return _script_language(sample, others)
    lowered = f" {sample.lower()} "
    # An English text: its commonest words alone make one word in twenty (str.count is fast).
    if sum(lowered.count(f" {word} ") for word in _ENGLISH_COMMONEST) * 120 >= len(lowered):
        return None
    words = _WORDS.findall(lowered)
    if sum(map(len, words)) < min_letters:
        return None
    counts = Counter(words)
    scores = {
        language: sum(counts[word] for word in stops) for language, stops in _STOP_SETS.items()
    }
    english = scores.pop("English")
    best = max(scores, key=scores.get)
    # Clearly another language: its function words are frequent and far outnumber English.
    if scores[best] >= 0.15 * len(words) and scores[best] > 3 * english:
        return best
    return None


def _script_language(text: str, letters: list[str]) -> str:
    by_script = Counter()
    for ch in letters:
        code = ord(ch)
        for first, last, language in _SCRIPTS:
            if first <= code <= last:
                by_script[language] += 1
                break
    script = by_script.most_common(1)[0][0] if by_script else "another script"
    if script == "Russian":
        for marks, language in _CYRILLIC_BY_LETTER:
            if any(ch in text for ch in marks):
                return language
    if script == "Arabic" and any(ch in text for ch in _PERSIAN_LETTERS):
        return "Persian"
    if script == "Chinese" and by_script["Japanese"]:
        return "Japanese"
    return script
