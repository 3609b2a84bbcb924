"""Accent-folded full-text search on PostgreSQL: "Erdogan" finds "Erdoğan".

A text-search configuration ``meetings_unaccent``, a copy of ``english`` whose words with
letters outside ASCII go through the ``unaccent`` dictionary before the English stemmer,
and the three stored ``search_vector`` columns (migration 0003) rebuilt with it, so
documents and queries are folded alike. SQLite folds in Python instead
(meetings/site/search.py), so this is PostgreSQL only.

The GIN indexes are rebuilt over the public rows' vectors and dates (``btree_gin``), so a
common word is looked for among recent rows without reading all its postings.

What a deploy needs: ``unaccent`` and ``btree_gin`` are trusted extensions (PostgreSQL
13+), so the owner of the database may create them without being a superuser, like
``pg_trgm`` in 0003; creating the configuration needs CREATE on the schema (the owner of
``public`` has it). On an existing database, rebuilding the columns rewrites the three
tables once each (minutes at 1M articles), under an exclusive lock: run it in a
maintenance window.
"""

from django.db import migrations

CONFIG = "meetings_unaccent"

# table: (column expression, index, its date column, its public rows)
VECTORS = {
    "meetings_meeting": (
        "setweight(to_tsvector('{c}', coalesce(title, '')), 'A') || "
        "setweight(to_tsvector('{c}', coalesce(city, '')), 'B') || "
        "setweight(to_tsvector('{c}', coalesce(summary, '')), 'C')",
        "meeting_search",
        "start_date",
        "is_public",
    ),
    "meetings_statement": (
        "to_tsvector('{c}', coalesce(text, ''))",
        "statement_search",
        "said_on",
        "is_public",
    ),
    "meetings_article": (
        "setweight(to_tsvector('{c}', coalesce(title, '')), 'A') || "
        "setweight(to_tsvector('{c}', coalesce(body, '')), 'C')",
        "article_search",
        "published_on",
        "editorial_status = 'published'",
    ),
}


def rebuild(schema_editor, config: str, dated: bool) -> None:
    """Each table's search_vector recomputed with ``config``: one rewrite per table.

    ``dated``: the GIN index holds the public rows' vectors and dates (btree_gin), so a
    common word looked for among the newest rows (meetings/site/search.py,
    ``candidate_sql``) is one index scan that skips through the word's postings to the
    recent rows', instead of reading all of them into a bitmap ANDed with the date index's.
    """
    for table, (expression, index, date_column, public) in VECTORS.items():
        schema_editor.execute(
            f"ALTER TABLE {table} DROP COLUMN search_vector, "
            f"ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
            f"({expression.format(c=config)}) STORED"
        )
        if dated:
            schema_editor.execute(
                f"CREATE INDEX {index} ON {table} USING gin (search_vector, {date_column}) "
                f"WHERE {public}"
            )
        else:
            schema_editor.execute(f"CREATE INDEX {index} ON {table} USING gin (search_vector)")


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = english)")
    schema_editor.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
        "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem"
    )
    rebuild(schema_editor, CONFIG, dated=True)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    rebuild(schema_editor, "english", dated=False)
    schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = [("meetings", "0012_extraction_state")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
