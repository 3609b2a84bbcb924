"""The database side of a load: the marker tables that say a database is synthetic, and
the secondary indexes and constraints dropped before the COPY and rebuilt after it (their
DDL saved first, so a load that died is repaired by the next one)."""

from __future__ import annotations

import json
import multiprocessing

from bench.corpus.plan import TABLES, NotSynthetic

MARKER_TABLE = "synthetic_corpus"
DDL_TABLE = "synthetic_corpus_ddl"


def session_settings(cursor) -> None:
    cursor.execute("SET synchronous_commit = off")
    cursor.execute("SET maintenance_work_mem = '1GB'")
    cursor.execute(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
    )
    if cursor.fetchone()[0]:  # lz4 compresses article bodies ~3x faster than pglz
        cursor.execute("SET default_toast_compression = 'lz4'")


def table_exists(cursor, name: str) -> bool:
    cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [name])
    return cursor.fetchone()[0]


def check_synthetic(cursor) -> None:
    """Raise NotSynthetic unless the database is empty or holds only our corpus."""
    if table_exists(cursor, MARKER_TABLE):
        cursor.execute("SELECT count(*) FROM meetings_article WHERE outlet NOT LIKE 'Synthetic %%'")
        foreign = cursor.fetchone()[0]
        if foreign:
            raise NotSynthetic(
                f"{foreign} articles here were not generated (outlet not 'Synthetic …')"
            )
        return
    checks = {
        "articles": "SELECT count(*) FROM meetings_article",
        "meetings": "SELECT count(*) FROM meetings_meeting",
        "statements": "SELECT count(*) FROM meetings_statement",
        "actors other than states": "SELECT count(*) FROM meetings_actor WHERE kind <> 'state'",
    }
    found = []
    for what, sql in checks.items():
        cursor.execute(sql)
        n = cursor.fetchone()[0]
        if n:
            found.append(f"{n} {what}")
    if found:
        raise NotSynthetic(
            "this database holds data the generator did not make (" + ", ".join(found) + ")"
        )


def corpus_info(cursor) -> dict | None:
    """The marker row of the last complete load, or None."""
    if not table_exists(cursor, MARKER_TABLE):
        return None
    cursor.execute(
        f"SELECT info FROM {MARKER_TABLE} WHERE status = 'complete' ORDER BY id DESC LIMIT 1"
    )
    found = cursor.fetchone()
    if not found:
        return None
    info = found[0]
    return info if isinstance(info, dict) else json.loads(info)


def create_marker_tables(cursor) -> None:
    cursor.execute(
        f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (id serial PRIMARY KEY, "
        "status text NOT NULL, info jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())"
    )
    cursor.execute(
        f"CREATE TABLE IF NOT EXISTS {DDL_TABLE} (id serial PRIMARY KEY, tbl text NOT NULL, "
        "name text NOT NULL, kind text NOT NULL, ddl text NOT NULL)"
    )


def save_and_drop_ddl(cursor) -> int:
    """Save, then drop, every secondary index and unique/foreign-key constraint of TABLES."""
    tables = TABLES
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks before ALTER TABLE
    cursor.execute(
        """SELECT c.conrelid::regclass::text, c.conname, c.contype, pg_get_constraintdef(c.oid)
           FROM pg_constraint c WHERE c.conrelid = ANY(%s::regclass[]) AND c.contype IN ('u', 'f')
           ORDER BY c.contype DESC, c.conname""",
        [tables],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        """SELECT i.indrelid::regclass::text, ic.relname, pg_get_indexdef(i.indexrelid)
           FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
           WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                             AND c.conrelid = i.indrelid)
           ORDER BY ic.relname""",
        [tables],
    )
    indexes = cursor.fetchall()
    for tbl, name, contype, definition in constraints:
        kind = "unique" if contype == "u" else "fk"
        cursor.execute(
            f"INSERT INTO {DDL_TABLE} (tbl, name, kind, ddl) VALUES (%s, %s, %s, %s)",
            [tbl, name, kind, f'ALTER TABLE {tbl} ADD CONSTRAINT "{name}" {definition}'],
        )
    for tbl, name, definition in indexes:
        cursor.execute(
            f"INSERT INTO {DDL_TABLE} (tbl, name, kind, ddl) VALUES (%s, %s, 'index', %s)",
            [tbl, name, definition],
        )
    for tbl, name, _contype, _ in sorted(constraints, key=lambda c: c[2] != "f"):
        cursor.execute(f'ALTER TABLE {tbl} DROP CONSTRAINT "{name}"')
    for _, name, _ in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    return len(constraints) + len(indexes)


def pending_ddl(cursor) -> list[tuple[int, str, str, str]]:
    if not table_exists(cursor, DDL_TABLE):
        return []
    order = "CASE kind WHEN 'unique' THEN 0 WHEN 'index' THEN 1 ELSE 2 END"
    cursor.execute(f"SELECT id, tbl, kind, ddl FROM {DDL_TABLE} ORDER BY {order}, id")
    return cursor.fetchall()


def restore_ddl_inline(cursor) -> int:
    """Rebuild saved indexes and constraints on this connection (tests, small corpora)."""
    rows = pending_ddl(cursor)
    for pk, _, _, ddl in rows:
        cursor.execute(ddl)
        cursor.execute(f"DELETE FROM {DDL_TABLE} WHERE id = %s", [pk])
    return len(rows)


def _restore_worker(params: dict, ids: list[int]) -> None:
    import psycopg2

    conn = psycopg2.connect(**params)
    conn.autocommit = True
    with conn.cursor() as cur:
        session_settings(cur)
        for pk in ids:
            cur.execute(f"SELECT ddl FROM {DDL_TABLE} WHERE id = %s", [pk])
            (ddl,) = cur.fetchone()
            cur.execute("BEGIN")
            cur.execute(ddl)
            cur.execute(f"DELETE FROM {DDL_TABLE} WHERE id = %s", [pk])
            cur.execute("COMMIT")
    conn.close()


def restore_ddl_parallel(params: dict, cursor, workers: int) -> int:
    """Rebuild indexes in ``workers`` connections (the article GIN index alone in one),
    then the unique and foreign-key constraints."""
    rows = pending_ddl(cursor)
    indexes = [r for r in rows if r[2] in ("index", "unique")]
    # Longest first, spread over the workers: the article text index dominates.
    weight = {"meetings_article": 10, "meetings_statement": 4, "meetings_participation": 2}
    indexes.sort(key=lambda r: ("gin" not in r[3].lower(), -weight.get(r[1], 1), r[0]))
    lanes: list[list[int]] = [[] for _ in range(max(1, workers))]
    loads = [0.0] * len(lanes)
    for pk, tbl, _, ddl in indexes:
        cost = weight.get(tbl, 1) * (5 if "gin" in ddl.lower() else 1)
        lane = loads.index(min(loads))
        lanes[lane].append(pk)
        loads[lane] += cost
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_restore_worker, args=(params, lane)) for lane in lanes if lane]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        if p.exitcode:
            raise RuntimeError("an index build failed; rerun generate_corpus to retry")
    fks = [r[0] for r in pending_ddl(cursor)]
    _restore_worker(params, fks)
    return len(rows)
