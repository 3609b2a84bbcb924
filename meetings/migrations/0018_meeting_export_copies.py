"""Each meeting's CSV texts stored on its row (meetings/services/copies.py keeps them): its
participants' names in role order, their countries, its published sources. A CSV export of
13,000 meetings read them per chunk from four tables; now one row per meeting.

Filled here for the meetings there are (set-based on PostgreSQL, by chunks elsewhere).
"""

from collections import defaultdict
from itertools import batched

from django.db import migrations, models

FIELDS = ("export_participants", "export_countries", "export_sources")

FILL_SQL = """
UPDATE meetings_meeting m SET export_participants = x.names, export_countries = x.countries
FROM (SELECT p.meeting_id, string_agg(a.name, '; ' ORDER BY p.role, p.id) AS names,
             coalesce(string_agg(DISTINCT p.country_id, '; ' ORDER BY p.country_id), '')
               AS countries
      FROM meetings_participation p JOIN meetings_actor a ON a.id = p.actor_id
      GROUP BY p.meeting_id) x
WHERE x.meeting_id = m.id;
UPDATE meetings_meeting m SET export_sources = x.sources
FROM (SELECT e.meeting_id,
             string_agg(coalesce(nullif(r.url, ''), r.slug), ' '
                        ORDER BY r.published_on DESC NULLS LAST, r.id DESC, e.start) AS sources
      FROM meetings_evidence e JOIN meetings_article r ON r.id = e.article_id
      WHERE r.editorial_status = 'published'
      GROUP BY e.meeting_id) x
WHERE x.meeting_id = m.id;
"""


def fill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FILL_SQL)
        return
    Meeting = apps.get_model("meetings", "Meeting")
    Participation = apps.get_model("meetings", "Participation")
    Evidence = apps.get_model("meetings", "Evidence")
    ids = list(Meeting.objects.order_by("pk").values_list("pk", flat=True))
    for part in batched(ids, 2000):
        names, countries, sources = defaultdict(list), defaultdict(set), defaultdict(list)
        for meeting_id, name, code in (
            Participation.objects.filter(meeting_id__in=part)
            .order_by("role", "id")
            .values_list("meeting_id", "actor__name", "country_id")
        ):
            names[meeting_id].append(name)
            if code:
                countries[meeting_id].add(code)
        spans = list(
            Evidence.objects.filter(meeting_id__in=part, article__editorial_status="published")
            .order_by()
            .values_list(
                "meeting_id", "article_id", "start", "article__published_on", "article__url",
                "article__slug",
            )
        )  # fmt: skip
        spans.sort(key=lambda s: s[2])
        spans.sort(key=lambda s: (s[3] is not None, s[3], s[1]), reverse=True)
        for meeting_id, _, _, _, url, slug in spans:
            sources[meeting_id].append(url or slug)
        rows = [
            Meeting(
                pk=pk,
                export_participants="; ".join(names[pk]),
                export_countries="; ".join(sorted(countries[pk])),
                export_sources=" ".join(sources[pk]),
            )
            for pk in part
        ]
        Meeting.objects.bulk_update(rows, FIELDS, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0017_meeting_newest_cover"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="export_countries",
            field=models.TextField(blank=True, db_default="", default="", editable=False),
        ),
        migrations.AddField(
            model_name="meeting",
            name="export_participants",
            field=models.TextField(blank=True, db_default="", default="", editable=False),
        ),
        migrations.AddField(
            model_name="meeting",
            name="export_sources",
            field=models.TextField(blank=True, db_default="", default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
