"""Glue: runs the stages in order and turns their findings into a Proposal."""

from __future__ import annotations

import re
from datetime import date

from . import lexicon
from .document import document
from .kb import KnowledgeBase, normalize
from .mentions import Analysis, Entity, analyze
from .organisations import refine
from .places import is_country_name
from .proposal import ActorProposal, Proposal

# Name particles and the abbreviated honorifics that do not make a name different.
_PARTICLES = lexicon.PARTICLES | lexicon.COURTESY_TITLES


def _actor_name(ent: Entity, kb: KnowledgeBase) -> str:
    """Canonical name when the KB knows the actor, else the fullest surface form."""
    if ent.kind == "state":
        # "Türkiye" in the text of a KB "Turkey": the text's own name for the country
        # (never a capital or "the Chinese government").
        canon = set(normalize(ent.name).split())
        names = [s for s in ent.surfaces if is_country_name(kb, s, state_aliases=True)]
        if names and not any(canon <= set(normalize(s).split()) for s in names):
            return names[0]
        return ent.name
    if ent.actor_id is not None:
        # The KB's canonical name, unless the text spells it otherwise throughout
        # ("Zelensky" for a KB "Zelenskyy"): then the fullest form the text uses.
        canon = set(normalize(ent.name).split()) - _PARTICLES
        seen = {t for s in ent.surfaces for t in normalize(s).split()}
        if ent.kind == "state" or not ent.surfaces or canon & seen == canon:
            return ent.name
        if not any(len(set(normalize(s).split()) - _PARTICLES) >= 2 for s in ent.surfaces):
            return ent.name
        return max(ent.surfaces, key=lambda s: (len(normalize(s).split()), len(s)))
    if ent.rule.startswith("builtin") and ent.surfaces:
        # Not a KB actor: the fullest form the text uses ("APEC", "Xinhua news agency").
        return max(ent.surfaces, key=lambda s: (len(normalize(s).split()), len(s)))
    best = ent.name
    for s in ent.surfaces:
        if len(normalize(s).split()) > len(normalize(best).split()) and ent.kind != "state":
            best = s
    best = re.sub(r"^(?:the|The)\s+", "", best)
    return best


def run(article, kb: KnowledgeBase, *, ner=None, today: date | None = None) -> Proposal:
    from .meetings import find_meetings
    from .quotes import find_paraphrases, find_statements

    doc = document(
        article.text or "", dateline=article.dateline, published=article.published, today=today
    )
    analysis: Analysis = analyze(doc, kb)
    refine(doc, analysis, kb)
    if ner is not None:
        _add_ner(analysis, doc.text, ner)

    statements = find_statements(doc, analysis)
    statements += find_paraphrases(doc, analysis)
    statements.sort(key=lambda st: st.span)
    meetings = find_meetings(doc, analysis, kb)
    _link_statements_to_meetings(statements, meetings, doc.sentences)

    used_keys = {p.key for m in meetings for p in m.participants_keys} if meetings else set()
    used_keys |= {st.speaker for st in statements}  # a speaker is an actor, however named
    # Each entity's named surfaces, in mention order, gathered in one pass over the
    # mentions (a scan per entity grew with entities x mentions on a long text).
    named: dict[str, list[str]] = {}
    acting: set[str] = set()  # named at least once other than as a side of a thing
    for m in analysis.mentions:
        if m.how in ("name", "short", "metonym"):
            named.setdefault(m.key, []).append(m.surface)
        if not m.modifier:
            acting.add(m.key)
    actors = []
    for ent in sorted(analysis.entities.values(), key=lambda e: e.first):
        if not ent.spans:
            continue
        surfaces = named.get(ent.key, [])
        if not surfaces and ent.key not in used_keys:
            continue
        if ent.key not in acting and ent.key not in used_keys:
            continue  # rule "country-pair-modifier": only a side of "the A-B war"
        actors.append(
            ActorProposal(
                name=_actor_name(ent, kb),
                kind=ent.kind,
                country=ent.country,
                title=ent.title,
                aliases=sorted(set(surfaces)),
                actor_id=ent.actor_id,
                spans=sorted(set(ent.spans)),
                confidence=ent.confidence,
                rule=ent.rule,
            )
        )
    names = {ent.key: _actor_name(ent, kb) for ent in analysis.entities.values()}
    for st in statements:
        st.speaker = names.get(st.speaker, st.speaker)
        if st.via in names:
            st.via = names[st.via]
    proposal_meetings = [m.to_proposal(names, analysis.entities) for m in meetings]
    return Proposal(actors=actors, meetings=proposal_meetings, statements=statements)


def _link_statements_to_meetings(statements, meetings, sents) -> None:
    """A statement belongs to the nearest encounter its speaker took part in (the one told
    just before it, else the next); none when the speaker took part in none."""
    # Each speaker's encounters, in order, looked up instead of scanning every encounter.
    by_party: dict[str, list[int]] = {}
    for index, m in enumerate(meetings):
        for key in dict.fromkeys(p.key for p in m.participants_keys):
            by_party.setdefault(key, []).append(index)
    for st in statements:
        options = [(index, meetings[index]) for index in by_party.get(st.speaker, ())]
        if not options:
            continue
        before = [(m.span[0], index) for index, m in options if m.span[0] <= st.span[0]]
        if before:
            st.meeting_index = max(before)[1]
        else:
            st.meeting_index = min((m.span[0], index) for index, m in options)[1]


def _add_ner(analysis: Analysis, text: str, ner) -> None:
    for start, end, label in ner(text) or ():
        if any(m.start <= start < m.end for m in analysis.mentions if m.key):
            continue
        kind = {"PERSON": "person", "ORG": "organization"}.get(label)
        if not kind:
            continue
        surface = text[start:end]
        analysis.add_entity(
            f"ner:{normalize(surface)}",
            kind,
            surface,
            span=(start, end),
            surface=surface,
            rule="ner",
            confidence=0.4,
        )
    analysis.mentions.sort(key=lambda m: (m.start, -m.end))
