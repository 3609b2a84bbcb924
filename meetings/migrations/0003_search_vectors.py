"""Full-text search columns and indexes, on PostgreSQL only (SQLite falls back to icontains).

Stored generated tsvector columns with GIN indexes on meetings, statements and articles,
and a trigram index on normalized alias names for typo-tolerant actor search. The columns
live outside the Django models: only meetings/search.py reads them, through raw SQL.
"""

from django.db import migrations

CONFIG = "english"

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"""ALTER TABLE meetings_meeting ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('{CONFIG}', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('{CONFIG}', coalesce(city, '')), 'B') ||
        setweight(to_tsvector('{CONFIG}', coalesce(summary, '')), 'C')) STORED""",
    "CREATE INDEX meeting_search ON meetings_meeting USING gin (search_vector)",
    f"""ALTER TABLE meetings_statement ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('{CONFIG}', coalesce(text, ''))) STORED""",
    "CREATE INDEX statement_search ON meetings_statement USING gin (search_vector)",
    f"""ALTER TABLE meetings_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('{CONFIG}', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('{CONFIG}', coalesce(body, '')), 'C')) STORED""",
    "CREATE INDEX article_search ON meetings_article USING gin (search_vector)",
    "CREATE INDEX alias_normalized_trgm ON meetings_alias USING gin (normalized gin_trgm_ops)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS alias_normalized_trgm",
    "ALTER TABLE meetings_article DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE meetings_statement DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE meetings_meeting DROP COLUMN IF EXISTS search_vector",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0002_editors_group")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
