"""Quotations and who said them.

``find_statements`` runs four passes over the quotes in text order, over one
:class:`_Context` (the document, the usable mentions, the marks rules leave):

1. each quote on its own: a cue right after it ('"...," Wei said', inverted '"...," said
   Mr. Li'; a body: '"...," the ministry said', 'a statement from the presidency said'; a
   new name before the cue), else a cue before it in the sentence - the cue verb's subject
   ("Putin recalled '...'", not a name inside a clause set off by commas nor the one told;
   a participle clause ", describing him as '...'" goes to the sentence subject, a passive
   "criticized by X" to X), "According to X", "Name:", "his speech read:";
2. a quote right after an attributed one in its paragraph continues it;
3. paragraphs that open with a quote share a speaker (or the colon header before them),
   else follow-on paragraphs, signature lines and quotes run on over paragraphs;
4. the proposals, each with the name of the rule that gave its speaker.

Pronouns are resolved by the mentions stage. Scare quotes (the same short phrase quoted
again and again, or "so-called") and quotes with no identifiable speaker are left out: when
the speaker is unclear, no speaker (or a low confidence) rather than a wrong one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from . import lexicon
from .document import Document
from .kb import normalize
from .mentions import Analysis, Mention
from .proposal import StatementProposal
from .quotemarks import QuoteSpan, quote_text
from .text import Sentence, paragraphs

_CUE = re.compile(r"\b(?:" + "|".join(lexicon.reporting_verbs()) + r")\b")
# Attitude verbs: they take a quote only when no reporting verb frames the sentence.
WEAK_CUES = set(lexicon.reporting_verbs("weak"))
_POSSESSOR = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+)?(?:spokes\w+|aide|aides|adviser|advisor|office|officials?|"
    r"envoy|representative|staff|ministry|government|wife|husband|son|daughter|lawyer|"
    r"press secretary|secretary|team|camp|party|administration|predecessor|successor|"
    r"deputy|brother|sister|spouse)\b",
    re.I,
)
_THEIR_TEXT_READ = re.compile(
    r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}(?:speech|statement|message|letter|remarks|address|"
    r"post|tweet|note)s?\s+(?:read|reads|said|says|stated)\s*[:,]?\s*$",
    re.I,
)
_SPOKESPERSON_FOR = re.compile(
    r"\b(?:spokes\w+|aides?|advis[eo]rs?|officials?|representatives?|sources?|lawyers?|"
    r"envoys?|people|someone|allies)\s+(?:for|of|to|close to|familiar with)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’]*\s+)?$",
    re.I,
)
_MOUTHPIECE_FOR = re.compile(
    r"\b(?:spokes\w+|press (?:officer|secretary)|officials?)\s+(?:for|of|from)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’]*\s+)?$",
    re.I,
)
_UNNAMED_SOURCE = re.compile(
    r"^[,.]?\s*(?:an?|one|another|two|several|some)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:spokes\w+|official|officials|source|sources|diplomat|diplomats|aide|aides|adviser|"
    r"analyst|analysts|expert|experts|observer|observers|person|people)\b"
)
# "told reporters in the Oval Office": a place between two quotes names no new speaker.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|inside|outside)\s+(?:the\s+)?$", re.I)
_VIA = re.compile(
    r"\b(?:quoted by|according to|citing|cited by|as reported by|told)\s+(?:the\s+)?"
    r"(?:[a-z-]+\s+){0,3}"
)


# Documents that speak for the body that issued them ("the readout said").
_DOCUMENT_NOUNS = r"(?:joint\s+)?(?:statement|communiqu[eé]|readout|press release|declaration)"
_DOCUMENT = re.compile(rf"\b{_DOCUMENT_NOUNS}s?\b", re.I)
_DOCUMENT_BEFORE_CUE = re.compile(rf"^\W*\s*(?:the|a|its|their)\s+{_DOCUMENT_NOUNS}\s+$", re.I)
_DOCUMENT_AFTER_CUE = re.compile(rf"^\s+(?:the|a|its|their)\s+{_DOCUMENT_NOUNS}\s*[.,;]", re.I)
# '"...," the press release read.': "read" speaks only for a document.
_DOCUMENT_READ = re.compile(rf"^\W*\s*(?:the|a|its|their)\s+{_DOCUMENT_NOUNS}\s+reads?\b", re.I)


# A clause set off by commas right before the cue verb ("Vera, after meeting Torres, said").
_PARENTHETICAL = re.compile(r",(\s+[^,\"“”]{2,200}),\s*$")
_RELATIVE = re.compile(r"(?:who|which|whose|whom)\b")
_ADDRESSEE = set(lexicon.reporting_verbs("addressee"))
_TOLD = re.compile(r"\b(?:" + "|".join(lexicon.reporting_verbs("addressee")) + r"|to)\b")
_RELAY = set(lexicon.reporting_verbs("relay"))
_RELAYED = re.compile(r"\s+(?:" + "|".join(lexicon.reporting_verbs("relay")) + r")\b")
_JOINED = re.compile(r"\s+(?:and|&)\s+(?:(?:his|her|their)\s+[\w-]+\s+)?")
# A possessive before a common noun or a title ("Peru's president", "Chile's new envoy").
_POSSESSIVE_NOUN = re.compile(
    rf"['’]s\s+(?!{_DOCUMENT_NOUNS}\b)[a-z]|['’]s\s+(?:"
    + "|".join(
        re.escape(w.capitalize()) for w in sorted(lexicon.TITLE_HEADS, key=len, reverse=True)
    )
    + r")\b"
)
_SIGNATURE_DASHES = " -—–\t"


# Between the last name and the cue verb: the end of one predicate and "and" before the cue
# ("... of his counterpart and emphasized", "... Y's return, and then said").
_COORDINATED_PREDICATE = re.compile(
    r"\s(?:(?:,\s*)?and(?:\s+then|\s+also|\s+later)?|,\s*then)\s+(?:\w+ly\s+)?$"
)


def _usable(m: Mention) -> bool:
    return bool(m.key) and not m.in_quote and not m.locative


# The sentence starts of the last sentence list asked about (one article at a time): a
# bisection instead of a scan of every sentence, which grew with quotes x sentences.
_starts_of: tuple[list[Sentence], list[int]] = ([], [])


def _sentence_for(sents: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding ``offset`` (sentences are in order and do not overlap)."""
    global _starts_of
    known, starts = _starts_of
    if known is not sents or len(starts) != len(sents):
        starts = [s.start for s in sents]
        _starts_of = (sents, starts)
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < sents[i].end:
        return sents[i]
    return None


# How sure each attribution rule is (the rest: 0.65). A cue right after the quote is the
# surest; a speaker carried over from a paraphrase the least.
_CONFIDENCE = {
    "quote-after-cue": 0.8,
    "quote-follow-on-paraphrase": 0.5,
    "quote-joint-speakers": 0.4,
}

# One attributed quote: the span, its speaker's key (None: nobody we can name), the rule.
Attributed = tuple[QuoteSpan, str | None, str]


class _Context:
    """What every attribution rule reads: the document, the usable mentions (those inside a
    span found by bisection), the scare-quote counts, and the marks rules leave on the
    quotes they attribute (by ``id`` of the quote span)."""

    def __init__(self, doc: Document, analysis: Analysis):
        self.doc = doc
        self.text, self.sents, self.quote_spans = doc.text, doc.sentences, doc.quote_spans
        self.analysis = analysis
        self.entities = analysis.entities
        # Fixed here: speakers the quote rules add are not candidates for later quotes.
        self.mentions = [m for m in analysis.mentions if _usable(m)]
        self.paras = paragraphs(self.text)
        self._by_start = sorted(range(len(self.mentions)), key=lambda k: self.mentions[k].start)
        self._starts = [self.mentions[k].start for k in self._by_start]
        self.ordered = sorted(self.quote_spans, key=lambda q: q.open_mark)
        # Scare quotes: a short phrase quoted more than once.
        self.counts: dict[str, int] = {}
        for q in self.quote_spans:
            key = self.quote_key(q)
            self.counts[key] = self.counts.get(key, 0) + 1
        # The rule that named a quote's speaker, when a more particular rule than the cue
        # rule did ("quote-document-issuer", "quote-subject-of-cue", ...).
        self.rule_of: dict[int, str] = {}
        self.by_pronoun: set[int] = set()  # their cue has a pronoun for its subject

    def quote_key(self, q: QuoteSpan) -> str:
        s, e = quote_text(self.text, q)
        return normalize(self.text[s:e])

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The usable mentions inside [start, end], in list order."""
        found = self._by_start[bisect_left(self._starts, start) : bisect_right(self._starts, end)]
        return [self.mentions[k] for k in sorted(found) if self.mentions[k].end <= end]

    def speaker_ok(self, m: Mention) -> bool:
        text = self.text
        ent = self.entities.get(m.key)
        if ent is None or (ent.media and ent.kind != "organization"):
            return False
        # "the president's spokesman said", "Peru's president said": the possessor is not
        # the speaker (the noun it governs is).
        if _POSSESSOR.match(text[m.end : m.end + 30]) or _POSSESSIVE_NOUN.match(text, m.end):
            return False
        # Rule "quote-body-of-state": "the Ministry of Foreign Affairs of Peru said", "the
        # foreign ministry of India said" - the body speaks, not the state that completes it.
        if ent.kind == "state" and _INSTITUTION_OF.search(text, max(0, m.start - 60), m.start):
            return False
        # Rule "spokesperson-for": "a spokesperson for Vera said" - Vera does not speak.
        before = text[max(0, m.start - 40) : m.start]
        if not _SPOKESPERSON_FOR.search(before):
            return True
        # Rule "spokesperson-for-body": "a spokesman for the foreign ministry said" - a body
        # speaks through its spokesperson: its words are the body's.
        return ent.kind == "organization" and bool(_MOUTHPIECE_FOR.search(before))

    def speakers_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions_in(start, end) if self.speaker_ok(m)]

    def excluded(self, q: QuoteSpan) -> bool:
        """Scare quotes: a short phrase quoted more than once, or "so-called"."""
        key = self.quote_key(q)
        if self.counts.get(key, 0) > 1 and len(key.split()) <= 5:
            return True
        before = self.text[max(0, q.open_mark - 12) : q.open_mark]
        return bool(re.search(r"\bso-called\s*$", before))


def find_statements(doc: Document, analysis: Analysis) -> list[StatementProposal]:
    """Quoted statements and their speakers, in four passes over the quotes in text order:
    each quote on its own, then quotes that continue the one before in their paragraph,
    then chains of paragraphs that open with a quote; then the proposals."""
    ctx = _Context(doc, analysis)
    results = _attribute_each(ctx)
    _continue_in_paragraph(ctx, results)
    _paragraph_chains(ctx, results)
    return _proposals(ctx, results)


# -- after the quote: '"...," Wei said' ------------------------------------------------------


def _after_window(ctx: _Context, q: QuoteSpan, nxt: QuoteSpan | None) -> tuple[int, int]:
    """Where a cue after the quote may stand: the rest of its sentence (up to the next quote).

    Rule "quote-cue-next-sentence": '"We agreed." Torres said.' - the quote closed its
    sentence; a short cue sentence right after it in the paragraph names the speaker.
    """
    text, sents = ctx.text, ctx.sents
    start = q.close_mark + 1
    sent = _sentence_for(sents, q.close_mark)
    end = sent.end if sent else min(len(text), start + 150)
    if sent is not None and not text[start:end].strip(" \t.,;"):
        nxt_sent = _sentence_for(sents, end + 1) if end < len(text) else None
        if (
            nxt_sent is not None
            and nxt_sent.paragraph == sent.paragraph
            and (
                len(text[nxt_sent.start : nxt_sent.end].split()) <= 6
                or _exclaimed_then_cue(text, q.close_mark, nxt_sent.start)
            )
            and not any(o.open_mark < nxt_sent.end and o.open_mark >= end for o in ctx.quote_spans)
        ):
            end = nxt_sent.end
    if nxt is not None and nxt.open_mark < end:
        end = nxt.open_mark
    return start, end


def _exclaimed_then_cue(text: str, close_mark: int, start: int) -> bool:
    """Rule "exclaimed-quote-cue": '"To work!" Vera said as he arrived.' - a quote closed by
    "!" or "?" ends no sentence of the writer's when the next words are a name and a cue,
    however long the cue sentence runs on."""
    if text[close_mark - 1 : close_mark] not in ("!", "?"):
        return False
    cue = _CUE.search(text, start, start + 50)
    return cue is not None and len(text[start : cue.start()].split()) <= 3


def _after_attribution(
    ctx: _Context, q: QuoteSpan, nxt: QuoteSpan | None
) -> tuple[str | None, int]:
    """The speaker named by a cue after the quote, and where the cue is (-1: none)."""
    if q.close_mark is None:
        return None, -1
    text = ctx.text
    start, end = _after_window(ctx, q, nxt)
    window = text[start:end]
    if _DOCUMENT_READ.match(window):
        issuer = _document_issuer(ctx, q.open_mark)
        if issuer:
            ctx.rule_of[id(q)] = "quote-document-issuer"
            return issuer, start
    cue = _CUE.search(window)
    if not cue or cue.start() > 90:
        return None, -1
    cue_at = start + cue.start()
    if re.match(r"\s+by\b", text[start + cue.end() : start + cue.end() + 4]):
        return None, -1
    if cue.group() in _RELAY:
        # "Xinhua quoted Xi as saying": Xi speaks, the agency only reports.
        said = re.search(r"\bas (?:saying|telling)\b", window[cue.end() :])
        if said:
            lo = start + cue.end()
            quoted = ctx.speakers_in(lo, lo + said.start())
            if quoted:
                return quoted[0].key, cue_at
    before = ctx.speakers_in(start, cue_at)
    if before:
        # '"...," a statement from Chile's presidency said': the body, not the state in it.
        last = max(before, key=lambda m: (m.end, m.end - m.start))
        gap = text[last.end : cue_at]
        if len(gap.split()) <= 3:
            if last.how == "pronoun":
                ctx.by_pronoun.add(id(q))
            return last.key, cue_at
    after = ctx.speakers_in(start + cue.end(), end)
    # '"...," he told Vera': after "told" comes the addressee, never the speaker.
    if (
        after
        and cue.group() not in _ADDRESSEE
        and after[0].start - (start + cue.end()) < 30
        and _inverted(text, start, cue, after[0].start)
    ):
        if after[0].how == "pronoun":
            ctx.by_pronoun.add(id(q))
        return after[0].key, cue_at
    if _DOCUMENT_BEFORE_CUE.search(text[start:cue_at]) or _DOCUMENT_AFTER_CUE.match(
        text[start + cue.end() : end]
    ):
        issuer = _document_issuer(ctx, q.open_mark)
        if issuer:
            ctx.rule_of[id(q)] = "quote-document-issuer"
            return issuer, cue_at
    return None, -1


def _inverted(text: str, start: int, cue: re.Match, name_at: int) -> bool:
    """Rule "quote-after-cue" (inverted): '"...," said the minister, Ana Torres.' - a name
    after the cue speaks only when nothing but punctuation stands before the cue (no
    subject of its own: not '"...," the minister said of Torres') and only its title
    between ('"...," they said after meeting Torres' names no speaker)."""
    if re.search(r"[^\W\d_]", text[start : start + cue.start()]):
        return cue.group() == "according"  # '"...", according to Vera'
    gap = text[start + cue.end() : name_at]
    if cue.group() == "according":
        gap = re.sub(r"^\s*to\b", "", gap)
    return all(
        w[:1].isupper() or w in ("the", "a", "an") or _title_word(w.lower())
        for w in re.findall(r"[^\W\d_][\w'’-]*", gap)
    )


def _document_issuer(ctx: _Context, before: int) -> str | None:
    """Rule "quote-document-issuer": '"...," the communique added.' - the body that issued
    the statement, communique or readout the text told of last."""
    entities = ctx.entities
    for found in reversed(list(_DOCUMENT.finditer(ctx.text, 0, before))):
        sent = _sentence_for(ctx.sents, found.start())
        if sent is None:
            continue
        named = _issuer_named_with(ctx, sent, found)
        if named:
            return named
        subject = ctx.analysis.subjects.get(sent.index)
        if subject and entities[subject].kind in ("organization", "state"):
            return subject
        bodies = [
            m
            for m in ctx.speakers_in(sent.start, sent.end)
            if entities[m.key].kind in ("organization", "state")
        ]
        if bodies:
            return min(bodies, key=lambda m: abs(m.start - found.start())).key
        return None
    return None


_ISSUED_BY_BEFORE = re.compile(
    r"^\s+(?:has\s+|had\s+)?(?:said|says|stated|announced|noted|added|issued|released|"
    r"published|put out)\s+(?:in\s+)?(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?$"
)
_ISSUED_BY_AFTER = re.compile(r"^\s+(?:from|by|of|issued by|released by)\s+(?:the\s+)?$")


def _issuer_named_with(ctx: _Context, sent, found: re.Match) -> str | None:
    """Rule "quote-document-issuer" (issuer in the clause): "NATO said in a press release",
    "Peru issued a statement", "a statement from the presidency" - the actor the document's
    own clause names, before the sentence's subject."""
    text = ctx.text
    mentions = ctx.speakers_in(sent.start, sent.end)
    before = [m for m in mentions if m.end <= found.start()]
    if before and _ISSUED_BY_BEFORE.match(text[before[-1].end : found.start()]):
        k = len(before) - 1
        while k > 0 and re.match(
            r"^\s*(?:,|and|,\s*and)\s*$", text[before[k - 1].end : before[k].start]
        ):
            k -= 1  # "Peru and Chile issued a joint statement": the first named of them
        return before[k].key
    for m in mentions:
        if m.start >= found.end() and _ISSUED_BY_AFTER.match(text[found.end() : m.start]):
            return m.key
    # "the alliance said in its statement": the latest body of that sort named before.
    anaphor = _BODY_ANAPHOR_ISSUER.search(text, sent.start, found.start())
    if anaphor:
        for m in reversed([m for m in ctx.mentions if m.end <= anaphor.start()]):
            ent = ctx.entities[m.key]
            if ent.kind == "organization" and not ent.media and not m.in_quote:
                return m.key
    return None


_BODY_ANAPHOR_ISSUER = re.compile(
    r"\b(?:the|its)\s+(?:alliance|bloc|organi[sz]ation|union)\s+(?:has\s+|had\s+)?"
    r"(?:said|says|stated|announced|noted|added|issued|released|published)\s+(?:in\s+)?"
    r"(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?$",
    re.I,
)


# -- before the quote: 'Putin recalled "..."' ------------------------------------------------


def _before_attribution(ctx: _Context, q: QuoteSpan) -> str | None:
    """The speaker named before the quote in its sentence ("" for a passive with no agent
    we know): "according to X", "his speech read:", then the cue verb's subject."""
    sent = _sentence_for(ctx.sents, q.open_mark)
    if sent is None:
        return None
    window = _outside_quotes(ctx, sent.start, q.open_mark)
    speaker = _according_to(ctx, q, sent, window)
    if speaker is None:
        speaker = _name_colon(ctx, q, sent)
    if speaker is None:
        speaker = _own_text(ctx, q, sent)
    if speaker is None:
        speaker = _cue_before(ctx, q, sent, window)
    return speaker


def _outside_quotes(ctx: _Context, start: int, end: int) -> str:
    """text[start:end] with every quotation blanked out: only text outside quotes counts."""
    window = list(ctx.text[start:end])
    for other in ctx.quote_spans:
        for k in range(max(other.open_mark, start), min(other.end + 1, end)):
            window[k - start] = " "
    return "".join(window)


def _according_to(ctx: _Context, q: QuoteSpan, sent: Sentence, window: str) -> str | None:
    """'According to Kishida, "..."': the one named after "according to" speaks; also of
    the quotes later in the sentence when no cue and nobody but a state comes between
    ("According to the ministry, the leaders 'agreed to meet again'")."""
    acc = re.search(r"\bAccording to\s+", window)
    if not acc:
        return None
    text = ctx.text
    named = ctx.speakers_in(sent.start + acc.end(), q.open_mark)
    if not named or named[0].start - (sent.start + acc.end()) >= 40:
        return None
    first = max((m for m in named if m.start == named[0].start), key=lambda m: m.end - m.start)
    between = text[first.end : q.open_mark]
    if not between.strip(" ,:"):
        return first.key
    if (
        between.startswith(",")
        and not _CUE.search(_outside_quotes(ctx, first.end, q.open_mark))
        and not ctx.entities[first.key].media  # an agency passes on the words of others
        and all(ctx.entities[m.key].kind == "state" for m in named if m.start >= first.end)
    ):
        ctx.rule_of[id(q)] = "quote-according-to"
        return first.key
    return None


def _own_text(ctx: _Context, q: QuoteSpan, sent: Sentence) -> str | None:
    """Rule "quote-own-text": "A copy of his arrival speech read: '...'" - the person the
    article is about so far (named most often, and a sentence subject)."""
    start = sent.start
    if not _THEIR_TEXT_READ.search(ctx.text[start : q.open_mark]):
        return None
    entities = ctx.entities
    earlier = {
        k
        for si, k in ctx.analysis.subjects.items()
        if si < sent.index and entities[k].kind == "person"
    }
    counts = {k: sum(1 for m in ctx.mentions if m.key == k and m.end <= start) for k in earlier}
    if not counts:
        return None
    ctx.rule_of[id(q)] = "quote-own-text"
    return max(counts, key=lambda k: (counts[k], -entities[k].first))


def _cue_before(ctx: _Context, q: QuoteSpan, sent: Sentence, window: str) -> str | None:
    """The subject of the last cue verb before the quote (a stronger verb over an attitude
    verb), or the name right after the cue, or the agent of a passive."""
    text, start, end = ctx.text, sent.start, q.open_mark
    cues = list(_CUE.finditer(window))
    if not cues:
        return None
    cue = cues[-1]
    after_cue = text[start + cue.end() : end]
    if cue.group() == "according" and re.match(r"\s+to\b", after_cue):
        # 'According to Kishida, "..."': the one named after "according to" speaks
        named = ctx.speakers_in(start + cue.end(), end)
        if named:
            return named[0].key
    if re.match(r"\s+by\b", after_cue):
        agents = ctx.speakers_in(start + cue.end(), end)
        return agents[0].key if agents else ""
    if cue.group() in WEAK_CUES:
        # "He said ..., which Ukraine hoped to ...": the reporting verb governs.
        strong = [c for c in cues if c.group() not in WEAK_CUES]
        if strong:
            cue = strong[-1]
    if cue.group().endswith("ing") and re.search(r",\s*$", window[: cue.start()]):
        subject = ctx.analysis.subjects.get(sent.index)
        if subject:
            return subject
    named = _cue_then_name(ctx, q, start + cue.end())
    # 'He told the Chilean president: "..."': after "told" the name is the addressee.
    if named is not None and cue.group() not in WEAK_CUES and cue.group() not in _ADDRESSEE:
        return named
    return _subject_of_cue(ctx, q, sent, start + cue.start())


def _cue_then_name(ctx: _Context, q: QuoteSpan, cue_end: int) -> str | None:
    """Rule "quote-cue-then-name": 'Should they differ, said Ana Torres, "a debate" is
    needed' - the person named right after the cue, before the quote, speaks."""
    named = ctx.speakers_in(cue_end, q.open_mark)
    if (
        named
        and not ctx.text[cue_end : named[0].start].strip()
        and ctx.entities[named[0].key].kind == "person"
        and not ctx.text[named[0].end : q.open_mark].strip(" ,:")
    ):
        return named[0].key
    return None


def _subject_of_cue(ctx: _Context, q: QuoteSpan, sent: Sentence, cue_at: int) -> str | None:
    """The name that ends last before the cue, outside a relative clause; the sentence's
    subject when the cue is coordinated after an object."""
    text, start = ctx.text, sent.start
    limit = _before_parenthetical(ctx, start, cue_at)
    before = [m for m in ctx.speakers_in(start, limit) if not m.source]
    if not before:
        return None
    # "Holy See Press Office said": the longest name ending last, not "Holy See".
    last = max(before, key=lambda m: (m.end, m.end - m.start))
    if limit != cue_at:
        ctx.rule_of.setdefault(id(q), "quote-subject-of-cue")
    subject = ctx.analysis.subjects.get(sent.index)
    if (
        subject
        and subject != last.key
        and any(m.key == subject for m in before)
        and _COORDINATED_PREDICATE.search(text[last.end : cue_at])
    ):
        # Rule "quote-subject-of-cue": "X celebrated Y's return and announced '...'" - the
        # cue verb's subject is the sentence's, not the object before it.
        ctx.rule_of[id(q)] = "quote-subject-of-cue"
        return subject
    return _joint_subject(ctx, q, before, last)


def _joint_subject(ctx: _Context, q: QuoteSpan, before: list[Mention], last: Mention) -> str:
    """Rule "quote-joint-speakers": "Vera and Torres said in a joint statement that ties
    were 'stronger than ever'" - two people speak as one: the first named, with a low
    confidence, so that an editor decides (the last named is not more right)."""
    text = ctx.text
    people = [m for m in before if m.key != last.key and ctx.entities[m.key].kind == "person"]
    if (
        people
        and ctx.entities[last.key].kind == "person"
        and _JOINED.fullmatch(text, people[-1].end, last.start)
    ):
        ctx.rule_of[id(q)] = "quote-joint-speakers"
        return people[-1].key
    return last.key


def _before_parenthetical(ctx: _Context, start: int, cue_at: int) -> int:
    """Where the cue verb's subject must end: before a clause set off by commas right before
    the verb, unless that clause is an apposition that names the speaker.

    Rule "quote-subject-of-cue" (parenthetical): "Vera, after meeting Torres, said the talks
    were 'excellent'" - Torres is inside the clause, Vera is the subject; "X, who met Y at
    the White House, said:" - the relative clause is not the subject. "The envoy, Ana Ruiz,
    said" - the apposition is the speaker.
    """
    text = ctx.text
    clause = _PARENTHETICAL.search(text, start, cue_at)
    if clause is None:
        return cue_at
    inside = clause.start() + 1 + len(clause.group(1)) - len(clause.group(1).lstrip())
    if not _RELATIVE.match(text, inside):
        named = ctx.speakers_in(inside, clause.end())
        if (
            named
            and named[0].start == inside
            and ctx.entities[named[0].key].kind == "person"
            and not re.match(r"['’]s\b", text[named[0].end : named[0].end + 2])
        ):
            return cue_at  # an apposition: "The envoy, Ana Ruiz, said"
    # Nobody named before the clause: nobody we can name ("The host, after meeting Torres,
    # said" does not make Torres the speaker).
    return clause.start()


def _via_for(ctx: _Context, q: QuoteSpan) -> str | None:
    """The organisation that relays the quote ("according to Xinhua", "TASS reported")."""
    text, entities = ctx.text, ctx.entities
    sent = _sentence_for(ctx.sents, q.open_mark)
    lo = sent.start if sent else q.open_mark
    hi = min(len(text), (q.close_mark or q.end) + 160)
    for m in _VIA.finditer(text, lo, hi):
        for mm in ctx.mentions_in(m.end(), m.end() + 40):
            ent = entities.get(mm.key)
            if ent and ent.kind == "organization":
                return mm.key
    # "Xinhua quoted X as saying", "TASS reported"
    for mm in ctx.mentions_in(lo, hi):
        ent = entities.get(mm.key)
        if ent and ent.media and _RELAYED.match(text, mm.end):
            return mm.key
    return None


# -- the passes --------------------------------------------------------------------------------


def _attribute_each(ctx: _Context) -> list[Attributed]:
    """Each quote on its own, in text order (a rule may look at the quotes before it)."""
    results: list[Attributed] = []
    ordered = ctx.ordered
    for index, q in enumerate(ordered):
        if ctx.excluded(q):
            continue
        nxt = ordered[index + 1] if index + 1 < len(ordered) else None
        if nxt is not None and nxt.paragraph != q.paragraph:
            nxt = None
        found = _attribute_one(ctx, q, nxt)
        if found is not None:
            results.append(_after_unnamed_or_institution(ctx, q, *found, results))
    return results


def _attribute_one(ctx: _Context, q: QuoteSpan, nxt: QuoteSpan | None):
    """(speaker, rule, unnamed) of one quote, or None when it is left out: a cue after it,
    a body or a new name after it, a cue before it, the cue of its sentence's last quote."""
    text, analysis = ctx.text, ctx.analysis
    speaker, cue_at = _after_attribution(ctx, q, nxt)
    rule = ctx.rule_of.get(id(q), "quote-after-cue")
    unnamed = not speaker and _UNNAMED_SOURCE.match(text[(q.close_mark or q.end) + 1 :][:80])
    if speaker and text.startswith("according", cue_at):
        # 'X told him "...", according to Xinhua': X speaks, the agency is the source.
        framed = _before_attribution(ctx, q)
        if framed:
            speaker = framed
    if not speaker and q.close_mark is not None:
        speaker = _institution_speaker(text, q, analysis, ctx.mentions)
        rule = "quote-institution"
        unnamed = unnamed and not speaker
    if not speaker and q.close_mark is not None:
        speaker = _unknown_speaker(text, q, analysis)
        rule = "quote-after-cue-new-speaker"
    if not speaker:
        speaker = _before_attribution(ctx, q)
        rule = ctx.rule_of.get(id(q), "quote-before-cue")
        if speaker is None:
            speaker = _institution_before(ctx, q)
            rule = "quote-institution" if speaker else rule
        if speaker == "":
            return None, "passive-unknown", False
    if not speaker:
        # The attribution of the last quote of the same sentence.
        sent = _sentence_for(ctx.sents, q.open_mark)
        same = [o for o in ctx.ordered if sent and sent.start <= o.open_mark < sent.end]
        if same and same[-1] is not q:
            speaker, _ = _after_attribution(ctx, same[-1], None)
            rule = "quote-sentence-cue"
    return speaker, rule, unnamed


def _after_unnamed_or_institution(
    ctx: _Context, q: QuoteSpan, speaker, rule: str, unnamed, results: list[Attributed]
) -> Attributed:
    """A pronoun cue right after an unnamed source's or an institution's quote is that
    source, not the last person named."""
    if rule == "passive-unknown":
        return q, None, rule
    if not speaker and unnamed:
        rule = "unnamed-source"  # '"...," a government spokesman said': nobody we can name
    if speaker and id(q) in ctx.by_pronoun and results and results[-1][2] == "unnamed-source":
        # Rule "unnamed-source-pronoun": '"...," a spokesman said. "...," he added.' - the
        # pronoun is that unnamed spokesman, not the last person named.
        prev = results[-1][0]
        if q.paragraph - prev.paragraph <= 1:
            speaker, rule = None, "unnamed-source"
    if (
        speaker
        and id(q) in ctx.by_pronoun
        and results
        and results[-1][2] == "quote-institution"
        and q.paragraph - results[-1][0].paragraph <= 1
    ):
        # '"...," a ministry spokesman said. "...," he added.': the spokesman's body
        speaker, rule = results[-1][1], "quote-institution"
    return q, speaker or None, rule


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|to|for|of|by|from|against|towards?|between)\s+(?:(?:his|her|their|its|the)\s+)?$"
)


def _continue_in_paragraph(ctx: _Context, results: list[Attributed]) -> None:
    """Rule "quote-continued": a quote right after an attributed one in the same paragraph,
    with nothing naming anyone else in between, continues it ("..., Sunak said. “We
    listened.”")."""
    text = ctx.text
    for i, (q, speaker, rule) in enumerate(results):
        if speaker or rule == "passive-unknown" or i == 0:
            continue
        prev_q, prev_speaker, _r = results[i - 1]
        if not prev_speaker or prev_q.paragraph != q.paragraph:
            continue
        gap_start = (prev_q.close_mark or prev_q.end) + 1
        others = [
            m
            for m in ctx.mentions_in(gap_start, q.open_mark)
            if m.key != prev_speaker
            and not _PLACE_BEFORE.search(text[max(0, m.start - 20) : m.start])
            # "she told the news agency Orbe": the addressee names no new speaker
            and not _TOLD.search(text, gap_start, m.start)
            # "..., Ruiz said before the talks with her Kenyan counterpart.": the object of a
            # preposition is no new speaker either
            and not _PREPOSITION_BEFORE.search(text[max(0, m.start - 30) : m.start])
        ]
        if not others and q.open_mark - gap_start < 120:
            results[i] = (q, prev_speaker, "quote-continued")


def _paragraph_chains(ctx: _Context, results: list[Attributed]) -> None:
    """Rule "quote-paragraph-chain": paragraphs that each open with a quote mark share one
    speaker (else the header paragraph before them, ending with a colon); else the
    follow-on and signature-line rules."""
    paras = ctx.paras
    para_opens = {}
    for q, _speaker, _rule in results:
        ps, _pe = paras[q.paragraph]
        if q.open_mark == ps:
            para_opens[q.paragraph] = q
    by_quote = {id(q): i for i, (q, _s, _r) in enumerate(results)}
    for i, (q, speaker, rule) in enumerate(results):
        if (
            speaker
            or rule in ("passive-unknown", "unnamed-source")
            or q.paragraph not in para_opens
        ):
            continue
        if para_opens[q.paragraph] is not q:
            continue
        found = None
        p = q.paragraph + 1
        while found is None and p in para_opens:
            found = results[by_quote[id(para_opens[p])]][1]
            p += 1
        p = q.paragraph - 1
        while found is None and p in para_opens:
            found = results[by_quote[id(para_opens[p])]][1]
            p -= 1
        if found is None and p >= 0:
            found = _colon_header(ctx, p)
        rule = "quote-paragraph-chain"
        if found is None and q.paragraph > 0:
            found = _follow_on(ctx, q, results)
            rule = "quote-follow-on"
        if found is None and q.paragraph + 1 < len(paras):
            found = _signature_line(ctx, q)
            rule = "quote-signature-line"
        if found is None and q.paragraph > 0:
            found = _follow_on_paraphrase(ctx, q)
            rule = "quote-follow-on-paraphrase"
        if found:
            results[i] = (q, found, rule)
    _run_on_quotes(results, para_opens, by_quote)


def _run_on_quotes(results: list[Attributed], para_opens: dict, by_quote: dict) -> None:
    """Rule "quote-run-on": a quote opened mid-paragraph and left open at its end runs on
    into the next paragraph, whose opening quote's speaker it shares ('Vera was upbeat.
    "The region faces many challenges.' / 'That is why the talks were useful," he said.')."""
    for i, (q, speaker, rule) in enumerate(results):
        if speaker or q.close_mark is not None or rule in ("passive-unknown", "unnamed-source"):
            continue
        nxt = para_opens.get(q.paragraph + 1)
        if nxt is not None and para_opens.get(q.paragraph) is not q:
            found = results[by_quote[id(nxt)]][1]
            if found:
                results[i] = (q, found, "quote-run-on")


def _colon_header(ctx: _Context, p: int) -> str | None:
    """'Quotes attributable to X:' - the last person a paragraph ending with a colon names."""
    ps, pe = ctx.paras[p]
    if ctx.text[ps:pe].rstrip().endswith(":"):
        people = ctx.speakers_in(ps, pe)
        if people:
            return people[-1].key
    return None


def _follow_on(ctx: _Context, q: QuoteSpan, results: list[Attributed]) -> str | None:
    """Rule "quote-follow-on": a paragraph that opens with a quote and names nobody
    continues the speaker of the paragraph just before, when that paragraph's last quote
    was attributed and nobody else is named after it ('Torres said: "We agreed.' / '"There
    is work ahead."')."""
    before = [(o, sp) for o, sp, _r in results if o.paragraph == q.paragraph - 1]
    if not before or not before[-1][1]:
        return None
    last, speaker = before[-1]
    ps, pe = ctx.paras[q.paragraph]
    if any(m.key != speaker for m in ctx.speakers_in(ps, pe)):
        return None
    _lps, lpe = ctx.paras[q.paragraph - 1]
    after_last = ctx.speakers_in((last.close_mark or last.end) + 1, lpe)
    if any(m.key != speaker for m in after_last):
        return None
    return speaker


def _signature_line(ctx: _Context, q: QuoteSpan) -> str | None:
    """Rule "quote-signature-line": a quote paragraph, then a line that is only a name,
    perhaps with a title and, after a comma, a short description ('"We will not give up."'
    / 'Luis Vera' / '— President Luis Vera' / '- Luis Vera, President of Peru'): the
    signature names the speaker."""
    text = ctx.text
    ps, pe = ctx.paras[q.paragraph + 1]
    if any(ps <= o.open_mark < pe for o in ctx.quote_spans):
        return None
    comma = text.find(",", ps, pe)
    head_end = comma if comma != -1 else pe
    rest = text[head_end + 1 : pe] if comma != -1 else ""
    people = ctx.speakers_in(ps, head_end)
    if len(people) != 1 or len(rest.split()) > 6 or _CUE.search(text, ps, pe):
        return None
    named = set(normalize(people[0].surface).split())
    head = normalize(text[ps:head_end].strip(_SIGNATURE_DASHES)).split()
    if not head or any(w not in named and not _title_word(w) for w in head):
        return None
    return people[0].key


def _title_word(word: str) -> bool:
    return word in lexicon.TITLE_WORDS or word in lexicon.HONORIFICS


def _name_colon(ctx: _Context, q: QuoteSpan, sent: Sentence) -> str | None:
    """Rule "quote-name-colon": 'Vera: "We are ready."' - a sentence that is only a name
    (perhaps with its title) and a colon before the quote names its speaker."""
    text = ctx.text
    if not text[sent.start : q.open_mark].rstrip().endswith(":"):
        return None
    named = ctx.speakers_in(sent.start, q.open_mark)
    if len(named) != 1 or ctx.entities[named[0].key].kind == "state":
        return None
    m = named[0]
    if text[m.end : q.open_mark].strip() != ":":
        return None
    if not all(_title_word(w) for w in normalize(text[sent.start : m.start]).split()):
        return None
    ctx.rule_of[id(q)] = "quote-name-colon"
    return m.key


def _follow_on_paraphrase(ctx: _Context, q: QuoteSpan) -> str | None:
    """Rule "quote-follow-on-paraphrase": a paragraph that opens with a quote, names nobody
    and has no cue continues the one whose words the paragraph before reported without
    quote marks ('Vera told reporters the talks went well.' / '"We begin with energy."'),
    when nobody else is named after that speaker (a state may be: it is what they spoke
    of)."""
    text, paras = ctx.text, ctx.paras
    ps, pe = paras[q.paragraph]
    lps, lpe = paras[q.paragraph - 1]
    if ctx.speakers_in(ps, pe) or _CUE.search(_outside_quotes(ctx, ps, pe)):
        return None
    if any(lps <= o.open_mark < lpe for o in ctx.quote_spans):
        return None
    last = _sentence_for(ctx.sents, lpe - 1)
    if last is None:
        return None
    trailing = _TRAILING_CUE.search(text, last.start, last.end)
    cue = _PARAPHRASE_CUE.search(text, last.start, last.end)
    if trailing is not None:  # "The talks went well, Vera said."
        before = ctx.speakers_in(trailing.start("who"), trailing.end("who"))
    elif cue is not None:  # "Vera said (that) the talks went well."
        before = [
            m
            for m in ctx.speakers_in(last.start, cue.start())
            if len(text[m.end : cue.start()].split()) <= 4
        ]
    else:
        return None
    if not before or ctx.entities[before[-1].key].kind not in ("person", "organization"):
        return None
    speaker = before[-1].key
    others = [
        m
        for m in ctx.speakers_in(before[-1].end, last.end)
        # "... told reporters that her dinner with the President was warm": the object of a
        # preposition in the reported clause is what she spoke of, not a new speaker
        if not _PREPOSITION_BEFORE.search(text[max(0, m.start - 30) : m.start])
    ]
    if any(m.key != speaker and ctx.entities[m.key].kind != "state" for m in others):
        return None
    return speaker


def _proposals(ctx: _Context, results: list[Attributed]) -> list[StatementProposal]:
    text, sents, entities = ctx.text, ctx.sents, ctx.entities
    statements = []
    for q, speaker, rule in results:
        if not speaker:
            continue
        s, e = quote_text(text, q)
        if e <= s:
            continue
        quoted = text[s:e]
        sent = _sentence_for(sents, q.open_mark)
        end_sent = _sentence_for(sents, max(q.open_mark, (q.close_mark or q.end) - 1))
        sentence_span = (
            sent.start if sent else s,
            end_sent.end if end_sent else e,
        )
        words = quoted.split()
        kind = "direct" if (quoted[:1].isupper() and len(words) >= 6) else "partial"
        via = _via_for(ctx, q)
        if via == speaker:
            via = None
        statements.append(
            StatementProposal(
                speaker=speaker,
                speaker_id=entities[speaker].actor_id if speaker in entities else None,
                text=quoted,
                kind=kind,
                span=(s, e),
                sentence_span=sentence_span,
                via=via,
                via_id=entities[via].actor_id if via and via in entities else None,
                confidence=_CONFIDENCE.get(rule, 0.65),
                rule=_with_binding_rule(ctx, rule, speaker, sentence_span, q.open_mark),
            )
        )
    return statements


def _with_binding_rule(ctx: _Context, rule: str, speaker: str, span, at: int) -> str:
    """The quote rule, and the rule that bound the speaker's nearest mention in the quote's
    sentences to the speaker ("quote-after-cue+full-name-first"), when one did."""
    near = [m for m in ctx.mentions_in(*span) if m.key == speaker and not m.in_quote]
    if not near:
        return rule
    nearest = min(near, key=lambda m: abs(m.start - at))
    bound = nearest.rule
    if not bound and _MOUTHPIECE_FOR.search(ctx.text[max(0, nearest.start - 40) : nearest.start]):
        bound = "spokesperson-for-body"
    return f"{rule}+{bound}" if bound else rule


def _verbs(use: str) -> str:
    """An alternation of the reporting verbs that serve ``use`` ("told" takes an addressee:
    "told [reporters] that")."""
    addressee = set(lexicon.reporting_verbs("addressee"))
    return "|".join(
        v + r" [\w ]{1,30}?" if v in addressee else re.escape(v)
        for v in lexicon.reporting_verbs(use)
    )


_PARAPHRASE_CUE = re.compile(rf"\b(?:{_verbs('paraphrase')})\s+(?:that\s+)?")
_TRAILING_CUE = re.compile(
    r",\s*(?P<who>[^,]{2,80}?)\s+(?:" + "|".join(lexicon.reporting_verbs("trailing")) + r")\.?\s*$"
)
# What every match of the two patterns holds, tested first (a sentence without it cannot
# match, and the patterns are slow to scan): the paraphrase verbs as written; a trailing
# verb at the very end of the sentence, before an optional full stop.
_PARAPHRASE_VERBS = tuple(lexicon.reporting_verbs("paraphrase"))
_TRAILING_VERBS = tuple(lexicon.reporting_verbs("trailing"))


def _trailing_cue(raw: str):
    end = raw.rstrip()
    if end.endswith("."):
        end = end[:-1]
    return _TRAILING_CUE.search(raw) if end.endswith(_TRAILING_VERBS) else None


def _paraphrase_cue(raw: str):
    return _PARAPHRASE_CUE.search(raw) if any(v in raw for v in _PARAPHRASE_VERBS) else None


_NAME_THEN_CUE = re.compile(
    r"^\W{0,3}\s*(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})\s+"
    r"(?:" + "|".join(lexicon.reporting_verbs("name-first")) + r")\b"
)


def _unknown_speaker(text: str, q: QuoteSpan, analysis: Analysis) -> str | None:
    """'"...," Okafor said.': a capitalised name right before the cue is a new speaker."""
    m = _NAME_THEN_CUE.match(text[q.close_mark + 1 : q.close_mark + 80])
    if not m:
        return None
    from .mentions import STOP_CAPS, spelling_variant_of

    name = m.group("name")
    words = name.split()
    if any(w.lower() in STOP_CAPS or w.lower() in lexicon.TITLE_WORDS for w in words):
        return None
    start = q.close_mark + 1 + m.start("name")
    end = start + len(name)
    if any(mm.start <= start < mm.end for mm in analysis.mentions if mm.key):
        return None
    known = spelling_variant_of(analysis.entities, name)
    if known is not None:  # "Ulyankov said" after "Alexei Ulyanko": the same person
        analysis.add_entity(
            known.key,
            known.kind,
            known.name,
            span=(start, end),
            surface=name,
            how="short",
            bound_by="surname-spelling-variant",
        )
        return known.key
    key = "person:" + normalize(name)
    analysis.add_entity(
        key,
        "person",
        name,
        span=(start, end),
        surface=name,
        rule="speaker-pattern",
        confidence=0.4,
    )
    return key


# Bodies that speak through a spokesperson or a document ("a foreign ministry spokesman said",
# "the alliance said", "a statement from the presidency said").
_INSTITUTION_NOUNS = (
    "ministry of foreign affairs", "foreign ministry", "foreign office", "defen[cs]e ministry",
    "ministry", "presidency", "presidential office", "presidential palace", "government",
    "alliance", "bloc", "organi[sz]ation", "union", "embassy", "secretariat", "commission",
    "cabinet office", "prime minister's office", "state department", "department",
)  # fmt: skip


def _institution(n: str) -> str:
    """A body named by its noun, with the country before it ("the Chilean presidency",
    "Peru's foreign ministry") or after it ("the foreign ministry of India")."""
    return (
        rf"(?:(?P<adj{n}>[A-Z][\w’'-]+?)(?:['’]s)?\s+)?(?P<body{n}>"
        + "|".join(_INSTITUTION_NOUNS)
        + rf")(?:\s+of\s+(?:the\s+)?(?P<of{n}>[A-Z][\w’'-]+))?"
    )


_INSTITUTION_OF = re.compile(
    r"\b(?:" + "|".join(_INSTITUTION_NOUNS) + r")\s+of\s+(?:the\s+)?$", re.I
)


def _institution_cue(lead: str, verbs: list[str]) -> re.Pattern:
    """A body, or a statement from one, then a reporting verb, after ``lead``."""
    return re.compile(
        lead
        + r"(?:(?:[Tt]he|[Aa]n?|[Ii]ts)\s+)?(?:"
        + r"(?:statement|readout|communiqu[eé]|press release)\s+(?:from|by|of)\s+(?:the\s+)?"
        + _institution("1")
        + r"|"
        + _institution("2")
        + r"(?:\s+(?:spokes\w+|officials?|sources?|statement|readout|communiqu[eé]|press release|"
        r"in a statement))?)\s+(?:" + "|".join(verbs) + r")\b"
    )


_INSTITUTION_AFTER = _institution_cue(r"^[,.]?\s*", lexicon.reporting_verbs("trailing"))
# "The presidency said in a statement that ...": the body opens the sentence.
_INSTITUTION_BEFORE = _institution_cue(
    r"^(?:In a statement,\s*)?",
    sorted(
        set(lexicon.reporting_verbs("trailing")) | set(lexicon.reporting_verbs("paraphrase")),
        key=len,
        reverse=True,
    ),
)
# Nouns that stand for the latest body of that sort the text named ("the alliance" = NATO).
_BODY_ANAPHORS = {"alliance", "bloc", "organisation", "organization", "union"}


def _institution_speaker(text: str, q: QuoteSpan, analysis: Analysis, mentions) -> str | None:
    """Rule "quote-institution": '"...," a foreign ministry spokesman said.' / '..., the
    alliance said in its statement.' - the body speaks: one the text named before whose
    name holds the noun (or, for "the alliance", the latest organisation named), else a new
    organisation named by the noun, of the country its adjective gives."""
    at = q.close_mark + 1
    m = _INSTITUTION_AFTER.match(text[at : at + 120])
    return _institution_body(text, q, analysis, mentions, m, at) if m else None


def _institution_before(ctx: _Context, q: QuoteSpan) -> str | None:
    """Rule "quote-institution" before the quote: 'The presidency said in a statement that
    the talks were "frank".' - a sentence that opens with a body and a reporting verb."""
    sent = _sentence_for(ctx.sents, q.open_mark)
    if sent is None:
        return None
    m = _INSTITUTION_BEFORE.match(ctx.text[sent.start : q.open_mark])
    if not m:
        return None
    return _institution_body(ctx.text, q, ctx.analysis, ctx.mentions, m, sent.start)


def _institution_body(
    text: str, q: QuoteSpan, analysis: Analysis, mentions, m: re.Match, at: int
) -> str | None:
    """The body an institution pattern matched at ``at``: named before, or a new one."""
    n = "1" if m.group("body1") else "2"
    body, adj = m.group("body" + n), m.group("adj" + n)
    start, end = at + m.start("body" + n), at + m.end("body" + n)
    if m.group("of" + n):  # "the foreign ministry of India": the country after the body
        if adj:
            return None
        adj, adj_at = m.group("of" + n), at + m.start("of" + n)
    else:
        adj_at = at + m.start("adj" + n)
    if any(mm.start <= start < mm.end for mm in analysis.mentions if mm.key):
        return None  # already a named body: the cue rules speak for it
    entities = analysis.entities
    country = None
    if adj:
        state = next(
            (
                mm.key
                for mm in analysis.mentions
                if mm.key and mm.start == adj_at and entities[mm.key].kind == "state"
            ),
            None,
        )
        country = entities[state].country if state else None
        if state and body.lower() == "government":
            return state  # "the Chilean government said"
        if state is None and adj.lower() not in ("federal", "national"):
            return None  # "a Reuters ministry source": not a body we can name
    head = body.lower().split()[-1]
    earlier = [mm for mm in mentions if mm.end <= min(q.open_mark, start) and mm.key in entities]
    for mm in reversed(earlier):
        ent = entities[mm.key]
        if ent.kind != "organization" or ent.media:
            continue
        if country and ent.country not in (None, country):
            continue
        if head in normalize(ent.name).split() or (
            head in _BODY_ANAPHORS and not adj and not mm.in_quote
        ):
            return mm.key
    if head in _BODY_ANAPHORS or head == "government":
        return None
    if " " not in body.strip() and not adj and head not in ("presidency", "secretariat"):
        return None  # "a ministry spokesman said": which ministry, the text does not say
    name = body.lower() if not body[:1].isupper() else body
    key = "org:" + normalize(name) + (f"@{country}" if country else "")
    analysis.add_entity(
        key,
        "organization",
        name,
        span=(start, end),
        surface=text[start:end],
        country=country,
        rule="quote-institution",
        confidence=0.4,
    )
    return key


def _sentences_with_quotes(sents, quote_spans) -> set[int]:
    """Indices of the sentences a quote overlaps (each quote looked up by bisection)."""
    from bisect import bisect_right

    ends = [st.end for st in sents]
    out: set[int] = set()
    for q in quote_spans:
        close = q.close_mark or q.end
        i = bisect_right(ends, q.open_mark)
        while i < len(sents) and sents[i].start <= close:
            if q.open_mark < sents[i].end:
                out.add(sents[i].index)
            i += 1
    return out


def find_paraphrases(doc: Document, analysis: Analysis):
    """Reported speech without quote marks: "X said (that) ..." and "..., X said."."""
    text, sents, quote_spans = doc.text, doc.sentences, doc.quote_spans
    from bisect import bisect_left

    mentions = [m for m in analysis.mentions if _usable(m)]
    # The mentions that start in [lo, hi), in list order, by bisection over their starts.
    by_start = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
    starts = [mentions[k].start for k in by_start]

    def starting_in(lo: int, hi: int) -> list[Mention]:
        found = by_start[bisect_left(starts, lo) : bisect_left(starts, hi)]
        return [mentions[k] for k in sorted(found)]

    out = []
    quoted = _sentences_with_quotes(sents, quote_spans)
    for sent in sents:
        if sent.index in quoted:
            continue
        raw = text[sent.start : sent.end]
        speaker = None
        span = None
        trailing = _trailing_cue(raw)
        if trailing:
            who = starting_in(sent.start + trailing.start("who"), sent.start + trailing.end("who"))
            if who:
                speaker = who[-1].key
                span = (sent.start, sent.start + trailing.start())
        if speaker is None:
            cue = _paraphrase_cue(raw)
            if not cue:
                continue
            before = [
                m
                for m in starting_in(sent.start, sent.start + cue.start() + 1)
                if m.end <= sent.start + cue.start()
                and len(raw[m.end - sent.start : cue.start()].split()) <= 4
            ]
            if not before:
                continue
            speaker = before[-1].key
            span = (sent.start + cue.end(), sent.end)
        s, e = span
        while e > s and text[e - 1] in " .,;":
            e -= 1
        if e - s < 12:
            continue
        ent = analysis.entities.get(speaker)
        if ent is None:
            continue
        out.append(
            StatementProposal(
                speaker=speaker,
                speaker_id=ent.actor_id,
                text=text[s:e],
                kind="paraphrase",
                span=(s, e),
                sentence_span=(sent.start, sent.end),
                confidence=0.5,
                rule="paraphrase-cue",
            )
        )
    return out
