"""Duplicates in the editors' workplace: the possible duplicate actors and meetings (one page
per model, linked from its change list), merged with one click or marked as distinct, and
the change lists' "Merge selected into …" action with its confirmation page. Merges are the
services of meetings/services/merging.py."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme

from meetings import services
from meetings.models import (
    Actor,
    Alias,
    DistinctActors,
    DistinctMeetings,
    EditorialStatus,
    Evidence,
    Meeting,
    Participation,
    Statement,
)

REJECTED = EditorialStatus.REJECTED
PAGE = 50  # pairs shown at once
MERGE_AT_MOST = 20  # records merged by one action ("select all 30,000" is a slip)
WINDOW = dt.timedelta(days=60)  # meetings compared at once, by start date
VISIT_DAYS = 14  # how long before a meeting a visit covering it may have started
ONE_DAY = dt.timedelta(days=1)


@dataclass
class Pair:
    """Two records that may be one: ``first`` is the one proposed to keep."""

    first: object
    second: object
    reason: str


def _count(model, field: str):
    """SQL: how many ``model`` rows point at the outer row through ``field``."""
    rows = model.objects.filter(**{field: OuterRef("pk")}).order_by().values(field)
    return Coalesce(
        Subquery(rows.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0
    )


def _keep_order(row) -> tuple:
    """The one to keep by default comes first: published, then with more records (its
    ``weight``), then the older."""
    return (row.editorial_status != EditorialStatus.PUBLISHED, -row.weight, row.pk)


def _kept_first(a, b):
    return (a, b) if _keep_order(a) <= _keep_order(b) else (b, a)


# --- actors --------------------------------------------------------------------------------


def actor_duplicates(*, limit: int = PAGE) -> list[Pair]:
    """Actors that may be one: the same normalised name, or a name of one is a name of the
    other (its alias), unless an editor said they are distinct; rejected actors are left
    out. In four queries, whatever the number of actors."""
    name_key = Alias.objects.filter(
        actor=OuterRef("pk"), is_role=False, text=OuterRef("name")
    ).values("normalized")[:1]
    distinct = DistinctActors.objects.filter(
        Q(first=OuterRef(OuterRef("pk")), second=OuterRef("actor_id"))
        | Q(second=OuterRef(OuterRef("pk")), first=OuterRef("actor_id"))
    )
    twins = (
        Alias.objects.filter(is_role=False, normalized=OuterRef("key"))
        .exclude(actor=OuterRef("pk"))
        .exclude(actor__editorial_status=REJECTED)
        .exclude(Exists(distinct))
    )
    named = list(
        Actor.objects.exclude(editorial_status=REJECTED)
        .annotate(key=Subquery(name_key))
        .filter(Exists(twins))
        .order_by("name", "pk")
        .values_list("pk", "key")[: limit * 2]
    )
    keys = {key for _, key in named}
    names = list(
        Alias.objects.filter(is_role=False, normalized__in=keys)
        .exclude(actor__editorial_status=REJECTED)
        .values_list("actor_id", "normalized", "text")
    )
    ids = {actor_id for actor_id, _, _ in names}
    said_distinct = {
        frozenset(pair)
        for pair in DistinctActors.objects.filter(first__in=ids, second__in=ids).values_list(
            "first_id", "second_id"
        )
    }
    actors = Actor.objects.filter(pk__in=ids).select_related("country")
    actors = actors.annotate(
        n_meetings=_count(Participation, "actor"), n_statements=_count(Statement, "speaker")
    )
    by_pk = {actor.pk: actor for actor in actors}
    for actor in by_pk.values():
        actor.weight = actor.n_meetings + actor.n_statements
    by_key = defaultdict(list)
    for actor_id, key, text in names:
        by_key[key].append((actor_id, text))
    pairs, seen = [], set()
    for pk, key in named:
        actor = by_pk.get(pk)
        for twin_id, text in by_key[key]:
            pair = frozenset((pk, twin_id))
            if twin_id == pk or pair in seen or pair in said_distinct or twin_id not in by_pk:
                continue
            seen.add(pair)
            twin = by_pk[twin_id]
            if (twin_id, twin.name) in by_key[key]:
                reason = "the same name"
            else:
                reason = f"“{text}”, a name of {twin}, is {actor}’s name"
            if twin.kind != actor.kind:  # a merge asks for one kind first
                reason += (
                    f" ({actor.get_kind_display().lower()} and {twin.get_kind_display().lower()})"
                )
            pairs.append(Pair(*_kept_first(actor, twin), reason))
    return pairs[:limit]


# --- meetings ------------------------------------------------------------------------------


def _dates_match(a: Meeting, b: Meeting) -> bool:
    """Within a day of each other, or one inside the other's range (a visit), both dated to
    the day; dated to the month only, the same month."""
    if a.start_date is None or b.start_date is None:
        return False
    day = Meeting.Precision.DAY
    if a.date_precision != day or b.date_precision != day:
        return (a.start_date.year, a.start_date.month) == (b.start_date.year, b.start_date.month)
    return (
        a.start_date <= (b.end_date or b.start_date) + ONE_DAY
        and b.start_date <= (a.end_date or a.start_date) + ONE_DAY
    )


def meeting_window_end() -> dt.date:
    """The newest start date of a meeting that is not rejected (today when there is none)."""
    newest = Meeting.objects.exclude(editorial_status=REJECTED).aggregate(d=Max("start_date"))
    return newest["d"] or dt.date.today()


def meeting_duplicates(*, until: dt.date, limit: int = PAGE) -> list[Pair]:
    """Meetings starting in the WINDOW before ``until`` that may be one encounter, newest
    first: the rule by which proposals are matched to recorded meetings (at least two
    participants in common, all of them when one meeting has fewer; dates within a day or
    inside a visit's range; a summit only with a summit), unless an editor said they are
    distinct; rejected meetings are left out. In four queries, whatever the number of
    meetings: the participation copies of the window (actor, meeting, date), paired here."""
    first_day = until - WINDOW
    rows = (
        Participation.objects.filter(
            date__gte=first_day - dt.timedelta(days=VISIT_DAYS), date__lte=until
        )
        .exclude(meeting__editorial_status=REJECTED)
        .order_by()
        .values_list("meeting_id", "actor_id", "date")
    )
    members: dict[int, set[int]] = defaultdict(set)
    by_actor: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    for meeting_id, actor_id, day in rows:
        members[meeting_id].add(actor_id)
        by_actor[actor_id].append((day, meeting_id))
    shared: Counter = Counter()
    span = dt.timedelta(days=VISIT_DAYS)
    for dated in by_actor.values():
        dated.sort()
        for i, (day, meeting_id) in enumerate(dated):
            for later, other_id in dated[i + 1 :]:
                if later - day > span:
                    break
                if other_id != meeting_id:
                    shared[frozenset((meeting_id, other_id))] += 1
    candidates = [
        pair for pair, n in shared.items() if n >= min(2, *(len(members[m]) for m in pair))
    ]
    ids = {m for pair in candidates for m in pair}
    said_distinct = {
        frozenset(pair)
        for pair in DistinctMeetings.objects.filter(first__in=ids, second__in=ids).values_list(
            "first_id", "second_id"
        )
    }
    meetings = {
        m.pk: m
        for m in Meeting.objects.filter(pk__in=ids)
        .select_related("country")
        .annotate(n_sources=Count("evidence__article", distinct=True))
    }
    summit = Meeting.Kind.SUMMIT
    pairs = []
    for pair in candidates:
        a, b = (meetings[m] for m in sorted(pair))
        if (
            pair not in said_distinct
            and _dates_match(a, b)
            and (a.kind == summit) == (b.kind == summit)
            and first_day <= max(a.start_date, b.start_date)
        ):
            a.weight, b.weight = a.n_sources, b.n_sources
            n = shared[pair]
            pairs.append(Pair(*_kept_first(a, b), f"{n} participants in common"))
    pairs.sort(
        key=lambda p: (max(p.first.start_date, p.second.start_date), p.first.pk), reverse=True
    )
    pairs = pairs[:limit]
    shown = [m for p in pairs for m in (p.first, p.second)]
    prefetch_related_objects(shown, "participations__actor")
    return pairs


# --- the admin -----------------------------------------------------------------------------


class WindowForm(forms.Form):
    until = forms.DateField(
        required=False,
        label="Meetings starting up to",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class MergeAdminMixin:
    """For ActorAdmin and MeetingAdmin: the "Merge selected into …" action, the page of
    possible duplicates and its one-click merge (``merge_service``: the merging service)."""

    merge_service = None
    merge_noun = ""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "duplicates/",
                self.admin_site.admin_view(self.duplicates_view),
                name="{}_{}_duplicates".format(*info),
            ),
            path(
                "duplicates/decide/",
                self.admin_site.admin_view(self.duplicates_decide),
                name="{}_{}_duplicates_decide".format(*info),
            ),
            *super().get_urls(),
        ]

    def _duplicates_url(self) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_duplicates")

    def _merge(self, request, *, keep, others) -> bool:
        """Merge ``others`` into ``keep`` (all or none); say what happened. A merge deletes
        the others: it needs the right to delete them, not only to change."""
        refused = [other for other in others if not self.has_delete_permission(request, other)]
        if refused:
            names = ", ".join(f"“{other}”" for other in refused)
            self.message_user(
                request,
                f"Nothing merged: merging deletes {names}, and you may not delete "
                f"{self.opts.verbose_name_plural}. Ask an administrator to merge them or to "
                "give you that right.",
                messages.ERROR,
            )
            return False
        try:
            with transaction.atomic():
                done = [self.merge_service(keep=keep, other=o, by=request.user) for o in others]
        except ValidationError as error:
            self.message_user(
                request, "Nothing merged: " + "; ".join(error.messages), messages.ERROR
            )
            return False
        for summary in done:
            self.message_user(request, f"{summary}.", messages.SUCCESS)
        return True

    # The action --------------------------------------------------------------------------

    @admin.action(
        description="Merge selected %(verbose_name_plural)s into one…", permissions=["change"]
    )
    def merge_selected(self, request, queryset):
        if queryset.count() > MERGE_AT_MOST:
            self.message_user(
                request,
                f"Nothing merged: select at most {MERGE_AT_MOST} {self.opts.verbose_name_plural} "
                "(records of one person or one meeting) at a time.",
                messages.ERROR,
            )
            return None
        rows = list(self.merge_rows(queryset))
        if len(rows) < 2:
            self.message_user(
                request,
                f"Select two or more {self.opts.verbose_name_plural} to merge.",
                messages.WARNING,
            )
            return None
        if request.POST.get("post") == "yes":
            keep = next((r for r in rows if str(r.pk) == request.POST.get("keep", "")), None)
            if keep is None:
                self.message_user(request, f"Choose the {self.merge_noun} to keep.", messages.ERROR)
            else:
                self._merge(request, keep=keep, others=[r for r in rows if r.pk != keep.pk])
                return None
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {len(rows)} {self.opts.verbose_name_plural} into one",
            "opts": self.opts,
            "rows": rows,
            "kept": min(rows, key=_keep_order),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "noun": self.merge_noun,
        }
        return TemplateResponse(request, "admin/meetings/merge_confirmation.html", context)

    # The duplicates page -----------------------------------------------------------------

    def duplicates_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Possible duplicate {self.opts.verbose_name_plural}",
            "noun": self.merge_noun,
            "decide_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_duplicates_decide"
            ),
            "can_change": self.has_change_permission(request),
            "can_merge": self.has_change_permission(request)
            and self.has_delete_permission(request),
            **self.duplicates_context(request),
        }
        return TemplateResponse(request, "admin/meetings/duplicates.html", context)

    def duplicates_decide(self, request):
        """One pair's decision: POST ``first``, ``second`` and ``decision``: "keep-first"
        or "keep-second" (merge the other into it), or "distinct" (not duplicates)."""
        if request.method != "POST":
            return redirect(self._duplicates_url())
        if not self.has_change_permission(request):
            raise PermissionDenied
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
            back = ""
        back = back or self._duplicates_url()
        ids = [request.POST.get("first", ""), request.POST.get("second", "")]
        found = self.model.objects.filter(pk__in=[i for i in ids if i.isdigit()])
        rows = {str(row.pk): row for row in found}
        decision = request.POST.get("decision", "")
        if decision not in ("keep-first", "keep-second", "distinct"):
            self.message_user(request, "Nothing changed: choose merge or distinct.", messages.ERROR)
            return redirect(back)
        if len(rows) != 2 or ids[0] == ids[1]:
            self.message_user(
                request,
                f"Nothing changed: those two {self.opts.verbose_name_plural} are no longer both "
                "there (merged or deleted meanwhile).",
                messages.ERROR,
            )
            return redirect(back)
        first, second = rows[ids[0]], rows[ids[1]]
        if decision == "distinct":
            low, high = sorted((first.pk, second.pk))
            self.distinct_model.objects.get_or_create(first_id=low, second_id=high)
            services.decision_log(
                user=request.user, obj=first, action=f"Marked as distinct from “{second}”"
            )
            self.message_user(
                request, f"“{first}” and “{second}” are no longer suggested as duplicates."
            )
        elif decision == "keep-first":
            self._merge(request, keep=first, others=[second])
        else:
            self._merge(request, keep=second, others=[first])
        return redirect(back)


class ActorMergeMixin(MergeAdminMixin):
    merge_service = staticmethod(services.actor_merge)
    merge_noun = "actor"
    distinct_model = DistinctActors

    def merge_rows(self, queryset):
        rows = queryset.select_related("country").annotate(
            n_meetings=_count(Participation, "actor"),
            n_statements=_count(Statement, "speaker"),
            n_names=_count(Alias, "actor"),
        )
        rows = list(rows.order_by("pk"))
        for row in rows:
            row.weight = row.n_meetings + row.n_statements
        return rows

    def duplicates_context(self, request):
        return {"pairs": actor_duplicates()}


class MeetingMergeMixin(MergeAdminMixin):
    merge_service = staticmethod(services.meeting_merge)
    merge_noun = "meeting"
    distinct_model = DistinctMeetings

    def merge_rows(self, queryset):
        rows = queryset.select_related("country").annotate(
            n_sources=_count(Evidence, "meeting"),
            n_participants=_count(Participation, "meeting"),
            n_statements=_count(Statement, "meeting"),
        )
        rows = list(rows.order_by("pk").prefetch_related("participations__actor"))
        for row in rows:
            row.weight = row.n_sources
        return rows

    def duplicates_context(self, request):
        form = WindowForm(request.GET or None)
        until = form.cleaned_data.get("until") if form.is_valid() else None
        if until is None:  # the newest window; a date it could not read is shown as wrong
            until = meeting_window_end()
            if not form.errors:
                form = WindowForm(initial={"until": until})
        return {
            "form": form,
            "until": until,
            "since": until - WINDOW,
            "older": until - WINDOW,
            "newer": until + WINDOW,
            "pairs": meeting_duplicates(until=until),
        }
