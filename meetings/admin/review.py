"""The article review: an article's change page shows its text with the proposed spans
highlighted, and a card per proposed meeting, statement and new actor to accept, edit or
reject (see services/extraction.py and services/review.py for what each decision does)."""

import logging

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.formats import date_format

from meetings import services, tasks
from meetings.admin.forms import ArticleForm, LinkForm
from meetings.admin.panel import (
    _state,
    article_review_rows,
    names_taken_message,
    suggestion_candidates,
)
from meetings.models import (
    Actor,
    ActorSuggestion,
    Article,
    EditorialStatus,
    Evidence,
    ExtractionState,
    Meeting,
    Statement,
)
from meetings.site.highlight import highlight

logger = logging.getLogger(__name__)

PUBLISHED = EditorialStatus.PUBLISHED


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
        "extraction",
        "extracted_at",
    ]
    list_filter = [ReviewListFilter, "extraction_state", "editorial_status", "outlet", "language"]
    search_fields = ["title", "outlet", "url"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["content_hash", "extracted_at", "created_at", "updated_at"]
    actions = ["publish", "unpublish", "rerun_extraction", "retry_failed_extraction"]

    def get_fieldsets(self, request, obj=None):
        source = ["outlet", "url", "dateline", "published_on", "language"]
        if obj is None:
            return [
                (None, {"fields": ["title", "body", "upload", "fetch_url"]}),
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
        if not tasks.in_process():  # workers extract it; the review card fills in then
            transaction.on_commit(
                lambda: tasks.extraction_enqueue(article_ids=[article.pk], again=True)
            )
            self.message_user(
                request, "Extraction queued: its proposals appear here once a worker ran it."
            )
            return
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
        rows = article_review_rows(article=article)
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
        candidates = suggestion_candidates(suggestions=rows["suggestions"])
        for s in rows["suggestions"]:
            s.state = _state(s.status)
            s.link_form = LinkForm(prefix=f"s{s.pk}", admin_site=self.admin_site)
            s.candidates = candidates.get(s.pk, [])

        # Actor mentions come from running the pipeline now (pure, fast): they show exactly
        # which names the extractor links to which actor, so an editor can refuse a link.
        mentions, mention_error = [], ""
        try:
            proposal = services.extraction.article_propose(article=article)
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
            done = services.article_accept_confident(article=article, by=request.user)
            return (
                f"Accepted {done['meetings']} meeting(s), {done['statements']} statement(s) "
                f"and {done['actors']} new actor(s) with confidence ≥ {services.CONFIDENT}.",
                "review",
            )
        if verb == "publish":
            services.article_publish(article=article, by=request.user)
            pending = (
                Evidence.objects.filter(
                    article=article, meeting__editorial_status=EditorialStatus.DRAFT
                ).count()
                + article.statements.filter(editorial_status=EditorialStatus.DRAFT).count()
            )
            note = f" {pending} draft row(s) stay private until accepted." if pending else ""
            return f"Article published with its accepted rows.{note}", "review"
        if verb == "unpublish":
            services.article_unpublish(article=article, by=request.user)
            return "Article returned to draft; its rows left the public site.", "review"
        if verb.startswith("meeting-"):
            meeting = meetings.get(pk=int(pk))
            if verb == "meeting-accept":
                services.meeting_accept(meeting=meeting, article=article, by=request.user)
            elif verb == "meeting-same":
                into = services.meeting_accept_same(
                    meeting=meeting, article=article, by=request.user
                )
                return (
                    f"Accepted as the same meeting as “{into.title}”: this article is one "
                    f"of its sources.",
                    f"meeting-{into.pk}",
                )
            else:
                status = {"meeting-reject": EditorialStatus.REJECTED}.get(verb, "draft")
                services.meeting_set_status(
                    meeting=meeting, editorial_status=status, by=request.user
                )
            return f"Meeting “{meeting.title}”: {meeting.editorial_status}.", f"meeting-{pk}"
        if verb.startswith("statement-"):
            statement = article.statements.select_related("speaker", "via", "article").get(
                pk=int(pk)
            )
            if verb == "statement-accept":
                services.statement_accept(statement=statement, by=request.user)
            else:
                status = {"statement-reject": EditorialStatus.REJECTED}.get(verb, "draft")
                services.statement_set_status(
                    statement=statement, editorial_status=status, by=request.user
                )
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
                    by=request.user,
                )
                self._names_taken_warn(request, suggestion, actor, linked=False)
                return f"{actor.name} is now a known actor.", anchor
            if verb == "suggestion-link":
                form = LinkForm(request.POST, prefix=f"s{pk}", admin_site=self.admin_site)
                if not form.is_valid():
                    raise ValueError("choose the actor this name refers to.")
                actor = services.suggestion_link(
                    suggestion=suggestion, actor=form.cleaned_data["actor"], by=request.user
                )
                taken = self._names_taken_warn(request, suggestion, actor, linked=True)
                if suggestion.name in taken:
                    return f"“{suggestion.name}” here is {actor.name}.", anchor
                return f"“{suggestion.name}” is now a name of {actor.name}.", anchor
            if verb == "suggestion-reject":
                services.suggestion_reject(suggestion=suggestion, by=request.user)
                return f"“{suggestion.name}” rejected; it will not be suggested again here.", (
                    anchor
                )
        if verb == "link-reject":
            pk, _, surface = pk.partition(":")
            actor = Actor.objects.get(pk=int(pk))
            surface = surface.strip()
            if not surface:
                raise ValueError("no name given.")
            services.link_reject(article=article, actor=actor, surface=surface, by=request.user)
            return (
                f"“{surface}” will no longer be linked to {actor.name}; extraction re-run.",
                "review",
            )
        raise ValueError(f"unknown action {verb!r}.")

    def _names_taken_warn(self, request, suggestion, actor, *, linked: bool) -> dict:
        """Say which names the text used were not added to ``actor``: another actor goes
        by them (they stay listed on the suggestion; an editor may add them by hand)."""
        suggestion.refresh_from_db()
        taken = services.suggestion_names_taken(suggestion=suggestion, linked=linked)
        if not taken:
            return taken
        self.message_user(request, names_taken_message(actor, taken), messages.WARNING)
        return taken

    # List actions ----------------------------------------------------------------------

    @admin.action(description="Publish selected articles", permissions=["change"])
    def publish(self, request, queryset):
        for article in queryset:
            services.article_publish(article=article, by=request.user)
        self.message_user(request, f"{len(queryset)} article(s) published.", messages.SUCCESS)

    @admin.action(description="Return selected articles to draft", permissions=["change"])
    def unpublish(self, request, queryset):
        for article in queryset:
            services.article_unpublish(article=article, by=request.user)
        self.message_user(request, f"{len(queryset)} article(s) returned to draft.")

    @admin.display(description="Extraction", ordering="extraction_state")
    def extraction(self, obj):
        if obj.extraction_state or obj.extracted_at is None:
            label = obj.get_extraction_state_display()
        else:
            label = ExtractionState.DONE.label  # extracted before the queue
        if obj.extraction_state == ExtractionState.FAILED and obj.extraction_error:
            return f"{label}: {obj.extraction_error[:120]}"
        return label

    @admin.action(description="Re-run extraction on selected articles", permissions=["change"])
    def rerun_extraction(self, request, queryset):
        n = tasks.extraction_enqueue(article_ids=[a.pk for a in queryset], again=True)
        if tasks.in_process():
            self.message_user(request, f"Extraction re-run on {n} article(s).")
        else:
            self.message_user(request, f"Extraction queued again for {n} article(s).")

    @admin.action(
        description="Retry failed extractions of selected articles", permissions=["change"]
    )
    def retry_failed_extraction(self, request, queryset):
        failed = queryset.filter(extraction_state=ExtractionState.FAILED)
        ids = list(failed.values_list("pk", flat=True))
        n = tasks.extraction_enqueue(article_ids=ids)
        if not n:
            self.message_user(request, "None of the selected articles' extraction had failed.")
            return
        if tasks.in_process():
            still = Article.objects.filter(
                pk__in=ids, extraction_state=ExtractionState.FAILED
            ).count()
            level = messages.WARNING if still else messages.SUCCESS
            self.message_user(
                request,
                f"Extraction retried on {n}: {n - still} done, {still} failed again.",
                level,
            )
        else:
            self.message_user(request, f"Extraction of {n} failed article(s) queued again.")
