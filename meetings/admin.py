"""The editors' workplace: every model, searchable and filterable, with review actions."""

from django.contrib import admin, messages
from django.db.models import Count

from meetings import services
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
)

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
    list_filter = ["kind", "editorial_status", "country"]
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


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["title", "actor", "country", "start_date", "end_date"]
    list_filter = ["country"]
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


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
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
    list_filter = ["editorial_status", "is_public", "kind", "status", "country"]
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
    list_filter = ["role", "country"]
    list_select_related = ["actor", "meeting", "country"]
    search_fields = ["actor__name", "meeting__title"]
    autocomplete_fields = ["actor", "meeting"]
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.participations_sync(meeting=obj.meeting)


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
class StatementAdmin(admin.ModelAdmin):
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
        for statement in queryset:
            services.statement_set_status(statement=statement, editorial_status=status)
        self.message_user(request, f"{len(queryset)} statement(s) {label}.", messages.SUCCESS)

    @admin.action(description="Publish selected statements", permissions=["change"])
    def publish(self, request, queryset):
        self._status(request, queryset, PUBLISHED, "published")

    @admin.action(description="Reject selected statements (kept, hidden)", permissions=["change"])
    def reject(self, request, queryset):
        self._status(request, queryset, EditorialStatus.REJECTED, "rejected")


class ArticleMeetingInline(ExistingRowsInline):
    model = Evidence
    verbose_name = "meeting supported by this article"
    verbose_name_plural = "meetings supported by this article"
    fields = ["meeting", "start", "end"]
    readonly_fields = ["meeting"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("meeting", "article")


class ArticleStatementInline(ExistingRowsInline):
    model = Statement
    fk_name = "article"
    fields = ["speaker", "text", "kind", "meeting", "editorial_status"]
    readonly_fields = ["speaker", "text", "kind", "meeting"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "meeting")


class SuggestionInline(ExistingRowsInline):
    model = ActorSuggestion
    fields = ["name", "kind", "country", "title", "status", "actor"]
    readonly_fields = ["name", "country", "actor"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "country", "actor")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published_on", "editorial_status", "n_meetings"]
    list_filter = ["editorial_status", "outlet", "language"]
    search_fields = ["title", "outlet", "url", "body"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["content_hash", "extracted_at", "created_at", "updated_at"]
    inlines = [ArticleMeetingInline, ArticleStatementInline, SuggestionInline]
    actions = ["publish", "unpublish"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_n_meetings=Count("evidence"))

    @admin.display(description="Meetings", ordering="_n_meetings")
    def n_meetings(self, obj):
        return obj._n_meetings

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "editorial_status" in form.changed_data:
            services.visibility_refresh(article_ids=[obj.pk])

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


@admin.register(ActorSuggestion)
class ActorSuggestionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "title", "status", "article"]
    list_filter = ["status", "kind", "country"]
    list_select_related = ["country", "article"]
    search_fields = ["name", "title", "article__title"]
    autocomplete_fields = ["article", "country", "actor"]


@admin.register(RejectedLink)
class RejectedLinkAdmin(admin.ModelAdmin):
    list_display = ["normalized", "actor", "created_at"]
    list_select_related = ["actor"]
    search_fields = ["normalized", "actor__name"]
    autocomplete_fields = ["actor"]
