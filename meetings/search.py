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
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
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
CANDIDATES = 100  # newest matches ranked per kind of record
WINDOW_MATCHES = 2 * CANDIDATES  # a common term's window of recent rows holds about this many
# Past this many matches (the planner's estimate) a section says "about N" without counting:
# counting 1,000 matches of a word in most articles reads and de-TOASTs 1,000 rows (~22 ms),
# and the count's own scan of the search index costs as much as the ranking's (two common
# words in 500k meetings: 10 ms each). Three times the count limit leaves room for the
# estimate to be high; for several words it is usually low (it takes them as independent).
COUNT_SKIP = 3 * 1_000
EXACT_COUNT_LIMIT = 10_000  # above this, lists say "about N" (the planner's estimate)
# Search sections count exactly only this far: counting 10,000 matches of a common name
# reads 10,000 rows (~300 ms on 1M articles); 1,000 costs ~30 ms.
SEARCH_COUNT_LIMIT = 1_000
# Headlines are built from this many characters, starting HEADLINE_LEAD before the first
# match: enough for two fragments of up to 35 words.
HEADLINE_SLICE = 1_200
HEADLINE_LEAD = 200
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
    try:
        sql, params = queryset.order_by().query.sql_with_params()
    except EmptyResultSet:  # .none() (a name of punctuation only): nothing to estimate
        return 0
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return rounded(int(plan[0]["Plan"]["Plan Rows"]))


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
    """Everything public that matches ``text``: actors by name, and ranked records.

    PostgreSQL: the same number of queries for any query and any corpus size: actors (1),
    the planner's estimates for all three kinds (1), then one query per kind (its rows and
    its bounded count), plus the meetings' participants when meetings match.
    """
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
    if uses_postgres():
        guesses = estimates(text)
        for name, (queryset, body_field) in sources.items():
            section = ranked_postgres(queryset, text, body_field, per_section, guesses)
            setattr(results, name, section)
    else:
        for name, (queryset, body_field) in sources.items():
            setattr(results, name, ranked_sqlite(queryset, text, body_field, per_section))
    return results


@dataclass
class Guess:
    """The planner's row estimates for one table: its public rows, and those matching."""

    public: int
    matches: int


def estimates(text: str) -> dict[str, Guess]:
    """The planner's estimates for every table, from one EXPLAIN (~1 ms, no rows read)."""
    branches = []
    for table, _, public in TABLES.values():
        branches.append(f"SELECT 1 FROM {table} WHERE {public}")
        branches.append(f"SELECT 1 FROM {table} WHERE {match_sql(public)}")
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + " UNION ALL ".join(branches), [text] * 3)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    rows = [int(child["Plan Rows"]) for child in plan[0]["Plan"]["Plans"]]
    return {
        table: Guess(public=rows[2 * i], matches=rows[2 * i + 1])
        for i, (table, _, _) in enumerate(TABLES.values())
    }


def match_sql(public: str) -> str:
    return f"{public} AND search_vector @@ websearch_to_tsquery('{CONFIG}', %s)"


def rounded(rows: int) -> int:
    """``rows`` to two significant digits: an estimate should not look exact."""
    digits = max(len(str(rows)) - 2, 0)
    return round(rows, -digits)


def ranked_postgres(
    queryset: QuerySet, text: str, body_field: str, limit: int, guesses: dict[str, Guess]
) -> Section:
    """The best ``limit`` of the newest CANDIDATES matches, with highlighted snippets and
    the number of matches (exact up to SEARCH_COUNT_LIMIT), in one query."""
    table, _, public = TABLES[queryset.model]
    guess = guesses[table]
    candidates, params = candidate_sql(table, text, guess)
    # Rank the candidates in SQL, then build headlines for the best `limit` only:
    # ts_headline re-parses the whole text, ~1 ms per long article.
    best = RawSQL(
        f"WITH {candidates} SELECT t.id FROM {table} t WHERE t.id IN (SELECT id FROM candidates) "
        f"ORDER BY ts_rank(t.search_vector, websearch_to_tsquery('{CONFIG}', %s)) DESC, "
        f"t.id DESC LIMIT {int(limit)}",
        (*params, text),
    )
    # Counted exactly up to SEARCH_COUNT_LIMIT unless the estimate is far beyond it. As
    # ``pk IN (matches) LIMIT n`` the planner expects n matches early in a sequential
    # scan and re-checks every row's stored tsvector (~110 ms for a name in 5 % of 1M
    # articles). The MATERIALIZED CTE is planned without the limit (a bitmap scan of the
    # GIN index) and read lazily, so it stops at the limit (~11 ms).
    if guess.matches >= COUNT_SKIP:
        total = RawSQL("NULL::bigint", ())
    else:
        total = RawSQL(
            f"(WITH counted AS MATERIALIZED (SELECT 1 FROM {table} WHERE {match_sql(public)}) "
            f"SELECT count(*) FROM (SELECT 1 FROM counted LIMIT {SEARCH_COUNT_LIMIT + 1}) b)",
            (text,),
        )
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    if queryset.model is Article:
        queryset = queryset.defer(body_field)  # ~4 kB each; the page shows the headline only
    rows = list(
        queryset.filter(pk__in=best)
        .annotate(
            rank=RawSQL(
                f"ts_rank({table}.search_vector, websearch_to_tsquery('{CONFIG}', %s))",
                (text,),
            ),
            total=total,
            headline=SearchHeadline(
                around_first_match(table, body_field, text),
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
    if not rows:
        return Section()
    for row in rows:
        row.snippet = highlight(row.headline)
    count = rows[0].total
    if count is None or count > SEARCH_COUNT_LIMIT:
        guessed = rounded(guess.matches)
        return Section(
            rows=rows,
            count=SEARCH_COUNT_LIMIT,
            more=True,
            estimate=guessed if guessed > SEARCH_COUNT_LIMIT else None,
        )
    return Section(rows=rows, count=count)


def around_first_match(table: str, body_field: str, text: str) -> RawSQL:
    """The slice of ``body_field`` that a headline is built from: HEADLINE_SLICE characters
    starting a little before the first occurrence of one of the query's lexemes.

    ts_headline parses all the text it is given: ~0.4 ms for a 4,000-character article,
    ~8 ms for a page of ten. A lexeme is the stem of a word ('talks' -> 'talk'), so the
    words it came from begin with it, bar a final y stemmed to i ('country' -> 'countri').
    Looked for as plain text (strpos), not a pattern: a lexeme may hold any character.
    Without such a word (the match is in the title) the slice is the start of the text.
    """
    column = f'{table}."{body_field}"'
    first = (
        f"(SELECT min(nullif(strpos(lower({column}), regexp_replace(lexeme, 'i$', '')), 0)) "
        f"FROM unnest(tsvector_to_array(to_tsvector('{CONFIG}', %s))) lexeme)"
    )
    start = f"greatest(coalesce({first}, 1) - {HEADLINE_LEAD}, 1)"
    return RawSQL(f"substr({column}, {start}, {HEADLINE_SLICE})", (text,))


def candidate_sql(table: str, text: str, guess: Guess) -> tuple[str, list]:
    """CTEs ending in ``candidates``: the newest CANDIDATES matches of a query, and their
    parameters.

    A rare term is fetched first (a bitmap scan of the GIN index, MATERIALIZED so the
    planner cannot walk the date index instead, which would read most of the table) and
    then sorted. A common term is looked for among the newest public rows only, a window
    sized from the planner's estimate to hold about WINDOW_MATCHES matches: the GIN index
    and the date index are ANDed as bitmaps, so only recent matching rows are read. Walking
    the date index and testing each row instead de-TOASTs every stored tsvector on the way
    (~4,000 for a name in 5 % of articles: 130-230 ms). Should the window hold too few
    matches (the estimate was high), every match is fetched instead, in the same query.
    """
    date_column, public = next((d, p) for t, d, p in TABLES.values() if t == table)
    newest = f"ORDER BY day DESC NULLS LAST, id DESC LIMIT {CANDIDATES}"
    every = f"SELECT id, {date_column} AS day FROM {table} WHERE {match_sql(public)}"
    window = WINDOW_MATCHES * guess.public // max(guess.matches, 1)
    # Fetching M matches costs ~3 µs each; a window of W rows costs ~0.15 µs per row (its
    # bound and its bitmap), and W = 2 CANDIDATES N / M: the window wins past M ≈ √(10 N).
    if guess.matches**2 <= 10 * guess.public or window * 2 >= guess.public:
        sql = f"matches AS MATERIALIZED ({every}), candidates AS (SELECT id FROM matches {newest})"
        return sql, [text]
    # The bound is the date of the window's oldest row, read from the index that holds
    # the public rows newest first (NEWEST).
    bound = (
        f"SELECT {date_column} FROM {table} WHERE {public} {NEWEST[table]} OFFSET {window} LIMIT 1"
    )
    sql = (
        f"recent AS MATERIALIZED ({every} AND {date_column} >= ({bound})), "
        f"enough AS MATERIALIZED (SELECT count(*) >= {CANDIDATES // 4} AS yes FROM recent), "
        f"matches AS (SELECT id, day FROM recent WHERE (SELECT yes FROM enough) "
        f"UNION ALL {every} AND NOT (SELECT yes FROM enough)), "
        f"candidates AS (SELECT id FROM matches {newest})"
    )
    return sql, [text, text]


def ranked_sqlite(queryset: QuerySet, text: str, body_field: str, limit: int) -> Section:
    """The newest ``limit`` matches with snippets, counted up to SEARCH_COUNT_LIMIT."""
    matches = matching(queryset.model.objects.all(), text)
    if queryset.model is Article:
        matches = matches.filter(editorial_status=EditorialStatus.PUBLISHED)
    else:
        matches = matches.filter(is_public=True)
    count, more = count_bounded(matches, SEARCH_COUNT_LIMIT)
    if not count:
        return Section()
    words = terms(text)
    rows = list(matching(queryset, text).order_by("-pk")[:limit])
    for row in rows:
        row.snippet = snippet(getattr(row, body_field) or "", words)
    return Section(rows=rows, count=count, more=more)


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
    # All aliases: the outer query keeps published actors only. Joining the actors in the
    # subquery made the planner hash all 100k of them (11 ms at 1M articles).
    aliases = Alias.objects.all()
    actors = Actor.objects.published().select_related("country")
    # One query: the cards show name, country and description, so no offices are
    # prefetched, and the aliases are a subquery.
    if uses_postgres():
        # Exact names and first words from the b-tree, similar names from the trigram
        # index, one word at a time: as one OR, every candidate row of any word was
        # re-checked against every word's condition (~3x the similarity computations).
        exact = Q()
        for word in words:
            exact |= Q(normalized=word) | Q(normalized__startswith=f"{word} ")
        # A word that is a name as it stands is not looked for fuzzily: "Wang China" finds
        # the actor named China, not the 4,000 aliases sharing two trigrams with "china".
        found = [
            aliases.filter(~Exists(aliases.filter(normalized=word)))
            .filter(normalized__trigram_similar=word)
            .values("id")
            for word in words
            if len(word) >= 3
        ]
        candidates = aliases.filter(exact).values("id").union(*found)
        similarity = [TrigramSimilarity("normalized", w) for w in words]
        score = Greatest(*similarity) if len(similarity) > 1 else similarity[0]
        hits = aliases.filter(id__in=candidates).annotate(score=score)
        top = hits.order_by("-score", "actor_id").values("actor_id")[:50]
        # Each found actor's best score over all its aliases (a handful, by actor_id): the
        # same order as over its matching ones, since an alias that does not match scores
        # below the threshold, and it does not re-run the candidate search per actor.
        best = (
            aliases.filter(actor=OuterRef("pk"))
            .annotate(score=score)
            .order_by("-score")
            .values("score")[:1]
        )
        actors = actors.filter(pk__in=top).annotate(score=Subquery(best)).order_by("-score", "pk")
    else:
        condition = Q()
        for word in words:
            condition |= Q(normalized__contains=word)
        top = aliases.filter(condition).order_by("actor_id").values("actor_id")[:50]
        actors = actors.filter(pk__in=top).order_by("pk")
    return list(actors[:limit])
