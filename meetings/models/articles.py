"""Articles: the sources every meeting and statement points back to."""

from __future__ import annotations

from django.db import models, transaction
from django.db.models import F, Q
from django.dispatch import Signal
from django.urls import reverse

from meetings.models.base import EditorialStatus, TrackedQuerySet, TracksChanges
from meetings.text import normalize_line_ends

# Sent by Article.save() after the row is written (``instance``, ``created``); received by
# meetings/services/copies.py.
article_saved = Signal()


class ArticleQuerySet(TrackedQuerySet):
    # A bulk change of these reports the articles: the meetings' stored sources name them.
    watched_fields = frozenset({"url", "slug", "published_on"})

    def published(self):
        """Articles readers may see."""
        return self.filter(editorial_status=EditorialStatus.PUBLISHED)

    def drafts(self):
        return self.filter(editorial_status=EditorialStatus.DRAFT)


class ExtractionState(models.TextChoices):
    """Where an article's extraction is (meetings/tasks.py moves it on)."""

    NONE = "", "Not queued"
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


# Written by the extraction alone (services/extraction.py, meetings/tasks.py), never by an
# ordinary ``Article.save()``.
EXTRACTION_FIELDS = frozenset({"extracted_at", "extraction_state", "extraction_error"})


class Article(TracksChanges):
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
    # Database defaults too: bulk writers (the import's INSERT, the bench corpus's COPY) may
    # leave them out.
    extraction_state = models.CharField(
        max_length=10,
        choices=ExtractionState.choices,
        blank=True,
        default="",
        db_default="",
        editable=False,
    )
    extraction_error = models.TextField(blank=True, default="", db_default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()
    tracked_fields = ("editorial_status", "url", "slug", "published_on")

    class Meta:
        ordering = [F("published_on").desc(nulls_last=True), "-id"]
        indexes = [
            models.Index(fields=["editorial_status", "-published_on"]),
            models.Index(fields=["outlet"]),
            # extraction_status and the admin's filter count the few not done; "done" and
            # "not queued", nearly every row of an archive, stay out of the index.
            models.Index(
                fields=["extraction_state"],
                condition=Q(extraction_state__in=["queued", "running", "failed"]),
                name="article_extraction_pending",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="article_unique_url"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.body = normalize_line_ends(self.body)
        self.content_hash = content_hash(self.body)
        if self._state.adding or self.pk is None or kwargs.get("update_fields") is not None:
            super().save(*args, **kwargs)
            return
        # A worker may have written the extraction's columns since this instance was loaded
        # (an editor's change page, a script): an ordinary save writes every other column and
        # leaves those as they are now. Only the extraction writes them, by name.
        deferred = self.get_deferred_fields()
        kwargs["update_fields"] = [
            field.name
            for field in self._meta.concrete_fields
            if not field.primary_key
            and field.name not in EXTRACTION_FIELDS
            and field.attname not in deferred
        ]
        try:
            with transaction.atomic():  # a savepoint: the fallback below can still write
                super().save(*args, **kwargs)
        except self.NotUpdated:  # deleted meanwhile: stored again, as a plain save does
            kwargs["update_fields"] = None
            super().save(*args, **kwargs)

    def after_save(self, *, created: bool) -> None:
        # Not post_save: a receiver of that would turn the import's one-INSERT fast path
        # (meetings/importing/writer.py) back into save().
        article_saved.send(sender=Article, instance=self, created=created)

    def get_absolute_url(self) -> str:
        return reverse("meetings:article-detail", args=[self.slug])


def content_hash(body: str) -> str:
    """SHA-256 of the body with whitespace collapsed, so re-wrapped copies count as one."""
    import hashlib

    return hashlib.sha256(" ".join(body.split()).encode()).hexdigest()
