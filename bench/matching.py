"""What matching adds to each proposed meeting (meetings/services/matching.py), on a corpus
in PostgreSQL: ``make bench-matching`` (or ``python -m bench.matching`` with DATABASE_URL
and DJANGO_SETTINGS_MODULE=bench.settings).

What extraction calls for each proposed meeting is ``meeting_candidate_ids``; the review
card loads the match for display (``meeting_candidates``). Proposals are made from
recorded meetings picked at random: the same participants on the
same day or a day off (found), with a state for one side (an unnamed side), and random
pairs of actors on random days (a new meeting: nothing found). Prints milliseconds per
proposal (mean, p50, p95, max), queries per proposal, how many found their meeting, and the
plan of the participation lookup. Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import time


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def _proposals(rng: random.Random, samples: int) -> list[tuple[str, dict, int | None]]:
    """(label, meeting_candidates kwargs, the meeting it should find or None)."""
    from django.db.models import Max, Min

    from meetings.models import Actor, Meeting

    bounds = Meeting.objects.aggregate(lo=Min("pk"), hi=Max("pk"))
    ids = [rng.randint(bounds["lo"], bounds["hi"]) for _ in range(samples * 2)]
    meetings = list(
        Meeting.objects.filter(pk__in=ids, start_date__isnull=False)
        .prefetch_related("participations__actor")
        .order_by("?")[:samples]
    )
    states = {
        a.country_id: a for a in Actor.objects.filter(kind=Actor.Kind.STATE).exclude(country=None)
    }
    actor_hi = Actor.objects.aggregate(hi=Max("pk"))["hi"]
    out = []
    for m in meetings:
        actors = [p.actor for p in m.participations.all()]
        shift = dt.timedelta(days=rng.choice((-1, 0, 0, 1)))
        common = {"date": m.start_date + shift, "kind": m.kind, "status": "held"}
        out.append(("same people", {"participants": actors, **common}, m.pk))
        state = states.get(actors[-1].country_id)
        if state is not None and len(actors) == 2:
            out.append(
                ("a state for one side", {"participants": [actors[0], state], **common}, m.pk)
            )
        strangers = list(Actor.objects.filter(pk__in=[rng.randint(1, actor_hi) for _ in range(4)]))[
            :2
        ]
        day = m.start_date + dt.timedelta(days=rng.randint(-2000, 0))
        out.append(
            ("new meeting", {"participants": strangers, "date": day, "kind": "meeting"}, None)
        )
    return out


def _server_ms(statements: list[str]) -> float:
    """Planning + execution time PostgreSQL reports for these statements (run again)."""
    import json

    from django.db import connection

    total = 0.0
    with connection.cursor() as cur:
        for sql in statements:
            cur.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            plan = cur.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            total += plan[0]["Planning Time"] + plan[0]["Execution Time"]
    return total


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=300, help="recorded meetings sampled")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    _setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meetings.models import Article, Participation
    from meetings.services.matching import meeting_candidate_ids, meeting_candidates

    with connection.cursor() as cur:
        cur.execute(
            "SELECT relname, reltuples::bigint FROM pg_class WHERE relname IN "
            "('meetings_article', 'meetings_meeting', 'meetings_participation', 'meetings_actor')"
        )
        sizes = dict(cur.fetchall())
    print(
        "corpus (planner's estimates):",
        ", ".join(f"{k[9:]} {v:,}" for k, v in sorted(sizes.items())),
    )
    if not Article.objects.exists():
        print("empty database: generate a corpus first (make bench, or generate_corpus)")
        return
    proposals = _proposals(random.Random(args.seed), args.samples)
    for _, kwargs, _ in proposals[:30]:  # warm the cache and the connection
        meeting_candidates(**kwargs)
    by_label: dict[str, list[float]] = {}
    queries, found, expected = 0, 0, 0
    cpu, server = [], []
    for n, (label, kwargs, want) in enumerate(proposals):
        with CaptureQueriesContext(connection) as ctx:
            start, start_cpu = time.perf_counter(), time.process_time()
            result = meeting_candidate_ids(**kwargs)  # what extraction calls
            elapsed = (time.perf_counter() - start) * 1000
            cpu.append((time.process_time() - start_cpu) * 1000)
        queries += len(ctx.captured_queries)
        if n % 5 == 0:  # the database's own time: planning + execution, as EXPLAIN ANALYZE says
            server.append(_server_ms([q["sql"] for q in ctx.captured_queries]))
        by_label.setdefault(label, []).append(elapsed)
        if want is not None:
            expected += 1
            found += any(pk == want for pk, _ in result)
    card = []
    for _, kwargs, _ in proposals[:100]:  # what the review card calls: loaded for display
        start = time.perf_counter()
        meeting_candidates(**kwargs)
        card.append((time.perf_counter() - start) * 1000)
    every = [t for times in by_label.values() for t in times]
    print(f"{len(every)} proposals, {queries / len(every):.1f} queries each")
    for label, times in [("all", every), *by_label.items()]:
        times = sorted(times)
        print(
            f"  {label:22} n={len(times):4}  mean {statistics.mean(times):6.2f} ms  "
            f"p50 {times[len(times) // 2]:6.2f}  p95 {times[int(len(times) * 0.95)]:6.2f}  "
            f"max {times[-1]:6.2f}"
        )
    print(f"found their recorded meeting: {found} of {expected}")
    print(f"  loaded for the review card (meeting_candidates): mean {statistics.mean(card):.2f} ms")
    print(
        "what a proposal costs without waiting for a core (the wall times above include it "
        "on a loaded machine):"
    )
    print(
        f"  this process's CPU  mean {statistics.mean(cpu):6.2f} ms  "
        f"p95 {sorted(cpu)[int(len(cpu) * 0.95)]:6.2f}"
    )
    print(
        f"  database (plan+run) mean {statistics.mean(server):6.2f} ms  "
        f"p95 {sorted(server)[int(len(server) * 0.95)]:6.2f}  (every 5th proposal)"
    )
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    label, kwargs, _ = proposals[0]
    day = kwargs["date"]
    plan_of = Participation.objects.filter(
        actor_id__in=[a.pk for a in kwargs["participants"]],
        date__gte=day - dt.timedelta(days=14),
        date__lte=day + dt.timedelta(days=1),
    ).values_list("meeting_id", "actor_id", "country_id")
    print("plan of the participation lookup (one proposal):")
    for line in plan_of.explain(analyze=True).splitlines():
        print("   ", line)


if __name__ == "__main__":
    main()
