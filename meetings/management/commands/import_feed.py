import functools

from django.core.management.base import BaseCommand, CommandError

from meetings import importing, services
from meetings.importing.feeds import FeedReport, feed_items
from meetings.knowledge import knowledge_base
from meetings.models import Article, EditorialStatus

DESCRIPTION = """\
Import the new items of RSS or Atom feeds, with extraction.

Each FEED_URL is fetched (time and size limits, redirects checked, no private or loopback
address unless MEETINGS_FETCH_ALLOW_PRIVATE is set); so is the page of each item not yet
stored, which is reduced to its main text (trafilatura) with its title, date, site name and
canonical URL. Items already imported are skipped by their normalised URL (tracking
parameters, http/https, a trailing slash and the fragment do not count) before their page is
fetched; a page whose canonical URL or text is already stored is skipped after. New articles
are stored and extracted one by one, as by import_articles --extract, so the command can be
run again at any time (from cron, for instance) and adds only what is new.

An item whose page cannot be fetched is reported on stderr and skipped. Exit status 1 when
no feed could be read.
"""


class Command(BaseCommand):
    help = DESCRIPTION

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="+", metavar="FEED_URL", help="RSS or Atom feeds.")
        parser.add_argument(
            "--status",
            choices=[EditorialStatus.DRAFT, EditorialStatus.PUBLISHED],
            default=EditorialStatus.DRAFT,
            help="Editorial status of the new articles (default: draft).",
        )
        parser.add_argument(
            "--no-extract",
            action="store_true",
            help="Store the new articles without running extraction on them.",
        )

    def handle(self, *args, urls, status, no_extract, **options):
        extract = None
        if not no_extract:
            # One knowledge-base snapshot for the run, and reports of one meeting fused into
            # it, as import_articles --extract does.
            extract = functools.partial(services.article_extract, kb=knowledge_base(), fuse=True)
        report = FeedReport()
        unreadable: list[str] = []

        def stored(keys: list[str]) -> set[str]:
            return set(
                Article.objects.filter(url__in=keys).exclude(url="").values_list("url", flat=True)
            )

        def on_error(message: str) -> None:
            if message.split(": ", 1)[0] in urls:  # a feed, not one of its items
                unreadable.append(message)
            self.stderr.write(message)

        with importing.relaxed_commits():
            result = importing.import_records(
                feed_items(list(urls), stored=stored, report=report),
                status=status,
                extract=extract,
                chunk_size=20,
                on_error=on_error,
            )
        summary = (
            f"Feeds: {len(urls) - len(unreadable)} read, {report.items:,} items; "
            f"imported {result.imported:,}, skipped {report.already_stored + result.duplicates:,} "
            f"(already imported), failed {result.failed - len(unreadable):,}"
        )
        if extract:
            summary += f"; proposals {result.proposals:,}"
        self.stdout.write(summary + f" — {result.seconds:.1f} s.")
        if len(unreadable) == len(urls):
            raise CommandError("No feed could be read.")
