"""What the corpus is made of, drawn once from the seed: its sizes, the actors and meetings
(``Plan``), and the filler sentences the articles are padded with (``Filler``)."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from array import array
from dataclasses import dataclass, field

from bench import words as W

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
