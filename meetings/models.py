"""The record: countries, actors and their names and offices, articles, meetings, statements.

Visibility: a meeting or statement is public when an editor published it AND at least one
supporting article is published. That rule is computed once, when either side changes
(services.visibility_refresh), and stored as ``is_public`` on meetings, participations and
statements, so every public query is a plain indexed filter.
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations

from django.db import models, transaction
from django.db.models import F, OuterRef, Prefetch, Q, StringAgg, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.db.models.signals import post_delete, post_save
from django.urls import reverse

from meetings.cache import publication_changed

# Separators inside the CSV exports' aggregated columns (see MeetingQuerySet.for_export):
# control characters that never occur in names, URLs or slugs.
UNIT, RECORD = "\x1f", "\x1e"


def joined(*fields) -> Concat:
    """SQL: the fields as text, NULL as "", separated by UNIT."""
    text = models.TextField()
    parts = []
    for name in fields:
        if parts:
            parts.append(Value(UNIT, output_field=text))
        parts.append(Coalesce(Cast(name, text), Value("", output_field=text)))
    return Concat(*parts, output_field=text)


def aggregated(queryset, *fields) -> Subquery:
    """SQL: one text per outer meeting, the ``fields`` of each row of ``queryset`` (filtered
    on ``meeting=OuterRef("pk")``) joined by UNIT, rows by RECORD, in no particular order."""
    return Subquery(
        queryset.filter(meeting=OuterRef("pk"))
        .order_by()
        .values("meeting")
        .annotate(rows=StringAgg(joined(*fields), Value(RECORD)))
        .values("rows"),
        output_field=models.TextField(),
    )


def split_aggregated(text: str | None) -> list[list[str]]:
    """The rows of an ``aggregated`` column, each a list of its fields."""
    return [row.split(UNIT) for row in text.split(RECORD)] if text else []


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


def keyset_dated_before(date_field: str, date: dt.date, pk: int, id_field: str = "pk") -> Q:
    """The dated rows of ``keyset_before`` (the undated ones come after all of them).

    The redundant upper bound lets the index start at the cursor: with the OR alone it is
    a filter, and a page 20,000 rows deep reads those 20,000 rows first (36–53 ms at 1M).
    """
    return Q(**{f"{date_field}__lte": date}) & (
        Q(**{f"{date_field}__lt": date}) | Q(**{date_field: date, f"{id_field}__lt": pk})
    )


class EditorialStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"


class TrackedQuerySet(models.QuerySet):
    """Bulk writes move the publication generation (meetings/cache.py), as single saves and
    deletes do through the receivers at the end of this module, so no cached page or figure
    outlives a change to what it shows."""

    def update(self, **kwargs):
        n = super().update(**kwargs)
        if n:
            publication_changed()
        return n

    def delete(self):
        result = super().delete()
        if result[0]:
            publication_changed()
        return result

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            publication_changed()
        return created

    def bulk_update(self, objs, fields, batch_size=None):
        n = super().bulk_update(objs, fields, batch_size=batch_size)
        if n:
            publication_changed()
        return n


# What a country pair is made of: writes of other fields (a role) leave the pairs as they are.
PAIR_FIELDS = {"meeting", "meeting_id", "country", "country_id", "is_public", "date"}


class ParticipationQuerySet(TrackedQuerySet):
    """Every bulk write of participations that can change country pairs also rewrites the
    pairs of the meetings it touched (``refresh_country_pairs``), in the same transaction."""

    def _meeting_ids(self) -> list[int]:
        return list(self.order_by().values_list("meeting_id", flat=True).distinct())

    def update(self, **kwargs):
        if not PAIR_FIELDS & kwargs.keys():
            return super().update(**kwargs)
        touched = self._meeting_ids()
        n = super().update(**kwargs)
        if n:
            refresh_country_pairs(touched)
        return n

    def delete(self):
        touched = self._meeting_ids()
        result = super().delete()
        if result[0]:
            refresh_country_pairs(touched)
        return result

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        refresh_country_pairs({row.meeting_id for row in created})
        return created

    def bulk_update(self, objs, fields, batch_size=None):
        n = super().bulk_update(objs, fields, batch_size=batch_size)
        if n and PAIR_FIELDS & set(fields):
            refresh_country_pairs({row.meeting_id for row in objs})
        return n


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

    def for_list(self):
        """Rows for actor_list.html: country and offices (for the current title) prefetched."""
        return self.select_related("country").prefetch_related("positions")

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


class Actor(models.Model):
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

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["country", "name"]), models.Index(fields=["name"])]
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


class ArticleQuerySet(TrackedQuerySet):
    def published(self):
        """Articles readers may see."""
        return self.filter(editorial_status=EditorialStatus.PUBLISHED)

    def drafts(self):
        return self.filter(editorial_status=EditorialStatus.DRAFT)


class Article(models.Model):
    """A news item or readout; the source every meeting and statement points back to."""

    title = models.CharField(max_length=400)
    slug = models.SlugField(max_length=220, unique=True)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField("URL", max_length=1000, blank=True)
    dateline = models.CharField(
        max_length=200, blank=True, help_text='As written, for example "MOSCOW, April 17".'
    )
    published_on = models.DateField("publication date", null=True, blank=True)
    language = models.CharField(max_length=10, default="en")
    body = models.TextField()
    content_hash = models.CharField(
        max_length=64,
        unique=True,
        editable=False,
        help_text="SHA-256 of the normalised body: the same text is never stored twice.",
    )
    editorial_status = models.CharField(
        max_length=10, choices=EditorialStatus.choices, default=EditorialStatus.DRAFT
    )
    extracted_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = [F("published_on").desc(nulls_last=True), "-id"]
        indexes = [
            models.Index(fields=["editorial_status", "-published_on"]),
            models.Index(fields=["outlet"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="article_unique_url"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.content_hash = content_hash(self.body)
        super().save(*args, **kwargs)
        publication_changed()

    def get_absolute_url(self) -> str:
        return reverse("meetings:article-detail", args=[self.slug])

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        publication_changed()
        return result


def content_hash(body: str) -> str:
    """SHA-256 of the body with whitespace collapsed, so re-wrapped copies count as one."""
    import hashlib

    return hashlib.sha256(" ".join(body.split()).encode()).hexdigest()


class MeetingQuerySet(TrackedQuerySet):
    def published(self):
        """Meetings readers may see: published, with a published source article."""
        return self.filter(is_public=True)

    def involving(self, *codes: str):
        """Meetings with a participant from any of these countries."""
        codes = [c.upper() for c in codes]
        return self.filter(
            models.Exists(
                Participation.objects.filter(meeting=models.OuterRef("pk"), country_id__in=codes)
            )
        )

    def involving_between(
        self, codes: list[str], start: dt.date | None = None, end: dt.date | None = None
    ):
        """Public meetings with a participant from any of ``codes``, starting in [start, end].

        Driven by the participation (country, is_public, date) index, for lists filtered by a
        country AND dates: on the 1M-article bench corpus, US meetings in 2024 count in 20 ms
        this way; ``involving("US").between(...)`` hashes all 300k US participations (255 ms).
        """
        parts = Participation.objects.filter(
            country_id__in=[c.upper() for c in codes], is_public=True
        )
        if start:
            parts = parts.filter(date__gte=start)
        if end:
            parts = parts.filter(date__lte=end)
        return self.filter(is_public=True, pk__in=parts.values("meeting_id")).between(start, end)

    def between(self, start: dt.date | None = None, end: dt.date | None = None):
        """Meetings that start within [start, end]; either bound may be open."""
        qs = self
        if start:
            qs = qs.filter(start_date__gte=start)
        if end:
            qs = qs.filter(start_date__lte=end)
        return qs

    def with_actor(self, actor):
        return self.filter(
            models.Exists(Participation.objects.filter(meeting=models.OuterRef("pk"), actor=actor))
        )

    def newest_first(self):
        return self.order_by(F("start_date").desc(nulls_last=True), "-id")

    def involving_or_hosted(self, code: str):
        """Meetings with a participant from the country, or held there (the country page)."""
        code = code.upper()
        return self.filter(
            Q(country_id=code)
            | models.Exists(
                Participation.objects.filter(meeting=models.OuterRef("pk"), country_id=code)
            )
        )

    def between_countries(self, first: str, second: str):
        """Meetings with participants from both countries (the country-pair page).

        Two index range scans on participations, hash-joined on the meeting, instead of two
        EXISTS probes for every public meeting.
        """
        second_meetings = Participation.objects.filter(country_id=second.upper()).values(
            "meeting_id"
        )
        both = Participation.objects.filter(
            country_id=first.upper(), is_public=True, meeting_id__in=second_meetings
        ).values("meeting_id")
        return self.filter(pk__in=both)

    def from_outlet(self, outlet: str):
        """Meetings supported by a published article from this outlet."""
        return self.filter(
            models.Exists(
                Evidence.objects.filter(
                    meeting=models.OuterRef("pk"),
                    article__outlet__iexact=outlet,
                    article__editorial_status=EditorialStatus.PUBLISHED,
                )
            )
        )

    def older_than(self, date: dt.date | None, pk: int):
        """Keyset page: the meetings after (date, pk) in newest-first order."""
        return self.filter(keyset_before("start_date", date, pk))

    def for_list(self):
        """Rows for meeting lists: venue country and participants (with countries) prefetched."""
        return self.select_related("country").prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("actor", "actor__country"),
            )
        )

    def for_export(self):
        """Rows for the CSV export in ONE query, however many: the venue country joined, and
        per meeting its participants (``participant_rows``: role, id, name, country) and its
        published sources (``source_rows``: published_on, article id, start, url, slug)
        aggregated by subqueries on the participation and evidence indexes. Decode them with
        ``split_aggregated``; the order of their rows is the caller's to restore."""
        return (
            self.select_related("country")
            .only(
                "start_date",
                "end_date",
                "date_precision",
                "kind",
                "status",
                "title",
                "slug",
                "city",
                "country__name",
            )
            .annotate(
                participant_rows=aggregated(
                    Participation.objects.all(), "role", "id", "actor__name", "country_id"
                ),
                source_rows=aggregated(
                    Evidence.objects.filter(article__editorial_status=EditorialStatus.PUBLISHED),
                    "article__published_on",
                    "article_id",
                    "start",
                    "article__url",
                    "article__slug",
                ),
            )
        )

    def for_timeline(self):
        """Rows for actor_detail.html: participants with their offices, to show titles that day."""
        return self.select_related("country").prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related(
                    "actor", "actor__country"
                ).prefetch_related("actor__positions"),
            )
        )

    def for_detail(self):
        """One meeting for meeting_detail.html: venue, participants with offices, published
        evidence with its article, and the public statements said there."""
        return self.select_related("country").prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related(
                    "actor", "actor__country"
                ).prefetch_related("actor__positions"),
            ),
            Prefetch(
                "evidence",
                queryset=Evidence.objects.filter(
                    article__editorial_status=EditorialStatus.PUBLISHED
                ).select_related("article"),
                to_attr="public_evidence",
            ),
            Prefetch(
                "statements",
                queryset=Statement.objects.published()
                .select_related("speaker", "via")
                .order_by("said_on", "start", "id"),
                to_attr="public_statements",
            ),
        )


class Meeting(models.Model):
    """An encounter between actors: a meeting, visit, call, summit or talks."""

    class Kind(models.TextChoices):
        MEETING = "meeting", "Meeting"
        VISIT = "visit", "Visit"
        CALL = "call", "Call"
        SUMMIT = "summit", "Summit"
        TALKS = "talks", "Talks"

    class Status(models.TextChoices):
        HELD = "held", "Held"
        PLANNED = "planned", "Planned"
        CANCELLED = "cancelled", "Cancelled"

    class Precision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    title = models.CharField(
        max_length=300, help_text="Who met whom, for lists: “Li Shangfu – Vladimir Putin”."
    )
    slug = models.SlugField(max_length=220, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.MEETING)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.HELD)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    city = models.CharField("venue city", max_length=120, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name="venue country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_meetings",
    )
    summary = models.TextField(blank=True)
    participants = models.ManyToManyField(Actor, through="Participation", related_name="meetings")
    articles = models.ManyToManyField(Article, through="Evidence", related_name="meetings")
    editorial_status = models.CharField(
        max_length=10, choices=EditorialStatus.choices, default=EditorialStatus.DRAFT
    )
    is_public = models.BooleanField(default=False, editable=False)
    confidence = models.FloatField(null=True, blank=True, editable=False)
    rule = models.CharField(
        max_length=100, blank=True, editable=False, help_text="Extraction rule that proposed it."
    )
    fingerprint = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        editable=False,
        help_text="Identity of an extracted proposal, so re-extraction finds it again.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = [F("start_date").desc(nulls_last=True), "-id"]
        indexes = [
            models.Index(fields=["is_public", "-start_date", "-id"], name="meeting_public_date"),
            models.Index(fields=["country", "start_date"], name="meeting_venue_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | (Q(start_date__isnull=False) & Q(end_date__gte=F("start_date"))),
                name="meeting_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        when = self.start_date.isoformat() if self.start_date else "undated"
        return f"{self.title} ({self.get_kind_display().lower()}, {when})"

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting-detail", args=[self.slug])


class Participation(models.Model):
    """An actor's part in a meeting. Date, country and visibility are copies, kept in sync by
    services, so "meetings of a country, newest first" is one index range scan."""

    class Role(models.TextChoices):
        HOST = "host", "Host"
        GUEST = "guest", "Guest"
        PARTICIPANT = "participant", "Participant"
        MEDIATOR = "mediator", "Mediator"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.PARTICIPANT)
    date = models.DateField(null=True, blank=True, editable=False)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, editable=False, related_name="+"
    )
    is_public = models.BooleanField(default=False, editable=False)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "role", "id"]
        indexes = [
            # meeting_id included: a country's meetings in a date range (the meeting list's
            # count and facets, country pages) are read from the index alone, not the heap.
            models.Index(
                fields=["country", "is_public", "-date"],
                include=["meeting"],
                name="participation_country_cover",
            ),
            models.Index(fields=["actor", "is_public", "-date"], name="participation_actor"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "actor"], name="participation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_role_display()})"

    def save(self, *args, **kwargs):
        self.date = self.meeting.start_date
        self.country_id = self.actor.country_id
        self.is_public = self.meeting.is_public
        super().save(*args, **kwargs)


class CountryPair(models.Model):
    """A public meeting and one pair of its participants' countries (``first`` < ``second``,
    ISO codes), with the meeting's year: the country-pair page counts a pair's meetings by
    year from this table's index (55,000 China–US meetings at 1M articles: ~8 ms) instead
    of joining the 150,000 and 290,000 participations of the two countries (~150 ms).

    Derived from participations only, and rewritten for a meeting whenever any of its
    participations is written (``refresh_country_pairs``: the receivers below and
    ParticipationQuerySet); the year, countries and visibility it derives are themselves
    copies on the participations, kept by the services."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    first = models.CharField(max_length=2)
    second = models.CharField(max_length=2)
    year = models.PositiveSmallIntegerField(null=True, blank=True)

    objects = TrackedQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["first", "second", "year"], name="country_pair_year")]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "first", "second"], name="country_pair_unique"
            ),
            models.CheckConstraint(condition=Q(first__lt=F("second")), name="country_pair_order"),
        ]

    def __str__(self) -> str:
        return f"{self.first}–{self.second} at meeting {self.meeting_id}"


def country_pairs(rows) -> list[CountryPair]:
    """CountryPair rows from (meeting id, country code, date) of public participations."""
    countries: dict[int, set[str]] = {}
    years: dict[int, int | None] = {}
    for meeting_id, code, day in rows:
        countries.setdefault(meeting_id, set()).add(code)
        years[meeting_id] = day.year if day else None
    return [
        CountryPair(meeting_id=meeting_id, first=first, second=second, year=years[meeting_id])
        for meeting_id, codes in countries.items()
        for first, second in combinations(sorted(codes), 2)
    ]


def refresh_country_pairs(meeting_ids, chunk: int = 2_000) -> None:
    """Rewrite the CountryPair rows of these meetings from their public participations.

    The meetings' rows are locked first (PostgreSQL), in id order: two transactions that
    change participants of one meeting refresh its pairs one after the other, the second
    reading the first's committed participations, instead of each writing pairs from a
    snapshot without the other's (pairs missing, or a unique-key error).
    """
    ids = sorted(set(meeting_ids))
    with transaction.atomic():
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            list(
                Meeting.objects.select_for_update()
                .filter(pk__in=part)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            CountryPair.objects.filter(meeting_id__in=part).delete()
            rows = (
                Participation.objects.filter(
                    meeting_id__in=part, is_public=True, country__isnull=False
                )
                .order_by()
                .values_list("meeting_id", "country_id", "date")
            )
            CountryPair.objects.bulk_create(country_pairs(rows), batch_size=1_000)


class Evidence(models.Model):
    """The article and character span that support a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="evidence")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="evidence")
    start = models.PositiveIntegerField(help_text="Character offset of the sentence in the body.")
    end = models.PositiveIntegerField()

    objects = TrackedQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="evidence_span_order"),
            models.UniqueConstraint(
                fields=["meeting", "article", "start", "end"], name="evidence_unique_span"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} [{self.start}:{self.end}]"

    @property
    def sentence(self) -> str:
        return self.article.body[self.start : self.end]


class StatementQuerySet(TrackedQuerySet):
    def published(self):
        """Statements readers may see: published, from a published article."""
        return self.filter(is_public=True)

    def between(self, start: dt.date | None = None, end: dt.date | None = None):
        qs = self
        if start:
            qs = qs.filter(said_on__gte=start)
        if end:
            qs = qs.filter(said_on__lte=end)
        return qs

    def newest_first(self):
        return self.order_by(F("said_on").desc(nulls_last=True), "-id")

    def older_than(self, date: dt.date | None, pk: int):
        """Keyset page: the statements after (date, pk) in newest-first order."""
        return self.filter(keyset_before("said_on", date, pk))

    def of_country(self, *codes: str):
        """Statements by speakers from any of these countries."""
        return self.filter(speaker__country_id__in=[c.upper() for c in codes])

    def at_meetings(self, meetings):
        """Statements said at any of these meetings (a queryset of meetings)."""
        return self.filter(meeting__in=meetings.values("pk"))

    def for_list(self):
        """Rows for statement lists: speaker, via, article and meeting in one query."""
        return self.select_related("speaker", "speaker__country", "via", "article", "meeting")

    def for_export(self):
        """Rows for the CSV export, one query: only the columns it writes (never the
        articles' bodies, which would multiply the rows read by ~30)."""
        return self.select_related("speaker", "via", "article", "meeting").only(
            "said_on",
            "kind",
            "text",
            "speaker__name",
            "speaker__country_id",
            "via__name",
            "meeting__slug",
            "meeting__is_public",
            "article__title",
            "article__url",
            "article__slug",
        )

    def for_timeline(self):
        """Rows for actor_detail.html's timeline: text and the meeting it was said at; not
        the article (its body is the bulk of the row and the timeline does not show it)."""
        return self.select_related("meeting").only(
            "kind",
            "text",
            "said_on",
            "speaker_id",
            "meeting__slug",
            "meeting__title",
            "meeting__is_public",
        )

    def for_detail(self):
        """One statement for statement_detail.html: as for_list, plus the speaker's offices."""
        return self.for_list().prefetch_related("speaker__positions")


class Statement(models.Model):
    """Something an actor said, linked to the article span and to the meeting where said."""

    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        PARTIAL = "partial", "Partial quote"
        PARAPHRASE = "paraphrase", "Paraphrase"

    speaker = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="statements")
    text = models.TextField()
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.DIRECT)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements")
    start = models.PositiveIntegerField(help_text="Character offset of the quote in the body.")
    end = models.PositiveIntegerField()
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="statements"
    )
    said_on = models.DateField(null=True, blank=True)
    via = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="relayed_statements",
        help_text='Who relayed it, for example a news agency ("quoted by Xinhua").',
    )
    editorial_status = models.CharField(
        max_length=10, choices=EditorialStatus.choices, default=EditorialStatus.DRAFT
    )
    is_public = models.BooleanField(default=False, editable=False)
    confidence = models.FloatField(null=True, blank=True, editable=False)
    rule = models.CharField(max_length=100, blank=True, editable=False)
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = [F("said_on").desc(nulls_last=True), "-id"]
        indexes = [
            models.Index(fields=["is_public", "-said_on", "-id"], name="statement_public_date"),
            models.Index(fields=["speaker", "is_public", "-said_on"], name="statement_speaker"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="statement_span_order"),
        ]

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        return f"{self.speaker}: “{text}”"

    def get_absolute_url(self) -> str:
        return reverse("meetings:statement-detail", args=[self.pk])


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


def _public_data_changed(sender, **kwargs):
    publication_changed()


def _participation_written(sender, instance, **kwargs):
    refresh_country_pairs([instance.meeting_id])


# Every save or delete of a row a public page can show. Article is left out: its save()
# calls publication_changed itself, and a receiver would turn the import's one-INSERT fast
# path (meetings/importers.py) back into save(); the import moves the generation when it
# writes published articles.
for _model in (Country, Actor, Alias, Position, Meeting, Participation, Evidence, Statement):
    post_save.connect(_public_data_changed, sender=_model, dispatch_uid=f"public-{_model.__name__}")
    post_delete.connect(
        _public_data_changed, sender=_model, dispatch_uid=f"public-del-{_model.__name__}"
    )
post_save.connect(_participation_written, sender=Participation, dispatch_uid="pairs-save")
post_delete.connect(_participation_written, sender=Participation, dispatch_uid="pairs-delete")
