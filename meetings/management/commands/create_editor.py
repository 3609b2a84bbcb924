import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create (or show) the local editor account: staff, in the Editors group, not a "
        "superuser. Its random password is kept only in var/editor-password.txt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, username, url, **options):
        password_file = settings.VAR_DIR / "editor-password.txt"
        password_file.parent.mkdir(parents=True, exist_ok=True)
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": True, "email": ""}
        )
        password = password_file.read_text().strip() if password_file.exists() else ""
        if created or not password or not user.check_password(password):
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name="Editors"))
        self.stdout.write(f"Admin: {url}\nEditor login: {username} / {password}")
