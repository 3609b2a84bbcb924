"""The newest public meetings' index also carries kind, status and venue country
(PostgreSQL only), so a list's one pass over its matches (site/paging.py newest_counted:
the facets' rows, the bounded count and the first page's keys) reads the index alone.

At 1M articles a big country's meetings of a year are ~14,000 rows: reading them from the
table to get their kind, status and venue cost a heap page each (~20,000 buffers); from the
index they cost ~100. Same key as 0005's meeting_public_newest, which this replaces (every
query that walked it walks this one). Raw SQL outside the model state, like 0005.
"""

from django.db import migrations

COVER = (
    "CREATE INDEX IF NOT EXISTS meeting_public_newest_cover ON meetings_meeting "
    "(start_date DESC NULLS LAST, id DESC) INCLUDE (kind, status, country_id) WHERE is_public"
)
OLD = (
    "CREATE INDEX IF NOT EXISTS meeting_public_newest ON meetings_meeting "
    "(start_date DESC NULLS LAST, id DESC) WHERE is_public"
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(COVER)
    schema_editor.execute("DROP INDEX IF EXISTS meeting_public_newest")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(OLD)
    schema_editor.execute("DROP INDEX IF EXISTS meeting_public_newest_cover")


class Migration(migrations.Migration):
    dependencies = [("meetings", "0016_normalise_article_urls")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
