"""What editors decide about the extractor's proposals: suggested actors, refused links."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from meetings.models.actors import Actor, Country
from meetings.models.articles import Article


class ActorSuggestion(models.Model):
    """A name the extractor found in an article and could not link to a known actor, or
    linked only tentatively; the editor accepts (new actor or alias) or rejects it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="suggestions")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Actor.Kind.choices, default=Actor.Kind.PERSON)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    title = models.CharField(max_length=300, blank=True)
    surface_forms = models.JSONField(default=list, blank=True)
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=1)
    confidence = models.FloatField(null=True, blank=True)
    rule = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    actor = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
        help_text="The actor this name was accepted as (new or existing).",
    )

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "name"], name="suggestion_unique_name"),
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="suggestion_span_order"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"


class RejectedLink(models.Model):
    """An editor said this surface form is NOT this actor; the extractor never links it again."""

    normalized = models.CharField(max_length=200)
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="rejected_links")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["normalized", "actor"], name="rejected_link_unique"),
        ]

    def __str__(self) -> str:
        return f"“{self.normalized}” is not {self.actor}"


class KnowledgeVersion(models.Model):
    """One row whose ``number`` moves on whenever an editor changes what the extractor
    knows: a published actor saved, added or removed, an actor's status changed, an alias
    or position saved or removed, a link rejected (meetings/knowledge.py bumps it once the
    change commits). A worker reads it by its key, where counting those tables at a million
    articles costs a tenth of a second of the database's time."""

    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"knowledge version {self.number}"
