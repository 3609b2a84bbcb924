"""What the article review panel shows: its rows, the known actors a suggested name may
be (the text is highlighted by meetings.site.highlight)."""

from collections.abc import Sequence

from django.db.models import Count, Prefetch, Q

from meetings.models import (
    Actor,
    ActorSuggestion,
    Alias,
    Article,
    EditorialStatus,
    Evidence,
    Meeting,
    Participation,
    normalize_name,
)

PUBLISHED = EditorialStatus.PUBLISHED


def _state(status: str) -> str:
    return {"published": "is-accepted", "rejected": "is-rejected", "accepted": "is-accepted"}.get(
        status, "is-draft"
    )


def article_review_rows(*, article: Article) -> dict:
    """Everything the review page shows for an article, in a fixed number of queries."""
    participants = Prefetch(
        "participations", queryset=Participation.objects.select_related("actor", "actor__country")
    )
    meetings = list(
        Meeting.objects.filter(evidence__article=article)
        .select_related("country", "same_as")
        .prefetch_related(
            participants,
            Prefetch("evidence", queryset=Evidence.objects.filter(article=article)),
        )
        .distinct()
        .order_by("id")
    )
    same_as_sources(meetings)
    statements = list(
        article.statements.select_related("speaker", "via", "meeting").order_by("start", "id")
    )
    suggestions = list(article.suggestions.select_related("country", "actor").order_by("start"))
    return {"meetings": meetings, "statements": statements, "suggestions": suggestions}


def same_as_sources(meetings: Sequence[Meeting]) -> None:
    """Each proposal matched to a recorded meeting ("same as") gets ``same_as_sources``: how
    many articles report that meeting (one query for all)."""
    ids = {m.same_as_id for m in meetings if m.same_as_id}
    counts = dict(
        Evidence.objects.filter(meeting_id__in=ids)
        .order_by()
        .values("meeting_id")
        .annotate(n=Count("article_id", distinct=True))
        .values_list("meeting_id", "n")
        if ids
        else ()
    )
    for m in meetings:
        m.same_as_sources = counts.get(m.same_as_id, 0)


def names_taken_message(actor: Actor, taken: dict[str, Actor]) -> str:
    """What the editor is told when names the text used were not added to ``actor``
    because other actors go by them (services.suggestion_names_taken)."""
    names = "; ".join(f"“{text}” is a name of {other.name}" for text, other in taken.items())
    return (
        f"Not added as a name of {actor.name}: {names}. Its other names were added; add "
        f"this one on {actor.name}'s page if both go by it."
    )


def _same_given_name(first: str, other: str) -> bool:
    """ "ingrid" and "ingrid", "a" and "aino", "sergei" and "sergey" may be one person;
    "aino" and "sergey" are not. A lone surname matches anyone of that name."""
    from rapidfuzz import fuzz

    if first == other or len(first) == 1 and other.startswith(first):
        return True
    return len(other) == 1 and first.startswith(other) or fuzz.ratio(first, other) >= 80


def suggestion_candidates(*, suggestions: Sequence[ActorSuggestion], limit: int = 3) -> dict:
    """Known actors each pending suggestion may be, by surname: {suggestion pk: [actors]}.

    One query for all suggestions; candidates sharing the suggestion's country come first.
    """
    wanted: dict[int, tuple[str, str]] = {}
    for suggestion in suggestions:
        key = normalize_name(suggestion.name)
        last = key.rsplit(" ", 1)[-1]
        if suggestion.status == ActorSuggestion.Status.PENDING and len(last) >= 3:
            wanted[suggestion.pk] = (key, last)
    if not wanted:
        return {}
    names = Q()
    for key, last in wanted.values():
        names |= Q(normalized=key) | Q(normalized=last) | Q(normalized__endswith=f" {last}")
    rows = list(
        Alias.objects.filter(names, actor__editorial_status=PUBLISHED)
        .select_related("actor", "actor__country")
        .order_by("actor__name")[:200]
    )
    found: dict[int, list[Actor]] = {}
    for suggestion in suggestions:
        if suggestion.pk not in wanted:
            continue
        key, last = wanted[suggestion.pk]
        actors = {}
        for alias in rows:
            words = alias.normalized.split()
            if alias.actor.kind != suggestion.kind:
                continue
            given = key.split()[0] if " " in key else ""
            if alias.normalized == key or (
                words[-1] == last
                and (not given or len(words) == 1 or _same_given_name(given, words[0]))
            ):
                actors.setdefault(alias.actor_id, alias.actor)
        ranked = sorted(
            (a for a in actors.values() if a.pk != suggestion.actor_id),
            key=lambda a: (a.country_id != suggestion.country_id, a.name),
        )
        if ranked:
            found[suggestion.pk] = ranked[:limit]
    return found
