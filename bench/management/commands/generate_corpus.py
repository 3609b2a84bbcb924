"""Replace the database's contents with a deterministic synthetic corpus (PostgreSQL only).

    manage.py generate_corpus --articles 1000000 [--seed 1] [--workers 2] [--force]

Refuses a database holding articles, meetings or statements it did not generate, unless
--force. See bench/corpus/ for the shape of the data and how it is loaded.
"""

from django.core.management.base import BaseCommand, CommandError

from bench import corpus


class Command(BaseCommand):
    help = "Generate a synthetic corpus (N articles, other tables in proportion) with COPY."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--workers", type=int, default=2, help="article-loading processes (0: inline)"
        )
        parser.add_argument(
            "--force", action="store_true", help="replace data the generator did not make"
        )

    def handle(self, *args, articles, seed, workers, force, **options):
        if articles < 10:
            raise CommandError("--articles must be at least 10")
        self.stdout.write(f"Generating {articles:,} articles (seed {seed}, {workers} workers)")
        try:
            report = corpus.generate(
                articles=articles,
                seed=seed,
                force=force,
                workers=workers,
                log=self.stdout.write,
            )
        except corpus.NotSynthetic as error:
            raise CommandError(f"{error}; refusing without --force") from error
        counts = ", ".join(f"{n:,} {name}" for name, n in report.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Generated {counts} in {report.seconds:.1f} s"))
        self.stdout.write(f"Search terms: {report.terms}")
