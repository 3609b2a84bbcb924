"""Every stored copy, kept in one place: ``is_public`` on meetings, participations and
statements; each participation's date, country and visibility; the CountryPair rows; each
meeting's CSV texts (its participants' names and countries, its published sources:
EXPORT_COPY_FIELDS, so an export reads one row per meeting); and the page cache's
dependency keys (meetings/cache.py).

The rule: a meeting is public when an editor published it, at least one of its evidence
articles is published and every one of its participants is a published actor; a statement
when it and its article are published and so are its speaker and, when set, the actor it
came through (``via``). So an actor set back from published takes its rows off the public
site and publishing it again brings them back, while every editorial status stays what the
editors decided. Participations copy their meeting's date and visibility and their actor's
country; country pairs are derived from the public participations. Every write also names what it
changed to the page cache (``cache.records_changed``), which moves only the dependency keys of
the pages showing it once the transaction commits (meetings/cache.py).

The models only report writes: post_save and post_delete, ``rows_written`` for bulk writes
(models/base.py) and ``article_saved``. ``connect()``, run by MeetingsConfig.ready, wires
the receivers below to them, so every path (a service, the admin, a QuerySet, a cascade)
keeps the copies true.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import batched, combinations

from django.db import connection, models, transaction
from django.db.models import DEFERRED, Exists, OuterRef, Q, Subquery
from django.db.models.signals import post_delete, post_save, pre_save

from meetings import cache
from meetings.models import (
    Actor,
    Alias,
    Article,
    Country,
    CountryPair,
    EditorialStatus,
    Evidence,
    Meeting,
    MeetingFact,
    Participation,
    Position,
    Statement,
)
from meetings.models.articles import article_saved
from meetings.models.base import rows_written
from meetings.models.meetings import EXPORT_COPY_FIELDS, PARTICIPANT_FIELDS

PUBLISHED = EditorialStatus.PUBLISHED

__all__ = [
    "actor_participations_sync",
    "actors_changed",
    "connect",
    "country_pairs",
    "export_copies_rebuild",
    "export_copies_refresh",
    "participations_sync",
    "publication_changed",
    "refresh_country_pairs",
    "visibility_refresh",
]


# --- the copies --------------------------------------------------------------------------


def publication_changed() -> None:
    """Anything public may have changed: every cached page goes at commit (for writes that
    cannot say what they touched; the others name it with ``cache.records_changed``)."""
    cache.publication_changed()


def visibility_refresh(
    *,
    meeting_ids: Iterable[int] | None = None,
    statement_ids: Iterable[int] | None = None,
    article_ids: Iterable[int] | None = None,
) -> None:
    """Recompute ``is_public`` for the given rows (or those of the given articles), and copy
    each meeting's onto its participations (the rule is in this module's docstring)."""
    meetings = Meeting.objects.all()
    statements = Statement.objects.all()
    if article_ids is not None:
        article_ids = list(article_ids)
        meetings = meetings.filter(evidence__article_id__in=article_ids).distinct()
        statements = statements.filter(article_id__in=article_ids)
    else:
        meetings = meetings.filter(pk__in=list(meeting_ids or []))
        statements = statements.filter(pk__in=list(statement_ids or []))
    meeting_pks = list(meetings.values_list("pk", flat=True))

    public_evidence = Evidence.objects.filter(
        meeting=OuterRef("pk"), article__editorial_status=PUBLISHED
    )
    hidden_participant = Participation.objects.filter(meeting=OuterRef("pk")).exclude(
        actor__editorial_status=PUBLISHED
    )
    rule = Q(editorial_status=PUBLISHED) & Exists(public_evidence) & ~Exists(hidden_participant)
    scoped = Meeting.objects.filter(pk__in=meeting_pks)
    scoped.filter(rule).exclude(is_public=True).update(is_public=True)
    scoped.exclude(rule).exclude(is_public=False).update(is_public=False)
    for value in (True, False):
        Participation.objects.filter(meeting_id__in=meeting_pks, meeting__is_public=value).exclude(
            is_public=value
        ).update(is_public=value)

    statement_pks = list(statements.values_list("pk", flat=True))
    rule = Q(
        editorial_status=PUBLISHED,
        article__editorial_status=PUBLISHED,
        speaker__editorial_status=PUBLISHED,
    ) & (Q(via__isnull=True) | Q(via__editorial_status=PUBLISHED))
    scoped = Statement.objects.filter(pk__in=statement_pks)
    public = set(scoped.filter(rule).values_list("pk", flat=True))
    Statement.objects.filter(pk__in=public, is_public=False).update(is_public=True)
    Statement.objects.filter(pk__in=set(statement_pks) - public, is_public=True).update(
        is_public=False
    )
    export_copies_refresh(meeting_pks)  # their sources or participants changed, or may have
    cache.records_changed(meetings=meeting_pks, statements=statement_pks)


def export_texts(meeting_ids: list[int]) -> dict[int, tuple[str, str, str]]:
    """{meeting id: (participants, countries, sources)} as the CSV export writes them: names
    in role order, then by participation; the distinct countries A to Z; the sources in
    published articles, newest first (undated last), then by article and by the span's
    start, each its URL, else its article's slug (the export links the article's page)."""
    names: dict[int, list[str]] = defaultdict(list)
    countries: dict[int, set[str]] = defaultdict(set)
    for meeting_id, name, code in Participation.objects.export_rows(meeting_ids):
        names[meeting_id].append(name)
        if code:
            countries[meeting_id].add(code)
    spans = list(Evidence.objects.export_rows(meeting_ids))
    spans.sort(key=lambda s: s[2])
    spans.sort(key=lambda s: (s[3] is not None, s[3], s[1]), reverse=True)
    sources: dict[int, list[str]] = defaultdict(list)
    for meeting_id, _, _, _, url, slug in spans:
        sources[meeting_id].append(url or slug)
    return {
        pk: ("; ".join(names[pk]), "; ".join(sorted(countries[pk])), " ".join(sources[pk]))
        for pk in meeting_ids
    }


def export_copies_refresh(meeting_ids: Iterable[int], chunk: int = 2_000) -> None:
    """Rewrite the CSV texts (EXPORT_COPY_FIELDS) of these meetings: three queries and an
    update per ``chunk`` meetings."""
    ids = sorted(set(meeting_ids))
    for part in batched(ids, chunk):
        rows = [
            Meeting(pk=pk, **dict(zip(EXPORT_COPY_FIELDS, texts, strict=True)))
            for pk, texts in export_texts(list(part)).items()
        ]
        Meeting.objects.bulk_update(rows, EXPORT_COPY_FIELDS, batch_size=500)


def export_copies_rebuild() -> None:
    """The CSV texts of a freshly loaded corpus (the generator's COPY writes none): two
    set-based UPDATEs on PostgreSQL (meetings without participants or sources keep their
    empty texts), else ``export_copies_refresh`` of every meeting."""
    if connection.vendor != "postgresql":
        export_copies_refresh(Meeting.objects.values_list("pk", flat=True))
        return
    with connection.cursor() as cur:
        cur.execute(EXPORT_REBUILD_SQL, {"published": PUBLISHED})


# What ``export_texts`` computes, for every meeting at once (PostgreSQL: ordered string_agg).
EXPORT_REBUILD_SQL = """
UPDATE meetings_meeting m SET export_participants = x.names, export_countries = x.countries
FROM (SELECT p.meeting_id, string_agg(a.name, '; ' ORDER BY p.role, p.id) AS names,
             coalesce(string_agg(DISTINCT p.country_id, '; ' ORDER BY p.country_id), '')
               AS countries
      FROM meetings_participation p JOIN meetings_actor a ON a.id = p.actor_id
      GROUP BY p.meeting_id) x
WHERE x.meeting_id = m.id;
UPDATE meetings_meeting m SET export_sources = x.sources
FROM (SELECT e.meeting_id,
             string_agg(coalesce(nullif(r.url, ''), r.slug), ' '
                        ORDER BY r.published_on DESC NULLS LAST, r.id DESC, e.start) AS sources
      FROM meetings_evidence e JOIN meetings_article r ON r.id = e.article_id
      WHERE r.editorial_status = %(published)s
      GROUP BY e.meeting_id) x
WHERE x.meeting_id = m.id;
"""


def actors_changed(actor_ids: Iterable[int]) -> None:
    """After actors' country or editorial status changed: copy each one's country onto its
    participations, and recompute the visibility of the meetings and statements naming them
    (an actor no longer published hides them; published again, they are public again)."""
    ids = list(actor_ids)
    if not ids:
        return
    country = Actor.objects.filter(pk=OuterRef("actor_id")).values("country_id")[:1]
    Participation.objects.filter(actor_id__in=ids).update(country_id=Subquery(country))
    visibility_refresh(
        meeting_ids=Participation.objects.filter(actor_id__in=ids).values_list(
            "meeting_id", flat=True
        ),
        statement_ids=Statement.objects.filter(
            Q(speaker_id__in=ids) | Q(via_id__in=ids)
        ).values_list("pk", flat=True),
    )


def participations_sync(*, meeting: Meeting) -> None:
    """Copy the meeting's date and visibility, and each actor's country, onto participations
    (the receivers below do it on every write; this re-copies them on demand)."""
    rows = list(meeting.participations.select_related("actor"))
    for row in rows:
        row.date = meeting.start_date
        row.country_id = row.actor.country_id
        row.is_public = meeting.is_public
    Participation.objects.bulk_update(rows, ["date", "country", "is_public"])


def actor_participations_sync(*, actor: Actor) -> None:
    """Copy an actor's country onto its participations and follow its status (on demand)."""
    actors_changed([actor.pk])


def country_pairs(rows) -> list[CountryPair]:
    """CountryPair rows from (meeting id, country code, date) of public participations; a
    pair is ``bilateral`` when the meeting's participants come from its two countries only
    (the pair page lists multilateral ones apart)."""
    countries: dict[int, set[str]] = {}
    years: dict[int, int | None] = {}
    for meeting_id, code, day in rows:
        countries.setdefault(meeting_id, set()).add(code)
        years[meeting_id] = day.year if day else None
    return [
        CountryPair(
            meeting_id=meeting_id,
            first=first,
            second=second,
            year=years[meeting_id],
            bilateral=len(codes) == 2,
        )
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


# --- the receivers -----------------------------------------------------------------------


def _bulk(origin, model) -> bool:
    """Whether a delete comes from a QuerySet of ``model`` (its ``rows_written`` covers it)."""
    return isinstance(origin, models.QuerySet) and origin.model is model


def _meeting_going(origin) -> bool:
    """Whether a delete cascades from deleting meetings (whose copies go with them)."""
    return isinstance(origin, Meeting) or _bulk(origin, Meeting)


# --- what a write shows: the page cache's dependency keys (meetings/cache.py) ------------


def _record_saved(sender, instance, created=False, raw=False, **kwargs):
    """A row a public page can show was saved: the pages showing it go at commit."""
    if sender is Meeting:
        cache.records_changed(meetings=[instance.pk])
    elif sender is Actor:
        old = instance.stored("country_id")  # the page of the country it left shows it too
        cache.records_changed(actors=[instance.pk], countries=[] if old is DEFERRED else [old])
    elif sender in (Alias, Position):
        cache.records_changed(actors=[instance.actor_id])
    elif sender is Statement:
        cache.records_changed(statements=[instance.pk])
        olds = [instance.stored(name) for name in ("speaker_id", "via_id", "meeting_id")]
        if created:
            pass
        elif DEFERRED in olds:
            publication_changed()  # where it was shown before is unknown
        else:  # where it was shown before an edit moved it
            cache.records_changed(meetings=[olds[2]], keys=_actor_keys(olds[:2]))
    elif sender is Participation:
        cache.records_changed(meetings=[instance.meeting_id], keys=_actor_keys([instance.actor_id]))
    elif sender is Evidence:
        cache.records_changed(meetings=[instance.meeting_id], articles=[instance.article_id])
    elif sender is MeetingFact:  # what a source says of the meeting: shown on its page
        cache.records_changed(meetings=[instance.meeting_id])
    else:  # a country: its name is on every page that shows one of its records
        publication_changed()


def _record_deleted(sender, instance, **kwargs):
    """A row a public page can show was deleted (alone, in bulk or in a cascade): at commit
    it can no longer be read, so what it was linked to is named now."""
    if sender is Participation:
        cache.participation_gone(
            meeting_id=instance.meeting_id,
            actor_id=instance.actor_id,
            country_id=instance.country_id,
        )
    elif sender is Statement:
        cache.records_changed(
            statements=[instance.pk],
            meetings=[instance.meeting_id],
            keys=[*_actor_keys([instance.speaker_id, instance.via_id]),
                  cache.article(instance.article_id), cache.family("statements")],
        )  # fmt: skip
    elif sender is Article:
        cache.records_changed(keys=[cache.article(instance.pk)])
    elif sender is Actor:
        cache.records_changed(keys=[cache.actor(instance.pk)], countries=[instance.country_id])
    else:
        _record_saved(sender, instance)


def _actor_keys(ids) -> list[str]:
    return [cache.actor(pk) for pk in ids if pk is not None and pk is not DEFERRED]


def _rows_written(sender, fields, keys, **kwargs):
    if sender is Meeting and fields is not None and fields <= set(EXPORT_COPY_FIELDS):
        return  # the CSV texts written here (export_copies_refresh)
    if sender is CountryPair or fields == {"is_public"}:
        # Copies written here (visibility_refresh, refresh_country_pairs), whose records
        # were named to the cache by what made them change.
        if sender is Participation and keys is not None:
            refresh_country_pairs(keys)
        return
    if keys is None:
        publication_changed()  # which rows is unknown (an unwatched field)
        return
    if sender is Participation:
        if fields is not None and fields & PARTICIPANT_FIELDS:
            publication_changed()  # the actors they were moved from are unknown
        cache.records_changed(meetings=keys)
        if fields is None or fields & PARTICIPANT_FIELDS:
            visibility_refresh(meeting_ids=keys)  # who takes part decides visibility too
        else:
            export_copies_refresh(keys)  # a role: the order of the names
        refresh_country_pairs(keys)
    elif sender is Evidence:
        cache.records_changed(meetings=keys)
        visibility_refresh(meeting_ids=keys)
    elif sender is Statement:
        if fields is not None and fields - {"editorial_status", "is_public"}:
            publication_changed()  # the speakers or articles they were moved from are unknown
        cache.records_changed(statements=keys)
        visibility_refresh(statement_ids=keys)
    elif sender is Actor:
        if fields is not None and fields & {"country", "country_id"}:
            publication_changed()  # the countries they left are unknown
        cache.records_changed(actors=keys)
        actors_changed(keys)
    elif sender is Article:
        publication_changed()
        export_copies_refresh(
            Evidence.objects.filter(article_id__in=keys).values_list("meeting_id", flat=True)
        )  # their URLs, slugs or dates: the meetings' sources
    else:
        publication_changed()


def _article_saved(sender, instance, created, **kwargs):
    cache.records_changed(articles=[instance.pk])
    if not created and instance.changed("editorial_status"):
        visibility_refresh(article_ids=[instance.pk])
    elif not created and instance.changed("url", "slug", "published_on"):
        export_copies_refresh(instance.evidence.values_list("meeting_id", flat=True))


def _actor_saved(sender, instance, created, raw=False, **kwargs):
    if not (created or raw) and instance.changed("editorial_status", "country_id"):
        actors_changed([instance.pk])
    elif not (created or raw) and instance.changed("name"):
        export_copies_refresh(instance.participations.values_list("meeting_id", flat=True))


def _meeting_saved(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return  # no participations or evidence yet: it is private, as created
    if instance.changed("start_date"):
        Participation.objects.filter(meeting=instance).update(date=instance.start_date)
    if instance.changed("editorial_status"):
        visibility_refresh(meeting_ids=[instance.pk])


def _statement_saved(sender, instance, created, raw=False, **kwargs):
    if not raw and (created or instance.changed(*Statement.tracked_fields)):
        visibility_refresh(statement_ids=[instance.pk])


def _participation_copy(sender, instance, raw=False, **kwargs):
    """Before a participation is written: its copies of the meeting and the actor."""
    if raw:
        return
    if (
        cache.enabled() and not instance._state.adding
    ):  # moved to another actor: the one it leaves shows it too
        old = Participation.objects.filter(pk=instance.pk).values_list("actor_id", "country_id")
        for actor_id, country_id in old:
            cache.participation_gone(
                meeting_id=instance.meeting_id, actor_id=actor_id, country_id=country_id
            )
    instance.date = instance.meeting.start_date
    instance.country_id = instance.actor.country_id
    instance.is_public = instance.meeting.is_public


def _participation_saved(sender, instance, created, raw=False, **kwargs):
    """A participant who is not a published actor hides a public meeting; a participation
    moved to another actor may hide or show it. (A new one never makes a meeting public.)"""
    if not raw and (
        not created or (instance.is_public and instance.actor.editorial_status != PUBLISHED)
    ):
        visibility_refresh(meeting_ids=[instance.meeting_id])
    elif not raw:
        export_copies_refresh([instance.meeting_id])  # a participant more
    refresh_country_pairs([instance.meeting_id])


def _participation_deleted(sender, instance, origin=None, **kwargs):
    """A participant gone: its countries' pairs go, and a draft one no longer hides it."""
    if not (_bulk(origin, Participation) or _meeting_going(origin)):
        visibility_refresh(meeting_ids=[instance.meeting_id])
        refresh_country_pairs([instance.meeting_id])


def _evidence_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        visibility_refresh(meeting_ids=[instance.meeting_id])


def _evidence_deleted(sender, instance, origin=None, **kwargs):
    """A source gone (alone, or with its article): the meeting may no longer be public."""
    if not (_bulk(origin, Evidence) or _meeting_going(origin)):
        visibility_refresh(meeting_ids=[instance.meeting_id])


def connect() -> None:
    """Wire the receivers to the models' signals (MeetingsConfig.ready)."""
    # Every save or delete of a row a public page can show moves the page cache's keys of what
    # it changed. Article saves report through article_saved instead of post_save (see
    # Article.after_save).
    for model in (
        Country,
        Actor,
        Alias,
        Position,
        Meeting,
        MeetingFact,
        Participation,
        Evidence,
        Statement,
    ):
        name = model.__name__
        post_save.connect(_record_saved, sender=model, dispatch_uid=f"public-{name}")
        post_delete.connect(_record_deleted, sender=model, dispatch_uid=f"public-del-{name}")
    post_delete.connect(_record_deleted, sender=Article, dispatch_uid="public-del-Article")
    rows_written.connect(_rows_written, dispatch_uid="copies-bulk")
    article_saved.connect(_article_saved, sender=Article, dispatch_uid="copies-article")
    post_save.connect(_actor_saved, sender=Actor, dispatch_uid="copies-actor")
    post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid="copies-meeting")
    post_save.connect(_statement_saved, sender=Statement, dispatch_uid="copies-statement")
    pre_save.connect(_participation_copy, sender=Participation, dispatch_uid="copies-part")
    post_save.connect(_participation_saved, sender=Participation, dispatch_uid="pairs-save")
    post_delete.connect(_participation_deleted, sender=Participation, dispatch_uid="pairs-delete")
    post_save.connect(_evidence_saved, sender=Evidence, dispatch_uid="copies-evidence")
    post_delete.connect(_evidence_deleted, sender=Evidence, dispatch_uid="copies-evidence-del")
