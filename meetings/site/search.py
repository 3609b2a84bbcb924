"""Full-text search over meetings, statements and articles, and typo-tolerant actor names.

PostgreSQL: a stored, generated ``search_vector`` tsvector per table with a GIN index
(migration 0003), built and queried with one accent-folding configuration (migration 0013:
"Erdogan" finds "Erdoğan"), queried with ``websearch_to_tsquery``; ``pg_trgm`` for actor
names.
Only a bounded, recent candidate set is ever ranked (DESIGN.md: ranking every match of a
common name costs up to 870 ms; ranking the newest 200 costs ~20 ms). Matches are fetched
first in a MATERIALIZED CTE so a rare term does not make the planner walk the date index.

SQLite (local runs): every word must appear as a word of the text folded the way actor
names are (``fold``: case, accents and punctuation), newest first, no ranking; actor names
typo-tolerant with rapidfuzz.

A query that names an actor (one of its names or aliases, or a close misspelling of one:
"Shoygu") also returns that actor's meetings and statements, first; a misspelling is
searched as the name it was corrected to, and the page says so.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, TrigramSimilarity
from django.db import connection
from django.db.models import Case, Exists, Func, OuterRef, Q, QuerySet, Subquery, TextField, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from rapidfuzz import fuzz, process

from meetings.extraction.kb import normalize, normalize_with_map
from meetings.models import (
    Actor,
    Alias,
    Article,
    EditorialStatus,
    Meeting,
    Participation,
    Statement,
    normalize_name,
)
from meetings.site.paging import count_bounded, rounded

CONFIG = "meetings_unaccent"  # english, accents folded (migration 0013)
CANDIDATES = 100  # newest matches ranked per kind of record
WINDOW_MATCHES = 2 * CANDIDATES  # a common term's window of recent rows holds about this many
# Past this many matches (the planner's estimate) a section says "about N" without counting:
# counting 1,000 matches of a word in most articles reads and de-TOASTs 1,000 rows (~22 ms),
# and the count's own scan of the search index costs as much as the ranking's (two common
# words in 500k meetings: 10 ms each). Three times the count limit leaves room for the
# estimate to be high; for several words it is usually low (it takes them as independent).
COUNT_SKIP = 3 * 1_000
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


def fold(text: str | None) -> str:
    """Text as names are matched: "Erdoğan’s" -> "erdogan s" (case, accents and punctuation
    folded, words one space apart). ``normalize`` without its cache: texts are long."""
    return normalize.__wrapped__(text or "")


def word_pattern(word: str) -> str:
    """A regular expression for a folded query word as a whole word of folded text, plural
    or not ("russia" is not in "russian"; "talk" is in "talks", and "talks" in "talk")."""
    base = word[:-1] if len(word) > 3 and word.endswith("s") else word
    if base.endswith("e") and word.endswith("es") and len(base) > 3:
        base = base[:-1]
    return rf"(?<![0-9a-z]){re.escape(base)}(?:s|es|{re.escape(word[len(base) :])})?(?![0-9a-z])"


class Folded(Func):
    """``fold`` of a column, in SQL (SQLite only: the function lives in this process)."""

    function = "meetings_fold"
    output_field = TextField()


def sqlite_functions(connection=connection) -> None:
    """Teach this SQLite connection ``meetings_fold`` (idempotent, a few µs)."""
    connection.ensure_connection()
    connection.connection.create_function("meetings_fold", 1, fold, deterministic=True)


FIELDS = {
    Meeting: ["title", "summary", "city"],
    Statement: ["text", "speaker__name"],
    Article: ["title", "body"],
}


def sqlite_words(text: str) -> list[str]:
    """The folded words (or runs of words: "Li's" -> "li s") every match must contain."""
    return [w for w in (fold(t) for t in terms(text)) if w]


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
    words = sqlite_words(text)
    if not words:
        return queryset.none()
    sqlite_functions()
    fields = FIELDS[model]
    queryset = queryset.alias(**{f"folded_{n.replace('__', '_')}": Folded(n) for n in fields})
    for word in words:
        pattern = word_pattern(word)
        condition = Q()
        for name in fields:
            condition |= Q(**{f"folded_{name.replace('__', '_')}__regex": pattern})
        queryset = queryset.filter(condition)
    return queryset


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


def headline_html(text: str) -> SafeString:
    """PostgreSQL's headline with our markers → escaped HTML with <mark> elements."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


def snippet(text: str, words: list[str], width: int = 220) -> SafeString:
    """A window of ``text`` around the first matching word, whole words marked however they
    are accented or cased (SQLite fallback; ``words`` folded, as ``sqlite_words``)."""
    folded, offsets = normalize_with_map(text)
    marks = []  # (start, end) in ``text``
    for word in words:
        for found in re.finditer(word_pattern(word), folded):
            marks.append((offsets[found.start()], offsets[found.end() - 1] + 1))
    marks.sort()
    start = max(0, marks[0][0] - width // 3) if marks else 0
    end = min(len(text), start + width)
    html, at = [], start
    for a, b in marks:
        a, b = max(a, at), min(b, end)
        if a >= b:
            continue
        html += [escape(text[at:a]), "<mark>", escape(text[a:b]), "</mark>"]
        at = b
    html.append(escape(text[at:end]))
    return mark_safe(("…" if start else "") + "".join(html) + ("…" if end < len(text) else ""))  # noqa: S308 - every piece is escaped


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
    # The actor the query names, whose meetings and statements come first; and the name
    # searched for when the query was a misspelling of it ("Shoygu" -> "shoigu").
    named: Actor | None = None
    corrected: str | None = None

    @property
    def searched(self) -> str:
        """The text the records were searched for."""
        return self.corrected or self.query

    @property
    def empty(self) -> bool:
        return not (self.actors or self.meetings.rows or self.statements.rows or self.articles.rows)


def search(text: str, *, per_section: int = 10) -> Results:
    """Everything public that matches ``text``: actors by name, and ranked records.

    PostgreSQL: the same number of queries for any query and any corpus size: the
    planner's estimates for all three kinds (1; again for a corrected spelling), actors (1),
    their names (1), then one query per kind (its rows and its bounded count), plus the
    meetings' participants when meetings match.
    """
    text = text.strip()[:200]
    results = Results(query=text)
    if not text:
        return results
    guesses = estimates(text) if uses_postgres() else {}
    results.actors = actors_matching(text, fuzzy=not common(guesses))
    results.named, results.corrected = recognised(text, results.actors)
    searched = results.searched
    if results.corrected and guesses:
        guesses = estimates(searched)
    sources = {
        "meetings": (Meeting.objects.published().for_list(), "summary"),
        "statements": (Statement.objects.published().for_list(), "text"),
        "articles": (Article.objects.published(), "body"),
    }
    if uses_postgres():
        for name, (queryset, body_field) in sources.items():
            section = ranked_postgres(
                queryset, searched, body_field, per_section, guesses, actor=results.named
            )
            setattr(results, name, section)
    else:
        for name, (queryset, body_field) in sources.items():
            section = ranked_sqlite(queryset, searched, body_field, per_section, results.named)
            setattr(results, name, section)
    return results


# A misspelling is corrected to a name this close (rapidfuzz's normalized Indel
# similarity, 0-100): "shoygu"/"shoigu" 83, "erdogen"/"erdogan" 86; "li"/"liu" 80 is
# not corrected, names under four letters must be typed exactly.
CORRECTION_SCORE = 80
# Actor cards on SQLite: names this like a word of the query (as ``similar_names``).
SIMILAR_SCORE = 75


def recognised(text: str, actors: list[Actor]) -> tuple[Actor | None, str | None]:
    """The actor among ``actors`` (the cards found) that the whole query names, and the
    name to search for instead when the query was a misspelling of it (one query).

    A name is an alias of the actor, its name, or a person's surname (the last word of one
    of their names). A query naming several actors ("Wang") names none of them; so does a
    misspelling as close to two actors' names.
    """
    key = normalize_name(text)
    if not actors or len(key) < 2:
        return None, None
    names: dict[int, set[str]] = {a.pk: {normalize_name(a.name)} for a in actors}
    for actor_id, normalized in Alias.objects.filter(actor__in=actors).values_list(
        "actor_id", "normalized"
    ):
        names[actor_id].add(normalized)
    surnames = {
        a.pk: {n.rsplit(" ", 1)[-1] for n in names[a.pk] if " " in n}
        for a in actors
        if a.kind == Actor.Kind.PERSON
    }
    for keys in (names, surnames):
        exact = [a for a in actors if key in keys.get(a.pk, ())]
        if len(exact) == 1:
            return exact[0], None
        if exact:
            return None, None
    if len(key) < 4:
        return None, None
    scored = []
    for actor in actors:
        candidates = names[actor.pk] | surnames.get(actor.pk, set())
        best = process.extractOne(key, candidates, scorer=fuzz.ratio)
        if best and best[1] >= CORRECTION_SCORE:
            scored.append((best[1], best[0], actor))
    scored.sort(key=lambda s: -s[0])
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None, None
    return scored[0][2], scored[0][1]


# A query the planner expects in more than this share of the public articles (and in more
# than COMMON_MATCHES) is a common word, spelt as people spell it: no actor name is looked
# for fuzzily ("talks" shares two trigrams with 6,000 aliases: 60 ms of similarity
# re-checks at 1M articles). Below COMMON_MATCHES the fuzzy search is cheap anyway.
COMMON_SHARE = 1 / 200
COMMON_MATCHES = 1_000


def common(guesses: dict) -> bool:
    articles = guesses.get("meetings_article")
    if not articles:
        return False
    return articles.matches > max(COMMON_SHARE * articles.public, COMMON_MATCHES)


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


# An actor's own records, for a query that names the actor: (the newest CANDIDATES of
# them, from the actor's date index; whether row {t} is one). Articles have none.
OWN = {
    "meetings_meeting": (
        "SELECT meeting_id AS id FROM meetings_participation WHERE actor_id = %s AND is_public",
        "date",
        "EXISTS (SELECT 1 FROM meetings_participation p WHERE p.meeting_id = {t}.id "
        "AND p.actor_id = %s)",
    ),
    "meetings_statement": (
        "SELECT id FROM meetings_statement WHERE speaker_id = %s AND is_public",
        "said_on",
        "{t}.speaker_id = %s",
    ),
}


def own_sql(table: str, actor_id: int) -> tuple[str, list]:
    """The newest CANDIDATES of the actor's public records in ``table``: dated ones from
    the (actor, is_public, date DESC) index, then undated ones."""
    rows, date_column, _ = OWN[table]
    sql = (
        f"(({rows} AND {date_column} IS NOT NULL ORDER BY {date_column} DESC "
        f"LIMIT {CANDIDATES}) UNION ALL ({rows} AND {date_column} IS NULL LIMIT {CANDIDATES}))"
    )
    return sql, [actor_id, actor_id]


def rank_sql(table: str, alias: str, text: str, actor: Actor | None) -> tuple[str, list]:
    """A record's rank: its text's, plus 1 when it is the named actor's own (first)."""
    sql = f"ts_rank({alias}.search_vector, websearch_to_tsquery('{CONFIG}', %s))"
    if actor is None or table not in OWN:
        return sql, [text]
    own = OWN[table][2].format(t=alias)
    return f"({sql} + CASE WHEN {own} THEN 1 ELSE 0 END)", [text, actor.pk]


def ranked_postgres(
    queryset: QuerySet,
    text: str,
    body_field: str,
    limit: int,
    guesses: dict[str, Guess],
    actor: Actor | None = None,
) -> Section:
    """The best ``limit`` of the newest CANDIDATES matches (and of the newest CANDIDATES
    records of ``actor``, ranked first), with highlighted snippets and the number of
    matches (exact up to SEARCH_COUNT_LIMIT), in one query."""
    table, _, public = TABLES[queryset.model]
    guess = guesses[table]
    candidates, params = candidate_sql(table, text, guess)
    own = actor is not None and table in OWN
    if own:
        mine, mine_params = own_sql(table, actor.pk)
        candidates += (
            f", own AS MATERIALIZED {mine}, "
            "everyone AS (SELECT id FROM candidates UNION SELECT id FROM own)"
        )
        params += mine_params
    rank, rank_params = rank_sql(table, "t", text, actor)
    # Rank the candidates in SQL, then build headlines for the best `limit` only:
    # ts_headline re-parses the whole text, ~1 ms per long article.
    best = RawSQL(
        f"WITH {candidates} SELECT t.id FROM {table} t "
        f"WHERE t.id IN (SELECT id FROM {'everyone' if own else 'candidates'}) "
        f"ORDER BY {rank} DESC, t.id DESC LIMIT {int(limit)}",
        (*params, *rank_params),
    )
    # Counted exactly up to SEARCH_COUNT_LIMIT unless the estimate is far beyond it. As
    # ``pk IN (matches) LIMIT n`` the planner expects n matches early in a sequential
    # scan and re-checks every row's stored tsvector (~110 ms for a name in 5 % of 1M
    # articles). The MATERIALIZED CTE is planned without the limit (a bitmap scan of the
    # GIN index) and read lazily, so it stops at the limit (~11 ms). An actor's own
    # records are counted as far from their index, and the two sets' union: past the
    # limit when either is.
    bound = SEARCH_COUNT_LIMIT + 1
    if guess.matches >= COUNT_SKIP:
        total = RawSQL("NULL::bigint", ())
    elif own:
        total = RawSQL(
            f"(WITH counted AS MATERIALIZED (SELECT id FROM {table} WHERE {match_sql(public)}) "
            f"SELECT count(*) FROM ((SELECT id FROM counted LIMIT {bound}) "
            f"UNION ({OWN[table][0]} LIMIT {bound})) b)",
            (text, actor.pk),
        )
    else:
        total = RawSQL(
            f"(WITH counted AS MATERIALIZED (SELECT 1 FROM {table} WHERE {match_sql(public)}) "
            f"SELECT count(*) FROM (SELECT 1 FROM counted LIMIT {bound}) b)",
            (text,),
        )
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    if queryset.model is Article:
        queryset = queryset.defer(body_field)  # ~4 kB each; the page shows the headline only
    rows = list(
        queryset.filter(pk__in=best)
        .annotate(
            rank=RawSQL(*rank_sql(table, table, text, actor)),
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
        row.snippet = headline_html(row.headline)
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
    The text is unaccented as the lexemes are ("Erdoğan" -> "erdogan"); where that changes
    its length ("ß" -> "ss") the start moves by as many characters, within HEADLINE_LEAD.
    """
    column = f'{table}."{body_field}"'
    first = (
        f"(SELECT min(nullif(strpos(unaccent(lower({column})), "
        "regexp_replace(lexeme, 'i$', '')), 0)) "
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


def ranked_sqlite(
    queryset: QuerySet, text: str, body_field: str, limit: int, actor: Actor | None = None
) -> Section:
    """The newest ``limit`` matches with snippets (the named actor's own records first),
    counted up to SEARCH_COUNT_LIMIT."""
    model = queryset.model
    condition = Q(pk__in=matching(model.objects.all(), text).values("pk"))
    own = None
    if actor is not None and model is Meeting:
        own = Q(pk__in=Participation.objects.filter(actor=actor).values("meeting_id"))
    elif actor is not None and model is Statement:
        own = Q(speaker=actor)
    if own is not None:
        condition |= own
    matches = model.objects.filter(condition)
    if model is Article:
        matches = matches.filter(editorial_status=EditorialStatus.PUBLISHED)
    else:
        matches = matches.filter(is_public=True)
    count, more = count_bounded(matches, SEARCH_COUNT_LIMIT)
    if not count:
        return Section()
    words = sqlite_words(text)
    rows = queryset.filter(condition)
    if own is not None:
        rows = rows.alias(own=Case(When(own, then=1), default=0)).order_by("-own", "-pk")
    else:
        rows = rows.order_by("-pk")
    rows = list(rows[:limit])
    for row in rows:
        row.snippet = snippet(getattr(row, body_field) or "", words)
    return Section(rows=rows, count=count, more=more)


def whole_word(word: str) -> str:
    """A PostgreSQL regular expression for ``word`` as a whole word of a normalized name."""
    return rf"(^| ){re.escape(word)}( |$)"


def actors_matching(text: str, limit: int = 8, *, fuzzy: bool = True) -> list[Actor]:
    """Published actors one of whose names is like the query or one of its words.

    PostgreSQL: trigram similarity ("Shoygu" finds Shoigu) served by a GIN trigram index
    on the normalized alias; SQLite: the alias contains the word or is spelt like it
    (``similar_names``).
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
            if " " not in word:
                exact |= Q(normalized__regex=whole_word(word))
        # A word that is a name, or a word of one, as it stands is not looked for fuzzily:
        # "Wang China" finds the actor named China, not the 4,000 aliases sharing two
        # trigrams with "china"; a common surname finds its bearers, not the 5,000 aliases
        # sharing two trigrams with it (77 ms of similarity re-checks at 1M articles). A
        # whole word is found through the trigram index too: a regular expression needs
        # all of the word's trigrams, not two. Nor is a query common in the texts
        # (``fuzzy`` false): a word in many articles is spelt as people spell it.
        found = [
            aliases.filter(~Exists(aliases.filter(normalized__regex=whole_word(word))))
            .filter(normalized__trigram_similar=word)
            .values("id")
            for word in words
            if len(word) >= 3 and fuzzy
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
        found = similar_names(words, aliases.values_list("actor_id", "normalized"))
        actors = {a.pk: a for a in actors.filter(pk__in=list(found)[:50])}
        return [actors[pk] for pk in found if pk in actors][:limit]
    return list(actors[:limit])


def similar_names(words: list[str], aliases) -> dict[int, float]:
    """Actor id -> best score of its aliases against ``words``, best first (SQLite).

    An alias containing a word scores 100; otherwise the alias, or one of its words, as
    spelt like a word (rapidfuzz's Indel similarity) as pg_trgm's threshold would let
    through: "shoygu" finds "shoigu" (83). Reads every alias: SQLite is for local runs.
    """
    scores: dict[int, float] = {}
    for actor_id, normalized in aliases:
        best = 0.0
        for word in words:
            if word in normalized:
                best = 100.0
                break
            if len(word) < 3:
                continue
            best = max(best, fuzz.ratio(word, normalized))
            for part in normalized.split():
                best = max(best, fuzz.ratio(word, part))
        if best >= SIMILAR_SCORE and best > scores.get(actor_id, 0):
            scores[actor_id] = best
    return dict(sorted(scores.items(), key=lambda item: (-item[1], item[0])))
