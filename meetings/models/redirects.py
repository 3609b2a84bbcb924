"""What a merge leaves behind: the old slugs of merged actors and meetings, each pointing at
the record it became (its page answers 301 there), and the pairs an editor said are not
duplicates (the duplicates page stops suggesting them)."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from meetings.models.actors import Actor
from meetings.models.meetings import Meeting


class ActorRedirect(models.Model):
    """``/actors/<old_slug>/`` was a duplicate merged into ``actor``: it answers 301 there.

    Always one hop: merging ``actor`` in turn moves its redirects to the actor kept then
    (meetings/services/merging.py), so A→B then B→C sends A's URL straight to C."""

    old_slug = models.SlugField(max_length=220, unique=True)
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="redirects")
    old_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]

    def __str__(self) -> str:
        return f"/actors/{self.old_slug}/ → {self.actor}"


class MeetingRedirect(models.Model):
    """``/meetings/<old_slug>/`` was a duplicate merged into ``meeting``: it answers 301
    there (one hop, as ActorRedirect)."""

    old_slug = models.SlugField(max_length=220, unique=True)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="redirects")
    old_title = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]

    def __str__(self) -> str:
        return f"/meetings/{self.old_slug}/ → {self.meeting}"


class DistinctActors(models.Model):
    """An editor said these two actors are different people (or bodies) despite their
    names: the duplicates page no longer suggests merging them. ``first`` < ``second``."""

    first = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "distinct actors"
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="distinct_actors_unique"),
            models.CheckConstraint(
                condition=Q(first__lt=F("second")), name="distinct_actors_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} ≠ {self.second_id}"


class DistinctMeetings(models.Model):
    """An editor said these two meetings are different encounters: not suggested again.
    ``first`` < ``second``."""

    first = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "distinct meetings"
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="distinct_meetings_unique"),
            models.CheckConstraint(
                condition=Q(first__lt=F("second")), name="distinct_meetings_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} ≠ {self.second_id}"


def retired_slugs(model, prefix: str) -> models.QuerySet | None:
    """Slugs of ``model`` starting with ``prefix`` that merged records had (a query of one
    column; None for a model without redirects): a new record never takes one (its page
    would hide the redirect that old links follow)."""
    redirects = {Actor: ActorRedirect, Meeting: MeetingRedirect}.get(model)
    if redirects is None:
        return None
    return redirects.objects.filter(old_slug__startswith=prefix).values_list("old_slug")
