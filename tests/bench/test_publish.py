"""The benchmark's newsroom (bench/publish.py): each publication goes through the real
services and is public at once, its actors drawn with the corpus's skew, and the cached
pages that show it go while the others stay. PostgreSQL only (the corpus loads with COPY)."""

import random
from collections import Counter

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import corpus
from bench.publish import Publisher, skewed_actors
from meetings import cache
from meetings.models import Meeting, Participation, Statement
from tests.caches import redis_caches

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the corpus needs COPY"),
]


@pytest.fixture
def small_corpus():
    corpus.generate(articles=400, seed=5, workers=0, log=lambda _: None)


@pytest.fixture
def shared_cache(settings):
    settings.CACHES = redis_caches()
    yield caches["default"]
    caches["default"].clear()


def test_actors_are_drawn_with_the_corpus_skew(small_corpus):
    drawn = Counter(actor for actor, _ in skewed_actors(random.Random(1)))
    busiest = Counter(Participation.objects.values_list("actor_id", flat=True)).most_common(1)
    top_actor, top_count = busiest[0]
    assert sum(drawn.values()) > 100
    assert drawn.most_common(1)[0][1] >= 3 * (sum(drawn.values()) / len(drawn))  # skewed
    assert drawn[top_actor] > 0 and top_count > 10


def test_a_publication_is_public_at_once(
    small_corpus, client, shared_cache, django_capture_on_commit_callbacks
):
    publisher = Publisher(seed=3)
    publisher._actors = skewed_actors(publisher.random)
    before = Meeting.objects.published().count()
    with django_capture_on_commit_callbacks(execute=True):
        publisher.publish_one()
    meeting = Meeting.objects.published().order_by("-pk").first()
    assert Meeting.objects.published().count() == before + 1
    assert meeting.participations.count() == 2
    assert Statement.objects.published().filter(meeting=meeting).count() == 1
    assert client.get(meeting.get_absolute_url()).status_code == 200


def test_a_publication_moves_the_pages_of_its_actors_only(
    small_corpus, client, shared_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cache.publication_changed()  # the corpus was loaded with COPY, outside the signals
    publisher = Publisher(seed=4)
    publisher._actors = skewed_actors(publisher.random)[:20]  # so some actors are not named
    named = {a for a, _ in publisher._actors}
    quiet = Participation.objects.exclude(actor_id__in=named).select_related("actor").first()
    pages = [quiet.actor.get_absolute_url()]
    for url in pages:
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        publisher.publish_one()
    meeting = Meeting.objects.published().order_by("-pk").first()
    for actor in [p.actor for p in meeting.participations.select_related("actor")]:
        with CaptureQueriesContext(connection) as queries:
            page = client.get(actor.get_absolute_url())
        assert queries, "an actor of the publication was served from the cache"
        assert meeting.slug.encode() in page.content
    with CaptureQueriesContext(connection) as queries:
        assert client.get(pages[0]).status_code == 200
    assert len(queries) == 0  # an actor it does not name: still cached
