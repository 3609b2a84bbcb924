"""The read-replica router: public reads to replicas, everything else to the primary.

The routing rules are tested here directly; test_replica_mirror.py runs the same router
against a real replica alias (a TEST MIRROR of default), in a pytest run of its own that
has DATABASE_REPLICA_URLS set (settings are read once per process).
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import RequestFactory, override_settings

from meetings.models import Country, Meeting
from meetings.routers import ReplicaMiddleware, ReplicaRouter, is_public_read, public_reads

router = ReplicaRouter()
replicas = override_settings(DATABASE_REPLICAS=["replica1", "replica2"])


@replicas
def test_reads_outside_a_request_use_the_primary():
    assert router.db_for_read(Meeting) == "default"


@replicas
def test_public_reads_go_to_a_replica():
    with public_reads():
        assert {router.db_for_read(Meeting) for _ in range(50)} == {"replica1", "replica2"}


@override_settings(DATABASE_REPLICAS=[])
def test_without_replicas_everything_uses_the_primary():
    with public_reads():
        assert router.db_for_read(Meeting) == "default"


@replicas
def test_writes_use_the_primary_and_later_reads_follow_them():
    with public_reads():
        assert router.db_for_write(Country) == "default"
        assert router.db_for_read(Meeting) == "default"  # read your own writes


@replicas
def test_sessions_and_other_apps_always_use_the_primary():
    with public_reads():
        assert router.db_for_read(Session) == "default"


@replicas
def test_only_the_primary_is_migrated():
    assert router.allow_migrate("default", "meetings")
    assert not router.allow_migrate("replica1", "meetings")


@replicas
def test_relations_between_primary_and_replica_rows_are_allowed():
    a, b = Country(code="AA"), Country(code="BB")
    a._state.db, b._state.db = "default", "replica2"
    assert router.allow_relation(a, b)


@pytest.mark.parametrize(
    ("method", "path", "public"),
    [
        ("GET", "/meetings/", True),
        ("HEAD", "/", True),
        ("GET", "/admin/meetings/article/", False),
        ("POST", "/meetings/", False),
    ],
)
def test_which_requests_are_public_reads(method, path, public):
    request = RequestFactory().generic(method, path)
    assert is_public_read(request) is public


@replicas
def test_middleware_marks_public_requests_only_while_they_run():
    seen = []
    middleware = ReplicaMiddleware(lambda request: seen.append(router.db_for_read(Meeting)))
    middleware(RequestFactory().get("/meetings/"))
    middleware(RequestFactory().get("/admin/"))
    assert seen[0] in {"replica1", "replica2"}
    assert seen[1] == "default"
    assert router.db_for_read(Meeting) == "default"


def mirror_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return None
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "_mirror"))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="mirror test runs on PostgreSQL")
@pytest.mark.skipif("replica1" in settings.DATABASES, reason="the mirror tests run in-session")
def test_router_with_a_mirror_replica_in_its_own_pytest_run():
    url = mirror_url()
    if url is None:
        pytest.skip("DATABASE_URL does not name a PostgreSQL database")
    env = {**os.environ, "DATABASE_URL": url, "DATABASE_REPLICA_URLS": url}
    here = Path(__file__).resolve()
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    command.append(str(here.with_name("test_replica_mirror.py")))
    run = subprocess.run(
        command, cwd=here.parents[2], env=env, capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and "skipped" not in run.stdout
