"""Meetings: trigger words, participants, venue, kind, held/planned, dates.

Kind priority (annotation rules): call > summit > talks > meeting > visit. A sentence with a
trigger and at least two participants proposes an encounter; a sentence that only refers back
("The meeting took place on Thursday", "During their meeting at ...") adds its date and venue
to the latest one. Refused, cancelled, denied, "not agreed", "on hold" and merely hoped-for
encounters are not proposed. Venue comes from "in/at <city>" in the sentence, never from the
dateline alone; calls have none.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

import ahocorasick

from . import lexicon
from .dates import find_dates
from .document import Document
from .kb import KnowledgeBase, normalize
from .mentions import Analysis, Entity, Mention
from .places import city_country as _city_country
from .proposal import MeetingProposal, ParticipantProposal
from .text import Sentence

# The kinds, strongest first, and every pattern derived from lexicon.MEETING_KINDS.
KIND_RANK = {kind: len(lexicon.MEETING_KINDS) - i for i, kind in enumerate(lexicon.MEETING_KINDS)}


def _trigger_pattern(spec: dict) -> re.Pattern:
    """One kind's triggers as one pattern. Every alternative opens with a letter: saying so
    up front lets the regex engine skip the other positions cheaply in the long alternations
    (not worth it in the short ones)."""
    body = r"\b(?:" + "|".join(spec["triggers"]) + r")\b"
    if len(spec["triggers"]) > 2 and not spec.get("case"):
        body = r"(?=[^\W\d_])" + body
    return re.compile(body, 0 if spec.get("case") else re.I)


_TRIGGERS = [(kind, _trigger_pattern(spec)) for kind, spec in lexicon.MEETING_KINDS.items()]
# The substrings (lower case) that every match of one kind's pattern holds: a kind's
# pattern runs only on a sentence that has one (the patterns cost most of this stage).
_KIND_KEYS = {kind: spec["keys"] for kind, spec in lexicon.MEETING_KINDS.items()}
# Every trigger pattern needs one of these substrings.
_TRIGGER_KEYS = tuple(dict.fromkeys(k for keys in _KIND_KEYS.values() for k in keys))


def _keys_automaton():
    """Every key -> the kinds that hold it: one pass over a sentence finds its kinds."""
    automaton = ahocorasick.Automaton()
    for key in _TRIGGER_KEYS:
        automaton.add_word(key, tuple(k for k, keys in _KIND_KEYS.items() if key in keys))
    automaton.make_automaton()
    return automaton


_KEYS_KINDS = _keys_automaton()
# The nouns that name an encounter, longest first ("meeting" before "meet").
_ENCOUNTER_NOUNS = "|".join(
    sorted(
        {n for spec in lexicon.MEETING_KINDS.values() for n in spec["nouns"]},
        key=lambda n: (-len(n), n),
    )
)
_JUDGED = re.compile(
    r"\b(?:criticis|criticiz|prais|hail|welcom|condemn|describ|call|slamm|denounc|question|"
    r"defend)\w*\s+(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
_SAID_THAT = re.compile(
    r"\b(?:"
    + "|".join(lexicon.reporting_verbs("paraphrase"))
    + r")\s+that\s+(?:the|their|this)\s+$"
)
_OFFICE = re.compile(
    r"\b(foreign ministers?|defen[cs]e ministers?|prime ministers?|ministers?|presidents?|"
    r"leaders?|heads? of state)\s+of\b",
    re.I,
)


def _has_any(low: str, keys) -> bool:
    """Does ``low`` hold one of ``keys``? (Substring tests: faster than one regex of them.)"""
    return any(k in low for k in keys)


class _Lazy:
    """A truth value computed the first time it is asked (a whole-text scan most articles
    never need)."""

    __slots__ = ("_compute", "_value")

    def __init__(self, compute):
        self._compute, self._value = compute, None

    def __bool__(self) -> bool:
        if self._value is None:
            self._value = bool(self._compute())
        return self._value


# (Not "that" as a conjunction: "announced that she would visit Peru" is no reference back.)
_ANAPHOR = re.compile(
    r"\b(?:the|their|this|that|his|her|during the|in the|during a|during an)\s+"
    r"(?:(?!(?:he|she|they|we|it|i|you|would|will|could|should|may|might|must|can|shall)\b)"
    r"[\w-]+\s+){0,2}?"
    r"(?:" + _ENCOUNTER_NOUNS + r")\b(?!\s+of\b)",
    re.I,
)
# An encounter verb under a negation: "did not speak with", "has never visited", "won't meet".
_ENCOUNTER_VERB_FORMS = (
    "meet", "met", "speak", "spoke", "spoken", "talk", "talked", "visit", "visited", "hold",
    "held", "have", "had", "attend", "attended", "receive", "received", "host", "hosted",
    "travel", "travelled", "traveled", "call", "called", "phone", "phoned", "sit down",
)  # fmt: skip
_NEGATED_ENCOUNTER = (
    r"(?:did not|didn't|does not|doesn't|do not|don't|will not|won't|would not|wouldn't|"
    r"has not|hasn't|have not|haven't|had not|hadn't|never|not)\s+(?:yet\s+|ever\s+|even\s+)?"
    r"(?:be(?:en)?\s+)?(?:" + "|".join(_ENCOUNTER_VERB_FORMS) + r")"
)
_STRONG_NEGATION = re.compile(
    r"\b(?:"
    + _NEGATED_ENCOUNTER
    + r"|cancel(?:l?ed|s|ling)?|called off|postponed?|put on hold|on hold|suspended|"
    r"refused|denied|dismissed|ruled out|scrapped|not been agreed|no meeting|did not meet|"
    r"will not meet|won't meet|didn't meet|declined to meet|not (?:be )?held|"
    r"did not (?:hold|have|attend)|didn't (?:hold|have|attend)|(?:has|have|had) not (?:met|held)|"
    r"never met|(?:has|have|had|is|are) yet to (?:hold|meet|have|visit|sit)|"
    r"(?:will|would|did) not go ahead|won't go ahead|will not take place|did not take place|"
    r"fell through|collapsed|broke down|walked out|would (?:also )?have been|"
    r"would (?:also )?have|could have been)\b",
    re.I,
)
_VAGUE_TIME = re.compile(
    r"\b(?:at an early date|at a later date|in due course|at some point|"
    r"at a (?:mutually )?convenient|for another time|one day)\b",
    re.I,
)
_SINCE = re.compile(r"\b(?:since|ever since)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
_WEAK_NEGATION = re.compile(
    r"\b(?:could|may|might|hopes?|hoped|hoping|proposed|proposes|possible|possibility|"
    r"would like|wish(?:es)? to|invit(?:ed|es|ing|ation) (?:[\w-]+ ){0,4}(?:to|for)|"
    r"many|several|series of|working meetings?|non-public|"
    r"if|unless|ready to|willing to|agreed to make|considering|"
    r"no plans?|not planned|seek|seeks|seeking|sought|wants? to|wanted to|pushing for|"
    r"pushed for|calls? for|called for|requested|would (?:also )?have|could have|"
    r"efforts? to|attempts? to|bid to|path to|aimed at|aims to|in order to open|"
    r"urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|unlikely|hopes? for|appeal(?:s|ed)? for)\b"
)
_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|was to|were to|scheduled|expected to|is expected|"
    r"(?:is|are) due (?:in|at|for|back)|"
    r"are expected|upcoming|forthcoming|set to|plans? to|planning to|due to|would|"
    r"next week|next month|tomorrow|agreed to (?:meet|hold|have)|"
    r"planned (?:" + _ENCOUNTER_NOUNS + r")|"
    r"the next (?!day|morning|afternoon|evening|night)\w+|"
    r"(?:is|are) (?:meeting|holding talks|hosting|receiving|welcoming)|"
    r"(?:opens|begins|starts|kicks off) (?:on|next|this|tomorrow))\b",
    re.I,
)
_PROGRESSIVE = re.compile(r"(?:is|are) (?:meeting|holding talks|hosting|receiving|welcoming)", re.I)
_SIDE_NOUNS = lexicon.SIDE_NOUNS
_VENUE_CONTEXT = re.compile(
    r"(?:sidelines of|margins of|on the margins|attend(?:ed|ing|s)?|participat\w+ in|"
    r"ahead of|during|at|on the eve of|before|after|within the framework of|framework of)"
    r"\s+(?:the\s+)?(?:[\w'-]+\s+){0,6}$",
    re.I,
)
_ATTRIBUTION_VERB = re.compile(
    r"^\s+(?:" + "|".join(lexicon.reporting_verbs("attribution")) + r")\b"
)
_AGENT = re.compile(
    r"\b(\w+)\s+by\s+(?:the\s+)?(?:(?!(?:with|and|to|of|for|in|on|at)\b)[\w'’-]+\s+){0,4}$"
)
_ENCOUNTER_AGENT_VERBS = {
    "received", "hosted", "welcomed", "joined", "accompanied", "invited", "greeted", "met",
    "attended", "chaired", "co-chaired", "led", "headed", "hosting", "visited", "called",
    "phoned", "followed", "flanked", "mediated", "brokered", "facilitated",
}  # fmt: skip
_POSSESSOR = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+)?(?:spokes\w+|aide|aides|adviser|advisor|office|officials?|"
    r"ministers?|deputy|deputies|delegation|government|"
    r"envoy|representative|staff|wife|husband|son|daughter|lawyer|press secretary|"
    r"secretary|team|chief of staff|predecessor|successor|brother|sister|spouse)\b"
    # rule "possessive-visit": "A's official visit to B" - A travels (not A's officials)
    r"(?!\s+(?:visit|trip|tour|stay|talks|meeting)\b)"
)
_SPOKESPERSON_OF = re.compile(
    r"\b(?:spokes\w+|aides?|advis[eo]rs?|officials?|representatives?)\s+(?:for|of)\s+"
    r"(?:the\s+)?(?:[A-Z][\w'’]*\s+)?$"
)
_SPOKESPERSON_APPOSITION = re.compile(
    r"^,\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?(?:spokes\w+|press secretary)\b", re.I
)
_LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)
_INVITATION = re.compile(r"\bat the invitation of\b", re.I)
_HOST_VERB = re.compile(r"\b(?:received|receives|hosted|hosts|welcomed|welcomes|will welcome)\b")


@dataclass
class PKey:
    key: str
    role: str = "participant"


@dataclass
class Draft:
    kind: str
    status: str
    date: date | None
    end_date: date | None
    precision: str | None
    city: str | None
    country: str | None
    participants_keys: list[PKey]
    span: tuple[int, int]
    sentence: int
    confidence: float
    rule: str
    anaphoric: bool = False
    separate: bool = False
    extra: dict = field(default_factory=dict)

    def keys(self) -> set[str]:
        return {p.key for p in self.participants_keys}

    def to_proposal(self, names: dict[str, str], entities: dict[str, Entity]) -> MeetingProposal:
        return MeetingProposal(
            kind=self.kind,
            status=self.status,
            date=self.date,
            end_date=self.end_date,
            date_precision=self.precision,
            city=None if self.kind == "call" else self.city,
            country=None if self.kind == "call" else self.country,
            participants=[
                ParticipantProposal(
                    name=names.get(p.key, p.key),
                    actor_id=entities[p.key].actor_id if p.key in entities else None,
                    role=p.role,
                )
                for p in self.participants_keys
            ],
            span=self.span,
            confidence=self.confidence,
            rule=self.rule,
        )


def _quotes_by_sentence(sents, quotes) -> dict[int, list]:
    """The quotes that overlap each sentence, found by bisection (not all quotes for every
    sentence: that was quadratic in long texts)."""
    ends = [st.end for st in sents]
    out: dict[int, list] = {}
    for q in quotes:
        close = q.close_mark if q.close_mark is not None else q.end
        i = bisect_right(ends, q.open_mark)
        while i < len(sents) and sents[i].start <= close:
            out.setdefault(sents[i].index, []).append(q)
            i += 1
    return out


def _blank_quotes(text: str, start: int, end: int, quotes) -> str:
    if not any(
        q.open_mark < end and (q.close_mark if q.close_mark is not None else q.end) >= start
        for q in quotes
    ):
        return text[start:end]
    chars = list(text[start:end])
    for q in quotes:
        inner = text[q.open_mark + 1 : q.close_mark if q.close_mark is not None else q.end]
        if q.close_mark is not None and len(inner.split()) <= 2 and inner[:1].islower():
            continue  # 'the "two-plus-two" talks': a label inside the sentence, not speech
        a = max(q.open_mark, start)
        z = min((q.close_mark if q.close_mark is not None else q.end) + 1, end)
        for k in range(a, z):
            chars[k - start] = " "
    return "".join(chars)


@dataclass
class _Context:
    """What every sentence's stages read: the document, its analysis and the drafts so far."""

    text: str
    sents: list
    dateline: object
    anchor: date | None
    today: date | None
    kb: KnowledgeBase
    entities: dict
    mentions: list
    by_sentence: dict
    quotes_in: dict
    home_country: str | None
    busy_visit: _Lazy
    drafts: list = field(default_factory=list)
    visits: list = field(default_factory=list)  # every visit told, merged or not
    first_half: Draft | None = None
    _cancelled: bool | None = None

    def cancelled(self) -> bool:
        """Is a negation anywhere in the text? (A scan of the whole text: asked only when a
        sentence has the form it matters for, and answered once.)"""
        if self._cancelled is None:
            self._cancelled = _STRONG_NEGATION.search(self.text) is not None
        return self._cancelled


@dataclass
class _Clause:
    """One sentence (or one part of it) on its way to a draft: each stage reads what the
    earlier ones found and adds its own."""

    sent: Sentence
    part: str | None
    raw: str
    clean: str
    low: str
    found: list
    sent_mentions: list = field(default_factory=list)
    participants: list = field(default_factory=list)
    valid: list = field(default_factory=list)
    kinds: set = field(default_factory=set)
    kind: str = "meeting"
    s: int = 0
    e: int = 0
    word: str = ""
    video_part: bool = False
    spoke_only: bool = False
    hosting_only: bool = False
    received_by: object = None
    anaphor_spans: list = field(default_factory=list)
    in_anaphor: list = field(default_factory=list)
    anaphoric: bool = False
    possessed: bool = False
    event: tuple | None = None
    event_draft: bool = False
    between: list = field(default_factory=list)
    pair: list = field(default_factory=list)
    earlier_year: bool = False
    background: bool = False
    leading_they: object = None
    leading_both: bool = False
    both_used: bool = False
    future: bool = False
    which: object = None
    status: str = "held"
    date_value: date | None = None
    end_value: date | None = None
    precision: str | None = None
    shift: object = None
    also: object = None
    eve: object = None
    same_place: tuple | None = None
    city: str | None = None
    country: str | None = None
    summits: list = field(default_factory=list)
    closing: object = None
    days: object = None
    group: object = None
    keys: list = field(default_factory=list)
    roles: dict = field(default_factory=dict)
    draft: Draft | None = None
    split: tuple | None = None
    rule: str | None = None


def find_meetings(doc: Document, analysis: Analysis, kb: KnowledgeBase) -> list[Draft]:
    """The encounters of a document: each sentence (or clause) through the stages below,
    then the sides named, plural summits expanded and incomplete drafts dropped."""
    ctx = _context(doc, analysis, kb)
    for sent, part in _segments(ctx.text, ctx.sents, ctx.by_sentence, ctx.entities):
        c = _scan_triggers(ctx, sent, part)
        if c is None:
            _delegation_heads(ctx, sent)
            continue
        _sentence_participants(ctx, c)
        if _separate_meetings(ctx, c) or _visitors_by_day(ctx, c) or _them_separately(ctx, c):
            continue
        c.valid = _valid_triggers(c.found, c.clean, c.sent, c.sent_mentions, ctx.entities)
        if not c.valid:
            continue
        for each_stage in _CLAUSE_STAGES:
            each_stage(ctx, c)
    drafts = ctx.drafts
    _name_the_sides(drafts, ctx.sents, ctx.by_sentence, ctx.entities, ctx.text, analysis.mentions)
    return _complete(_expand_plural_summits(drafts, ctx.entities), ctx.entities)


def _context(doc: Document, analysis: Analysis, kb: KnowledgeBase) -> _Context:
    """The mentions by sentence (quotes left out), the dateline's country, the quotes."""
    text, dateline = doc.text, doc.dateline
    mentions = [m for m in analysis.mentions if m.key and not m.in_quote]
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    home_country = None
    if dateline.city:
        home_country = _city_country(kb, dateline.city)[1]
    if home_country is None and dateline.span:
        # "OHRID, North Macedonia —": the country the dateline names after its city
        for part in re.split(r"[,(]", text[dateline.span[0] : dateline.span[1]])[1:2]:
            home_country = _demonym_code(kb, part.strip(" -—–:"))
    return _Context(
        text=text,
        sents=doc.sentences,
        dateline=dateline,
        anchor=doc.anchor,
        today=doc.today,
        kb=kb,
        entities=analysis.entities,
        mentions=mentions,
        by_sentence=by_sentence,
        quotes_in=_quotes_by_sentence(doc.sentences, doc.quote_spans),
        home_country=home_country,
        busy_visit=_Lazy(lambda: _FURTHER_ENGAGEMENTS.search(text)),
    )


def _scan_triggers(ctx: _Context, sent: Sentence, part: str | None) -> _Clause | None:
    """The trigger words of a sentence, quotes and dateline blanked; None when it has none
    or a negation kills them (rule "negation-in-its-clause": "China cancelled the talks
    after Merkel met the Dalai Lama" - the encounter of the clause after the subordinator
    stands)."""
    text, dateline = ctx.text, ctx.dateline
    if dateline.span and sent.end <= dateline.span[1]:
        return None
    raw = text[sent.start : sent.end]
    clean = _blank_quotes(text, sent.start, sent.end, ctx.quotes_in.get(sent.index, ()))
    if dateline.span and sent.start < dateline.span[1]:
        cut = dateline.span[1] - sent.start
        clean = " " * cut + clean[cut:]
    found = []
    low = clean.lower()
    kinds = {kind for _, key_kinds in _KEYS_KINDS.iter(low) for kind in key_kinds}
    if not kinds:
        return None  # cheap check: the trigger patterns are slow to scan
    for kind, pattern in _TRIGGERS:
        if kind not in kinds:
            continue
        for m in pattern.finditer(clean):
            found.append((m.start(), m.end(), kind, m.group()))
    if not found:
        return None
    # Strong negation anywhere in the sentence (quotes included) kills it, unless it
    # only dates a background ("the first visit since relations broke down in 2019").
    negations = [
        n
        for n in _STRONG_NEGATION.finditer(raw)
        if not _SINCE.search(raw[max(0, n.start() - 40) : n.start()])
    ]
    if negations:
        sub = _SUBORDINATE.search(clean, negations[-1].end())
        if sub is None or _STRONG_NEGATION.search(raw, sub.end()):
            return None
        clean = " " * sub.end() + clean[sub.end() :]
        found = [t for t in found if t[0] >= sub.end()]
        if not found:
            return None
    if _PAST_FUTURE.search(clean) and ctx.cancelled():
        return None  # "was due to hold talks" in a story of a called-off trip: the lost plan
    found.sort()
    return _Clause(sent=sent, part=part, raw=raw, clean=clean, low=low, found=found)


def _delegation_heads(ctx: _Context, sent: Sentence) -> None:
    """Rule "delegation-heads": "Delegations of Chile and Peru held talks on Monday. The
    Chilean side was led by Foreign Minister A, the Peruvian side by B" - the heads named
    in the next sentence are the parties of the talks just told."""
    raw = ctx.text[sent.start : sent.end]
    if not ctx.drafts or " by " not in raw:
        return
    lead = _LED_BY.search(raw)
    latest = ctx.drafts[-1]
    if lead is None or latest.sentence < sent.index - 2 or latest.kind == "call":
        return
    at = sent.start + lead.start()
    heads = list(
        dict.fromkeys(
            m.key
            for m in ctx.by_sentence.get(sent.index, [])
            if m.start > at and ctx.entities[m.key].kind == "person"
        )
    )
    if not heads:
        return
    d = Draft(
        kind=latest.kind,
        status=latest.status,
        date=None,
        end_date=None,
        precision=None,
        city=None,
        country=None,
        participants_keys=[PKey(k) for k in heads],
        span=(sent.start, sent.end),
        sentence=sent.index,
        confidence=0.6,
        rule="delegation-heads",
        anaphoric=True,
    )
    d.extra["joins"] = True
    _merge_or_add(ctx.drafts, d, ctx.entities, ctx.busy_visit)


def _sentence_participants(ctx: _Context, c: _Clause) -> None:
    """The sentence's mentions (of its own part) and the parties among them."""
    c.sent_mentions = ctx.by_sentence.get(c.sent.index, [])
    if c.part:
        c.sent_mentions = [m for m in c.sent_mentions if c.sent.start <= m.start < c.sent.end]
    c.participants = _participants(
        ctx.text, c.sent, c.sent_mentions, ctx.entities, c.clean, lead=not ctx.drafts
    )


def _separate_meetings(ctx: _Context, c: _Clause) -> bool:
    """Rule "separate-meetings": "X held separate bilateral meetings with A and with B" is
    one encounter each; True when it made them."""
    sides = _separate_sides(ctx, c) if "separate" in c.low else None
    if sides:
        subject, objects, sep = sides
        if subject and len(objects) >= 2:
            c.future = bool(_FUTURE.search(c.clean))
            c.date_value, c.end_value, c.precision = _date_for(
                c.clean, c.sent.start, sep.start(), sep.end(), ctx.anchor, c.future, ctx.today
            )
            c.city, c.country = _venue(
                ctx.text,
                c.sent,
                c.clean,
                ctx.kb,
                c.sent_mentions,
                ctx.entities,
                ctx.home_country,
                ctx.dateline,
                near=sep.start(),
            )
            c.kind = "talks" if "talks" in sep.group().lower() else "meeting"
            for obj in objects:
                d = Draft(
                    kind=c.kind,
                    status="planned" if c.future else "held",
                    date=c.date_value,
                    end_date=c.end_value,
                    precision=c.precision,
                    city=c.city,
                    country=c.country,
                    participants_keys=[PKey(k) for k in subject + [obj]],
                    span=(c.sent.start, c.sent.end),
                    sentence=c.sent.index,
                    confidence=0.6,
                    rule="separate-meetings",
                    separate=True,
                )
                _merge_or_add(ctx.drafts, d, ctx.entities, ctx.busy_visit)
            return True
    return False


_THEM_SEPARATELY = re.compile(
    r"\b(?:(?:to|with)\s+)?(?:each of )?them\s+(?:all\s+)?(?:separately|individually|one by one)\b|"
    r"\b(?:separately|individually) with each of them\b"
)


def _them_separately(ctx: _Context, c: _Clause) -> bool:
    """Rule "them-separately": "A, B, C and D gathered in Lima. A also met each of them
    separately" - one encounter of the subject with each person the sentence before lists;
    True when it made them."""
    if "them" not in c.low or c.sent.index == 0:
        return False
    phrase = _THEM_SEPARATELY.search(c.clean)
    if phrase is None:
        return False
    subjects = [k for k in c.participants if ctx.entities[k].kind == "person"]
    prev = ctx.sents[c.sent.index - 1]
    listed = list(
        dict.fromkeys(
            m.key
            for m in ctx.by_sentence.get(prev.index, [])
            if ctx.entities[m.key].kind == "person"
        )
    )
    if len(subjects) != 1 or subjects[0] not in listed:
        return False
    others = [k for k in listed if k != subjects[0]]
    if len(others) < 2:
        return False
    future = bool(_FUTURE.search(c.clean))
    trigger = c.found[0]
    day, end, precision = _date_for(
        c.clean, c.sent.start, trigger[0], trigger[1], ctx.anchor, future, ctx.today
    )
    city, country = _venue(
        ctx.text, c.sent, c.clean, ctx.kb, c.sent_mentions, ctx.entities,
        ctx.home_country, ctx.dateline, near=trigger[0],
    )  # fmt: skip
    if city is None and country is None:
        prev_clean = ctx.text[prev.start : prev.end]
        city, country = _venue(
            ctx.text, prev, prev_clean, ctx.kb, ctx.by_sentence.get(prev.index, []),
            ctx.entities, ctx.home_country, ctx.dateline,
        )  # fmt: skip
    kind = "talks" if "talks" in c.low else "meeting"
    for other in others:
        d = Draft(
            kind=kind,
            status="planned" if future else "held",
            date=day,
            end_date=end,
            precision=precision,
            city=city,
            country=country,
            participants_keys=[PKey(subjects[0]), PKey(other)],
            span=(c.sent.start, c.sent.end),
            sentence=c.sent.index,
            confidence=0.6,
            rule="them-separately",
            separate=True,
        )
        _merge_or_add(ctx.drafts, d, ctx.entities, ctx.busy_visit)
    return True


def _visitors_by_day(ctx: _Context, c: _Clause) -> bool:
    """Rule "visited-by": "On Wednesday X was visited by A, and on Thursday by B" - each
    visitor called on X, a meeting each on its own day (the visitor came to X's office, so
    a meeting rather than a visit); True when it made them."""
    passive = _VISITED_BY.search(c.clean) if "visited" in c.low else None
    if passive is None:
        return False
    bys = list(_BY_AGENT_WORD.finditer(c.clean, passive.end()))
    if not bys or bys[0].start() - passive.end() > 30:
        return False
    # each agent's stretch: from its "by" to the connector before the next "by"
    cuts = [0]
    for b in bys[1:]:
        joint = _BY_JOINT.search(c.clean, cuts[-1] + 1, b.start())
        if joint is None:
            return False  # "visited by A and accompanied by B": not a list of visitors
        cuts.append(joint.start())
    cuts.append(len(c.clean))
    start = c.sent.start

    def people(lo: int, hi: int) -> list[str]:
        return list(
            dict.fromkeys(
                m.key
                for m in c.sent_mentions
                if ctx.entities[m.key].kind == "person" and start + lo <= m.start < start + hi
            )
        )

    subject = people(0, passive.start())
    if len(subject) != 1:
        return False
    visitors = [people(b.end(), cuts[i + 1]) for i, b in enumerate(bys)]
    if not all(visitors):
        return False
    future = passive.group().startswith(("will", "is to"))  # the auxiliary's tense
    city, country = _venue(
        ctx.text, c.sent, c.clean, ctx.kb, c.sent_mentions, ctx.entities,
        ctx.home_country, ctx.dateline, near=passive.start(),
    )  # fmt: skip
    for i, (b, guests) in enumerate(zip(bys, visitors, strict=True)):
        own = " " * cuts[i] + c.clean[cuts[i] : cuts[i + 1]]
        own += " " * (len(c.clean) - len(own))
        day, end, precision = _date_for(
            own, start, b.start(), b.end(), ctx.anchor, future, ctx.today
        )
        d = Draft(
            kind="meeting",
            status="planned" if future else "held",
            date=day,
            end_date=end,
            precision=precision,
            city=city,
            country=country,
            participants_keys=[PKey(subject[0], "host")] + [PKey(k, "guest") for k in guests],
            span=(c.sent.start, c.sent.end),
            sentence=c.sent.index,
            confidence=0.6,
            rule="visited-by",
            separate=len(bys) > 1,
        )
        _merge_or_add(ctx.drafts, d, ctx.entities, ctx.busy_visit)
    return True


def _separate_sides(ctx: _Context, c: _Clause):
    """The subject, the counterparts and the phrase of "separate meetings", in its three
    frames: "X held separate meetings with A and B", "In separate meetings with A and B, X
    discussed ...", "X met A and B in separate meetings". None when it is none of them."""
    sep = _SEPARATE_WITH.search(c.clean)
    start = c.sent.start
    if sep:
        at = start + sep.start()
        subject_span, object_span = (start, at), (at, c.sent.end)
        if not _people_in(ctx, c, *subject_span):
            # fronted: the counterparts up to the comma, the subject after it
            comma = c.clean.find(",", sep.end())
            if comma != -1:
                subject_span, object_span = (start + comma, c.sent.end), (at, start + comma)
    else:
        sep = _SEPARATE_AFTER.search(c.clean)
        verb = next(
            (t for t in c.found if sep and t[0] < sep.start() and t[3].lower() != "meetings"),
            None,
        )
        if verb is None:
            return None
        subject_span, object_span = (start, start + verb[0]), (start + verb[1], start + sep.start())
    subject = _people_in(ctx, c, *subject_span)
    objects = [k for k in _people_in(ctx, c, *object_span) if k not in subject]
    if not objects:
        # "met separately with the foreign ministers of A and B": unnamed sides,
        # one encounter with each state
        # ("separate meetings with new ambassadors from A and B": the states after
        # the phrase, whichever preposition introduces them, bar a place "in X")
        lo, hi = object_span
        states = [
            m
            for m in c.sent_mentions
            if lo < m.start < hi
            and m.key not in subject
            and ctx.entities[m.key].kind == "state"
            and not _LOCATIVE.search(ctx.text[max(0, m.start - 8) : m.start])
        ]
        if states and _PLURAL_SIDES.search(ctx.text[lo : states[0].start]):
            objects = list(dict.fromkeys(m.key for m in states))
    return subject, objects, sep


def _people_in(ctx: _Context, c: _Clause, lo: int, hi: int) -> list[str]:
    """The people among the clause's parties mentioned between offsets lo and hi."""
    return [
        k
        for k in c.participants
        if ctx.entities[k].kind == "person"
        and any(m.key == k and lo <= m.start < hi for m in c.sent_mentions)
    ]


def _kind_of_clause(ctx: _Context, c: _Clause) -> None:
    """The kind: the strongest trigger (call > summit > talks > meeting > visit), with
    "spoke with" a call unless in person and "will welcome X for a visit" a visit."""
    c.kinds = {k for _s, _e, k, _g in c.valid}
    c.kind = max(c.kinds, key=lambda k: KIND_RANK[k])
    # The strongest description anchors the date: "arrived on Monday ... is due to meet
    # X on Wednesday" is a meeting on Wednesday.
    c.s, c.e, _k, c.word = next(t for t in c.valid if t[2] == c.kind)
    if c.kind == "visit" and "visit" not in c.word.lower():
        # "will travel to X next week for a visit from May 2 to 4": the noun, not the
        # motion verb, carries the visit's own dates.
        c.s, c.e, _k, c.word = next(
            (t for t in c.valid if t[2] == "visit" and "visit" in t[3].lower()),
            (c.s, c.e, _k, c.word),
        )
    if c.kind == "visit" and "delegation" in c.word and c.rule is None:
        c.rule = "leads-delegation"  # "X will lead a delegation to Lima on Saturday"
    if c.kind == "meeting" and c.word.endswith("joined by") and c.rule is None:
        c.rule = "joined-by"  # "On Wednesday, A and B will be joined by C"
    if c.kind == "meeting" and c.word.lower().startswith("address") and c.rule is None:
        c.rule = "addressed-body"  # "X addressed the European Parliament on Tuesday"
    c.video_part = (
        c.kind == "call"
        and ctx.drafts
        and ctx.drafts[-1].kind == "summit"
        and _TOOK_PART.search(c.clean) is not None
    )
    if c.kind == "meeting" and all(
        re.match(r"(?:spoke|speaks|talked)\b(?!\s+(?:briefly|informally|privately))", w, re.I)
        for _s, _e, _k, w in c.valid
    ):
        c.kind = "call"  # "X spoke with Y on Monday", no place: a call (a place: a meeting)
        c.spoke_only = True
    else:
        c.spoke_only = False
    c.hosting_only = all(k == "visit" or w.lower() in _HOSTING_WORDS for _s, _e, k, w in c.valid)
    c.received_by = "by" in c.clean and _RECEIVED_BY.search(c.clean)
    if c.hosting_only and "visit" in c.kinds:
        # "received X at the palace, the first visit by X since 2015": an apposition
        host = next((t for t in c.valid if t[2] == "meeting"), None)
        if host is not None and not any(
            t[2] == "visit"
            and t[0] < len(c.clean)
            and t[0] >= 0
            and _clause(c.clean, host[0], host[1]).find(t[3]) != -1
            for t in c.valid
        ):
            c.hosting_only = False
    if c.kind == "meeting" and "visit" in c.kinds and c.hosting_only and not c.received_by:
        c.kind = "visit"  # "will welcome X to Australia for a visit"


def _reference_back(ctx: _Context, c: _Clause) -> None:
    """Does the clause refer back to an encounter told ("During the meeting ...")? And who
    are its parties when it names them another way ("between", "the A-B talks")."""
    c.anaphor_spans = [
        m.span()
        for m in _ANAPHOR.finditer(c.clean)
        if not re.search(
            r"\b(?:next|upcoming|following|future|coming|planned|forthcoming)\b",
            m.group(),
            re.I,
        )
    ]
    c.in_anaphor = [
        any(a <= ts and te <= z for a, z in c.anaphor_spans)
        or (
            # "The meeting was hosted by X": the subject refers back, the agent joins it
            bool(c.anaphor_spans)
            and not c.clean[: c.anaphor_spans[0][0]].strip()
            and _BY_AGENT.match(c.clean[te:]) is not None
        )
        for ts, te, _k3, _w in c.valid
    ]
    c.anaphoric = all(c.in_anaphor)
    if (
        c.anaphoric
        and not ctx.drafts
        and c.kind in ("summit", "meeting")
        and "visit" not in c.kinds
    ):
        c.anaphoric = False  # "leaders ended their annual meeting": nothing told to refer to
    if c.video_part:
        c.kind, c.anaphoric = "summit", True  # "X took part by video link": in the summit
    if c.anaphoric and c.kind == "summit":
        # "to attend the Mercosur summit": a named body's summit is an event of its own
        named = [
            m
            for m in c.sent_mentions
            if ctx.entities[m.key].kind == "organization"
            and any(
                a <= m.start - c.sent.start and m.end - c.sent.start <= z
                for a, z in c.anaphor_spans
            )
        ]
        if named:
            c.anaphoric = False
    c.possessed = re.search(r"['’]s\s+(?:[\w-]+\s+)?$", c.clean[: c.valid[0][0]]) is not None
    lead = c.clean[: c.valid[0][0]]
    if (c.anaphoric or c.possessed) and (
        _JUDGED.search(lead) or (c.anaphoric and " that " in lead and _SAID_THAT.search(lead))
    ):
        # "X criticised the talks", "X called Y's visit a success", "X said that the visit
        # had been historic": X comments on the encounter, X is not a party.
        c.participants = []
    elif c.possessed and c.kind == "visit" and c.participants and c.rule is None:
        c.rule = "possessive-visit"  # "A's official visit to B began on Monday"
    # An event noun next to a reference back ("During the call the sides welcomed the
    # upcoming forum in X on May 3"): the event is its own encounter of the two sides.
    c.event = _event_noun(c.valid, c.clean)
    c.event_draft = False
    if any(c.in_anaphor) and c.event is not None and ctx.drafts:
        sides = _sides_states(ctx.drafts[-1], ctx.entities)
        if sides and re.search(r"\b(?:the|both|two) (?:sides|countries|leaders)\b", c.clean):
            c.s, c.e, c.kind, c.word = c.event
            c.participants = sides
            c.anaphoric = False
            c.event_draft = True
    c.between = _between_parties(c.clean, c.sent, c.sent_mentions, ctx.entities)
    if c.between:
        # "the first meeting between leaders of the two countries" names nobody: keep
        # the parties the sentence does name.
        c.participants = c.between
        if c.anaphoric and c.rule is None:
            _named_pair(ctx, c)
    c.pair = _hyphen_pair(c.clean, c.sent, c.s, c.sent_mentions, ctx.entities)
    if c.pair:
        c.participants = c.pair
    # "The two leaders held talks": the parties of the latest encounter (and whoever
    # joins them: "the two were joined by X for the summit").


def _named_pair(ctx: _Context, c: _Clause) -> None:
    """Rule "named-pair": "Meanwhile, the meeting between A and B focused on trade" - a
    reference back that names two people no encounter told so far brings together is an
    encounter of its own, not more about the latest one (unless the latest one's sides are
    still unnamed: "The ministers of A and B met ... the talks between X and Y ...")."""
    people = {k for k in c.between if ctx.entities[k].kind == "person"}
    if len(people) < 2 or not ctx.drafts:
        return
    if sum(ctx.entities[k].kind == "person" for k in ctx.drafts[-1].keys()) < 2:  # noqa: SIM118
        return  # "The ministers of A and B met ...": these may be the names of its sides
    if any(
        _covered(people, d.keys(), ctx.entities) or _covered(d.keys(), people, ctx.entities)
        for d in ctx.drafts
    ):
        return
    c.anaphoric = False
    c.rule = "named-pair"


def _parties_from_context(ctx: _Context, c: _Clause) -> None:
    """Rule "the-two-leaders": "The two leaders held talks" - the parties of the latest
    encounter; "In 2019, the two held talks" - an earlier encounter of theirs."""
    c.earlier_year = False
    c.background = (
        _BACKGROUND.search(c.clean) is not None
        or c.part == "bg"
        or _EARLIER_LEAD.match(c.clean) is not None
    )
    if not c.background:
        c.earlier_year = _in_an_earlier_year(c.clean[: c.e + 40], ctx.anchor)
        c.background = bool(c.earlier_year)
    c.leading_they = _LEADING_THEY.match(c.clean.lstrip())
    c.leading_both = _BOTH.match(c.clean.lstrip()) is not None or c.leading_they is not None
    c.both_used = False
    if (
        not ctx.drafts
        and len(c.participants) < 2
        and re.match(r"\W*(?:The|Both) (?:two )?(?:leaders|presidents|ministers)\b", c.clean)
    ):
        # "The two leaders have since spoken by phone" with no encounter told yet: the two
        # people the article is about so far
        counts: dict[str, int] = {}
        for m in ctx.mentions:
            if m.start < c.sent.start and ctx.entities[m.key].kind == "person":
                counts[m.key] = counts.get(m.key, 0) + 1
        top = sorted(counts, key=lambda k: -counts[k])
        if len(top) >= 2 and (len(top) == 2 or counts[top[1]] > counts[top[2]]):
            c.participants = top[:2]
    if (
        (len(c.participants) < 2 or c.leading_both)
        and ctx.drafts
        and (c.leading_they or _BOTH.search(c.clean))
    ):
        # "The two leaders discussed ... the negotiations with Iran": the leaders of the
        # encounter just told are its parties, whatever else the sentence names.
        if c.leading_both:
            c.participants = [k for k in c.participants if ctx.entities[k].kind == "person"]
        if not c.background and _TOPIC_VERB.search(c.clean[: c.s]):
            # a topic of the encounter just told, which keeps its own kind
            c.participants, c.anaphoric = [], True
            c.kind = ctx.drafts[-1].kind
        earlier = [
            p.key for p in _earlier_group(ctx.drafts, c.clean, ctx.entities).participants_keys
        ]
        c.anaphoric = not c.participants and not c.background
        c.both_used = c.anaphoric
        c.participants = earlier + [k for k in c.participants if k not in earlier]
    if c.background and c.earlier_year and c.anaphoric and ctx.drafts:
        # "In 2019, the two held talks": not a reference back to today's talks, an
        # earlier encounter of the same parties
        c.anaphoric = False
        if not c.participants:
            c.group = _earlier_group(ctx.drafts, c.clean, ctx.entities)
            c.participants = [p.key for p in c.group.participants_keys]


_AHEAD_OF_EVENT = re.compile(
    r"\b(?:ahead of|before|in preparation for|to prepare for)\s+(?:the|a|an|next|this)\s+"
    r"(?:[\w'’-]+\s+){0,5}?(?:forum|summit|meeting|ministerial|conference|session|election|"
    r"elections|gathering|visit|talks|vote)\b",
    re.I,
)


_NOUN_SUBJECT = re.compile(
    r"\W*(?:(?:In|At|During|For)\s+)?(?:[Tt]he|An?|an?|This|this|Their|their|Its|its)\s+"
    r"(?:[\w-]+\s+){0,3}$"
)
_NOUN_WORDS = {"meeting", "talks", "summit", "visit", "trip", "forum", "gathering"}
_CREDIT = re.compile(
    r",\s+(?:the\s+)?(?:[\w'’-]+\s+){0,6}?(?:said|says|announced|reported|told|stated)\b"
)


def _tense_and_date(ctx: _Context, c: _Clause) -> None:
    """Held or planned, and the date, read from the clause up to a later event it is "ahead
    of" (rule "ahead-of-event": "A and B met at the hall ahead of the forum due on Friday" -
    the forum's day and tense are its own, not the encounter's)."""
    later = _AHEAD_OF_EVENT.search(c.clean, c.e) if "ahead" in c.low or "before" in c.low else None
    if later is None or c.kind == "visit":
        _tense_and_date_of(ctx, c)
        return
    whole = c.clean
    c.clean = whole[: later.start()] + " " * (len(whole) - later.start())
    _tense_and_date_of(ctx, c)
    c.clean = whole


def _tense_and_date_of(ctx: _Context, c: _Clause) -> None:
    """Held or planned (the tense of the trigger's clause), and the date: the clause's own,
    else "a day later", "on the eve of", "X also met Y" from the encounter just told."""
    # Tense of the clause that holds the trigger (and of the sentence's subject before it):
    # "agreed to meet next month, officials said after their talks on Wednesday".
    c.future = bool(_FUTURE.search(_clause(c.clean, c.s, c.e)))
    if (
        not c.future
        and _NOUN_SUBJECT.match(c.clean[: c.s])
        and c.word.lower().split()[-1] in _NOUN_WORDS
    ):
        # Rule "subject-noun-tense": "The first meeting with the ministers of A, B and C is
        # scheduled for Saturday, the ministry said", "In the seventh round of talks, X is set
        # to speak with Y" - the predicate of the noun's sentence, past the commas of a list
        # or a fronted phrase, up to the credit
        tail = c.clean[c.e :]
        credit = _CREDIT.search(tail)
        c.future = bool(_FUTURE.search(tail[: credit.start()] if credit else tail))
    if c.future and _PAST_TRIGGER.match(c.word):
        # Rule "tense-of-own-predicate": "spoke by phone on Monday and invited him to a summit
        # next month" - the call is held; the later predicate's time is not the call's.
        cut = c.clean.find(" and ", c.e)
        if cut != -1 and not _FUTURE.search(_clause(c.clean[:cut], c.s, c.e)):
            c.future = False
    that = c.clean.find(" that ", c.e) if c.future else -1
    if (
        that != -1
        and _REPORTED_THAT.search(c.clean[:that])
        and not _FUTURE.search(_clause(c.clean[:that], c.s, c.e))
    ):
        # Rule "reported-that": "X told reporters after the talks on Monday that trade would
        # grow" - the reported words' tense is not the encounter's.
        c.future = False
    c.which = None
    if "which" in c.clean[c.e : c.e + 40]:
        # "the Forum, which opens on Wednesday", "the summit of the alliance's leaders, which
        # is due later this year": the noun's own relative clause (past a short "of" phrase)
        gap = re.match(r"(?:\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2})?", c.clean[c.e :])
        c.which = _WHICH_CLAUSE.match(c.clean[c.e + gap.end() :])
    if not c.future and c.which and _FUTURE.search(c.which.group(1)):
        c.future = True  # "the Forum, which opens on Wednesday": scheduled
    c.status = "planned" if c.future else "held"
    c.date_value, c.end_value, c.precision = _date_for(
        _without_relative_clauses(c.clean, c.s) if ", who " in c.clean else c.clean,
        c.sent.start,
        c.s,
        c.e,
        ctx.anchor,
        c.future,
        ctx.today,
        near_only=c.anaphoric and bool(ctx.drafts),
    )
    if c.future and c.date_value is not None and c.date_value == ctx.anchor:
        _under_way(c)
    if (
        c.both_used
        and c.date_value is not None
        and c.precision == "day"
        and ctx.drafts[-1].precision == "day"
        and c.date_value != ctx.drafts[-1].date
    ):
        c.anaphoric = False  # "The two leaders held talks in X on Thursday": another day
        c.background = True
    c.shift = _RELATIVE_DAY.search(c.clean)
    if c.date_value is None and ctx.drafts and c.shift and ctx.drafts[-1].precision == "day":
        # "A day later", "the following day": counted from the latest encounter.
        n_word = (c.shift.group("n") or "a").lower()
        n = int(n_word) if n_word.isdigit() else _NUMBERS.get(n_word, 1)
        direction = (c.shift.group("dir") or c.shift.group("dir2") or c.shift.group("dir3")).lower()
        back = direction in ("earlier", "before", "previous")
        c.date_value = ctx.drafts[-1].date + timedelta(days=-n if back else n)
        c.precision = "day"
    c.also = (
        c.date_value is None
        and ctx.drafts
        and (("also" in c.clean and _ALSO_MET.search(c.clean)) or _SERIES_LEAD.match(c.clean))
        and not (c.future and ctx.drafts[-1].status == "held")  # "will also call on": later
        and set(c.participants) & ctx.drafts[-1].keys()
        and not c.background
    )
    c.eve = c.date_value is None and ctx.drafts and "eve of" in c.low and _EVE.search(c.clean)
    if c.eve and ctx.drafts[-1].precision == "day" and ctx.drafts[-1].date is not None:
        c.date_value, c.precision = ctx.drafts[-1].date - timedelta(days=1), "day"
    if c.date_value is None and ctx.drafts and (_SAME_DAY.search(c.clean) or c.also):
        # "just before his meeting with X", "X also met Y": the day of that encounter
        # "just before his meeting with X": the same day as that meeting.
        ref = ctx.drafts[-1]
        if ref.precision == "day":
            c.date_value, c.precision = ref.date, "day"
            c.same_place = (ref.city, ref.country)
        else:
            c.same_place = None
    else:
        c.same_place = None
    if (
        c.date_value
        and ctx.anchor
        and not c.future
        and c.date_value > ctx.anchor
        and c.precision == "day"
    ):
        c.status = "planned"


_LATER_TODAY = re.compile(
    r"\b(?:this (?:[A-Z][a-z]+day )?(?:evening|afternoon|night)|[A-Z][a-z]+day (?:evening|night)|"
    r"tonight|later (?:today|in the day)|at \d{1,2}(?:[:.]\d\d)? ?(?:p\.?m\.?|pm)\b)"
)


def _under_way(c: _Clause) -> None:
    """Rule "under-way": "X is holding talks with Y in Lima on Thursday" in a Thursday story -
    a progressive on the day of writing tells talks under way (held), not a plan; any
    other future cue ("will", "is to") keeps it planned, and so does a later hour of the day
    ("this Tuesday evening", "tonight", "at 7 p.m.")."""
    cues = [m.group() for m in _FUTURE.finditer(_clause(c.clean, c.s, c.e))]
    if _LATER_TODAY.search(c.clean):
        return  # "are meeting in Lima this Tuesday evening": later today, still planned
    if cues and all(_PROGRESSIVE.fullmatch(cue) for cue in cues):
        c.future = False
        c.status = "held"


_LATER_CLAUSE = re.compile(
    r"\b(?:since|when|while|because|although|whereas|as)\s|,\s*(?:who|which|whose)\b"
)


def _place(ctx: _Context, c: _Clause) -> None:
    """The venue ("in/at <city>", never the dateline alone, none for a call) and the state
    that stands for an unnamed host side."""
    clean = c.clean
    cut = _LATER_CLAUSE.search(clean, c.e) if c.anaphoric else None
    if cut is not None:
        # Rule "anaphor-own-clause-place": a reference back is placed by its own clause ("the
        # meeting took place in Lima"), not by a later one about something else ("the first
        # meeting between A and B since she took office with the new cabinet in Oslo")
        clean = clean[: cut.start()] + " " * (len(clean) - cut.start())
    c.city, c.country = _venue(
        ctx.text,
        c.sent,
        clean,
        ctx.kb,
        c.sent_mentions,
        ctx.entities,
        None if c.background else ctx.home_country,
        ctx.dateline,
        near=c.s,
    )
    if (
        len(c.participants) == 1
        and c.country
        and not c.anaphoric
        and c.kind in ("visit", "meeting", "talks")
        and ctx.entities[c.participants[0]].kind == "person"
        and ctx.entities[c.participants[0]].country not in (None, c.country)
        and f"state:{c.country}" in ctx.entities
        and not c.background
        and (c.status == "planned" or not ctx.drafts)
    ):
        # "X is expected to travel to Wellington for the leaders' meeting": the host
        # side is unnamed, so the state stands for it
        c.participants = c.participants + [f"state:{c.country}"]
    if c.anaphoric and (c.city or c.country) and _TOPIC_VERB.search(c.clean):
        c.city = c.country = None  # "discussed the situation in the Gaza Strip": a topic
    if c.city is None and c.country is None and c.same_place:
        c.city, c.country = c.same_place
    if c.rule == "joined-by" and c.city is None and c.country is None and ctx.drafts:
        c.city, c.country = ctx.drafts[-1].city, ctx.drafts[-1].country  # where they met
    if c.spoke_only and (c.city or c.country or _SIDELINES.search(c.clean)):
        c.kind = "meeting"  # in person: a place, or "on the sidelines of ..."
    c.summits = [d for d in ctx.drafts if d.kind == "summit"]
    if (
        c.city is None
        and c.country is None
        and c.summits
        and ("sideline" in c.low or "margin" in c.low)
        and _OF_THE_SUMMIT.search(c.clean)
    ):
        c.city, c.country = c.summits[-1].city, c.summits[-1].country  # the summit just told


_DURING_VISIT = re.compile(
    r"\b(?:during|in the course of)\s+(?:the|his|her|their|this)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:visit|trip|stay|tour)\b|"
    r"\b(?:on|during)\s+the\s+(?P<nth>first|second|third|last|final|opening|closing)\s+day\s+"
    r"of\s+(?:the|his|her|their|this)\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|stay|tour)\b",
    re.I,
)
_NTH_DAY = {"first": 0, "opening": 0, "second": 1, "third": 2}


def _during_visit(ctx: _Context, c: _Clause) -> None:
    """Rule "during-visit": "X will travel to Lima on Saturday. During the visit, he will meet
    Y" - an encounter told inside a visit told before takes the visit's day (a one-day visit,
    or the day named: "on the first day of his visit"), place and tense when it has none of
    its own; the visit is then its context, not an entry (unless it has its own range of days
    and further engagements)."""
    if c.kind == "visit" or not ctx.visits or not _has_any(c.low, ("during", "course", "day of")):
        return
    phrase = _DURING_VISIT.search(c.clean)
    if phrase is None or phrase.start() > c.s:
        return
    people = [k for k in c.participants if ctx.entities[k].kind == "person"]
    visit = next(
        (d for d in reversed(ctx.drafts) if d.kind == "visit" and d.keys() & set(people)), None
    )
    if visit is None:
        # "He began his two-day visit on Thursday": told as a reference, merged or dropped
        visit = next((d for d in reversed(ctx.visits) if d.keys() & set(people)), None)
    if visit is None or len(c.participants) < 2:
        return
    nth = (phrase.group("nth") or "").lower()
    day = None
    if visit.date is not None and visit.precision == "day":
        if nth in _NTH_DAY:
            day = visit.date + timedelta(days=_NTH_DAY[nth])  # "on the first day of his visit"
        elif nth:
            day = visit.end_date  # "on the last day of the trip": its end, when told
        elif visit.end_date is None:
            day = visit.date
    if c.date_value is None and day is not None:
        c.date_value, c.precision = day, "day"
        if visit.status == "planned":
            c.status = "planned"
    if c.city is None and c.country is None:
        c.city, c.country = visit.city, visit.country
    if c.rule is None:
        c.rule = "during-visit"
    if visit.end_date is None or not ctx.busy_visit:
        visit.extra["context"] = True


def _recalled_visit(ctx: _Context, c: _Clause) -> None:
    """Rule "recalled-visit": "X fondly remembered his trip to Peru in March" - a visit of
    his own told with an earlier time of its own is a past encounter (X and the host state),
    not context for the one just told ("during his visit" stays context)."""
    if c.kind != "visit" or not c.anaphoric or c.status != "held" or c.date_value is None:
        return
    if ctx.anchor is None or c.precision not in ("day", "month"):
        return
    if (c.date_value.year, c.date_value.month) >= (ctx.anchor.year, ctx.anchor.month):
        return
    if _has_any(c.low, ("during", "course of", "day of")):
        return
    people = [k for k in c.participants if ctx.entities[k].kind == "person"]
    host = f"state:{c.country}" if c.country else None
    if len(people) != 1 or host is None or ctx.entities[people[0]].country in (None, c.country):
        return
    if any(d.date == c.date_value and people[0] in d.keys() for d in ctx.drafts):  # noqa: SIM118
        return  # told already, on that day
    c.anaphoric = False
    c.background = True
    if host in ctx.entities and host not in c.participants:
        c.participants = c.participants + [host]
    c.rule = c.rule or "recalled-visit"


def _span_of_days(ctx: _Context, c: _Clause) -> None:
    """End dates from "closed the summit on Sunday after two days", "a three-day visit"."""
    c.closing = _CLOSED_AFTER.search(c.clean) if " days" in c.low else None
    if c.closing and c.date_value is not None and c.precision == "day" and c.end_value is None:
        # "closed the summit on Sunday after two days of discussions": a range ending then
        n = _NUMBERS.get(c.closing.group(1).lower()) or int(c.closing.group(1))
        if n > 1:
            c.date_value, c.end_value = c.date_value - timedelta(days=n - 1), c.date_value
    c.days = _N_DAY.search(c.clean) if "-day" in c.low else None
    if c.days and _N_DAY_KIND.get(c.days.group(2).lower()) not in (c.kind, None):
        c.days = None  # "arrived for a two-day visit" does not stretch the talks
    if c.days and c.date_value is not None and c.precision == "day" and c.end_value is None:
        n = _NUMBERS.get(c.days.group(1).lower()) or int(c.days.group(1))
        if n > 1:
            c.end_value = c.date_value + timedelta(days=n - 1)  # "a three-day summit" from then
    _group_subject(ctx, c)
    if c.part == "bg" and c.date_value is None and ctx.drafts and ctx.drafts[-1].precision == "day":
        gap = re.match(r"\W*(a|one|two|three|\d)\s+days?\s+(after|before)", c.clean.lstrip(" ,"))
        if gap:
            n = _NUMBERS.get(gap.group(1).lower()) or int(gap.group(1))
            sign = -1 if gap.group(2).lower() == "after" else 1
            c.date_value, c.precision = ctx.drafts[-1].date + timedelta(days=sign * n), "day"


def _group_subject(ctx: _Context, c: _Clause) -> None:
    """Rule "group-subject": "The delegation was received by X" - the side that travelled
    last time; "The delegation will also visit A, B and C" - its leader visits each of the
    listed states, however many (the leader is the one person of the latest side)."""
    c.group = _GROUP.search(c.clean)
    if not c.group or not ctx.drafts:
        return
    side = ctx.drafts[-1].extra.get("subjects") or []
    leads = c.group.end() <= c.s and not _FRONT_OBJECT.search(c.clean[: c.group.start()])
    if leads:
        people = [k for k in side if ctx.entities[k].kind == "person"]
        side = people if len(people) == 1 else side
    elif len(c.participants) >= 3:
        return
    added = [k for k in dict.fromkeys(side) if k not in c.participants]
    if leads and added:
        c.rule = "group-subject"
    c.participants = added + c.participants


def _second_half(ctx: _Context, c: _Clause) -> None:
    """Rule "two-halves": "X met A in Rome and then held talks with B" - X is the subject
    of both, and the second half takes the first's day and place."""
    if c.part == "bg" and ctx.first_half is not None:
        people_here = [k for k in c.participants if ctx.entities[k].kind == "person"]
        if len(people_here) < 2:
            # "..., a day after talks in Riyadh with X": the subject's own earlier talks;
            # "..., five years after they first met": both parties' earlier encounter
            subjects = ctx.first_half.extra.get("subjects") or []
            if _THEY.search(c.clean):
                subjects = [p.key for p in ctx.first_half.participants_keys]
            c.participants = subjects + [k for k in c.participants if k not in subjects]
    if c.part == "second" and ctx.first_half is not None:
        # "X met A in Rome and then held talks with B": X is the subject of both.
        subjects = ctx.first_half.extra.get("subjects") or []
        own = [k for k in c.participants if k not in subjects]
        c.participants = subjects + own
        if c.date_value is None and ctx.first_half.date is not None:
            c.date_value, c.end_value = ctx.first_half.date, ctx.first_half.end_date
            c.precision, c.status = ctx.first_half.precision, ctx.first_half.status
        if c.city is None and c.country is None:
            c.city, c.country = ctx.first_half.city, ctx.first_half.country
        if ctx.first_half.kind == "visit":
            # "will travel to A for a visit ... and will hold talks with B": B hosts it.
            for k in own:
                if ctx.entities[k].kind == "person" and k not in ctx.first_half.keys():  # noqa: SIM118
                    ctx.first_half.participants_keys.append(PKey(k, "host"))


def _build_draft(ctx: _Context, c: _Clause) -> None:
    """The draft of the clause: roles, span, rule name and what merging needs to know."""
    c.keys = c.participants
    c.roles = _roles(ctx.text, c.sent, c.clean, c.keys, c.sent_mentions, ctx.entities)
    if c.kind == "visit" and not c.roles:
        # "X visits Y": the traveller is the guest, whoever receives them the host.
        for m in c.sent_mentions:
            if m.key in c.keys:
                c.roles.setdefault(m.key, "guest" if m.start < c.sent.start + c.s else "host")
    c.draft = Draft(
        kind=c.kind,
        status=c.status,
        date=c.date_value,
        end_date=c.end_value,
        precision=c.precision,
        city=c.city,
        country=c.country,
        participants_keys=[PKey(k, c.roles.get(k, "participant")) for k in c.keys],
        span=(
            max(c.sent.start, ctx.dateline.span[1]) if ctx.dateline.span else c.sent.start,
            c.sent.end,
        ),
        sentence=c.sent.index,
        confidence=0.7,
        rule=c.rule or f"trigger-{c.kind}",
        anaphoric=c.anaphoric,
        separate=c.event_draft
        or c.background
        # "On Wednesday, A and B will be joined by C": a day of its own, another encounter
        or (
            c.rule == "joined-by"
            and c.date_value is not None
            and bool(ctx.drafts)
            and c.date_value != ctx.drafts[-1].date
        )
        or bool(re.search(r"\b(?:separate|another|second|next)\b", c.clean[: c.e + 5], re.I))
        or "separately" in c.clean,
    )
    # "The talks were chaired by A and B", "A, B and C took part in the meeting": the
    # parties of the encounter just told, not commentators on it.
    c.draft.extra["joins"] = bool(_JOINS.search(c.clean)) or bool(c.video_part)
    c.draft.extra["hosted"] = bool(_HOSTED_GROUP_ANY.search(c.clean))
    c.draft.extra["sidelines"] = ("sideline" in c.low or "margin" in c.low) and bool(
        _SIDELINES.search(c.clean)
    )
    c.draft.extra["background"] = c.background
    c.draft.extra["spoke_only"] = c.spoke_only and c.kind == "call"
    c.draft.extra["plural_summits"] = bool(re.search(r"\bsummits\b", c.clean, re.I))
    c.draft.extra["subjects"] = [
        m.key for m in c.sent_mentions if m.key in c.keys and m.start < c.sent.start + c.s
    ]


def _emit(ctx: _Context, c: _Clause) -> None:
    """Rule "announced-encounter" (a call that announced a summit: two encounters), else one
    encounter per destination and per counterpart, each merged into the drafts."""
    # ("During the call the sides welcomed the upcoming forum" is the event-noun rule's)
    c.split = None if c.event_draft else _announced_encounter(c.valid, c.clean)
    if c.split is not None:
        c.draft, planned = _split_announced(
            c.draft,
            c.split,
            c.clean,
            c.sent.start,
            ctx.anchor,
            ctx.today,
            c.sent_mentions,
            ctx.entities,
        )
        # "described his meeting with X ... and will travel to Y": the meeting told is
        # a reference back, the planned one a new encounter
        c.draft.anaphoric = c.in_anaphor[c.valid.index(c.split[0])]
        _merge_or_add(ctx.drafts, c.draft, ctx.entities, ctx.busy_visit)
        _merge_or_add(ctx.drafts, planned, ctx.entities, ctx.busy_visit)
    else:
        for one in _one_visit_per_destination(c.draft, ctx.entities):
            for each in _one_encounter_per_counterpart(
                one, c.clean, c.sent.start, c.sent.start + c.s, c.sent_mentions, ctx.entities
            ):
                _merge_or_add(ctx.drafts, each, ctx.entities, ctx.busy_visit)
    if "delegations" in c.low:
        _delegations_meeting(ctx, c)
    ctx.first_half = c.draft if c.part in ("first", "head") else None
    if c.draft is not None and c.draft.kind == "visit":
        ctx.visits.append(c.draft)


def _delegations_meeting(ctx: _Context, c: _Clause) -> None:
    """Rule "delegations-meeting": "X held talks with Y, followed by an enlarged meeting with
    the delegations of the two countries" - a second encounter, of the two states."""
    phrase = _DELEGATIONS_OF.search(c.clean)
    if phrase is None or c.draft is None:
        return

    def states_of(draft: Draft) -> list[str]:
        return list(
            dict.fromkeys(
                f"state:{ctx.entities[p.key].country}"
                for p in draft.participants_keys
                if ctx.entities[p.key].kind in ("person", "state") and ctx.entities[p.key].country
            )
        )

    base = c.draft
    states = states_of(base)
    if len(states) < 2 and ctx.drafts:
        base = ctx.drafts[-1]  # "The meeting was followed by ...": the one just told
        states = states_of(base)
    if len(states) != 2 or not all(k in ctx.entities for k in states):
        return
    d = Draft(
        **{
            **base.__dict__,
            "kind": "talks" if "talks" in phrase.group().lower() else "meeting",
            "participants_keys": [PKey(k) for k in states],
            "rule": "delegations-meeting",
            "separate": True,
            "anaphoric": False,
            "extra": {},
        }
    )
    _merge_or_add(ctx.drafts, d, ctx.entities, ctx.busy_visit)


_CLAUSE_STAGES = (
    _kind_of_clause,
    _reference_back,
    _parties_from_context,
    _tense_and_date,
    _place,
    _during_visit,
    _recalled_visit,
    _span_of_days,
    _second_half,
    _build_draft,
    _emit,
)


def _expand_plural_summits(drafts: list[Draft], entities) -> list[Draft]:
    """Plural summits of several organisations: one entry per organisation."""
    out: list[Draft] = []
    for d in drafts:
        orgs = [p for p in d.participants_keys if entities[p.key].kind == "organization"]
        if d.kind == "summit" and d.extra.get("plural_summits") and len(orgs) > 1:
            for org in orgs:
                clone = Draft(**{**d.__dict__, "participants_keys": [org], "extra": {}})
                out.append(clone)
            continue
        out.append(d)
    return out


def _complete(drafts: list[Draft], entities) -> list[Draft]:
    """Drafts with two parties, or a summit of bodies, or a dated meeting of bodies only."""
    final = []
    for d in drafts:
        if d.kind == "visit" and d.extra.get("context"):
            continue  # rule "during-visit": the encounters told inside it are the entries
        if _stop_told_as_meeting(d, drafts, entities):
            continue
        people = [p for p in d.participants_keys if entities[p.key].kind == "person"]
        bodies_only = bool(d.participants_keys) and all(
            entities[p.key].kind == "organization" and not entities[p.key].country
            for p in d.participants_keys
        )
        if (
            len(d.participants_keys) >= 2
            or (
                d.kind == "summit" and d.participants_keys and (not people or d.extra.get("hosted"))
            )
            or (d.kind == "meeting" and bodies_only and d.date is not None)
            or _trip_abroad(d, drafts, entities)
        ):
            final.append(d)
    return final


def _stop_told_as_meeting(d: Draft, drafts: list[Draft], entities) -> bool:
    """Rule "tour-stop-told": "a tour that includes A, B and C ... In B he will meet
    President X of B" - a stop of a trip (no days of its own) whose encounter with someone
    of the host state the text tells is context for that encounter, not an entry."""
    if d.kind != "visit" or d.end_date is not None or d.rule != "visit-per-destination":
        return False
    people = [p.key for p in d.participants_keys if entities[p.key].kind == "person"]
    hosts = {
        entities[p.key].country for p in d.participants_keys if entities[p.key].kind == "state"
    }
    if len(people) != 1 or len(hosts) != 1:
        return False
    return any(
        o is not d
        and o.kind != "visit"
        and people[0] in o.keys()  # noqa: SIM118 - Draft.keys() is a method
        and any(
            entities[k].kind == "person" and entities[k].country in hosts
            for k in o.keys()  # noqa: SIM118
        )
        for o in drafts
    )


_HOSTED_GROUP = re.compile(
    r"\s+(?:the\s+)?(?:[\w-]+\s+)?(?:leaders?|heads? of (?:state|government)|presidents?|"
    r"prime ministers?|(?:foreign )?ministers?|counterparts?|delegations?)\s+of\s+"
    r"(?:[A-Z]|\d+\s|(?:several|many|some|all|the)\s)"
)
# Anywhere in a sentence: one leading space gives the same truth as "\s+" without retrying
# every run of spaces.
_HOSTED_GROUP_ANY = re.compile(_HOSTED_GROUP.pattern.replace(r"\s+", r"\s", 1))
_TIME_REFERENCE = re.compile(
    r"\b(?:before|after|ahead of|on the eve of|prior to|since)\s+(?:(?:the|their|his|her)\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
_TEMPORAL_BEFORE = re.compile(
    r"\b(?:since|after|before|until)\s+(?:(?:a|one|two|three|\d+)\s+(?:days?|weeks?|months?|years?)"
    r"\s+after\s+)?(?:the\s+)?$",
    re.I,
)
_OFFICE_OF = re.compile(
    r"\b(?:presidency|chairmanship|chairman|chair|membership|members?|head|secretary-general)\s+"
    r"of\s+(?:the\s+)?$",
    re.I,
)
_EVE = re.compile(
    r"\bon the eve of (?:the|their|this) (?:summit|meeting|talks|visit|forum)\b", re.I
)
_TOOK_PART = re.compile(r"\b(?:took part|taking part|participated|joined|attended)\b")
_OF_THE_SUMMIT = re.compile(r"\b(?:sidelines|margins) of (?:the|this) (?:summit|gathering)\b")
_SIDELINES = re.compile(r"\b(?:sidelines|margins)\b")
_CLOSED_AFTER = re.compile(
    r"\b(?:closed|ended|concluded|wrapped up)\b.*\bafter (two|three|four|five|[2-5]) days\b", re.I
)
_N_DAY = re.compile(
    r"\b(two|three|four|five|2|3|4|5)-day\s+(?:[\w-]+\s+){0,2}?"
    r"(summit|visit|meeting|conference|trip|tour)\b",
    re.I,
)
_N_DAY_KIND = {"summit": "summit", "visit": "visit", "trip": "visit", "tour": "visit",
               "meeting": "meeting", "conference": "summit"}  # fmt: skip
_WHICH_CLAUSE = re.compile(r"\W{0,3}\s*,\s*which\s+([^,;]{0,80})")
_PAST_FUTURE = re.compile(
    r"\b(?:was|were) (?:due|scheduled|set|expected|supposed) to\b|"
    r"\b(?:was|were) to (?:meet|hold|visit)\b|"
    r"\bhad been (?:scheduled|planned|due|expected)\b"
)
_SEPARATE_WITH = re.compile(
    r"\b(?:separate(?:ly)? (?:[\w-]+ )?(?:meetings|talks|talked|met)|"
    r"(?:met|talked|spoke|held talks) separately) with\b",
    re.I,
)
# "The Chilean side was led by X", "the delegations, headed by X and Y": who led each side.
_LED_BY = re.compile(
    r"\b(?:side|sides|delegation|delegations|team|teams)\b[^.;]{0,40}?\b(?:led|headed)\s+by\b",
    re.I,
)
# A reporting verb in the past, before the "that" of what was reported.
_REPORTED_THAT = re.compile(
    r"\b(?:said|told|added|stressed|noted|announced|stated|declared|insisted|warned|explained|"
    r"emphasi[sz]ed|underlined|reiterated)\b"
)
# A trigger that is itself a verb in the past tense ("spoke by phone", "held talks").
_PAST_TRIGGER = re.compile(
    r"(?:met|held|had|spoke|phoned|telephoned|talked|received|hosted|welcomed|visited|"
    r"conferred|discussed|sat down|negotiated|conducted|began|opened|resumed)\b",
    re.I,
)
# "X met A and B in separate meetings": the phrase after the counterparts
_SEPARATE_AFTER = re.compile(
    r"\b(?:in|during|at|for) (?:two |three |four )?separate (?:[\w-]+ )?"
    r"(?:meetings|talks|sessions)\b",
    re.I,
)
_VISITED_BY = re.compile(
    r"\b(?:was|were|is|are|has been|have been|had been|will be|is to be|being)\s+"
    r"(?:\w+\s+)?visited\b"
)
_BY_AGENT_WORD = re.compile(r"\bby\b")
_BY_JOINT = re.compile(r",?\s+(?:and|while|then)\b(?:\s+(?:then|later|again))?|;")
# "after visits to A and B": earlier legs of the trip, told in passing (the list so far).
_EARLIER_LEG = re.compile(
    r"\bafter\s+(?:(?:his|her|their|a|an|the|earlier|brief|official)\s+){0,2}"
    r"(?:visits?|trips?|stops?|stopovers?|tours?)\s+(?:to|in|of)\s+"
    r"(?:(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*(?:\s*,\s*(?:and\s+)?|\s+and\s+))*$"
)
# "in his capacity as the bloc's facilitator for A": the bodies and states of a role.
_IN_CAPACITY = re.compile(r"\bin (?:his|her|their|its) capacity as\b[^,;.]*$")
_WHO_CLAUSE = re.compile(r",\s+who\s+[^,;]{3,120}(?:,|[.!?]?\s*$)")
# "X, the ministry spokesperson, noted that": a reporter and the reported clause.
_REPORTS_THAT = re.compile(
    r"(?:\s*,[^,;]{1,60},)?\s*,?\s+(?:(?:also|later|further)\s+)?(?:"
    + "|".join(re.escape(v) for v in lexicon.reporting_verbs())
    + r")\s+(?:(?:reporters|journalists|the press)\s+)?(?:(?:on|in)\s+[\w'’-]+\s+)?that\b"
    # verbs with no person object may drop "that": "X said Prime Minister Y plans to visit"
    r"|(?:\s*,[^,;]{1,60},)?\s*,?\s+(?:said|says|noted|added|stated|explained|disclosed|"
    r"revealed|confirmed)\s+(?=[A-Z]|the\s)"
    # "..., X said, adding that A and B spoke privately"
    r"|\s*,?\s+(?:said|says|told\s+[\w-]+)\s*,\s*(?:adding|noting|saying|explaining)\s+that\b"
)
_SAY_WORD = re.compile(
    r"\b(?:said|says|noted|added|stated|explained|disclosed|revealed|confirmed)\b"
)
_INVERTED_CREDIT = re.compile(
    r",\s*(?:said|says|added|noted|stated|explained|told reporters)\s+(?:[\w'’.-]+\s+){0,6}$"
)
_DELEGATIONS_OF = re.compile(
    r"\b(?:an?|the)\s+(?:(?:enlarged|expanded|extended|wider|broader|plenary|full|"
    r"delegation-level|formal)\s+)?(?:meeting|talks|session|format)\s+(?:with|of|between)\s+"
    r"(?:the\s+)?(?:participation\s+of\s+(?:the\s+)?)?(?:full\s+)?delegations\s+of\s+"
    r"(?:the\s+)?(?:two|both)\s+"
    r"(?:countries|sides|states|nations)\b",
    re.I,
)
_RECEIVED_BY = re.compile(r"\b(?:was|were|is|are|been)\s+(?:received|hosted)\s+by\b")
_ALSO_MET = re.compile(
    r"\balso\s+(?:met|held|spoke|received|hosted|called on|discussed|conferred|had|"
    r"exchanged|will (?:meet|hold|call on|have))\b"
)
# Rule "series-date": a sentence that opens by linking itself to the encounter just told
# ("Meanwhile, X held talks with Y", "During the visit, he will call on Z") is the same
# occasion; with no date of its own it takes that encounter's day.
# Rule "earlier-encounter": "Earlier, the two ministers held a one-on-one meeting" - told
# after the main encounter but before it in time: another encounter, not a re-mention.
# "the foreign ministers of A and B", "new ambassadors from A and B": unnamed sides by state
_PLURAL_SIDES = re.compile(
    r"\b(?:ambassadors|ministers|leaders|presidents|premiers|counterparts|envoys|delegations|"
    r"heads of (?:state|government)|representatives)\s+(?:from|of)\s+(?:the\s+)?$"
)
_SUBORDINATE = re.compile(r"\b(?:after|because|since|when|as|once)\s+(?=[A-Z]|the\b|his\b|her\b)")
_EARLIER_LEAD = re.compile(
    r"^\W*(?:Earlier|Before that|Prior to (?:the|their) (?:talks|meeting)|Ahead of the talks),",
    re.I,
)
_SERIES_LEAD = re.compile(
    r"^\W*(?:Meanwhile|Likewise|Similarly|Accordingly|In addition|Additionally|"
    r"(?:[\w ,]{0,40}?)\b(?:during|in the course of) (?:the|his|her|this) (?:[\w-]+ )?"
    r"(?:visit|trip|stay|summit|tour))\b",
    re.I,
)
_LEADING_THEY = re.compile(
    r"(?:They|The (?:two|three|four)|Both|"
    r"The (?:[a-z]+ )?(?:ministers|leaders|presidents|prime ministers|sides|delegations))"
    r"\s+(?:had\s+|have\s+|last\s+|first\s+|also\s+|previously\s+)*(?:met|held|spoke)\b"
)
# The parties together, as the subject of a background clause ("after they first met").
_THEY = re.compile(
    r"\b(?:they|the two|both)\s+(?:had\s+)?(?:last|first|previously|also)?\s*"
    r"(?:met|held|spoke|talked)\b",
    re.I,
)
# "The two leaders discussed ... the next summit": the summit is a topic of their encounter.
_TOPIC_VERB = re.compile(
    r"\b(?:discussed|discussing|exchanged views|reviewed|talked about|focused on|touched on)\b"
)
_BY_AGENT = re.compile(r"\s+by\b")
_JOINS = re.compile(
    r"\b(?:(?:chaired|co-chaired|hosted|mediated|facilitated|brokered|convened|attended|joined)"
    r"\s+by|took part in|taking part in|attended|joined)\b",
    re.I,
)
# An earlier encounter told as background: "had met in March", "first met in 2019".
_BACKGROUND = re.compile(
    r"\b(?:had\s+(?:(?:last|first|already|previously|also)\s+)?|last\s+|first\s+|previously\s+)"
    r"(?:met|held talks|spoken|spoke|talked|visited|hosted|received)\b",
    re.I,
)
_BOTH = re.compile(
    r"\b(?:(?:the two|both|the three|all three|the four|all four|the five|all five)\s+"
    r"(?:leaders|sides|ministers|presidents|prime ministers|foreign ministers|delegations|"
    r"heads of state|officials|diplomats|"
    r"counterparts|men|women)|the (?:two|three) (?:were|are|have|had|will)|"
    # "the foreign ministers of both countries then sat down in Quito"
    r"the (?:[a-z]+ )?(?:leaders|ministers|foreign ministers|diplomats|presidents|premiers|"
    r"heads of state) of (?:the|both) (?:two|three) "
    r"(?:countries|nations|states|sides))\b",
    re.I,
)
# Trigger words in senses that are not encounters.
_NOT_ENCOUNTER = re.compile(
    r"^(?:met|meets|meet|received|receives|receive|receiving|welcom\w*)\s+(?:with\s+)?"
    r"(?:\w+\s+){0,2}?"
    r"(?:criticism|resistance|opposition|protests?|approval|scepticism|skepticism|applause|"
    r"condemnation|anger|outrage|support|praise|backlash|the target|targets?|demands?|needs|"
    r"goals?|obligations?|deadlines?|requirements?|expectations?|letters?|messages?|cables?|"
    r"notes?|awards?|prizes?|reports?|an? invitation|invitations?|calls? for|vaccines?|"
    r"aid|funding|loans?|shipments?|delivery|decisions?|moves?|announcements?|news|steps?|"
    r"progress|results?|outcomes?|deals?|agreements?|release|efforts?|initiatives?|"
    r"proposals?|statements?|ceasefire|elections?|resolutions?|reforms?)\b",
    re.I,
)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_RELATIVE_DAY = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|\d)\s+days?\s+"
    r"(?P<dir>later|earlier|(?:after|before)(?=\s*(?:[,.;]|$|that\b|this\b)))|"
    r"the\s+(?P<dir2>next|following|previous)\s+day|"
    r"the\s+day\s+(?P<dir3>after|before)(?=\s*(?:[,.;]|$|that\b|this\b)))",
    re.I,
)
_FURTHER_ENGAGEMENTS = re.compile(
    r"\b(?:during|in the course of) (?:his|her|the|their) (?:visit|trip|stay|tour)\b|"
    r"\b(?:is|are|was|were) also (?:expected|due|scheduled|set) to\b|"
    r"\bwill also (?:meet|address|visit|tour|attend|hold|travel)\b|"
    r"\b(?:visit|trip|tour|stay) (?:also|then) took (?:him|her|them|the \w+) to\b",
    re.I,
)
_WHEN = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|next (?:week|month|"
    r"year)|tomorrow|later this (?:week|month|year)|\d{1,2}(?:st|nd|rd|th)?)\b"
)
_GROUP = re.compile(r"\bthe (?:delegation|group|visitors|mission|envoys)\b", re.I)
# Before "the delegation", a word that makes it an object ("met with the delegation").
_FRONT_OBJECT = re.compile(r"\b(?:with|by|to|for|received|met|hosted|welcomed)\s+$", re.I)
_SAME_DAY = re.compile(
    r"\b(?:just|shortly|immediately|right)\s+(?:before|after|ahead of|prior to|following)\b|"
    r"\b(?:later|earlier)\s+(?:in\s+)?(?:that|the)\s+day\b|\bthe same day\b|"
    r"^\W*(?:Before|After|Ahead of|Following)\s+(?:the|their)\s+"
    r"(?:talks|meeting|summit|(?:joint )?(?:news|press) conference)\b",
    re.I,
)
_HOSTING_WORDS = {
    "received", "receives", "receive", "welcomed", "welcomes", "welcome", "hosted", "hosts",
    "host", "will welcome", "welcoming", "receiving", "hosting",
}  # fmt: skip
_EVENT_NOUNS = {"forum", "summit", "summits", "conference"}
_SEND_OFF = re.compile(r"\b(?:seen off|see off|saw off|send-off|farewell)\b", re.I)


def _valid_triggers(found, clean, sent, sent_mentions, entities):
    """Triggers that describe an encounter (not venue context, hopes or summaries)."""
    kinds = {k for _s, _e, k, _g in found}
    valid = []
    for s, e, kind, word in found:
        before = clean[:s]
        low = word.lower()
        if (
            kind == "summit"
            and _VENUE_CONTEXT.search(before)
            and len(kinds) > 1
            and not _EVENT_HELD.match(clean, e)
        ):
            continue  # the venue of the encounter ("the summit held in Riga": its own event)
        if (
            kind in ("meeting", "summit", "talks")
            and len(found) > 1
            and re.search(r"\battend(?:ed|ing|s)?\s+(?:the\s+)?(?:[\w'-]+\s+){0,5}$", before, re.I)
        ):
            continue  # "to attend the X meeting" next to the encounter it hosts
        if low == "meetings" and not (
            "bilateral" in clean and _EACH_THEIR_OWN.search(clean) and _SIDES_FROM.search(clean)
        ):
            # "held separate meetings with ...": a summary of encounters ("bilateral
            # meetings with the leaders from A, B and C" is rule counterparts-from's list)
            continue
        if (
            kind in ("summit", "meeting")
            and _inside_org_name(s, e, sent, sent_mentions, entities)
            and not _EVENT_CONTEXT.search(clean)
        ):
            continue  # "our support for the East Asia Summit": the body, not an event of it
        if low == "forum" and re.search(r"\bas (?:the|a|an) (?:[\w-]+ )?$", before, re.I):
            continue  # "as the premier forum for ...": what a body is, not an event
        if len(found) > 1 and _TIME_REFERENCE.search(before):
            continue  # "Before the talks, X received Y": when, not what happened
        if low == "visiting" and re.search(r"\b(?:the|a|an)\s+$", before, re.I):
            continue  # "the visiting minister": who, not what happened
        if low.startswith("address") and not _addresses_body(e, sent, sent_mentions, entities):
            continue  # "addressed the nation / the issue": no encounter
        if (
            kind == "visit"
            and low in ("visited", "visits", "visit", "visiting", "tour", "toured")
            and _FACILITY_OBJECT.match(clean, e)
        ):
            continue  # rule "facility-visit": "visited a camp for the displaced": no encounter
        clause = _clause(clean, s, e)
        # A hedge before the trigger ("hopes to meet", "efforts to hold talks"); what follows
        # it ("a summit aimed at reviving trade") does not make it hypothetical.
        lead = clause[: clause.find(word) + len(word)] if word in clause else clause
        if (_WEAK_NEGATION.search(lead) or _VAGUE_TIME.search(clause)) and not re.search(
            r"\b(?<!be )(?:met|held)\b", clause
        ):
            continue
        if re.search(r"\bagreed to (?:hold|meet|have)\b", clause) and not _WHEN.search(clause):
            continue  # agreed, but not scheduled: a vague intention
        if _SEND_OFF.search(clause) or (
            (low in _HOSTING_WORDS or low in ("met", "greeted")) and "airport" in clause.lower()
        ):
            # Rule "airport-protocol": "was received at the airport by the deputy minister",
            # a send-off: protocol, not a diplomatic encounter ("arrived at the airport for
            # talks with X" still tells the talks)
            continue
        if _NOT_ENCOUNTER.search(clean[s : min(len(clean), e + 40)]):
            continue
        if kind == "meeting" and low in _HOSTING_WORDS and _ANAPHOR.match(clean[e:].lstrip()):
            continue  # "hosted the meeting": the meeting is the trigger, and it refers back
        if kind == "meeting" and low in _HOSTING_WORDS:
            nxt = [
                m
                for m in sent_mentions
                if m.start >= sent.start + e
                and entities[m.key].kind == "person"
                and m.start - (sent.start + e) < 70
            ]
            if not nxt and not _HOSTED_GROUP.match(clean[e:]):
                continue  # "hosted the leaders of A, B and C" names the guests by state
        valid.append((s, e, kind, word))
    return valid


_EVENT_HELD = re.compile(r"\s+(?:held|hosted|that took place|which took place|that was held)\b")
_FACILITY_OBJECT = re.compile(
    r"\s+(?:a|an|the|several|two|three)\s+(?:[\w'’-]+\s+){0,3}?(?:centre|center|camps?|hospital|"
    r"school|factory|plant|museum|site|exhibition|farm|mosque|church|temple|market|refinery|"
    r"mine|facility|shelter|clinic|orphanage|port|shipyard|laboratory|stand|pavilion)s?\b"
)
_EVENT_CONTEXT = re.compile(
    r"\b(?:held|hosted|hosts|opened|opens|attended|attend|attending|took place|convened|"
    r"sidelines|margins|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|tomorrow|yesterday|next|this week)\b"
)


def _addresses_body(e, sent, sent_mentions, entities) -> bool:
    """Rule "addressed-body": "X will address the European Parliament", "addressed the UN
    General Assembly on Tuesday" - speaking before a body is an encounter with it; "addressed
    the nation", "address the issue" are none (the body must follow the article)."""
    at = sent.start + e + len(" the ")
    return any(
        m.start == at and entities[m.key].kind == "organization" and not entities[m.key].media
        for m in sent_mentions
    )


def _inside_org_name(s, e, sent, sent_mentions, entities) -> bool:
    at, to = sent.start + s, sent.start + e
    return any(
        m.start <= at
        and to <= m.end
        and (m.start, m.end) != (at, to)
        and entities[m.key].kind == "organization"
        for m in sent_mentions
    )


def _event_noun(valid, clean):
    for trig in valid:
        if trig[3].lower() in _EVENT_NOUNS:
            return trig
    return None


def _sides_states(draft: Draft, entities) -> list[str]:
    out = []
    for p in draft.participants_keys:
        ent = entities[p.key]
        key = f"state:{ent.country}" if ent.country else None
        if ent.kind == "state":
            key = p.key
        if key and key in entities and key not in out:
            out.append(key)
    return out if len(out) >= 2 else []


_BEFORE_TRAVEL = re.compile(
    r"(?:,\s*|\s+)(?:before|then|and then)\s+(?:travell?ing|flying|heading|going|moving)\s+"
    r"(?:on\s+)?to\b"
)
_COORD = re.compile(
    r"(?:,\s*|\s+)and\s+(?:then\s+|later\s+|afterwards\s+|also\s+)?(?:will\s+|would\s+)?"
    r"(?=(?:met|meet|meets|held|hold|holds|received|receives|hosted|hosts|visited|spoke|"
    r"travel|travels|travelled|traveled|fly|flies|flew|head|heads|headed)\b)"
)


# _COORD from its "and": the same matches, without trying the pattern at every space.
_COORD_AND = re.compile(r"(?<=[\s,])" + _COORD.pattern.replace(r"(?:,\s*|\s+)", "", 1))


def _coordination_cuts(raw: str) -> list[int]:
    """Where _COORD and then _BEFORE_TRAVEL match in ``raw`` (match starts, in that order)."""
    cuts = []
    if "and" in raw:
        for m in _COORD_AND.finditer(raw):
            at = m.start()
            while at > 0 and raw[at - 1].isspace():
                at -= 1
            if at > 0 and raw[at - 1] == ",":
                at -= 1
            cuts.append(at)
    if "before" in raw or "then" in raw:
        cuts.extend(m.start() for m in _BEFORE_TRAVEL.finditer(raw))
    return cuts


_NON_VISIT_HEAD = re.compile(
    r"\b(?:met|meet|meets|held|hold|talks|received|hosted|spoke|call|summit|negotiat)", re.I
)
_RANGE_HINT = re.compile(r"\bfrom\b.{1,25}\bto\b|\d\s*[-–]\s*\d|\buntil\b", re.I)


_TIME_AFTER = re.compile(
    r",?\s+(?:a|one|two|three|four|five|six|several|\d+)\s+(?:days?|weeks?|months?|years?)\s+"
    r"(?:after|before)\s+(?=[^,;]*\b(?:met|held talks|talks|visited|hosted|received)\b)"
)


_PREPARES_VISIT = re.compile(
    r"\s+(?:to prepare(?: the ground)? for|in preparation for|ahead of)\s+"
    r"(?=(?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’.-]+['’]s\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour)\b)"
)


def _segments(text, sents, by_sentence, entities):
    """Sentences, with "X met A ... and then held talks with B" cut in two halves: two
    encounters with one subject. A half needs its own trigger; the second its own person."""
    out = []
    for sent in sents:
        raw = text[sent.start : sent.end]
        cut = None
        if " and " in raw or " before " in raw or " then " in raw:
            for cut_at in _coordination_cuts(raw):
                at = sent.start + cut_at
                people_after = [
                    mm
                    for mm in by_sentence.get(sent.index, [])
                    if mm.start >= at
                    and mm.how != "pronoun"
                    and not mm.in_quote
                    and entities[mm.key].kind == "person"
                ]
                head = raw[:cut_at].lower()
                arrival_only = not _NON_VISIT_HEAD.search(head) and not _RANGE_HINT.search(head)
                people_before = [
                    mm
                    for mm in by_sentence.get(sent.index, [])
                    if mm.start < at and not mm.in_quote and entities[mm.key].kind == "person"
                ]
                # "received and held discussions with X": one encounter, the object is shared
                own_object = len({mm.key for mm in people_before}) >= 2 or _RANGE_HINT.search(head)
                if (
                    people_after
                    and own_object
                    and not arrival_only
                    and any(k in head for k in _TRIGGER_KEYS)
                ):
                    cut = at
                    break
        if cut is None and ("prepar" in raw or "ahead of" in raw):
            later = _PREPARES_VISIT.search(raw)
            if later is not None:
                # Rule "prepares-visit": "X came for two days to prepare for Y's trip to Lima
                # on May 3" - Y's visit is an encounter of its own, told in the second part
                cut = sent.start + later.start()
                out.append((Sentence(sent.index, sent.start, cut, sent.paragraph), "head"))
                out.append((Sentence(sent.index, cut, sent.end, sent.paragraph), "later"))
                continue
        if cut is None:
            bg = _TIME_AFTER.search(raw) if " after " in raw or " before " in raw else None
            if bg and bg.start() > 0:
                # "..., a month after X met Y at Z": an earlier encounter of other parties
                cut = sent.start + bg.start()
                out.append((Sentence(sent.index, sent.start, cut, sent.paragraph), "head"))
                out.append((Sentence(sent.index, cut, sent.end, sent.paragraph), "bg"))
                continue
            out.append((sent, None))
            continue
        out.append((Sentence(sent.index, sent.start, cut, sent.paragraph), "first"))
        out.append((Sentence(sent.index, cut, sent.end, sent.paragraph), "second"))
    return out


def _earlier_group(drafts: list[Draft], clean: str, entities) -> Draft:
    """The encounter "the ministers" / "the presidents" refers to: the latest one whose
    people all hold that office (else simply the latest)."""
    m = re.search(r"\b(ministers|presidents|prime ministers)\b", clean[:60], re.I)
    if m:
        office = m.group(1).lower().rstrip("s")
        for d in reversed(drafts):
            people = [
                entities[p.key] for p in d.participants_keys if entities[p.key].kind == "person"
            ]
            titled = [e for e in people if e.title]
            if (
                len(people) >= 2
                and titled
                and all(
                    office in e.title.lower() or "counterpart" in e.title.lower() for e in titled
                )
            ):
                return d
    return drafts[-1]


def _between_parties(clean, sent, sent_mentions, entities) -> list[str] | None:
    """The named parties of "talks between A and B"; None when the phrase is absent."""
    m = re.search(
        r"\b(?:talks|negotiations|meeting|consultations|dialogue)\s+between\s+", clean, re.I
    )
    if not m:
        return None
    start = sent.start + m.end()
    rest = clean[m.end() :]
    stop = re.search(r"[,;.(]|\b(?:which|that|who|was|were|is|are|on|in|at)\b", rest)
    end = start + (stop.start() if stop else len(rest))
    if stop and stop.group() == ",":
        # "between the Chilean foreign minister, Ana Torres, and Luis Vera": appositions
        # inside the phrase; it ends after the first name that follows its "and"
        hard = re.search(r"[;.(]|\b(?:which|that|who|was|were|is|are|on|in|at)\b", rest)
        hard_end = start + (hard.start() if hard else len(rest))
        and_at = rest.find(" and ", 0, hard_end - start)
        second = next(
            (mm for mm in sent_mentions if and_at != -1 and start + and_at < mm.start < hard_end),
            None,
        )
        if second is not None:
            comma = clean.find(",", second.end - sent.start)
            end = min(hard_end, sent.start + comma if comma != -1 else hard_end)
    keys = []
    for mm in sent_mentions:
        if start <= mm.start < end + 1 and mm.key not in keys and not entities[mm.key].media:
            keys.append(mm.key)
    people = [k for k in keys if entities[k].kind == "person"]
    if len(people) >= 2:
        # "between Chile's trade minister, Ana Torres, and ...": the state owns the office
        owners = {
            mm.key
            for mm in sent_mentions
            if start <= mm.start < end + 1
            and entities[mm.key].kind == "state"
            and re.match(r"['’]s\b", clean[mm.end - sent.start :])
        }
        keys = [k for k in keys if k not in owners]
    return keys


def _hyphen_pair(clean, sent, trigger_at, sent_mentions, entities) -> list[str] | None:
    """ "the Japan-China foreign ministers' meeting": the two sides named in the compound."""
    m = re.search(r"\b([A-Z][\w.]+)-([A-Z][\w.]+)\s+(?:[\w'’-]+\s+){0,3}$", clean[:trigger_at])
    if not m:
        return None
    a, b = sent.start + m.start(1), sent.start + m.start(2)
    left = [mm for mm in sent_mentions if mm.start == a]
    right = [mm for mm in sent_mentions if mm.start == b]
    if not left or not right or left[0].key == right[0].key:
        return None
    keys = [left[0].key, right[0].key]
    # A state side stands for the article's one person of that state, when there is one.
    out = []
    for key in keys:
        ent = entities[key]
        if ent.kind == "state":
            near = {mm.key for mm in sent_mentions}
            people = [
                p for p in entities.values() if p.kind == "person" and p.country == ent.country
            ]
            local = [p for p in people if p.key in near]
            if len(local) == 1:
                key = local[0].key
            elif len(people) == 1:
                key = people[0].key
        out.append(key)
    return out


def _counterpart_named_later(d: Draft, state: Entity, counterpart, all_mentions, entities):
    """Rule "counterpart-named-later": "Torres met her Peruvian counterpart on Monday" and,
    further on (a quote counts), "my talks with Foreign Minister Rosa Campos": the one person
    of that state whose title has the traveller's office is the counterpart."""
    people = [entities[p.key] for p in d.participants_keys if entities[p.key].kind == "person"]
    if len(people) != 1 or not people[0].title:
        return set()
    office = people[0].title.lower().split()[-1]
    found = {
        m.key: entities[m.key].country
        for m in all_mentions
        if m.key in entities
        and m.start > d.span[0]
        and entities[m.key].kind == "person"
        and entities[m.key].country in (state.country, None)
        and m.key != people[0].key
        and office in entities[m.key].title.lower()
    }
    # one of that state, else one whose state the text does not say
    same = {k for k, c in found.items() if c == state.country}
    return same or set(found)


_COUNTERPART = re.compile(r"\b(?:his|her|their)\s+(?:[A-Z][\w-]+\s+)?counterparts?\b")


def _name_the_sides(
    drafts: list[Draft], sents, by_sentence, entities, text="", all_mentions=()
) -> None:
    """A state side stands for its one person named in this or the next two sentences (with
    the office the encounter names, when it names one: "the foreign ministers of A and B")."""
    for d in drafts:
        if d.rule == "delegations-meeting":
            continue  # the states themselves, their leaders' talks being another entry
        counterpart = _COUNTERPART.search(text[d.span[0] : d.span[1]]) if text else None
        office = _OFFICE.search(text[d.span[0] : d.span[1]]) if text else None
        wanted = office.group(1).lower().rstrip("s") if office else ""
        wanted = {"leader": "", "head of state": "president"}.get(wanted, wanted)
        people_countries = {
            entities[p.key].country for p in d.participants_keys if entities[p.key].kind == "person"
        }
        for index, p in enumerate(d.participants_keys):
            ent = entities[p.key]
            if ent.kind != "state" or ent.country in people_countries:
                continue
            # A visit is to the country (the side after the traveller): a person of it named
            # in a later sentence hosts another encounter ("He will also call on the PM").
            reach = 1 if d.kind == "visit" and index > 0 else 3
            near = {
                m.key
                for si in range(d.sentence, d.sentence + reach)
                for m in by_sentence.get(si, [])
                if m.key in entities
                and entities[m.key].kind == "person"
                and entities[m.key].country == ent.country
                and (
                    not wanted
                    or wanted.split()[-1] in entities[m.key].title.lower()
                    or "counterpart" in entities[m.key].title.lower()
                )
            }
            if not near and counterpart is not None:
                near = _counterpart_named_later(d, ent, counterpart, all_mentions, entities)
            if len(near) == 1:
                p.key = near.pop()
        seen: set[str] = set()
        unique = []
        for p in d.participants_keys:
            if p.key not in seen:
                seen.add(p.key)
                unique.append(p)
        d.participants_keys = unique


_IN_YEAR = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Bb]ack in)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?"
    r"((?:19|20)\d{2})\b"
)
_YEARS_AGO = re.compile(
    r"\b(?:last year|the previous year|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"\d+)\s+years?\s+(?:ago|earlier|before))\b",
    re.I,
)
_DAY_WORDS = re.compile(
    r"\b(?:today|yesterday|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}\b)"
)


def _in_an_earlier_year(clause: str, anchor) -> bool:
    """Rule "earlier-year-background": "In 2019, the two held talks in Santiago" - an
    encounter placed in an earlier year than the article's is a background one, kept
    apart from today's."""
    if anchor is None or _FUTURE.search(clause):
        return False
    years = [
        int(m.group(1))
        for m in _IN_YEAR.finditer(clause)
        if "since" not in clause[max(0, m.start() - 30) : m.start()].lower()
    ]  # "his first visit since taking office in 2022" dates the office, not the visit
    if not years and _YEARS_AGO.search(clause):
        return not _DAY_WORDS.search(clause)  # "met in Quito last year", "two years ago"
    return bool(years) and max(years) < anchor.year and not _DAY_WORDS.search(clause)


def _one_visit_per_destination(draft: Draft, entities) -> list[Draft]:
    """Rule "visit-per-destination": "his tour of Cape Verde, Ghana and Angola" - a trip to
    several states is a visit to each, the traveller the one person of the entry."""
    if draft.kind != "visit":
        return [draft]
    people = [p for p in draft.participants_keys if entities[p.key].kind == "person"]
    if not people and draft.participants_keys:
        people = draft.participants_keys[:1]  # "the US top diplomat began his tour of ..."
    home = {entities[p.key].country for p in people}
    states = [
        p
        for p in draft.participants_keys
        if entities[p.key].kind == "state" and entities[p.key].country not in home
    ]
    if len(people) != 1 or len(states) < 2 or len(draft.participants_keys) != 1 + len(states):
        return [draft]
    out = []
    for state in states:
        one = Draft(**{**draft.__dict__, "extra": dict(draft.extra)})
        one.participants_keys = [PKey(people[0].key, "guest"), PKey(state.key, "host")]
        one.country = entities[state.key].country
        one.rule = "visit-per-destination"
        out.append(one)
    return out


# Words that make a listed group one encounter ("a trilateral meeting with A and B").
_ONE_GROUP = re.compile(
    r"\b(?:trilateral|tripartite|quadrilateral|multilateral|joint|jointly|together|group|"
    r"all|both|summit|round ?table|between|among|including)\b",
    re.I,
)


# "talks with counterparts from A, B and C", "met his counterparts of A and B"; with
# "bilateral meetings" (one each, said outright) also "the leaders of the delegations from"
_SIDES_FROM = re.compile(
    r"\b(?:counterparts|(?:leaders|heads|ministers|delegations|representatives)"
    r"(?:\s+of\s+(?:the\s+)?delegations)?)\s+(?:from|of)\s+(?:the\s+)?"
)
_EACH_THEIR_OWN = re.compile(r"\bbilateral (?:meetings|talks)\b|\bbilaterals\b|\bseparate")


def _counterparts_from(draft: Draft, clean, sent_start, subjects, sent_mentions, entities):
    """Rule "counterparts-from": "X held talks with counterparts from A, B, C and D", "held
    bilateral meetings with the leaders of the delegations from A, B and C" - the unnamed
    counterparts of a list of states, one encounter each (with that state); the
    states of the list, or None when the clause is no such list (or names them together:
    "a joint meeting with counterparts from A and B")."""
    phrase = _SIDES_FROM.search(clean)
    if phrase is None or _ONE_GROUP.search(clean[: phrase.start()]):
        return None
    if not phrase.group().startswith("counterparts") and not _EACH_THEIR_OWN.search(clean):
        return None  # "met the leaders of A and B": perhaps all together
    states: list[str] = []
    at = phrase.end()
    for m in sent_mentions:
        rel = m.start - sent_start
        if rel < at:
            continue
        if not re.fullmatch(r"\s*(?:,|,?\s*and)?\s*(?:the\s+)?", clean[at:rel]):
            break  # the list ends at the first word that is no list glue
        if entities[m.key].kind != "state":
            break
        if m.key not in states:
            states.append(m.key)
        at = m.end - sent_start
    keys = draft.keys()
    if len(states) < 2 or not all(k in keys for k in states):
        return None
    if any(entities[k].kind == "person" for k in keys if k not in subjects):
        return None  # named counterparts: the per-person rule below
    return states


def _one_encounter_per_counterpart(
    draft: Draft, clean: str, sent_start: int, trigger_at: int, sent_mentions, entities
) -> list[Draft]:
    """Rule "encounter-per-counterpart": one subject meeting a list of people who each speak
    for another state ("Lee met the Peruvian foreign minister, Ana Soto, and Kenyan
    President Otieno") had one encounter with each; so had one who "will call on A; meet B;
    and hold talks with C", one clause an encounter. A trilateral or joint meeting stays one."""
    if draft.kind not in ("meeting", "talks") or draft.anaphoric:
        return [draft]
    keys = draft.keys()
    subjects = [
        k for k in dict.fromkeys(draft.extra.get("subjects") or ()) if entities[k].kind == "person"
    ]
    if len(subjects) != 1:
        return [draft]
    if "counterparts" in clean or "bilateral" in clean:
        states = _counterparts_from(draft, clean, sent_start, subjects, sent_mentions, entities)
        if states:
            out = []
            for state in states:
                one = Draft(**{**draft.__dict__, "extra": dict(draft.extra)})
                one.participants_keys = [
                    p for p in draft.participants_keys if p.key in (subjects[0], state)
                ]
                one.rule = "counterparts-from"
                one.separate = True
                out.append(one)
            return out
    first: dict[str, int] = {}
    last_end = 0
    for m in sent_mentions:
        if m.key in keys and m.key not in subjects and m.start > trigger_at:
            first.setdefault(m.key, m.start - sent_start)
            last_end = max(last_end, m.end - sent_start)
    objects = [k for k in first if entities[k].kind == "person"]
    if len(objects) < 2 or len(objects) + 1 != len(keys):
        return [draft]
    if _ONE_GROUP.search(clean[:last_end]):
        return [draft]  # (what follows the list is context: "before the Lima Group meeting")
    home = entities[subjects[0]].country
    # each for another state (one may act for a body and have none)
    countries = [entities[k].country for k in objects]
    known = [c for c in countries if c is not None]
    if len(known) >= len(countries) - 1 and home not in known and len(set(known)) == len(known):
        groups = [[k] for k in objects]
    else:
        # "...; meet B; and hold talks with C": a clause of its own, with its own trigger
        clauses = clean.split(";")
        if len(clauses) < 2:
            return [draft]
        by_clause: dict[int, list[str]] = {}
        for k in objects:
            by_clause.setdefault(clean[: first[k]].count(";"), []).append(k)
        if len(by_clause) < 2 or not all(
            _has_any(clauses[i].lower(), _TRIGGER_KEYS) for i in by_clause
        ):
            return [draft]
        groups = list(by_clause.values())
    out = []
    for group in groups:
        one = Draft(**{**draft.__dict__, "extra": dict(draft.extra)})
        one.participants_keys = [p for p in draft.participants_keys if p.key in subjects + group]
        one.rule = "encounter-per-counterpart"
        one.separate = True
        out.append(one)
    return out


def _announced_encounter(valid, clean: str):
    """Rule "announced-encounter": "A and B spoke by phone on Monday and agreed to hold a
    summit in Lima on June 3" - an encounter told in the past, then, in a later clause,
    one it planned: two entries. Returns (told, planned, where the second clause starts)."""
    for i, told in enumerate(valid):
        if told[2] not in ("call", "meeting", "talks"):
            continue
        for later in valid[i + 1 :]:
            if later[2] not in ("summit", "meeting", "talks", "visit"):
                continue
            again = re.search(
                r"\b(?:again|another|return|next|upcoming|forthcoming|planned)\b",
                clean[max(0, later[0] - 25) : later[1] + 25],
            )
            if later[2] == told[2] and not again:
                continue
            gap = clean[told[1] : later[0]]
            # a new clause, or a topic: "spoke on Thursday about an upcoming summit"
            cut = max(
                gap.rfind(" and "),
                gap.rfind(", "),
                gap.rfind(";"),
                gap.rfind(" about "),
                gap.rfind(" regarding "),
                gap.rfind(" to discuss "),
            )
            if cut < 0:
                continue
            lead = told[1] + cut
            start = max(clean.rfind(",", 0, told[0]), clean.rfind(";", 0, told[0]), 0)
            second = clean[lead : later[1]]
            if _FUTURE.search(clean[start:lead]) or not (
                _FUTURE.search(second) or re.search(r"\bplanned\b", second)
            ):
                continue
            return told, later, lead
    return None


def _split_announced(draft, split, clean, offset, anchor, today, sent_mentions, entities):
    """The encounter told (held, dated from its own clause) and the one it planned: between
    the subjects and whoever the later clause names, placed only by the later clause."""
    told, later, lead = split
    first_clean = clean[:lead] + " " * (len(clean) - lead)
    second_clean = " " * lead + clean[lead:]
    held = Draft(**{**draft.__dict__, "extra": dict(draft.extra)})
    held.participants_keys = [PKey(p.key, p.role) for p in draft.participants_keys]
    held.kind, held.status, held.rule = told[2], "held", f"trigger-{told[2]}"
    held.date, held.end_date, held.precision = _date_for(
        first_clean, offset, told[0], told[1], anchor, False, today
    )
    if held.kind == "call" or (held.city and held.city not in clean[:lead]):
        held.city = held.country = None  # a call has no place; "in Lima" is the summit's
    planned = Draft(**{**draft.__dict__, "extra": dict(draft.extra)})
    planned.participants_keys = [PKey(p.key, p.role) for p in draft.participants_keys]
    planned.kind, planned.status, planned.separate = later[2], "planned", True
    planned.rule = "announced-encounter"
    keys = [p.key for p in draft.participants_keys]
    subjects = [m.key for m in sent_mentions if m.key in keys and m.start - offset < told[0]]
    if not subjects:
        # "A and B spoke about an upcoming meeting between X, Y and Z": the parties the
        # sentence gave were the later encounter's; the told one is its subjects'
        subjects = list(
            dict.fromkeys(
                m.key
                for m in sent_mentions
                if m.start - offset < told[0]
                and entities[m.key].kind == "person"
                and not m.source
                and not m.locative
            )
        )
        if len(subjects) >= 2:
            held.participants_keys = [PKey(k) for k in subjects]
    between = re.match(r"\s+between\s+", clean[later[1] :])
    if between:
        start = later[1] + between.end()
        stop = re.search(r"[;.(]|\b(?:which|that|who|was|were|is|are|on|in|at)\b", clean[start:])
        end = start + (stop.start() if stop else len(clean) - start)
        parties = [
            m.key
            for m in sent_mentions
            if start <= m.start - offset < end and entities[m.key].kind in ("person", "state")
        ]
        if len(parties) >= 2:
            planned.participants_keys = [PKey(k) for k in dict.fromkeys(parties)]
            subjects = []  # the "between" names the parties of the planned encounter
    named_later = [
        m.key
        for m in sent_mentions
        if m.start - offset > lead
        and entities[m.key].kind in ("person", "state")
        and not entities[m.key].media
    ]
    if subjects and named_later:
        people = {entities[k].country for k in subjects if entities[k].kind == "person"}
        others = [
            k
            for k in named_later
            if entities[k].kind == "person" or entities[k].country not in people
        ]
        planned.participants_keys = [PKey(k) for k in dict.fromkeys(subjects + others)]
    if draft.city and draft.city in clean[:lead]:
        planned.city = planned.country = None
    planned.date, planned.end_date, planned.precision = _date_for(
        second_clean, offset, later[0], later[1], anchor, True, today
    )
    return held, planned


def _clause(clean: str, s: int, e: int) -> str:
    left = max(clean.rfind(",", 0, s), clean.rfind(";", 0, s), clean.rfind(" and ", 0, s))
    right_candidates = [
        i
        for i in (
            clean.find(",", e),
            clean.find(";", e),
            clean.find(" and that ", e),
            clean.find(" but ", e),
        )
        if i != -1
    ]
    right = min(right_candidates) if right_candidates else len(clean)
    return clean[left + 1 : right]


def _participants(text, sent, sent_mentions, entities, clean, lead=False) -> list[str]:
    """The parties the sentence names: every person, then states and bodies only while
    fewer than two people stand for the sides."""
    candidates = _party_candidates(text, sent, sent_mentions, entities, clean, lead)
    return _sides_of(text, sent, clean, candidates, entities)


def _party_candidates(text, sent, sent_mentions, entities, clean, lead) -> list[Mention]:
    """Mentions that may be parties: not attributions ("..., X said"), judges ("criticised
    by X"), places ("in Bali, Indonesia"), times ("since Russia's invasion") or employers."""
    candidates: list[Mention] = []
    written = (
        {
            m.key
            for m in sent_mentions
            if _WRITTEN_FROM.search(clean[max(0, m.start - sent.start - 70) : m.start - sent.start])
        }
        if " from " in clean
        else ()
    )
    for m in sent_mentions:
        ent = entities.get(m.key)
        if ent is None or m.source or ent.media:
            continue
        rel = m.start - sent.start
        before = clean[max(0, rel - 30) : rel]
        after = clean[m.end - sent.start : m.end - sent.start + 40]
        # ", presidential press secretary Dmitry Peskov said." — an attribution, not a party.
        trailing = re.search(r",\s*(?:[\w-]+\s+){0,4}$", before) or rel > len(clean) * 0.6
        if _ATTRIBUTION_VERB.match(after) and trailing:
            continue
        if re.search(r"\baccording to\s+(?:the\s+)?$", before, re.I):
            continue
        if re.match(r"\W*$", after) and _INVERTED_CREDIT.search(clean[max(0, rel - 60) : rel]):
            continue  # rule "inverted-credit": "..., said spokesman X." tells, takes no part
        if _SPOKESPERSON_OF.search(before):
            continue  # "X, spokesperson of the Pakistan MoFA, tweeted": X's employer
        if ent.kind == "person" and _SPOKESPERSON_APPOSITION.match(after):
            continue  # "..., X, a foreign ministry spokesman, said": tells of it, no party
        agent = _AGENT.search(clean[max(0, rel - 60) : rel])
        if agent and agent.group(1).lower() not in _ENCOUNTER_AGENT_VERBS:
            continue  # "the visit was criticised by X": X judges, X does not take part
        if ent.kind == "state" and _LOCATIVE.search(before):
            continue
        if (
            ent.kind == "state"
            and "after" in clean[max(0, rel - 120) : rel]
            and _EARLIER_LEG.search(clean[max(0, rel - 120) : rel])
        ):
            continue  # rule "earlier-leg": "arrived after visits to A and B" - where he was
        if "capacity" in clean and _IN_CAPACITY.search(clean[max(0, rel - 120) : rel]):
            continue  # rule "capacity-role": "in her capacity as the bloc's envoy to A"
        if ent.kind in ("state", "organization") and _TEMPORAL_BEFORE.search(before):
            continue  # "since Russia's invasion", "a day after Hungary took over": a time
        if ent.kind == "organization" and _OFFICE_OF.search(before):
            continue  # "the rotating presidency of the Council of the EU": not a party
        if ent.kind == "state" and re.search(
            r"\b(?:in|at)\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?"
            r"(?:,\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)?,\s*$",
            clean[max(0, rel - 60) : rel],
        ):
            continue  # "in Bali, Indonesia", "in Iwaki City, Fukushima, Japan": the place
        # "will pay a visit to Turkey": the host state is a side, unless someone of it is named.
        host_state = (
            re.search(r"\b(?:visit|visits|trip|journey)\s+to\s+$", before)
            and (lead or _FUTURE.search(clean))
        ) and not any(
            entities[o.key].kind == "person" and entities[o.key].country == ent.country
            for o in sent_mentions
        )
        if (
            ent.kind == "state"
            and re.search(r"\b(?:to|from|into)\s+$", before)
            and not host_state
            and not _PLURAL_SIDES.search(before)  # "counterparts from A, B and C"
            and not (_FUTURE.search(clean) and _list_head(m, sent_mentions, entities, text))
        ):
            continue
        if m.how == "pronoun" and m.surface.lower() not in ("he", "she"):
            continue
        if ent.kind == "person" and _reports_another(m, clean, sent, sent_mentions, entities):
            continue  # rule "reporter-not-party": "spokesman X noted that Y welcomed Z"
        if ent.kind == "person" and _POSSESSOR.match(text[m.end : m.end + 30]):
            continue  # "Putin's spokesman met X": the spokesman takes part, not Putin
        if m.key in written:
            continue  # rule "letter-sender": "delivered a letter from Minister X": X wrote
        if (
            "ccompanied by" in clean
            and _WITH_THE_VISIT.search(clean[max(0, rel - 200) : rel])
            and _DURING_HIS_VISIT.match(clean, rel)
        ):
            continue  # rule "visit-party": "Accompanied by A and B during his visit, ..."
        candidates.append(m)
    return candidates


# "Accompanied by Minister A, Minister B ... during his visit, X will hold talks with Y": the
# people who travel with X belong to the visit, not to the talks told.
_WITH_THE_VISIT = re.compile(r"\b[Aa]ccompanied by\b[^;]{0,200}$")
_DURING_HIS_VISIT = re.compile(r"[^;]{0,200}?\bduring (?:his|her|their|the) (?:[\w-]+ )?visit\b")
_WRITTEN_FROM = re.compile(
    r"\b(?:letter|message|messages|note|greetings|invitation|congratulations|condolences)\s+"
    r"(?:of\s+\w+\s+)?from\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}$"
)


def _list_head(m: Mention, sent_mentions, entities, text: str) -> bool:
    """Rule "destination-list": "will travel to A, B and C" - the first of a list of states
    is a destination like the others, not the place of the clause (a planned trip only:
    "arrived after visits to A and B" tells where he had been)."""
    after = text[m.end : m.end + 8]
    if not re.match(r"\s*(?:,|and\b)", after):
        return False
    nxt = next((o for o in sent_mentions if o.start > m.end), None)
    return (
        nxt is not None
        and entities[nxt.key].kind == "state"
        and re.fullmatch(r"\s*(?:,|,?\s*and)\s*", text[m.end : nxt.start]) is not None
    )


def _reports_another(m: Mention, clean: str, sent, sent_mentions, entities) -> bool:
    """Rule "reporter-not-party": "Ministry spokesperson, X, noted that Prime Minister Y
    welcomed his guest" - X tells of an encounter whose subject is someone else (Y, named
    after "that"); "X said that he met Y" keeps X, through "he"."""
    rel = m.end - sent.start
    if " that " not in clean and not _SAY_WORD.search(clean, rel):
        return False  # cheap check before the long alternation
    report = _REPORTS_THAT.match(clean, rel)
    if report is None:
        return False
    at = sent.start + report.end()
    nxt = next(
        (o for o in sent_mentions if o.start >= at and entities[o.key].kind == "person"), None
    )
    # the reported clause goes on with its own verb ("... said spokesman X." is a credit)
    return (
        nxt is not None
        and nxt.how != "pronoun"
        and nxt.key != m.key
        and nxt.start - at < 60
        and re.match(r"\s+(?:had\s+|has\s+|will\s+|would\s+)?[a-z]", clean[nxt.end - sent.start :])
        is not None
    )


def _sides_of(text, sent, clean, candidates, entities) -> list[str]:
    """People first; a state or a body only when no person of it stands for its side."""
    keys: list[str] = []
    people_countries = set()
    for m in candidates:
        ent = entities[m.key]
        if ent.kind == "person" and m.key not in keys:
            keys.append(m.key)
            if ent.country:
                people_countries.add(ent.country)
    people = len(keys)
    for m in candidates:
        ent = entities[m.key]
        if m.key in keys or ent.kind == "person":
            continue
        if ent.kind == "state":
            if people >= 2 or ent.country in people_countries:
                continue
            # A state named only as an adjective of a person's office is not a party
            # (but "Uzbekistan's Foreign Minister." with no name is the unnamed side).
            topic = re.match(r"['’]s\s+([a-z][\w-]*)", text[m.end : m.end + 30])
            if topic and not _side_noun(topic.group(1)):
                continue  # rule "possessive-topic": "reiterating A's desire for ties"
            office = re.match(r"^\s*['’]s\s+((?:[A-Z][\w-]*\s*){1,4})", text[m.end : m.end + 50])
            if office and not all(
                w.lower() in lexicon.TITLE_WORDS for w in office.group(1).split()
            ):
                continue
            if office and re.match(
                r"\s*[A-Z]", text[m.end + office.end() : m.end + office.end() + 2]
            ):
                continue
            keys.append(m.key)
        elif ent.kind == "organization":
            if people >= 2 or (ent.country and ent.country in people_countries):
                continue
            rel = m.start - sent.start
            if (
                _TOPIC_BEFORE.search(clean[max(0, rel - 60) : rel])
                and re.match(r"\s+[a-z]", text[m.end : m.end + 3])
                and not _BODY_EVENT.match(text, m.end)
                and not _EVENT_OF.search(clean[max(0, rel - 30) : rel])
            ):
                continue  # rule "topic-body": "discussed EU cooperation" - a topic, no party
            if _LOCATIVE.search(
                clean[max(0, m.start - sent.start - 12) : m.start - sent.start]
            ) and not _BODY_EVENT.match(text, m.end):
                # "in the Oval Office", "at the Kremlin": the venue ("at the NATO summit held
                # in Vilnius": the body of the event, rule "body-event")
                continue
            if _VENUE_CONTEXT.search(clean[: m.start - sent.start]) and re.search(
                r"\b(?:sidelines|margins)\b",
                clean[max(0, m.start - sent.start - 40) : m.start - sent.start],
            ):
                continue  # "on the sidelines of the SCO summit": the venue, not a party
            following = text[m.end : m.end + 40]
            if re.match(
                r"^\s+(?:press service|said|reported|spokes\w+|chief|head|leader|secretary|"
                r"minister)\b",
                following,
            ) or re.match(r"^\s+(?:officials?|sources?)\s+(?:\w+\s+)?(?:said|told|say)", following):
                continue
            keys.append(m.key)
    return keys


# A topic verb or preposition just before a body's name ("discussed EU cooperation",
# "talks on NATO spending", "the outlook for the Andean bloc's trade").
_TOPIC_BEFORE = re.compile(
    r"\b(?:(?:discussed|discussing|discuss|reviewed|reviewing|exchanged views on|focused on|"
    r"touched on|talked about)\s+(?:(?!with\b|between\b|and\b)[\w'’-]+\s+){0,6}?|"
    r"(?:on|about|regarding|concerning|over)\s+)(?:the\s+)?$"
)


# "the NATO summit", "the ASEAN ministerial meeting": an event of the body, which takes part
_BODY_EVENT = re.compile(
    r"\s+(?:[\w'’-]+\s+)?(?:summit|summits|meeting|ministerial|conference|forum|session|"
    r"gathering|talks)\b",
    re.I,
)


_EVENT_OF = re.compile(
    r"\b(?:summit|summits|meeting|session|conference|forum|ministerial)\s+of\s+(?:the\s+)?$", re.I
)


def _side_noun(word: str) -> bool:
    """A noun after "A's" that makes A a side: an office, a delegation, a government."""
    return word in lexicon.TITLE_WORDS or word in _SIDE_NOUNS


def _roles(text, sent, clean, keys, sent_mentions, entities) -> dict[str, str]:
    roles: dict[str, str] = {}
    hv = _HOST_VERB.search(clean)
    if hv:
        at = sent.start + hv.start()
        # "X was received by Y": the passive turns the sides round.
        passive = bool(re.search(r"\b(?:was|were|been|being|is|are)\s+$", clean[: hv.start()]))
        for m in sent_mentions:
            if m.key in keys and entities[m.key].kind == "person":
                first = "guest" if passive else "host"
                second = "host" if passive else "guest"
                roles.setdefault(m.key, first if m.start < at else second)
    inv = _INVITATION.search(clean)
    if inv:
        at = sent.start + inv.end()
        for m in sent_mentions:
            if m.key in keys:
                roles[m.key] = "host" if m.start >= at else "guest"
    med = re.search(r"\b(?:mediated|brokered|facilitated) by\b", clean)
    if med:
        at = sent.start + med.end()
        for m in sent_mentions:
            if m.key in keys and m.start >= at:
                roles[m.key] = "mediator"
    return roles


def _without_relative_clauses(clean: str, trigger_at: int) -> str:
    """Rule "own-clause-date": "X, who arrived on Monday, held talks with Y on Tuesday" -
    the day of a relative clause about a person is not the encounter's (unless the trigger
    is in it); the clause is blanked for the date search."""
    for m in _WHO_CLAUSE.finditer(clean):
        if not m.start() <= trigger_at < m.end():
            clean = clean[: m.start()] + " " * (m.end() - m.start()) + clean[m.end() :]
    return clean


def _date_for(clean, offset, trigger_at, trigger_end, anchor, future, today, near_only=False):
    found = [
        d
        for d in find_dates(clean, anchor, future=future, today=today)
        if d.precision in ("day", "month") or d.rule == "vague"
    ]
    # "said this on Tuesday", "the ministry said Friday": a date attached to a speech verb
    # dates the statement (a date mention may open with the space before its word).
    found = [
        d
        for d in found
        if not re.search(
            r"\b(?:said|says|told|stated|announced|reported|reports)(?:\s+\w+){0,2}$",
            clean[: d.start].rstrip(),
        )
    ]
    if near_only:
        found = [
            d for d in found if -40 < d.start - trigger_end < 40 or -40 < trigger_at - d.end < 40
        ]
    if not found:
        return None, None, None
    # The expression nearest the trigger, preferring one after it.
    found.sort(key=lambda d: abs(d.start - trigger_at) + (0 if d.start >= trigger_at else 15))
    best = found[0]
    if best.rule == "vague" or best.date is None:
        return None, None, None
    return best.date, best.end_date, best.precision


def _venue(text, sent, clean, kb, sent_mentions, entities, home_country, dateline=None, near=0):
    """Where the clause places the encounter: a named capital, "this city" (the dateline's),
    a landmark that names its city, else the "in/at <place>" phrase nearest the trigger."""
    place = _capital_or_landmark(clean, kb, home_country, dateline)
    if place is not None:
        return place
    city, country = _place_phrase(text, sent, clean, kb, sent_mentions, home_country, near)
    if (
        city is None
        and country is None
        and dateline is not None
        and dateline.city
        and "here" in clean
        and _here_is_dateline(clean)
    ):
        return dateline.city, home_country  # rule "here-is-dateline"
    return city, country


# Rule "here-is-dateline": "X and Y met here on Tuesday" under a "LIMA, May 7" dateline -
# the wire's "here" is the dateline's city (an adverb of place after an encounter word, or
# before a time).
_HERE = re.compile(
    r"\b(?:met|meet|meets|meeting|held|hold|holds|talks|arrived|arrives|hosted|received|"
    r"visited|gathered|conferred)\s+here\b|"
    r"\bhere\s+(?:on|today|yesterday|this|last|earlier|later|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
)
# "said here on Tuesday", "told reporters here": where the words were said, not the encounter
_SAID_BEFORE_HERE = re.compile(
    r"\b(?:" + "|".join(lexicon.reporting_verbs()) + r"|announced)\s+(?:[\w-]+\s+){0,2}$"
)


def _here_is_dateline(clean: str) -> bool:
    """Does the clause place its encounter "here" (rule "here-is-dateline")?"""
    return any(
        not _SAID_BEFORE_HERE.search(clean[max(0, m.start() - 40) : m.start()])
        for m in _HERE.finditer(clean)
    )


_CITY_OF = re.compile(
    r"\b(?:in|at|to)\s+(?:the\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)|"
    r"(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})['’]s)\s+"
    r"(?:[a-z]+\s+)?(?:city|town|port|resort|village)\s+of\s+"
    r"([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})"
)


def _capital_or_landmark(clean, kb, home_country, dateline) -> tuple | None:
    """A venue told without its city's name, or a landmark that names its city."""
    # "in the Ethiopian capital": that country's capital; "in this city": the dateline's.
    # Rule "capital-of": also "in Papua New Guinea's capital", "in the capital of Niger".
    for m in re.finditer(
        r"\b(?:in|at|to)\s+(?:the\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+capital\b|"
        r"(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})['’]s\s+capital\b|"
        r"the\s+capital\s+of\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}))",
        clean,
    ):
        code = _demonym_code(kb, m.group(1) or m.group(2) or m.group(3))
        country = kb.country(code) if code else None
        if country and country.capitals:
            return country.capitals[0], code
    if (
        dateline is not None
        and dateline.city
        and re.search(
            r"\b(?:in|at)\s+this\s+(?:[\w-]+\s+)?(?:city|capital|town|port|resort)\b", clean
        )
    ):
        return dateline.city, home_country
    if " of " in clean:
        # Rule "city-of": "in the Peruvian city of Cusco", "in Brazil's port of Santos"
        for m in _CITY_OF.finditer(clean):
            code = _demonym_code(kb, m.group(1) or m.group(2))
            if code:
                name = m.group(3).rstrip(".")
                city, country = _city_country(kb, name)
                return (city, country) if city and country == code else (name, code)
    # Landmarks that name their city ("at the Great Hall of the People").
    lowered = normalize(clean)
    for venue, (city, code) in lexicon.VENUES.items():
        if f" {venue} " in f" {lowered} " and re.search(
            rf"\b(?:in|at|inside|to)\s+(?:the\s+)?{re.escape(venue.split()[0])}", clean, re.I
        ):
            return city, code
    return None


def _place_phrase(text, sent, clean, kb, sent_mentions, home_country, near) -> tuple:
    """The "in/at <place>" phrase nearest the trigger, as (city, country)."""
    # "in Beijing", "at the Kremlin", "in Jeddah"; the phrase nearest the trigger (after it
    # by preference) wins: "agreed to meet in Tokyo, ... after their talks in Jakarta".
    found = list(
        re.finditer(
            r"\b(?:[Ii]n|[Aa]t|to|inside|visit|visits|visited|[Vv]isiting|tour of|"
            r"(?:leaves|left|leaving|departs|departed|heads|headed|flies|flew) for)\s+(?:the\s+)?"
            r"((?:[A-Z][\w'’.-]+)(?:\s+(?:[A-Z][\w'’.-]+|(?:el|al|de|del|da|dos|di|du|la|le)"
            r"(?:-[\w'’.-]+|(?=\s+[A-Z])))){0,3})",
            clean,
        )
    )
    found.sort(key=lambda m: abs(m.start() - near) + (0 if m.start() >= near else 40))
    for m in found:
        if _MISSION_IN.search(clean, max(0, m.start() - 90), m.start()):
            continue  # rule "mission-in-place": "the Embassy of X in Abuja": a title, no venue
        phrase = m.group(1).rstrip(".")
        phrase = re.sub(r"['’]s$", "", phrase)
        words = phrase.split()
        for n in range(len(words), 0, -1):
            if n < len(words) and not _city_may_head(words, n):
                continue
            candidate = " ".join(words[:n])
            city, country = _city_country(kb, candidate)
            if city:
                return city, country
            key = normalize(candidate)
            if n != len(words):
                continue
            for entry in kb.entries().get(key, []):
                if entry.ref_kind in ("name", "alias"):
                    return None, entry.country
                actor = kb.actor(entry.actor_id)
                if actor is not None and actor.kind == "state":
                    return None, actor.country
        if words[-1].lower() in lexicon.FACILITY_NOUNS:
            # rule "facility-then-city": "at the Peace Palace, Phnom Penh" - the building,
            # then its city after the comma
            after = _CITY_AFTER_COMMA.match(clean, m.end())
            if after is not None:
                tail = after.group(1).rstrip(".").split()
                for n in range(len(tail), 0, -1):
                    city, country = _city_country(kb, " ".join(tail[:n]))
                    if city:
                        return city, country
        if m.group(0).lower().startswith(("to ", "inside ", "visit", "tour")):
            continue
        # An unknown capitalised place after "in": a city in the home country, if any.
        first = words[0]
        start = sent.start + m.start(1)
        if any(mm.start <= start < mm.end for mm in sent_mentions):
            continue
        if first.lower() in lexicon.TITLE_WORDS or first.lower() in (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ):
            continue
        if len(words) == 1 and m.group(0).lower().startswith("in "):
            return first, home_country
    return None, None


# "the Embassy of the Republic of X in Abuja", "Ambassador of X to Ghana", "High Commissioner
# in Accra": the place names the post, not the encounter.
_MISSION_IN = re.compile(
    r"\b(?:[Ee]mbassy|[Hh]igh [Cc]ommission(?:er)?|[Cc]onsulate(?: [Gg]eneral)?|[Pp]ermanent "
    r"[Mm]ission|[Aa]mbassador|[Cc]harg[eé] d['’][Aa]ffaires|accredited)\b[^,.;()]{0,70}$"
)
_CITY_AFTER_COMMA = re.compile(r",\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})")


def _city_may_head(words: list[str], n: int) -> bool:
    """Rule "landmark-not-city": may the first ``n`` words of a place phrase be its city?
    Yes in "the Lima Convention Center" (a generic facility), no in "the Victoria Memorial"
    or "at Santiago Bernabeu Stadium" (a landmark named after someone, or an airport)."""
    last = words[-1].lower()
    if last not in lexicon.FACILITY_NOUNS:
        return True
    if last in lexicon.LANDMARK_NOUNS:
        return False
    return all(w.lower() in lexicon.GENERIC_FACILITY_WORDS for w in words[n:-1])


def _demonym_code(kb: KnowledgeBase, word: str) -> str | None:
    for entry in kb.entries().get(normalize(word), ()):
        if entry.ref_kind in ("demonym", "name", "alias"):
            return entry.country
    return None


def _covered(keys: set[str], other: set[str], entities) -> bool:
    """Every key of ``keys`` is in ``other`` or is a state/org with a person of it in other."""
    for k in keys:
        if k in other:
            continue
        ent = entities[k]
        if (
            ent.kind in ("state", "organization")
            and ent.country
            and any(
                entities[o].kind == "person" and entities[o].country == ent.country for o in other
            )
        ):
            continue
        return False
    return True


def _merge_or_add(drafts: list[Draft], d: Draft, entities, busy_visit=False) -> None:
    """Add a draft, or merge it into the encounter it tells again (a reference back, the
    same parties on a compatible day, the names of sides told before)."""
    keys = d.keys()
    if not keys and not d.anaphoric:
        return  # no party and no reference back: nothing to record or to add to
    target = _same_people_target(drafts, d, entities)
    if target is None:
        target = _earlier_target(drafts, d, keys, entities, busy_visit)
    if target is None:
        people = [k for k in keys if entities[k].kind == "person"]
        if d.anaphoric and len(people) < 2 and d.kind != "summit":
            return  # "during a visit to X": context for an encounter the text does not give
        drafts.append(d)
        return
    _merge_into(target, d, entities)


def _elsewhere(d: Draft, m: Draft) -> bool:
    """Rule "other-city-other-encounter": "A and B held talks in Tokyo on Friday. ... A and B
    met in Ulaanbaatar in July" - the same people told in a city of another country, in the
    same tense, is another encounter (a reference back, "the meeting in ...", still joins the
    one it names; a plan told beside a held encounter is for the merging rules below)."""
    return bool(
        d.country
        and m.country
        and d.city
        and m.city
        and d.country != m.country
        and d.status == m.status
        and not d.anaphoric
    )


def _same_people_target(drafts: list[Draft], d: Draft, entities) -> Draft | None:
    """Rule "same-people": the latest encounter of exactly these people, and for a
    reference back to a summit or call, the latest one of that kind."""
    keys = d.keys()
    target = None
    people = {k for k in keys if entities[k].kind == "person"}
    if len(people) >= 2 and not d.anaphoric and not d.separate and d.date is None:
        # "X told reporters after meeting Y": the encounter of exactly these two people, not
        # a later one-sided entry ("X had visited the expo on Sunday").
        for m in reversed(drafts):
            if people <= m.keys() and m.kind != "visit" and not _elsewhere(d, m):
                target = m
                break
    if target is None and d.anaphoric and not d.extra.get("joins") and d.kind in ("summit", "call"):
        # "the summit was ...": the latest summit told, not simply the latest encounter
        for m in reversed(drafts):
            if m.kind == d.kind and (d.date is None or m.date is None or d.date == m.date):
                target = m
                break
    return target


def _earlier_target(drafts: list[Draft], d: Draft, keys, entities, busy_visit) -> Draft | None:
    """The latest draft that ``d`` tells again, newest first, or None: each test below
    names why two mentions are, or are not, one encounter."""
    for m in reversed(drafts):
        mk = m.keys()
        if _elsewhere(d, m):
            continue
        if (
            busy_visit
            and m.kind == "visit"
            and m.end_date
            and d.kind != "visit"
            and d.date is not None
            and not d.anaphoric
        ):
            # A visit with its own dates and further engagements stays an entry of its own;
            # the meeting described inside it is another.
            continue
        compatible_date = (
            d.date is None
            or m.date is None
            or d.date == m.date
            or (m.end_date and m.date <= d.date <= m.end_date)
            or (d.end_date and d.date <= m.date <= d.end_date)
        )
        if d.separate and not d.anaphoric:
            return None
        if (
            not d.anaphoric
            and d.status == "planned"
            and m.status == "held"
            and m.date is not None
            and d.date != m.date
        ):
            continue  # "will pay a return visit": another encounter than the one held
        if (
            d.anaphoric
            and d.precision == "day"
            and m.precision == "day"
            and d.date is not None
            and m.date is not None
            and d.date != m.date
            and not (m.end_date and m.date <= d.date <= m.end_date)
        ):
            continue  # a reference back to an encounter of another day
        if d.extra.get("sidelines") and m.kind == "summit" and d.kind != "summit":
            continue  # a bilateral on the sidelines of a summit is an entry of its own
        if d.anaphoric and d.extra.get("joins") and keys:
            if m.extra.get("background") and any(not x.extra.get("background") for x in drafts):
                continue  # "X also took part in the meeting": the main one, not a background
            return m  # "The talks were chaired by A and B": the encounter just told
        if d.kind == "visit" and d.end_date and m.kind != "visit":
            people = {k for k in keys if entities[k].kind == "person"}
            if people - mk:
                continue  # a visit with its own dates and its own host is its own entry
        if _covered(keys, mk, entities) and compatible_date:
            return m
        if compatible_date and _names_the_sides(d, m, keys, mk, entities):
            return m
        if _covered(mk, keys, entities) and compatible_date and not d.separate:
            return m
        frame = {k for k in mk if entities[k].kind == "organization" and not entities[k].country}
        if (
            m.kind == "summit"
            and d.kind != "call"
            and frame
            and len([k for k in keys if entities[k].kind == "person"]) >= 2
            and _covered(mk - frame, keys, entities)
            and compatible_date
            and not d.separate
        ):
            return m  # "the Quad summit ...", then the leaders who joined it by name
        if d.anaphoric and len(keys - mk) <= 1:
            return m
        if d.anaphoric and not [k for k in mk if entities[k].kind == "person"]:
            return m
    return None


def _names_the_sides(d: Draft, m: Draft, keys, mk, entities) -> bool:
    """Rule "sides-named-next": "The leaders of A and B are meeting in Lima tonight. X will
    meet his B counterpart Y at 7 p.m." - two people told right after an encounter of two
    unnamed states, in its tense, one of them of those states and none of another, are its
    sides."""
    states = {entities[k].country for k in mk if entities[k].kind == "state"}
    people = [k for k in keys if entities[k].kind == "person"]
    if len(states) != 2 or len(mk) != 2 or len(people) < 2 or d.separate or d.anaphoric:
        return False
    if d.status != m.status or d.sentence - m.sentence > 2:
        return False
    countries = {entities[k].country for k in people}
    return bool(countries & states) and countries <= states | {None}


def _merge_into(target: Draft, d: Draft, entities) -> None:
    """Merge ``d`` into ``target``: its parties, date, place and a stronger kind."""
    target_people = [p for p in target.participants_keys if entities[p.key].kind == "person"]
    d_people = [p for p in d.participants_keys if entities[p.key].kind == "person"]
    d_parties = len(d.participants_keys)
    if d.anaphoric and len(target_people) >= 2 and not d.extra.get("joins"):
        d = Draft(**{**d.__dict__, "participants_keys": []})
    elif not target_people and len(d_people) >= 2:
        target.participants_keys = []  # "the ministers of A and B met" then their names
    for p in d.participants_keys:
        if p.key not in target.keys():  # noqa: SIM118 - Draft.keys() is a method
            target.participants_keys.append(p)
    people_countries = {
        entities[p.key].country
        for p in target.participants_keys
        if entities[p.key].kind == "person"
    }
    target.participants_keys = [
        p
        for p in target.participants_keys
        if entities[p.key].kind == "person" or entities[p.key].country not in people_countries
    ]
    if target.date is None and d.date is not None:
        target.date, target.end_date, target.precision = d.date, d.end_date, d.precision
    if target.city is None and d.city:
        target.city = d.city
    if target.country is None and d.country:
        target.country = d.country
    stronger = (
        KIND_RANK[d.kind] >= KIND_RANK["summit"] and KIND_RANK[d.kind] > KIND_RANK[target.kind]
    )
    if d.extra.get("spoke_only") and target.kind in ("meeting", "talks", "summit"):
        # rule "spoke-in-person": "..., adding that A and B spoke after the delegations
        # concluded" - no medium named, so no call: more about the meeting told
        stronger = False
    upgrade = target.kind == "visit" and d.kind != "visit" and d_parties >= 2
    if stronger or upgrade:
        target.extra.pop("context", None)  # the visit now stands for the encounter told
        if d.date is not None and target.kind == "visit":
            # The encounter's own day, not the arrival's.
            target.date, target.end_date, target.precision = d.date, d.end_date, d.precision
            target.status = d.status
        elif target.kind == "visit" and d.kind != "summit":
            target.end_date = d.end_date  # the talks are not as long as the visit
        target.kind = d.kind
    if d.status == "held" and target.status == "planned" and d.date and target.date == d.date:
        target.status = "held"


def _trip_abroad(d: Draft, drafts: list[Draft], entities) -> bool:
    """Rule "trip-abroad": "the minister's planned trip to Lima", "X will travel to Lima next
    week" - one person's visit to a place of another state is an encounter even when the
    text names no host (the host state stands for the side when the text names it); not when
    the text tells an encounter of that person there (the trip is then its context: "arrived
    in Lima on Wednesday" before the talks in Lima)."""
    if d.kind != "visit" or len(d.participants_keys) != 1 or d.anaphoric:
        return False
    key = d.participants_keys[0].key
    person = entities[key]
    if (
        person.kind != "person"
        or person.country is None
        or d.country is None
        or d.country == person.country
    ):
        return False
    if any(
        other is not d and key in other.keys() and other.country == d.country  # noqa: SIM118
        for other in drafts
    ):
        return False
    d.rule = "trip-abroad"
    host = f"state:{d.country}"
    if host in entities and entities[host].spans:
        # "X flew to Lima for talks", the host state named elsewhere in the text: the
        # unnamed host side is that state
        d.participants_keys.append(PKey(host, "host"))
    return True
