"""Countries, actors, the names they go by and the offices they hold."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse

from meetings.models.base import EditorialStatus, TrackedQuerySet, TracksChanges


class Country(models.Model):
    """ISO 3166-1 country; loaded from meetings.reference by ``manage.py load_reference``."""

    code = models.CharField("ISO code", max_length=2, primary_key=True)
    name = models.CharField(max_length=100, unique=True)
    demonyms = models.JSONField(default=list, blank=True)
    capital = models.CharField(max_length=100, blank=True)

    objects = TrackedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_upper_alpha2"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("meetings:country-detail", args=[self.code.lower()])


class ActorQuerySet(TrackedQuerySet):
    # A bulk change of these reports the actors (meetings/services/copies.py follows it).
    watched_fields = frozenset({"editorial_status", "country", "country_id", "name"})

    def published(self):
        """Actors readers may see."""
        return self.filter(editorial_status=EditorialStatus.PUBLISHED)

    def persons(self):
        return self.filter(kind=Actor.Kind.PERSON)

    def of_country(self, code: str):
        return self.filter(country_id=code.upper())

    def for_detail(self):
        """One actor with country and positions (with their organisation) prefetched."""
        return self.select_related("country").prefetch_related(
            Prefetch("positions", queryset=Position.objects.select_related("organization"))
        )

    def on_record(self):
        """Actors in at least one public meeting or with one public statement."""
        from meetings.models.meetings import Participation
        from meetings.models.statements import Statement

        return self.filter(
            models.Exists(Participation.objects.filter(actor=models.OuterRef("pk"), is_public=True))
            | models.Exists(Statement.objects.filter(speaker=models.OuterRef("pk"), is_public=True))
        )

    def for_list(self):
        """Rows for actor_list.html: country and offices (for the current title) prefetched."""
        return self.select_related("country").prefetch_related("positions")

    def for_ranking(self):
        """Rows for the "most active" lists (home, a country's page): the name and the
        link alone, in one query (``for_list`` also read the offices, which they never show)."""
        return self.only("name", "slug")

    def matching_name(self, text: str):
        """Actors one of whose names contains ``text`` (case- and accent-insensitive)."""
        key = normalize_name(text)
        if not key:
            return self.none()
        return self.filter(
            models.Exists(
                Alias.objects.filter(actor=models.OuterRef("pk"), normalized__contains=key)
            )
        )


class Actor(TracksChanges):
    """A person, an organisation or a state: one table for all three kinds."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organization"
        STATE = "state", "State"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actors",
        help_text="The state the actor represents; empty for international bodies.",
    )
    wikidata_id = models.CharField(
        "Wikidata id", max_length=20, blank=True, help_text="For example Q7747."
    )
    description = models.CharField(max_length=300, blank=True)
    editorial_status = models.CharField(
        max_length=10, choices=EditorialStatus.choices, default=EditorialStatus.PUBLISHED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActorQuerySet.as_manager()
    # Copied onto participations, or part of the visibility rule (meetings/services/copies.py).
    tracked_fields = ("editorial_status", "country_id", "name")

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["country", "name"]),
            models.Index(fields=["name"]),
            # A country's state actor (services/matching.py: an unnamed side of a meeting).
            models.Index(fields=["kind", "country"], name="actor_kind_country"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="actor_unique_wikidata_id",
            ),
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__regex=r"^Q[0-9]+$"),
                name="actor_wikidata_id_format",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("meetings:actor-detail", args=[self.slug])

    def position_on(self, day: dt.date | None) -> Position | None:
        """The office held on ``day``; uses prefetched positions when present."""
        if day is None:
            return None
        held = [
            p
            for p in self.positions.all()
            if (p.start_date is None or p.start_date <= day)
            and (p.end_date is None or day <= p.end_date)
        ]
        return max(held, key=lambda p: p.start_date or dt.date.min, default=None)


class Alias(models.Model):
    """A name an actor goes by; ``normalized`` is what the extractor matches on."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, db_index=True, editable=False)
    is_role = models.BooleanField(
        "role alias",
        default=False,
        help_text='A description such as "the Russian president", valid only between the dates.',
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)

    objects = TrackedQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "aliases"
        ordering = ["text"]
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "normalized"],
                condition=Q(is_role=False),
                name="alias_unique_per_actor",
            ),
            models.UniqueConstraint(
                fields=["actor", "normalized", "valid_from"],
                condition=Q(is_role=True),
                name="alias_role_unique_per_term",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="alias_valid_to_after_valid_from",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        self.normalized = normalize_name(self.text)
        super().save(*args, **kwargs)


def normalize_name(text: str) -> str:
    """The matching key for a name: exactly what the extractor matches on."""
    from meetings.extraction import normalize

    return normalize(text)


class Position(models.Model):
    """An office held, with dates, so pages can show the title on the day of an event."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(max_length=200)
    organization = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="member_positions",
        help_text="The organisation or state the office belongs to.",
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    objects = TrackedQuerySet.as_manager()

    class Meta:
        ordering = [F("start_date").desc(nulls_last=True)]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="position_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        start = self.start_date.isoformat() if self.start_date else "?"
        end = self.end_date.isoformat() if self.end_date else ""
        return f"{self.title} ({start} – {end})"
