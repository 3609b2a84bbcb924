"""A public page whose database connection is killed mid-request still answers (issue 12,
item 10); a write is never retried.

The connection is really killed: from a second connection, ``pg_terminate_backend`` of the
backend serving the request, at the moment the page sends its N-th query (Django's
``execute_wrapper`` hook gives the moment; the query then runs on the dead connection).
PostgreSQL only; the tests commit (transactional_db), since a request inside a transaction
is never retried.
"""

from __future__ import annotations

import logging

import psycopg2
import pytest
from django.db import InterfaceError, OperationalError, connection

from tests import factories

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="terminates a PostgreSQL backend"
)


class Killer:
    """An execute wrapper that terminates the request's backend before its ``at``-th query,
    on ``times`` distinct backends (the first connection, then the retry's)."""

    def __init__(self, at: int = 1, times: int = 1):
        self.at, self.times = at, times
        self.seen: dict[int, int] = {}  # backend pid -> queries sent on it
        self.killed: list[int] = []

    def __call__(self, execute, sql, params, many, context):
        pid = connection.connection.get_backend_pid()
        self.seen[pid] = self.seen.get(pid, 0) + 1
        if self.seen[pid] == self.at and len(self.killed) < self.times:
            self.terminate(pid)
        return execute(sql, params, many, context)

    def terminate(self, pid: int) -> None:
        s = connection.settings_dict
        other = psycopg2.connect(
            dbname=s["NAME"], user=s["USER"], host=s["HOST"], port=s["PORT"] or 5432
        )
        try:
            other.autocommit = True
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
                assert cursor.fetchone()[0], f"backend {pid} was not terminated"
        finally:
            other.close()
        self.killed.append(pid)


@pytest.fixture
def li(transactional_db):
    yield make_li()
    # The test client keeps Django from closing a broken connection after a request (it
    # disconnects close_old_connections); a request here that failed left one behind.
    connection.close_if_unusable_or_obsolete()


def make_li():
    li = factories.actor("Li Shangfu", country_code="CN")
    factories.meeting(
        participants=[li, factories.actor("Sergei Shoigu", country_code="RU")],
        title="Li Shangfu meets Sergei Shoigu",
    )
    return li


@pytest.mark.parametrize("at", [1, 3])
def test_a_page_whose_connection_is_killed_is_built_again(client, li, at, caplog):
    killer = Killer(at=at)
    with caplog.at_level(logging.WARNING, "meetings.db_retry"), connection.execute_wrapper(killer):
        response = client.get(li.get_absolute_url())
    assert len(killer.killed) == 1
    assert len(killer.seen) == 2  # the killed backend, then the new one
    assert response.status_code == 200
    assert len(response.context["years"]) == 1  # the timeline, with its meeting
    assert "Sergei Shoigu" in response.content.decode()
    assert "Database connection lost" in caplog.text


def test_a_list_page_is_built_again_too(client, li):
    killer = Killer(at=2)
    with connection.execute_wrapper(killer):
        response = client.get("/meetings/?country=RU")
    assert killer.killed and response.status_code == 200
    assert len(response.context["page"].rows) == 1


def test_a_second_loss_is_not_retried_again(client, li):
    killer = Killer(at=1, times=2)
    with connection.execute_wrapper(killer), pytest.raises((OperationalError, InterfaceError)):
        client.get(li.get_absolute_url())
    assert len(killer.killed) == 2


def test_a_post_is_never_retried(client, li):
    killer = Killer(at=1)
    with connection.execute_wrapper(killer), pytest.raises((OperationalError, InterfaceError)):
        client.post(li.get_absolute_url(), {})
    assert len(killer.seen) == 1  # the view ran once, on the killed backend only
