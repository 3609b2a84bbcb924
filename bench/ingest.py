"""Import-with-extraction throughput on Celery workers: 1 and 2 worker processes.

For each worker count N, a ``celery -A meetings.celery worker --concurrency N`` starts on
the broker (BENCH_BROKER_URL, default Redis db 2; its own queue), then
``manage.py import_articles --extract`` runs as a subprocess with the same broker: it stores
the articles, queues their ids and waits until the workers have extracted every one. The
figure is articles imported / the command's own time from its first read to the last
extraction (its printout; the rate over the wall time, with the interpreter's start, is
printed beside it), so it holds the import, the queue and the extraction. The clock starts
once every worker process has built its knowledge-base snapshot (each says so in its log).
Each N gets its own new articles (no duplicates). The rows are deleted by the caller
(bench.py's import_throughput). Printed with the machine's load average: on a shared
machine the rates move with it; the CPU milliseconds per article, of the worker processes
and of PostgreSQL's backends for this database (from /proc, sampled while the import
runs), much less.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://… \\
        python manage.py bench --import-only
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
BROKER_URL = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/2")
ARTICLES = int(os.environ.get("BENCH_INGEST_ARTICLES", "1500"))  # per worker count
WORKER_COUNTS = (1, 2)


def database_url() -> str:
    s = connection.settings_dict
    auth = quote(s["USER"] or "")
    if s.get("PASSWORD"):
        auth += ":" + quote(s["PASSWORD"])
    return f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"


def broker_reachable(url: str) -> bool:
    from meetings.celery import app

    try:
        with app.connection_for_write(url) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:
        return False
    return True


def with_extraction(samples: list[dict], log=print) -> dict:
    """``{"with_extraction_per_s": {"1": …, "2": …}, …}`` for bench.py's ``import`` object:
    ``samples`` (new articles) are shared out between the worker counts."""
    if not broker_reachable(BROKER_URL):
        log(f"import with extraction: no broker at {BROKER_URL} (set BENCH_BROKER_URL)")
        return {"with_extraction_per_s": None, "broker": None}
    per = len(samples) // len(WORKER_COUNTS)
    rates, details = {}, {}
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": BROKER_URL,
        "CELERY_QUEUE": f"queue_bench_{uuid.uuid4().hex[:8]}",
    }
    with tempfile.TemporaryDirectory() as tmp:
        for i, workers in enumerate(WORKER_COUNTS):
            path = Path(tmp) / f"ingest{workers}.jsonl"
            rows = [
                {**r, "url": r["url"].replace("://import.", f"://ingest{workers}.")}
                for r in samples[i * per : (i + 1) * per]
            ]
            path.write_text("".join(json.dumps(r) + "\n" for r in rows))
            found = run(path, workers, env, Path(tmp) / f"worker{workers}.log")
            rates[str(workers)] = found["per_s"]
            details[str(workers)] = found
            log(
                f"import with extraction, {workers} worker process(es): {found['per_s']} "
                f"articles/s ({found['imported']} articles in {found['seconds']} s, "
                f"{found['wall_per_s']}/s over the command's wall time; CPU an article: "
                f"workers {found['worker_cpu_ms_per_article']} ms, PostgreSQL "
                f"{found['postgres_cpu_ms_per_article']} ms, import command "
                f"{found['import_cpu_ms_per_article']} ms; load average "
                f"{found['load_before']} before, {found['load_after']} after)"
            )
    return {
        "with_extraction_per_s": rates,
        "with_extraction": details,
        "broker": BROKER_URL.split("@")[-1],
        "cpus": os.cpu_count(),
    }


def _children_cpu() -> float:
    """CPU seconds of this process's waited-for children (and theirs, once reaped)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cpu_of(pid: int) -> float | None:
    """CPU seconds (user + system) of a live process, from /proc; None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _session_pids(sid: int) -> list[int]:
    """The processes of a session (a worker and its pool processes)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int(entry.joinpath("stat").read_text().rsplit(")", 1)[1].split()[3]) == sid:
                    pids.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                pass
    return pids


class BackendCpu:
    """PostgreSQL's CPU for one database while it runs: its backends' CPU from /proc
    (PostgreSQL on this machine), sampled every ``interval`` seconds, so a backend that
    ends (the import command's) loses at most one interval. ``seconds()`` is None where
    /proc does not show them (PostgreSQL elsewhere)."""

    def __init__(self, database: str, interval: float = 0.25):
        self.database, self.interval = database, interval
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.hidden = False
        self._stop = threading.Event()
        self._started = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self, cursor, *, start: bool = False) -> None:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [self.database],
        )
        for (pid,) in cursor.fetchall():
            cpu = _cpu_of(pid)
            if cpu is None:
                self.hidden = self.hidden or pid not in self.last
                continue
            # A backend that started after the clock counts whole.
            self.first.setdefault(pid, cpu if start else 0.0)
            self.last[pid] = cpu

    def _run(self) -> None:
        import psycopg2

        conn = psycopg2.connect(self.dsn)
        conn.autocommit = True
        try:
            with conn.cursor() as cursor:
                self._sample(cursor, start=True)
                self._started.set()
                while not self._stop.wait(self.interval):
                    self._sample(cursor)
                self._sample(cursor)
        finally:
            self._started.set()
            conn.close()

    def __enter__(self):
        self.dsn = database_url()
        self._thread.start()
        self._started.wait(10)
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(10)

    def seconds(self) -> float | None:
        if self.hidden or not self.last:
            return None
        return sum(self.last[pid] - self.first[pid] for pid in self.last)


READY_LINE = "knowledge snapshot built"


def _wait_ready(worker: subprocess.Popen, log_path: Path, processes: int, timeout: float = 300):
    """Until each of the worker's pool processes has logged its snapshot built."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and worker.poll() is None:
        if log_path.read_text(errors="replace").count(READY_LINE) >= processes:
            return
        time.sleep(0.2)
    sys.stderr.write(f"workers not ready in {timeout} s:\n" + log_path.read_text(errors="replace"))


def run(path: Path, workers: int, env: dict, log_path: Path) -> dict:
    with log_path.open("wb") as log:
        worker = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "meetings.celery", "worker",
                "--loglevel", "INFO", "--concurrency", str(workers), "--pool", "prefork",
                "--without-gossip", "--without-mingle", "--without-heartbeat",
                "--hostname", f"bench{workers}-{uuid.uuid4().hex[:6]}@%h",
            ],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        try:
            # The worker connects, forks its pool, and each pool process builds its
            # knowledge-base snapshot (meetings/tasks.py); then the clock starts.
            _wait_ready(worker, log_path, workers)
            time.sleep(0.5)
            load_before = round(os.getloadavg()[0], 1)
            pids = _session_pids(worker.pid)
            worker_start = {pid: _cpu_of(pid) or 0.0 for pid in pids}
            cpu_start = _children_cpu()
            started = time.perf_counter()
            with BackendCpu(connection.settings_dict["NAME"]) as postgres:
                done = subprocess.run(
                    [sys.executable, "manage.py", "import_articles", str(path), "--extract"],
                    cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600,
                )  # fmt: skip
                wall = time.perf_counter() - started
            cpu_import = _children_cpu() - cpu_start
            cpu_workers = sum((_cpu_of(pid) or 0.0) - worker_start[pid] for pid in pids)
            postgres_seconds = postgres.seconds()
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
    imported = re.search(r"Imported ([\d,]+)", done.stdout)
    failed = re.search(r"extraction failed ([\d,]+)", done.stdout)
    own = re.search(r" — ([\d.]+) s, ", done.stdout)
    n = int(imported.group(1).replace(",", "")) if imported else 0
    if not imported:
        sys.stderr.write(done.stdout + done.stderr + log_path.read_text(errors="replace"))
    seconds = float(own.group(1)) if own else wall

    def per_article(cpu):
        return round(1000 * cpu / n, 1) if n and cpu is not None else None

    return {
        "per_s": round(n / seconds, 1) if n else None,
        "wall_per_s": round(n / wall, 1) if n else None,
        "imported": n,
        "extraction_failed": int(failed.group(1).replace(",", "")) if failed else None,
        "seconds": round(seconds, 1),
        "wall_seconds": round(wall, 1),
        # What the load of a shared machine changes least: CPU per article, from the
        # clock's start (the workers' start-up and snapshots are not in it).
        "worker_cpu_ms_per_article": per_article(cpu_workers),
        "postgres_cpu_ms_per_article": per_article(postgres_seconds),
        "import_cpu_ms_per_article": per_article(cpu_import),
        "load_before": load_before,
        "load_after": round(os.getloadavg()[0], 1),
    }
