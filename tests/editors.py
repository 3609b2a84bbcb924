"""The editor the browser tests log in as: exactly the Editors group's rights."""

import importlib

from django.contrib.auth.models import Group, Permission

USERNAME = "desk"
PASSWORD = "a-long-browser-password"


def editor(django_user_model):
    """The "desk" editor, in the Editors group (re-created: a transactional test's flush
    drops the group's rows)."""
    group, created = Group.objects.get_or_create(name="Editors")
    if created or not group.permissions.exists():
        editors = importlib.import_module("meetings.migrations.0002_editors_group")
        group.permissions.set(
            Permission.objects.filter(
                content_type__app_label="meetings", codename__in=list(editors.codenames())
            )
        )
    user = django_user_model.objects.create_user(
        username=USERNAME, password=PASSWORD, is_staff=True
    )
    user.groups.add(group)
    return user
