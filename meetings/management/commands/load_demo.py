import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from meetings import services
from meetings.demo import data
from meetings.models import Actor, Article, EditorialStatus, Evidence, Meeting, Statement

PUBLISHED = EditorialStatus.PUBLISHED


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def _span(body: str, text: str, what: str) -> tuple[int, int]:
    start = body.find(text)
    if start < 0:
        raise CommandError(f"Demo data: {what} is not in its article: {text[:60]!r}")
    return start, start + len(text)


class Command(BaseCommand):
    help = (
        "Load the demo data set (short articles the project wrote about real events). "
        "Idempotent: rows that exist already are left as they are."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        services.reference_load()
        added = {"actors": 0, "articles": 0, "revised articles": 0, "meetings": 0, "statements": 0}
        actors = self.load_actors(added)
        states = {a.country_id: a for a in Actor.objects.filter(kind=Actor.Kind.STATE)}

        def actor_for(key: str) -> Actor:
            if key.startswith("state:"):
                return states[key.split(":", 1)[1].upper()]
            return actors[key]

        articles = self.load_articles(added)
        meetings = self.load_meetings(added, articles, actor_for)
        self.load_statements(added, articles, meetings, actor_for)
        services.visibility_refresh(article_ids=[a.pk for a in articles.values()])
        self.stdout.write(
            "Demo data: "
            + ", ".join(f"{n} {what}" for what, n in added.items())
            + " added (existing rows left unchanged)."
        )

    def load_actors(self, added: dict) -> dict[str, Actor]:
        actors = {a.slug: a for a in Actor.objects.filter(slug__in=[a["key"] for a in data.ACTORS])}
        for spec in data.ACTORS:
            if spec["key"] in actors:
                continue
            actors[spec["key"]] = services.actor_create(
                name=spec["name"],
                slug=spec["key"],
                kind=spec["kind"],
                country=spec.get("country"),
                wikidata_id=spec.get("wikidata") or "",
                aliases=spec.get("aliases", ()),
                role_aliases=[
                    (text, _date(start), _date(end)) for text, start, end in spec["role_aliases"]
                ],
            )
            added["actors"] += 1
        for spec in data.ACTORS:  # positions may name an organisation defined later
            actor = actors[spec["key"]]
            if actor.positions.exists():
                continue
            for p in spec.get("positions", ()):
                services.position_add(
                    actor=actor,
                    title=p["title"],
                    organization=actors.get(p.get("organization") or ""),
                    country=p.get("country"),
                    start_date=_date(p.get("start")),
                    end_date=_date(p.get("end")),
                )
        return actors

    def load_articles(self, added: dict) -> dict[str, Article]:
        articles = {}
        for spec in data.ARTICLES:
            article = Article.objects.filter(url=spec["url"]).first()
            if article is None:
                article = services.article_create(
                    title=spec["title"],
                    body=spec["body"],
                    outlet=spec["outlet"],
                    url=spec["url"],
                    dateline=spec.get("dateline", ""),
                    published_on=_date(spec["published_on"]),
                    language=spec.get("language", "en"),
                    editorial_status=PUBLISHED,
                    slug=spec["key"],
                )
                added["articles"] += 1
            elif article.body != spec["body"] or article.title != spec["title"]:
                # The demo text was revised since this database loaded it: take the new text
                # and drop the spans that pointed into the old one; they are re-added below.
                article.title, article.body = spec["title"], spec["body"]
                article.dateline = spec.get("dateline", "")
                article.published_on = _date(spec["published_on"])
                article.full_clean()
                article.save()
                Evidence.objects.filter(article=article).delete()
                Statement.objects.filter(article=article).delete()
                added["revised articles"] += 1
            articles[spec["key"]] = article
        return articles

    def load_meetings(self, added: dict, articles: dict, actor_for) -> dict[str, Meeting]:
        meetings = {
            m.slug: m for m in Meeting.objects.filter(slug__in=[m["key"] for m in data.MEETINGS])
        }
        for spec in data.MEETINGS:
            evidence = []
            for article_key, sentence in spec["evidence"]:
                article = articles[article_key]
                evidence.append((article, *_span(article.body, sentence, "an evidence sentence")))
            if spec["key"] in meetings:
                for article, start, end in evidence:  # spans of a revised article
                    Evidence.objects.get_or_create(
                        meeting=meetings[spec["key"]], article=article, start=start, end=end
                    )
                continue
            meetings[spec["key"]] = services.meeting_create(
                slug=spec["key"],
                kind=spec["kind"],
                status=spec["status"],
                start_date=_date(spec["start_date"]),
                end_date=_date(spec.get("end_date")),
                date_precision=spec.get("date_precision", "day"),
                city=spec.get("city") or "",
                country=spec.get("country"),
                summary=spec.get("summary", ""),
                participants=[(actor_for(key), role) for key, role in spec["participants"]],
                evidence=evidence,
                editorial_status=PUBLISHED,
            )
            added["meetings"] += 1
        return meetings

    def load_statements(self, added: dict, articles: dict, meetings: dict, actor_for) -> None:
        for spec in data.STATEMENTS:
            article = articles[spec["article"]]
            start, end = _span(article.body, spec["text"], "a statement")
            if Statement.objects.filter(article=article, start=start, end=end).exists():
                continue
            services.statement_create(
                speaker=actor_for(spec["speaker"]),
                article=article,
                start=start,
                end=end,
                kind=spec["kind"],
                meeting=meetings.get(spec.get("meeting") or ""),
                said_on=_date(spec.get("date")),
                via=actor_for(spec["via"]) if spec.get("via") else None,
                editorial_status=PUBLISHED,
            )
            added["statements"] += 1
