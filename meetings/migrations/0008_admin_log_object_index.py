"""An index on the admin log by object: a meeting's or statement's public "Corrections and
changes" (services/audit.py) and every object's admin History read the entries of one
object, and every editorial decision writes one, so without it those reads would scan all
the entries of the model.

The log is Django's own table (django.contrib.admin); the index is ours, made with SQL both
SQLite and PostgreSQL understand.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("meetings", "0007_country_pairs"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS admin_log_object "
            "ON django_admin_log (content_type_id, object_id)",
            reverse_sql="DROP INDEX IF EXISTS admin_log_object",
        ),
    ]
