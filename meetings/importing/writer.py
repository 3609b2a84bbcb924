"""Writing new articles fast: one INSERT built once (``ArticleInsert``), a writer thread
(``BackgroundWriter``) and commits that do not wait for the disk (``relaxed_commits``)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from django.core.exceptions import ValidationError

from meetings.importing.readers import ArticleRecord


class ArticleInsert:
    """``article.save()`` for a new article, as one INSERT ... RETURNING id built once.

    Same columns and the same conversions as the ORM (each field's pre_save and
    get_db_prep_save), without compiling the query again for every row, which costs about as
    much as the database's own work. Falls back to ``save()`` when something listens to the
    model's save signals, so a receiver added later is never skipped (and then ``can_batch``
    is false: ``many`` would skip them).
    """

    def __init__(self):
        from django.db import connection

        from meetings.models import Article

        self.connection = connection
        meta = Article._meta
        self.fields = [f for f in meta.concrete_fields if not f.primary_key and not f.generated]
        quote = connection.ops.quote_name
        self.sql = "INSERT INTO {} ({}) VALUES ({}) RETURNING {}".format(
            quote(meta.db_table),
            ", ".join(quote(f.column) for f in self.fields),
            ", ".join(["%s"] * len(self.fields)),
            quote(meta.pk.column),
        )
        from django.db.models import signals

        self.use_save = any(
            signal.has_listeners(Article) for signal in (signals.pre_save, signals.post_save)
        )
        features = connection.features
        self.can_batch = (
            not self.use_save
            and features.can_return_rows_from_bulk_insert
            and features.supports_ignore_conflicts
        )
        # Rows per statement: SQLite caps the parameters of one query (32,766 by default).
        self.rows_per_statement = (features.max_query_params or 65535) // len(self.fields)
        self.quoted = {
            "table": quote(meta.db_table),
            "columns": ", ".join(quote(f.column) for f in self.fields),
            "row": "({})".format(", ".join(["%s"] * len(self.fields))),
            "returning": f"{quote(meta.get_field('slug').column)}, {quote(meta.pk.column)}",
        }

    def __call__(self, article) -> None:
        if self.use_save:
            article.save()
            return
        connection = self.connection
        params = [
            f.get_db_prep_save(f.pre_save(article, add=True), connection) for f in self.fields
        ]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            self.stored(article, cursor.fetchone()[0])

    def many(self, articles: list) -> dict[str, int]:
        """Insert ``articles`` with INSERT ... ON CONFLICT DO NOTHING; {slug: id} of those stored.

        A row that would break a unique constraint (URL, content hash or slug, taken by
        another writer since the chunk's checks) is skipped, not an error, and is missing
        from the answer: the caller finds out why. The slugs are distinct within the batch,
        so they name the rows (SQLite returns them in no particular order). Several
        statements when SQLite's parameter limit calls for it, each atomic.
        """
        connection = self.connection
        fields = self.fields
        inserted: dict[str, int] = {}
        step = self.rows_per_statement
        for start in range(0, len(articles), step):
            part = articles[start : start + step]
            params = [
                f.get_db_prep_save(f.pre_save(article, add=True), connection)
                for article in part
                for f in fields
            ]
            q = self.quoted
            sql = (
                f"INSERT INTO {q['table']} ({q['columns']}) VALUES "
                f"{', '.join([q['row']] * len(part))} "
                f"ON CONFLICT DO NOTHING RETURNING {q['returning']}"
            )
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                inserted.update(cursor.fetchall())
        return inserted

    def stored(self, article, pk: int) -> None:
        """Mark ``article`` as the saved row ``pk``, as ``save()`` would."""
        article.pk = pk
        article._state.adding = False
        article._state.db = self.connection.alias


class BackgroundWriter:
    """``ArticleInsert.many`` in a thread with its own connection, one batch at a time.

    psycopg2 lets go of the GIL while it waits for the database, so the main thread reads
    and checks the next chunk meanwhile. The writer's connection commits each statement on
    its own (autocommit), with the main connection's synchronous_commit (see
    ``relaxed_commits``).
    """

    def __init__(self, insert: ArticleInsert, hold_open: float = 0.0):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            synchronous_commit = cursor.fetchone()[0]
        self.insert = insert
        self.hold_open = hold_open
        self.executor = ThreadPoolExecutor(
            max_workers=1, initializer=self._connect, initargs=(synchronous_commit,)
        )

    @staticmethod
    def _connect(synchronous_commit: str) -> None:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('synchronous_commit', %s, false)", [synchronous_commit]
            )

    def _write(self, articles: list) -> dict[str, int]:
        inserted = self.insert.many(articles)
        if self.hold_open:
            time.sleep(self.hold_open)
        return inserted

    def submit(self, articles: list):
        return self.executor.submit(self._write, articles)

    def close(self) -> None:
        self.executor.submit(self._disconnect).result()
        self.executor.shutdown()

    @staticmethod
    def _disconnect() -> None:
        from django.db import connection  # the writer thread's own

        connection.close()


@contextmanager
def relaxed_commits():
    """Commits that do not wait for the disk, for this connection and only during the import.

    A commit per article would otherwise spend most of its time waiting for fsync. The trade
    (PostgreSQL: synchronous_commit = off; SQLite in WAL mode: synchronous = NORMAL): after a
    crash of the machine or the database server the last moment of commits may be lost, but
    never part of one, and the database stays consistent — the same as killing the import,
    which a re-run completes.
    """
    from django.db import connection

    if connection.in_atomic_block or connection.vendor not in {"postgresql", "sqlite"}:
        yield
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET synchronous_commit TO OFF")
            restore = "RESET synchronous_commit"
        else:
            cursor.execute("PRAGMA synchronous")
            restore = f"PRAGMA synchronous = {int(cursor.fetchone()[0])}"
            cursor.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(restore)


def _is_duplicate(model, record: ArticleRecord) -> bool:
    from django.db.models import Q

    query = Q(content_hash=record.content_hash)
    if record.url:
        query |= Q(url=record.url)
    return model.objects.filter(query).exists()


def _validation_message(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return " ".join(exc.messages)
