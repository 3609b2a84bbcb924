"""The audit trail: every editorial decision is a Django admin ``LogEntry`` (who, when, what,
before → after), written by ``decision_log`` where the decision is made, so editors read it
in each object's admin "History".

An entry about a record readers could see when it changed starts with ``AFTER_PUBLICATION``:
those entries, and only those, are the public "Corrections and changes" of a meeting's or a
statement's page (``public_changes``). A change to a draft is never listed there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

AFTER_PUBLICATION = "After publication: "


def decision_log(
    *,
    user,
    obj: models.Model,
    action: str,
    before: str = "",
    after: str = "",
    public: bool = False,
) -> LogEntry | None:
    """Record ``user``'s decision ``action`` on ``obj`` ("Published", "Date corrected"),
    with the state ``before`` → ``after``; ``public``: readers could see ``obj`` when it
    changed. Nothing is written without a user (a command or a test setting up data) or
    when nothing changed (``before == after``, both given)."""
    if user is None or getattr(user, "pk", None) is None:
        return None
    if before and after and before == after:
        return None
    message = f"{action} ({before} → {after})" if before or after else action
    return LogEntry.objects.create(
        user_id=user.pk,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        action_flag=CHANGE,
        change_message=(AFTER_PUBLICATION if public else "") + message,
    )


@dataclass(frozen=True)
class PublicChange:
    """One line of a record's "Corrections and changes": the day and what changed."""

    day: dt.date
    description: str


def public_changes(obj: models.Model) -> list[PublicChange]:
    """The changes made to ``obj`` while readers could see it, oldest first: one query,
    however many there are (the content type is matched by a join, not looked up)."""
    entries = LogEntry.objects.filter(
        content_type__app_label=obj._meta.app_label,
        content_type__model=obj._meta.model_name,
        object_id=str(obj.pk),
        change_message__startswith=AFTER_PUBLICATION,
    ).order_by("action_time", "pk")
    return [
        PublicChange(
            day=timezone.localdate(entry.action_time),
            description=entry.change_message.removeprefix(AFTER_PUBLICATION),
        )
        for entry in entries.only("action_time", "change_message")
    ]


def last_public_changes(model: type[models.Model], ids) -> dict[int, dt.datetime]:
    """For each of ``ids``, when readers last saw it change (the newest public entry); ids
    never changed after publication are absent. One query, however many ids."""
    entries = (
        LogEntry.objects.filter(
            content_type__app_label=model._meta.app_label,
            content_type__model=model._meta.model_name,
            object_id__in=[str(pk) for pk in ids],
            change_message__startswith=AFTER_PUBLICATION,
        )
        .values("object_id")
        .annotate(last=models.Max("action_time"))
        .order_by()
    )
    return {int(row["object_id"]): row["last"] for row in entries}
