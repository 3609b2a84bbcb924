"""The editors' workplace: every model, searchable and filterable, with review actions.

An article's change page is where extraction is reviewed: its text with the proposed spans
highlighted, and a card per proposed meeting, statement and new actor to accept, edit or
reject (see services, "extraction and review", for what each decision does).
"""

import itertools
import logging

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from meetings import services
from meetings.cache import publication_changed
from meetings.models import (
    Actor,
    ActorSuggestion,
    Alias,
    Article,
    Country,
    EditorialStatus,
    Evidence,
    Meeting,
    Participation,
    Position,
    RejectedLink,
    Statement,
    content_hash,
)

logger = logging.getLogger(__name__)

PUBLISHED = EditorialStatus.PUBLISHED


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "capital"]
    search_fields = ["code", "name", "capital"]
    ordering = ["name"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1
    fields = ["text", "is_role", "valid_from", "valid_to"]


# An autocomplete widget costs one query per row, so an inline whose rows grow with the data
# comes in two parts: existing rows with the linked object shown read-only (fetched with the
# rows, in one query), and a separate inline that only adds new rows.


class ExistingRowsInline(admin.TabularInline):
    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class AddRowsInline(admin.TabularInline):
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_change_permission(self, request, obj=None):
        return self.has_add_permission(request, obj)


class PositionInline(ExistingRowsInline):
    model = Position
    fk_name = "actor"
    fields = ["title", "organization", "country", "start_date", "end_date"]
    readonly_fields = ["organization", "country"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization", "country")


class PositionAddInline(AddRowsInline):
    model = Position
    fk_name = "actor"
    verbose_name_plural = "add positions"
    fields = ["title", "organization", "country", "start_date", "end_date"]
    autocomplete_fields = ["organization", "country"]


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "wikidata_id", "editorial_status"]
    list_filter = ["kind", "editorial_status", ("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country"]
    search_fields = ["name", "aliases__text", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]
    inlines = [AliasInline, PositionInline, PositionAddInline]
    readonly_fields = ["created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "country" in form.changed_data:
            services.actor_participations_sync(actor=obj)


@admin.register(Alias)
class AliasAdmin(admin.ModelAdmin):
    list_display = ["text", "actor", "is_role", "valid_from", "valid_to"]
    list_filter = ["is_role"]
    list_select_related = ["actor"]
    search_fields = ["text", "normalized", "actor__name"]
    autocomplete_fields = ["actor"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The extractor's knowledge-base snapshot is rebuilt when an actor's updated_at moves
        # (meetings.knowledge.signature); an alias edited in place would not move it.
        Actor.objects.filter(pk=obj.actor_id).update(updated_at=timezone.now())


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["title", "actor", "country", "start_date", "end_date"]
    list_filter = [("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["actor", "country"]
    search_fields = ["title", "actor__name"]
    autocomplete_fields = ["actor", "organization", "country"]
    date_hierarchy = "start_date"


class ParticipationInline(ExistingRowsInline):
    model = Participation
    fields = ["actor", "role"]
    readonly_fields = ["actor"]
    show_change_link = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class ParticipationAddInline(AddRowsInline):
    model = Participation
    verbose_name_plural = "add participants"
    fields = ["actor", "role"]
    autocomplete_fields = ["actor"]


class EvidenceInline(ExistingRowsInline):
    model = Evidence
    fields = ["article", "start", "end", "sentence"]
    readonly_fields = ["article", "sentence"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    @admin.display(description="Supporting sentence")
    def sentence(self, obj):
        return obj.sentence if obj.pk else ""


class EvidenceAddInline(AddRowsInline):
    model = Evidence
    extra = 0
    verbose_name_plural = "add evidence"
    fields = ["article", "start", "end"]
    autocomplete_fields = ["article"]


class StatementInline(ExistingRowsInline):
    model = Statement
    fk_name = "meeting"
    verbose_name_plural = "statements made at this meeting"
    fields = ["speaker", "text", "kind", "article", "editorial_status"]
    readonly_fields = ["speaker", "text", "kind", "article", "editorial_status"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "article")


class BackToReviewMixin:
    """ "Edit" on an article's review page links here with ?review=<article id>; saving goes
    back to that card on the review page."""

    def response_change(self, request, obj):
        article_id = request.GET.get("review", "")
        if article_id.isdigit() and not {"_continue", "_addanother", "_saveasnew"} & set(
            request.POST
        ):
            self.message_user(request, f"“{obj}” saved.", messages.SUCCESS)
            url = reverse("admin:meetings_article_change", args=[article_id])
            return redirect(f"{url}#{obj._meta.model_name}-{obj.pk}")
        return super().response_change(request, obj)


@admin.register(Meeting)
class MeetingAdmin(BackToReviewMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "kind",
        "status",
        "start_date",
        "city",
        "country",
        "editorial_status",
        "is_public",
    ]
    list_filter = [
        "editorial_status",
        "is_public",
        "kind",
        "status",
        ("country", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["country"]
    search_fields = ["title", "slug", "city", "participations__actor__name"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [
        ParticipationInline,
        ParticipationAddInline,
        EvidenceInline,
        EvidenceAddInline,
        StatementInline,
    ]
    readonly_fields = ["is_public", "confidence", "rule", "created_at", "updated_at"]
    actions = ["publish", "reject", "return_to_draft"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        meeting = form.instance
        services.visibility_refresh(meeting_ids=[meeting.pk])
        meeting.refresh_from_db(fields=["is_public"])
        services.participations_sync(meeting=meeting)

    def _status(self, request, queryset, status, label):
        for meeting in queryset:
            if status == PUBLISHED:  # its suggested participants are accepted with it
                services.meeting_accept(meeting=meeting)
            else:
                services.meeting_set_status(meeting=meeting, editorial_status=status)
        self.message_user(request, f"{len(queryset)} meeting(s) {label}.", messages.SUCCESS)

    @admin.action(description="Publish selected meetings", permissions=["change"])
    def publish(self, request, queryset):
        self._status(request, queryset, PUBLISHED, "published")

    @admin.action(description="Reject selected meetings (kept, hidden)", permissions=["change"])
    def reject(self, request, queryset):
        self._status(request, queryset, EditorialStatus.REJECTED, "rejected")

    @admin.action(description="Return selected meetings to draft", permissions=["change"])
    def return_to_draft(self, request, queryset):
        self._status(request, queryset, EditorialStatus.DRAFT, "returned to draft")


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["actor", "meeting", "role", "date", "country"]
    list_filter = ["role", ("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["actor", "meeting", "country"]
    search_fields = ["actor__name", "meeting__title"]
    autocomplete_fields = ["actor", "meeting"]
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.participations_sync(meeting=obj.meeting)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        publication_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        publication_changed()


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["meeting", "article", "start", "end"]
    list_select_related = ["meeting", "article"]
    search_fields = ["meeting__title", "article__title"]
    autocomplete_fields = ["meeting", "article"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.visibility_refresh(meeting_ids=[obj.meeting_id])


@admin.register(Statement)
class StatementAdmin(BackToReviewMixin, admin.ModelAdmin):
    list_display = ["short_text", "speaker", "kind", "said_on", "editorial_status", "is_public"]
    list_filter = ["editorial_status", "is_public", "kind", "speaker__country"]
    list_select_related = ["speaker"]
    search_fields = ["text", "speaker__name"]
    date_hierarchy = "said_on"
    autocomplete_fields = ["speaker", "via", "article", "meeting"]
    readonly_fields = ["is_public", "confidence", "rule", "created_at", "updated_at"]
    actions = ["publish", "reject"]

    @admin.display(description="Text")
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 90 else obj.text[:87] + "…"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.visibility_refresh(statement_ids=[obj.pk])

    def _status(self, request, queryset, status, label):
        for statement in queryset.select_related("article"):
            if status == PUBLISHED:  # a suggested speaker is accepted with it
                services.statement_accept(statement=statement)
            else:
                services.statement_set_status(statement=statement, editorial_status=status)
        self.message_user(request, f"{len(queryset)} statement(s) {label}.", messages.SUCCESS)

    @admin.action(description="Publish selected statements", permissions=["change"])
    def publish(self, request, queryset):
        self._status(request, queryset, PUBLISHED, "published")

    @admin.action(description="Reject selected statements (kept, hidden)", permissions=["change"])
    def reject(self, request, queryset):
        self._status(request, queryset, EditorialStatus.REJECTED, "rejected")


# --- articles: ingestion and review ------------------------------------------------------


class ArticleForm(forms.ModelForm):
    """Paste the text, or upload a .txt or .html file (reduced to its main text)."""

    upload = forms.FileField(
        required=False,
        label="…or upload a file",
        help_text="A .txt file, or an .html page: its main text is kept, menus and ads dropped. "
        "It replaces the text above.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.html,.htm,text/plain,text/html"}),
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "body",
            "outlet",
            "url",
            "dateline",
            "published_on",
            "language",
            "slug",
            "editorial_status",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "body", "slug"):
            if name in self.fields:
                self.fields[name].required = False
        if "body" in self.fields:
            self.fields["body"].help_text = "Paste the article. Saving runs extraction."
            self.fields["body"].widget.attrs.update({"rows": 18, "cols": 100})
        if "title" in self.fields:
            self.fields["title"].help_text = "For an uploaded page, left empty: the page's title."
            self.fields["title"].widget.attrs.update({"size": 80})
        if "slug" in self.fields:
            self.fields["slug"].help_text = "Left empty, it is made from the title."

    def clean(self):
        data = super().clean()
        upload = data.get("upload")
        if upload:
            if not upload.name.lower().endswith((".txt", ".html", ".htm", ".xhtml")):
                self.add_error("upload", "Upload a .txt or .html file.")
                return data
            title, text = services.article_text_from_upload(name=upload.name, data=upload.read())
            if not text:
                self.add_error("upload", "No article text found in this file.")
                return data
            data["body"] = text
            if not data.get("title") and title:
                data["title"] = title
        if not (data.get("body") or "").strip():
            self.add_error("body", "Paste the article's text or upload a file.")
        if not (data.get("title") or "").strip():
            self.add_error("title", "Give the article a title.")
        if self.errors:
            return data
        if not data.get("slug"):
            when = data.get("published_on")
            base = f"{data['title']} {when.isoformat() if when else ''}"
            data["slug"] = services.unique_slug(Article, base, exclude_pk=self.instance.pk)
        twin = (
            Article.objects.filter(content_hash=content_hash(data["body"]))
            .exclude(pk=self.instance.pk)
            .only("pk", "title")
            .first()
        )
        if twin:
            self.add_error("body", f"This text is already stored, as “{twin.title}”.")
        return data


class LinkForm(forms.Form):
    """ "This suggested name is an existing actor": the admin's own actor autocomplete."""

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"] = forms.ModelChoiceField(
            queryset=Actor.objects.exclude(editorial_status=EditorialStatus.REJECTED),
            widget=AutocompleteSelect(ActorSuggestion._meta.get_field("actor"), admin_site),
            label="Existing actor",
        )


def highlight(body: str, spans: list[dict]) -> str:
    """The body as HTML with each span wrapped in a <mark> linked to its row.

    Spans overlap (a quote inside a meeting's sentence, a name inside a quote), so the text
    is cut at every span boundary and each piece is marked for all the spans covering it,
    linked to the innermost one. Each span's first piece carries its id, for "show in text".
    """
    cuts = {0, len(body)}
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= len(body)]
    for span in spans:
        cuts.update((span["start"], span["end"]))
    cuts = sorted(cuts)
    started: set[str] = set()
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = body[a:b]
        covering = [s for s in spans if s["start"] <= a and b <= s["end"]]
        if not covering:
            out.append(escape(piece))
            continue
        inner = min(covering, key=lambda s: (s["end"] - s["start"], s["kind"]))
        classes = " ".join(sorted({f"hl-{s['kind']}" for s in covering} | {inner["state"]}))
        anchor = ""
        for s in covering:
            if s["start"] == a and s["target"] not in started:
                started.add(s["target"])
                anchor += format_html('<span id="at-{}" class="hl-anchor"></span>', s["target"])
        out.append(
            format_html(
                '{}<a class="hl" href="#{target}" data-target="{target}" title="{}">'
                '<mark class="{}">{}</mark></a>',
                mark_safe(anchor),  # noqa: S308 - built with format_html above
                inner["label"],
                classes,
                piece,
                target=inner["target"],
            )
        )
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def _state(status: str) -> str:
    return {"published": "is-accepted", "rejected": "is-rejected", "accepted": "is-accepted"}.get(
        status, "is-draft"
    )


def _per_article(queryset, field: str = "article"):
    """The number of rows of ``queryset`` per article, as a subquery (0 when none)."""
    return Coalesce(
        Subquery(
            queryset.filter(**{field: OuterRef("pk")})
            .order_by()
            .values(field)
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        0,
    )


def _to_review():
    """Draft meetings and statements and pending actor suggestions of each article."""
    draft = EditorialStatus.DRAFT
    return (
        _per_article(Evidence.objects.filter(meeting__editorial_status=draft))
        + _per_article(Statement.objects.filter(editorial_status=draft))
        + _per_article(ActorSuggestion.objects.filter(status=ActorSuggestion.Status.PENDING))
    )


class ReviewListFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("pending", "Proposals to review"),
            ("done", "Reviewed"),
            ("never", "Not extracted"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "pending":
            return queryset.filter(_to_review_n__gt=0)
        if self.value() == "done":
            return queryset.filter(extracted_at__isnull=False, _to_review_n=0)
        if self.value() == "never":
            return queryset.filter(extracted_at__isnull=True)
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    change_form_template = "admin/meetings/article/change_form.html"
    list_display = [
        "title",
        "outlet",
        "published_on",
        "editorial_status",
        "n_meetings",
        "to_review",
        "extracted_at",
    ]
    list_filter = [ReviewListFilter, "editorial_status", "outlet", "language"]
    search_fields = ["title", "outlet", "url"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["content_hash", "extracted_at", "created_at", "updated_at"]
    actions = ["publish", "unpublish", "rerun_extraction"]

    def get_fieldsets(self, request, obj=None):
        source = ["outlet", "url", "dateline", "published_on", "language"]
        if obj is None:
            return [
                (None, {"fields": ["title", "body", "upload"]}),
                ("Source", {"fields": source}),
                ("Publishing", {"fields": ["slug", "editorial_status"]}),
            ]
        return [
            (None, {"fields": ["title", *source]}),
            (
                "Text",
                {
                    "fields": ["body", "upload"],
                    "classes": ["collapse"],
                    "description": "Changing the text and saving runs extraction again.",
                },
            ),
            (
                "Publishing",
                {
                    "fields": [
                        "slug",
                        "editorial_status",
                        "extracted_at",
                        "content_hash",
                        "created_at",
                        "updated_at",
                    ],
                    "classes": ["collapse"],
                },
            ),
        ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_n_meetings=_per_article(Evidence.objects.all()), _to_review_n=_to_review())
        )

    @admin.display(description="Meetings", ordering="_n_meetings")
    def n_meetings(self, obj):
        return obj._n_meetings

    @admin.display(description="To review", ordering="_to_review_n")
    def to_review(self, obj):
        return obj._to_review_n or "—"

    def get_urls(self):
        review = self.admin_site.admin_view(self.review_view)
        return [
            path("<path:object_id>/review/", review, name="meetings_article_review"),
            *super().get_urls(),
        ]

    # Saving runs extraction ----------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        text_changed = change and {"body", "upload"} & set(form.changed_data)
        old_body = Article.objects.values_list("body", flat=True).get(pk=obj.pk) if change else ""
        super().save_model(request, obj, form, change)
        if change and "editorial_status" in form.changed_data:
            services.visibility_refresh(article_ids=[obj.pk])
        if text_changed:
            lost = services.article_spans_reanchor(article=obj, old_body=old_body)
            if lost:
                self.message_user(
                    request,
                    f"The text of {lost} reviewed meeting(s) or statement(s) is no longer in "
                    "the article: check their highlighted spans.",
                    messages.WARNING,
                )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        if not change or {"body", "upload"} & set(form.changed_data):
            self._extract(request, article)

    def _extract(self, request, article):
        try:
            summary = services.article_extract(article=article)
        except Exception as exc:  # the article is saved; the editor can re-run
            logger.exception("extraction failed for article %s", article.pk)
            self.message_user(
                request, f"Extraction failed ({exc}); the article is saved.", messages.ERROR
            )
            return
        self.message_user(request, f"Extraction: {summary}.", messages.SUCCESS)

    def response_add(self, request, obj, post_url_continue=None):
        if "_addanother" in request.POST or IS_POPUP_VAR in request.POST:
            return super().response_add(request, obj, post_url_continue)
        return redirect(self._review_url(obj))

    def _review_url(self, obj, anchor: str = "review") -> str:
        url = reverse("admin:meetings_article_change", args=[obj.pk])
        return f"{url}#{anchor}"

    # The review panel ------------------------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context.update(self.review_context(request, obj))
            context["media"] = context["media"] + context["link_form"].media
        return super().render_change_form(request, context, add, change, form_url, obj)

    def review_context(self, request, article) -> dict:
        """Rows, highlights and forms for the review panel, in a fixed number of queries."""
        rows = services.article_review_rows(article=article)
        by_actor = {s.actor_id: s for s in rows["suggestions"] if s.actor_id}
        spans = []
        edited_after = article.extracted_at

        def edited(row) -> bool:
            return bool(
                row.editorial_status == "draft" and edited_after and row.updated_at > edited_after
            )

        for m in rows["meetings"]:
            m.state = _state(m.editorial_status)
            m.edited = edited(m)
            m.people = [
                (p, by_actor.get(p.actor_id) if p.actor.editorial_status != PUBLISHED else None)
                for p in m.participations.all()
            ]
            for ev in m.evidence.all():
                spans.append(
                    {
                        "start": ev.start,
                        "end": ev.end,
                        "kind": "meeting",
                        "target": f"meeting-{m.pk}",
                        "state": m.state,
                        "label": f"{m.get_kind_display()}: {m.title}",
                    }
                )
        for s in rows["statements"]:
            s.state = _state(s.editorial_status)
            s.edited = edited(s)
            s.speaker_suggestion = (
                by_actor.get(s.speaker_id) if s.speaker.editorial_status != PUBLISHED else None
            )
            spans.append(
                {
                    "start": s.start,
                    "end": s.end,
                    "kind": "quote",
                    "target": f"statement-{s.pk}",
                    "state": s.state,
                    "label": f"{s.speaker.name}: {s.get_kind_display().lower()}",
                }
            )
        suggestion_by_name = {s.name: s for s in rows["suggestions"]}
        candidates = services.suggestion_candidates(suggestions=rows["suggestions"])
        for s in rows["suggestions"]:
            s.state = _state(s.status)
            s.link_form = LinkForm(prefix=f"s{s.pk}", admin_site=self.admin_site)
            s.candidates = candidates.get(s.pk, [])

        # Actor mentions come from running the pipeline now (pure, fast): they show exactly
        # which names the extractor links to which actor, so an editor can refuse a link.
        mentions, mention_error = [], ""
        try:
            proposal = services.article_propose(article=article)
        except Exception as exc:
            logger.exception("extraction failed for article %s", article.pk)
            proposal, mention_error = None, str(exc)
        for a in proposal.actors if proposal else []:
            suggestion = suggestion_by_name.get(a.name) or by_actor.get(
                int(a.actor_id) if a.actor_id is not None else None
            )
            if suggestion is not None:
                target, kind, state = f"suggestion-{suggestion.pk}", "new-actor", suggestion.state
            elif a.actor_id is not None:
                target, kind, state = f"actor-{a.actor_id}", "actor", "is-accepted"
                mentions.append(a)
            else:
                continue
            for start, end in a.spans:
                spans.append(
                    {
                        "start": start,
                        "end": end,
                        "kind": kind,
                        "target": target,
                        "state": state,
                        "label": a.name + (f", {a.title}" if a.title else ""),
                    }
                )
        counts = {
            "meetings": len(rows["meetings"]),
            "statements": len(rows["statements"]),
            "suggestions": len(rows["suggestions"]),
            "pending": sum(
                1
                for row in [*rows["meetings"], *rows["statements"], *rows["suggestions"]]
                if row.state == "is-draft"
            ),
            "confident": sum(
                1
                for row in [*rows["meetings"], *rows["statements"], *rows["suggestions"]]
                if row.state == "is-draft" and (row.confidence or 0) >= services.CONFIDENT
            ),
        }
        return {
            "review": rows,
            "review_counts": counts,
            "highlighted_body": highlight(article.body, spans),
            "mentions": mentions,
            "mention_error": mention_error,
            "extraction_notes": proposal.notes if proposal else [],
            "confident_threshold": services.CONFIDENT,
            "link_form": LinkForm(admin_site=self.admin_site),
            "review_url": reverse("admin:meetings_article_review", args=[article.pk]),
            "review_source": [
                part
                for part in (
                    article.outlet,
                    article.dateline,
                    article.published_on and date_format(article.published_on, "j F Y"),
                )
                if part
            ],
            "kind_choices": Actor.Kind.choices,
        }

    def review_view(self, request, object_id):
        """One POST endpoint for every button of the review panel."""
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404("No such article.")
        if request.method != "POST":
            return redirect(self._review_url(article))
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        action = request.POST.get("action", "")
        verb, _, pk = action.partition(":")
        try:
            message, anchor = self._review_action(request, article, verb, pk)
        except (ValidationError, ValueError, ObjectDoesNotExist) as exc:
            text = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            self.message_user(request, f"Nothing changed: {text}", messages.ERROR)
            return redirect(self._review_url(article))
        self.message_user(request, message, messages.SUCCESS)
        return redirect(self._review_url(article, anchor))

    def _review_action(self, request, article, verb, pk):
        meetings = Meeting.objects.filter(evidence__article=article).distinct()
        if verb == "rerun":
            return f"Extraction: {services.article_extract(article=article)}.", "review"
        if verb == "accept-confident":
            done = services.article_accept_confident(article=article)
            return (
                f"Accepted {done['meetings']} meeting(s), {done['statements']} statement(s) "
                f"and {done['actors']} new actor(s) with confidence ≥ {services.CONFIDENT}.",
                "review",
            )
        if verb == "publish":
            services.article_publish(article=article)
            pending = (
                Evidence.objects.filter(
                    article=article, meeting__editorial_status=EditorialStatus.DRAFT
                ).count()
                + article.statements.filter(editorial_status=EditorialStatus.DRAFT).count()
            )
            note = f" {pending} draft row(s) stay private until accepted." if pending else ""
            return f"Article published with its accepted rows.{note}", "review"
        if verb == "unpublish":
            services.article_unpublish(article=article)
            return "Article returned to draft; its rows left the public site.", "review"
        if verb.startswith("meeting-"):
            meeting = meetings.get(pk=int(pk))
            if verb == "meeting-accept":
                services.meeting_accept(meeting=meeting, article=article)
            else:
                status = {"meeting-reject": EditorialStatus.REJECTED}.get(verb, "draft")
                services.meeting_set_status(meeting=meeting, editorial_status=status)
            return f"Meeting “{meeting.title}”: {meeting.editorial_status}.", f"meeting-{pk}"
        if verb.startswith("statement-"):
            statement = article.statements.select_related("speaker", "via", "article").get(
                pk=int(pk)
            )
            if verb == "statement-accept":
                services.statement_accept(statement=statement)
            else:
                status = {"statement-reject": EditorialStatus.REJECTED}.get(verb, "draft")
                services.statement_set_status(statement=statement, editorial_status=status)
            return f"Statement by {statement.speaker}: {statement.editorial_status}.", (
                f"statement-{pk}"
            )
        if verb.startswith("suggestion-"):
            suggestion = article.suggestions.select_related("actor").get(pk=int(pk))
            anchor = f"suggestion-{pk}"
            if verb == "suggestion-accept":
                post = request.POST
                actor = services.suggestion_accept(
                    suggestion=suggestion,
                    name=post.get("name") or None,
                    kind=post.get("kind") or None,
                    country=(post.get("country") or "").strip().upper() or None,
                    title=post.get("title"),
                )
                return f"{actor.name} is now a known actor.", anchor
            if verb == "suggestion-link":
                form = LinkForm(request.POST, prefix=f"s{pk}", admin_site=self.admin_site)
                if not form.is_valid():
                    raise ValueError("choose the actor this name refers to.")
                actor = services.suggestion_link(
                    suggestion=suggestion, actor=form.cleaned_data["actor"]
                )
                return f"“{suggestion.name}” is now a name of {actor.name}.", anchor
            if verb == "suggestion-reject":
                services.suggestion_reject(suggestion=suggestion)
                return f"“{suggestion.name}” rejected; it will not be suggested again here.", (
                    anchor
                )
        if verb == "link-reject":
            pk, _, surface = pk.partition(":")
            actor = Actor.objects.get(pk=int(pk))
            surface = surface.strip()
            if not surface:
                raise ValueError("no name given.")
            services.link_reject(article=article, actor=actor, surface=surface)
            return (
                f"“{surface}” will no longer be linked to {actor.name}; extraction re-run.",
                "review",
            )
        raise ValueError(f"unknown action {verb!r}.")

    # List actions ----------------------------------------------------------------------

    @admin.action(description="Publish selected articles", permissions=["change"])
    def publish(self, request, queryset):
        for article in queryset:
            services.article_publish(article=article)
        self.message_user(request, f"{len(queryset)} article(s) published.", messages.SUCCESS)

    @admin.action(description="Return selected articles to draft", permissions=["change"])
    def unpublish(self, request, queryset):
        for article in queryset:
            services.article_unpublish(article=article)
        self.message_user(request, f"{len(queryset)} article(s) returned to draft.")

    @admin.action(description="Re-run extraction on selected articles", permissions=["change"])
    def rerun_extraction(self, request, queryset):
        for article in queryset:
            services.article_extract(article=article)
        self.message_user(request, f"Extraction re-run on {len(queryset)} article(s).")


@admin.register(ActorSuggestion)
class ActorSuggestionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "title", "status", "confidence", "article"]
    list_filter = ["status", "kind", ("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country", "article"]
    search_fields = ["name", "title", "article__title"]
    autocomplete_fields = ["article", "country", "actor"]
    # Decisions go through the actions (or the article's review page), which create the
    # actor, its aliases and position; editing the status here would skip that.
    readonly_fields = ["status", "confidence", "rule"]
    actions = ["accept", "reject"]

    @admin.action(description="Accept selected suggestions as new actors", permissions=["change"])
    def accept(self, request, queryset):
        pending = queryset.filter(status=ActorSuggestion.Status.PENDING).select_related("actor")
        for suggestion in pending:
            services.suggestion_accept(suggestion=suggestion)
        self.message_user(request, f"{len(pending)} actor(s) accepted.", messages.SUCCESS)

    @admin.action(description="Reject selected suggestions", permissions=["change"])
    def reject(self, request, queryset):
        pending = queryset.filter(status=ActorSuggestion.Status.PENDING).select_related("actor")
        for suggestion in pending:
            services.suggestion_reject(suggestion=suggestion)
        self.message_user(request, f"{len(pending)} suggestion(s) rejected.")


@admin.register(RejectedLink)
class RejectedLinkAdmin(admin.ModelAdmin):
    list_display = ["normalized", "actor", "created_at"]
    list_select_related = ["actor"]
    search_fields = ["normalized", "actor__name"]
    autocomplete_fields = ["actor"]
