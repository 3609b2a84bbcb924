"""Statements: what an actor said, where in which article, at which meeting."""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from meetings.models.actors import Actor
from meetings.models.articles import Article
from meetings.models.base import EditorialStatus, TrackedQuerySet, TracksChanges, keyset_before
from meetings.text import split_attribution


class StatementQuerySet(TrackedQuerySet):
    # Bulk writes of what decides visibility report the statements they touched, whose
    # ``is_public`` meetings/services/copies.py recomputes.
    watched_fields = frozenset(
        {"editorial_status", "article", "article_id", "speaker", "speaker_id", "via", "via_id"}
    )

    def published(self):
        """Statements readers may see: published, from a published article, by (and through)
        published actors."""
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

    def for_api(self):
        """Rows for the JSON API (meetings/api/): speaker, via, meeting and article (not its
        body) in one query."""
        return self.select_related("speaker", "via", "article", "meeting").defer("article__body")

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

    def for_article_page(self):
        """The spans article_detail.html marks as statements: public ones, in text order,
        each with its speaker (one query)."""
        return self.published().select_related("speaker").order_by("start")


class Statement(TracksChanges):
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
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
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
    # What its visibility depends on (meetings/services/copies.py).
    tracked_fields = ("editorial_status", "article_id", "speaker_id", "via_id", "meeting_id")

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

    @cached_property
    def _words_and_reporter(self) -> tuple[str, str]:
        return split_attribution(self.text)

    @property
    def words(self) -> str:
        """The text without the attribution it repeats (", TASS reported."), which pages
        show once, below the words."""
        return self._words_and_reporter[0]

    @property
    def reported_by(self) -> str:
        """Who the text says reported it ("TASS"), when no relaying actor is recorded."""
        return "" if self.via_id else self._words_and_reporter[1]
