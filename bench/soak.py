"""``make soak``: the site under load and faults, and what the readers saw.

gunicorn (production-like settings: bench.settings, DEBUG off, manifest static
files, persistent connections) on 127.0.0.1 only, wrk with 64 connections over a mix of
public pages on the demo data. First a steady phase without faults, then a phase during
which gunicorn workers are killed (SIGKILL) and every PostgreSQL backend of the database is
terminated. Each phase prints its requests, its errors by kind (HTTP status, socket error,
exception in the server's log) and its p50/p99. Bounded: each phase lasts its duration, and
the server is stopped at the end whatever happens.

Target (issue 12): no non-2xx without faults; under faults, no error other than the requests
in flight on a killed worker (socket read errors).

    DATABASE_URL=postgres://… DJANGO_SETTINGS_MODULE=bench.settings \\
        python -m bench.soak [--steady 20] [--faults 60] [--connections 64]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

LUA = r"""
paths = {%(paths)s}
counts = {}
local threads = {}
local i = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  i = math.random(#paths)
end

function request()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local statuses = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do
      statuses[tostring(status)] = (statuses[tostring(status)] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(statuses) do
    table.insert(parts, string.format('"%%s": %%d', status, n))
  end
  io.write(string.format(
    'SOAK_JSON {"requests": %%d, "seconds": %%.2f, "p50_ms": %%.2f, "p99_ms": %%.2f, ' ..
    '"max_ms": %%.2f, "connect": %%d, "read": %%d, "write": %%d, "timeout": %%d, ' ..
    '"statuses": {%%s}}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout,
    table.concat(parts, ", ")))
end
"""


def page_mix() -> list[str]:
    """A mix of every public page kind on the demo data, lists weighted as readers weigh them."""
    from meetings.models import Actor, Article, CountryPair, Meeting, Statement

    meetings = [m.get_absolute_url() for m in Meeting.objects.published().order_by("pk")[:10]]
    actors = [
        a.get_absolute_url()
        for a in Actor.objects.published().filter(participations__is_public=True).distinct()[:8]
    ]
    pairs = [
        f"/countries/{p.first.lower()}/{p.second.lower()}/"
        for p in CountryPair.objects.order_by("first", "second").distinct("first", "second")[:4]
    ]
    articles = [a.get_absolute_url() for a in Article.objects.published().order_by("pk")[:4]]
    statements = [s.get_absolute_url() for s in Statement.objects.published().order_by("pk")[:4]]
    return [
        "/",
        "/",
        "/meetings/",
        "/meetings/",
        "/meetings/?country=CN",
        "/meetings/?kind=visit&date_from=2023-01-01",
        "/statements/",
        "/actors/",
        "/actors/?q=minister",
        "/countries/",
        "/countries/cn/",
        "/search/?q=Putin",
        "/search/?q=talks+security",
        "/meetings.csv?country=RU",
        *meetings,
        *actors,
        *[a + "feed/" for a in actors[:2]],
        *pairs,
        *[p + "feed/" for p in pairs[:1]],
        *articles,
        *statements,
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def workers_of(master: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


def terminate_backends() -> int:
    """Terminate every other backend connected to the site's database; how many."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND backend_type = 'client backend'"
        )
        return cursor.fetchone()[0]


class Faults(threading.Thread):
    """At set seconds into the faults phase: kill a worker, or terminate the backends."""

    def __init__(self, master: int, duration: int):
        super().__init__(daemon=True)
        self.master = master
        self.plan = [
            (duration * 0.15, "kill a worker"),
            (duration * 0.35, "terminate backends"),
            (duration * 0.55, "kill a worker"),
            (duration * 0.70, "terminate backends"),
            (duration * 0.85, "terminate backends"),
        ]
        self.log: list[str] = []
        self.stop = threading.Event()

    def run(self):
        start = time.monotonic()
        for at, what in self.plan:
            if self.stop.wait(max(0.0, start + at - time.monotonic())):
                return
            if what == "kill a worker":
                workers = workers_of(self.master)
                if workers:
                    os.kill(workers[0], signal.SIGKILL)
                    self.log.append(f"{at:5.1f} s  killed worker {workers[0]} (SIGKILL)")
            else:
                n = terminate_backends()
                self.log.append(f"{at:5.1f} s  terminated {n} database backends")


def wrk(url: str, lua: Path, seconds: int, connections: int) -> dict:
    run = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", lua, url],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    line = next((x for x in run.stdout.splitlines() if x.startswith("SOAK_JSON ")), None)
    if line is None:
        raise SystemExit(f"wrk printed no figures:\n{run.stdout}\n{run.stderr}")
    return json.loads(line.removeprefix("SOAK_JSON "))


def server_errors(log: Path, since: int) -> collections.Counter:
    """Exceptions the server logged after byte ``since`` of its log, by kind."""
    text = log.read_bytes()[since:].decode(errors="replace")
    kinds = collections.Counter()
    kinds["retried after a lost connection, answered"] = text.count("Database connection lost")
    for block in re.split(r"\n(?=Internal Server Error|\[\d{4}-)", text):
        if block.startswith("Internal Server Error"):
            last = [x for x in block.splitlines() if re.match(r"^[\w.]+(Error|Exception)\b", x)]
            kinds[(last[-1] if last else "unknown")[:100]] += 1
        elif "WORKER TIMEOUT" in block or "was sent SIGKILL" in block or "exited" in block:
            kinds[re.sub(r"^\[[^]]*\] \[\d+\] ", "", block.splitlines()[0])[:100]] += 1
    return kinds


def report(name: str, figures: dict, errors: collections.Counter, faults: list[str]) -> None:
    statuses = {int(k): v for k, v in figures["statuses"].items()}
    ok = sum(v for k, v in statuses.items() if 200 <= k < 300)
    print(f"\n== {name}: {figures['seconds']:.0f} s ==")
    rate = figures["requests"] / figures["seconds"]
    print(f"requests     {figures['requests']:>8}   ({rate:.0f}/s)")
    print(f"2xx          {ok:>8}")
    for status in sorted(k for k in statuses if not 200 <= k < 300):
        print(f"HTTP {status}     {statuses[status]:>8}")
    for kind in ("connect", "read", "write", "timeout"):
        if figures[kind]:
            print(f"socket {kind:<7}{figures[kind]:>8}")
    p50, p99, top = figures["p50_ms"], figures["p99_ms"], figures["max_ms"]
    print(f"p50 / p99    {p50:.1f} ms / {p99:.1f} ms (max {top:.0f} ms)")
    for kind, n in errors.most_common():
        if n:
            print(f"server log   {n:>8}   {kind}")
    for line in faults:
        print(f"fault        {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steady", type=int, default=20, help="seconds without faults")
    parser.add_argument("--faults", type=int, default=60, help="seconds with faults")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    args = parser.parse_args()

    static = Path(tempfile.mkdtemp(prefix="soak-static-"))
    os.environ["DJANGO_STATIC_ROOT"] = str(static)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    paths = page_mix()
    lua = static / "soak.lua"
    lua.write_text(LUA % {"paths": ", ".join(json.dumps(p) for p in paths)})

    port = free_port()
    log = static / "gunicorn.log"
    command = [
        sys.executable, "-m", "gunicorn", "meetings.wsgi", "-w", str(args.workers),
        "-k", "sync", "-b", f"127.0.0.1:{port}", "--timeout", "30",
        "--error-logfile", str(log), "--log-level", "warning", "--capture-output",
    ]  # fmt: skip
    env = {**os.environ, "DJANGO_LOG_LEVEL": "WARNING"}  # 5xx, and the retries' warnings
    server = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=5):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("gunicorn did not start; see " + str(log)) from None
                time.sleep(0.3)
        for path in paths:  # every page answers before the load starts
            with urllib.request.urlopen(base + path, timeout=30) as response:
                assert response.status == 200, path
        print(
            f"{len(paths)} pages, {args.connections} connections, gunicorn {args.workers} "
            f"sync workers, database {settings.DATABASES['default']['NAME']}"
        )
        mark = log.stat().st_size
        steady = wrk(base + "/", lua, args.steady, args.connections)
        report("steady, no faults", steady, server_errors(log, mark), [])
        mark = log.stat().st_size
        faults = Faults(server.pid, args.faults)
        faults.start()
        faulted = wrk(base + "/", lua, args.faults, args.connections)
        faults.stop.set()
        report("with faults", faulted, server_errors(log, mark), faults.log)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
