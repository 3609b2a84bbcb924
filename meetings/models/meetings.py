"""Meetings, who took part (participations), their sources (evidence) and the country
pairs derived from them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import models
from django.db.models import F, Prefetch, Q
from django.db.models.functions import Substr
from django.urls import reverse

from meetings.models.actors import Actor, Country
from meetings.models.articles import Article
from meetings.models.base import (
    EditorialStatus,
    TrackedQuerySet,
    TracksChanges,
    keyset_before,
)
from meetings.models.statements import Statement

# What a country pair is made of: writes of other fields (a role) leave the pairs as they are.
PAIR_FIELDS = {"meeting", "meeting_id", "country", "country_id", "is_public", "date"}


# Who takes part: a participant who is not a published actor keeps the meeting private.
PARTICIPANT_FIELDS = {"actor", "actor_id"}


# The meeting columns of the CSV export (MeetingQuerySet.export_rows), in this order, the
# stored copies last (EXPORT_COPY_FIELDS: participants, their countries, sources).
EXPORT_COPY_FIELDS = ("export_participants", "export_countries", "export_sources")
EXPORT_FIELDS = (
    "pk", "start_date", "end_date", "date_precision", "kind", "status", "title", "slug",
    "city", "country__name", *EXPORT_COPY_FIELDS,
)  # fmt: skip


class ParticipationQuerySet(TrackedQuerySet):
    """Bulk writes that can change country pairs or the meeting's visibility report the
    meetings they touched, whose visibility and pairs meetings/services/copies.py recomputes
    in the same transaction."""

    watched_fields = frozenset(PAIR_FIELDS | PARTICIPANT_FIELDS | {"role"})  # role: the CSV
    watch_whole_rows = True
    key_field = "meeting_id"

    def export_rows(self, meeting_ids):
        """(meeting id, actor name, country) of these meetings' participants, in the
        export's order (role, then id), by the meeting index and the actor's key (the
        meetings' stored copies are made of them: meetings/services/copies.py)."""
        return (
            self.filter(meeting_id__in=meeting_ids)
            .order_by("role", "id")
            .values_list("meeting_id", "actor__name", "country_id")
        )


class EvidenceQuerySet(TrackedQuerySet):
    """Bulk writes of evidence report the meetings they touched, whose visibility
    meetings/services/copies.py recomputes (a meeting whose only source is gone is private)."""

    watched_fields = frozenset({"meeting", "meeting_id", "article", "article_id"})
    watch_whole_rows = True
    key_field = "meeting_id"

    def export_rows(self, meeting_ids):
        """(meeting id, article id, start, published on, url, slug) of these meetings'
        sources in published articles, by the meeting index and the article's key (for
        the meetings' stored copies: meetings/services/copies.py)."""
        return (
            self.filter(
                meeting_id__in=meeting_ids, article__editorial_status=EditorialStatus.PUBLISHED
            )
            .order_by()
            .values_list(
                "meeting_id", "article_id", "start", "article__published_on", "article__url",
                "article__slug",
            )
        )  # fmt: skip

    def for_article_page(self):
        """The spans article_detail.html marks as meetings: evidence of public meetings, in
        text order, each with its meeting (one query)."""
        return self.filter(meeting__is_public=True).select_related("meeting").order_by("start")


def _participants_with_offices() -> Prefetch:
    """A meeting's participations with each actor, its country and its offices."""
    return Prefetch(
        "participations",
        queryset=Participation.objects.select_related("actor", "actor__country").prefetch_related(
            "actor__positions"
        ),
    )


def planned_and_past(status: str, start: dt.date | None, end: dt.date | None) -> bool:
    """A meeting planned for a day now past (``Meeting.is_overdue``)."""
    return status == "planned" and start is not None and (end or start) < dt.date.today()


class Participant(NamedTuple):
    """One participant as a meeting row shows it: the actor's name and its country."""

    actor_id: int
    name: str
    country_id: str | None
    country_name: str | None


class Venue(NamedTuple):
    """A meeting row's venue country."""

    code: str
    name: str


# What a meeting row reads (MeetingQuerySet.list_rows), in MeetingRow's order.
ROW_FIELDS = (
    "pk", "title", "slug", "kind", "status", "start_date", "end_date", "date_precision",
    "city", "country_id", "country__name",
)  # fmt: skip


@dataclass
class MeetingRow:
    """A meeting as the lists and the timeline show it (includes/_meeting_item.html,
    actor_detail.html): plain values, with the same names as on ``Meeting`` for what the
    lists read, and ``list_people`` (``Participant``s in role order)."""

    pk: int
    title: str
    slug: str
    kind: str
    status: str
    start_date: dt.date | None
    end_date: dt.date | None
    date_precision: str
    city: str
    country_id: str | None
    country: Venue | None
    list_people: list[Participant] = field(default_factory=list)

    @property
    def id(self) -> int:
        return self.pk

    def get_kind_display(self) -> str:
        return _KIND_LABELS.get(self.kind, self.kind)

    def get_status_display(self) -> str:
        return _STATUS_LABELS.get(self.status, self.status)

    @property
    def is_overdue(self) -> bool:
        return planned_and_past(self.status, self.start_date, self.end_date)

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting-detail", args=[self.slug])


class MeetingQuerySet(TrackedQuerySet):
    def list_rows(self) -> list[MeetingRow]:
        """Rows for the meeting lists and the timeline, in this queryset's order: the
        meetings with their venue's name, then their participants with their countries (two
        queries, as ``for_list``), read as values. Model instances (with the change tracking
        of TracksChanges) cost 25 rows 5.0 ms of CPU, values 1.4 ms."""
        rows = [
            MeetingRow(*values[:-1], Venue(*values[-2:]) if values[-2] else None)
            for values in self.values_list(*ROW_FIELDS)
        ]
        if rows:
            by_id = {row.pk: row for row in rows}
            people = (
                Participation.objects.filter(meeting_id__in=list(by_id))
                .order_by("role", "id")
                .values_list(
                    "meeting_id", "actor_id", "actor__name", "actor__country_id",
                    "actor__country__name",
                )
            )  # fmt: skip
            for meeting_id, *participant in people:
                by_id[meeting_id].list_people.append(Participant(*participant))
        return rows

    def published(self):
        """Meetings readers may see: published, with a published source article and published
        participants."""
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

    def in_pair(self, first: str, second: str, *, bilateral: bool):
        """Public meetings of two countries' officials from the pair's index (CountryPair):
        ``bilateral``, with no other country taking part, or else multilateral (a summit of
        many). ``first`` < ``second``, ISO codes."""
        first, second = sorted([first.upper(), second.upper()])
        pairs = CountryPair.objects.filter(first=first, second=second, bilateral=bilateral)
        return self.filter(is_public=True, pk__in=pairs.values("meeting_id"))

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

    def for_api(self):
        """Rows for the JSON API (meetings/api/): as for_list, plus the published sources,
        each with its article (without the body) and the sentence cut from it in SQL."""
        sentence = Substr("article__body", F("start") + 1, F("end") - F("start"))
        sources = (
            Evidence.objects.filter(article__editorial_status=EditorialStatus.PUBLISHED)
            .select_related("article")
            .defer("article__body")
            .annotate(sentence_text=sentence)
            .order_by("article_id", "start", "id")
        )
        return self.for_list().prefetch_related(
            Prefetch("evidence", queryset=sources, to_attr="public_evidence")
        )

    def export_rows(self):
        """Rows for the CSV export as value tuples (EXPORT_FIELDS), newest first: one row
        per meeting, its participants and sources in the stored copies."""
        return self.newest_first().values_list(*EXPORT_FIELDS)

    def for_timeline(self):
        """Rows for actor_detail.html: participants with their offices, to show titles that day."""
        return self.select_related("country").prefetch_related(_participants_with_offices())

    def for_detail(self):
        """One meeting for meeting_detail.html: venue, participants with offices, published
        evidence with its article, the public statements said there (speaker's country and
        source article, without its text), and what each published source says of its
        facts (``public_facts``)."""
        published = EditorialStatus.PUBLISHED
        return self.select_related("country").prefetch_related(
            _participants_with_offices(),
            Prefetch(
                "evidence",
                queryset=Evidence.objects.filter(
                    article__editorial_status=published
                ).select_related("article"),
                to_attr="public_evidence",
            ),
            Prefetch(
                "statements",
                queryset=Statement.objects.published()
                .select_related("speaker", "speaker__country", "via", "article")
                .defer("article__body")
                .order_by("said_on", "start", "id"),
                to_attr="public_statements",
            ),
            Prefetch(
                "facts",
                queryset=MeetingFact.objects.filter(article__editorial_status=published)
                .select_related("article")
                .defer("article__body"),
                to_attr="public_facts",
            ),
        )


class Meeting(TracksChanges):
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
    same_as = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text="A recorded meeting this draft proposal may be (meetings/services/matching.py).",
    )
    # Copies for the CSV export, kept by meetings/services/copies.py (EXPORT_COPY_FIELDS): the
    # participants' names in role order, their countries, the published sources (each its
    # URL, else its article's slug), so that an export reads one row per meeting.
    # (db_default too: the bench corpus COPYs meetings without them.)
    export_participants = models.TextField(blank=True, default="", db_default="", editable=False)
    export_countries = models.TextField(blank=True, default="", db_default="", editable=False)
    export_sources = models.TextField(blank=True, default="", db_default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()
    # A change of these is copied onto the participations (meetings/services/copies.py).
    tracked_fields = ("editorial_status", "start_date")

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

    @property
    def is_overdue(self) -> bool:
        """Planned for a day now past, and no report that it took place."""
        return planned_and_past(self.status, self.start_date, self.end_date)

    @property
    def list_people(self) -> list[Participant]:
        """The participants as ``MeetingRow.list_people`` has them (``for_list`` prefetches
        them)."""
        return [
            Participant(
                p.actor_id,
                p.actor.name,
                p.actor.country_id,
                p.actor.country.name if p.actor.country_id else None,
            )
            for p in self.participations.all()
        ]


_KIND_LABELS = dict(Meeting.Kind.choices)
_STATUS_LABELS = dict(Meeting.Status.choices)


class Participation(models.Model):
    """An actor's part in a meeting. Date, country and visibility are copies, kept in sync by
    meetings/services/copies.py, so "meetings of a country, newest first" is one index range
    scan."""

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
            # Matching a proposed meeting (services/matching.py): an actor's meetings around
            # a date, drafts included, from the index alone.
            models.Index(
                fields=["actor", "date"],
                include=["meeting", "country"],
                name="participation_actor_date",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "actor"], name="participation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_role_display()})"


class CountryPair(models.Model):
    """A public meeting and one pair of its participants' countries (``first`` < ``second``,
    ISO codes), with the meeting's year: the country-pair page counts a pair's meetings by
    year from this table's index (55,000 China–US meetings at 1M articles: ~8 ms) instead
    of joining the 150,000 and 290,000 participations of the two countries (~150 ms).

    Derived from participations only, and rewritten for a meeting whenever any of its
    participations is written (``refresh_country_pairs`` in meetings/services/copies.py);
    the year, countries and visibility it derives are themselves copies on the
    participations, kept by the same module."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    first = models.CharField(max_length=2)
    second = models.CharField(max_length=2)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    bilateral = models.BooleanField(
        default=True, help_text="The meeting's participants come from these two countries only."
    )

    objects = TrackedQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["first", "second", "bilateral", "year"], name="country_pair_kind_year"
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "first", "second"], name="country_pair_unique"
            ),
            models.CheckConstraint(condition=Q(first__lt=F("second")), name="country_pair_order"),
        ]

    def __str__(self) -> str:
        return f"{self.first}–{self.second} at meeting {self.meeting_id}"


class Evidence(models.Model):
    """The article and character span that support a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="evidence")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="evidence")
    start = models.PositiveIntegerField(help_text="Character offset of the sentence in the body.")
    end = models.PositiveIntegerField()

    objects = EvidenceQuerySet.as_manager()

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


class MeetingFact(models.Model):
    """What one source says of one of a meeting's facts (its date, venue, kind or status),
    so the meeting page can say where sources disagree, naming them. The meeting's own
    fields hold the value shown, which the editor picks (``meeting_fact_choose``)."""

    class Field(models.TextChoices):
        DATE = "date", "Date"
        VENUE = "venue", "Venue"
        KIND = "kind", "Kind"
        STATUS = "status", "Status"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="facts")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="meeting_facts")
    field = models.CharField(max_length=10, choices=Field.choices)
    value = models.CharField(
        max_length=200,
        help_text="Comparable value: 2025-03-14, 2025-03-14/2025-03-16, 2025-03 (a month); "
        "city|country code; a kind; a status.",
    )
    label = models.CharField(max_length=200, help_text="The value as readers see it.")

    # Bulk writes report themselves: a meeting page showing where sources disagree is cached.
    objects = TrackedQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "field", "value", "article"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "article", "field"], name="meeting_fact_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_field_display()}: {self.label} ({self.article})"
