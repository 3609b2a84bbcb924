"""Countries and cities as the knowledge base and the word lists know them: one definition of
each lookup for every stage (they used to be written twice, with different rules)."""

from __future__ import annotations

from functools import lru_cache

from . import lexicon
from .kb import KnowledgeBase, normalize


def country_code(kb: KnowledgeBase, text: str | None) -> str | None:
    """ISO code for a country name, alias, demonym or capital ("Peruvian" -> "PE")."""
    if not text:
        return None
    key = normalize(text)
    if key.startswith("the "):
        key = key[4:]
    for kind in ("name", "alias", "demonym", "capital"):
        for entry in kb.entries().get(key, ()):
            if entry.ref_kind == kind:
                return entry.country
    for entry in kb.entries().get(key, ()):
        actor = kb.actor(entry.actor_id)
        if actor is not None and actor.kind == "state":
            return actor.country
    return None


def is_country_name(kb: KnowledgeBase, text: str, *, state_aliases: bool = False) -> bool:
    """True for a country's name or alias ("Türkiye"), not a demonym or capital; with
    ``state_aliases``, also for any alias of a state actor in the knowledge base."""
    for entry in kb.entries().get(normalize(text), ()):
        if entry.ref_kind in ("name", "alias"):
            return True
        if state_aliases:
            actor = kb.actor(entry.actor_id)
            if actor is not None and actor.kind == "state":
                return True
    return False


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str]]:
    cities: dict[str, tuple[str, str]] = {}
    for name, code in lexicon.CITIES.items():
        cities.setdefault(normalize(name), (name, code))  # the first spelling listed
    return cities


def city_country(kb: KnowledgeBase, word: str) -> tuple[str | None, str | None]:
    """(city as named, ISO code) for a venue, a capital or a known city; (None, None)."""
    key = normalize(word)
    if key in lexicon.VENUES:
        return lexicon.VENUES[key]
    for entry in kb.entries().get(key, []):
        if entry.ref_kind == "capital":
            return word, entry.country
    return _cities().get(key, (None, None))
