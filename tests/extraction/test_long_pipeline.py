"""Time linear in the text: the whole pipeline on one 300 KB article, with a generous bound.

The text names many people (known ones by surname and "Mr." form, unknown ones with a
title), quotes them, reports their words without quote marks and tells one encounter in
every other paragraph, so that every stage that once compared each mention, person,
sentence or encounter with every other has work to do. The pass takes about 2 s here
(before the speed-ups of issue 11 a denser text took 31 s); the bound holds on a loaded
machine and still fails on a loop over every pair.
"""

import itertools
import time
from datetime import date

from meetings.extraction import ArticleInput, KBActor, KBAlias, KnowledgeBase, extract

SIZE = 300_000
BOUND_S = 10.0

_SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vo", "shi", "an", "del", "ru", "be", "zan"]
_CITIES = ["Oslo", "Lima", "Accra", "Hanoi", "Quito", "Riga"]
# A paragraph of background between encounters, as a long report has: no names in it.
_BACKGROUND = (
    "Both governments have spent the past year on a long list of smaller agreements on "
    "fisheries, shipping and student exchanges. Officials on each side described the "
    "relationship as steady, and several business groups asked for faster customs checks "
    "at the ports. Analysts expect more of the same in the months ahead, with progress "
    "measured in small steps rather than in grand announcements.\n\n"
)


def _names():
    """Made-up (given name, surname) pairs, every surname a different one."""
    for i, parts in enumerate(itertools.product(_SYLLABLES, repeat=4)):
        first = (
            _SYLLABLES[i % len(_SYLLABLES)] + _SYLLABLES[(i // len(_SYLLABLES)) % len(_SYLLABLES)]
        )
        yield first.capitalize(), "".join(parts).capitalize()


def _paragraph(known, unknown, city):
    """Our own sentences: a known minister by full name, then by surname and "Mr."; an
    unknown envoy with a title; a quote, paraphrases and a meeting."""
    (_k_first, k_last), (u_first, u_last) = known, unknown
    return (
        f"Foreign Minister {_k_first} {k_last} met Ambassador {u_first} {u_last} in {city} "
        f"on Tuesday. “We have agreed to work together on trade and energy,” {k_last} said. "
        f"Mr. {k_last} said that the two sides would meet again soon. "
        f"{u_last} said trade between the countries had grown.\n\n" + _BACKGROUND
    )


def test_the_whole_pipeline_takes_linear_time_on_one_300_kb_article(state_actors):
    names = _names()
    paragraphs, known_people, length = [], [], 0
    while length < SIZE:
        known, unknown = next(names), next(names)
        known_people.append(known)
        paragraph = _paragraph(known, unknown, _CITIES[len(paragraphs) % len(_CITIES)])
        paragraphs.append(paragraph)
        length += len(paragraph)
    kb = KnowledgeBase(
        state_actors
        + [
            KBActor(
                id=1000 + i,
                name=f"{first} {last}",
                kind="person",
                aliases=(KBAlias(last), KBAlias(f"Mr. {last}")),
            )
            for i, (first, last) in enumerate(known_people)
        ]
    )
    article = ArticleInput(text="".join(paragraphs), published=date(2024, 3, 14))
    extract(ArticleInput(text=paragraphs[0], published=date(2024, 3, 14)), kb)  # warm-up

    start = time.process_time()
    proposal = extract(article, kb)
    spent = time.process_time() - start

    # The stages did their work on every paragraph, not only on the first ones.
    last_first, last_last = known_people[-1]
    actor = next(a for a in proposal.actors if a.name == f"{last_first} {last_last}")
    assert actor.actor_id == 1000 + len(known_people) - 1
    assert {"Mr. " + last_last, last_last} <= set(actor.aliases)
    quoted = [
        s
        for s in proposal.statements
        if s.text == "We have agreed to work together on trade and energy"
    ]
    assert len(quoted) == len(paragraphs)
    assert quoted[-1].speaker == f"{last_first} {last_last}"
    assert len(proposal.meetings) >= len(paragraphs) // 2
    assert spent < BOUND_S, f"{spent:.1f} s for {len(article.text) // 1000} KB"
