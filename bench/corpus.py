"""A deterministic synthetic corpus for benchmarks, loaded into PostgreSQL with COPY.

Per 1M articles: 100k actors, 500k meetings, ~1.5M participations, ~2M statements. Actor
activity follows a Zipf law (the busiest actors take part in tens of thousands of meetings),
countries are skewed the same way, dates span 25 years (more recent years busier), and every
row is published. Everything is drawn from ``random.Random`` seeded per table and per block
of articles, so the same seed gives the same rows whatever the number of worker processes.

Loading (DESIGN.md, "Speed by design": COPY ≈ 2x bulk_create): the big tables are truncated,
their secondary indexes, unique and foreign-key constraints dropped (their DDL saved first in
``synthetic_corpus_ddl`` so a crashed load is repaired by the next run), the rows COPYed by
worker processes, then indexes and constraints rebuilt and the tables analysed.

A table ``synthetic_corpus`` marks the database as synthetic; without it the generator
refuses to touch a database that holds articles, meetings or statements.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import io
import itertools
import json
import multiprocessing
import random
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction

from bench import words as W

MARKER_TABLE = "synthetic_corpus"
DDL_TABLE = "synthetic_corpus_ddl"
RULE = "synthetic"
RARE_WORD = "zephyrine"  # in ~1 article in 20,000
RARE_RATE = 1 / 20_000
FIRST_DAY = dt.date(2001, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
BLOCK = 5_000  # articles per COPY and per random stream

# Tables emptied and reloaded, children first.
TABLES = [
    "meetings_countrypair",
    "meetings_statement",
    "meetings_evidence",
    "meetings_participation",
    "meetings_meeting",
    "meetings_article",
    "meetings_position",
    "meetings_alias",
    "meetings_actor",
]
OTHER_TABLES = ["meetings_actorsuggestion", "meetings_rejectedlink"]
KEEP_STATES = ["meetings_actor", "meetings_alias", "meetings_position"]  # emptied but for states

# Countries that make the news most, most first; the rest follow by ISO code.
BUSY_COUNTRIES = W.split_words(
    "US CN RU GB FR DE IN JP TR UA BR SA IR IL KR IT ZA EG PK ID MX CA AU QA AE KP PL ES NG "
    "ET KZ VN PH AR HU RS BY AM AZ GE SY IQ AF"
)

COLUMNS = {
    "meetings_actor": "id name slug kind country_id wikidata_id description editorial_status "
    "created_at updated_at",
    "meetings_alias": "id actor_id text normalized is_role valid_from valid_to",
    "meetings_position": "id actor_id title organization_id country_id start_date end_date",
    "meetings_article": "id title slug outlet url dateline published_on language body "
    "content_hash editorial_status extracted_at created_at updated_at",
    "meetings_meeting": "id title slug kind status start_date end_date date_precision city "
    "country_id summary editorial_status is_public confidence rule fingerprint created_at "
    "updated_at",
    "meetings_participation": "id meeting_id actor_id role date country_id is_public",
    "meetings_evidence": 'id meeting_id article_id start "end"',
    "meetings_statement": 'id speaker_id text kind article_id start "end" meeting_id said_on '
    "via_id editorial_status is_public confidence rule fingerprint created_at updated_at",
}

MONTHS = [dt.date(2001, m, 1).strftime("%B") for m in range(1, 13)]
WEEKDAYS = [dt.date(2001, 1, d).strftime("%A") for d in range(1, 8)]  # Jan 1, 2001: Monday


class NotSynthetic(Exception):
    """The database holds data the generator did not make."""


@dataclass
class Sizes:
    articles: int
    actors: int
    meetings: int

    @classmethod
    def for_articles(cls, n: int) -> Sizes:
        return cls(articles=n, actors=max(50, n // 10), meetings=n // 2)


@dataclass
class Plan:
    """Everything the article workers need, drawn once in the parent process."""

    seed: int
    sizes: Sizes
    now: str
    countries: list[tuple[str, str, str]]  # (code, name, capital), busiest first
    actor_first: int
    actor_names: list[str] = field(default_factory=list)
    actor_surnames: list[str] = field(default_factory=list)
    actor_titles: list[str] = field(default_factory=list)
    actor_country: array = field(default_factory=lambda: array("i"))
    actor_cum: list[float] = field(default_factory=list)
    meeting_day: array = field(default_factory=lambda: array("i"))
    meeting_kind: array = field(default_factory=lambda: array("b"))
    meeting_venue: array = field(default_factory=lambda: array("i"))
    meeting_start: array = field(default_factory=lambda: array("i"))  # offsets into parts
    parts: array = field(default_factory=lambda: array("i"))

    def participants(self, j: int) -> array:
        return self.parts[self.meeting_start[j] : self.meeting_start[j + 1]]

    def actor_id(self, i: int) -> int:
        return self.actor_first + i


def rng_for(seed: int, *stream) -> random.Random:
    return random.Random(f"{seed}:" + ":".join(map(str, stream)))


def zipf_cum(n: int, s: float = 1.0, q: float = 2.0) -> list[float]:
    """Cumulative weights 1/(rank+q)^s for ranks 0..n-1 (for random.choices / bisect)."""
    return list(itertools.accumulate(1.0 / (r + q) ** s for r in range(n)))


def draw_day(rng: random.Random) -> int:
    """A day ordinal in the 25 years, later years busier (density ∝ t^0.4)."""
    span = LAST_DAY.toordinal() - FIRST_DAY.toordinal()
    return FIRST_DAY.toordinal() + int(span * rng.random() ** 0.7)


def surnames(seed: int) -> list[str]:
    """Every head+middle+tail combination, shuffled by the seed (~8,000 surnames)."""
    names = [h + m + t for h in W.SURNAME_HEADS for m in W.SURNAME_MIDDLES for t in W.SURNAME_TAILS]
    rng_for(seed, "surnames").shuffle(names)
    return names


def pseudo_words(seed: int, n: int = 4000) -> list[str]:
    """A long tail of rare lowercase words for filler text."""
    onsets = W.split_words("b d f g k l m n p r s t v z br dr gr kr pl st tr")
    vowels = W.split_words("a e i o u ai ou")
    codas = ["", "n", "r", "s", "l", "m", "nd", "st"]
    rng = rng_for(seed, "pseudo")
    out: set[str] = set()
    while len(out) < n:
        syllables = rng.randint(2, 4)
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(syllables))
        word += rng.choice(codas)
        if word != RARE_WORD:
            out.add(word)
    return sorted(out)


def make_plan(seed: int, sizes: Sizes, countries: list[tuple[str, str, str]], actor_first: int):
    rank = {code: i for i, code in enumerate(BUSY_COUNTRIES)}
    countries = sorted(countries, key=lambda c: (rank.get(c[0], len(rank)), c[0]))
    plan = Plan(
        seed=seed,
        sizes=sizes,
        now=dt.datetime.now(dt.UTC).isoformat(),
        countries=countries,
        actor_first=actor_first,
    )
    # Actors: rank 0 is the busiest. The busiest 400 get a surname nobody else has, so a
    # search for it finds that actor's articles only.
    rng = rng_for(seed, "actors")
    pool = surnames(seed)
    reserved, shared = pool[:400], pool[400:]
    country_cum = zipf_cum(len(countries), s=1.0, q=1.0)
    for i in range(sizes.actors):
        surname = reserved[i] if i < len(reserved) else rng.choice(shared)
        plan.actor_surnames.append(surname)
        plan.actor_names.append(f"{rng.choice(W.FIRST_NAMES)} {surname}")
        plan.actor_titles.append(rng.choice(W.TITLES))
        plan.actor_country.append(
            bisect.bisect(country_cum, rng.random() * country_cum[-1])
            if i >= 2
            else i  # the two busiest actors lead the two busiest countries
        )
    plan.actor_cum = zipf_cum(sizes.actors)

    # Meetings: 2–5 distinct participants (avg ~3), drawn by activity.
    rng = rng_for(seed, "meetings")
    total = plan.actor_cum[-1]
    cum = plan.actor_cum
    n_actors = sizes.actors
    plan.meeting_start.append(0)
    kind_cum = list(itertools.accumulate(W.KIND_WEIGHTS))
    for _ in range(sizes.meetings):
        k = 2 + bisect.bisect((40, 75, 90, 100), rng.random() * 100)
        chosen: list[int] = []
        while len(chosen) < min(k, n_actors):
            a = bisect.bisect(cum, rng.random() * total)
            if a not in chosen:
                chosen.append(a)
        plan.parts.extend(chosen)
        plan.meeting_start.append(len(plan.parts))
        plan.meeting_day.append(draw_day(rng))
        plan.meeting_kind.append(bisect.bisect(kind_cum, rng.random() * kind_cum[-1]))
        host = chosen[0] if rng.random() < 0.8 else chosen[1]
        plan.meeting_venue.append(plan.actor_country[host])
    return plan


# --- COPY helpers ----------------------------------------------------------------------------


def cell(value) -> str:
    """One value in COPY text format (our strings hold no tabs or backslashes)."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        return value.replace("\n", "\\n")
    return str(value)


def row(*values) -> str:
    return "\t".join(map(cell, values)) + "\n"


def copy(cursor, table: str, lines: Iterable[str]) -> int:
    """COPY ``lines`` into ``table``, streamed 1 MB at a time; returns the row count."""
    reader = _LineReader(lines)
    columns = ", ".join(COLUMNS[table].split())
    cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN", reader, 1 << 20)
    return reader.count


class _LineReader(io.RawIOBase):
    """A file whose read() pulls lines from a generator (what copy_expert wants)."""

    def __init__(self, lines: Iterable[str]):
        self.lines = iter(lines)
        self.pending = b""
        self.count = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        size = 1 << 20 if size is None or size < 0 else size
        chunks = [self.pending]
        have = len(self.pending)
        while have < size:
            try:
                line = next(self.lines)
            except StopIteration:
                break
            data = line.encode()
            chunks.append(data)
            have += len(data)
            self.count += 1
        data = b"".join(chunks)
        self.pending = data[size:]
        return data[:size]


# --- rows ------------------------------------------------------------------------------------


def slugify_ascii(*parts) -> str:
    return "-".join(str(p).lower().replace(" ", "-") for p in parts if p != "")


def actor_rows(plan: Plan):
    for i, name in enumerate(plan.actor_names):
        yield row(
            plan.actor_id(i),
            name,
            slugify_ascii(name) if i < 400 else slugify_ascii(name, plan.actor_id(i)),
            "person",
            plan.countries[plan.actor_country[i]][0],
            "",
            "",
            "published",
            plan.now,
            plan.now,
        )


def alias_rows(plan: Plan, first_id: int):
    for i, name in enumerate(plan.actor_names):
        yield row(first_id + i, plan.actor_id(i), name, name.lower(), False, None, None)


def position_rows(plan: Plan, first_id: int):
    rng = rng_for(plan.seed, "positions")
    for i, title in enumerate(plan.actor_titles):
        start = dt.date.fromordinal(draw_day(rng))
        end = None
        if rng.random() < 0.5:
            end = min(start + dt.timedelta(days=rng.randint(200, 3000)), LAST_DAY)
        code = plan.countries[plan.actor_country[i]][0]
        yield row(first_id + i, plan.actor_id(i), title, None, code, start, end)


def names_phrase(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def meeting_rows(plan: Plan):
    rng = rng_for(plan.seed, "meeting-rows")
    for j in range(plan.sizes.meetings):
        parts = plan.participants(j)
        names = [plan.actor_names[a] for a in parts]
        day = dt.date.fromordinal(plan.meeting_day[j])
        kind = W.KINDS[plan.meeting_kind[j]]
        end = day + dt.timedelta(days=rng.randint(1, 3)) if kind in ("visit", "summit") else None
        code, country, capital = plan.countries[plan.meeting_venue[j]]
        title = " – ".join(names[:2]) + (f" and {len(names) - 2} others" if len(names) > 2 else "")
        topics = rng.sample(W.TOPICS, 2)
        summary = (
            f"{names_phrase(names)} discussed {topics[0]} and {topics[1]} in {capital}, {country}."
        )
        slug = slugify_ascii(
            plan.actor_surnames[parts[0]], plan.actor_surnames[parts[1]], day, j + 1
        )
        yield row(
            j + 1, title, slug, kind, "held", day, end, "day", capital, code, summary,
            "published", True, 1.0, RULE, "", plan.now, plan.now,
        )  # fmt: skip


def participation_rows(plan: Plan):
    pk = 0
    for j in range(plan.sizes.meetings):
        day = dt.date.fromordinal(plan.meeting_day[j]).isoformat()
        for n, a in enumerate(plan.participants(j)):
            pk += 1
            role = "host" if n == 0 else "guest" if n == 1 else "participant"
            yield row(
                pk, j + 1, plan.actor_id(a), role, day, plan.countries[plan.actor_country[a]][0],
                True,
            )  # fmt: skip


class Filler:
    """A pool of filler sentences drawn from a Zipf-weighted vocabulary; some have slots for
    a name ({N}) or a place ({P})."""

    def __init__(self, seed: int, size: int = 20_000):
        rng = rng_for(seed, "filler")
        # The real words take ~90% of the draws, the rare pseudo-words the rest.
        vocabulary = W.VOCABULARY + pseudo_words(seed, 2000)
        cum = zipf_cum(len(vocabulary), s=1.3, q=3.0)
        self.sentences: list[str] = []
        self.lengths: list[int] = []
        for _ in range(size):
            n = rng.randint(6, 22)
            ws = rng.choices(vocabulary, cum_weights=cum, k=n)
            slot = rng.random()
            if slot < 0.15:
                ws.insert(rng.randrange(1, n), "{N}")
            elif slot < 0.3:
                ws.insert(rng.randrange(1, n), "in {P}")
            text = " ".join(ws)
            self.sentences.append(text[0].upper() + text[1:] + ".")
            self.lengths.append(len(ws) + (1 if slot < 0.3 else 0))


@dataclass
class BlockResult:
    block: int
    articles: int = 0
    statements: int = 0
    evidence: int = 0
    mentions: Counter = field(default_factory=Counter)


_plan: Plan | None = None
_filler: Filler | None = None


def article_block(plan: Plan, filler: Filler, block: int):
    """(article lines, statement lines, evidence lines, mentions) for one block of articles."""
    rng = rng_for(plan.seed, "articles", block)
    first = block * BLOCK
    last = min(first + BLOCK, plan.sizes.articles)
    articles, statements, evidence = [], [], []
    mentions: Counter = Counter()
    cum, total = plan.actor_cum, plan.actor_cum[-1]
    pool, lengths = filler.sentences, filler.lengths
    n_pool = len(pool)
    stmt_count_cum = (15, 40, 65, 85, 95, 100)  # 0–5 statements, 2 on average
    for a in range(first, last):
        article_id = a + 1
        covers = a // 2 if a % 2 == 0 and a // 2 < plan.sizes.meetings else None
        if covers is not None:
            actors = list(plan.participants(covers))
            day = dt.date.fromordinal(plan.meeting_day[covers])
            published = day + dt.timedelta(days=rng.randint(0, 2))
            kind = W.KINDS[plan.meeting_kind[covers]]
            venue = plan.meeting_venue[covers]
        else:
            actors = []
            while len(actors) < 3:
                x = bisect.bisect(cum, rng.random() * total)
                if x not in actors:
                    actors.append(x)
            published = day = dt.date.fromordinal(draw_day(rng))
            kind = None
            venue = plan.actor_country[actors[0]]
        mentions.update(actors)
        names = [plan.actor_names[x] for x in actors]
        _, country, capital = plan.countries[venue]
        places = [capital, country] + [plan.countries[plan.actor_country[x]][1] for x in actors]
        outlet = W.OUTLETS[a % len(W.OUTLETS)]
        dateline = f"{capital.upper()}, {MONTHS[published.month - 1]} {published.day}"
        topic, topic2 = rng.sample(W.TOPICS, 2)
        first_title = plan.actor_titles[actors[0]]
        if kind is not None:
            lead = (
                f"{first_title} {names[0]} {W.LEAD_VERBS[kind]} {names_phrase(names[1:])} "
                f"in {capital} on {WEEKDAYS[day.weekday()]}, and the talks covered {topic} "
                f"and {topic2}, officials said."
            )
            title = f"{plan.actor_surnames[actors[0]]} and {plan.actor_surnames[actors[1]]} "
            title += f"discuss {topic} in {capital}"
        else:
            home = plan.countries[plan.actor_country[actors[0]]][1]
            lead = (
                f"{names[0]}, the {first_title.lower()} of {home}, spoke about {topic} and "
                f"{topic2} in {capital} on {WEEKDAYS[day.weekday()]}."
            )
            title = f"{plan.actor_surnames[actors[0]]} on {topic} and {topic2}"

        target = rng.randint(300, 875)
        prefix = f"{dateline} ({outlet}) - "
        parts = [prefix, lead]
        pos = len(prefix) + len(lead)
        lead_span = (len(prefix), pos)
        count = lead.count(" ") + 1 + 4

        def add_filler(n: int, parts=parts, names=names, places=places) -> int:
            added_words, added_chars = 0, 0
            for _ in range(n):
                i = rng.randrange(n_pool)
                s = pool[i]
                if "{" in s:
                    s = s.replace("{N}", rng.choice(names)).replace("{P}", rng.choice(places))
                parts.append(" ")
                parts.append(s)
                added_chars += len(s) + 1
                added_words += lengths[i]
            return added_words, added_chars

        w, c = add_filler(rng.randint(1, 3))
        count, pos = count + w, pos + c
        n_statements = bisect.bisect(stmt_count_cum, rng.random() * 100)
        for s in range(n_statements):
            speaker = actors[rng.randrange(len(actors))]
            topic = rng.choice(W.TOPICS)
            quote = f"{rng.choice(W.QUOTE_OPENERS)} {topic} {rng.choice(W.QUOTE_CLOSERS)}"
            sentence = f'"{quote}," {plan.actor_names[speaker]} {rng.choice(W.CUES)}.'
            parts.append("\n\n")
            parts.append(sentence)
            start = pos + 3
            pos += 2 + len(sentence)
            count += sentence.count(" ") + 1
            statements.append(
                row(
                    article_id * 5 + s,
                    plan.actor_id(speaker),
                    quote,
                    "direct",
                    article_id,
                    start,
                    start + len(quote),
                    covers + 1 if covers is not None else None,
                    day,
                    None,
                    "published",
                    True,
                    1.0,
                    RULE,
                    "",
                    plan.now,
                    plan.now,
                )  # fmt: skip
            )
            w, c = add_filler(rng.randint(1, 3))
            count, pos = count + w, pos + c
        if rng.random() < RARE_RATE:
            s = f"Observers called it the {RARE_WORD} agreement."
            parts.append(" " + s)
            pos += len(s) + 1
        sentences = 0
        while count < target:  # one sentence at a time: at most ~22 words over the target
            if sentences % 4 == 0:
                parts.append("\n\n")
                pos += 2
            w, c = add_filler(1)
            count, pos, sentences = count + w, pos + c, sentences + 1
        body = "".join(parts)
        if covers is not None:
            evidence.append(row(covers + 1, covers + 1, article_id, *lead_span))
        digest = hashlib.sha256(" ".join(body.split()).encode()).hexdigest()
        articles.append(
            row(
                article_id,
                title,
                slugify_ascii(plan.actor_surnames[actors[0]], topic2, published, article_id),
                outlet,
                f"https://news.synthetic.example/{published:%Y/%m/%d}/{article_id}",
                dateline,
                published,
                "en",
                body,
                digest,
                "published",
                plan.now,
                plan.now,
                plan.now,
            )  # fmt: skip
        )
    return articles, statements, evidence, mentions


def load_block(cursor, plan: Plan, filler: Filler, block: int) -> BlockResult:
    articles, statements, evidence, mentions = article_block(plan, filler, block)
    copy(cursor, "meetings_article", articles)
    copy(cursor, "meetings_statement", statements)
    copy(cursor, "meetings_evidence", evidence)
    return BlockResult(block, len(articles), len(statements), len(evidence), mentions)


# --- worker processes ------------------------------------------------------------------------

_worker_conn = None


def _worker_init(params: dict) -> None:
    import psycopg2

    global _worker_conn
    _worker_conn = psycopg2.connect(**params)
    with _worker_conn.cursor() as cur:
        session_settings(cur)
    _worker_conn.commit()


def _worker_block(block: int) -> BlockResult:
    with _worker_conn.cursor() as cur:
        result = load_block(cur, _plan, _filler, block)
    _worker_conn.commit()
    return result


def session_settings(cursor) -> None:
    cursor.execute("SET synchronous_commit = off")
    cursor.execute("SET maintenance_work_mem = '1GB'")
    cursor.execute(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
    )
    if cursor.fetchone()[0]:  # lz4 compresses article bodies ~3x faster than pglz
        cursor.execute("SET default_toast_compression = 'lz4'")


# --- the database side -----------------------------------------------------------------------


def table_exists(cursor, name: str) -> bool:
    cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [name])
    return cursor.fetchone()[0]


def check_synthetic(cursor) -> None:
    """Raise NotSynthetic unless the database is empty or holds only our corpus."""
    if table_exists(cursor, MARKER_TABLE):
        cursor.execute("SELECT count(*) FROM meetings_article WHERE outlet NOT LIKE 'Synthetic %%'")
        foreign = cursor.fetchone()[0]
        if foreign:
            raise NotSynthetic(
                f"{foreign} articles here were not generated (outlet not 'Synthetic …')"
            )
        return
    checks = {
        "articles": "SELECT count(*) FROM meetings_article",
        "meetings": "SELECT count(*) FROM meetings_meeting",
        "statements": "SELECT count(*) FROM meetings_statement",
        "actors other than states": "SELECT count(*) FROM meetings_actor WHERE kind <> 'state'",
    }
    found = []
    for what, sql in checks.items():
        cursor.execute(sql)
        n = cursor.fetchone()[0]
        if n:
            found.append(f"{n} {what}")
    if found:
        raise NotSynthetic(
            "this database holds data the generator did not make (" + ", ".join(found) + ")"
        )


def corpus_info(cursor) -> dict | None:
    """The marker row of the last complete load, or None."""
    if not table_exists(cursor, MARKER_TABLE):
        return None
    cursor.execute(
        f"SELECT info FROM {MARKER_TABLE} WHERE status = 'complete' ORDER BY id DESC LIMIT 1"
    )
    found = cursor.fetchone()
    if not found:
        return None
    info = found[0]
    return info if isinstance(info, dict) else json.loads(info)


def create_marker_tables(cursor) -> None:
    cursor.execute(
        f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (id serial PRIMARY KEY, "
        "status text NOT NULL, info jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())"
    )
    cursor.execute(
        f"CREATE TABLE IF NOT EXISTS {DDL_TABLE} (id serial PRIMARY KEY, tbl text NOT NULL, "
        "name text NOT NULL, kind text NOT NULL, ddl text NOT NULL)"
    )


def save_and_drop_ddl(cursor) -> int:
    """Save, then drop, every secondary index and unique/foreign-key constraint of TABLES."""
    tables = TABLES
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks before ALTER TABLE
    cursor.execute(
        """SELECT c.conrelid::regclass::text, c.conname, c.contype, pg_get_constraintdef(c.oid)
           FROM pg_constraint c WHERE c.conrelid = ANY(%s::regclass[]) AND c.contype IN ('u', 'f')
           ORDER BY c.contype DESC, c.conname""",
        [tables],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        """SELECT i.indrelid::regclass::text, ic.relname, pg_get_indexdef(i.indexrelid)
           FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
           WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                             AND c.conrelid = i.indrelid)
           ORDER BY ic.relname""",
        [tables],
    )
    indexes = cursor.fetchall()
    for tbl, name, contype, definition in constraints:
        kind = "unique" if contype == "u" else "fk"
        cursor.execute(
            f"INSERT INTO {DDL_TABLE} (tbl, name, kind, ddl) VALUES (%s, %s, %s, %s)",
            [tbl, name, kind, f'ALTER TABLE {tbl} ADD CONSTRAINT "{name}" {definition}'],
        )
    for tbl, name, definition in indexes:
        cursor.execute(
            f"INSERT INTO {DDL_TABLE} (tbl, name, kind, ddl) VALUES (%s, %s, 'index', %s)",
            [tbl, name, definition],
        )
    for tbl, name, _contype, _ in sorted(constraints, key=lambda c: c[2] != "f"):
        cursor.execute(f'ALTER TABLE {tbl} DROP CONSTRAINT "{name}"')
    for _, name, _ in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    return len(constraints) + len(indexes)


def pending_ddl(cursor) -> list[tuple[int, str, str, str]]:
    if not table_exists(cursor, DDL_TABLE):
        return []
    order = "CASE kind WHEN 'unique' THEN 0 WHEN 'index' THEN 1 ELSE 2 END"
    cursor.execute(f"SELECT id, tbl, kind, ddl FROM {DDL_TABLE} ORDER BY {order}, id")
    return cursor.fetchall()


def restore_ddl_inline(cursor) -> int:
    """Rebuild saved indexes and constraints on this connection (tests, small corpora)."""
    rows = pending_ddl(cursor)
    for pk, _, _, ddl in rows:
        cursor.execute(ddl)
        cursor.execute(f"DELETE FROM {DDL_TABLE} WHERE id = %s", [pk])
    return len(rows)


def _restore_worker(params: dict, ids: list[int]) -> None:
    import psycopg2

    conn = psycopg2.connect(**params)
    conn.autocommit = True
    with conn.cursor() as cur:
        session_settings(cur)
        for pk in ids:
            cur.execute(f"SELECT ddl FROM {DDL_TABLE} WHERE id = %s", [pk])
            (ddl,) = cur.fetchone()
            cur.execute("BEGIN")
            cur.execute(ddl)
            cur.execute(f"DELETE FROM {DDL_TABLE} WHERE id = %s", [pk])
            cur.execute("COMMIT")
    conn.close()


def restore_ddl_parallel(params: dict, cursor, workers: int) -> int:
    """Rebuild indexes in ``workers`` connections (the article GIN index alone in one),
    then the unique and foreign-key constraints."""
    rows = pending_ddl(cursor)
    indexes = [r for r in rows if r[2] in ("index", "unique")]
    # Longest first, spread over the workers: the article text index dominates.
    weight = {"meetings_article": 10, "meetings_statement": 4, "meetings_participation": 2}
    indexes.sort(key=lambda r: ("gin" not in r[3].lower(), -weight.get(r[1], 1), r[0]))
    lanes: list[list[int]] = [[] for _ in range(max(1, workers))]
    loads = [0.0] * len(lanes)
    for pk, tbl, _, ddl in indexes:
        cost = weight.get(tbl, 1) * (5 if "gin" in ddl.lower() else 1)
        lane = loads.index(min(loads))
        lanes[lane].append(pk)
        loads[lane] += cost
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_restore_worker, args=(params, lane)) for lane in lanes if lane]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        if p.exitcode:
            raise RuntimeError("an index build failed; rerun generate_corpus to retry")
    fks = [r[0] for r in pending_ddl(cursor)]
    _restore_worker(params, fks)
    return len(rows)


@dataclass
class Report:
    counts: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)
    seconds: float = 0.0


def generate(
    *,
    articles: int,
    seed: int = 1,
    force: bool = False,
    workers: int = 2,
    log: Callable[[str], None] = print,
) -> Report:
    """Replace the corpus in the default database with a synthetic one of ``articles``."""
    global _plan, _filler
    from meetings.services import reference_load

    if connection.vendor != "postgresql":
        raise NotSynthetic("generate_corpus needs PostgreSQL (it loads with COPY)")
    started = time.monotonic()
    report = Report()
    sizes = Sizes.for_articles(articles)
    inline = workers <= 0 or connection.in_atomic_block

    def step(name: str, since: list[float] = [started]) -> None:  # noqa: B006
        now = time.monotonic()
        report.timings[name] = round(now - since[0], 2)
        log(f"  {name}: {now - since[0]:.1f} s")
        since[0] = now

    with connection.cursor() as cur:
        if not force:
            check_synthetic(cur)
        with transaction.atomic():
            create_marker_tables(cur)
            # Rows left in DDL_TABLE by a load that died are kept: they are dropped objects
            # still to rebuild, and save_and_drop_ddl() adds the ones that exist now.
            cur.execute(
                f"INSERT INTO {MARKER_TABLE} (status, info) VALUES ('loading', %s)",
                [json.dumps({"articles": articles, "seed": seed})],
            )
            # State actors (reference data, slow to recreate through services) are kept;
            # every other actor, and everything that refers to actors, goes.
            truncated = [t for t in TABLES + OTHER_TABLES if t not in KEEP_STATES]
            cur.execute(f"TRUNCATE {', '.join(truncated)} RESTART IDENTITY CASCADE")
            dropped = save_and_drop_ddl(cur)
            persons = "SELECT id FROM meetings_actor WHERE kind <> 'state'"
            cur.execute(f"DELETE FROM meetings_alias WHERE actor_id IN ({persons})")
            cur.execute(
                f"DELETE FROM meetings_position WHERE actor_id IN ({persons}) "
                f"OR organization_id IN ({persons})"
            )
            cur.execute("DELETE FROM meetings_actor WHERE kind <> 'state'")
            reference_load()  # countries and state actors, when missing
            cur.execute("SELECT code, name, capital FROM meetings_country")
            countries = [(c, n, (cap.split(",")[0].strip() or n)) for c, n, cap in cur.fetchall()]
            cur.execute("SELECT coalesce(max(id), 0) + 1 FROM meetings_actor")
            actor_first = cur.fetchone()[0]
            cur.execute("SELECT coalesce(max(id), 0) + 1 FROM meetings_alias")
            alias_first = cur.fetchone()[0]
            cur.execute("SELECT coalesce(max(id), 0) + 1 FROM meetings_position")
            position_first = cur.fetchone()[0]
        log(f"  dropped {dropped} indexes and constraints (saved in {DDL_TABLE})")
        step("prepare")

        plan = make_plan(seed, sizes, countries, actor_first)
        filler = Filler(seed, size=min(20_000, max(2_000, 4 * articles)))  # small: quick tests
        step("plan")

        with transaction.atomic():
            session_settings(cur)
            report.counts["actors"] = copy(cur, "meetings_actor", actor_rows(plan))
            copy(cur, "meetings_alias", alias_rows(plan, alias_first))
            copy(cur, "meetings_position", position_rows(plan, position_first))
            report.counts["meetings"] = copy(cur, "meetings_meeting", meeting_rows(plan))
            report.counts["participations"] = copy(
                cur, "meetings_participation", participation_rows(plan)
            )
            # What services.copies.refresh_country_pairs writes, for all meetings at once.
            cur.execute(
                "INSERT INTO meetings_countrypair (meeting_id, first, second, year) "
                "SELECT DISTINCT a.meeting_id, a.country_id, b.country_id, "
                "extract(year FROM a.date)::smallint "
                "FROM meetings_participation a JOIN meetings_participation b "
                "ON b.meeting_id = a.meeting_id AND a.country_id < b.country_id "
                "WHERE a.is_public AND b.is_public"
            )
            report.counts["country_pairs"] = cur.rowcount
        step("actors, meetings, participations")

        blocks = range((articles + BLOCK - 1) // BLOCK)
        results: list[BlockResult] = []
        if inline:
            session_settings(cur)
            results = [load_block(cur, plan, filler, b) for b in blocks]
        else:
            params = connection.get_connection_params()
            _plan, _filler = plan, filler
            connection.close()  # never share a connection with forked children
            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(workers, initializer=_worker_init, initargs=(params,)) as pool:
                for done, result in enumerate(pool.imap_unordered(_worker_block, blocks), 1):
                    results.append(result)
                    if done % 20 == 0 or done == len(blocks):
                        log(f"    articles: {done * BLOCK:,} of {articles:,}")
            _plan = _filler = None
    report.counts["articles"] = sum(r.articles for r in results)
    report.counts["statements"] = sum(r.statements for r in results)
    report.counts["evidence"] = sum(r.evidence for r in results)
    step("articles, statements, evidence")

    with connection.cursor() as cur:
        if inline:
            restore_ddl_inline(cur)
        else:
            restore_ddl_parallel(connection.get_connection_params(), cur, workers)
        step("indexes and constraints")
        for table in TABLES:
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
            )
        if inline:
            for table in TABLES:
                cur.execute(f"ANALYZE {table}")
        else:
            for table in TABLES:  # VACUUM sets the visibility map: index-only scans
                cur.execute(f"VACUUM (ANALYZE) {table}")
        step("vacuum and analyze")

        mentions: Counter = Counter()
        for r in results:
            mentions.update(r.mentions)
        report.terms = search_terms(plan, mentions)
        report.seconds = round(time.monotonic() - started, 1)
        info = {
            "articles": report.counts["articles"],
            "seed": seed,
            "counts": report.counts,
            "terms": report.terms,
            "seconds": report.seconds,
            "timings": report.timings,
        }
        cur.execute(
            f"INSERT INTO {MARKER_TABLE} (status, info) VALUES ('complete', %s)",
            [json.dumps(info)],
        )
    # COPY bypasses the models: pages a shared cache holds from the old contents must go.
    from meetings.services import copies

    copies.publication_changed()
    return report


def search_terms(plan: Plan, mentions: Counter) -> dict:
    """The queries the benchmark runs, chosen from what this corpus actually contains."""
    n = max(1, plan.sizes.articles)
    # The actor whose surname (unique among the busiest 400) is in closest to 5% of articles.
    candidates = list(range(min(400, plan.sizes.actors)))
    common = min(candidates, key=lambda i: abs(mentions[i] / n - 0.05))
    busiest = 0
    top, runner_up = plan.countries[0], plan.countries[1]
    one_word = next(name for _, name, _ in plan.countries[1:] if " " not in name)
    return {
        "rare_word": RARE_WORD,
        "common_name": plan.actor_surnames[common],
        "common_name_share": round(mentions[common] / n, 4),
        "very_common_word": "talks",
        "two_words": f"{plan.actor_surnames[1]} {one_word}",
        "busiest_actor_slug": slugify_ascii(plan.actor_names[busiest]),
        "busiest_actor_meetings": sum(1 for a in plan.parts if a == busiest),
        "big_country": top[0],
        "pair": [top[0], runner_up[0]],
    }
