"""What every model module shares: editorial status, the QuerySet that reports bulk
writes and the keyset condition of the QuerySets' ``older_than``."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import DEFERRED, Q
from django.dispatch import Signal


def keyset_before(date_field: str, date: dt.date | None, pk: int) -> Q:
    """Rows after (date, pk) in "date descending, nulls last, then pk descending" order.

    Keyset paging: the next page starts where the last row of this one ended, so page 1,000
    costs what page 1 costs (DESIGN.md, "Speed by design").
    """
    if date is None:
        return Q(**{f"{date_field}__isnull": True, "pk__lt": pk})
    return (
        Q(**{f"{date_field}__lt": date})
        | Q(**{date_field: date, "pk__lt": pk})
        | Q(**{f"{date_field}__isnull": True})
    )


class EditorialStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"


# Sent after a bulk write (QuerySet update or delete, bulk_create, bulk_update) that changed
# rows, since those send no post_save or post_delete of their own; meetings/services/copies.py
# receives it (connected in MeetingsConfig.ready). ``fields``: the names written, None for
# whole rows (created or deleted); ``keys``: the ``key_field`` values of the rows written
# when the write touched a watched field, else None.
rows_written = Signal()


class TrackedQuerySet(models.QuerySet):
    """Bulk writes report themselves (``rows_written``), as single saves and deletes do
    through post_save and post_delete, so the copies kept from these rows (visibility,
    country pairs, the cache's publication generation) never outlive a change to them."""

    # Bulk writes of these fields (or of whole rows, with ``watch_whole_rows``) send the
    # ``key_field`` values of the rows they touch, read before the write.
    watched_fields: frozenset[str] = frozenset()
    watch_whole_rows = False
    key_field = "pk"

    def _keys(self, fields) -> list | None:
        if not (self.watch_whole_rows if fields is None else self.watched_fields & set(fields)):
            return None
        return list(self.order_by().values_list(self.key_field, flat=True).distinct())

    def _keys_of(self, objs, fields) -> list | None:
        if not (self.watch_whole_rows if fields is None else self.watched_fields & set(fields)):
            return None
        return list({getattr(obj, self.key_field) for obj in objs})

    def _written(self, fields, keys) -> None:
        rows_written.send(sender=self.model, fields=fields, keys=keys)

    def update(self, **kwargs):
        keys = self._keys(kwargs)
        n = super().update(**kwargs)
        if n:
            self._written(set(kwargs), keys)
        return n

    def delete(self):
        keys = self._keys(None)
        result = super().delete()
        if result[0]:
            self._written(None, keys)
        return result

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            self._written(None, self._keys_of(created, None))
        return created

    def bulk_update(self, objs, fields, batch_size=None):
        n = super().bulk_update(objs, fields, batch_size=batch_size)
        if n:
            self._written(set(fields), self._keys_of(objs, fields))
        return n


class TracksChanges(models.Model):
    """Remembers the values of ``tracked_fields`` (attribute names) as last loaded or saved,
    so a post_save receiver can tell what a save changed (``changed``) without a query."""

    tracked_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        created = self._state.adding
        super().save(*args, **kwargs)  # post_save receivers still see the old values
        self.after_save(created=created)
        self._remember()

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        stored = getattr(self, "_stored", {})
        for name in self.tracked_fields:
            if fields is None or name in fields or name.removesuffix("_id") in fields:
                stored[name] = self.__dict__.get(name, DEFERRED)
        self._stored = stored

    def after_save(self, *, created: bool) -> None:
        """Runs once the row is written, before its new values count as the stored ones."""

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._remember()
        return instance

    def _remember(self) -> None:
        self._stored = {name: self.__dict__.get(name, DEFERRED) for name in self.tracked_fields}

    def stored(self, name: str):
        """The field's value as last loaded or saved (DEFERRED when unknown)."""
        return getattr(self, "_stored", {}).get(name, DEFERRED)

    def changed(self, *names: str) -> bool:
        """Whether any of these fields differs from the stored row (True when unknown: a
        row never loaded, or the field deferred when it was)."""
        stored = getattr(self, "_stored", None)
        if stored is None:
            return True
        return any(
            stored.get(name, DEFERRED) is DEFERRED or stored[name] != getattr(self, name)
            for name in names
        )
