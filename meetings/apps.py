from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Diplomatic meetings"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The receivers that keep every stored copy (visibility, participations' copies,
        # country pairs, the cache generation) true to the rows they copy.
        from meetings import knowledge
        from meetings.services import copies

        copies.connect()
        # The knowledge version the workers' snapshots follow (meetings/knowledge.py).
        knowledge.connect()
