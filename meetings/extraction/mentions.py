"""Find and resolve the actors an article names.

Known aliases come from the knowledge-base automaton. Unknown people and organisations are
suggested from patterns: a title or honorific before a capitalised name ("Chinese Defense
Minister Li Shangfu", "Sheikh Sabah ..."), an apposition ("his counterpart, Sergei Shoigu"),
organisation head words ("... Press Agency", "State Duma"), "the Chinese government",
"Fiji's ministry of information", agencies cited as sources. Short forms ("Mr. Li", "Putin")
are resolved within the article; an ambiguous short form is never linked automatically.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, islice

from . import lexicon
from .document import Document
from .kb import KnowledgeBase, normalize, normalize_with_map
from .places import city_country, country_code, is_country_name
from .text import Sentence, tokens

# Common words that rarely appear in a person's name (names of bodies, places, events).
NOT_NAME_WORDS = {
    "human", "rights", "watch", "international", "amnesty", "doctors", "borders", "red",
    "cross", "crescent", "world", "global", "united", "new", "north", "south", "east", "west",
    "central", "national", "federal", "royal", "republic", "democratic", "people", "peoples",
    "union", "bank", "fund", "group", "institute", "foundation", "center", "centre", "party",
    "front", "army", "force", "forces", "guard", "police", "news", "agency", "times", "post",
    "daily", "radio", "television", "tv", "channel", "network", "press", "media", "online",
    "today", "review", "journal", "council", "committee", "commission", "court", "office",
    "ministry", "government", "state", "states", "house", "palace", "airport", "university",
    "college", "school", "hospital", "company", "corporation", "bureau", "organization",
    "organisation", "association", "alliance", "movement", "forum", "summit", "conference",
    "declaration", "treaty", "agreement", "plan", "initiative", "program", "programme",
    "project", "games", "cup", "festival", "day", "week", "year", "war", "crisis", "strait",
    "sea", "ocean", "gulf", "river", "island", "islands", "city", "province", "region",
    "district", "county", "valley", "mountain", "mountains", "road", "street", "square",
    "avenue", "bridge", "port", "coast", "border", "security", "defense", "defence",
    "foreign", "affairs", "economic", "trade", "energy", "health", "climate", "peace",
}  # fmt: skip
# Capitals that usually stand for an international body, not their state.
METONYM_NOT_STATE = {"brussels"}
REGION_ADJECTIVES = {
    "northern", "southern", "eastern", "western", "central", "upper", "lower", "greater",
    "north", "south", "east", "west", "inner", "outer", "mainland", "continental", "latin",
}  # fmt: skip
POST_NOMINALS = {"mp", "mep", "qc", "kc", "obe", "mbe", "cbe", "jr", "sr", "mla", "mpp", "phd"}
PARTICLES = lexicon.PARTICLES
STOP_CAPS = {
    "the", "a", "an", "in", "on", "at", "during", "according", "this", "that", "these",
    "those", "it", "he", "she", "they", "we", "i", "you", "following", "after", "before",
    "earlier", "later", "meanwhile", "however", "also", "both", "among", "heading", "to",
    "for", "with", "from", "by", "as", "of", "and", "but", "or", "if", "when", "while",
    "since", "his", "her", "their", "its", "our", "my", "your", "there", "here", "what",
    "which", "who", "whom", "whose", "where", "why", "how", "all", "some", "many", "most",
    "other", "another", "each", "every", "no", "not", "yes", "so", "then", "thus", "yet",
    "speaking", "describing", "addressing", "referring", "asked", "quoting", "citing",
    "last", "next", "today", "yesterday", "tomorrow", "under", "over", "about", "against",
    "between", "despite", "within", "without", "through", "until", "upon", "into", "onto",
    "quotes", "photo", "read", "watch", "see", "more", "follow", "bilateral", "issues",
    "overview", "minutes", "local", "time", "moreover", "furthermore", "once",
    "further", "only", "just", "even", "still", "again", "now", "recently",
    "thank", "thanks", "please", "dear", "ladies", "gentlemen", "friendships", "always",
    "visiting", "official", "rugby", "match", "matches", "general", "first", "second",
    "third", "new", "old", "big", "great", "good", "very", "state",
    # sentence adverbs that open a sentence ("Subsequently, talks were held ...")
    "subsequently", "additionally", "afterwards", "afterward", "thereafter", "likewise",
    "similarly", "consequently", "accordingly", "nevertheless", "nonetheless", "notably",
    "finally", "initially", "separately", "besides", "instead", "indeed", "currently",
    "previously", "lastly", "otherwise", "specifically", "importantly", "overall",
}  # fmt: skip
ORG_STOP_CAPS = STOP_CAPS - {"state", "general", "first", "new", "official", "great", "old"}
MONTH_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday",
}  # fmt: skip
# The months' names in full: the ones that are also family names ("May", "March").
_MONTH_NAMES = {name.lower() for name in calendar.month_name if name}
LOCATIVE_PREPS = {"in", "at", "to", "from", "into", "near", "via", "outside", "inside", "across",
                  "toward", "towards", "around", "throughout", "visit", "visiting", "visited",
                  "left", "leave", "arrived", "reached", "of"}  # fmt: skip
_METONYM_VERBS = re.compile(
    r"^\s*(?:['’]s\b|is\b|was\b|has\b|had\b|have\b|will\b|would\b|could\b|can\b|should\b|"
    r"says\b|said\b|and\b|[a-z]+s\b(?!\s+(?:of|and)\b)|[a-z]+ed\b)"
)
_CUE_RE = "|".join(lexicon.reporting_verbs())
# "X said", "X also said", "X later told": a speech verb after the name, maybe with an adverb.
# Rule "time-before-verb": "Ana Ruiz on Monday met ...", "Tom Otieno today said ..." - a day
# between the subject and its verb.
_DAY_BEFORE_VERB = (
    r"(?i:(?:today|yesterday|tonight|(?:on |last |this )?(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)|this (?:morning|afternoon|evening|week))\s*,?\s+)?"
)
_CUE_AFTER = re.compile(
    rf"^\s+{_DAY_BEFORE_VERB}(?:(?:also|later|then|again|further|earlier)\s+)?(?:{_CUE_RE})\b"
)
_CUE_BEFORE = re.compile(rf"\b(?:{_CUE_RE})\s+$")
_CUE_WORDS = tuple(lexicon.reporting_verbs())  # endswith() rules most windows out first
ORG_LOWER_HEADS = re.compile(
    r"^(?:['’]s)?\s+(?P<head>ministry of [a-z]+(?: (?:and|of) [a-z]+)?|foreign ministry|"
    r"defen[cs]e ministry|foreign office|military|army|armed forces|navy|air force|"
    r"government|press service|presidential press service|embassy|parliament|police|"
    r"security forces|security council|cabinet|presidency|foreign affairs ministry)\b",
    re.I,
)
_AFTER_ORG_OK = re.compile(
    r"^\s*(?:[,.;:)\]”\"’]|$|(?:said|says|has|have|had|is|was|were|will|would|could|can|"
    r"should|announced|reported|stated|added|and|or|but|in|on|at|to|for|with|from|by|of|"
    r"which|that|who|as|also|spokesman|spokesperson|spokeswoman|statement|official|"
    r"officials|sources|source|chief|headquarters|press|issued|confirmed|denied|noted|"
    r"stressed|expressed|called|urged)\b)",
    re.I,
)


_NON_LETTER = re.compile(r"[^A-Za-z]")


@lru_cache(maxsize=100_000)
def _letters(text: str) -> str:
    """The ASCII letters of ``text`` ("U.S." -> "US"); the same surfaces recur in every
    article, so the answers are kept."""
    return _NON_LETTER.sub("", text)


def compact_upper(text: str) -> bool:
    return _letters(text).isupper()


class _NoActor:
    kind = ""


_NOACTOR = _NoActor()


@dataclass(frozen=True)
class AliasRef:
    country: str
    ref_kind: str = "alias"


@dataclass
class Entity:
    key: str
    kind: str  # person | organization | state
    name: str
    country: str | None = None
    title: str = ""
    actor_id: int | str | None = None
    surfaces: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    rule: str = ""
    confidence: float = 0.5
    media: bool = False
    first: int = 10**9

    @property
    def name_tokens(self) -> list[str]:
        return [t for t in normalize(self.name).split() if t not in PARTICLES]

    def add_rule(self, rule: str) -> None:
        """Name one more rule that bound a mention to this entity, or re-bound it, after the
        rule that found it ("kb-alias+full-name-first"): the proposal's ``rule`` shows it."""
        if rule and rule not in self.rule.split("+"):
            self.rule = f"{self.rule}+{rule}" if self.rule else rule


@dataclass
class Mention:
    start: int
    end: int
    key: str
    surface: str
    how: str = "name"  # name | short | definite | pronoun | metonym | role
    sentence: int = -1
    in_quote: bool = False
    locative: bool = False
    source: bool = False  # cited as a source ("according to X", "X reported")
    # Names the sides of a thing or where a place is, not an actor ("the A-B war", "the
    # capital of A"): a state named only so is not proposed as an actor unless an encounter
    # or a quote takes it.
    modifier: bool = False
    # The rule that bound this mention to its entity when it is not the one that found the
    # entity: a coreference rule ("full-name-first"), or one that kept it off a KB namesake.
    rule: str = ""


@dataclass
class Analysis:
    entities: dict[str, Entity]
    mentions: list[Mention]
    subjects: dict[int, str]  # sentence index -> key of its first person/org/state subject

    def add_entity(
        self,
        key: str,
        kind: str,
        name: str,
        *,
        span: tuple[int, int],
        surface: str,
        how: str = "name",
        sentence: int = -1,
        in_quote: bool = False,
        source: bool = False,
        bound_by: str = "",
        **fields,
    ) -> Entity:
        """The one way for a later stage to add an entity, or a mention of one it knows:
        the entity under ``key`` (created from ``kind``, ``name`` and ``fields`` - rule,
        confidence, country, ... - when new) gets the mention of ``surface`` at ``span``
        (``how``, ``sentence``, ``in_quote`` and ``source`` as in ``Mention``), which is
        appended last to ``mentions`` (a stage that needs them in order sorts). ``bound_by``
        names the rule that made this mention the entity's (the mention's ``rule``, and
        one more of the entity's when it is not the rule that found it)."""
        ent = self.entities.get(key)
        if ent is None:
            ent = Entity(key=key, kind=kind, name=name, **fields)
            self.entities[key] = ent
        start, end = span
        if how in ("name", "short", "metonym") and surface not in ent.surfaces:
            ent.surfaces.append(surface)
        ent.spans.append(span)
        ent.first = min(ent.first, start)
        ent.add_rule(bound_by)
        self.mentions.append(
            Mention(start, end, key, surface, how, sentence, in_quote, source=source, rule=bound_by)
        )
        return ent


_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*) $")
_WORD_AFTER = re.compile(r"^ ([A-Za-z][\w'’-]*)")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """True when capitalised words run on around a match ("National [Security Council]
    Secretariat"): then the match is part of another name."""
    before = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    if before:
        word = before.group(1)
        if (
            word[:1].isupper()
            and word.lower() not in STOP_CAPS
            and (word.lower() not in lexicon.TITLE_WORDS or word.lower() in ("national", "central"))
        ):
            return True
    after = _WORD_AFTER.match(text[end : end + 30])
    if after:
        word = after.group(1)
        if (
            word[:1].isupper()
            and word.lower() not in lexicon.TITLE_HEADS
            and (word.lower() not in STOP_CAPS)
        ):
            return True
    return False


_FORMER = re.compile(r"\b(?:former|ex|late|then|previous|past|outgoing|incoming)[\s-]+$", re.I)
_APPOSED_NAME = re.compile(r"^,?\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+)")


def _role_of_another(text: str, start: int, end: int, actor) -> bool:
    """Rule "role-of-another": a role alias ("the French president") is its holder on the
    article's date, except when the text says it is someone else - "the former French
    president", "the then French president", or a name in apposition that is not the
    holder's ("the French president, Jacques Dupont, said")."""
    if _FORMER.search(text[max(0, start - 12) : start]):
        return True
    named = _APPOSED_NAME.match(text[end : end + 60])
    if named and actor is not None:
        own = set(normalize(actor.name).split())
        words = set(normalize(named.group(1)).split())
        return not own & words
    return False


def _given_name_match(word: str, name_tokens: list[str]) -> bool:
    """ "Sergei" for a KB "Sergey": the same given name in another spelling."""
    return any(
        word == t or (len(word) >= 4 and len(t) >= 4 and word[:4] == t[:4]) for t in name_tokens
    )


def _surname_of_another(text: str, start: int, end: int, actor, kb=None, day=None) -> str:
    """Rule "surname-in-other-name": a KB person's one-word alias is another person's name
    part when a capitalised name word runs on next to it that is not the KB person's own
    ("Deputy spokesman Li Wenbin said" is not the premier Li Qiang; "Kim Yo Jong" is not
    Kim Jong Un; "Hunter Biden" is not Joe Biden). Titles, months and stop words do not
    count ("President Xi", "Xi on Monday"). The answer is the name of the rule that says so
    (this one or a contradicting office or country below), "" when none does."""
    if actor is None or actor.kind != "person":
        return ""
    own = normalize(actor.name).split()

    def name_word(word: str) -> bool:
        low = word.lower().rstrip(".")
        return (
            word[:1].isupper()
            and not word.isupper()
            and low not in STOP_CAPS
            and low not in MONTH_WORDS
            and low not in lexicon.TITLE_WORDS
            and low not in lexicon.TITLE_HEADS
            and low not in lexicon.HONORIFICS
            and low not in PARTICLES
            and low not in NOT_NAME_WORDS
        )

    after = _WORD_AFTER.match(text[end : end + 30])
    if after and not re.match(r"['’]s\b", text[end : end + 3]):
        word = after.group(1)
        if name_word(word) and not _given_name_match(normalize(word), own):
            return "surname-in-other-name"
    before = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    if before:
        word = before.group(1)
        if name_word(word) and not _given_name_match(normalize(word), own):
            return "surname-in-other-name"
    if _title_of_another(text[max(0, start - 60) : start], actor):
        return "surname-after-other-office"
    if _apposed_office_of_another(text[end : end + 60], actor):
        return "surname-before-other-office"
    if _office_on_the_day_of_another(text[max(0, start - 60) : start], actor, day):
        return "surname-in-other-office-that-day"
    if kb is not None and _country_of_another(text[max(0, start - 60) : start], actor, kb):
        return "surname-of-other-country"
    return ""


# Offices that a head of state or minister known by the same surname does not hold: a bare
# surname after one of them ("Deputy spokesman Moon said") names somebody else.
_MINOR_OFFICES = {
    "spokesman", "spokeswoman", "spokesperson", "deputy", "vice", "ambassador", "envoy",
    "aide", "adviser", "advisor", "official", "diplomat", "lawmaker", "senator", "governor",
    "mayor", "colonel", "general", "admiral", "lieutenant", "major", "consul", "director",
    "commissioner", "delegate", "negotiator", "representative",
}  # fmt: skip
_TITLE_RUN = re.compile(r"((?:[A-Za-z-]+\.?\s+){1,4})$")


def _title_of_another(before: str, actor) -> bool:
    """Rule "surname-after-other-office": the title right before a bare surname is an office
    the KB person never held ("Deputy spokesman Moon said" is not President Moon)."""
    if not actor.positions:
        return False
    run = _TITLE_RUN.search(before)
    if not run:
        return False
    words = []
    for word in reversed(run.group(1).lower().replace(".", " ").split()):
        if word not in lexicon.TITLE_WORDS and word not in lexicon.TITLE_HEADS:
            break
        words.append(word)
    offices = {w.split("-")[0] for w in words} & _MINOR_OFFICES
    if not offices:
        return False
    held = {t for p in actor.positions for t in re.findall(r"[a-z]+", p.title.lower())}
    return not offices & held


# Heads of an office title, and the other words the same office goes by.
_OFFICE_HEADS = {
    "president": {"president", "head of state"}, "premier": {"premier", "prime"},
    "prime": {"premier", "prime"}, "chancellor": {"chancellor"}, "minister": {"minister"},
    "secretary": {"secretary", "minister"}, "king": {"king", "monarch"}, "queen": {"queen"},
    "emir": {"emir", "amir"}, "sultan": {"sultan"}, "governor": {"governor"},
    "mayor": {"mayor"}, "speaker": {"speaker"}, "ambassador": {"ambassador", "envoy"},
}  # fmt: skip


def _office_on_the_day_of_another(before: str, actor, day) -> bool:
    """Rule "surname-in-other-office-that-day": "Prime Minister Park said" is not Park the
    president when the KB has him president on the article's date. Only an office held on
    that day can contradict the title: positions the KB does not know never do."""
    if day is None or not actor.positions:
        return False
    held = [p.title.lower() for p in actor.positions if p.held_on(day)]
    if not held:
        return False
    words = before.lower().replace(".", " ").split()[-4:]
    k = len(words)
    while k > 0 and words[k - 1] in _TITLE_ANY:
        k -= 1
    heads = [w for w in words[k:] if w in _OFFICE_HEADS]
    if not heads:
        return False
    head = heads[0] if heads[0] == "prime" else heads[-1]
    return not any(alt in title for alt in _OFFICE_HEADS[head] for title in held)


_APPOSED_OFFICE = re.compile(r"^,\s+(?:a|an|the|his|her|its|their)\s+([^,.;:]{3,50})")


def _apposed_office_of_another(after: str, actor) -> bool:
    """Rule "surname-before-other-office": "Park, a deputy spokesman, said" - an apposed
    office the KB person never held makes the bare surname somebody else's."""
    m = _APPOSED_OFFICE.match(after)
    if not m or not actor.positions:
        return False
    words = {w.split("-")[0] for w in re.findall(r"[a-z-]+", m.group(1).lower())}
    offices = words & _MINOR_OFFICES
    if not offices:
        return False
    held = {t for p in actor.positions for t in re.findall(r"[a-z]+", p.title.lower())}
    return not offices & held


_TITLE_ANY = lexicon.TITLE_WORDS | lexicon.TITLE_HEADS


def _country_of_another(before: str, actor, kb: KnowledgeBase) -> bool:
    """Rule "surname-of-other-country": "Japanese Foreign Minister Park said" is not the
    Korean President Park: the country that opens the title is not the KB person's."""
    if not actor.country:
        return False
    words = re.split(r"\s+", before.rstrip())[-7:]
    k = len(words)
    while k > 0 and words[k - 1].lower().rstrip(".") in _TITLE_ANY:
        k -= 1
    if k == len(words) or k == 0:
        return False
    for size in (1, 2, 3):
        if k - size < 0:
            break
        phrase = re.sub(r"['’]s$", "", " ".join(words[k - size : k]))
        if not phrase[:1].isupper():
            break
        code = _code(kb, phrase)
        if code:
            return code != actor.country
    return False


_BARE_MINISTRY = re.compile(
    r"\b[Tt]he (?P<body>(?:foreign|defen[cs]e|interior|home|external affairs|foreign affairs)"
    r" ministry)(?=\s+(?:said|says|announced|stated|added|noted|stressed|confirmed|denied|"
    r"spokes\w+|in a statement)\b)"
)
_SURNAME_CONTEXT = re.compile(r"\b[A-Z][a-z]+\.? $")

_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|az)-[A-Z]")


def _cap(word: str) -> bool:
    if not word:
        return False
    if word[0].isupper():
        return True
    return word[0] in "ae" and bool(_ARABIC_ARTICLE.match(word))


class _Builder:
    def __init__(self, text, kb: KnowledgeBase, sentences: list[Sentence], quotes, day, dateline):
        self.text = text
        self.kb = kb
        self.sentences = sentences
        self.sent_starts = [s.start for s in sentences]
        self.quotes = quotes
        self.day = day
        self.dateline = dateline
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.toks = tokens(text)
        self.tok_starts = [t.start for t in self.toks]
        self.sent_of_tok = self._sentence_index()
        self.covered: dict[int, tuple[int, int, object]] = {}  # token index -> kb hit
        # KB links a named rule refused, (start, rule) by end: the entity the same words
        # ("Park", "Mr. Park") are found to name instead carries that rule's name.
        self.refused: dict[int, tuple[int, str]] = {}
        # Characters inside a mention added so far (add_mention keeps it): "is this offset
        # already named?" in constant time instead of a scan of every mention.
        self.named = bytearray(len(text) + 1)
        # Quote spans by start, with the furthest end so far: "inside a quote?" by bisection.
        ordered = sorted(quotes, key=lambda q: q.start)
        self.quote_starts = [q.start for q in ordered]
        self.quote_reach: list[int] = []
        for q in ordered:
            self.quote_reach.append(max(q.end, self.quote_reach[-1] if self.quote_reach else 0))

    # -- helpers -------------------------------------------------------------------------
    def _sentence_index(self) -> list[int]:
        """The sentence index of each token: a token belongs to the first sentence that
        ends after its start (the last sentence takes the rest), found by bisection per
        sentence instead of a step per token."""
        if not self.sentences:
            return [0] * len(self.toks)
        out: list[int] = []
        done = 0
        for sent in self.sentences[:-1]:
            upto = bisect_left(self.tok_starts, sent.end, done)
            out.extend([sent.index] * (upto - done))
            done = upto
        out.extend([self.sentences[-1].index] * (len(self.toks) - done))
        return out

    def sentence_at(self, offset: int) -> int:
        i = bisect_right(self.sent_starts, offset) - 1
        if 0 <= i < len(self.sentences) and offset < self.sentences[i].end:
            return self.sentences[i].index
        return -1

    def in_quote(self, start: int, end: int) -> bool:
        i = bisect_right(self.quote_starts, start) - 1
        return i >= 0 and self.quote_reach[i] >= end

    def is_named(self, offset: int) -> bool:
        """True when a mention added so far covers ``offset``."""
        return bool(self.named[offset]) if 0 <= offset < len(self.named) else False

    def in_dateline(self, start: int) -> bool:
        span = self.dateline.span
        return bool(span) and span[0] <= start < span[1]

    def entity(self, key, kind, name, country=None, **kw) -> Entity:
        ent = self.entities.get(key)
        if ent is None:
            ent = Entity(key=key, kind=kind, name=name, country=country, **kw)
            self.entities[key] = ent
        else:
            if country and not ent.country:
                ent.country = country
            if kw.get("title") and not ent.title:
                ent.title = kw["title"]
            if kw.get("media"):
                ent.media = True
        return ent

    def add_mention(self, ent: Entity, start: int, end: int, how="name", **kw) -> Mention:
        """A mention of ``ent``; ``rule`` (in ``kw``) names the rule that bound it when that
        is not the one that found the entity, and goes into the entity's rule too."""
        surface = self.text[start:end]
        rule = kw.pop("rule", "")
        if not rule and end in self.refused and start <= self.refused[end][0]:
            rule = self.refused[end][1]
        if rule:
            ent.add_rule(rule)
        m = Mention(
            start,
            end,
            ent.key,
            surface,
            how,
            self.sentence_at(start),
            self.in_quote(start, end),
            rule=rule,
            **kw,
        )
        self.mentions.append(m)
        if end > start:
            self.named[start:end] = b"\x01" * (end - start)
        if how in ("name", "short", "metonym") and surface not in ent.surfaces:
            ent.surfaces.append(surface)
        ent.spans.append((start, end))
        ent.first = min(ent.first, start)
        return m

    def state(self, code: str) -> Entity:
        if not code:
            raise ValueError("state without a country code")
        actor = self.kb.state_actor(code)
        country = self.kb.country(code)
        name = actor.name if actor else (country.name if country else code)
        return self.entity(
            f"state:{code}",
            "state",
            name,
            code,
            actor_id=actor.id if actor else None,
            rule="state",
            confidence=0.95,
        )

    def tok_index_at(self, offset: int) -> int | None:
        i = bisect_right(self.tok_starts, offset) - 1
        if 0 <= i < len(self.toks) and self.toks[i].start <= offset < self.toks[i].end:
            return i
        return None

    # -- stage 1: knowledge-base and reference matches -----------------------------------
    def kb_matches(self) -> list[tuple[int, int, list]]:
        norm, offsets = normalize_with_map(self.text)
        entries = self.kb.entries()
        hits = []
        for s, e, key in self.kb.find(norm):
            start, end = offsets[s], offsets[e - 1] + 1
            surface = self.text[start:end]
            good = []
            for entry in entries[key]:
                alias = entry.alias
                is_role = bool(alias and alias.is_role)
                if is_role:
                    holder = self.kb.actor(entry.actor_id)
                    if holder is None or not holder.holds_role_on(alias, self.day):
                        continue
                    if _role_of_another(self.text, start, end, holder):
                        self.refused.setdefault(end, (start, "role-of-another"))
                        continue
                elif not surface[:1].isupper() and not surface[:1].isdigit():
                    continue
                compact = _letters(entry.surface)
                acronym = compact.isupper() and len(compact) <= 5 and not is_role
                if acronym and _letters(surface) != compact:
                    continue
                if alias and alias.valid_to and self.day and not alias.valid_on(self.day):
                    continue
                if entry.actor_id is not None and self.kb.is_rejected(surface, entry.actor_id):
                    continue
                if entry.actor_id is not None and not is_role and " " not in surface:
                    refused = _surname_of_another(
                        self.text, start, end, self.kb.actor(entry.actor_id), self.kb, self.day
                    )
                    if refused:  # "Li Wenbin", "Hunter Biden": a namesake, not the KB person
                        self.refused.setdefault(end, (start, refused))
                        continue
                if (
                    entry.ref_kind in ("media", "org", "intl")
                    and " " in surface
                    and not compact_upper(surface)
                    and _inside_longer_name(self.text, start, end)
                ):
                    continue  # "National Security Council Secretariat" is not "Security Council"
                if (
                    entry.ref_kind == "media"
                    and " " not in surface
                    and not surface.isupper()
                    and _SURNAME_CONTEXT.search(self.text[max(0, start - 25) : start])
                ):
                    continue  # "Michael Bloomberg": a surname, not the outlet
                good.append(entry)
            if good:
                hits.append((start, end, good))
        # Longest first, no overlaps: characters already taken are marked, so the check is
        # linear in the text (an all-pairs check took seconds on a 300 KB text).
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        chosen: list[tuple[int, int, list]] = []
        taken = bytearray(len(self.text) + 1)
        for h in hits:
            if not any(taken[h[0] : h[1]]):
                chosen.append(h)
                taken[h[0] : h[1]] = b"\x01" * (h[1] - h[0])
        chosen.sort()
        for s, e, good in chosen:
            first = max(0, bisect_right(self.tok_starts, s) - 1)
            for ti in range(first, len(self.toks)):
                t = self.toks[ti]
                if t.start >= e:
                    break
                if t.start >= s and t.end <= e:
                    self.covered[ti] = (s, e, good)
                elif t.start < s < t.end or t.start < e < t.end:
                    # A hit inside a longer token ("Russian-Chinese"): still mark it.
                    self.covered.setdefault(ti, (s, e, good))
        return chosen

    # -- stage 2: capitalised runs ----------------------------------------------------------
    def runs(self) -> list[list[int]]:
        """Token indices of capitalised runs, broken by punctuation and lower-case words."""
        runs: list[list[int]] = []
        cur: list[int] = []
        toks = self.toks
        for i, t in enumerate(toks):
            word = t.text
            first = word[0]
            if not cur and first.islower() and first not in "ae" and word not in PARTICLES:
                continue  # most words: lower case, outside a run (the checks below say no)
            joinable = False
            if cur:
                prev = toks[cur[-1]]
                gap = self.text[prev.end : t.start]
                if prev.possessive:
                    joinable = False
                elif (
                    gap == " "
                    or gap == "\u00a0"
                    or gap in (". ", ".\u00a0")
                    and (
                        (len(prev.text) == 1 and prev.text.isupper())
                        or prev.text.lower()
                        in {
                            "mr",
                            "mrs",
                            "ms",
                            "dr",
                            "prof",
                            "h.e",
                            "st",
                            "gen",
                            "lt",
                            "col",
                            "sen",
                            "rep",
                            "hon",
                            "jr",
                            "sr",
                            "sta",  # "Jose Sta. Romana": Santa, part of the name
                            "sto",
                        }
                    )
                ):
                    joinable = True
                if self.sent_of_tok[cur[-1]] != self.sent_of_tok[i]:
                    joinable = False
            is_cap = _cap(word) and (
                word.lower() not in MONTH_WORDS or (cur and joinable and self._month_surname(i))
            )
            is_particle = (
                word in PARTICLES
                and i + 1 < len(toks)
                and (
                    _cap(toks[i + 1].text)
                    or (  # "von der Leyen", "de la Cruz"
                        toks[i + 1].text in PARTICLES
                        and i + 2 < len(toks)
                        and _cap(toks[i + 2].text)
                    )
                )
            )
            if cur and joinable and (is_cap or is_particle):
                cur.append(i)
                continue
            if cur:
                runs.append(cur)
                cur = []
            if is_cap or (
                is_particle and i > 0 and toks[i - 1].text.lower() in lexicon.TITLE_WORDS
            ):  # noqa: E501
                cur = [i]
        if cur:
            runs.append(cur)
        return runs

    def _month_surname(self, i: int) -> bool:
        """Rule "month-as-surname": "Foreign Minister Ada May said", "Ms May" - a month's name
        right after a given name or a courtesy title, and no number on either side, is a
        family name ("Ada May on Sunday"), not a date ("Vera on 3 May", "Lima May 3")."""
        toks, word = self.toks, self.toks[i].text
        if word.lower() not in _MONTH_NAMES:
            return False
        prev = toks[i - 1].text
        low = prev.lower().rstrip(".")
        if not (
            low in lexicon.COURTESY_TITLES
            or (
                _cap(prev)
                and low not in MONTH_WORDS
                and low not in STOP_CAPS
                and low not in lexicon.TITLE_WORDS
                and low not in lexicon.TITLE_HEADS
                and low not in NOT_NAME_WORDS
                and not self.covered.get(i - 1)
            )
        ):
            return False
        after = self.text[toks[i].end : toks[i].end + 8]
        before = self.text[max(0, toks[i - 1].start - 6) : toks[i - 1].start]
        return not re.match(r"^,?\s*\d", after) and not re.search(r"\d\W*$", before)

    # -- helpers for classifying words -----------------------------------------------------
    def is_title_tok(self, i: int) -> bool:
        w = self.toks[i].text.lower().rstrip(".")
        return w in lexicon.TITLE_WORDS or w in lexicon.TITLE_HEADS

    def is_hon_tok(self, i: int) -> bool:
        w = self.toks[i].text.lower().rstrip(".")
        return w in lexicon.STRICT_HONORIFICS

    def kb_kind(self, i: int) -> str:
        hit = self.covered.get(i)
        if not hit:
            return ""
        entries = hit[2]
        for kind in ("name", "alias", "demonym", "capital", "media", "org", "intl"):
            if any(e.ref_kind == kind for e in entries):
                return kind
        for e in entries:
            actor = self.kb.actor(e.actor_id)
            if actor is not None and actor.kind == "state":
                return "alias"
        return "actor"

    def kb_country(self, i: int) -> str | None:
        hit = self.covered.get(i)
        if not hit:
            return None
        for e in hit[2]:
            if e.ref_kind in ("name", "alias", "demonym", "capital"):
                return e.country
        for e in hit[2]:
            actor = self.kb.actor(e.actor_id)
            if actor is not None and actor.kind == "state":
                return actor.country
        return None


class _PersonTokens:
    """The people named so far, for resolving a short form: each person's name tokens (a
    token after "bin", "ibn", ... is not one) and its surfaces' tokens, kept per entity and
    indexed by word, so that a lookup reads only the people who share a wanted word instead
    of re-normalising every person. Entities and mentions only grow while short forms are
    resolved: each lookup first reads the entities and mentions added since the last one
    (a person whose name or number of surfaces changed is read again)."""

    def __init__(self, b: _Builder):
        self.b = b
        self.seen_entities = 0
        self.seen_mentions = 0
        self.tokens: dict[str, tuple[str, int, list[str], set[str]]] = {}
        self.by_word: dict[str, dict[str, Entity]] = {}

    def _read(self, ent: Entity) -> None:
        if ent.kind != "person":
            return
        known = self.tokens.get(ent.key)
        if known is not None and known[0] == ent.name and known[1] == len(ent.surfaces):
            return
        raw = normalize(ent.name).split()
        name_toks = [
            t
            for k, t in enumerate(raw)
            if k == 0 or raw[k - 1] not in ("bin", "ibn", "bint", "ben", "abu")
        ]
        alias_toks = {t for s_ in ent.surfaces for t in normalize(s_).split()}
        alias_toks -= set(raw) - set(name_toks)
        self.tokens[ent.key] = (ent.name, len(ent.surfaces), name_toks, alias_toks)
        for t in (*name_toks, *alias_toks):
            self.by_word.setdefault(t, {})[ent.key] = ent

    def _catch_up(self) -> None:
        entities, mentions = self.b.entities, self.b.mentions
        if len(entities) < self.seen_entities or len(mentions) < self.seen_mentions:
            # Not only grown: read everything again.
            self.seen_entities = self.seen_mentions = 0
            self.tokens.clear()
            self.by_word.clear()
        if len(entities) > self.seen_entities:
            for ent in islice(entities.values(), self.seen_entities, None):
                self._read(ent)
            self.seen_entities = len(entities)
        for m in islice(mentions, self.seen_mentions, None):
            ent = entities.get(m.key)
            if ent is not None:
                self._read(ent)
        self.seen_mentions = len(mentions)

    def candidates(self, wanted: list[str]) -> list[Entity]:
        """The people whose name or surfaces hold every wanted word and whose name has at
        least as many tokens as there are wanted words."""
        self._catch_up()
        out = []
        for ent in list(self.by_word.get(wanted[0], {}).values()):
            self._read(ent)  # cheap when unchanged
            _, _, name_toks, alias_toks = self.tokens[ent.key]
            if all(w in name_toks or w in alias_toks for w in wanted) and len(name_toks) >= len(
                wanted
            ):
                out.append(ent)
        return out


def analyze(doc: Document, kb: KnowledgeBase) -> Analysis:
    """Every mention of a person, organisation or state in the document, and its entities.

    The stages run in this order, each adding to the builder: known aliases, organisations
    and people from capitalised runs, short forms, sources, countries, then definite
    descriptions and pronouns."""
    b = _Builder(doc.text, kb, doc.sentences, doc.quote_spans, doc.anchor, doc.dateline)
    hits = b.kb_matches()
    runs = b.runs()
    suppressed_spans = _Spans(_suppressed_spans(b, runs))
    person_hits = _known_aliases(b, hits, suppressed_spans)
    _country_head_orgs(b, hits)
    _government_of(b)
    pending_people = _capitalised_runs(b, runs)
    _surname_then_given_name(b, person_hits, pending_people)
    _full_names(b, pending_people)
    people_tokens = _PersonTokens(b)
    _short_forms(b, pending_people, people_tokens)
    _month_surname_short_forms(b)
    _bare_surnames(b, person_hits, people_tokens)
    _source_orgs(b)
    _bare_ministries(b)
    _dateline_agency(b)
    _people_countries(b)
    _definites_and_pronouns(b)
    b.mentions.sort(key=lambda m: (m.start, -m.end))
    _country_pair_modifiers(b)
    _capital_of_country(b)
    subjects = _subjects(b)
    _resolve_pronouns(b, subjects)
    return Analysis(b.entities, b.mentions, subjects)


def _suppressed_spans(b: _Builder, runs: list[list[int]]) -> list[tuple[int, int]]:
    """Runs that name a place or an event: their inner country names are not states."""
    toks = b.toks
    suppressed_spans: list[tuple[int, int]] = []
    for run in runs:
        lowered_run = [toks[i].text.lower() for i in run]
        non_org = [k for k, w in enumerate(lowered_run) if w in lexicon.NON_ORG_RUN_WORDS]
        heads = [k for k, w in enumerate(lowered_run) if w in lexicon.ORG_HEADS]
        if non_org and not (heads and heads[-1] > non_org[-1]):
            suppressed_spans.append((toks[run[0]].start, toks[run[-1]].end))
        # "Northern Ireland", "South Sudan" is its own entry; "Northern X" is a region of X.
        for k in range(1, len(run)):
            if (
                lowered_run[k - 1] in REGION_ADJECTIVES
                and not b.covered.get(run[k - 1])
                and b.kb_kind(run[k]) in ("name", "alias")
            ):
                suppressed_spans.append((toks[run[k - 1]].start, toks[run[k]].end))
    return suppressed_spans


class _Spans:
    """Spans asked "does one of you hold (s, e)?" in a bisection: sorted by start, with the
    furthest end among the spans starting at or before each (a scan of every span grew
    with spans x aliases on a long text)."""

    __slots__ = ("furthest", "starts")

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.furthest = list(accumulate((z for _, z in ordered), max))

    def holds(self, s: int, e: int) -> bool:
        i = bisect_right(self.starts, s) - 1
        return i >= 0 and self.furthest[i] >= e


def _suppressed(spans: _Spans, s: int, e: int) -> bool:
    return spans.holds(s, e)


def _known_aliases(b: _Builder, hits, suppressed_spans: _Spans) -> list[tuple[int, int, list]]:
    """Known aliases: states, organisations and people linked to the knowledge base; bare
    surnames and ambiguous aliases are returned, to be resolved after the full names."""
    text, dateline, kb, toks = b.text, b.dateline, b.kb, b.toks
    person_hits: list[tuple[int, int, list]] = []
    for s, e, good in hits:
        if b.in_dateline(s):
            agency = dateline.agency_span
            if not (agency and agency[0] <= s < agency[1] + 1):
                continue
        actor_entries = [g for g in good if g.actor_id is not None]
        if actor_entries and not any(
            (kb.actor(g.actor_id) or _NOACTOR).kind == "state" for g in actor_entries
        ):
            ids = {str(g.actor_id) for g in actor_entries}
            if len(ids) > 1:
                person_hits.append((s, e, actor_entries))  # ambiguous: resolved later
                continue
            actor = kb.actor(actor_entries[0].actor_id)
            if actor is None:
                continue
            if actor.kind == "person" and len(normalize(b.text[s:e]).split()) == 1:
                person_hits.append((s, e, actor_entries))  # a bare surname: resolved later
                continue
            ent = b.entity(
                f"kb:{actor.id}",
                actor.kind,
                actor.name,
                actor.country,
                actor_id=actor.id,
                rule="kb-alias",
                confidence=0.9,
            )
            how = "role" if actor_entries[0].alias and actor_entries[0].alias.is_role else "name"
            # Rule "role-alias-on-date": "the Russian president" is who held the office on
            # the article's date (kb_matches keeps only that holder's alias).
            b.add_mention(ent, s, e, how, rule="role-alias-on-date" if how == "role" else "")
            if how == "role":
                # "Russia's president": the state is named too.
                pm = re.match(r"^(?:the\s+)?(.+?)['’]s\b", text[s:e], re.I)
                code = _code(b.kb, pm.group(1)) if pm else None
                if code and is_country_name(b.kb, pm.group(1)):
                    start = s + pm.start(1)
                    b.add_mention(b.state(code), start, start + len(pm.group(1)))
            if actor.kind == "person" and how == "name" and not ent.title:
                # The office as written before the name ("Russian President ..."), so that
                # "the Russian president" later in the text finds this person.
                first = b.tok_index_at(s)
                if first is not None:
                    last = first
                    while last + 1 < len(toks) and toks[last + 1].end <= e:
                        last += 1
                    _ev, title, _country = _person_evidence(b, list(range(first, last + 1)), [])
                    ent.title = title
            continue
        states = [kb.actor(g.actor_id) for g in actor_entries]
        surface = text[s:e]
        compact = re.sub(r"[^A-Za-z]", "", surface)
        # "US Secretary of State", "UK Prime Minister": an adjective, not the state.
        nxt_word = re.match(r"^\.?\s+([A-Za-z-]+)", text[e : e + 30])
        adjective = bool(nxt_word) and (
            (
                nxt_word.group(1)[:1].isupper()
                and nxt_word.group(1) not in ("The", "In", "It", "He", "She", "They", "And")
            )
            or nxt_word.group(1).lower() in lexicon.TITLE_HEADS
            or nxt_word.group(1).lower() in ("officials", "forces", "troops", "envoy", "side")
        )
        if adjective and compact.isupper() and any(g.ref_kind == "demonym" for g in good):
            continue
        if states and not any(g.ref_kind for g in good):
            if _suppressed(suppressed_spans, s, e):
                continue
            b.add_mention(b.state(states[0].country.upper()), s, e)
            continue
        entry = next((g for g in good if g.ref_kind), good[0])
        if entry.ref_kind in ("media", "org", "intl"):
            kind = "organization"
            ent = b.entity(
                f"org:{normalize(entry.canonical)}",
                kind,
                entry.canonical,
                entry.country,
                rule=f"builtin-{entry.ref_kind}",
                confidence=0.85,
                media=entry.ref_kind == "media",
            )
            b.add_mention(ent, s, e)
            continue
        if _suppressed(suppressed_spans, s, e):
            continue
        if entry.ref_kind in ("name", "alias"):
            code, s = _official_name(b, s, e, entry.country)
            ent = b.state(code)
            b.add_mention(ent, s, e)
        elif entry.ref_kind == "capital":
            prev = re.search(r"(\w+)\W*$", b.text[max(0, s - 25) : s])
            prev_word = prev.group(1).lower() if prev else ""
            after = b.text[e : e + 30]
            locative = prev_word in LOCATIVE_PREPS
            metonym = not locative and (
                bool(_METONYM_VERBS.match(after))
                or prev_word in ("between", "against", "and", "with")
            )
            if after.startswith((",", " ,")) and prev_word in LOCATIVE_PREPS:
                metonym = False
            if normalize(text[s:e]) in METONYM_NOT_STATE or _capital_before_name(b, e):
                metonym = False
            if metonym and not re.match(r"^\s*['’]s\s+[A-Z]", after):
                ent = b.state(entry.country)
                b.add_mention(ent, s, e, "metonym")
    return person_hits


def _country_head_orgs(b: _Builder, hits) -> None:
    """Organisations named with lower-case heads after a country ("Fiji's ministry of
    information", "the Chinese government")."""
    text = b.text
    for s, e, good in hits:
        entry = next((g for g in good if g.ref_kind in ("name", "alias", "demonym")), None)
        if entry is None:
            ti = b.tok_index_at(s)
            code = b.kb_country(ti) if ti is not None else None
            if code is None or b.kb_kind(ti) != "alias":
                continue
            entry = AliasRef(code)
        if b.in_dateline(s):
            continue
        m = ORG_LOWER_HEADS.match(text[e : e + 60])
        if not m:
            continue
        head_end = e + m.end()
        head = m.group("head").lower()
        if m.group("head")[:1].isupper():
            # "Ministry of Foreign Affairs": a capitalised head takes its capitalised complement.
            ext = re.match(r"^(?:\s+(?:and\s+)?[A-Z][\w'-]*)+", text[head_end : head_end + 60])
            if head.startswith("ministry of") and ext:
                head_end += ext.end()
        start = s
        if head == "government":
            if not _AFTER_ORG_OK.match(text[head_end:]):
                continue
            ent = b.state(entry.country)
            b.add_mention(ent, start, head_end, "name")
            continue
        if head in ("military", "army", "navy", "police") and not _AFTER_ORG_OK.match(
            text[head_end:]
        ):
            continue
        surface = text[start:head_end]
        if re.match(r"^[A-Z]", surface) is None:
            continue
        ent = b.entity(
            f"org:{normalize(surface)}",
            "organization",
            surface,
            entry.country,
            rule="org-country-head",
            confidence=0.7,
        )
        b.add_mention(ent, start, head_end)


_GOVERNMENT_OF = re.compile(r"\b[Gg]overnment of (?:the )?")


def _government_of(b: _Builder) -> None:
    """ "the Government of Japan", "the government of Kazakhstan": the state."""
    text = b.text
    if "overnment of" not in text:
        return  # the scan below costs as much as a stage: most texts never say it
    for m in _GOVERNMENT_OF.finditer(text):
        ti = b.tok_index_at(m.end())
        if ti is not None and b.kb_kind(ti) in ("name", "alias") and b.kb_country(ti):
            hit = b.covered[ti]
            ent = b.state(b.kb_country(ti))
            b.add_mention(ent, m.start(), hit[1], "name")


_STYLE_AT_END = re.compile(r"\s+([A-Z][a-z]+)\.?$")


def _without_trailing_style(text: str, s: int, e: int) -> int:
    """Rule "style-ends-body": "the Standing Committee of the National Assembly Mr. Li" - an
    honorific after the body's "of ..." tail opens the next name."""
    while (m := _STYLE_AT_END.search(text, s, e)) and m.start() > s:
        if m.group(1).lower() not in lexicon.COURTESY_TITLES:
            break
        e = m.start()
    return e


_ASSEMBLY_HEADS = {"council", "commission", "committee", "assembly", "court", "bank", "fund"}
_COORDINATED_BEFORE = re.compile(r"\b(?:the|of)\s+((?:[A-Z][a-z]+\s+){1,2})and\s+$")


def _coordinated_modifiers_before(b: _Builder, s: int, head: str) -> int:
    """Rule "coordinated-body-name": "the Economic and Social Council", "the Central Finance
    and Planning Commission" - capitalised words and "and" before a deliberative body's
    name belong to it (the capitalised run broke at the lower-case "and")."""
    if head not in _ASSEMBLY_HEADS:
        return s
    m = _COORDINATED_BEFORE.search(b.text, max(0, s - 60), s)
    if m is None:
        return s
    start = m.start(1)
    for word in re.finditer(r"[A-Z][a-z]+", m.group(1)):
        ti = b.tok_index_at(start + word.start())
        if ti is None or b.covered.get(ti) or word.group().lower() in lexicon.TITLE_HEADS:
            return s
    return start


def _name_between_title_and_name(b: _Builder, run: list[int], pos: int) -> bool:
    """Rule "org-word-as-given-name": "President Duma Boko" - a word that heads bodies,
    between a title and a name word, is a given name."""
    if pos == 0 or pos + 1 >= len(run) or not b.is_title_tok(run[pos - 1]):
        return False
    nxt = b.toks[run[pos + 1]].text.lower()
    return (
        nxt not in lexicon.ORG_HEADS
        and nxt not in lexicon.TITLE_WORDS
        and nxt not in lexicon.TITLE_HEADS
        and not b.covered.get(run[pos + 1])
    )


def _capitalised_runs(b: _Builder, runs: list[list[int]]) -> list[tuple]:
    """Organisations and people from capitalised runs: each run's organisation heads, then
    the person named by its tail (pending until the full names are settled)."""
    toks = b.toks
    pending_people: list[tuple[int, int, list[int], str, str | None, float, str]] = []
    for run in runs:
        run_text_words = [toks[i].text for i in run]
        lowered = [w.lower() for w in run_text_words]
        if b.in_dateline(toks[run[0]].start):
            continue
        non_org = [k for k, w in enumerate(lowered) if w in lexicon.NON_ORG_RUN_WORDS]
        heads = [k for k, w in enumerate(lowered) if w in lexicon.ORG_HEADS]
        if non_org and heads and heads[-1] > non_org[-1]:
            non_org = []  # "... Treaty Organization": the head word decides
        if non_org:
            # "Makkah Region Prince Saud ...": only what follows the place/event name counts.
            cut = non_org[-1]
            run = run[cut + 1 :]
            lowered = lowered[cut + 1 :]
            if not run or not any(b.is_title_tok(i) or b.is_hon_tok(i) for i in run):
                continue
        org_done_until = _run_organisations(b, run, lowered)
        person = _run_person(b, run, lowered, org_done_until)
        if person is not None:
            pending_people.append(person)
    return pending_people


def _run_organisations(b: _Builder, run: list[int], lowered: list[str]) -> int:
    """Organisation: a head word; name = capitalised words before it (and "of X" after).
    Returns the position in the run of the last head that named one (-1 for none)."""
    org_done_until = -1
    for pos, i in enumerate(run):
        w = lowered[pos]
        if b.covered.get(i) and b.kb_kind(i) not in ("demonym", "name", "alias", "capital"):
            continue
        if (w in lexicon.ORG_HEADS or w in lexicon.STANDALONE_ORGS) and not (
            _name_between_title_and_name(b, run, pos)
        ):
            if pos + 1 < len(run) and lowered[pos + 1] in lexicon.ORG_HEADS:
                continue  # "Press Office", "News Agency": the last head names the body
            if _run_organisation_at(b, run, lowered, pos):
                org_done_until = pos
    return org_done_until


def _run_organisation_at(b: _Builder, run: list[int], lowered: list[str], pos: int) -> bool:
    """The organisation whose head word stands at ``pos`` of the run; True when added."""
    text, toks = b.text, b.toks
    i, w = run[pos], lowered[pos]
    start_pos = pos
    while start_pos > 0:
        prev_i = run[start_pos - 1]
        pw = lowered[start_pos - 1]
        if b.is_hon_tok(prev_i) or pw in ("the",):
            break
        if b.kb_kind(prev_i) == "actor":
            break
        if pw in lexicon.TITLE_HEADS and pw not in ("press",):
            break
        start_pos -= 1
    org_tokens = run[start_pos : pos + 1]
    while len(org_tokens) > 1 and toks[org_tokens[0]].text.lower() in ORG_STOP_CAPS:
        org_tokens = org_tokens[1:]
    has_name = any(
        not b.is_title_tok(j) or b.kb_kind(j) in ("demonym", "name", "alias")
        for j in org_tokens[:-1]
    )
    # "the Foreign Ministry", "the State Department": a government body of the
    # dateline's country (unknown without one).
    body = not has_name and w in ("ministry", "department", "office") and len(org_tokens) >= 2
    # "European Council", "National Assembly": a qualified deliberative body.
    assembly = (
        not has_name
        and w
        in (
            "council",
            "house",
            "commission",
            "assembly",
            "parliament",
            "union",
            "committee",
            "court",
            "senate",
            "congress",
        )
        and len(org_tokens) >= 2
    )
    # "the Department of Foreign Affairs": named by its complement.
    complement = w in ("ministry", "department", "office", "forces", "bank", "fund") and bool(
        re.match(r"^\s+of\s+(?:the\s+)?[A-Z]", text[toks[i].end : toks[i].end + 40])
    )
    # Rule "body-for-purpose": "the Council for Pacific Trade", "the Commission for Border
    # Affairs" - a deliberative body named by what it is for.
    purpose = w in ("council", "commission", "committee", "organisation", "organization") and bool(
        re.match(r"^\s+for\s+(?:the\s+)?[A-Z]", text[toks[i].end : toks[i].end + 40])
    )
    complement = complement or purpose
    body = body or (not has_name and complement)
    if not has_name and w not in lexicon.STANDALONE_ORGS and not (body or assembly):
        return False
    if any(b.kb_kind(j) in ("media", "org", "intl") for j in org_tokens):
        return False
    s, e = toks[org_tokens[0]].start, toks[org_tokens[-1]].end
    if any(
        om.start <= s and e <= om.end and b.entities[om.key].kind == "organization"
        for om in b.mentions
    ):
        return False  # already named ("Japan's Ministry of Foreign Affairs")
    if w == "government":
        return False
    ext = re.match(
        r"^\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'-]*)(?:\s+(?:and\s+)?[A-Z][\w'-]*)*",
        text[e : e + 80],
    )
    if ext and w in (
        "bank",
        "fund",
        "ministry",
        "department",
        "office",
        "committee",
        "commission",
        "council",
        "agency",
        "institute",
        "organisation",
        "organization",
        "authority",
        "court",
        "forces",
    ):
        tail_start = e + ext.end()
        ti = b.tok_index_at(tail_start - 1)
        country_tail = ti is not None and b.kb_kind(ti) in ("name", "alias")
        if not country_tail or w == "forces":
            e = tail_start  # "Armed Forces of Ukraine" is the body's own name
    e = _without_trailing_style(text, s, e)
    s = _coordinated_modifiers_before(b, s, w)
    surface = text[s:e]
    if is_country_name(b.kb, surface):
        return False  # rule "state-name-not-body": "the Russian Federation" is the state
    country = _body_country(b, org_tokens, s, e, body)
    if w in lexicon.STANDALONE_ORGS and len(org_tokens) == 1:
        key = f"org:{w}" if country is None else f"org:{w}:{country}"
    else:
        key = f"org:{normalize(surface)}"
    ent = b.entity(key, "organization", surface, country, rule="org-head", confidence=0.6)
    if len(surface) > len(ent.name):
        ent.name = surface
    b.add_mention(ent, s, e, rule="body-for-purpose" if purpose and not has_name else "")
    return True


def _body_country(b: _Builder, org_tokens: list[int], s: int, e: int, body: bool) -> str | None:
    """The country of the body named at [s, e): a country word in its name or its "of ..."
    tail, a possessive before it ("Peru's Ministry of Trade"), else the dateline's country for
    a government body ("the Foreign Ministry")."""
    text, toks = b.text, b.toks
    country = None
    for j in org_tokens:
        country = country or b.kb_country(j)
    if country is None and e > toks[org_tokens[-1]].end:
        tail_tok = b.tok_index_at(e - 1)
        if tail_tok is not None and b.kb_kind(tail_tok) in ("name", "alias"):
            country = b.kb_country(tail_tok)
    if country is None:
        prev = text[max(0, s - 30) : s]
        pm = re.search(r"(\w[\w ]*?)['’]s\s*$", prev)
        if pm:
            country = _code(b.kb, pm.group(1).split()[-1]) or _code(b.kb, pm.group(1))
    if country is None:
        # "the Ministry of Foreign Affairs of Peru": the country after the name
        of = re.match(r"^\s+of\s+(?:the\s+)?", text[e : e + 12])
        ti = b.tok_index_at(e + of.end()) if of else None
        if ti is not None and b.kb_kind(ti) in ("name", "alias"):
            country = b.kb_country(ti)
    if country is None and body and b.dateline.city:
        country = _dateline_country(b)
    return country


def _run_person(b: _Builder, run: list[int], lowered: list[str], org_done_until: int):
    """Person: the name is the tail of the run after the last title/honorific word."""
    toks = b.toks
    tail: list[int] = []
    last_pos = len(run) - 1
    while last_pos > org_done_until and lowered[last_pos].rstrip(".") in POST_NOMINALS:
        last_pos -= 1
    for pos in range(last_pos, org_done_until, -1):
        i = run[pos]
        w = lowered[pos]
        if b.covered.get(i) and _capital_as_given_name(b, run, pos, tail):
            tail.insert(0, i)
            break
        if b.covered.get(i):
            break
        if (
            w in lexicon.ORG_HEADS or w in lexicon.STANDALONE_ORGS
        ) and not _name_between_title_and_name(b, run, pos):
            break
        if (
            w in lexicon.NAME_OR_TITLE_WORDS
            and tail
            and pos - 1 > org_done_until
            and not b.is_title_tok(run[pos - 1])
            and not b.is_hon_tok(run[pos - 1])
            and not b.covered.get(run[pos - 1])
            and toks[run[pos - 1]].text[:1].isupper()
        ):
            # Rule "title-word-inside-name": "Hassan Sheikh Mohamud", "Reza Amir Tabrizi" -
            # a title in one language, a name part in another, after a given name.
            tail.insert(0, i)
            continue
        if w in lexicon.GIVEN_NAME_TITLES and tail:
            tail.insert(0, i)  # "Foreign Minister Amir Khan Muttaqi": a given name
            continue
        if not tail and _style_as_surname(b, run, pos):
            tail.insert(0, i)
            break
        if b.is_title_tok(i) or b.is_hon_tok(i):
            # "Sultan bin Saad": a title word followed by a particle is a given name.
            nxt = toks[run[pos + 1]].text if pos + 1 < len(run) else ""
            if nxt in ("bin", "ibn", "bint", "ben", "abu") and w not in (
                "prince",
                "sheikh",
                "king",
                "emir",
                "princess",
                "sheikha",
            ):
                tail.insert(0, i)
                continue
            break
        tail.insert(0, i)
    while (
        tail
        and toks[tail[0]].text in PARTICLES
        and not (tail[0] > 0 and b.is_title_tok(tail[0] - 1))
    ):
        tail.pop(0)
    while tail and toks[tail[0]].text.lower() in STOP_CAPS:
        tail.pop(0)
    while tail and (b.is_hon_tok(tail[-1]) or toks[tail[-1]].text.lower() in ("mp",)):
        if len(tail) == 1 and _style_as_surname(b, run, run.index(tail[0])):
            break
        tail.pop()
    if not tail:
        return None
    words = [toks[i].text for i in tail]
    courtesy = tail[0] > 0 and toks[tail[0] - 1].text.lower().rstrip(".") in lexicon.COURTESY_TITLES
    if (words[0].lower() in MONTH_WORDS and not courtesy) or any(
        w.lower() in MONTH_WORDS and w.lower() not in _MONTH_NAMES for w in words
    ):
        return None  # a month's name further on is a family name (rule "month-as-surname")
    if len([w for w in words if w not in PARTICLES]) > 5:
        return None  # "Mohammed bin Abdulrahman bin Jassim Al Thani" counts five words
    s, e = toks[tail[0]].start, toks[tail[-1]].end
    prefix = run[: run.index(tail[0])]
    evidence, title, country = _person_evidence(b, tail, prefix)
    return (s, e, tail, title, country, evidence, "pattern")


_COURTESY_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(lexicon.COURTESY_TITLES)) + r")\.?\s+$", re.IGNORECASE
)


# "Mr. " right before a short form: part of the mention ("Mr. Li" is one mention of Li).
_CAPITAL_COURTESY_BEFORE = re.compile(
    r"\b(?:" + "|".join(w.capitalize() for w in sorted(lexicon.COURTESY_TITLES)) + r")\.?\s+$"
)


def _after_courtesy(text: str, start: int) -> bool:
    return bool(_COURTESY_BEFORE.search(text[max(0, start - 6) : start]))


def _style_as_surname(b: _Builder, run: list[int], pos: int) -> bool:
    """Rule "style-as-surname": "Ms. King said", "Mr. Prince added" - a style that is also a
    family name, last in its run right after a courtesy title, is the name itself."""
    if pos == 0 or pos != len(run) - 1:
        return False
    word = b.toks[run[pos]].text.lower()
    courtesy = b.toks[run[pos - 1]].text.lower().rstrip(".")
    return word in lexicon.STYLE_SURNAMES and courtesy in lexicon.COURTESY_TITLES


def _surname_then_given_name(b: _Builder, person_hits, pending_people) -> None:
    """ "KISHIDA Fumio": a KB surname in capitals followed by the person's given name."""
    text, kb = b.text, b.kb
    for index, (s, e, entries) in enumerate(person_hits):
        ids = {str(g.actor_id) for g in entries}
        actor = kb.actor(entries[0].actor_id) if len(ids) == 1 else None
        given = re.match(r"^\s+([A-Z][a-z][\w-]*)", text[e : e + 30])
        if actor is None or not given or not text[s:e].isupper():
            continue
        if normalize(given.group(1)) in normalize(actor.name).split():
            new_end = e + given.end()
            person_hits[index] = (s, new_end, entries)
            pending_people[:] = [p for p in pending_people if not (s <= p[0] < new_end)]


def _person_key(name: str) -> str:
    return "person:" + normalize(_strip_honorifics(name))


def _full_names(b: _Builder, pending_people) -> None:
    """People: establish the full names (two words or more) with evidence."""
    text, toks = b.text, b.toks
    full_token_sets = [
        (set(normalize(text[s:e]).split()) - PARTICLES, s)
        for s, e, tail, _t, _c, ev, _r in pending_people
        if ev > 0 and len(tail) >= 2
    ]
    longer_names: dict[str, set[frozenset[str]]] = {}  # a word -> the full names holding it
    for other, _ in full_token_sets:
        for word in other:
            longer_names.setdefault(word, set()).add(frozenset(other))
    for s, e, tail, title, country, evidence, _rule in pending_people:
        words = [toks[i].text for i in tail]
        if evidence <= 0 or len(words) < 2:
            continue
        if evidence < 1.5 and any(w.lower() in NOT_NAME_WORDS for w in words):
            continue  # "Human Rights Watch said": an organisation's name, not a person's
        if words[0].rstrip(".").lower() in ("st", "saint", "san", "santa", "sao", "são", "fort"):
            continue  # "St Petersburg", "San Salvador": places
        if city_country(b.kb, text[s:e])[1]:
            continue
        mine = set(normalize(text[s:e]).split()) - PARTICLES
        if mine and any(mine < other for other in longer_names.get(min(mine), ())):
            continue  # "Sheikh Sabah Khaled" is a short form of a longer name in the article
        if all(w.isupper() and len(w) > 1 for w in words):
            continue
        name = text[s:e]
        # A known KB person with this full name wins.
        ent = _kb_person(b, name)
        if ent is None:
            ent = b.entity(
                _person_key(name),
                "person",
                name,
                country,
                title=title,
                rule="person-pattern",
                confidence=min(0.9, 0.4 + evidence / 4),
            )
        else:
            if title and not ent.title:
                ent.title = title
        if country and not ent.country:
            ent.country = country
        b.add_mention(ent, s, e)


def _resolve_short(
    b: _Builder, people_tokens: _PersonTokens, words: list[str], position: int
) -> tuple[Entity | None, str]:
    """The one person of the article a short form (\"Li\", \"Mr. Petrov\") names, or None;
    and the rule that chose among several ("full-name-first"), "" when there was one."""
    # Rule "apostrophe-name-short-form": "O'Brien", "D'Souza" normalise to two words ("o
    # brien"), each looked up like the words of a longer short form.
    wanted = [t for w in words if w not in PARTICLES for t in normalize(w).split()]
    if not wanted:
        return None, ""
    candidates = people_tokens.candidates(wanted)
    if len(candidates) == 1:
        return candidates[0], ""
    if len(candidates) > 1:
        exact = [c for c in candidates if " ".join(wanted) in normalize(c.name)]
        if len(exact) == 1:
            return exact[0], ""
        nearest = _named_in_full_nearest(b, candidates, position)
        return nearest, "full-name-first" if nearest is not None else ""
    return None, ""


def _one_edit_apart(a: str, b_: str) -> bool:
    """True when one letter inserted, dropped or changed turns ``a`` into ``b_``."""
    if a == b_ or abs(len(a) - len(b_)) > 1:
        return False
    if len(a) > len(b_):
        a, b_ = b_, a
    i = 0
    while i < len(a) and a[i] == b_[i]:
        i += 1
    return a[i + (len(a) == len(b_)) :] == b_[i + 1 :]


def family_names(entities) -> dict[str, list[tuple[list[str], Entity]]]:
    """The people named in full, by the first letter of their family name."""
    index: dict[str, list[tuple[list[str], Entity]]] = {}
    for ent in entities.values():
        if ent.kind == "person":
            toks = ent.name_tokens
            if len(toks) >= 2 and len(toks[-1]) >= 5:
                index.setdefault(toks[-1][:1], []).append((toks, ent))
    return index


def spelling_variant_of(entities, name: str, index=None) -> Entity | None:
    """Rule "surname-spelling-variant": "Ulyankov said" after "Minister Alexei Ulyanko" - a
    transliterated family name spelt a second way (one letter more, less or other, six
    letters or more, the same first letter) is the one person named in full with it.
    ``index`` is ``family_names(entities)`` when the caller asks many times."""
    words = normalize(name).split()
    if not words or len(words[-1]) < 6:
        return None
    last, given = words[-1], set(words[:-1])
    pool = (index if index is not None else family_names(entities)).get(last[:1], ())
    found = [ent for toks, ent in pool if given <= set(toks) and _one_edit_apart(toks[-1], last)]
    return found[0] if len(found) == 1 else None


# Rule "event-noun-no-name": "a two-day Official Visit", "the Working Meeting" - the noun
# that names an encounter, capitalised after a title word, is no one's single name.
_ENCOUNTER_WORDS = {noun for spec in lexicon.MEETING_KINDS.values() for noun in spec["nouns"]} | {
    "visits",
    "meetings",
    "summits",
    "tour",
    "audience",
}


def _short_forms(b: _Builder, pending_people, people_tokens: _PersonTokens) -> None:
    """Short forms of the people named in full; a single name with strong evidence."""
    text, toks = b.text, b.toks
    family = family_names(b.entities)  # the full names are settled before the short forms
    for s, e, tail, title, country, evidence, _rule in pending_people:
        words = [toks[i].text for i in tail]
        if b.is_named(s):
            continue
        # "Lavrov-Rubio meeting": a hyphenated pair of known surnames.
        if len(words) == 1 and "-" in words[0]:
            parts = words[0].split("-")
            resolved = [_resolve_short(b, people_tokens, [p], s) for p in parts]
            if all(ent for ent, _rule in resolved):
                offset = s
                for part, (ent, rule) in zip(parts, resolved, strict=True):
                    b.add_mention(ent, offset, offset + len(part), "short", rule=rule)
                    offset += len(part) + 1
                continue
        ent, rule = _resolve_short(b, people_tokens, words, s)
        if ent is None and len(words) == 1:
            ent = spelling_variant_of(b.entities, words[0], family)
            rule = "surname-spelling-variant"
        if ent is not None:
            hon = _CAPITAL_COURTESY_BEFORE.search(text[max(0, s - 6) : s])
            b.add_mention(ent, s - (len(hon.group()) if hon else 0), e, "short", rule=rule)
            continue
        word = words[0]
        if (
            evidence >= 1.5
            and len(words) == 1
            and (not word[:2].isupper() or _GLUED_INITIAL.match(word))
            and len(word) > 2
            and (word.lower() not in lexicon.TITLE_WORDS or _after_courtesy(text, s))
            and word.lower() not in STOP_CAPS
            and word.lower() not in _ENCOUNTER_WORDS
            and not _region_between_place_and_country(b, s, e)
        ):
            name = text[s:e]
            if any(
                other.kind == "person"
                and normalize(word) == (normalize(other.name).split() or [""])[0]
                for other in b.entities.values()
            ):
                continue  # "Sheikh Mohammed" with several Mohammeds named: ambiguous
            if re.search(r"\bPope\s+$", text[max(0, s - 6) : s]):
                name = "Pope " + name  # a pope is known by the title and the papal name
            ent = b.entity(
                _person_key(name) if name.startswith("Pope ") else _person_key(text[s:e]),
                "person",
                name,
                country,
                title=title,
                rule="person-single-name",
                confidence=0.4,
            )
            b.add_mention(ent, s, e)


_COUNTRY_AFTER_COMMA = re.compile(r",\s+((?:[A-Z][\w'’-]+\s?){1,3})\b")


def _region_between_place_and_country(b: _Builder, s: int, e: int) -> bool:
    """Rule "region-in-address": "in Iwaki City, Fukushima, Japan" - a single word between
    a place and its country, after commas, is the region, not a person."""
    if b.text[max(0, s - 2) : s] != ", ":
        return False
    m = _COUNTRY_AFTER_COMMA.match(b.text, e)
    return bool(m and is_country_name(b.kb, m.group(1).strip()))


# Rule "glued-initial": "B.Tsogtbaatar", "Ts.Bold" - a given name's initial (one or two
# letters) and the family name with no space, as Mongolian and Central Asian styles write them.
_GLUED_INITIAL = re.compile(r"^[A-Z][a-z]?\.[A-Z][a-z]{2,}")


_TIME_WORD_BEFORE = re.compile(
    r"\b(?:in|on|of|since|until|till|by|from|to|last|next|this|early|late|mid|between|"
    r"and|before|after|during|through|throughout|until)\s+$|\d\W*$",
    re.I,
)


def _month_surname_short_forms(b: _Builder) -> None:
    """Rule "month-as-surname" (short form): "May said", "May told reporters" - once "Ada
    May" is named, her family name alone is her, unless a number or a word of time stands
    next to it ("in May", "on 3 May", "May 3")."""
    text = b.text
    by_word: dict[str, list[Entity]] = {}
    for ent in b.entities.values():
        words = normalize(ent.name).split()
        if ent.kind == "person" and len(words) >= 2 and words[-1] in _MONTH_NAMES:
            by_word.setdefault(words[-1], []).append(ent)
    for word, people in by_word.items():
        if len(people) != 1:
            continue  # two people of that family name: the short form is ambiguous
        surface = word.capitalize()
        for m in re.finditer(rf"\b{surface}\b(?!['’]s?\s+\d)", text):
            s, e = m.span()
            if b.is_named(s) or re.match(r"^\W{0,2}\d", text[e : e + 4]):
                continue
            if _TIME_WORD_BEFORE.search(text[max(0, s - 12) : s]):
                continue
            b.add_mention(people[0], s, e, "short", rule="month-as-surname")


def _bare_surnames(b: _Builder, person_hits, people_tokens: _PersonTokens) -> None:
    """KB bare surnames and ambiguous aliases: in-article full names first, else a unique
    KB link."""
    text, kb = b.text, b.kb
    for s, e, entries in person_hits:
        if b.is_named(s):
            continue
        surface = text[s:e]
        ent, rule = _resolve_short(b, people_tokens, surface.replace(".", " ").split()[-1:], s)
        if ent is None:
            ids = {str(g.actor_id) for g in entries}
            if len(ids) != 1:
                continue
            actor = kb.actor(entries[0].actor_id)
            if actor is None:
                continue
            ent = b.entity(
                f"kb:{actor.id}",
                actor.kind,
                actor.name,
                actor.country,
                actor_id=actor.id,
                rule="kb-alias",
                confidence=0.7,
            )
        hon = _CAPITAL_COURTESY_BEFORE.search(text[max(0, s - 6) : s])
        if hon and not text[s:e].lower().startswith(("mr", "mrs", "ms", "dr")):
            s -= len(hon.group())
        b.add_mention(ent, s, e, "short", rule=rule)


_PAIR_NOUN_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:war|wars|conflict|border|borders|boundary|frontier|dispute|crisis|"
    r"standoff|tensions|rivalry|hostilities|fighting)\b"
)


def _country_pair_modifiers(b: _Builder) -> None:
    """Rule "country-pair-modifier": "the Chile-Peru border", "amid the A-B war" - two
    countries joined by a hyphen before a noun of strife or of a border name the sides of
    that thing; they are not parties of the article for it (mentions in text order)."""
    text, mentions = b.text, b.mentions
    for one, two in zip(mentions, mentions[1:], strict=False):
        if not (one.key.startswith("state:") and two.key.startswith("state:")):
            continue
        if one.end + 1 != two.start or text[one.end] not in "-–":
            continue
        if one.how != "name" or two.how != "name" or one.key == two.key:
            continue
        if _PAIR_NOUN_AFTER.match(text[two.end : two.end + 30]):
            one.modifier = two.modifier = True
    # Rule "led-compound": "the U.S.-led coalition", "a Qatar-brokered truce" - a state
    # in a compound adjective qualifies a thing; it is no party of the article for it.
    for m in mentions:
        if m.key.startswith("state:") and _COMPOUND_AFTER.match(text, m.end):
            m.modifier = True


_COMPOUND_AFTER = re.compile(
    r"\.?[-–](?:led|backed|brokered|sponsored|funded|financed|based|made|built|owned|run|"
    r"supported|mediated|drafted|imposed|allied|aligned|born|style|bound)\b"
)
_CAPITAL_OF = re.compile(r"\bcapital(?:\s+city)?\s+of\s+(?:the\s+)?$", re.I)


def _capital_of_country(b: _Builder) -> None:
    """Rule "capital-of-country": "Jakarta, the capital of Indonesia" - the country only
    says where the city is; it is not a party of the article for that."""
    if "apital" not in b.text:
        return
    for m in b.mentions:
        if (
            m.how == "name"
            and m.key.startswith("state:")
            and _CAPITAL_OF.search(b.text, max(0, m.start - 25), m.start)
        ):
            m.modifier = True


def _bare_ministries(b: _Builder) -> None:
    """ "the foreign ministry said": an unnamed ministry speaking is still an organisation."""
    text, dateline = b.text, b.dateline
    for m in _BARE_MINISTRY.finditer(text) if "inistry" in text else ():
        s, e = m.span("body")
        if any(mm.start < e and s < mm.end for mm in b.mentions):
            continue
        home = None
        if dateline.city:
            home = _dateline_country(b)
        surface = text[s:e]
        ent = b.entity(
            f"org:{normalize(surface)}:{home or ''}",
            "organization",
            surface,
            home,
            rule="org-bare-ministry",
            confidence=0.45,
        )
        b.add_mention(ent, s, e)


def _dateline_agency(b: _Builder) -> None:
    """The agency of the dateline ("MOSCOW, May 4 (Reuters)"); media are sources."""
    dateline = b.dateline
    if dateline.agency and dateline.agency_span:
        s, e = dateline.agency_span
        if not b.is_named(s):
            agency = dateline.agency
            name = agency if not agency.isupper() or len(agency) <= 5 else agency.title()

            ent = b.entity(
                f"org:{normalize(agency)}",
                "organization",
                name,
                _code(b.kb, dateline.city) if dateline.city else None,
                rule="dateline-agency",
                confidence=0.8,
                media=True,
            )
            b.add_mention(ent, s, e)
    elif dateline.span:
        _dateline_agencies(b)
    for m in b.mentions:
        ent = b.entities[m.key]
        if ent.media:
            m.source = True


_PLURAL_OFFICE = r"(?:[a-z]+\s+){0,3}?(?:ministers|presidents|leaders|premiers|envoys|ambassadors)"
_RESPECTIVE = re.compile(
    r"\b(?:(?P<d1>[A-Z][a-z]+) and (?P<d2>[A-Z][a-z]+) "
    + _PLURAL_OFFICE
    + r"|"
    + _PLURAL_OFFICE
    + r" of (?:the )?(?P<c1>[A-Z][a-z]+) and (?:the )?(?P<c2>[A-Z][a-z]+)),?\s+"
    r"(?P<n1>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+) and (?P<n2>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+)"
)


def _respective_countries(b: _Builder) -> None:
    """Rule "respective-countries": "Kenyan and Peruvian foreign ministers, Ana Ruiz and Tom
    Otieno", "the presidents of Chile and Peru, A and B" - the countries and the people are
    paired in order."""
    if " and " not in b.text:
        return
    by_start = {m.start: m.key for m in b.mentions}
    for m in _RESPECTIVE.finditer(b.text):
        codes = [_code(b.kb, m.group(g)) for g in (("d1", "d2") if m.group("d1") else ("c1", "c2"))]
        keys = [by_start.get(m.start(g)) for g in ("n1", "n2")]
        if None in codes or codes[0] == codes[1] or None in keys:
            continue
        people = [b.entities[k] for k in keys]
        if any(p.kind != "person" for p in people):
            continue
        for person, code, other in zip(people, codes, reversed(codes), strict=True):
            if person.country in (None, other):
                person.country = code
                person.add_rule("respective-countries")


def _people_countries(b: _Builder) -> None:
    """Country fallbacks for people: a shared family name, the person served or accompanied,
    then the dateline's country."""
    _respective_countries(b)
    _family_name_country(b)
    _served_person_country(b)
    if b.dateline.city:
        home = _dateline_country(b)
        for ent in b.entities.values():
            if ent.kind == "person" and not ent.country and home and not _for_intl_body(b, ent):
                ent.country = home


def _family_name_country(b: _Builder) -> None:
    """A person without a country takes that of another person with the same family name."""
    for ent in b.entities.values():
        if ent.kind != "person" or ent.country or _for_intl_body(b, ent):
            continue
        last = ent.name_tokens[-1:] if ent.name_tokens else []
        for other in b.entities.values():
            if (
                other is not ent
                and other.kind == "person"
                and other.country
                and last
                and (other.name_tokens[-1:] == last)
            ):
                ent.country = other.country
                break


def _served_person_country(b: _Builder) -> None:
    text = b.text
    # "Abiy's chief of staff, Fitsum Arega", "Leyva, who accompanied Petro": the country of
    # the person served or accompanied.
    for ent in b.entities.values():
        if ent.kind != "person" or ent.country or not ent.spans or _for_intl_body(b, ent):
            continue
        s0, e0 = min(ent.spans)
        who = _SERVES.search(text[max(0, s0 - 60) : s0]) or _ACCOMPANIES.match(text[e0 : e0 + 60])
        coord = _COORDINATED.search(text[max(0, s0 - 80) : s0])
        if (
            not who
            and coord
            and all(w.lower() in lexicon.TITLE_WORDS for w in coord.group("titles").split())
        ):
            who = coord  # "Foreign Minister A and Defence Minister B": B serves A's state
        if not who:
            continue
        word = normalize(who.group("who"))
        for other in b.entities.values():
            if (
                other is not ent
                and other.kind == "person"
                and other.country
                and word in normalize(other.name).split()
            ):
                ent.country = other.country
                break


def _for_intl_body(b: _Builder, ent: Entity) -> bool:
    """Rule "intl-official-no-country": "NATO Secretary General Jens Berg" acts for an
    international body: no country from the fallbacks (the dateline, a namesake)."""
    words = normalize(ent.title).split()
    entries = b.kb.entries()
    return any(
        e.ref_kind == "intl"
        for n in range(1, min(len(words), 6) + 1)
        for k in range(len(words) - n + 1)
        for e in entries.get(" ".join(words[k : k + n]), ())
    )


_SERVES = re.compile(r"\b(?P<who>[A-Z][\w-]+)['’]s\s+(?:[a-z-]+\s+){0,3}[a-z-]+,?\s*$")
_COORDINATED = re.compile(r"\b(?P<who>[A-Z][\w-]+)\s+and\s+(?P<titles>(?:[A-Z][\w-]*\s+){1,4})$")
_ACCOMPANIES = re.compile(
    r"^,\s+who\s+(?:had\s+)?(?:accompanied|joined|travelled with|traveled with|was with)\s+"
    r"(?:[A-Z][\w-]+\s+)*?(?P<who>[A-Z][\w-]+)\b"
)


def _named_in_full_nearest(b: _Builder, candidates: list[Entity], position: int):
    """Rule "full-name-first": a surname that several people in the article carry is the
    one last named in full before it ("President Park Min-jun ... his spokeswoman, Park
    Ji-woo, said ... Park added" is the spokeswoman); with none before it, the one named in
    full next. A person known only by the bare surname is never chosen this way."""
    before, after = [], []
    for ent in candidates:
        for s in _full_name_starts(b, ent):
            (before if s < position else after).append((s, ent))
    if before:
        return max(before, key=lambda x: x[0])[1]
    if after:
        return min(after, key=lambda x: x[0])[1]
    return None


def _full_name_starts(b: _Builder, ent: Entity):
    """Where the entity is named with two name words or more ("Park Ji-woo", not "Park")."""
    for s, e in ent.spans:
        words = normalize(_strip_honorifics(b.text[s:e])).split()
        if len([w for w in words if w not in PARTICLES]) >= 2:
            yield s


def _code(kb: KnowledgeBase, text: str | None) -> str | None:
    return country_code(kb, text)


def _dateline_country(b: _Builder) -> str | None:
    """The country of the dateline's city (a capital or a known city), or None."""
    city = b.dateline.city
    if not city:
        return None
    return _code(b.kb, city) or city_country(b.kb, city)[1]


def _strip_honorifics(name: str) -> str:
    words = name.split()
    while words and words[0].lower().rstrip(".") in lexicon.STRICT_HONORIFICS:
        words.pop(0)
    return " ".join(words) or name


def _kb_person(b: _Builder, name: str, create: bool = True):
    """The KB person a full name (two words or more) names unambiguously, unless rejected."""
    key = normalize(name)
    if len(key.split()) < 2:
        return None
    entries = b.kb.entries().get(key, [])
    ids = {str(e.actor_id) for e in entries if e.actor_id is not None}
    if len(ids) != 1:
        return None
    actor = b.kb.actor(next(iter(ids)))
    if actor is None or actor.kind != "person" or b.kb.is_rejected(name, actor.id):
        return None
    if not create:
        return actor
    return b.entity(
        f"kb:{actor.id}",
        "person",
        actor.name,
        actor.country,
        actor_id=actor.id,
        rule="kb-alias",
        confidence=0.9,
    )


_MEDIA_VERB_BEFORE = re.compile(r",\s+(?:reports|reported|writes|wrote)\s+(?:the\s+)?$")


_OFFICIAL_PREFIX = re.compile(r"((?:[A-Z][a-z]+ )*Republic of )(?:the )?$")


def _official_name(b: _Builder, s: int, e: int, code: str) -> tuple[str, int]:
    """Rule "official-name-without-the": "the Democratic Republic of Congo" is the state
    the knowledge base knows as "Democratic Republic of the Congo", not plain "Congo"."""
    prefix = _OFFICIAL_PREFIX.search(b.text[max(0, s - 40) : s])
    if not prefix:
        return code, s
    # "in eastern Democratic Republic of Congo" written "Eastern ...": a capitalised word
    # before the official name is no part of it, so shorter prefixes are tried too.
    words = prefix.group(1).split()
    for first in range(len(words) - 1):
        head = " ".join(words[first:]) + " "
        full = normalize(head + "the " + b.text[s:e])
        for entry in b.kb.entries().get(full, ()):
            if entry.ref_kind in ("name", "alias") and entry.country:
                cut = len(" ".join(words[:first])) + (1 if first else 0)
                return entry.country, s - len(prefix.group(0)) + cut
    return code, s


_DATELINE_PAREN = re.compile(r"\(([^()]{2,80})\)")
_AGENCY_PIECE = re.compile(r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}")


def _dateline_agencies(b: _Builder) -> None:
    """Rule "dateline-agencies": "MOSCOW (UrduPoint News / Sputnik - 4th May, 2021)" - the
    outlets a dateline's brackets name, split at "/" and at the date."""
    s0, e0 = b.dateline.span
    paren = _DATELINE_PAREN.search(b.text, s0, e0)
    if not paren:
        return
    for piece in re.split(r"\s*(?:/|\s-\s|,|;|\|)\s*", paren.group(1)):
        m = _AGENCY_PIECE.fullmatch(piece.strip())
        if not m or any(w.lower() in MONTH_WORDS for w in piece.split()):
            continue
        start = paren.start(1) + paren.group(1).find(piece.strip())
        end = start + len(piece.strip())
        if any(mm.start < end and start < mm.end for mm in b.mentions):
            continue
        name = piece.strip()
        ent = b.entity(
            f"org:{normalize(name)}",
            "organization",
            name,
            None,
            rule="dateline-agencies",
            confidence=0.7,
            media=True,
        )
        b.add_mention(ent, start, end)


def _capital_as_given_name(b: _Builder, run: list[int], pos: int, tail: list[int]) -> bool:
    """Rule "capital-as-given-name": "Victoria Mensah, the foreign minister" - a capital's
    name that opens a run of name words, not after a preposition, is a given name."""
    if not tail or b.kb_kind(run[pos]) != "capital":
        return False
    if pos > 0 and not (b.is_title_tok(run[pos - 1]) or b.is_hon_tok(run[pos - 1])):
        return False
    tok = b.toks[run[pos]]
    if tok.possessive or b.toks[tail[0]].text[:1].islower():
        return False
    before = b.text[max(0, tok.start - 12) : tok.start].lower()
    return not re.search(r"\b(?:in|at|to|from|of|near|via|for|visit(?:ed|ing)?)\s+$", before)


_NAME_WORD_AFTER = re.compile(r"^ ([A-Z][a-z][\w'’-]*)\b(?!['’]s)")


def _capital_before_name(b: _Builder, end: int) -> bool:
    """Rule "capital-as-given-name" (metonym side): "and Santiago Vidal" - a capital right
    before a name word the knowledge base does not know is a given name, not the state."""
    m = _NAME_WORD_AFTER.match(b.text[end : end + 30])
    if not m:
        return False
    word = m.group(1).lower()
    if word in STOP_CAPS or word in MONTH_WORDS or word in NOT_NAME_WORDS:
        return False
    if word in lexicon.TITLE_WORDS or word in lexicon.TITLE_HEADS or word in lexicon.ORG_HEADS:
        return False
    ti = b.tok_index_at(end + 1)
    return ti is not None and not b.covered.get(ti)


def _title_head(word: str) -> bool:
    """A title head, also inside a hyphenated compound ("president-elect", "ex-minister")."""
    return word in lexicon.TITLE_HEADS or (
        "-" in word and any(part in lexicon.TITLE_HEADS for part in word.split("-"))
    )


def _title_country_in_run(b: _Builder, prefix: list[int]) -> list[str]:
    """Rule "title-country-in-run": "Cambodian Prime Minister Samdech Akka Techo Hun Sen" -
    the country that opens a title in the same capitalised run as the name, even when styles
    we do not list stand between the title and the name."""
    for k, ti in enumerate(prefix):
        if b.kb_kind(ti) not in ("demonym", "name", "alias"):
            continue
        later = (b.toks[j].text.lower().rstrip(".") for j in prefix[k + 1 :])
        if any(_title_head(w) for w in later):
            code = b.kb_country(ti)
            return [code] if code else []
        return []
    return []


def _person_evidence(b: _Builder, tail: list[int], prefix: list[int]):
    """How strongly the context says the capitalised words name a person; title; country."""
    s, e = b.toks[tail[0]].start, b.toks[tail[-1]].end
    if _GROUP_NOUN_AFTER.match(b.text, e):
        return 0.0, "", None  # rule "modifier-of-group": "the Western Balkan states"
    evidence, stretch_start, countries = _title_stretch(b, tail)
    if not countries and prefix:
        countries += _title_country_in_run(b, prefix)
    title = _stretch_title(b.text[stretch_start:s]) if stretch_start is not None else ""
    if "," in title:
        # "the deputy premier for Economic Affairs, Mullah X": the walk crossed the comma
        # over styles only; the description before the comma is read as an apposition.
        after_comma = title.rsplit(",", 1)[1].split()
        if all(w.lower().rstrip(".") in lexicon.HONORIFICS for w in after_comma):
            title = ""
    appos_evidence, title, after_country = _apposition_after(b, e, title)
    desc_evidence, title = _description_before(b, s, title, countries)
    evidence = max(evidence, appos_evidence, _cue_evidence(b, s, e, tail), desc_evidence)
    # The walk went backwards: the country named first in the title is the last found.
    country = countries[-1] if countries else None
    if after_country:
        country = after_country
    if country is None:
        country = _coordinated_country(b, s)
    if not countries and country is None:
        kb_actor = _kb_person(b, b.text[s:e], create=False)
        if kb_actor:
            country = kb_actor.country
    return evidence, title, country


_GROUP_NOUN_AFTER = re.compile(
    r"\s+(?:states|countries|nations|governments|peoples|region|regions|nationals|economies)\b"
)


def _title_stretch(b: _Builder, tail: list[int]) -> tuple[float, int | None, list[str]]:
    """The title stretch before the name (title words, honorifics, countries, connectors):
    its evidence, where it starts, and the countries it names (nearest first)."""
    toks, text = b.toks, b.text
    evidence = 0.0
    first = tail[0]
    j = first - 1
    stretch_start = None
    countries: list[str] = []
    bracketed = False
    while j >= 0 and b.sent_of_tok[j] == b.sent_of_tok[first]:
        t = toks[j]
        gap = " " if bracketed else text[t.end : toks[j + 1].start]
        bracketed = False
        if gap.strip() == ")" and t.text.isupper() and text[t.start - 1 : t.start] == "(":
            # Rule "bracketed-acronym-in-title": "High Representative of the Union (EU) for
            # Security Policy Ana Ruiz" - a body's acronym in brackets stays in the title.
            bracketed = True
            j -= 1
            continue
        if gap.strip() not in ("", ".", "’s", "'s") and not (t.possessive and gap.strip() == ""):
            if gap.strip() != ",":
                break
            # apposition: "his counterpart, (Sheikh) Sergei Shoigu"; a portfolio list
            # ("the Minister for Trade, Fisheries and Kenyans Abroad, X") may
            # name the people it serves.
            if any(
                not (b.is_hon_tok(k) or b.is_title_tok(k) or _portfolio_people(b, k))
                for k in range(j + 1, first)
            ):
                break
        w = t.text.lower().rstrip(".")
        if w == "and" and j > 0 and "," in text[toks[j - 1].end : t.start]:
            break  # "..., the president of X, and Jean Dupont": a new item of a list
        kind = b.kb_kind(j)
        if kind in ("demonym", "name", "alias"):
            c = b.kb_country(j)
            if c:
                countries.append(c)
            if j == first - 1 and t.possessive and len(tail) >= 2:
                evidence = max(evidence, 1.2)  # "Colombia's Gustavo Petro"
        elif kind in ("media", "org", "intl"):
            hit = b.covered.get(j)
            code = hit[2][0].country if hit else None
            if code:
                countries.append(code)  # "Kremlin spokesman X"
        elif (
            w in lexicon.TITLE_WORDS
            or w in lexicon.HONORIFICS
            or w in lexicon.PERSON_CUE_NOUNS
            or w in ("his", "her", "its", "their", "the", "a", "an", "to", "of", "for", "and")
        ):
            pass
        elif _portfolio_people(b, j) and j + 1 < first:
            pass  # rule "portfolio-people": "Minister of ... Kenyan Expatriates, X"
        elif kind == "capital" and j > 0 and toks[j - 1].text.lower() in ("in", "to"):
            pass  # rule "post-in-title": "Ambassador in Lima Tom Otieno", "... to Lima Ana Ruiz"
        elif w == "in" and j + 1 < first and b.kb_kind(j + 1) == "capital":
            pass
        elif (
            t.text[:1].isupper()
            and w.endswith(("ic", "al"))
            and len(w) > 4
            and b.is_title_tok(j + 1)
            and j + 1 < first
        ):
            # Rule "portfolio-adjective-in-title": "Russia's Economic Development Minister
            # X", "Digital Transformation Minister X" - an adjective of the portfolio.
            pass
        else:
            break
        if (
            w in lexicon.TITLE_HEADS
            or w in lexicon.STRICT_HONORIFICS
            or w in lexicon.PERSON_CUE_NOUNS
        ):
            evidence = max(evidence, 2.0 if j == first - 1 else 1.5)
        stretch_start = t.start
        j -= 1
    return evidence, stretch_start, countries


def _portfolio_people(b: _Builder, k: int) -> bool:
    """A demonym, singular or plural, or a region's adjective right before a title word:
    "Kenyan Expatriates", "Peruvians Abroad", "African Cooperation" (the people or the
    region a ministry's portfolio serves)."""
    if k + 1 >= len(b.toks) or not b.is_title_tok(k + 1):
        return False
    if b.kb_kind(k) == "demonym" or b.toks[k].text.lower() in lexicon.PORTFOLIO_REGIONS:
        return True
    word = b.toks[k].text
    if not (word[:1].isupper() and word.endswith("s")):
        return False
    return any(e.ref_kind == "demonym" for e in b.kb.entries().get(normalize(word[:-1]), ()))


_OTHER_PERSON_TITLE = re.compile(r"^.*\b(?:and|or)\s+(?=(?:his|her|their|its)\s)", re.I)


def _stretch_title(title: str) -> str:
    """ "the Russian Foreign Minister Mr." -> "Russian Foreign Minister"."""
    title = title.strip(" ,")
    # "the minister and his deputy X": X's title is the second noun phrase only.
    title = _OTHER_PERSON_TITLE.sub("", title)
    title = re.sub(r"^(?:and|or|the|his|her|their|its|a|an)\s+", "", title, flags=re.I)
    if title.lower() in ("and", "or"):
        title = ""
    title = re.sub(r"^(?:the|his|her|their|its|a|an)\s+", "", title, flags=re.I)
    title = re.sub(r"\s*\b(?:Mr|Mrs|Ms|Dr|H\.E|Sheikh|Ratu|Sir|the Honourable)\.?$", "", title)
    return title


_APPOSITION = re.compile(r"^,\s+(?:(?:the|a|an|his|her|its|their)\s+)?([^,.;]{0,90})")
_OF_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?")
_WHO_AFTER = re.compile(r"^,\s+who\b")
_MEETING_BEFORE = re.compile(
    r"\b(?:met|meets|meet|received|hosted|between|with|and|counterpart|"
    r"(?:led|represented|accompanied|joined|headed|received|hosted|welcomed) by)\s+$"
)
# The last words _MEETING_BEFORE can end on: most windows are ruled out by endswith().
_MEETING_WORDS = ("met", "meets", "meet", "received", "hosted", "between", "with", "and",
                  "counterpart", "by")  # fmt: skip


def _apposition_after(b: _Builder, e: int, title: str) -> tuple[float, str, str | None]:
    """ "Xi Jinping, the Chinese president" / "of Eritrea": evidence, title, country."""
    text = b.text
    evidence = 0.0
    after = text[e : e + 120]
    am = _APPOSITION.match(after) if after[:1] == "," else None
    after_country = None
    if am:
        first_word = am.group(1).split()[0].lower() if am.group(1).split() else ""
        lead_words = am.group(0)[1:].split() or [""]  # ", ," has no word after the comma
        determiner = lead_words[0].lower() in ("the", "a", "an", "his", "her")
        words = [w.lower() for w in re.findall(r"[\w-]+", am.group(1))]
        national = bool(first_word) and bool(
            _code(b.kb, re.sub(r"['’]s$", "", am.group(1).split()[0]))
        )  # "Ivan Petrov, Serbia's foreign minister"
        # "A, Kyrgyz President B, ...": a list; the title after the comma is B's, not A's.
        heads = [i for i, w in enumerate(words) if _title_head(w)]
        raw_words = re.findall(r"[\w-]+", am.group(1))
        # (any title followed by a name: "A, Moroccan Prime Minister B and Ghana President")
        next_name = any(
            h + 1 < len(raw_words)
            and raw_words[h + 1][:1].isupper()
            and words[h + 1] not in lexicon.TITLE_WORDS
            and not _title_head(words[h + 1])
            for h in heads
        )
        # "Ana Ruiz, and her Peruvian counterpart, ...": "and" opens the next item of a
        # list, not an apposition (rule "and-opens-next-item").
        if (
            (determiner or national or first_word in lexicon.TITLE_WORDS)
            and first_word not in ("and", "or", "but")
            and heads
            and not next_name
        ):
            evidence = max(evidence, 1.5)
            if not title:
                title = am.group(1).strip()
            lo, hi = e + am.start(1), e + am.end(1)
            # The tokens that start in [lo, hi), found by bisection (tokens are in order).
            for ti in range(bisect_left(b.tok_starts, lo), bisect_left(b.tok_starts, hi)):
                if b.kb_kind(ti) in ("name", "alias", "demonym"):
                    after_country = b.kb_country(ti)
                    break
    om = _OF_AFTER.match(after)
    if om and after_country is None:
        ti = b.tok_index_at(e + om.end())
        if ti is not None and b.kb_kind(ti) in ("name", "alias"):
            after_country = b.kb_country(ti)
    return evidence, title, after_country


def _cue_evidence(b: _Builder, s: int, e: int, tail: list[int]) -> float:
    """A speech verb right after (or just before: "said Mr. Li"), "who", a meeting verb."""
    text = b.text
    evidence = 0.0
    after = text[e : e + 120]
    if _CUE_AFTER.match(after):
        evidence = max(evidence, 1.0)
    before = text[max(0, s - 40) : s]
    cue_before = (
        before[-1:].isspace()
        and before.rstrip().endswith(_CUE_WORDS)
        and _CUE_BEFORE.search(before)
    )
    if cue_before and not _MEDIA_VERB_BEFORE.search(before):
        evidence = max(evidence, 1.0)  # "said Torres" ("reports La Tercera" is an outlet)
    if after[:1] == "," and _WHO_AFTER.match(after):
        evidence = max(evidence, 1.5)  # "Meloni, who met ...": only people are "who"
    if (
        before.rstrip().endswith(_MEETING_WORDS)
        and _MEETING_BEFORE.search(before)
        and not _LOWER_CONJUNCT.search(before)
    ):
        evidence = max(evidence, 0.5 if len(tail) < 2 else 1.0)
    if len(tail) >= 2 and _MEETING_AFTER.match(after):
        evidence = max(evidence, 1.0)  # rule "meeting-subject": "Ana Torres met Luis Vera"
    if len(tail) >= 2 and (_TRAVELLER_AFTER.match(after) or _OFFICE_PREDICATE.match(after)):
        # rules "traveller-subject" ("Ana Torres landed in Lima") and "office-predicate"
        # ("Ana Torres was Peru's president then"): only people arrive and hold offices
        evidence = max(evidence, 1.0)
    if len(tail) >= 2 and (_PLURAL_PEOPLE_BEFORE.search(before) or _FULL_NAME_AND.match(after)):
        # rule "named-people-list": "the two leaders, Ana Ruiz and Tom Otieno," - full names
        # in apposition to a plural of people, or joined to another full name by "and"
        evidence = max(evidence, 1.0)
    return evidence


_PLURAL_PEOPLE_BEFORE = re.compile(
    r"\b(?:leaders|ministers|presidents|premiers|counterparts|envoys|diplomats|heads of state),"
    r"\s*$"
)
_FULL_NAME_AND = re.compile(
    r"^,?\s+and\s+[A-Z][a-z]+\s+[A-Z][a-z]+(?:\s*[,.;]|\s+(?:said|met|were|are|will|have|had|"
    r"also|who|arrived|spoke|told|held|signed|agreed|discussed)\b)"
)


# "technology and Artificial Intelligence": "and" after a common singular noun joins things,
# not the parties of a meeting ("Vera and Ana Torres", "both sides and Ana Torres" do).
_LOWER_CONJUNCT = re.compile(r"\b[a-z][\w-]*[^\Ws]\s+and\s+$")
# A meeting verb after a full name: its subject is a person ("Ana Torres met ...").
_MEETING_AFTER = re.compile(
    r"^\s+" + _DAY_BEFORE_VERB + r"(?:(?:also|later|then|first|earlier|has|had|will)\s+)?"
    r"(?:met|meets|meet|"
    r"held talks|holds talks|hold talks|hosted|hosts|received|receives|welcomed|welcomes|"
    r"telephoned|called on|paid (?:a|an) (?:courtesy|official|state|working) (?:call|visit))\b"
)


_TRAVELLER_AFTER = re.compile(
    r"^\s+" + _DAY_BEFORE_VERB + r"(?:(?:also|later|then|first|has|had|will)\s+)?"
    r"(?:arrived|arrives|landed|lands|flew|flies|travell?ed|travels|"
    r"(?:was|is|were|will be) (?:met|received|welcomed|greeted|hosted) by)\b"
)
_OFFICE_PREDICATE = re.compile(
    r"^\s+(?:was|is|had been|has been|became|becomes)\s+(?:then\s+|also\s+|still\s+)?"
    r"(?:(?:the|a|an)\s+)?(?:(?:former|then|first|new|acting)\s+)?"
    r"(?:[A-Z][\w-]*(?:['’]s)?\s+)?(?:" + "|".join(sorted(lexicon.TITLE_HEADS)) + r")\b"
)
_LAST_WORD = re.compile(r"\s*\b([A-Za-z][\w.]*)$")


def _without_trailing_styles(clause: str) -> str:
    """ "..., the Afghan deputy premier, Mullah " -> "..., the Afghan deputy premier,": the
    styles between an apposition's comma and the name do not hide the comma."""
    core = clause.rstrip()
    while True:
        m = _LAST_WORD.search(core, max(0, len(core) - 30))
        if not m or m.group(1).lower().rstrip(".") not in lexicon.STRICT_HONORIFICS:
            return core
        core = core[: m.start()].rstrip()


def _description_before(b: _Builder, s: int, title: str, countries: list[str]):
    """Apposition back to a description: "the spokesman for Yemen's Ansarullah, Mohammad
    X". Adds the countries it names; returns the evidence and the title."""
    text = b.text
    evidence = 0.0
    clause = text[max(0, s - 120) : s]
    core = _without_trailing_styles(clause)
    if core.endswith(","):
        desc = core[:-1]
        desc = re.split(r"[,;.]", desc)[-1]
        desc_words = re.findall(r"[\w-]+", desc)
        nt = re.search(r"\b(?:the|his|her)\s+([A-Z][\w-]+)\s+([a-z]+)\s*$", desc)
        national_title = bool(nt) and bool(_code(b.kb, nt.group(1)))  # "the Irish taoiseach, X"
        if national_title or any(
            w.lower() in lexicon.PERSON_CUE_NOUNS or _title_head(w.lower()) for w in desc_words
        ):
            evidence = max(evidence, 1.5)
            if not title:
                title = desc.strip()
                title = re.sub(r"^.*\b(?:the|his|her|their|its)\s+", "", title)
                title = " ".join(title.split()[-6:])
            start = s - len(clause) + clause.find(desc)
            for ti in range(bisect_left(b.tok_starts, start), bisect_left(b.tok_starts, s)):
                if b.kb_kind(ti) in ("demonym", "name", "alias"):
                    c = b.kb_country(ti)
                    if c:
                        countries.append(c)
    return evidence, title


_AND_THEN_NAMES = re.compile(r"and\s+(?:[A-Z][\w-]*\s+){0,4}$")
_WORD_THEN_SPACE = re.compile(r"\w\s+$")


def _and_before_names(window: str) -> bool:
    """ "... X and (Foreign Minister) " right before a name: a word, "and", then at most
    four capitalised words. The same test as one pattern that began with a word, which a
    search tried at every position of the window; a literal start lets the scan skip."""
    m = _AND_THEN_NAMES.search(window)
    return bool(m) and bool(_WORD_THEN_SPACE.search(window, 0, m.start()))


def _coordinated_country(b: _Builder, s: int) -> str | None:
    """Coordination "Prime Minister X and Foreign Minister Y": Y shares X's country (the
    last person with a country named just before)."""
    country = None
    if _and_before_names(b.text[max(0, s - 80) : s]):
        for ent in b.entities.values():
            if (
                ent.kind == "person"
                and ent.country
                and ent.spans
                and any(0 <= s - pe < 80 for _ps, pe in ent.spans)
            ):
                country = ent.country
    return country


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


_SRC_WORD = r"[A-Z][\w&'-]*(?:\.[\w&'-]+)*"  # a capitalised word; dots only inside ("News.Az")
_SRC_N4 = rf"(?P<n>{_SRC_WORD}(?: {_SRC_WORD}){{0,4}})"
_SRC_N3 = rf"(?P<n>{_SRC_WORD}(?: {_SRC_WORD}){{0,3}})"
# Organisations named by how a text cites them: (pattern, words one of which the text must
# hold for the pattern to be tried at all: these patterns are slow to scan). The index of a
# row is what _source_orgs reads (0-3, 5, 8, 9 name media; 6 a press service; 7 a movement).
_SOURCE_PATTERNS: list[tuple[str, tuple[str, ...]]] = [
    (rf"\b[Aa]ccording to (?:the )?{_SRC_N4}", ("according to",)),
    (rf"\b[Cc]iting (?:the )?{_SRC_N4}", ("citing",)),
    (rf"\bquoted by (?:the )?(?:[a-z-]+ )*{_SRC_N4}", ("quoted by",)),
    (
        rf"{_SRC_N4} (?:news agency|reported|reports|has learnt|has learned|was quoted)\b",
        ("news agency", "reported", "reports", "has learnt", "has learned", "was quoted"),
    ),
    (
        rf"\b(?:state-owned|state-run|state company|state corporation|firm|company) {_SRC_N3}",
        ("state-owned", "state-run", "state company", "state corporation", "firm", "company"),
    ),
    (rf"{_SRC_N3}['’]s correspondent\b", ("correspondent",)),
    (
        r"(?P<n>[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3}) (?:press service|press office)\b",
        ("press service", "press office"),
    ),
    (
        r"(?P<n>[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3}) (?:movement|militia|rebels|party)\b",
        ("movement", "militia", "rebels", "party"),
    ),
    (
        r"\b(?:broadcaster|newspaper|news agency|news outlet|television channel|TV channel|"
        rf"wire service|daily|tabloid|network) {_SRC_N3}",
        (
            "broadcaster",
            "newspaper",
            "news agency",
            "news outlet",
            "channel",
            "wire service",
            "daily",
            "tabloid",
            "network",
        ),
    ),  # fmt: skip
    (
        rf",\s+(?:reports|reported|writes|wrote)\s+(?:the )?{_SRC_N3}(?=\s*[.;]|$)",
        ("reports", "reported", "writes", "wrote"),  # "..., reports La Tercera."
    ),
]


def _source_orgs(b: _Builder) -> None:
    """Rule "org-source": organisations cited as sources ("according to X", "X reported",
    "quoted by X", "the broadcaster X"), press services and movements named by their head."""
    text = b.text
    lowered_text = text.lower()
    for pi, (pat, keywords) in enumerate(_SOURCE_PATTERNS):
        if not any(k in lowered_text for k in keywords):
            continue  # cheap check first: these patterns are slow to scan
        for m in _compiled(pat).finditer(text):
            s, e = m.span("n")
            name = m.group("n")
            while name.endswith("."):
                name = name[:-1]
                e -= 1
            words = name.split()
            while words and words[0].lower() in STOP_CAPS:
                s += len(words[0]) + 1
                words.pop(0)
            if not words:
                continue
            name = " ".join(words)
            if any(w.lower() in MONTH_WORDS for w in words):
                continue
            if all(w.lower() in lexicon.TITLE_WORDS or w.lower() in STOP_CAPS for w in words):
                continue
            ti = b.tok_index_at(s)
            if ti is not None and b.kb_kind(ti) in ("name", "alias", "demonym", "capital"):
                continue
            covered = [mm for mm in b.mentions if mm.start < e and s < mm.end]
            if pi in (0, 1, 2, 3, 5, 8, 9):
                for mm in covered:
                    ent = b.entities[mm.key]
                    if ent.kind == "organization":
                        ent.media = ent.media or pi in (2, 3, 5, 8, 9)
                        mm.source = True
            if covered:
                continue
            media = pi in (0, 1, 2, 3, 5, 8, 9)
            if pi == 6:
                e = m.end()
                name = text[s:e]
            if pi in (0, 1) and len(words) >= 2 and not words[-1].isupper():
                continue  # "according to Prime Minister X" — a person, handled elsewhere
            if pi == 3 and (len(words) > 2 or name.lower() in STOP_CAPS):
                continue
            country = None

            prev = text[max(0, s - 25) : s]
            pm = re.search(r"([A-Z][\w]+)['’]s\s+(?:[A-Z][\w]+\s+)?$", prev)
            if pm:
                country = _code(b.kb, pm.group(1))
            if country is None and b.dateline.city and media:
                country = _code(b.kb, b.dateline.city)
            ent = b.entity(
                f"org:{normalize(name)}",
                "organization",
                name,
                country,
                rule="org-source" if media else "org-pattern",
                confidence=0.6,
                media=media and pi != 7,
            )
            b.add_mention(ent, s, e, source=media)


_DEFINITE = re.compile(
    r"\b(?P<det>[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?P<adj>(?:[A-Z][\w-]+\s+){0,2}?)"
    r"(?P<head>(?:[Pp]rime [Mm]inister|[Ff]oreign [Mm]inister|[Dd]efen[cs]e [Mm]inister|"
    r"(?:[Ff]oreign|[Ee]xternal) [Aa]ffairs [Mm]inister|"
    r"(?:[Ff]oreign|[Dd]efen[cs]e|[Hh]ome|[Ii]nterior|[Ff]inance|[Tt]rade) [Ss]ecretary|"
    r"[Cc]rown [Pp]rince|[Hh]ead of [Ss]tate|[Ss]ecretary of [Ss]tate|[Pp]resident|[Mm]inister|"
    r"[Ss]pokes(?:man|woman|person)|[Pp]remier|[Cc]hancellor|[Kk]ing|[Ee]mir|[Ss]ultan|"
    r"[Ll]eader|[Cc]ounterpart|[Aa]mbassador|[Ee]nvoy|[Ss]ecretary-[Gg]eneral|[Ss]ecretary|"
    r"[Mm]inistry|[Aa]gency|[Gg]overnment|[Ss]ide|[Pp]ress [Ss]ervice|[Pp]residency|[Ee]mbassy|"
    r"[Pp]ope|[Pp]ontiff|FM|PM|"
    r"Highness|Majesty|Excellency))\b"
    r"(?!\s+(?:of|for)\b)"
)
_PRONOUN = re.compile(r"\b(?P<p>[Hh]e|[Ss]he|[Ii]t|[Tt]hey)\b")
_VISITING = re.compile(
    r"\b[Tt]he visiting (?:(?P<adj>[A-Z][\w-]+)\s+)?(?P<head>dignitary|guest|leader|"
    r"(?:foreign |defen[cs]e |prime )?minister|president|premier|envoy|official)\b"
)


def _visiting_guest(b: _Builder, taken: list[tuple[int, int]]) -> None:
    """Rule "visiting-guest": "The visiting dignitary will also call on X" - the person
    last named from another country than the dateline's (the guest), with that title
    when the phrase gives one."""
    if "visiting" not in b.text or not b.dateline.city:
        return
    home = _dateline_country(b)
    if not home:
        return
    for m in _VISITING.finditer(b.text):
        s, e = m.span()
        if any(a < e and s < z for a, z in taken):
            continue
        head = m.group("head").lower()
        wanted = head.split()[-1] if head not in ("dignitary", "guest", "leader") else ""
        best = None
        for ent in b.entities.values():
            if ent.kind != "person" or not ent.country or ent.country == home:
                continue
            if wanted and wanted not in ent.title.lower():
                continue
            before = [sp[0] for sp in ent.spans if sp[0] < s]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), ent)
        if best is not None:
            b.add_mention(best[1], s, e, "definite")


_INSTITUTION_HEADS = ("ministry", "agency", "press service", "presidency", "embassy")


def _definites_and_pronouns(b: _Builder) -> None:
    """Rule "definite": "the Russian president", "his Saudi counterpart", "the ministry
    said" - the person or body named earlier with that title and country (the one most
    mentioned, then the latest); "the Chinese side" is the state. Then the pronouns."""
    text = b.text
    taken = [(m.start, m.end) for m in b.mentions]
    # "Does [s, e) overlap a mention taken above?" by bisection: the spans by start, with the
    # furthest end among those that start before e.
    ordered = sorted(taken)
    taken_starts = [a for a, _z in ordered]
    taken_reach = list(accumulate((z for _a, z in ordered), max))
    # Mentions per entity, kept up to date as mentions are added (they only grow here).
    mention_counts: Counter[str] = Counter()
    counted = 0
    # The people and organisations (the only possible candidates), in the entities' order,
    # read again when an entity is added; each one's titles on the article's date.
    speakers: list[Entity] = []
    seen_entities = -1
    titles: dict[str, tuple[str, str]] = {}
    for m in _DEFINITE.finditer(text):
        s, e = m.span()
        i = bisect_left(taken_starts, e)
        if i and taken_reach[i - 1] > s:
            continue
        head = m.group("head").lower()
        adj = m.group("adj").strip()
        country = _code(b.kb, adj) if adj else None
        if adj and country is None:
            continue
        if head in ("government", "side"):
            # "the Chinese government", "the Chilean side said": the state speaks
            if country:
                ent = b.state(country)
                b.add_mention(ent, s, e, "definite")
            continue
        if head == "counterpart":
            # "his Saudi counterpart" with no name: the unnamed side is the state.
            if country and not re.match(r"^,?\s+(?:[A-Z]|the\s+[A-Z])", text[e : e + 6]):
                b.add_mention(b.state(country), s, e, "definite")
            continue
        candidates = []
        head_words = {
            "head of state": "president",
            "fm": "foreign minister",  # rule "abbreviated-title": "the Polish FM"
            "pm": "prime minister",
            "spokesperson": "spokes",
            "spokesman": "spokes",
            "spokeswoman": "spokes",
        }
        needle = head_words.get(head, head)
        if len(b.entities) != seen_entities:
            seen_entities = len(b.entities)
            speakers = [
                ent for ent in b.entities.values() if ent.kind in ("person", "organization")
            ]
        for ent in speakers:
            if not _definite_fits(b, ent, head, needle, country, s, titles):
                continue
            before = [sp for sp in ent.spans if sp[0] < s]
            candidates.append((max(before)[0] if before else -1, ent))
        if not candidates and country and head not in _INSTITUTION_HEADS:
            # "the Egyptian minister" after "his Egyptian counterpart X": the one person of
            # that country in the article, whatever title the text gave them.
            same = [
                ent
                for ent in b.entities.values()
                if ent.kind == "person"
                and ent.country == country
                and any(sp[0] < s for sp in ent.spans)
            ]
            if len(same) == 1:
                candidates = [(max(sp[0] for sp in same[0].spans if sp[0] < s), same[0])]
        if not candidates:
            continue
        # Several candidates for a bare "the president": the one the article is about (most
        # mentioned), then the most recent.
        mention_counts.update(mm.key for mm in b.mentions[counted:])
        counted = len(b.mentions)
        counts = {ent.key: mention_counts[ent.key] for _p, ent in candidates}
        if adj:
            candidates.sort(key=lambda c: c[0], reverse=True)
        else:
            candidates.sort(key=lambda c: (counts[c[1].key], c[0]), reverse=True)
        if head in ("counterpart",):
            continue  # "his counterpart" points to the other party: left to the meeting rules
        ent = candidates[0][1]
        b.add_mention(ent, s, e, "definite")
    _visiting_guest(b, taken)
    _pronoun_mentions(b)


def _definite_fits(b: _Builder, ent: Entity, head, needle, country, s, titles) -> bool:
    """Whether ``ent`` can be "the <country> <head>" met at offset ``s``."""
    text = b.text
    if head in ("highness", "majesty", "excellency"):
        # "His Highness stressed ...": the person introduced with that style
        cue = {"highness": r"(?:Highness|H\.H\.)", "majesty": r"(?:Majesty|King|Queen)",
               "excellency": r"(?:Excellency|H\.E\.)"}[head]  # fmt: skip
        if ent.kind != "person" or not any(
            # only styles and titles between ("His Majesty King X"; "King X and President
            # Y" gives Y no style)
            re.search(cue + r"(?:\s+[A-Z][\w.'’-]*){0,3}\s+$", text[max(0, a - 40) : a])
            for a, _z in ent.spans
            if a < s
        ):
            return False
    elif head in ("pope", "pontiff"):
        if ent.kind != "person" or not ent.name.startswith("Pope "):
            return False
    elif head in _INSTITUTION_HEADS:
        # "the presidency said": the body named earlier with that head word
        if ent.kind != "organization" or needle not in ent.name.lower():
            return False
    elif ent.kind != "person":
        return False
    elif head != "counterpart" and head != "leader":
        known = titles.get(ent.key)
        if known is not None and known[0] == ent.title:
            title = known[1]
        else:
            title = ent.title.lower()
            # The office as the KB records it on the article's date counts too.
            actor = b.kb.actor(ent.actor_id)
            if actor is not None:
                title += " " + " ".join(
                    p.title.lower() for p in actor.positions if p.held_on(b.day)
                )
            # "Polish FM Ana Ruiz" is "the Polish foreign minister" too
            title = re.sub(
                r"\bfm\b", "foreign minister", re.sub(r"\bpm\b", "prime minister", title)
            )
            titles[ent.key] = (ent.title, title)
        if needle not in title and not (needle == "president" and "head of state" in title):
            return False
    return not (country and ent.country and ent.country != country)


def _pronoun_mentions(b: _Builder) -> None:
    """He, she, it, they: mentions without an entity, resolved after the subjects."""
    for m in _PRONOUN.finditer(b.text):
        b.mentions.append(
            Mention(
                m.start(),
                m.end(),
                "",
                m.group(),
                "pronoun",
                b.sentence_at(m.start()),
                b.in_quote(m.start(), m.end()),
            )
        )


_NOT_SUBJECT = re.compile(r"\b(?:according to|citing|by|with|to|of|from|in|at)\s+(?:the\s+)?$")
_POSSESSIVE = re.compile(r"^['’]s\b")


def _subjects(b: _Builder, kinds=("person", "organization", "state")) -> dict[int, str]:
    """First actor (of these kinds) named in each sentence outside quotes and source phrases.

    A possessive ("Papua New Guinea's Prime Minister X") qualifies the subject, it is not it.
    """
    subjects: dict[int, str] = {}
    for m in b.mentions:
        if not m.key or m.in_quote or m.source or m.locative or m.sentence < 0:
            continue
        if m.sentence in subjects or b.entities[m.key].kind not in kinds:
            continue
        if _POSSESSIVE.match(b.text[m.end : m.end + 3]):
            continue
        if _NOT_SUBJECT.search(b.text[max(0, m.start - 20) : m.start].lower()):
            continue
        subjects[m.sentence] = m.key
    # Rule "trailing-speaker-subject": "The result was a new date, the minister Ana Ruiz
    # indicated." - the one named before a closing reporting verb is whom the sentence
    # reports, so "she" in the next sentence is Ruiz, not the actor named first.
    for m in b.mentions:
        if not m.key or m.in_quote or m.sentence < 0 or b.entities[m.key].kind not in kinds:
            continue
        sent = b.sentences[m.sentence] if m.sentence < len(b.sentences) else None
        if sent is None or "," not in b.text[sent.start : m.start]:
            continue
        if _TRAILING_SPEAKER.match(b.text, m.end, sent.end):
            subjects[m.sentence] = m.key
    return subjects


_TRAILING_SPEAKER = re.compile(
    r"\s+(?:" + "|".join(lexicon.reporting_verbs("trailing")) + r")\s*[.!]?\s*$"
)


_FEMALE_WORDS = {
    "mrs", "ms", "miss", "madam", "madame", "queen", "princess", "sheikha", "dame", "lady",
    "begum", "chairwoman", "spokeswoman", "congresswoman", "businesswoman", "empress",
}  # fmt: skip
_MALE_WORDS = {
    "mr", "king", "prince", "sheikh", "sir", "lord", "chairman", "spokesman", "emir", "sultan",
    "pope", "emperor", "congressman", "businessman", "crown prince",
}  # fmt: skip


def _gender(ent: Entity) -> str | None:
    """Rule "pronoun-gender": "f" or "m" when the person's title or name says so ("King
    Tupou", "Ms. Ruiz", "the spokeswoman"), else None."""
    words = set(re.findall(r"[a-z]+", f"{ent.title} {ent.name}".lower()))
    for surface in ent.surfaces:
        words.update(re.findall(r"[a-z]+", surface.lower()))
    female, male = bool(words & _FEMALE_WORDS), bool(words & _MALE_WORDS)
    return "f" if female and not male else "m" if male and not female else None


def _resolve_pronouns(b: _Builder, subjects: dict[int, str]) -> None:
    person_subjects = sorted(_subjects(b, ("person",)).items())
    genders = {key: _gender(b.entities[key]) for _si, key in person_subjects}
    other_subjects = sorted((si, k) for si, k in subjects.items() if b.entities[k].kind != "person")
    for m in b.mentions:
        if m.how != "pronoun":
            continue
        p = m.surface.lower()
        pool = person_subjects if p in ("he", "she") else other_subjects if p == "it" else []
        if p in ("he", "she"):
            # "she" is never "King Tupou", "he" never "Ms. Ruiz"
            wrong = "m" if p == "she" else "f"
            pool = [(si, k) for si, k in pool if genders.get(k) != wrong]
        if not pool:
            continue
        # Same sentence, subject before the pronoun; else the latest earlier sentence.
        best = None
        for si, key in pool:
            if si < m.sentence:
                best = key
            elif si == m.sentence:
                ent = b.entities[key]
                if any(sp[0] < m.start and b.sentence_at(sp[0]) == si for sp in ent.spans):
                    best = key
        if best:
            m.key = best
