"""``generate``: a synthetic corpus replaces the default database's contents."""

from __future__ import annotations

import json
import multiprocessing
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, transaction

from bench.corpus.database import (
    DDL_TABLE,
    MARKER_TABLE,
    check_synthetic,
    create_marker_tables,
    restore_ddl_inline,
    restore_ddl_parallel,
    save_and_drop_ddl,
    session_settings,
)
from bench.corpus.plan import (
    BLOCK,
    KEEP_STATES,
    OTHER_TABLES,
    RARE_WORD,
    TABLES,
    Filler,
    NotSynthetic,
    Plan,
    Sizes,
    make_plan,
)
from bench.corpus.rows import (
    BlockResult,
    actor_rows,
    alias_rows,
    copy,
    load_block,
    meeting_rows,
    participation_rows,
    position_rows,
    slugify_ascii,
)

_plan: Plan | None = None
_filler: Filler | None = None

# --- worker processes ------------------------------------------------------------------------

_worker_conn = None


def _worker_init(params: dict) -> None:
    import psycopg2

    global _worker_conn
    _worker_conn = psycopg2.connect(**params)
    with _worker_conn.cursor() as cur:
        session_settings(cur)
    _worker_conn.commit()


def _worker_block(block: int) -> BlockResult:
    with _worker_conn.cursor() as cur:
        result = load_block(cur, _plan, _filler, block)
    _worker_conn.commit()
    return result


@dataclass
class Report:
    counts: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)
    seconds: float = 0.0


def generate(
    *,
    articles: int,
    seed: int = 1,
    force: bool = False,
    workers: int = 2,
    log: Callable[[str], None] = print,
) -> Report:
    """Replace the corpus in the default database with a synthetic one of ``articles``."""
    if connection.vendor != "postgresql":
        raise NotSynthetic("generate_corpus needs PostgreSQL (it loads with COPY)")
    started = time.monotonic()
    report = Report()
    sizes = Sizes.for_articles(articles)
    inline = workers <= 0 or connection.in_atomic_block

    def step(name: str, since: list[float] = [started]) -> None:  # noqa: B006
        now = time.monotonic()
        report.timings[name] = round(now - since[0], 2)
        log(f"  {name}: {now - since[0]:.1f} s")
        since[0] = now

    with connection.cursor() as cur:
        if not force:
            check_synthetic(cur)
        dropped, countries, first_ids = _empty(cur, articles=articles, seed=seed)
        log(f"  dropped {dropped} indexes and constraints (saved in {DDL_TABLE})")
        step("prepare")

        plan = make_plan(seed, sizes, countries, first_ids["meetings_actor"])
        filler = Filler(seed, size=min(20_000, max(2_000, 4 * articles)))  # small: quick tests
        step("plan")

        report.counts |= _load_actors_and_meetings(cur, plan, first_ids)
        step("actors, meetings, participations")

        if inline:
            session_settings(cur)
            results = [load_block(cur, plan, filler, b) for b in _blocks(articles)]
    if not inline:
        results = _load_articles_in_workers(plan, filler, articles, workers, log)
    for what in ("articles", "statements", "evidence"):
        report.counts[what] = sum(getattr(r, what) for r in results)
    step("articles, statements, evidence")

    with connection.cursor() as cur:
        _rebuild(cur, inline=inline, workers=workers, step=step)
        mentions: Counter = Counter()
        for r in results:
            mentions.update(r.mentions)
        report.terms = search_terms(plan, mentions)
        report.seconds = round(time.monotonic() - started, 1)
        info = {
            "articles": report.counts["articles"],
            "seed": seed,
            "counts": report.counts,
            "terms": report.terms,
            "seconds": report.seconds,
            "timings": report.timings,
        }
        cur.execute(
            f"INSERT INTO {MARKER_TABLE} (status, info) VALUES ('complete', %s)",
            [json.dumps(info)],
        )
    # COPY bypasses the models: pages a shared cache holds from the old contents must go.
    from meetings.services import copies

    copies.publication_changed()
    return report


def _blocks(articles: int) -> range:
    return range((articles + BLOCK - 1) // BLOCK)


def _empty(cur, *, articles: int, seed: int):
    """Mark the load as started, empty the tables (but for state actors), drop their
    indexes and constraints. Returns (how many were dropped, the countries as (code, name,
    capital), the first free id of the actor, alias and position tables)."""
    from meetings.services import reference_load

    with transaction.atomic():
        create_marker_tables(cur)
        # Rows left in DDL_TABLE by a load that died are kept: they are dropped objects
        # still to rebuild, and save_and_drop_ddl() adds the ones that exist now.
        cur.execute(
            f"INSERT INTO {MARKER_TABLE} (status, info) VALUES ('loading', %s)",
            [json.dumps({"articles": articles, "seed": seed})],
        )
        # State actors (reference data, slow to recreate through services) are kept;
        # every other actor, and everything that refers to actors, goes.
        truncated = [t for t in TABLES + OTHER_TABLES if t not in KEEP_STATES]
        cur.execute(f"TRUNCATE {', '.join(truncated)} RESTART IDENTITY CASCADE")
        dropped = save_and_drop_ddl(cur)
        persons = "SELECT id FROM meetings_actor WHERE kind <> 'state'"
        cur.execute(f"DELETE FROM meetings_alias WHERE actor_id IN ({persons})")
        cur.execute(
            f"DELETE FROM meetings_position WHERE actor_id IN ({persons}) "
            f"OR organization_id IN ({persons})"
        )
        cur.execute("DELETE FROM meetings_actor WHERE kind <> 'state'")
        reference_load()  # countries and state actors, when missing
        cur.execute("SELECT code, name, capital FROM meetings_country")
        countries = [(c, n, (cap.split(",")[0].strip() or n)) for c, n, cap in cur.fetchall()]
        first_ids = {}
        for table in ("meetings_actor", "meetings_alias", "meetings_position"):
            cur.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")
            first_ids[table] = cur.fetchone()[0]
    return dropped, countries, first_ids


def _load_actors_and_meetings(cur, plan: Plan, first_ids: dict) -> dict:
    """COPY the actors (names, offices), meetings, participations; write the country pairs.
    Returns the counts."""
    counts = {}
    with transaction.atomic():
        session_settings(cur)
        counts["actors"] = copy(cur, "meetings_actor", actor_rows(plan))
        copy(cur, "meetings_alias", alias_rows(plan, first_ids["meetings_alias"]))
        copy(cur, "meetings_position", position_rows(plan, first_ids["meetings_position"]))
        counts["meetings"] = copy(cur, "meetings_meeting", meeting_rows(plan))
        counts["participations"] = copy(cur, "meetings_participation", participation_rows(plan))
        # What services.copies.refresh_country_pairs writes, for all meetings at once. The
        # countries of each meeting are counted once, grouped: a subquery per pair scanned
        # every participation for each (the indexes are dropped here), hours at 1M.
        cur.execute(
            "INSERT INTO meetings_countrypair (meeting_id, first, second, year, bilateral) "
            "WITH sides AS (SELECT meeting_id, count(DISTINCT country_id) AS n "
            "FROM meetings_participation WHERE is_public GROUP BY meeting_id) "
            "SELECT DISTINCT a.meeting_id, a.country_id, b.country_id, "
            "extract(year FROM a.date)::smallint, sides.n = 2 "
            "FROM meetings_participation a JOIN meetings_participation b "
            "ON b.meeting_id = a.meeting_id AND a.country_id < b.country_id "
            "JOIN sides ON sides.meeting_id = a.meeting_id "
            "WHERE a.is_public AND b.is_public"
        )
        counts["country_pairs"] = cur.rowcount
    return counts


def _load_articles_in_workers(plan: Plan, filler: Filler, articles: int, workers: int, log):
    """COPY the article blocks from ``workers`` forked processes, each on its connection."""
    global _plan, _filler
    params = connection.get_connection_params()
    _plan, _filler = plan, filler
    connection.close()  # never share a connection with forked children
    blocks = _blocks(articles)
    results: list[BlockResult] = []
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers, initializer=_worker_init, initargs=(params,)) as pool:
        for done, result in enumerate(pool.imap_unordered(_worker_block, blocks), 1):
            results.append(result)
            if done % 20 == 0 or done == len(blocks):
                log(f"    articles: {done * BLOCK:,} of {articles:,}")
    _plan = _filler = None
    return results


def _rebuild(cur, *, inline: bool, workers: int, step) -> None:
    """Rebuild the indexes and constraints, restart the id sequences, analyse the tables."""
    if inline:
        restore_ddl_inline(cur)
    else:
        restore_ddl_parallel(connection.get_connection_params(), cur, workers)
    step("indexes and constraints")
    for table in TABLES:
        cur.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
        )
    if inline:
        for table in TABLES:
            cur.execute(f"ANALYZE {table}")
    else:
        for table in TABLES:  # VACUUM sets the visibility map: index-only scans
            cur.execute(f"VACUUM (ANALYZE) {table}")
    step("vacuum and analyze")


def search_terms(plan: Plan, mentions: Counter) -> dict:
    """The queries the benchmark runs, chosen from what this corpus actually contains."""
    n = max(1, plan.sizes.articles)
    # The actor whose surname (unique among the busiest 400) is in closest to 5% of articles.
    candidates = list(range(min(400, plan.sizes.actors)))
    common = min(candidates, key=lambda i: abs(mentions[i] / n - 0.05))
    busiest = 0
    top, runner_up = plan.countries[0], plan.countries[1]
    one_word = next(name for _, name, _ in plan.countries[1:] if " " not in name)
    return {
        "rare_word": RARE_WORD,
        "common_name": plan.actor_surnames[common],
        "common_name_share": round(mentions[common] / n, 4),
        "very_common_word": "talks",
        "two_words": f"{plan.actor_surnames[1]} {one_word}",
        "busiest_actor_slug": slugify_ascii(plan.actor_names[busiest]),
        "busiest_actor_meetings": sum(1 for a in plan.parts if a == busiest),
        "big_country": top[0],
        "pair": [top[0], runner_up[0]],
    }
