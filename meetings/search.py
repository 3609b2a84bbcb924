"""Full-text search over meetings, statements and articles, and typo-tolerant actor names.

PostgreSQL: a stored, generated ``search_vector`` tsvector per table with a GIN index
(migration 0003), queried with ``websearch_to_tsquery``; ``pg_trgm`` for actor names.
Only a bounded, recent candidate set is ever ranked (DESIGN.md: ranking every match of a
common name costs up to 870 ms; ranking the newest 200 costs ~20 ms). Matches are fetched
first in a MATERIALIZED CTE so a rare term does not make the planner walk the date index.

SQLite (local runs): every word must appear (``icontains``), newest first, no ranking.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, TrigramSimilarity
from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from meetings.models import (
    Actor,
    Alias,
    Article,
    EditorialStatus,
    Meeting,
    Statement,
    normalize_name,
)

CONFIG = "english"
CANDIDATES = 200  # newest matches ranked per kind of record
EXACT_COUNT_LIMIT = 10_000  # above this, lists say "about N" (the planner's estimate)
# Search sections count exactly only this far: counting 10,000 matches of a common name
# reads 10,000 rows (~300 ms on 1M articles); 1,000 costs ~30 ms.
SEARCH_COUNT_LIMIT = 1_000
# Private-use characters mark highlights in PostgreSQL's output, so the text can be
# escaped before the marks become <mark> elements.
START, STOP = "\ue000", "\ue001"

# table, date column, visibility condition: what a public search of each kind scans.
TABLES = {
    Meeting: ("meetings_meeting", "start_date", "is_public"),
    Statement: ("meetings_statement", "said_on", "is_public"),
    Article: ("meetings_article", "published_on", "editorial_status = 'published'"),
}


# Newest first, exactly as an index orders the public rows of each table: meetings and
# statements have (date DESC NULLS LAST, id DESC) partial indexes (migration 0005); articles
# have (editorial_status, published_on DESC), whose NULLS FIRST we skip past.
NEWEST = {
    "meetings_meeting": "ORDER BY start_date DESC NULLS LAST, id DESC",
    "meetings_statement": "ORDER BY said_on DESC NULLS LAST, id DESC",
    "meetings_article": "AND published_on IS NOT NULL ORDER BY published_on DESC",
}


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def terms(text: str) -> list[str]:
    """The words of a query, without websearch operators (for the SQLite fallback)."""
    words = re.findall(r"\w[\w'-]*", text)
    return [w for w in words if w.lower() not in {"or", "and"}][:8]


def matching(queryset: QuerySet, text: str) -> QuerySet:
    """``queryset`` narrowed to records whose text matches the query (no ranking)."""
    model = queryset.model
    if uses_postgres():
        table, _, public = TABLES[model]
        return queryset.filter(
            pk__in=RawSQL(
                f"SELECT id FROM {table} WHERE {public} "
                f"AND search_vector @@ websearch_to_tsquery('{CONFIG}', %s)",
                (text,),
            )
        )
    fields = {
        Meeting: ["title", "summary", "city"],
        Statement: ["text", "speaker__name"],
        Article: ["title", "body"],
    }[model]
    words = terms(text)
    if not words:
        return queryset.none()
    for word in words:
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def count_bounded(queryset: QuerySet, limit: int = EXACT_COUNT_LIMIT) -> tuple[int, bool]:
    """(count, more): an exact count up to ``limit``; past it, (limit, True)."""
    n = queryset.order_by()[: limit + 1].count()
    return (limit, True) if n > limit else (n, False)


def count_matches(model, text: str, limit: int) -> tuple[int, bool]:
    """(count, more) of the public records of ``model`` matching ``text``, counted from the
    GIN index (PostgreSQL), exactly up to ``limit``.

    As ``pk IN (matches) LIMIT n``, or a bare ``LIMIT n``, the planner expects to find n
    matches early in a sequential scan and re-checks every row's stored tsvector (~110 ms
    for a name in 5 % of 1M articles). The MATERIALIZED CTE is planned without the limit
    (a bitmap scan of the GIN index) and read lazily, so it stops at ``limit`` (~11 ms).
    """
    table, _, public = TABLES[model]
    sql = (
        f"WITH matches AS MATERIALIZED (SELECT 1 FROM {table} WHERE {public} "
        f"AND search_vector @@ websearch_to_tsquery('{CONFIG}', %s)) "
        f"SELECT count(*) FROM (SELECT 1 FROM matches LIMIT {int(limit) + 1}) bounded"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (text,))
        n = cursor.fetchone()[0]
    return (limit, True) if n > limit else (n, False)


def estimate(queryset: QuerySet) -> int | None:
    """The planner's row estimate for ``queryset`` (PostgreSQL), rounded to two significant
    digits; None elsewhere. Within a few percent on large results, and ~1 ms instead of
    the 35–130 ms of an exact COUNT (DESIGN.md)."""
    if not uses_postgres():
        return None
    sql, params = queryset.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    rows = int(plan[0]["Plan"]["Plan Rows"])
    digits = max(len(str(rows)) - 2, 0)
    return round(rows, -digits)


def highlight(text: str) -> SafeString:
    """PostgreSQL's headline with our markers → escaped HTML with <mark> elements."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


def snippet(text: str, words: list[str], width: int = 220) -> SafeString:
    """A window of ``text`` around the first matching word, words marked (SQLite fallback)."""
    lower = text.lower()
    hits = [lower.find(w.lower()) for w in words if lower.find(w.lower()) >= 0]
    start = max(0, min(hits, default=0) - width // 3)
    piece = text[start : start + width]
    piece = ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
    html = escape(piece)
    for word in words:
        html = re.sub(f"({re.escape(escape(word))})", r"<mark>\1</mark>", html, flags=re.I)
    return mark_safe(html)


@dataclass
class Section:
    """The results of one kind of record: the best few, and how many matched in all."""

    rows: list = field(default_factory=list)
    count: int = 0
    more: bool = False
    estimate: int | None = None  # the planner's, when more than ``count`` match


@dataclass
class Results:
    query: str
    actors: list = field(default_factory=list)
    meetings: Section = field(default_factory=Section)
    statements: Section = field(default_factory=Section)
    articles: Section = field(default_factory=Section)

    @property
    def empty(self) -> bool:
        return not (self.actors or self.meetings.rows or self.statements.rows or self.articles.rows)


def search(text: str, *, per_section: int = 10) -> Results:
    """Everything public that matches ``text``: actors by name, and ranked records."""
    text = text.strip()[:200]
    results = Results(query=text)
    if not text:
        return results
    results.actors = actors_matching(text)
    sources = {
        "meetings": (Meeting.objects.published().for_list(), "summary"),
        "statements": (Statement.objects.published().for_list(), "text"),
        "articles": (Article.objects.published(), "body"),
    }
    for name, (queryset, body_field) in sources.items():
        setattr(results, name, ranked(queryset, text, body_field, per_section))
    return results


def ranked(queryset: QuerySet, text: str, body_field: str, limit: int) -> Section:
    """The best ``limit`` of the newest CANDIDATES matches, with highlighted snippets."""
    model = queryset.model
    matches = matching(model.objects.all(), text)
    if model is Article:
        matches = matches.filter(editorial_status=EditorialStatus.PUBLISHED)
    else:
        matches = matches.filter(is_public=True)
    if uses_postgres():
        count, more = count_matches(model, text, SEARCH_COUNT_LIMIT)
    else:
        count, more = count_bounded(matches, SEARCH_COUNT_LIMIT)
    section = Section(count=count, more=more)
    if more:
        guess = estimate(matches)
        section.estimate = guess if guess and guess > count else None
    if not count:
        return section
    if uses_postgres():
        table, date_column, public = TABLES[model]
        # Rank the candidates in SQL, then build headlines for the best `limit` only:
        # ts_headline re-parses the whole text, ~20 ms per long article.
        best = RawSQL(
            f"SELECT t.id FROM {table} t WHERE t.id IN "
            f"({candidate_sql(table, date_column, public, rare=not more)}) "
            f"ORDER BY ts_rank(t.search_vector, websearch_to_tsquery('{CONFIG}', %s)) DESC, "
            f"t.id DESC LIMIT {int(limit)}",
            (text, text),
        )
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        rows = list(
            queryset.filter(pk__in=best)
            .annotate(
                rank=RawSQL(
                    f"ts_rank({table}.search_vector, websearch_to_tsquery('{CONFIG}', %s))",
                    (text,),
                ),
                headline=SearchHeadline(
                    body_field,
                    query,
                    config=CONFIG,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                ),
            )
            .order_by("-rank", "-pk")
        )
        for row in rows:
            row.snippet = highlight(row.headline)
    else:
        words = terms(text)
        rows = list(matching(queryset, text).order_by("-pk")[:limit])
        for row in rows:
            row.snippet = snippet(getattr(row, body_field) or "", words)
    section.rows = rows
    return section


def candidate_sql(table: str, date_column: str, public: str, *, rare: bool) -> str:
    """The newest CANDIDATES matches of a query.

    A rare term (at most SEARCH_COUNT_LIMIT matches, known from the count) is fetched first
    and then sorted: walking the date index for it would read most of the table. A common
    term is the opposite: the date index finds the newest matches within a few pages, while
    fetching every match first would sort hundreds of thousands of rows.
    """
    match = f"{public} AND search_vector @@ websearch_to_tsquery('{CONFIG}', %s)"
    if rare:
        return (
            f"WITH matches AS MATERIALIZED (SELECT id, {date_column} AS day FROM {table} "
            f"WHERE {match}) SELECT id FROM matches "
            f"ORDER BY day DESC NULLS LAST, id DESC LIMIT {CANDIDATES}"
        )
    # The ORDER BY must be the one an index holds, or PostgreSQL tests every row.
    return f"SELECT id FROM {table} WHERE {match} {NEWEST[table]} LIMIT {CANDIDATES}"


def actors_matching(text: str, limit: int = 8) -> list[Actor]:
    """Published actors one of whose names is like the query or one of its words.

    PostgreSQL: trigram similarity ("Shoygu" finds Shoigu) served by a GIN trigram index
    on the normalized alias; SQLite: the alias contains the word.
    """
    whole = normalize_name(text)
    words = list(dict.fromkeys([whole, *normalize_name(text).split()]))[:6]
    words = [w for w in words if len(w) >= 2]
    if not words:
        return []
    aliases = Alias.objects.filter(actor__editorial_status=EditorialStatus.PUBLISHED)
    if uses_postgres():
        condition = Q()
        for word in words:
            condition |= Q(normalized=word) | Q(normalized__startswith=f"{word} ")
            if len(word) >= 3:
                condition |= Q(normalized__trigram_similar=word)
        similarity = [TrigramSimilarity("normalized", w) for w in words]
        score = Greatest(*similarity) if len(similarity) > 1 else similarity[0]
        hits = (
            aliases.filter(condition)
            .annotate(score=score)
            .order_by("-score", "actor_id")
            .values_list("actor_id", flat=True)[:50]
        )
    else:
        condition = Q()
        for word in words:
            condition |= Q(normalized__contains=word)
        hits = (
            aliases.filter(condition).order_by("actor_id").values_list("actor_id", flat=True)[:50]
        )
    ids = list(dict.fromkeys(hits))[:limit]
    actors = {a.pk: a for a in Actor.objects.published().for_list().filter(pk__in=ids)}
    return [actors[pk] for pk in ids if pk in actors]
