"""How long the duplicates pages' queries and a merge take on a corpus (figures, never a
pass or fail). Read-only for the corpus: every merge runs in a transaction rolled back.

    DATABASE_URL=postgres://…/meetings_bench_x DJANGO_SETTINGS_MODULE=bench.settings \\
        python -m bench.merging [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import time

import django


class RolledBack(Exception):
    pass


def timed(fn, repeat: int) -> tuple[float, float, int, object]:
    """Median and best wall time (ms), queries of the last run, and its result."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, result, queries = [], None, 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            result = fn()
            times.append((time.perf_counter() - start) * 1000)
        queries = len(captured)
    return statistics.median(times), min(times), queries, result


def rolled_back(fn):
    """``fn()`` in a transaction that is then rolled back; returns its result."""
    from django.db import transaction

    box = {}

    def run():
        try:
            with transaction.atomic():
                box["result"] = fn()
                raise RolledBack
        except RolledBack:
            return box["result"]

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    django.setup()
    from django.db.models import Count

    from meetings.admin.duplicates import actor_duplicates, meeting_duplicates, meeting_window_end
    from meetings.models import Actor, Article, Meeting, Participation
    from meetings.services import actor_merge, meeting_merge

    print(
        f"corpus: {Article.objects.count():,} articles, {Actor.objects.count():,} actors, "
        f"{Meeting.objects.count():,} meetings, {Participation.objects.count():,} participations"
    )
    until = meeting_window_end()
    rows = [
        ("actor duplicates (first 50 pairs)", lambda: actor_duplicates()),
        ("meeting window end", meeting_window_end),
        ("meeting duplicates (newest 60 days)", lambda: meeting_duplicates(until=until)),
    ]
    busy = list(
        Actor.objects.persons()
        .annotate(n=Count("participations"))
        .order_by("-n")
        .values_list("pk", flat=True)[:2]
    )
    if len(busy) == 2:
        keep, other = (Actor.objects.get(pk=pk) for pk in busy)
        rows.append(
            (
                f"actor merge, the two busiest ({other.participations.count():,} meetings moved)",
                rolled_back(lambda: actor_merge(keep=keep, other=other)),
            )
        )
    pair = list(Meeting.objects.order_by("-start_date").values_list("pk", flat=True)[:2])
    if len(pair) == 2:
        a, b = (Meeting.objects.get(pk=pk) for pk in pair)
        rows.append(("meeting merge", rolled_back(lambda: meeting_merge(keep=a, other=b))))
    print(f"{'what':60} {'median ms':>10} {'best ms':>9} {'queries':>8} {'found':>6}")
    for label, fn in rows:
        median, best, queries, result = timed(fn, args.repeat)
        found = len(result) if isinstance(result, list) else ""
        print(f"{label:60} {median:10.1f} {best:9.1f} {queries:8} {found:>6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
