"""Import-with-extraction throughput on Celery workers: 1 and 2 worker processes.

For each worker count N, a ``celery -A meetings.celery worker --concurrency N`` starts on
the broker (BENCH_BROKER_URL, default Redis db 2; its own queue), then
``manage.py import_articles --extract`` runs as a subprocess with the same broker: it stores
the articles, queues their ids and waits until the workers have extracted every one. The
figure is articles imported / the command's wall time, so it holds the import, the queue
and the extraction. Each N gets its own new articles (no duplicates). The rows are deleted
by the caller (bench.py's import_throughput). Printed with the machine's load average: on
a shared machine the figures move with it.

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
import time
import uuid
from pathlib import Path
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
BROKER_URL = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/2")
ARTICLES = int(os.environ.get("BENCH_INGEST_ARTICLES", "600"))  # per worker count
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
                f"articles/s ({found['imported']} articles in {found['seconds']} s; workers' "
                f"CPU {found['worker_cpu_ms_per_article']} ms an article; load average "
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


def run(path: Path, workers: int, env: dict, log_path: Path) -> dict:
    load_before = round(os.getloadavg()[0], 1)
    cpu_start = _children_cpu()
    with log_path.open("wb") as log:
        worker = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "meetings.celery", "worker",
                "--loglevel", "WARNING", "--concurrency", str(workers), "--pool", "prefork",
                "--without-gossip", "--without-mingle", "--without-heartbeat",
                "--hostname", f"bench{workers}-{uuid.uuid4().hex[:6]}@%h",
            ],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        try:
            time.sleep(3)  # the worker connects and forks its pool; then the clock starts
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "manage.py", "import_articles", str(path), "--extract"],
                cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600,
            )  # fmt: skip
            seconds = time.perf_counter() - started
            cpu_import = _children_cpu() - cpu_start
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
    # The worker's CPU (its pool processes' too, reaped by it as it stops).
    cpu_workers = _children_cpu() - cpu_start - cpu_import
    imported = re.search(r"Imported ([\d,]+)", done.stdout)
    failed = re.search(r"extraction failed ([\d,]+)", done.stdout)
    n = int(imported.group(1).replace(",", "")) if imported else 0
    if not imported:
        sys.stderr.write(done.stdout + done.stderr + log_path.read_text(errors="replace"))
    return {
        "per_s": round(n / seconds, 1) if n else None,
        "imported": n,
        "extraction_failed": int(failed.group(1).replace(",", "")) if failed else None,
        "seconds": round(seconds, 1),
        # What the load of a shared machine does not change: CPU seconds per article.
        "worker_cpu_ms_per_article": round(1000 * cpu_workers / n, 1) if n else None,
        "import_cpu_ms_per_article": round(1000 * cpu_import / n, 1) if n else None,
        "load_before": load_before,
        "load_after": round(os.getloadavg()[0], 1),
    }
