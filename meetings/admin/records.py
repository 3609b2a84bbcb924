"""The routine ModelAdmins: every model, searchable and filterable, with review actions."""

import datetime as dt
import logging

from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

from meetings import services
from meetings.admin.duplicates import ActorMergeMixin, MeetingMergeMixin
from meetings.admin.forms import StatementForm
from meetings.admin.panel import names_taken_message
from meetings.models import (
    Actor,
    ActorSuggestion,
    Alias,
    Country,
    EditorialStatus,
    Evidence,
    Meeting,
    MeetingFact,
    Participation,
    Position,
    RejectedLink,
    Statement,
)

logger = logging.getLogger(__name__)


PUBLISHED, REJECTED, DRAFT = (
    EditorialStatus.PUBLISHED,
    EditorialStatus.REJECTED,
    EditorialStatus.DRAFT,
)


def status_action(status: str, done: str, description: str):
    """A list action that sets each selected row's status through the ModelAdmin's
    ``set_status`` (a service call) and says how many rows it changed."""

    @admin.action(description=description, permissions=["change"])
    def action(modeladmin, request, queryset):
        for row in modeladmin.status_rows(queryset):
            modeladmin.set_status(row, status, by=request.user)
        noun = modeladmin.model._meta.verbose_name
        modeladmin.message_user(request, f"{len(queryset)} {noun}(s) {done}.", messages.SUCCESS)

    return action


class StatusActionsMixin:
    """What ``status_action`` needs: the rows to change, and how to change one, through
    ``status_services``: (keyword, accept service, set-status service)."""

    status_services: tuple

    def status_rows(self, queryset):
        return queryset

    def set_status(self, row, status: str, *, by) -> None:
        keyword, accept, set_status = self.status_services
        if status == PUBLISHED:
            accept(**{keyword: row}, by=by)
        else:
            set_status(**{keyword: row}, editorial_status=status, by=by)


def _shown(row, name: str) -> str:
    """A field's value as a reader would read it in "Corrections and changes"."""
    field = row._meta.get_field(name)
    value = getattr(row, name)
    if value is None or value == "":
        return "none"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, dt.date):
        return date_format(value, "j F Y")
    text = str(value)
    return text if len(text) <= 80 else text[:79] + "…"


class CorrectionsMixin:
    """A change saved here to a row readers can see is a correction: each changed field is
    logged through ``services.decision_log``, before → after, as a change after
    publication (the row's public "Corrections and changes"), instead of Django's "Changed
    …" entry. Changes to rows readers cannot see keep Django's entry."""

    def save_model(self, request, obj, form, change):
        stored = type(obj).objects.filter(pk=obj.pk, is_public=True).first() if change else None
        obj._corrections = []
        for name in form.changed_data if stored is not None else []:
            try:
                field = obj._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.concrete and not field.many_to_many:
                label = str(field.verbose_name)
                obj._corrections.append(
                    (label[:1].upper() + label[1:], _shown(stored, name), _shown(obj, name))
                )
        super().save_model(request, obj, form, change)

    def log_change(self, request, obj, message):
        corrections = getattr(obj, "_corrections", [])
        if not corrections:
            return super().log_change(request, obj, message)
        entries = [
            services.decision_log(
                user=request.user,
                obj=obj,
                action=f"{label} corrected",
                before=before,
                after=after,
                public=True,
            )
            for label, before, after in corrections
        ]
        # Changed in the form but read the same (a date typed anew): Django's entry.
        return next(filter(None, reversed(entries)), None) or super().log_change(
            request, obj, message
        )


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
class ActorAdmin(ActorMergeMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "country", "wikidata_id", "editorial_status"]
    list_filter = ["kind", "editorial_status", ("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country"]
    search_fields = ["name", "aliases__text", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]
    inlines = [AliasInline, PositionInline, PositionAddInline]
    readonly_fields = ["created_at", "updated_at"]
    actions = ["merge_selected"]


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
class MeetingAdmin(
    CorrectionsMixin, StatusActionsMixin, BackToReviewMixin, MeetingMergeMixin, admin.ModelAdmin
):
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
    readonly_fields = [
        "is_public",
        "confidence",
        "rule",
        "created_at",
        "updated_at",
        "sources_say",
    ]
    actions = ["publish", "reject", "return_to_draft", "merge_selected"]

    @admin.display(description="What each source says")
    def sources_say(self, obj):
        """Each source's date, venue, kind and status; where they disagree, the editor picks
        the value shown ("Show this value", a button of this form posting elsewhere)."""
        from meetings.services.fusion import meeting_shown_value

        if obj is None or obj.pk is None:
            return "—"
        facts = list(
            obj.facts.select_related("article")
            .defer("article__body")
            .order_by("field", "value", "article_id")
        )
        if not facts:
            return "—"
        rows = []
        for fact in facts:
            if meeting_shown_value(obj, fact.field) == fact.value:
                pick = "shown"
            else:
                url = reverse("admin:meetings_meeting_fact_show", args=[obj.pk, fact.pk])
                pick = format_html(
                    '<button type="submit" class="button" formaction="{}" formnovalidate>'
                    "Show this value</button>",
                    url,
                )
            rows.append(
                (
                    fact.get_field_display(),
                    fact.label,
                    fact.article.outlet or fact.article.title,
                    pick,
                )  # fmt: skip
            )
        body = format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows)
        return format_html(
            '<table class="sources-say"><thead><tr><th>Fact</th><th>Value</th><th>Source</th>'
            "<th></th></tr></thead><tbody>{}</tbody></table>",
            body,
        )

    publish = status_action(PUBLISHED, "published", "Publish selected meetings")
    reject = status_action(REJECTED, "rejected", "Reject selected meetings (kept, hidden)")
    return_to_draft = status_action(DRAFT, "returned to draft", "Return selected meetings to draft")

    # Publishing accepts the meeting with its suggested participants.
    status_services = ("meeting", services.meeting_accept, services.meeting_set_status)

    def get_urls(self):
        show = self.admin_site.admin_view(self.fact_show_view)
        return [
            path(
                "<int:meeting_id>/facts/<int:fact_id>/show/",
                show,
                name="meetings_meeting_fact_show",
            ),
            *super().get_urls(),
        ]

    def fact_show_view(self, request, meeting_id: int, fact_id: int):
        """The editor's pick where sources disagree: the meeting shows this source's value."""
        fact = get_object_or_404(
            MeetingFact.objects.select_related("article"), pk=fact_id, meeting_id=meeting_id
        )
        change = reverse("admin:meetings_meeting_change", args=[meeting_id])
        if request.method != "POST":
            return redirect(change)
        if not self.has_change_permission(request, fact.meeting):
            raise PermissionDenied
        meeting = services.meeting_fact_choose(fact=fact, by=request.user)
        self.message_user(
            request,
            f"“{meeting.title}” now shows the {fact.get_field_display().lower()} "
            f"“{fact.label}” ({fact.article.outlet or fact.article.title}).",
            messages.SUCCESS,
        )
        return redirect(change)


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["actor", "meeting", "role", "date", "country"]
    list_filter = ["role", ("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["actor", "meeting", "country"]
    search_fields = ["actor__name", "meeting__title"]
    autocomplete_fields = ["actor", "meeting"]
    date_hierarchy = "date"


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["meeting", "article", "start", "end"]
    list_select_related = ["meeting", "article"]
    search_fields = ["meeting__title", "article__title"]
    autocomplete_fields = ["meeting", "article"]


@admin.register(Statement)
class StatementAdmin(CorrectionsMixin, StatusActionsMixin, BackToReviewMixin, admin.ModelAdmin):
    form = StatementForm
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

    publish = status_action(PUBLISHED, "published", "Publish selected statements")
    reject = status_action(REJECTED, "rejected", "Reject selected statements (kept, hidden)")

    def status_rows(self, queryset):
        return queryset.select_related("article")

    # Publishing accepts the statement with its suggested speaker (and relay).
    status_services = ("statement", services.statement_accept, services.statement_set_status)


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
            actor = services.suggestion_accept(suggestion=suggestion, by=request.user)
            taken = services.suggestion_names_taken(suggestion=suggestion, linked=False)
            if taken:
                self.message_user(request, names_taken_message(actor, taken), messages.WARNING)
        self.message_user(request, f"{len(pending)} actor(s) accepted.", messages.SUCCESS)

    @admin.action(description="Reject selected suggestions", permissions=["change"])
    def reject(self, request, queryset):
        pending = queryset.filter(status=ActorSuggestion.Status.PENDING).select_related("actor")
        for suggestion in pending:
            services.suggestion_reject(suggestion=suggestion, by=request.user)
        self.message_user(request, f"{len(pending)} suggestion(s) rejected.")


@admin.register(RejectedLink)
class RejectedLinkAdmin(admin.ModelAdmin):
    list_display = ["normalized", "actor", "created_at"]
    list_select_related = ["actor"]
    search_fields = ["normalized", "actor__name"]
    autocomplete_fields = ["actor"]
