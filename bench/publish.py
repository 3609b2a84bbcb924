"""The newsroom at work during the page benchmark (``BENCH_PUBLISH=1``): one publication a
second through the real services, in a thread of the bench process.

Each publication is what an editor's day is made of: a draft article, its meeting (two
actors drawn with the corpus's skew: a random participation's actor, so the busiest actors
and countries are drawn most often), a statement by the first of them, then the article
published, all in one transaction. Its commit moves the page cache's keys of what it shows
(meetings/cache.py), as in production. The rows it wrote are deleted at the end.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, transaction

SAMPLE = 2_000  # participations drawn once: the actors publications name, with their skew
CONCURRENT = 4  # publications under way at once, at most


class Publisher(threading.Thread):
    """Starts a publication every ``interval`` seconds until ``stop()``; counts what it did."""

    def __init__(self, *, interval: float = 1.0, seed: int = 7):
        super().__init__(name="bench-publisher", daemon=True)
        self.interval = interval
        self.random = random.Random(seed)
        self.published = 0
        self.failed: list[str] = []
        self.seconds = 0.0
        self.busy_ms: list[float] = []
        self.skipped = 0  # seconds when CONCURRENT publications were still running
        self._slots = threading.BoundedSemaphore(CONCURRENT)
        self._lock = threading.Lock()
        self._numbers = itertools.count(1)
        self._stop = threading.Event()
        self._actors: list[tuple[int, str | None]] = []

    def stop(self) -> None:
        self._stop.set()
        self.join(timeout=60)

    @property
    def per_second(self) -> float:
        return round(self.published / self.seconds, 2) if self.seconds else 0.0

    def run(self) -> None:
        try:
            self._actors = skewed_actors(self.random)
        finally:
            connection.close()
        # A publication may take longer than the interval on a loaded machine: they start on
        # time, up to CONCURRENT at once (each thread its own connection), as editors would.
        with ThreadPoolExecutor(CONCURRENT, thread_name_prefix="bench-publish") as pool:
            started = time.monotonic()
            next_at = started
            while not self._stop.is_set():
                if self._slots.acquire(blocking=False):
                    pool.submit(self._publish_timed)
                else:
                    self.skipped += 1
                next_at += self.interval
                self._stop.wait(max(0.0, next_at - time.monotonic()))
            self.seconds = time.monotonic() - started

    def _publish_timed(self) -> None:
        begun = time.perf_counter()
        try:
            self.publish_one()
            with self._lock:
                self.published += 1
        except Exception as error:  # a benchmark reports, it does not stop
            self.failed.append(repr(error))
        finally:
            self.busy_ms.append((time.perf_counter() - begun) * 1000)
            self._slots.release()
            connection.close()

    def publish_one(self) -> None:
        from meetings import services
        from meetings.models import Actor

        n = next(self._numbers)
        first_id, first_country = self.random.choice(self._actors)
        others = [a for a in self._actors if a[1] != first_country] or self._actors
        second_id = self.random.choice(others)[0]
        first, second = Actor.objects.in_bulk([first_id, second_id]).values()
        day = dt.date.today() - dt.timedelta(days=self.random.randrange(30))
        city = f"Bench City {n % 50}"
        body = (
            f"{first.name} met {second.name} in {city} on Monday, officials said.\n\n"
            f"{first.name} said the talks had been useful and would continue next month."
        )
        with transaction.atomic():
            article = services.article_create(
                title=f"{first.name} meets {second.name} ({n})",
                body=body,
                outlet="Bench Newsroom",
                url=f"https://publish.synthetic.example/{time.time_ns()}",
                published_on=day,
            )
            meeting = services.meeting_create(
                start_date=day,
                city=city,
                country=first.country_id,
                participants=[(first, "host"), (second, "guest")],
                evidence=[(article, 0, body.index("Monday,") + 6)],
                editorial_status="published",
            )
            quote = body.index("the talks")
            services.statement_create(
                speaker=first,
                article=article,
                start=quote,
                end=len(body),
                meeting=meeting,
                said_on=day,
                editorial_status="published",
            )
            services.article_publish(article=article)


def skewed_actors(rng: random.Random) -> list[tuple[int, str | None]]:
    """(actor id, country) of ``SAMPLE`` random participations of published actors."""
    with connection.cursor() as cur:
        cur.execute("SELECT min(id), max(id) FROM meetings_participation")
        low, high = cur.fetchone()
        if low is None:
            raise RuntimeError("no participations to draw actors from")
        ids = [rng.randint(low, high) for _ in range(SAMPLE * 2)]
        cur.execute(
            "SELECT p.actor_id, a.country_id FROM meetings_participation p "
            "JOIN meetings_actor a ON a.id = p.actor_id "
            "WHERE p.id = ANY(%s) AND a.editorial_status = 'published' LIMIT %s",
            [ids, SAMPLE],
        )
        return cur.fetchall()
