"""The Celery app that runs extraction on workers (meetings/tasks.py).

A worker needs only the code, ``DATABASE_URL`` and ``CELERY_BROKER_URL``:

    DATABASE_URL=postgres://… CELERY_BROKER_URL=redis://broker:6379/0 \\
        celery -A meetings.celery worker --concurrency 2

Its settings are Django's ``CELERY_*`` ones (meetings/settings.py). Without a broker URL the
tasks run in-process where they are queued (``task_always_eager``).
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meetings.settings")

app = Celery("meetings")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["meetings"])
