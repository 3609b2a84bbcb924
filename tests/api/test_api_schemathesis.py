"""Schemathesis against our own OpenAPI schema, in process (WSGI): every operation, with
values the schema allows and values it forbids (hostile ones: wrong types, out-of-range
page sizes, strings where dates go, odd characters), and no response may be a 5xx, stray
from its documented status codes and content types, or break the documented shape.

EXAMPLES cases per operation and generation mode (valid and invalid data), 5 operations: a
few hundred requests, against the small world with its drafts, on SQLite and PostgreSQL.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import checks
from schemathesis.specs.openapi import checks as openapi_checks

from meetings.wsgi import application

EXAMPLES = 30

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
schema.config.generation.update(max_examples=EXAMPLES)

CHECKS = [
    checks.not_a_server_error,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.response_schema_conformance,
    openapi_checks.negative_data_rejection,
]


@pytest.fixture
def unthrottled(settings):
    """Hundreds of requests from one address: past the anonymous rate, on purpose."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute"},
    }


@pytest.fixture
def connection_kept():
    """The test's database connection kept open across requests, as Django's test client
    keeps it: WSGI requests close 'old' connections when they end, and inside the test's
    transaction that would be this one."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_request_the_schema_allows_or_forbids_breaks_the_api(
    case, world, unthrottled, connection_kept
):
    case.call_and_validate(checks=CHECKS)
