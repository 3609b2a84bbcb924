"""Pages of merged records: the old URL of an actor or a meeting merged into another answers
301 to the page of the one kept (meetings/services/merging.py), with its query string, so
links, bookmarks and feed subscriptions to either record keep working."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponsePermanentRedirect
from django.urls import reverse

from meetings.models import ActorRedirect, EditorialStatus, MeetingRedirect


def actor_moved(
    request: HttpRequest, slug: str, *, page: str = "meetings:actor-detail"
) -> HttpResponsePermanentRedirect:
    """301 to the same ``page`` (a URL name taking the slug: the actor's page, its feed) of
    the published actor ``slug`` was merged into, else Http404 (one query)."""
    row = (
        ActorRedirect.objects.filter(
            old_slug=slug, actor__editorial_status=EditorialStatus.PUBLISHED
        )
        .select_related("actor")
        .first()
    )
    return _moved(request, reverse(page, args=[row.actor.slug]) if row else None)


def meeting_moved(request: HttpRequest, slug: str) -> HttpResponsePermanentRedirect:
    """301 to the public meeting ``slug`` was merged into, else Http404 (one query)."""
    row = (
        MeetingRedirect.objects.filter(old_slug=slug, meeting__is_public=True)
        .select_related("meeting")
        .first()
    )
    return _moved(request, row.meeting.get_absolute_url() if row else None)


def _moved(request: HttpRequest, url: str | None) -> HttpResponsePermanentRedirect:
    # A record that is not public: a 404, as its own page gives (its slug is not told).
    if url is None:
        raise Http404("No such page.")
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
