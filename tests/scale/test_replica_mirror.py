"""The router against a replica alias that is a TEST MIRROR of default (the same database).

Skipped unless DATABASE_REPLICA_URLS is set; test_routers.py runs this file in a pytest run
of its own with it set. Transactional tests: the mirror is a second connection, so it sees
only committed rows.
"""

import pytest
from django.conf import settings
from django.db import connections
from django.test.utils import CaptureQueriesContext, override_settings

from meetings.models import Country
from meetings.routers import public_reads

pytestmark = pytest.mark.skipif(
    "replica1" not in settings.DATABASES, reason="DATABASE_REPLICA_URLS is not set"
)
BOTH = ["default", "replica1"]


def bench_templates():
    templates = [dict(t) for t in settings.TEMPLATES]
    templates[0]["DIRS"] = [*templates[0]["DIRS"], settings.BASE_DIR / "bench/templates"]
    return templates


def test_replica_is_a_test_mirror_of_default():
    assert settings.DATABASES["replica1"]["TEST"]["MIRROR"] == "default"
    assert "meetings.routers.ReplicaRouter" in settings.DATABASE_ROUTERS
    assert "meetings.routers.ReplicaMiddleware" in settings.MIDDLEWARE


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_a_committed_write_is_read_back_through_the_replica():
    Country.objects.create(code="ZZ", name="Zedland")
    with CaptureQueriesContext(connections["replica1"]) as replica, public_reads():
        assert Country.objects.get(code="ZZ").name == "Zedland"
    assert len(replica.captured_queries) == 1


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_a_public_page_reads_from_the_replica_and_not_the_primary(client):
    with (
        override_settings(ROOT_URLCONF="bench.urls", TEMPLATES=bench_templates()),
        CaptureQueriesContext(connections["replica1"]) as replica,
        CaptureQueriesContext(connections["default"]) as primary,
    ):
        response = client.get("/bench/floor/")
    assert response.status_code == 200
    assert any("meetings_meeting" in q["sql"] for q in replica.captured_queries)
    assert not any("meetings_" in q["sql"] for q in primary.captured_queries)


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_after_a_write_the_request_reads_from_the_primary():
    with (
        CaptureQueriesContext(connections["replica1"]) as replica,
        CaptureQueriesContext(connections["default"]) as primary,
        public_reads(),
    ):
        Country.objects.create(code="ZY", name="Zyland")
        assert Country.objects.filter(code="ZY").exists()
    assert replica.captured_queries == []
    # The INSERT, the read, and the knowledge version's bump once the INSERT committed.
    assert len(primary.captured_queries) == 3
