"""Knowledge-base snapshot the extractor matches against.

The DB side builds a ``KnowledgeBase`` from Actor/Alias/Position rows; ``devscore`` builds one
from reference data. Pure Python: no Django here.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import accumulate

from meetings import reference

from . import lexicon

__all__ = ["KBActor", "KBAlias", "KBPosition", "KnowledgeBase", "normalize", "normalize_with_map"]

_NON_WORD = re.compile(r"[^0-9a-z]+")
_WORD = re.compile(r"[0-9a-z]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_match_start, _match_group = re.Match.start, re.Match.group
_plus_one = (1).__add__
_PUNCT = frozenset("“”‘’„‟«»‹›–—―…•·\xa0\u200b")
# Non-ASCII character -> its one-character fold ("é" -> "e", "“" -> " "), or "" when it folds
# to several characters ("ß" -> "ss"), which the slow path handles.
_FOLD_CACHE: dict[str, str] = {}


def _fold_one(ch: str) -> str:
    folded = _FOLD_CACHE.get(ch)
    if folded is None:
        if ch in _PUNCT:
            folded = " "
        else:
            folded = _fold_char(ch)
            folded = " " if not folded else folded if len(folded) == 1 else ""
        _FOLD_CACHE[ch] = folded
    return folded


def _fast_fold(text: str) -> str | None:
    """Casefolded text of the same length (one output character per input), or None.

    Only the non-ASCII characters go through Python (an article has a few dozen: quote
    marks, dashes, accents); the rest is one C-level ``lower()``.
    """
    if text.isascii():
        return text.lower()
    folds = {ch: _fold_one(ch) for ch in set(_NON_ASCII.findall(text))}
    if "" in folds.values():
        return None
    return _NON_ASCII.sub(lambda m: folds[m.group()], text).lower()


def _fold_char(ch: str) -> str:
    if ch.isascii():
        return ch.lower()
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """Casefold, strip accents, turn punctuation into spaces and collapse whitespace.

    "Mr. Li" -> "mr li"; "Vučić" -> "vucic"; "China’s" -> "china s". The DB stores
    Alias.normalized with this exact function.
    """
    fast = _fast_fold(text)
    if fast is not None:
        return " ".join(_WORD.findall(fast))
    folded = "".join(_fold_char(ch) for ch in text)
    return _NON_WORD.sub(" ", folded).strip()


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """``normalize`` that also returns, for each output character, its offset in ``text``.

    Unlike ``normalize`` the result keeps one leading/trailing space-free form but is built
    character by character so that automaton hits can be mapped back to article offsets.
    """
    fast = _fast_fold(text)
    if fast is not None:
        # C-level maps over the matches: each word starts one space after the previous.
        matches = list(_WORD.finditer(fast))
        words = list(map(_match_group, matches))
        norm_starts = list(accumulate(map(_plus_one, map(len, words)), initial=0))
        norm_starts.pop()
        return " ".join(words), _OffsetMap(norm_starts, list(map(_match_start, matches)))
    out: list[str] = []
    offsets = []
    pending_space = False
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        for c in folded:
            if ("a" <= c <= "z") or ("0" <= c <= "9"):
                if pending_space and out:
                    out.append(" ")
                    offsets.append(i)
                pending_space = False
                out.append(c)
                offsets.append(i)
            else:
                pending_space = True
        if not folded:
            continue
    return "".join(out), offsets


class _OffsetMap:
    """Offset in the normalised text -> offset in the original (folding kept word lengths)."""

    __slots__ = ("norm_starts", "orig_starts")

    def __init__(self, norm_starts: list[int], orig_starts: list[int]):
        self.norm_starts = norm_starts
        self.orig_starts = orig_starts

    def __getitem__(self, position: int) -> int:
        i = bisect_right(self.norm_starts, position) - 1
        return self.orig_starts[i] + (position - self.norm_starts[i])

    def __len__(self) -> int:
        return self.norm_starts[-1] + 1 if self.norm_starts else 0


@dataclass(frozen=True)
class KBAlias:
    text: str
    is_role: bool = False
    valid_from: date | None = None
    valid_to: date | None = None

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return self.valid_from is None and self.valid_to is None
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day > self.valid_to)


@dataclass(frozen=True)
class KBPosition:
    title: str
    country: str | None = None
    organization: str = ""
    start: date | None = None
    end: date | None = None

    def held_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        if self.start and day < self.start:
            return False
        return not (self.end and day > self.end)


@dataclass(frozen=True)
class KBActor:
    id: int | str
    name: str
    kind: str  # "person" | "organization" | "state"
    country: str | None = None
    aliases: tuple[KBAlias, ...] = ()
    positions: tuple[KBPosition, ...] = ()

    def holds_role_on(self, alias: KBAlias, day: date | None) -> bool:
        """Rule "role-in-office": a role alias ("the French president") names this actor
        only on a day inside its own dates, or, when the alias has none, inside one of the
        actor's positions with that office (any position when none shares a word with the
        alias). An actor without positions keeps the undated alias."""
        if alias.valid_from or alias.valid_to or not self.positions:
            return alias.valid_on(day)
        words = set(normalize(alias.text).split()) - {"the", "of", "a"}
        matching = [p for p in self.positions if words & set(normalize(p.title).split())]
        return any(p.held_on(day) for p in matching or self.positions)


@dataclass(frozen=True)
class AliasEntry:
    """One automaton payload: an actor alias, or a piece of country reference data."""

    key: str  # normalized surface
    surface: str  # as written in the KB
    actor_id: int | str | None = None
    alias: KBAlias | None = None
    country: str | None = None  # for reference entries
    ref_kind: str = ""  # "", "name", "alias", "demonym", "capital", "media", "org", "intl"
    canonical: str = ""  # built-in organisations: their usual name


class KnowledgeBase:
    """Actors, aliases and country reference data; one lazily compiled alias automaton."""

    def __init__(
        self,
        actors: Iterable[KBActor] = (),
        countries: Iterable[reference.Country] | None = None,
        rejected_links: Iterable[tuple[str, int | str]] = (),
    ) -> None:
        self.actors = tuple(actors)
        self.countries = tuple(reference.countries() if countries is None else countries)
        self.rejected = {(normalize(s), str(a)) for s, a in rejected_links}
        self.by_id: dict[str, KBActor] = {str(a.id): a for a in self.actors}
        self.country_by_code = {c.code: c for c in self.countries}
        self.state_by_country: dict[str, KBActor] = {}
        for actor in self.actors:
            if actor.kind == "state" and actor.country:
                self.state_by_country.setdefault(actor.country.upper(), actor)
        self._automaton = None
        self._entries: dict[str, list[AliasEntry]] | None = None

    # -- lookups -------------------------------------------------------------------------
    def actor(self, actor_id: int | str | None) -> KBActor | None:
        return None if actor_id is None else self.by_id.get(str(actor_id))

    def state_actor(self, code: str | None) -> KBActor | None:
        return self.state_by_country.get((code or "").upper())

    def country(self, code: str | None) -> reference.Country | None:
        return self.country_by_code.get((code or "").upper())

    def is_rejected(self, surface: str, actor_id: int | str) -> bool:
        return (normalize(surface), str(actor_id)) in self.rejected

    def entries(self) -> dict[str, list[AliasEntry]]:
        if self._entries is None:
            self._build()
        return self._entries  # type: ignore[return-value]

    @property
    def automaton(self):
        if self._automaton is None:
            self._build()
        return self._automaton

    # -- compilation ---------------------------------------------------------------------
    def _build(self) -> None:
        import ahocorasick

        entries: dict[str, list[AliasEntry]] = {}

        def add(surface: str, **kw) -> None:
            key = normalize(surface)
            if not key:
                return
            entries.setdefault(key, []).append(AliasEntry(key=key, surface=surface, **kw))

        for actor in self.actors:
            seen = set()
            for alias in (KBAlias(actor.name), *actor.aliases):
                key = (normalize(alias.text), alias.is_role, alias.valid_from, alias.valid_to)
                if key in seen:
                    continue
                seen.add(key)
                add(alias.text, actor_id=actor.id, alias=alias)
        for c in self.countries:
            add(c.name, country=c.code, ref_kind="name")
            for a in c.aliases:
                add(a, country=c.code, ref_kind="alias")
            for d in c.demonyms:
                add(d, country=c.code, ref_kind="demonym")
            for cap in c.capitals:
                add(cap, country=c.code, ref_kind="capital")

        for name, code, aliases in lexicon.MEDIA:
            for surface in (name, *aliases):
                add(surface, country=code, ref_kind="media", canonical=name)
        for name, code, aliases in lexicon.NATIONAL_ORGS:
            for surface in (name, *aliases):
                add(surface, country=code, ref_kind="org", canonical=name)
        for name, aliases in lexicon.INTERNATIONAL:
            for surface in (name, *aliases):
                add(surface, country=None, ref_kind="intl", canonical=name)

        # Keys padded with a space each side, searched in the padded text: the automaton
        # reports only matches on word boundaries ("li" in "li met", never in "lima"),
        # instead of every substring for Python to filter.
        automaton = ahocorasick.Automaton()
        for key in entries:
            automaton.add_word(f" {key} ", key)
        automaton.make_automaton()
        self._entries = entries
        self._automaton = automaton

    def find(self, normalized_text: str):
        """Yield (start, end, key) for every alias occurring on word boundaries."""
        if not normalized_text:
            return
        # In the padded text the match " key " ends at end_index; in the text, key ends one
        # character before the closing space (the leading pad shifts offsets by one).
        for end_index, key in self.automaton.iter(f" {normalized_text} "):
            end = end_index - 1
            yield end - len(key), end, key
