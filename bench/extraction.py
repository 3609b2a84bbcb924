"""Throughput of the pipeline: ``python -m bench.extraction``.

Builds a knowledge base of about 100,000 aliases and synthetic ~800-word articles, then
prints articles per second on one core (best of ``--rounds``), the CPU time of one long
text (``--long`` KB, 300 by default, and a quarter of it: time linear in the text grows x4)
and, with ``--profile N``, the N functions that cost most. Prints figures only; asserts
nothing.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from datetime import date

from meetings import reference
from meetings.extraction import ArticleInput, extract
from meetings.extraction.kb import KBActor, KBAlias, KnowledgeBase

_SYLLABLES = [
    "ka", "lo", "mi", "ra", "ten", "vo", "shi", "an", "del", "ru", "be", "zan", "to", "mar",
    "ni", "sel", "qu", "or", "li", "pa", "gor", "ev", "un", "dra", "ko", "fe", "sa", "im",
]  # fmt: skip
_TITLES = ["Foreign Minister", "President", "Prime Minister", "Defence Minister", "Ambassador"]
_FILLER = (
    "The two sides discussed trade, energy and regional security and agreed to deepen "
    "cooperation in several fields. Officials said the relationship had grown steadily. "
)


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def build_kb(rng: random.Random, target_aliases: int = 100_000) -> tuple[KnowledgeBase, list]:
    countries = reference.countries()
    actors: list[KBActor] = [
        KBActor(f"state:{c.code}", c.name, "state", c.code, tuple(KBAlias(a) for a in c.aliases))
        for c in countries
    ]
    people = []
    count = sum(1 + len(a.aliases) for a in actors)
    i = 0
    while count < target_aliases:
        first, last = _word(rng, 2), _word(rng, 3)
        c = rng.choice(countries)
        aliases = (
            KBAlias(last),
            KBAlias(f"Mr. {last}"),
            KBAlias(f"{first[0]}. {last}"),
            KBAlias(f"the {c.demonyms[0] if c.demonyms else c.name} envoy {i}", True),
        )
        person = KBActor(i, f"{first} {last}", "person", c.code, aliases)
        actors.append(person)
        people.append((person, c))
        count += 1 + len(aliases)
        i += 1
    return KnowledgeBase(actors), people


def make_article(rng: random.Random, people) -> ArticleInput:
    (a, ca), (b, cb) = rng.sample(people, 2)
    host_city = ca.capitals[0] if ca.capitals else "Geneva"
    parts = [
        f"{ca.demonyms[0] if ca.demonyms else ca.name} {rng.choice(_TITLES)} {a.name} met "
        f"{cb.demonyms[0] if cb.demonyms else cb.name} {rng.choice(_TITLES)} {b.name} in "
        f"{host_city} on Tuesday, the foreign ministry said.\n\n",
        f"“We have agreed to work together on many issues,” {a.name.split()[-1]} said.\n\n",
    ]
    words = sum(len(p.split()) for p in parts)
    while words < 800:
        if rng.random() < 0.15:
            (c, cc) = rng.choice(people)
            sentence = (
                f"{c.name}, the {cc.demonyms[0] if cc.demonyms else cc.name} envoy, said "
                f"“progress is real” after talks with {cb.name} on Monday. "
            )
        else:
            sentence = _FILLER
        parts.append(sentence)
        words += len(sentence.split())
    return ArticleInput(
        text="".join(parts),
        published=date(2024, 3, 14),
        dateline=f"{host_city.upper()}, March 14 (Agency)",
    )


def long_text(articles: list[ArticleInput], size: int) -> ArticleInput:
    """One text of about ``size`` characters: the bench articles one after another."""
    parts, length = [], 0
    for article in itertools.cycle(articles):
        if length >= size:
            break
        parts.append(article.text)
        length += len(article.text) + 2
    first = articles[0]
    return ArticleInput(text="\n\n".join(parts), published=first.published, dateline=first.dateline)


def _cpu_seconds(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extraction")
    parser.add_argument("--rounds", type=int, default=3, help="best of N rounds (default 3)")
    parser.add_argument(
        "--long", type=int, default=300, metavar="KB", help="size of the long text (default 300)"
    )
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="print the N costliest functions"
    )
    args = parser.parse_args(argv)
    rng = random.Random(7)
    t0 = time.perf_counter()
    kb, people = build_kb(rng)
    aliases = sum(len(v) for v in kb.entries().values())
    t1 = time.perf_counter()
    articles = [make_article(rng, people) for _ in range(200)]
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    extract(articles[0], kb)  # warm-up
    rounds = []
    for _ in range(max(1, args.rounds)):  # best of N: the machine may be shared
        t2, c2 = time.perf_counter(), time.process_time()
        for article in articles:
            extract(article, kb)
        t3, c3 = time.perf_counter(), time.process_time()
        rounds.append((c3 - c2, t3 - t2))
    cpu, wall = min(rounds)
    print(
        f"knowledge base: {len(kb.actors):,} actors, {aliases:,} alias entries, "
        f"compiled in {t1 - t0:.2f} s"
    )
    print(f"articles: {len(articles)} of ~{words:.0f} words")
    print(
        f"extraction: {len(articles) / cpu:.1f} articles/s of CPU time on one core "
        f"({1000 * cpu / len(articles):.1f} ms each; rounds: "
        f"{', '.join(f'{len(articles) / c:.0f}' for c, _ in rounds)}); "
        f"wall clock {len(articles) / wall:.1f} articles/s"
    )
    if args.long > 0:
        quarter = long_text(articles, args.long * 250)
        big = long_text(articles, args.long * 1000)
        small_s = _cpu_seconds(lambda: extract(quarter, kb))
        big_s = _cpu_seconds(lambda: extract(big, kb))
        print(
            f"long text: {len(big.text) / 1000:.0f} KB in {big_s:.2f} s of CPU "
            f"({len(quarter.text) / 1000:.0f} KB in {small_s:.2f} s: "
            f"x{big_s / small_s if small_s else float('nan'):.1f} for x4 the text)"
        )
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(lambda: [extract(article, kb) for article in articles])
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
