"""CPU per page kind, in-process: each page the page bench measures, requested through the
test client in this one process, timed by the process's CPU clock (not the wall clock, which
follows the load of a shared machine), with its query count and the SQL time within it.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://…/meetings_bench \
        .venv/bin/python -m bench.pagecpu [--repeat 30] [--only country_detail,…] \
        [--profile country_detail --top 40] [--save var/html]

"cpu ms" is the median of the repeats, "min ms" the least (the steadier figure when other
work shares the machine). The CPU of this process is Django's share (the ORM, the templates,
the view's own work); PostgreSQL's is in its backend. ``floor`` is the page bench's floor
view, measured the same way. ``--profile KIND`` prints cProfile's costliest functions over
the repeats of one kind; ``--save DIR`` writes each page's HTML there, to diff a change's
pages with the former ones.
Run it on a corpus ``make bench`` generated (the database must hold one). Not a test.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def measure(client, url: str, repeat: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm: templates compiled, connection settled
    cpu, wall = [], []
    queries = sql_ms = 0
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        response = client.get(url)
        cpu.append((time.process_time() - c0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    queries = len(ctx.captured_queries)
    sql_ms = sum(float(q["time"]) for q in ctx.captured_queries) * 1000
    return {
        "cpu_ms": statistics.median(cpu),
        "cpu_min_ms": min(cpu),
        "wall_ms": statistics.median(wall),
        "queries": queries,
        "sql_ms": sql_ms,
        "status": response.status_code,
        "bytes": len(response.content),
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--only", default="", help="comma-separated page kinds")
    parser.add_argument("--profile", default="", help="a page kind to profile")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--save", default="", help="write each page's HTML into this folder")
    parser.add_argument("--deep-pages", type=int, default=50)
    args = parser.parse_args(argv)
    setup()
    from django.db import connection
    from django.test import Client

    from bench import corpus
    from bench.management.commands.bench import Command, warm_database

    with connection.cursor() as cur:
        info = corpus.corpus_info(cur)
    if not info:
        sys.exit("No synthetic corpus in this database: run make bench (or generate_corpus).")
    print(f"PostgreSQL: {warm_database()['summary']}")
    pages, _, _ = Command().page_urls(info["terms"], args.deep_pages)
    keep = {"home", "meeting_list_country_year", "meeting_detail", "timeline_first",
            "timeline_deep", "country_pair", "country_detail"}  # fmt: skip
    pages = {k: v for k, v in pages.items() if k in keep}
    if args.only:
        only = set(args.only.split(","))
        pages = {k: v for k, v in pages.items() if k in only}
    client = Client()
    if args.profile:
        url = pages[args.profile]
        client.get(url)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.repeat):
            client.get(url)
        profiler.disable()
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)
        return
    load = os.getloadavg()
    print(f"Corpus: {info['articles']:,} articles; load average {load[0]:.2f} {load[1]:.2f}")
    print(f"{'page kind':<26}{'cpu ms':>8}{'x floor':>8}{'min ms':>8}{'wall ms':>9}{'queries':>8}"
          f"{'sql ms':>8}{'status':>7}{'bytes':>9}")  # fmt: skip
    floor = measure(client, "/bench/floor/", args.repeat)
    rows = {"floor": floor}
    for kind, url in pages.items():
        rows[kind] = measure(client, url, args.repeat)
        if args.save:
            Path(args.save).mkdir(parents=True, exist_ok=True)
            Path(args.save, f"{kind}.html").write_bytes(client.get(url).content)
    for kind, f in rows.items():
        print(
            f"{kind:<26}{f['cpu_ms']:>8.2f}{f['cpu_ms'] / floor['cpu_ms']:>8.1f}"
            f"{f['cpu_min_ms']:>8.2f}"
            f"{f['wall_ms']:>9.2f}{f['queries']:>8}{f['sql_ms']:>8.1f}{f['status']:>7}"
            f"{f['bytes']:>9}"
        )
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f}")


if __name__ == "__main__":
    main()
