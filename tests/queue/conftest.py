"""The queue tests' fixtures: a broker, and worker processes (see workers.py)."""

from __future__ import annotations

import contextlib
import os

import pytest
from django.db import connection

from meetings import tasks
from meetings.celery import app
from tests.queue.workers import BROKER_URL, QUEUE, Worker, broker_reachable


@pytest.fixture
def fresh_snapshot(monkeypatch):
    """A new knowledge snapshot for the test, whose version is read on every ``get``."""
    monkeypatch.setattr(tasks, "GENERATION_CHECK_SECONDS", 0)
    tasks.snapshot.reset()
    yield
    tasks.snapshot.reset()


@pytest.fixture
def broker(settings):
    """The test process queues to the broker (not in-process) for the test's duration."""
    if connection.vendor != "postgresql":
        pytest.skip("worker processes share the test database: the PostgreSQL leg runs this")
    if not broker_reachable():
        if os.environ.get("CI") == "true":
            pytest.fail(f"no broker at {BROKER_URL}, and CI=true requires one")
        pytest.skip(f"no broker at {BROKER_URL}")
    before = {k: app.conf[k] for k in ("task_always_eager", "broker_url", "task_default_queue")}
    app.conf.update(task_always_eager=False, broker_url=BROKER_URL, task_default_queue=QUEUE)
    _forget_connections()
    yield BROKER_URL
    # What a test left behind goes with it.
    with app.connection_for_write() as conn, contextlib.suppress(Exception):
        conn.default_channel.queue_purge(QUEUE)
    app.conf.update(before)
    _forget_connections()


def _forget_connections() -> None:
    """The app's broker connections and routing are made once, from the settings of the
    time (an earlier test's in-process ones, say): made again from the new ones."""
    app._pool = None
    app.__dict__.pop("amqp", None)


@pytest.fixture
def workers(broker, tmp_path):
    """Start workers with ``workers(concurrency=…)``; all stopped at the end of the test."""
    started: list[Worker] = []

    def start(*, concurrency: int = 2, **kwargs) -> Worker:
        worker = Worker(tmp_path / f"worker{len(started)}.log", concurrency=concurrency, **kwargs)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()
