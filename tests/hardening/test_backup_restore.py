"""A backup restores (issue 12, item 11): the demo data dumped with ``pg_dump -Fc``, restored
with ``pg_restore`` into a new database, has the same rows in every table and serves the
same public pages, search included (its generated tsvectors and GIN indexes come back).

docs/operations.md gives the same commands. PostgreSQL leg only; pg_dump and pg_restore come
from Debian's postgresql-client, which .ci/run installs: without them the test fails under
CI=true and is skipped elsewhere.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import psycopg2
import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from meetings.models import Actor, Article, CountryPair, Meeting, Statement

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump is PostgreSQL's")


def tools() -> None:
    missing = [name for name in ("pg_dump", "pg_restore", "createdb") if not shutil.which(name)]
    if missing:
        message = f"{' and '.join(missing)} missing (apt-get install postgresql-client)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def server(dbname: str):
    s = connection.settings_dict
    db = psycopg2.connect(dbname=dbname, user=s["USER"], host=s["HOST"], port=s["PORT"] or 5432)
    db.autocommit = True
    return db


def libpq_env() -> dict:
    s = connection.settings_dict
    return {
        **os.environ,
        "PGHOST": s["HOST"] or "",
        "PGPORT": str(s["PORT"] or 5432),
        "PGUSER": s["USER"] or "",
        "PGPASSWORD": s["PASSWORD"] or "",
    }


def fingerprint(dbname: str) -> dict[str, tuple[int, str]]:
    """{table: (rows, md5 of all its rows in order)} for every table of the schema."""
    db = server(dbname)
    try:
        with db.cursor() as cursor:
            cursor.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
            )
            tables = [row[0] for row in cursor.fetchall()]
            result = {}
            for table in tables:
                cursor.execute(
                    f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' "
                    f"ORDER BY t::text), '')) FROM \"{table}\" t"
                )
                result[table] = cursor.fetchone()
            return result
    finally:
        db.close()


def public_pages() -> list[str]:
    meeting = Meeting.objects.published().order_by("pk").first()
    actor = Actor.objects.published().filter(participations__is_public=True).first()
    pair = CountryPair.objects.order_by("first", "second").first()
    pair_path = f"/countries/{pair.first.lower()}/{pair.second.lower()}/"
    return [
        "/",
        "/meetings/",
        "/meetings/?country=CN&date_from=2023-01-01",
        "/meetings.csv",
        meeting.get_absolute_url(),
        "/actors/",
        "/actors/?q=putin",
        actor.get_absolute_url(),
        actor.get_absolute_url() + "feed/",
        "/countries/",
        f"/countries/{pair.first.lower()}/",
        pair_path,
        pair_path + "feed/",
        Article.objects.published().order_by("pk").first().get_absolute_url(),
        "/statements/",
        "/statements.csv",
        Statement.objects.published().order_by("pk").first().get_absolute_url(),
        "/search/?q=Putin",
        "/search/?q=talks",
    ]


def fetch(paths: list[str]) -> dict[str, tuple[int, bytes]]:
    client = Client()
    pages = {}
    for path in paths:
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        pages[path] = (response.status_code, re.sub(rb'nonce="[^"]*"', b"", body))
    return pages


@pytest.fixture
def restored_name(transactional_db):
    name = connection.settings_dict["NAME"] + "_restored"
    admin = server("postgres")
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    yield name
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def test_a_dump_restores_the_same_rows_and_pages(restored_name, tmp_path):
    tools()
    call_command("load_reference", verbosity=0)
    call_command("load_demo", verbosity=0)
    original = connection.settings_dict["NAME"]
    paths = public_pages()
    before = fetch(paths)
    assert all(status == 200 for status, _ in before.values()), before.keys()
    assert Meeting.objects.published().exists()

    dump = tmp_path / "meetings.dump"
    env = libpq_env()
    subprocess.run(["pg_dump", "-Fc", "--no-owner", "-f", str(dump), original], check=True, env=env)
    subprocess.run(["createdb", restored_name], check=True, env=env)
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", "-d", restored_name, str(dump)],
        check=True,
        env=env,
    )

    rows = fingerprint(original)
    assert rows["meetings_meeting"][0] > 0 and rows["meetings_statement"][0] > 0
    assert fingerprint(restored_name) == rows

    connection.close()
    connection.settings_dict["NAME"] = restored_name
    try:
        after = fetch(paths)
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original
    for path in paths:
        assert after[path] == before[path], f"{path} differs after the restore"


def test_the_operations_guide_gives_the_commands_this_test_runs():
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[2] / "docs" / "operations.md").read_text()
    for command in ("pg_dump -Fc --no-owner", "createdb", "pg_restore --no-owner --exit-on-error"):
        assert command in guide
    for folder in ("`var/`", "staticfiles", "media"):
        assert folder in guide
