"""Workers for the queue tests (fixtures in conftest.py): real ``celery worker``
processes on a real broker (Redis db 2, or QUEUE_TEST_BROKER_URL), against the PostgreSQL
test database (``transaction=True``, so what the workers commit is visible here). Without a
reachable broker these tests skip, except under CI=true, where that fails them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from meetings.celery import app
from meetings.models import Actor, ActorSuggestion, Article, Evidence, Meeting, Statement

ROOT = Path(__file__).resolve().parents[2]
BROKER_URL = os.environ.get("QUEUE_TEST_BROKER_URL", "redis://127.0.0.1:6379/2")
QUEUE = f"queue_test_{uuid.uuid4().hex[:12]}"  # this session's queue only


def broker_reachable() -> bool:
    try:
        with app.connection_for_write(BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:
        return False
    return True


def database_url() -> str:
    s = connection.settings_dict
    auth = quote(s["USER"] or "")
    if s.get("PASSWORD"):
        auth += ":" + quote(s["PASSWORD"])
    return f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"


class Worker:
    """A ``celery -A meetings.celery worker`` process group, its log in a file."""

    def __init__(self, log: Path, *, concurrency: int, hold_open: float = 0, **env):
        self.log = log
        self.out = log.open("ab")
        environ = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": BROKER_URL,
            "CELERY_QUEUE": QUEUE,
            "EXTRACTION_HOLD_OPEN": str(hold_open),
            **env,
        }
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "meetings.celery", "worker",
                "--loglevel", "INFO", "--concurrency", str(concurrency), "--pool", "prefork",
                "--without-gossip", "--without-mingle", "--without-heartbeat",
                "--prefetch-multiplier", "1", "--hostname", f"{uuid.uuid4().hex[:8]}@test",
            ],
            cwd=ROOT, env=environ, stdout=self.out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL the whole worker (its pool processes too), as a machine dying would."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.out.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        self.out.close()


def wait_until(predicate, *, timeout: float = 120, what: str = "", workers=()) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        for worker in workers:
            assert worker.process.poll() is None, worker.text()
        if time.monotonic() > deadline:
            logs = "\n".join(w.text()[-3000:] for w in workers)
            pytest.fail(f"timed out waiting for {what}\n{logs}")
        time.sleep(0.1)


def proposals() -> dict:
    """Everything extraction proposed, keyed by what it is about (articles by URL), not by
    ids or the order it was written in."""
    url = dict(Article.objects.values_list("pk", "url"))
    names = dict(Actor.objects.values_list("pk", "name"))
    meetings = set()
    for m in Meeting.objects.prefetch_related("participations", "evidence"):
        meetings.add(
            (
                m.kind,
                m.start_date,
                m.city,
                m.editorial_status,
                frozenset((names[p.actor_id], p.role) for p in m.participations.all()),
                frozenset((url[e.article_id], e.start, e.end) for e in m.evidence.all()),
            )
        )
    statements = {
        (url[s.article_id], s.start, s.end, names[s.speaker_id], s.kind, s.editorial_status)
        for s in Statement.objects.all()
    }
    suggestions = {
        (url[s.article_id], s.name, s.status, names.get(s.actor_id))
        for s in ActorSuggestion.objects.all()
    }
    actors = sorted(Actor.objects.values_list("name", "editorial_status"))
    return {
        "meetings": meetings,
        "statements": statements,
        "suggestions": suggestions,
        "actors": actors,
        "evidence": Evidence.objects.count(),
        "extracted": Article.objects.filter(extracted_at__isnull=False).count(),
    }
