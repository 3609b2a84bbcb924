"""Public reads to PostgreSQL read replicas; everything else to the primary ("default").

Replicas come from ``DATABASE_REPLICA_URLS`` (comma-separated database URLs; see the block
at the end of meetings/settings.py). A read goes to a replica only inside a request that
``ReplicaMiddleware`` marked as a public read: a GET or HEAD outside the admin. Everything
else stays on the primary: writes, the admin, POSTs, management commands, background tasks,
and every read after the request has written (so a request reads its own writes). Models of
other apps (sessions, auth, admin log, content types) always use the primary: a login must
not depend on replication lag.
"""

from __future__ import annotations

import random
from contextvars import ContextVar

from django.conf import settings

PRIMARY = "default"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

# True while serving a public read-only request; off by default, so code that runs outside
# a request (commands, tasks, the shell) always uses the primary.
_public_read: ContextVar[bool] = ContextVar("public_read", default=False)


def replica_aliases() -> list[str]:
    return list(getattr(settings, "DATABASE_REPLICAS", []))


class ReplicaRouter:
    """Sends public reads of this app's models to a random replica."""

    app_label = "meetings"

    def db_for_read(self, model, **hints):
        replicas = replica_aliases()
        if not replicas or not _public_read.get() or model._meta.app_label != self.app_label:
            return PRIMARY
        return random.choice(replicas)

    def db_for_write(self, model, **hints):
        _public_read.set(False)  # read your own writes for the rest of the request
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        pool = {PRIMARY, *replica_aliases()}
        if obj1._state.db in pool and obj2._state.db in pool:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # Replicas receive the schema through replication, never through migrate.
        return db == PRIMARY


def is_public_read(request) -> bool:
    """A request whose reads may be served by a replica."""
    prefixes = getattr(settings, "DATABASE_PRIMARY_PATHS", ("/admin/",))
    return request.method in SAFE_METHODS and not request.path.startswith(tuple(prefixes))


class ReplicaMiddleware:
    """Marks public read-only requests, so the router may send their reads to replicas."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _public_read.set(is_public_read(request))
        try:
            response = self.get_response(request)
            if getattr(response, "streaming", False):
                # A streamed CSV reads while it is sent, after this returns: keep the choice
                # made for the request for those reads too.
                response.streaming_content = _keep_context(
                    response.streaming_content, is_public_read(request)
                )
            return response
        finally:
            _public_read.reset(token)


def _keep_context(chunks, public: bool):
    token = _public_read.set(public)
    try:
        yield from chunks
    finally:
        try:
            _public_read.reset(token)
        except ValueError:  # the generator was finished in another context
            _public_read.set(False)


class public_reads:
    """Context manager: treat the enclosed code as a public read (tests, scripts)."""

    def __enter__(self):
        self.token = _public_read.set(True)
        return self

    def __exit__(self, *exc):
        _public_read.reset(self.token)
