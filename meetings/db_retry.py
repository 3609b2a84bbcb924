"""A public page whose database connection drops is built once more on a new connection.

A PostgreSQL restart, a failover or a terminated backend breaks the connection a worker
holds; the next request gets a fresh one (``CONN_HEALTH_CHECKS``), but the request that was
using it failed with a 500 (8 of them in a 30 s chaos run). Public pages only read, and a
page built by its view has sent nothing yet, so such a GET or HEAD is run again, once, on a
new connection. Nothing else is retried: not a POST (a write might have happened), not a
request inside a transaction (ATOMIC_REQUESTS, tests), not an export already streaming.
"""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError, connections

PUBLIC_NAMESPACE = "meetings"

logger = logging.getLogger(__name__)


def _connection_lost() -> bool:
    """Close the connections the error left unusable; True if there was one, and none of
    them was inside a transaction."""
    lost = False
    for connection in connections.all(initialized_only=True):
        if connection.connection is None or not connection.errors_occurred:
            continue
        if connection.in_atomic_block:
            return False
        if not connection.is_usable():
            connection.close()
            lost = True
    return lost


class RetryLostConnectionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method in ("GET", "HEAD") and match and match.namespace == PUBLIC_NAMESPACE:
            request._retry_view = (view_func, view_args, view_kwargs)
        return None

    def process_exception(self, request, exception):
        view = getattr(request, "_retry_view", None)
        if view is None or not isinstance(exception, OperationalError | InterfaceError):
            return None
        if not _connection_lost():
            return None
        del request._retry_view  # once only: a second failure is the server's to report
        logger.warning("Database connection lost during %s; building it again", request.path)
        view_func, view_args, view_kwargs = view
        return view_func(request, *view_args, **view_kwargs)
