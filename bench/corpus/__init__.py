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

The package: ``plan`` (sizes, the rows drawn once: actors, meetings, filler sentences),
``rows`` (COPY text and every table's rows, an article block at a time), ``database`` (the
marker tables, the saved and rebuilt indexes and constraints), ``load`` (``generate``, the
worker processes, the benchmark's search terms).
"""

from bench.corpus.database import DDL_TABLE, MARKER_TABLE, corpus_info, save_and_drop_ddl
from bench.corpus.load import Report, generate
from bench.corpus.plan import (
    BLOCK,
    OTHER_TABLES,
    TABLES,
    Filler,
    NotSynthetic,
    Plan,
    Sizes,
    make_plan,
)
from bench.corpus.rows import article_block

__all__ = [
    "BLOCK",
    "DDL_TABLE",
    "MARKER_TABLE",
    "OTHER_TABLES",
    "TABLES",
    "Filler",
    "NotSynthetic",
    "Plan",
    "Report",
    "Sizes",
    "article_block",
    "corpus_info",
    "generate",
    "make_plan",
    "save_and_drop_ddl",
]
