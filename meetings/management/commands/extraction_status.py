import time

from django.core.management.base import BaseCommand

from meetings import tasks
from meetings.models import Article, ExtractionState

STATES = ("queued", "running", "done", "failed", "not queued")


class Command(BaseCommand):
    help = (
        "How many articles are queued, running, done and failed for extraction. --watch "
        "shows a progress bar (rate, ETA) until none is queued or running; --retry-failed "
        "queues the failed ones again; --resend sends the tasks of the queued and running "
        "ones again (after a broker lost them: an article is still extracted once)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--watch", action="store_true", help="Follow until nothing waits.")
        parser.add_argument("--retry-failed", action="store_true")
        parser.add_argument("--resend", action="store_true")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between looks (--watch)."
        )

    def handle(self, *args, watch, retry_failed, resend, interval, **options):
        if retry_failed:
            failed = Article.objects.filter(extraction_state=ExtractionState.FAILED)
            n = tasks.extraction_enqueue(article_ids=list(failed.values_list("pk", flat=True)))
            self.stdout.write(f"Queued {n:,} failed article(s) again.")
        if resend:
            # Queued, or running on a worker that may be gone: a task that finds its article
            # done, or being extracted, waits and does nothing.
            waiting = list(
                Article.objects.filter(
                    extraction_state__in=[ExtractionState.QUEUED, ExtractionState.RUNNING]
                ).values_list("pk", flat=True)
            )
            tasks.send(waiting)
            self.stdout.write(f"Sent {len(waiting):,} queued or running article(s) again.")
        counts = tasks.extraction_counts()
        if watch:
            self.watch(counts, interval)
            counts = tasks.extraction_counts()
        self.stdout.write(" · ".join(f"{state} {counts[state]:,}" for state in STATES))

    def watch(self, counts: dict, interval: float) -> None:
        from tqdm import tqdm

        waiting = counts["queued"] + counts["running"]
        finished = counts["done"] + counts["failed"]
        with tqdm(total=waiting, desc="extracting", unit="article", file=self.stderr._out) as bar:
            while waiting:
                time.sleep(interval)
                counts = tasks.extraction_counts()
                now_finished = counts["done"] + counts["failed"]
                bar.total = max(bar.total, bar.n + counts["queued"] + counts["running"])
                bar.update(max(0, now_finished - finished))
                bar.set_postfix(failed=counts["failed"], running=counts["running"])
                finished = now_finished
                waiting = counts["queued"] + counts["running"]
