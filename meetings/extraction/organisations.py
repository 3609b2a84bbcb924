"""Organisations, credits and non-actors: one stage after the mentions stage (issue 11).

:func:`refine` reads the mentions ``Analysis`` once more, before quotes and encounters read
it, and applies small named rules over the whole text:

* it **adds** the organisations the capitalised runs miss (an acronym before a noun, a
  possessive office, an adjective and a body, a party in the possessive, a long name with
  commas), the names in photo credits, bylines and agency credits, and people whose names
  hold lower-case particles, follow an honorific written with an apostrophe or are named once
  in a prepositional phrase;
* it **merges** one actor found twice ("Ministry of Foreign Affairs (MFA)", "the Foreign
  Ministry"; a nickname next to the full name);
* it **removes** what is not an actor (a building or street used as a place, a dateline
  date, a Roman numeral, a programme's name, a body named only inside a quoted event title):
  the entity and its mentions go, so later stages never use it.

Every entity this stage creates or changes names its rule in ``Entity.rule`` (and so in the
proposal). The word lists are data at the top of the module.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from . import lexicon
from .document import Document
from .kb import KnowledgeBase, normalize
from .lexicon import PARTICLES
from .mentions import MONTH_WORDS, NOT_NAME_WORDS, STOP_CAPS, Analysis, Entity, Mention
from .places import city_country, country_code

# -- word lists --------------------------------------------------------------------------------
# Last words of a building, a street or a venue's name: a place when the text is there.
VENUE_HEADS = {
    "house", "street", "palace", "hall", "bhavan", "lodge", "residence", "building",
    "square", "avenue", "road", "mansion", "castle", "villa", "compound", "complex",
}  # fmt: skip
# Nouns that show the acronym before them names a body ("the XYZMIS troops").
ACRONYM_BODY_NOUNS = {
    "troops", "forces", "soldiers", "peacekeepers", "peacekeeping", "mission", "officials",
    "delegation", "secretariat", "member", "members", "spokesperson", "spokesman",
    "spokeswoman", "chief", "leadership", "chairman", "chair", "envoy", "headquarters",
    "summit", "ministers", "bloc", "leaders", "commander", "commanders", "contingent",
    "observers", "monitors", "staff", "statement", "communique", "communiqué",
}  # fmt: skip
# Nouns for an armed group's members or its campaign ("Al-Noor fighters", "Ansar Dine militants").
ARMED_GROUP_NOUNS = (
    "militants", "insurgents", "fighters", "rebels", "jihadists", "gunmen", "insurgency",
    "extremists", "guerrillas", "militia", "militiamen",
)  # fmt: skip
# Capitalised abbreviations that are not bodies (before a noun they are a thing or a title).
NOT_BODY_ACRONYMS = {
    "GDP", "CEO", "COVID", "LNG", "MOU", "ICT", "SME", "SMES", "FDI", "VIP", "VVIP", "LGBT",
    "LGBTQ", "HIV", "AIDS", "SARS", "CCTV", "GPS", "USD", "EUR", "PM", "MP", "MPS", "FM",
    "HE", "TV", "AI", "IT", "IS", "OK", "NGO", "NGOS", "CSR", "PPP", "GMT", "UTC", "AM", "PS",
}  # fmt: skip
# Bodies named by a nationality adjective and a head ("the Ruritanian Congress").
DEMONYM_BODY_HEADS = (
    "Congress", "Parliament", "Senate", "National Assembly", "Supreme Court",
    "Constitutional Court", "Army", "Navy", "Air Force", "Armed Forces", "Cabinet",
    "Legislature", "Foreign Ministry", "Defence Ministry", "Defense Ministry", "Coast Guard",
    "Presidency", "Embassy",
)  # fmt: skip
# Heads of an office named by its holder in the possessive ("the former president's office").
OFFICE_HEADS = ("press office", "office", "press service", "secretariat", "press secretariat")
# Organs of a body, named "<organ> of the <body>" ("the Bureau of the Assembly of the AU").
SUB_BODY_HEADS = (
    "Bureau", "Secretariat", "Commission", "Council", "Committee", "Assembly", "Parliament",
    "Court", "Board", "Executive Council", "Peace and Security Council", "General Assembly",
    "Security Council", "Executive Board", "Permanent Council",
)  # fmt: skip
# Parties known by a short name in the possessive ("Labour's spokesperson").
PARTY_NAMES = (
    "Labour", "Labor", "Conservatives", "Tories", "Greens", "Democrats", "Republicans",
    "Liberals", "Liberal Democrats", "Lib Dems", "Social Democrats", "Socialists",
    "Nationals", "Likud", "Fidesz",
)  # fmt: skip
# Lower-case heads of a body whose name is a list of capitalised words ("the Trade, Defence
# and Aid committee").
LIST_BODY_HEADS = ("committee", "subcommittee", "select committee", "commission", "caucus")
# Generic bodies whose possessive names the body a longer name belongs to.
GENERIC_BODIES = {"parliament", "senate", "congress", "house", "assembly", "government"}
# Labels of a credit line ("Photo: Name/Agency", "Source: Agency").
CREDIT_LABELS = (
    "Photo credit", "Photograph", "Photographs", "Photos", "Photo", "Picture", "Image",
    "Images", "Credit", "Source", "Video",
)  # fmt: skip
# Words of a credit that name no one.
CREDIT_NOISE = {
    "file", "handout", "supplied", "courtesy", "screenshot", "screengrab", "reproduction",
    "archive", "illustration", "graphic", "representational", "pool", "social media",
    "twitter", "x", "facebook", "instagram", "youtube",
}  # fmt: skip
# Words of a web page's furniture, never a byline ("Tags Diplomacy Asia", "Share This").
PAGE_WORDS = {
    "tags", "tag", "share", "related", "copyright", "advertisement", "comments", "comment",
    "print", "email", "subscribe", "topics", "topic", "categories", "category", "posted",
    "updated", "editor", "editing", "source", "photo", "image", "video", "click", "login",
    "menu", "home", "contact", "privacy", "terms", "newsletter", "sponsored", "trending",
}  # fmt: skip
# Who writes for a news outlet ("a Wirenews correspondent reported").
CORRESPONDENT_NOUNS = ("correspondent", "reporter", "journalist", "photographer", "cameraman")
# Nouns of an event in a person's life that take the person as "of" complement.
LIFE_EVENT_NOUNS = (
    "resignation", "death", "election", "re-election", "arrest", "appointment", "dismissal",
    "ouster", "assassination", "funeral", "inauguration", "impeachment", "release",
    "detention", "killing", "successor", "predecessor", "widow", "tenure", "presidency",
    "premiership", "administration", "removal", "nomination", "swearing-in", "exile",
)  # fmt: skip
# Words after a name that show it names a programme, not an actor.
PROGRAMME_NOUNS = (
    "programme", "programmes", "program", "programs", "scheme", "schemes", "initiative",
    "project", "projects", "campaign", "plan", "policy", "strategy",
)  # fmt: skip
# Heads of a state's turn at the head of a body ("the Italian Presidency of the G20").
TERM_OF_OFFICE_HEADS = {"presidency", "chairmanship", "chairpersonship", "chair"}
# Words of an event's name right after a quoted title ("the “Region – Union” Summit").
EVENT_TITLE_NOUNS = ("Summit", "Forum", "Conference", "Dialogue", "Meeting", "Festival")
# First words of a place's name, never a given name ("Rio de Janeiro", "Costa del Sol").
PLACE_FIRST_WORDS = {
    "rio", "santiago", "san", "santa", "sao", "são", "puerto", "porto", "ciudad", "villa",
    "mar", "costa", "tierra", "isla", "banco", "casa", "plaza", "palacio", "universidad",
    "instituto", "partido", "frente", "cote", "côte", "ile", "île", "fort", "mont", "monte",
    "saint", "st", "val", "los", "las", "el", "la", "le", "bois", "port", "cabo", "bahia",
    "patio", "sala", "salon", "paseo", "calle", "avenida", "palais", "hotel", "museo",
    "parque", "jardin", "jardín", "hospital", "escuela", "colegio", "teatro", "castillo",
    "place", "rue", "boulevard", "quai", "pont", "piazza", "palazzo", "porta", "lago", "golfo",
    "cerro", "sierra", "iglesia", "torre", "puerta", "estado", "ministerio", "gran", "grand",
}  # fmt: skip
# Place words inside a country's name that make the capitalised runs read it as a place.
ISLAND_WORDS = {"islands", "island", "isles"}
ROMAN = re.compile(
    r"^(?=[MDCLXVI]{2,}$)M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$"
)

# -- patterns derived from the lists -----------------------------------------------------------
_CAP = r"[A-Z][\w’'&.-]*"
_PLAIN_CAP = r"[A-Z][\w&.-]*"  # no apostrophe: "Senate's" is an owner, not a name word
_NAME_WORD = r"[A-Z][a-zà-ÿ][\w’'-]*"


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_LOCATIVE = re.compile(
    r"\b(?:at|in|inside|outside|into|from|to|near|on|within|over|across|around|off|via|"
    r"throughout)\s+(?P<the>the\s+)?$",
    re.I,
)
_ACRONYM = re.compile(r"(?P<n>[A-Z]{3,8})\s(?P<noun>[a-z]+)")
_DEMONYM_BEFORE = re.compile(
    r"\b[Tt]he\s+(?:new\s+|outgoing\s+|former\s+)?(?P<adj>[A-Z][a-zà-ÿ]+)\s$"
)
_OFFICE = re.compile(
    rf"\b(?:[Tt]he\s+)?(?P<n>(?P<who>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){{0,3}})['’]s\s+(?:{_alt(OFFICE_HEADS)}))\b"
)
_PARTY = re.compile(rf"\b(?P<n>{_alt(PARTY_NAMES)})(?:['’]s?)\s+(?:[a-z-]+\s+){{0,3}}[a-z-]+")
_LIST_BODY = re.compile(
    rf"(?:\b(?P<owner>[A-Z][a-z]+)['’]s\s+)?(?P<n>{_PLAIN_CAP}(?:(?:,\s+|\s+and\s+|\s+)(?:{_PLAIN_CAP}))+\s+(?:{_alt(LIST_BODY_HEADS)}))\b"
)
_CREDIT = re.compile(
    rf"(?P<label>\b(?:{_alt(CREDIT_LABELS)}))\s*(?::|\bby\b)\s*(?P<body>[^\n()\[\]:]{{2,90}}?)\s*(?=$|\n|[)\]]|\.\s)",
    re.M,
)
_CREDIT_PIECE = re.compile(rf"{_CAP}(?:\s+{_CAP}){{0,4}}")
_BYLINE_WORD = r"(?:[A-Z]{1,3}\.?|[A-Z][a-zà-ÿ’'-]+)"
_BYLINE = re.compile(rf"^(?:By\s+)?(?P<n>{_BYLINE_WORD}(?:\s+{_BYLINE_WORD}){{1,3}})$")
_WIRE_WORDS = ("Reporting", "Writing", "Editing", "reporting", "Compiled", "Edited", "Written")
_WIRE_BYLINE = re.compile(
    rf"\b(?:Reporting|Writing|Editing|Additional reporting|Compiled|Edited|Written)\s+by\s+"
    rf"(?P<n>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})"
)
_CORRESPONDENT = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?P<n>{_CAP}(?:\s+{_CAP}){{0,2}})\s+(?:{_alt(CORRESPONDENT_NOUNS)})\b"
)
_TOLD_OUTLET = re.compile(
    r"\b(?:sources?|officials?|insiders?|diplomats?|an? (?:official|source|diplomat|spokes\w+))"
    rf"\s+(?:[a-z]+\s+){{0,3}}told\s+(?:the\s+)?(?P<n>{_CAP}(?:\s+{_CAP}){{0,2}})(?=\s*[,.;]|\s+(?:on|in|that|news)\b)"
)
# Starts with a literal, so that the scan is fast; the noun before is checked after.
_LIFE_EVENT = re.compile(rf" of (?P<n>{_NAME_WORD}\s+{_NAME_WORD})\b(?!\s+[A-Z]|['’])")
_LIFE_EVENT_BEFORE = re.compile(rf"\b(?:{_alt(LIFE_EVENT_NOUNS)})$")
_PARTICLE_RUN = re.compile(rf" (?:{_alt(lexicon.PARTICLES_BETWEEN_NAMES)}) (?={_NAME_WORD})")
_PARTICLE_FIRST = re.compile(rf"(?<![\w’'-])(?P<first>{_NAME_WORD})$")
_PARTICLE_LAST = re.compile(rf"{_NAME_WORD}(?:[-\s]{_NAME_WORD})?\b")
_APOSTROPHE_HONORIFIC = re.compile(
    rf"\b(?P<hon>[A-Z][a-z]+)[’'](?:\s+(?:Sri|Seri))?\s+(?P<n>{_NAME_WORD}(?:\s+(?:bin|binti|bte|bt)?\s*{_NAME_WORD}){{1,3}})"
)
_PROGRAMME_AFTER = re.compile(rf"^\s+(?:{_alt(PROGRAMME_NOUNS)})\b")
_EVENT_AFTER = re.compile(rf"^\s*[”\"’»]?\s*(?:{_alt(EVENT_TITLE_NOUNS)})\b")
_ALSO_KNOWN = re.compile(
    r",?\s+(?:(?:also|popularly|commonly|better|widely)\s+known\s+as\s+|nicknamed\s+|"
    r"known\s+as\s+)[“\"‘']?(?P<n>[A-Z][\w-]+)[”\"’']?"
)
# Month names in full ("Jan" and "Sept" are also names).
_MONTHS = {w for w in MONTH_WORDS if len(w) > 4 or w in ("may", "june", "july")}
_CAP_WORD = re.compile(r"[A-Z][a-z]+")
_ROLE_WORDS = set(lexicon.TITLE_WORDS) | set(lexicon.TITLE_HEADS) | set(lexicon.HONORIFICS)
_NAME_ROLES = _ROLE_WORDS - lexicon.NAME_OR_TITLE_WORDS


class _Stage:
    """The Analysis being refined, with what the rules look up: sentences, quotes, named
    characters."""

    def __init__(self, doc: Document, analysis: Analysis, kb: KnowledgeBase):
        self.doc, self.text, self.analysis, self.kb = doc, doc.text, analysis, kb
        self.sent_starts = [s.start for s in doc.sentences]
        spans = sorted((q.start, q.end) for q in doc.quote_spans)
        self.quote_starts = [a for a, _z in spans]
        self.quote_ends = [z for _a, z in spans]
        self.named = bytearray(len(self.text) + 1)
        # The mention over each character (the first one added there), for mention_at.
        self.owner: list[Mention | None] = [None] * (len(self.text) + 1)
        self._by_key: dict[str, list[Mention]] | None = None
        for m in analysis.mentions:
            if m.key and m.how != "pronoun":
                self._own(m)
        self.changed = False
        # Every capitalised word of the text: rules whose cue words are absent cost nothing.
        self.caps = set(_CAP_WORD.findall(self.text))
        self._upper: set[str] | None = None

    def has_any(self, words) -> bool:
        """True when the text holds the first word of one of ``words`` (capitalised)."""
        return any(w.split()[0] in self.caps for w in words)

    @property
    def caps_words(self) -> set[str]:
        """The words in capitals (read once, when a rule asks)."""
        if self._upper is None:
            self._upper = set(re.findall(r"\b[A-Z]{2,}\b", self.text))
        return self._upper

    # -- lookups --------------------------------------------------------------------------
    def taken(self, start: int, end: int) -> bool:
        return any(self.named[start:end])

    def sentence_at(self, offset: int) -> int:
        i = bisect_right(self.sent_starts, offset) - 1
        sents = self.doc.sentences
        if 0 <= i < len(sents) and offset < sents[i].end:
            return sents[i].index
        return -1

    def quote_around(self, start: int, end: int) -> tuple[int, int] | None:
        i = bisect_right(self.quote_starts, start) - 1
        if i >= 0 and self.quote_ends[i] >= end:
            return self.quote_starts[i], self.quote_ends[i]
        return None

    def _own(self, m: Mention) -> None:
        self.named[m.start : m.end] = b"\x01" * (m.end - m.start)
        for i in range(m.start, m.end):
            if self.owner[i] is None:
                self.owner[i] = m

    def _disown(self, m: Mention) -> None:
        self.named[m.start : m.end] = b"\x00" * (m.end - m.start)
        for i in range(m.start, m.end):
            if self.owner[i] is m:
                self.owner[i] = None

    def mention_at(self, start: int, end: int) -> Mention | None:
        """A name mention over [start, end), found by its characters (constant time a
        character instead of a scan of every mention)."""
        for i in range(max(0, start), min(end, len(self.owner))):
            m = self.owner[i]
            if m is not None and m.key in self.analysis.entities:
                return m
        return None

    def is_place(self, words: str) -> bool:
        return bool(country_code(self.kb, words) or city_country(self.kb, words)[1])

    # -- changes --------------------------------------------------------------------------
    def add(self, kind: str, start: int, end: int, rule: str, **kw) -> Entity | None:
        """A new mention (and its entity, unless one with this key exists) of ``kind``."""
        if end <= start or self.taken(start, end):
            return None
        surface = self.text[start:end]
        name = kw.pop("name", surface)
        prefix = {"organization": "org", "person": "person", "state": "state"}[kind]
        key = kw.pop("key", None) or f"{prefix}:{normalize(name)}"
        how = kw.pop("how", "name")
        source = kw.pop("source", False)
        known = self.analysis.entities.get(key)
        media = known.media if known is not None else kw.get("media", False)
        # A mention of an entity already found is bound by this rule; a new one is found by it.
        bound_by = rule if known is not None else ""
        return self._add(
            key, kind, name, start, end, how, source or media, bound_by, rule=rule, **kw
        )

    def _mention(self, ent: Entity, start: int, end: int, rule: str, how="name") -> None:
        """One more mention, by ``rule``, of an entity the analysis holds."""
        self._add(ent.key, ent.kind, ent.name, start, end, how, ent.media, rule)

    def _add(self, key, kind, name, start, end, how, source, bound_by, **fields) -> Entity:
        """Through ``Analysis.add_entity``, with what this stage knows of the place."""
        ent = self.analysis.add_entity(
            key,
            kind,
            name,
            span=(start, end),
            surface=self.text[start:end],
            how=how,
            sentence=self.sentence_at(start),
            in_quote=self.quote_around(start, end) is not None,
            source=source,
            bound_by=bound_by,
            **fields,
        )
        self._own(self.analysis.mentions[-1])
        self._by_key = None
        self.changed = True
        return ent

    def remove(self, key: str) -> None:
        """The entity and every mention of it; pronouns that pointed to it point nowhere."""
        self.analysis.entities.pop(key, None)
        kept = []
        for m in self.analysis.mentions:
            if m.key != key:
                kept.append(m)
            elif m.how == "pronoun":
                m.key = ""
                kept.append(m)
            else:
                self._disown(m)
        self.analysis.mentions[:] = kept
        self.changed = True
        self._by_key = None

    def drop_mention(self, mention: Mention) -> None:
        """One mention; its entity too when no name of it is left."""
        ent = self.analysis.entities.get(mention.key)
        self.analysis.mentions.remove(mention)
        self._disown(mention)
        self.changed = True
        self._by_key = None
        if ent is None:
            return
        ent.spans = [sp for sp in ent.spans if sp != (mention.start, mention.end)]
        left = [m for m in self.analysis.mentions if m.key == ent.key and m.how != "pronoun"]
        if not left:
            self.remove(ent.key)
        else:
            ent.surfaces = list(
                dict.fromkeys(m.surface for m in left if m.how in ("name", "short"))
            )
            ent.first = min(m.start for m in left)

    def merge(self, src: Entity, dst: Entity, rule: str) -> None:
        """``src`` is another name of ``dst``: its mentions become ``dst``'s."""
        if src.key == dst.key:
            return
        for m in self.analysis.mentions:
            if m.key == src.key:
                m.key = dst.key
                m.rule = m.rule or rule
        for surface in src.surfaces:
            if surface not in dst.surfaces:
                dst.surfaces.append(surface)
        dst.spans.extend(src.spans)
        dst.first = min(dst.first, src.first)
        dst.country = dst.country or src.country
        dst.title = dst.title or src.title
        dst.media = dst.media or src.media
        dst.add_rule(rule)
        self.analysis.entities.pop(src.key, None)
        self.changed = True
        self._by_key = None

    def mentions_of(self, key: str) -> list[Mention]:
        """The name mentions of an entity (an index read once until the mentions change)."""
        if self._by_key is None:
            self._by_key = {}
            for m in self.analysis.mentions:
                if m.key and m.how != "pronoun":
                    self._by_key.setdefault(m.key, []).append(m)
        return list(self._by_key.get(key, ()))

    def finish(self) -> None:
        if not self.changed:
            return
        self.analysis.mentions.sort(key=lambda m: (m.start, -m.end))
        self.analysis.subjects.clear()
        self.analysis.subjects.update(_subjects(self.text, self.analysis))


_NOT_SUBJECT = re.compile(r"\b(?:according to|citing|by|with|to|of|from|in|at)\s+(?:the\s+)?$")


def _subjects(text: str, analysis: Analysis) -> dict[int, str]:
    """The first actor named in each sentence outside quotes, sources and possessives (the
    mentions stage's definition, read again after this stage changed the mentions)."""
    subjects: dict[int, str] = {}
    for m in analysis.mentions:
        if not m.key or m.how == "pronoun" or m.in_quote or m.source or m.locative:
            continue
        if m.sentence < 0 or m.sentence in subjects or m.key not in analysis.entities:
            continue
        if re.match(r"^['’]s\b", text[m.end : m.end + 3]):
            continue
        if _NOT_SUBJECT.search(text[max(0, m.start - 20) : m.start].lower()):
            continue
        subjects[m.sentence] = m.key
    return subjects


# -- rules: what is not an actor ---------------------------------------------------------------
def venue_not_actor(st: _Stage) -> None:
    """Rule "venue-not-actor": a building or street named only as where someone is ("at
    State House", "in Downing Street") is a place, not an organisation. An institution the
    text names with the article ("at the White House") keeps its actor."""
    for ent in list(st.analysis.entities.values()):
        if ent.kind != "organization" or ent.actor_id is not None:
            continue
        words = normalize(ent.name).split()
        if not words or (words[-1] not in VENUE_HEADS and " ".join(words) not in lexicon.VENUES):
            continue
        mentions = st.mentions_of(ent.key)
        if not mentions:
            continue
        known = ent.rule.startswith("builtin") or normalize(ent.name) in lexicon.VENUES
        if all(_placed(st, m, known) for m in mentions):
            st.remove(ent.key)


def _placed(st: _Stage, m: Mention, known: bool) -> bool:
    loc = _LOCATIVE.search(st.text[max(0, m.start - 14) : m.start])
    return bool(loc) and not (known and loc.group("the"))


def dateline_date_not_agency(st: _Stage) -> None:
    """Rule "dateline-date-not-agency": "JAKARTA (Nov 10):" - the brackets of a dateline
    hold a date, not an agency."""
    for ent in list(st.analysis.entities.values()):
        if ent.kind != "organization" or not ent.rule.startswith("dateline"):
            continue
        words = normalize(ent.name).split()
        if any(w in MONTH_WORDS or w.isdigit() for w in words):
            st.remove(ent.key)


_AGENCY_PAIR = re.compile(r"^[A-Z]{2,6}(?:\s?[-/]\s?[A-Z]{2,6})+$")


def dateline_agency_pair(st: _Stage) -> None:
    """Rule "dateline-agency-pair": "LIMA (AB-CDE) --" - acronyms joined by a hyphen or a
    slash in a dateline's brackets are two agencies (the wire and the outlet that ran it)."""
    for ent in list(st.analysis.entities.values()):
        if ent.kind != "organization" or not ent.rule.startswith("dateline"):
            continue
        mentions = st.mentions_of(ent.key)
        if len(mentions) != 1 or not _AGENCY_PAIR.match(mentions[0].surface):
            continue
        at, surface = mentions[0].start, mentions[0].surface
        st.remove(ent.key)
        for piece in re.finditer(r"[A-Z]+", surface):
            start = at + piece.start()
            st.add(
                "organization",
                start,
                start + len(piece.group()),
                "dateline-agency-pair",
                country=ent.country,
                media=True,
                source=True,
                confidence=0.7,
            )


def title_not_body(st: _Stage) -> None:
    """Rule "title-not-body": "Presidential Press Secretary X" - a "press" or "media" body
    that only ever stands before a title word is part of that title."""
    for ent in list(st.analysis.entities.values()):
        if ent.kind != "organization" or ent.actor_id is not None or ent.rule.startswith("builtin"):
            continue
        if normalize(ent.name).split()[-1:] not in (["press"], ["media"], ["information"]):
            continue
        mentions = st.mentions_of(ent.key)
        if mentions and all(_TITLE_AFTER.match(st.text[m.end : m.end + 20]) for m in mentions):
            st.remove(ent.key)


_TITLE_AFTER = re.compile(
    r"^\s+(?:Secretary|Secretariat Chief|Officer|Attach[eé]|Adviser|Advisor)\b"
)


def roman_numeral_not_name(st: _Stage) -> None:
    """Rule "roman-numeral-not-name": "the XII meeting of ...", a bare "XI" - a Roman
    numeral in capitals is an ordinal, not a person's short name written otherwise."""
    for m in list(st.analysis.mentions):
        if not m.key or m.how == "pronoun" or not ROMAN.match(m.surface):
            continue
        ent = st.analysis.entities.get(m.key)
        if ent is None or m.surface in ent.name.split():
            continue
        st.drop_mention(m)


def programme_not_actor(st: _Stage) -> None:
    """Rule "programme-not-actor": "the Sembrar Juntos and Manos Unidas programmes" - names
    followed by programme, scheme, initiative ... are things, not actors."""
    for ent in list(st.analysis.entities.values()):
        if ent.actor_id is not None or ent.kind == "state" or ent.rule.startswith("builtin"):
            continue
        mentions = st.mentions_of(ent.key)
        if mentions and all(_PROGRAMME_AFTER.match(st.text[m.end : m.end + 16]) for m in mentions):
            st.remove(ent.key)


_TERM_OF_OFFICE_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?(?!Republic\b)[A-Z0-9]")


def term_of_office_not_actor(st: _Stage) -> None:
    """Rule "term-of-office-not-actor": "the Italian Presidency of the G20", "during the
    Chilean Chairmanship of the Forum" - a state's turn at the head of a body or a group is
    a period, not an organisation (the body is named, and speaks, on its own)."""
    for ent in list(st.analysis.entities.values()):
        if ent.kind != "organization" or ent.actor_id is not None or ent.rule.startswith("builtin"):
            continue
        words = normalize(ent.name).split()
        if not words or words[-1] not in TERM_OF_OFFICE_HEADS:
            continue
        mentions = st.mentions_of(ent.key)
        if mentions and all(
            _TERM_OF_OFFICE_AFTER.match(st.text[m.end : m.end + 20]) for m in mentions
        ):
            st.remove(ent.key)


def event_title_not_actor(st: _Stage) -> None:
    """Rule "event-title-not-actor": a body named only inside an event's title in quote
    marks ("the “Region – Union” Summit") is part of the title, not an actor."""
    for ent in list(st.analysis.entities.values()):
        if ent.kind != "organization":
            continue
        mentions = st.mentions_of(ent.key)
        if not mentions:
            continue
        if all(_in_event_title(st, m) for m in mentions):
            st.remove(ent.key)


def _in_event_title(st: _Stage, m: Mention) -> bool:
    quote = st.quote_around(m.start, m.end)
    if quote is None or quote[1] - quote[0] > 60:
        return False
    return bool(_EVENT_AFTER.match(st.text[quote[1] : quote[1] + 16]))


# -- rules: organisations ----------------------------------------------------------------------
def acronym_before_noun(st: _Stage) -> None:
    """Rule "acronym-before-noun": "the XYZMIS troops", "ABC officials said" - an unknown
    acronym before a noun of people or of a body names an organisation."""
    text = st.text
    for m in _ACRONYM.finditer(text):
        s, e = m.span("n")
        if m.group("noun") not in ACRONYM_BODY_NOUNS or (
            s and (text[s - 1].isalnum() or text[s - 1] == "-")
        ):
            continue
        name = m.group("n")
        if name in NOT_BODY_ACRONYMS or ROMAN.match(name) or st.taken(s, e):
            continue
        if name.lower() in _ROLE_WORDS or country_code(st.kb, name):
            continue
        st.add("organization", s, e, "acronym-before-noun", confidence=0.5)


_ARMED_GROUP = re.compile(
    rf"(?<![\w’'-])(?P<n>{_NAME_WORD}(?:[- ](?:al-|el-)?{_NAME_WORD}){{0,2}})\s+"
    rf"(?:{_alt(ARMED_GROUP_NOUNS)})\b"
)


def armed_group_before_noun(st: _Stage) -> None:
    """Rule "armed-group-before-noun": "Al-Noor fighters attacked", "attacks by Ansar Dine
    militants" - a name before a noun for an armed group's members names the group."""
    if not any(noun in st.text for noun in ARMED_GROUP_NOUNS):
        return
    for m in _ARMED_GROUP.finditer(st.text):
        s, e = m.span("n")
        name = m.group("n")
        words = [w.lower() for w in re.split(r"[- ]", name)]
        if any(w in STOP_CAPS or w in _ROLE_WORDS or w in _MONTHS for w in words):
            continue
        if st.taken(s, e) or st.is_place(name) or country_code(st.kb, name.split()[0]):
            continue  # "Malian rebels", "Syrian fighters": a people, not a group
        st.add("organization", s, e, "armed-group-before-noun", confidence=0.5)


def acronym_in_brackets(st: _Stage) -> None:
    """Rule "acronym-in-brackets": "the Ministry of Foreign Affairs (MFA)" - the bracketed
    acronym is another name of the body before it, wherever it stands later."""
    text = st.text
    for m in list(st.analysis.mentions):
        if not m.key or m.how == "pronoun":
            continue
        ent = st.analysis.entities.get(m.key)
        if ent is None or ent.kind != "organization":
            continue
        br = re.match(r"^\s*\(([A-Z][A-Za-z]{1,9})\)", text[m.end : m.end + 14])
        if not br or br.group(1)[0] != m.surface.lstrip("the ")[:1].upper():
            continue
        short = br.group(1)
        for other in list(st.analysis.entities.values()):
            if other is ent or other.kind != "organization":
                continue
            if other.name == short or short in other.surfaces:
                if other.actor_id is not None and ent.actor_id is None:
                    st.merge(ent, other, "acronym-in-brackets")  # the KB's body stays
                    ent = other
                elif other.actor_id is None:
                    st.merge(other, ent, "acronym-in-brackets")
        for found in re.finditer(rf"\b{re.escape(short)}\b", text):
            if not st.taken(found.start(), found.end()):
                st._mention(ent, found.start(), found.end(), "acronym-in-brackets")


def possessive_office(st: _Stage) -> None:
    """Rule "possessive-office": "the former president's office stated", "Okafor's press
    office said" - the office of a person named in the text is an organisation."""
    if "office" not in st.text and "secretariat" not in st.text and "service" not in st.text:
        return
    for m in _OFFICE.finditer(st.text):
        s, e = m.span("n")
        words = m.group("who").split()
        if st.taken(m.end("who") + 1, e):
            continue
        if all(_role(w) for w in words[1:]) and country_code(st.kb, words[0]) and len(words) > 1:
            # "(at) the Ruritanian Prime Minister's office": the institution, as "the Kremlin"
            country = country_code(st.kb, words[0])
        elif _LOCATIVE.search(st.text[max(0, s - 14) : s]):
            continue  # "at Smith's office": where they met
        elif all(_role(w) for w in words):
            continue  # "the Prime Minister's office" with no country: left to the reader
        else:
            who = st.mention_at(m.end("who") - len(words[-1]), m.end("who"))
            owner = st.analysis.entities.get(who.key) if who else None
            if owner is None or owner.kind != "person" or who.how not in ("name", "short"):
                continue
            country = owner.country
        st.named[s : m.end("who")] = b"\x00" * (m.end("who") - s)  # the office includes it
        st.add("organization", s, e, "possessive-office", country=country, confidence=0.6)


def demonym_body(st: _Stage) -> None:
    """Rule "demonym-body": "the Ruritanian Congress", "the Peruvian Navy" - a nationality
    adjective and the head of a state body name that body."""
    if not st.has_any(h.split()[-1] for h in DEMONYM_BODY_HEADS):
        return
    text = st.text
    for at, head in _word_starts(text, DEMONYM_BODY_HEADS, with_word=True):
        m = _DEMONYM_BEFORE.search(text, max(0, at - 40), at)
        e = at + len(head)
        if not m or re.match(r"^\s+[A-Z]", text[e : e + 3]):
            continue
        s = m.start("adj")
        code = country_code(st.kb, m.group("adj"))
        if not code or st.taken(s + len(m.group("adj")), e):
            continue
        if f"org:{normalize(text[s:e])}" in st.analysis.entities:
            continue
        st.named[s : s + len(m.group("adj"))] = b"\x00" * len(m.group("adj"))
        st.add("organization", s, e, "demonym-body", country=code, confidence=0.6)


_SUB_BODY = re.compile(
    rf"\b(?P<n>(?:{_alt(SUB_BODY_HEADS)})(?:\s+of\s+the\s+(?:{_alt(SUB_BODY_HEADS)}))*)\s+of\s+the\s+$"
)


def sub_body(st: _Stage) -> None:
    """Rule "sub-body": "the Bureau of the Assembly of the Aland Union" - a body's organ,
    named as "<head> of the <body>", is an organisation of its own."""
    if not st.has_any(SUB_BODY_HEADS) or " of the " not in st.text:
        return
    for m in list(st.analysis.mentions):
        ent = st.analysis.entities.get(m.key)
        if ent is None or ent.kind != "organization" or m.how != "name":
            continue
        found = _SUB_BODY.search(st.text, max(0, m.start - 80), m.start)
        if not found or found.end() != m.start:
            continue
        s, e = found.start("n"), m.end
        # "Security Council of the X" cut from a longer name: the longer name wins
        for inner in [x for x in st.analysis.mentions if x.key and x is not m]:
            inside = s <= inner.start < found.end("n") and inner.end <= e and inner.how == "name"
            if inside and st.analysis.entities.get(inner.key, _NONE).kind == "organization":
                st.drop_mention(inner)
        if st.taken(s, found.end("n")):
            continue
        st.named[s:e] = b"\x00" * (e - s)  # the organ's name holds the body's
        st.add("organization", s, e, "sub-body", country=ent.country, confidence=0.6)
        st.named[m.start : m.end] = b"\x01" * (m.end - m.start)


_EMBASSY_OF = re.compile(
    r"\b(?P<head>(?:Embassy|Consulate(?:[ -]General)?|High Commission|Permanent Mission)"
    r"\s+of\s+(?:the\s+)?)(?P<official>(?:[A-Z][\w'’-]*\s+){0,3}?(?:of\s+(?:the\s+)?)?)$"
)
_IN_CITY = re.compile(r"^\s+in\s+(?P<city>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


def embassy_of(st: _Stage) -> None:
    """Rule "embassy-of": "the Embassy of the Republic of Chile in Oslo", "the Consulate
    General of Peru" - a state's mission named "<mission> of <state>" (and the city it is
    in) is an organisation of that state."""
    if not st.has_any(("Embassy", "Consulate", "High Commission", "Permanent Mission")):
        return
    for m in list(st.analysis.mentions):
        if m.how != "name" or not m.key.startswith("state:"):
            continue
        found = _EMBASSY_OF.search(st.text, max(0, m.start - 80), m.start)
        if not found:
            continue
        s, e = found.start("head"), m.end
        city = _IN_CITY.match(st.text[e : e + 40])
        if city and st.is_place(city.group("city")):
            e += city.end()
        if st.taken(s, found.end("head")):
            continue
        code = m.key.removeprefix("state:")
        st.named[s:e] = b"\x00" * (e - s)  # the mission's name holds its state's and city's
        st.add("organization", s, e, "embassy-of", country=code, confidence=0.6)
        st.named[m.start : m.end] = b"\x01" * (m.end - m.start)


def party_possessive(st: _Stage) -> None:
    """Rule "party-possessive": "Labour's foreign affairs spokesperson" - a party known by
    its short name, in the possessive before a role."""
    if not st.has_any(PARTY_NAMES):
        return
    for m in _PARTY.finditer(st.text):
        s, e = m.span("n")
        tail = st.text[m.end("n") : m.end()].lower().split()
        if not tail or not any(w.strip("'’s") in _ROLE_WORDS or w in _ROLE_WORDS for w in tail):
            continue
        st.add("organization", s, e, "party-possessive", confidence=0.5)


def list_body(st: _Stage) -> None:
    """Rule "list-body": "Parliament's Trade, Defence and Aid committee" - a committee whose
    name lists capitalised subjects is one body, not its last word nor the parliament."""
    text = st.text
    if not any(h in text for h in LIST_BODY_HEADS):
        return
    for m in _LIST_BODY.finditer(text):
        s, e = m.span("n")
        name = m.group("n")
        if "," not in name and " and " not in name:
            continue
        words = name.split()
        if words[0].lower() in STOP_CAPS:
            continue
        inner = [mm for mm in st.analysis.mentions if mm.key and s <= mm.start and mm.end <= e]
        for mm in inner:
            if st.analysis.entities.get(mm.key, _NONE).kind == "organization":
                st.drop_mention(mm)
        if st.taken(s, e):
            continue
        owner = m.group("owner")
        if owner and owner.lower() in GENERIC_BODIES:
            mm = st.mention_at(m.start("owner"), m.end("owner"))
            if mm is not None and st.analysis.entities.get(mm.key, _NONE).kind == "organization":
                st.drop_mention(mm)
        st.add("organization", s, e, "list-body", confidence=0.55)


class _None:
    kind = ""


_NONE = _None()


def _ents(st: _Stage) -> list[Entity]:
    return list(st.analysis.entities.values())


_BODY_SYNONYM = re.compile(
    r"^(?:the\s+)?(?P<w>[a-z]+(?: affairs)?) (?P<h>ministry|department|office)$"
)


_BODY_OF = re.compile(
    r"\b(ministry|department|office) of (?:the )?([a-z]+)(?: affairs)?(?: of .+)?$"
)


def _body_form(name: str) -> str:
    """ "Foreign Ministry" and "Ministry of Foreign Affairs" both give "ministry foreign"."""
    n = normalize(name)
    m = _BODY_OF.search(n)
    n = re.sub(r"^(?:the )", "", n)
    if m:
        return f"{m.group(1)} {m.group(2)}"
    m = _BODY_SYNONYM.match(n)
    if m:
        return f"{m.group('h')} {m.group('w').split()[0]}"
    return ""


def same_body(st: _Stage) -> None:
    """Rule "same-body": one body named twice - "the Foreign Ministry" and "the Ministry of
    Foreign Affairs (of X)" of one country, or a name and its longer form ("Coordination
    Committee", "Aland-Bland Coordination Committee") - is one actor."""
    orgs = [en for en in _ents(st) if en.kind == "organization"]
    orgs.sort(key=lambda en: (en.actor_id is None, en.first))  # a KB body first: it stays
    for i, a in enumerate(orgs):
        for b_ in orgs[i + 1 :]:
            if a.key not in st.analysis.entities or b_.key not in st.analysis.entities:
                continue
            if b_.actor_id is not None or (a.country and b_.country and a.country != b_.country):
                continue  # two KB actors stay two; bodies of two countries too
            fa, fb = _body_form(a.name), _body_form(b_.name)
            if fa and fa == fb:
                st.merge(b_, a, "same-body")
                continue
            if a.actor_id is not None:
                continue
            wa, wb = normalize(a.name).split(), normalize(b_.name).split()
            short, long_ = (a, b_) if len(wa) < len(wb) else (b_, a)
            ws, wl = normalize(short.name).split(), normalize(long_.name).split()
            if len(ws) >= 2 and len(wl) > len(ws) and wl[-len(ws) :] == ws:
                st.merge(short, long_, "same-body")


def attributive_state(st: _Stage) -> None:
    """Rule "attributive-state": a country whose name holds a place word ("the Aland
    Islands government", "Aland Islands' minister") is the state, not a place name."""
    ending = _place_word_countries(st.kb)
    if not st.has_any(ending):
        return
    found: dict[str, list[tuple[int, int]]] = {}
    for at, word in _word_starts(st.text, ending, with_word=True):
        e = at + len(word)
        s = next((e - len(n) for n in ending[word] if st.text.endswith(n, 0, e)), -1)
        if s < 0 or st.taken(s, e):
            continue
        before = re.search(r"([A-Z][\w-]*)\s+$", st.text[max(0, s - 20) : s])
        if before and before.group(1).lower() not in STOP_CAPS:
            continue  # inside a longer name
        code = country_code(st.kb, st.text[s:e])
        if code:
            found.setdefault(code, []).append((s, e))
    for code, spans in found.items():
        if all(_LOCATIVE.search(st.text[max(0, s - 14) : s]) for s, _e in spans):
            continue  # "on the Aland Islands": only ever a place
        actor = st.kb.state_actor(code)
        country = st.kb.country(code)
        name = actor.name if actor else (country.name if country else code)
        for s, e in spans:
            st._add(
                f"state:{code}",
                "state",
                name,
                s,
                e,
                "name",
                False,
                "attributive-state",
                country=code,
                actor_id=actor.id if actor else None,
                rule="attributive-state",
                confidence=0.9,
            )


_PLACE_WORD_CACHE: dict[int, tuple[KnowledgeBase, dict[str, list[str]]]] = {}


def _place_word_countries(kb: KnowledgeBase) -> dict[str, list[str]]:
    """The countries whose names end with a place word, by that word as written, longest
    first ("Islands" -> ["Solomon Islands", ...]); built once per knowledge base."""
    cached = _PLACE_WORD_CACHE.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    ending: dict[str, list[str]] = {}
    for key, entries in kb.entries().items():
        words = key.split()
        if len(words) < 2 or words[-1] not in ISLAND_WORDS:
            continue
        for entry in entries:
            if entry.ref_kind in ("name", "alias") and entry.surface[:1].isupper():
                ending.setdefault(entry.surface.split()[-1], []).append(entry.surface)
    for names in ending.values():
        names.sort(key=len, reverse=True)
    if len(_PLACE_WORD_CACHE) > 8:
        _PLACE_WORD_CACHE.clear()
    _PLACE_WORD_CACHE[id(kb)] = (kb, ending)
    return ending


def _word_starts(text: str, words, *, with_word: bool = False):
    """Where each of ``words`` starts as a whole word in ``text``, found by plain substring
    search (far cheaper than a regex that tries every offset)."""
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalnum()) and (
                end >= len(text) or not text[end].isalnum()
            ):
                yield (at, word) if with_word else at
            at = text.find(word, end)


# -- rules: credits and bylines ----------------------------------------------------------------
def credit_line(st: _Stage) -> None:
    """Rule "credit-line": "Photo: Jan Novak/Wirenews", "Source: ABC" - the photographer is a
    person, the agency an organisation (the annotation counts both as actors)."""
    text = st.text
    if not st.has_any(CREDIT_LABELS):
        return
    for m in _CREDIT.finditer(text):
        body_start = m.start("body")
        for piece in re.finditer(r"[^/|;,]+", m.group("body")):
            raw = piece.group().strip()
            found = _CREDIT_PIECE.fullmatch(raw)
            if not found or raw.lower() in CREDIT_NOISE:
                continue
            s = body_start + piece.start() + piece.group().find(raw)
            e = s + len(raw)
            _credit_name(st, raw, s, e)


def _credit_name(st: _Stage, raw: str, s: int, e: int) -> None:
    known = st.mention_at(s, e)
    if known is not None:
        ent = st.analysis.entities.get(known.key)
        if ent is not None and ent.kind == "organization":
            known.source = True
        return
    if st.is_place(raw):
        return
    words = raw.split()
    lowered = [w.lower() for w in words]
    orgish = any(w in lexicon.ORG_HEADS or w in ("images", "photos", "pictures") for w in lowered)
    if len(words) == 1 or orgish or raw.isupper():
        st.add("organization", s, e, "credit-line", media=True, source=True, confidence=0.6)
        return
    if any(
        w in NOT_NAME_WORDS or w in STOP_CAPS or w in _MONTHS or w in _ROLE_WORDS for w in lowered
    ):
        return
    st.add("person", s, e, "credit-line", confidence=0.5)


def byline(st: _Stage) -> None:
    """Rule "byline": a line that holds only a name at the end (or "By Name" at the start)
    of the text, and "Reporting by Name; Editing by Name", name the article's authors."""
    paragraphs = st.doc.paragraphs
    for index in {0, len(paragraphs) - 1} if paragraphs else ():
        ps, pe = paragraphs[index]
        line = st.text[ps:pe].strip()
        m = _BYLINE.match(line)
        if not m or (index == 0 and not line.startswith("By ") and len(paragraphs) > 1):
            continue
        s = ps + st.text[ps:pe].find(m.group("n"))
        _byline_name(st, m.group("n"), s)
    if not st.has_any(_WIRE_WORDS) or " by " not in st.text:
        return
    for m in _WIRE_BYLINE.finditer(st.text):
        _byline_name(st, m.group("n"), m.start("n"))


# The endings of an outlet's one-word name ("Mercopress", "Gulfnews", "Pacificwire").
_OUTLET_ENDINGS = ("press", "news", "wire", "times", "post", "media", "today", "daily")
_SIGNATURE = re.compile(r"^[A-Z][A-Za-z]{3,}$")


def signature_agency(st: _Stage) -> None:
    """Rule "signature-agency": an outlet's one-word name alone on the text's last line
    ("... of the bloc.\n\nMercopress") is the agency that filed the article."""
    paragraphs = st.doc.paragraphs
    if len(paragraphs) < 2:
        return
    ps, pe = paragraphs[-1]
    line = st.text[ps:pe].strip()
    low = line.lower()
    if not _SIGNATURE.match(line) or not low.endswith(_OUTLET_ENDINGS) or low in _OUTLET_ENDINGS:
        return
    s = ps + st.text[ps:pe].find(line)
    st.add("organization", s, s + len(line), "signature-agency", media=True, source=True)


def _byline_name(st: _Stage, name: str, s: int) -> None:
    words = name.split()
    lowered = [w.lower().rstrip(".") for w in words]
    if not any(re.search(r"[a-z]", w) for w in words):
        return
    if any(
        w in NOT_NAME_WORDS or w in STOP_CAPS or w in _MONTHS or w in _ROLE_WORDS or w in PAGE_WORDS
        for w in lowered
    ):
        return
    if st.is_place(name) or st.taken(s, s + len(name)):
        return
    st.add("person", s, s + len(name), "byline", confidence=0.5)


def correspondent_agency(st: _Stage) -> None:
    """Rules "correspondent-agency" and "told-outlet": "a Wirenews correspondent reported",
    "sources told Wirenews" - the outlet is an organisation cited as a source."""
    text = st.text
    if any(noun in text for noun in CORRESPONDENT_NOUNS):
        for m in _CORRESPONDENT.finditer(text):
            _outlet(st, m, "correspondent-agency")
    if " told " in text:
        for m in _TOLD_OUTLET.finditer(text):
            _outlet(st, m, "told-outlet")


def _outlet(st: _Stage, m: re.Match, rule: str) -> None:
    s, e = m.span("n")
    name = m.group("n").rstrip(".")
    e = s + len(name)
    known = st.mention_at(s, e)
    if known is not None:
        ent = st.analysis.entities.get(known.key)
        if ent is not None and ent.kind == "organization":
            known.source = True
            ent.media = True
        return
    lowered = [w.lower() for w in name.split()]
    if any(w in _ROLE_WORDS or w in STOP_CAPS or w in MONTH_WORDS for w in lowered):
        return
    if st.is_place(name) or any(st.is_place(w) for w in name.split()):
        return
    st.add("organization", s, e, rule, media=True, source=True, confidence=0.55)


# -- rules: people the capitalised runs miss ---------------------------------------------------
def _plain_name(st: _Stage, name: str) -> bool:
    """Name words only: no body, place, month, stop or title word (a word that is a title in
    one language and a given name in another, "Amir", counts as a name word)."""
    lowered = [w.lower().strip("’'") for w in name.split()]
    if any(w in NOT_NAME_WORDS or w in STOP_CAPS or w in _MONTHS for w in lowered):
        return False
    if any(w in _NAME_ROLES or w in lexicon.ORG_HEADS for w in lowered):
        return False
    return not st.is_place(name) and not any(st.is_place(w) for w in name.split())


def particle_name(st: _Stage) -> None:
    """Rule "particle-name": "Tim van der Berg", "Ana de la Cruz" - lower-case particles
    between capitalised words make a personal name."""
    if not any(
        f" {p} " in st.text for p in ("van", "von", "de", "der", "da", "di", "du", "del", "dos")
    ):
        return
    for run in _PARTICLE_RUN.finditer(st.text):
        first = _PARTICLE_FIRST.search(st.text, max(0, run.start() - 25), run.start())
        last = _PARTICLE_LAST.match(st.text, run.end())
        if not first or not last:
            continue
        s, e = first.start(), last.end()
        name = st.text[s:e]
        if first.group("first").lower() in PLACE_FIRST_WORDS or st.taken(s, e):
            continue
        before = re.search(r"([A-Z][\w-]*)\s+$", st.text[max(0, s - 20) : s])
        if before and before.group(1).lower() not in STOP_CAPS and not _role(before.group(1)):
            continue  # inside a longer capitalised name
        owner = re.search(r"([A-Z][\w-]*)['’]s\s+$", st.text[max(0, s - 20) : s])
        if owner and owner.group(1).lower() in NOT_NAME_WORDS | lexicon.NON_ORG_RUN_WORDS:
            continue  # "the Palace's Patio de Honor": a part of a place
        bare = " ".join(w for w in name.split() if w not in PARTICLES)
        if not _plain_name(st, bare) or st.is_place(name):
            continue
        st.add("person", s, e, "particle-name", confidence=0.5)


def _role(word: str) -> bool:
    return word.lower().rstrip(".") in _ROLE_WORDS


def apostrophe_honorific(st: _Stage) -> None:
    """Rule "apostrophe-honorific": "Dato’ Amir Hassan" - an honorific written with an
    apostrophe (straight or curly) stands before a name."""
    if "’ " not in st.text and "' " not in st.text:
        return
    for m in _APOSTROPHE_HONORIFIC.finditer(st.text):
        if m.group("hon").lower() not in lexicon.HONORIFICS:
            continue
        s, e = m.span("n")
        if st.taken(s, e) or not _plain_name(st, m.group("n")):
            continue
        country = None
        before = st.text[max(0, m.start() - 60) : m.start()]
        for word in reversed(re.findall(r"[A-Z][a-z]+", before)):
            country = country_code(st.kb, word)
            if country:
                break
        st.add("person", s, e, "apostrophe-honorific", country=country, confidence=0.6)


def life_event_name(st: _Stage) -> None:
    """Rule "life-event-name": "following the resignation of Peter Jones" - two name words
    after a noun of an event in a person's life are that person, even named once."""
    for m in _LIFE_EVENT.finditer(st.text):
        if not _LIFE_EVENT_BEFORE.search(st.text[max(0, m.start() - 14) : m.start()]):
            continue
        s, e = m.span("n")
        if st.taken(s, e) or not _plain_name(st, m.group("n")):
            continue
        st.add("person", s, e, "life-event-name", confidence=0.45)


# -- rules: one actor named twice --------------------------------------------------------------
def nickname(st: _Stage) -> None:
    """Rule "nickname": "President Joko Susanto, also known as Joksu" and a short name made of
    the full name's first letters or syllables ("Joksu", "JS") are that person."""
    people = [en for en in _ents(st) if en.kind == "person"]
    parts = {en.key: en.name_tokens for en in people}
    full = [en for en in people if len(parts[en.key]) >= 2]
    full_keys = {en.key for en in full}
    # The full names by the first two letters of their first word, and by each word.
    by_start: dict[str, list[Entity]] = {}
    by_word: dict[str, list[Entity]] = {}
    for en in full:
        by_start.setdefault(parts[en.key][0][:2], []).append(en)
        for word in set(parts[en.key]):
            by_word.setdefault(word, []).append(en)
    singles = [
        en
        for en in people
        if en.key not in full_keys and en.actor_id is None and len(en.name.split()) == 1
    ]
    for ent in singles:
        word = normalize(ent.name)
        pool = full if ent.name.isupper() else by_start.get(word[:2], ())  # initials: any
        owners = [p for p in pool if _blend_of(ent.name, parts[p.key])]
        if len(owners) == 1:
            st.merge(ent, owners[0], "nickname")
            continue
        owners = by_word.get(word, [])
        if len(owners) == 1 and owners[0].rule.split("+")[0] in _OWN_RULES:
            st.merge(ent, owners[0], "short-of-new-name")
    for ent in full:
        _initials(st, ent)
    if "known as" not in st.text and "nicknamed" not in st.text:
        return
    for m in list(st.analysis.mentions):
        ent = st.analysis.entities.get(m.key)
        if ent is None or ent.kind != "person" or m.how != "name" or len(ent.name_tokens) < 2:
            continue
        km = _ALSO_KNOWN.match(st.text[m.end : m.end + 60])
        if not km:
            continue
        s, e = m.end + km.start("n"), m.end + km.end("n")
        other = st.mention_at(s, e)
        if other is None:
            if _plain_name(st, km.group("n")) or not st.is_place(km.group("n")):
                st._mention(ent, s, e, "nickname")
                # The nickname wherever else it stands, where nothing else is named.
                for at in _word_starts(st.text, (km.group("n"),)):
                    if at != s and not st.taken(at, at + e - s):
                        st._mention(ent, at, at + e - s, "nickname", "short")
            continue
        oent = st.analysis.entities.get(other.key)
        if oent is not None and oent.kind == "person" and oent.actor_id is None and oent is not ent:
            st.merge(oent, ent, "nickname")


def _initials(st: _Stage, ent: Entity) -> None:
    """Rule "initials": "AMLO" for "Andres Manuel Lopez Obrador" - the initials of a name of
    three words or more, in capitals, where nothing else is named there, are that person."""
    parts = ent.name_tokens
    if len(parts) < 3 or ent.key not in st.analysis.entities:
        return
    short = "".join(p[0] for p in parts).upper()
    if short not in st.caps_words:
        return
    for at in _word_starts(st.text, (short,)):
        if not st.taken(at, at + len(short)):
            st._mention(ent, at, at + len(short), "initials", "short")


# The rules of this stage that name people (their short forms were not resolved before).
_OWN_RULES = {"credit-line", "byline", "particle-name", "apostrophe-honorific", "life-event-name"}


def _blend_of(word: str, parts: list[str]) -> bool:
    """ "Joksu" of "Joko Susanto": prefixes of the name's parts, in order, that spell the word
    (at least two parts, the first prefix at least two letters; initials for all-capitals)."""
    w = normalize(word)
    if len(w) < 3 or len(parts) < 2:
        return False
    if word.isupper():
        return w == "".join(p[0] for p in parts)

    def spell(rest: str, k: int, used: int) -> bool:
        if not rest:
            return used >= 2
        if k >= len(parts):
            return False
        part = parts[k]
        for n in range(min(len(part), len(rest)), 0, -1):
            if (k > 0 or n >= 2) and rest.startswith(part[:n]) and spell(rest[n:], k + 1, used + 1):
                return True
        return spell(rest, k + 1, used) if k > 0 else False

    return w != parts[0] and spell(w, 0, 0)


RULES: tuple[Callable[[_Stage], None], ...] = (
    dateline_date_not_agency,
    dateline_agency_pair,
    title_not_body,
    roman_numeral_not_name,
    venue_not_actor,
    programme_not_actor,
    event_title_not_actor,
    attributive_state,
    acronym_before_noun,
    armed_group_before_noun,
    acronym_in_brackets,
    possessive_office,
    demonym_body,
    term_of_office_not_actor,
    embassy_of,
    sub_body,
    party_possessive,
    list_body,
    same_body,
    credit_line,
    byline,
    signature_agency,
    correspondent_agency,
    particle_name,
    apostrophe_honorific,
    life_event_name,
    nickname,
)


def refine(doc: Document, analysis: Analysis, kb: KnowledgeBase) -> None:
    """Apply every rule of this stage to ``analysis`` in place (see the module docstring)."""
    stage = _Stage(doc, analysis, kb)
    for rule in RULES:
        rule(stage)
    stage.finish()
