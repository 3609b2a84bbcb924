"""The corpus as COPY text: one generator per table, and the articles (with their
statements and evidence) one block at a time, each block from its own random stream."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from bench import words as W
from bench.corpus.plan import (
    BLOCK,
    COLUMNS,
    LAST_DAY,
    MONTHS,
    RARE_RATE,
    RARE_WORD,
    RULE,
    WEEKDAYS,
    Filler,
    Plan,
    draw_day,
    rng_for,
)


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


@dataclass
class BlockResult:
    block: int
    articles: int = 0
    statements: int = 0
    evidence: int = 0
    mentions: Counter = field(default_factory=Counter)


class _Body:
    """An article's text as it is written: its parts, its length in characters (``pos``)
    and in words (``words``)."""

    def __init__(self, rng, filler: Filler, names: list[str], places: list[str], *parts: str):
        self.rng, self.filler, self.names, self.places = rng, filler, names, places
        self.parts = list(parts)
        self.pos = sum(map(len, parts))
        self.words = 0

    def add_filler(self, n: int) -> None:
        """``n`` filler sentences, their name and place slots filled from this article."""
        rng, pool, lengths = self.rng, self.filler.sentences, self.filler.lengths
        for _ in range(n):
            i = rng.randrange(len(pool))
            s = pool[i]
            if "{" in s:
                s = s.replace("{N}", rng.choice(self.names)).replace("{P}", rng.choice(self.places))
            self.parts.append(" ")
            self.parts.append(s)
            self.pos += len(s) + 1
            self.words += lengths[i]

    def add_paragraph(self, sentence: str) -> int:
        """A new paragraph of one sentence; returns where the sentence starts."""
        self.parts.append("\n\n")
        self.parts.append(sentence)
        start = self.pos + 2
        self.pos += 2 + len(sentence)
        self.words += sentence.count(" ") + 1
        return start

    def pad_to(self, target: int) -> None:
        """Filler one sentence at a time (at most ~22 words over ``target``), a paragraph
        break every four sentences."""
        sentences = 0
        while self.words < target:
            if sentences % 4 == 0:
                self.parts.append("\n\n")
                self.pos += 2
            self.add_filler(1)
            sentences += 1


def _article_cast(plan: Plan, rng, a: int):
    """Who and what article ``a`` is about: (meeting it covers or None, actors, day of the
    events, publication day, meeting kind or None, venue country)."""
    covers = a // 2 if a % 2 == 0 and a // 2 < plan.sizes.meetings else None
    if covers is not None:
        day = dt.date.fromordinal(plan.meeting_day[covers])
        published = day + dt.timedelta(days=rng.randint(0, 2))
        kind = W.KINDS[plan.meeting_kind[covers]]
        return (
            covers,
            list(plan.participants(covers)),
            day,
            published,
            kind,
            plan.meeting_venue[covers],
        )
    cum, total = plan.actor_cum, plan.actor_cum[-1]
    actors: list[int] = []
    while len(actors) < 3:
        x = bisect.bisect(cum, rng.random() * total)
        if x not in actors:
            actors.append(x)
    published = day = dt.date.fromordinal(draw_day(rng))
    return None, actors, day, published, None, plan.actor_country[actors[0]]


def _headline(plan: Plan, actors, names, kind, capital, day, topic, topic2) -> tuple[str, str]:
    """(lead sentence, title): a meeting's report, or an actor speaking."""
    first_title = plan.actor_titles[actors[0]]
    if kind is not None:
        lead = (
            f"{first_title} {names[0]} {W.LEAD_VERBS[kind]} {names_phrase(names[1:])} "
            f"in {capital} on {WEEKDAYS[day.weekday()]}, and the talks covered {topic} "
            f"and {topic2}, officials said."
        )
        title = f"{plan.actor_surnames[actors[0]]} and {plan.actor_surnames[actors[1]]} "
        title += f"discuss {topic} in {capital}"
        return lead, title
    home = plan.countries[plan.actor_country[actors[0]]][1]
    lead = (
        f"{names[0]}, the {first_title.lower()} of {home}, spoke about {topic} and "
        f"{topic2} in {capital} on {WEEKDAYS[day.weekday()]}."
    )
    return lead, f"{plan.actor_surnames[actors[0]]} on {topic} and {topic2}"


def _statement_row(
    plan: Plan, pk: int, speaker: int, quote: str, article_id: int, start: int, covers, day
) -> str:
    return row(
        pk,
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


def _article_row(
    plan: Plan,
    article_id: int,
    title: str,
    slug: str,
    outlet: str,
    dateline: str,
    published,
    body: str,
) -> str:
    digest = hashlib.sha256(" ".join(body.split()).encode()).hexdigest()
    return row(
        article_id,
        title,
        slug,
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


STATEMENT_COUNT_CUM = (15, 40, 65, 85, 95, 100)  # 0–5 statements an article, 2 on average


def article_block(plan: Plan, filler: Filler, block: int):
    """(article lines, statement lines, evidence lines, mentions) for one block of articles."""
    rng = rng_for(plan.seed, "articles", block)
    first = block * BLOCK
    last = min(first + BLOCK, plan.sizes.articles)
    articles, statements, evidence = [], [], []
    mentions: Counter = Counter()
    for a in range(first, last):
        article_id = a + 1
        covers, actors, day, published, kind, venue = _article_cast(plan, rng, a)
        mentions.update(actors)
        names = [plan.actor_names[x] for x in actors]
        _, country, capital = plan.countries[venue]
        places = [capital, country] + [plan.countries[plan.actor_country[x]][1] for x in actors]
        outlet = W.OUTLETS[a % len(W.OUTLETS)]
        dateline = f"{capital.upper()}, {MONTHS[published.month - 1]} {published.day}"
        topic, topic2 = rng.sample(W.TOPICS, 2)
        lead, title = _headline(plan, actors, names, kind, capital, day, topic, topic2)

        target = rng.randint(300, 875)
        prefix = f"{dateline} ({outlet}) - "
        body = _Body(rng, filler, names, places, prefix, lead)
        body.words = lead.count(" ") + 1 + 4  # the lead's words and the dateline's
        lead_span = (len(prefix), body.pos)
        body.add_filler(rng.randint(1, 3))
        n_statements = bisect.bisect(STATEMENT_COUNT_CUM, rng.random() * 100)
        for s in range(n_statements):
            speaker = actors[rng.randrange(len(actors))]
            topic = rng.choice(W.TOPICS)
            quote = f"{rng.choice(W.QUOTE_OPENERS)} {topic} {rng.choice(W.QUOTE_CLOSERS)}"
            sentence = f'"{quote}," {plan.actor_names[speaker]} {rng.choice(W.CUES)}.'
            start = body.add_paragraph(sentence) + 1  # the quote, inside its opening mark
            statements.append(
                _statement_row(plan, article_id * 5 + s, speaker, quote, article_id, start,
                               covers, day)
            )  # fmt: skip
            body.add_filler(rng.randint(1, 3))
        if rng.random() < RARE_RATE:
            s = f"Observers called it the {RARE_WORD} agreement."
            body.parts.append(" " + s)
            body.pos += len(s) + 1
        body.pad_to(target)
        text = "".join(body.parts)
        if covers is not None:
            evidence.append(row(covers + 1, covers + 1, article_id, *lead_span))
        slug = slugify_ascii(plan.actor_surnames[actors[0]], topic2, published, article_id)
        articles.append(
            _article_row(plan, article_id, title, slug, outlet, dateline, published, text)
        )
    return articles, statements, evidence, mentions


def load_block(cursor, plan: Plan, filler: Filler, block: int) -> BlockResult:
    articles, statements, evidence, mentions = article_block(plan, filler, block)
    copy(cursor, "meetings_article", articles)
    copy(cursor, "meetings_statement", statements)
    copy(cursor, "meetings_evidence", evidence)
    return BlockResult(block, len(articles), len(statements), len(evidence), mentions)
