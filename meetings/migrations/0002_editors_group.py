"""The "Editors" group: exactly what an editor needs in the admin.

Editors add, change and review the record (actors and their names and offices, articles,
meetings, participants, evidence, statements, suggestions). They may delete the rows that
are parts of a record (aliases, positions, participants, evidence), but not actors,
articles, meetings or statements — those are rejected, and kept, so re-extraction does not
bring them back. Countries are reference data: view only. No rights over users or groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

FULL = ["alias", "position", "participation", "evidence"]
NO_DELETE = ["actor", "article", "meeting", "statement", "actorsuggestion", "rejectedlink"]
VIEW_ONLY = ["country"]


def codenames():
    for model in FULL:
        yield from (f"{action}_{model}" for action in ("add", "change", "delete", "view"))
    for model in NO_DELETE:
        yield from (f"{action}_{model}" for action in ("add", "change", "view"))
    for model in VIEW_ONLY:
        yield f"view_{model}"


def create_editors(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    wanted = list(codenames())
    perms = Permission.objects.filter(content_type__app_label="meetings", codename__in=wanted)
    found = set(perms.values_list("codename", flat=True))
    missing = set(wanted) - found
    if missing:
        raise RuntimeError(f"Missing permissions for the Editors group: {sorted(missing)}")
    group.permissions.set(perms)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
