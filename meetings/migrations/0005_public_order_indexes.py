"""Indexes that match the public pages' ORDER BY exactly (PostgreSQL only).

The models order newest first with NULLS LAST (undated rows at the end), but a btree index
declared ``-start_date`` is ``DESC NULLS FIRST``, so PostgreSQL cannot walk it for
``ORDER BY start_date DESC NULLS LAST, id DESC``: it reads every public row and sorts. On the
100k-article benchmark corpus the home page's "newest statements" query took 200-460 ms
(parallel seq scan + external sort of 200k rows) and the newest meetings 67 ms; with these
partial indexes both read only the rows they show.

Like 0003, raw SQL outside the model state: the NULLS LAST ordering lives in the models'
Meta.ordering and in views, and these indexes serve exactly those queries.
"""

from django.db import migrations

INDEXES = {
    # Meeting lists, home, feeds, country and pair pages: newest public meetings.
    "meeting_public_newest": "meetings_meeting (start_date DESC NULLS LAST, id DESC) "
    "WHERE is_public",
    # Statement lists and the home page: newest public statements.
    "statement_public_newest": "meetings_statement (said_on DESC NULLS LAST, id DESC) "
    "WHERE is_public",
    # An actor's timeline, statements side: keyset on (said_on, id) per speaker.
    "statement_speaker_newest": "meetings_statement (speaker_id, said_on DESC NULLS LAST, "
    "id DESC) WHERE is_public",
    # An actor's timeline, meetings side: keyset on (date, meeting_id) per actor.
    "participation_actor_newest": "meetings_participation (actor_id, date DESC, meeting_id DESC) "
    "WHERE is_public",
    # Home: the newest public participations (recent activity by country and actor).
    "participation_public_newest": "meetings_participation (date DESC, id DESC) WHERE is_public",
}


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("meetings", "0004_alias_role_terms")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
