"""generate_corpus at small sizes: deterministic, in proportion, consistent, and careful.

PostgreSQL only (the generator loads with COPY). Runs inline (workers=0) inside the test's
transaction, so the database is left as the test found it.
"""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from bench import corpus
from bench.management.commands.generate_corpus import Command as GenerateCorpus
from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY needs PostgreSQL"),
]

DIGESTS = {
    "meetings_actor": "id, name, slug, country_id",
    "meetings_meeting": "id, slug, kind, start_date, end_date, city, country_id, summary",
    "meetings_participation": "id, meeting_id, actor_id, role, date, country_id",
    "meetings_article": "id, slug, url, published_on, content_hash",
    "meetings_evidence": 'id, meeting_id, article_id, start, "end"',
    "meetings_statement": 'id, speaker_id, article_id, text, start, "end", meeting_id, said_on',
}


def generate(articles: int = 400, seed: int = 3, **kwargs) -> corpus.Report:
    return corpus.generate(articles=articles, seed=seed, workers=0, log=lambda _: None, **kwargs)


def scalar(sql: str, params=()):
    with connection.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchone()[0]


def digest() -> dict[str, str]:
    return {
        table: scalar(
            "SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) "
            f"FROM (SELECT {cols} FROM {table}) t"
        )
        for table, cols in DIGESTS.items()
    }


def index_names() -> set[str]:
    with connection.cursor() as cur:
        cur.execute("SELECT indexname FROM pg_indexes WHERE tablename LIKE 'meetings_%%'")
        return {name for (name,) in cur.fetchall()}


def test_the_same_seed_gives_the_same_rows_and_another_seed_other_rows():
    generate(seed=3)
    first = digest()
    generate(seed=3)
    assert digest() == first
    generate(seed=4)
    assert digest()["meetings_article"] != first["meetings_article"]


def test_tables_are_in_proportion_and_every_row_is_published():
    report = generate(articles=1000)
    counts = report.counts
    assert counts["articles"] == 1000
    assert counts["actors"] == 100
    assert counts["meetings"] == 500
    assert 1350 <= counts["participations"] <= 1650  # ~3 per meeting
    assert 1800 <= counts["statements"] <= 2200  # ~2 per article
    assert counts["evidence"] == 500
    assert (
        scalar("SELECT count(*) FROM meetings_article WHERE editorial_status <> 'published'") == 0
    )
    for table in ("meetings_meeting", "meetings_participation", "meetings_statement"):
        assert scalar(f"SELECT count(*) FROM {table} WHERE NOT is_public") == 0


def test_participations_copy_their_meetings_date_and_their_actors_country():
    generate()
    assert (
        scalar(
            """SELECT count(*) FROM meetings_participation p
               JOIN meetings_meeting m ON m.id = p.meeting_id
               JOIN meetings_actor a ON a.id = p.actor_id
               WHERE p.date IS DISTINCT FROM m.start_date
                  OR p.country_id IS DISTINCT FROM a.country_id
                  OR p.is_public <> m.is_public"""
        )
        == 0
    )


def test_country_pairs_are_what_refresh_country_pairs_would_write():
    from meetings.models import CountryPair, Meeting
    from meetings.services.copies import refresh_country_pairs

    generate()

    def rows():
        return sorted(
            CountryPair.objects.values_list("meeting_id", "first", "second", "year", "bilateral")
        )

    loaded = rows()
    assert len(loaded) > 100
    assert {bilateral for *_, bilateral in loaded} == {True, False}
    refresh_country_pairs(Meeting.objects.values_list("pk", flat=True))
    assert rows() == loaded


def test_the_meetings_csv_texts_are_what_the_copies_would_write():
    from meetings.models import Meeting
    from meetings.models.meetings import EXPORT_COPY_FIELDS
    from meetings.services.copies import export_texts

    generate()
    stored = {row[0]: row[1:] for row in Meeting.objects.values_list("pk", *EXPORT_COPY_FIELDS)}
    assert sum(1 for texts in stored.values() if texts[0] and texts[2]) > 100
    assert export_texts(list(stored)) == stored


def test_actor_and_country_activity_is_skewed():
    generate(articles=2000)
    busiest = scalar(
        "SELECT max(n) FROM (SELECT count(*) n FROM meetings_participation GROUP BY actor_id) s"
    )
    median = scalar(
        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM "
        "(SELECT count(*) n FROM meetings_participation GROUP BY actor_id) s"
    )
    assert busiest >= 10 * median
    top_country_share = scalar(
        "SELECT max(n)::float / sum(n) FROM "
        "(SELECT count(*) n FROM meetings_participation GROUP BY country_id) s"
    )
    assert top_country_share > 0.1


def test_bodies_hold_their_spans_names_and_dates_in_range():
    generate()
    with connection.cursor() as cur:
        cur.execute(
            """SELECT a.body, s.text, s.start, s."end" FROM meetings_statement s
               JOIN meetings_article a ON a.id = s.article_id"""
        )
        for body, text, start, end in cur.fetchall():
            assert body[start:end] == text
        cur.execute(
            """SELECT a.body, e.start, e."end", m.title FROM meetings_evidence e
               JOIN meetings_article a ON a.id = e.article_id
               JOIN meetings_meeting m ON m.id = e.meeting_id"""
        )
        for body, start, end, title in cur.fetchall():
            assert title.split(" – ")[1].split(" and ")[0] in body[start:end]
        cur.execute("SELECT body FROM meetings_article")
        words = [len(body.split()) for (body,) in cur.fetchall()]
    assert min(words) >= 300 and max(words) <= 930
    assert scalar("SELECT min(start_date) >= '2001-01-01' FROM meetings_meeting")
    assert scalar("SELECT max(start_date) <= '2025-12-31' FROM meetings_meeting")


def test_search_column_is_filled_and_the_terms_are_in_the_corpus():
    report = generate(articles=1000)
    if scalar(
        "SELECT count(*) FROM information_schema.columns "
        "WHERE table_name = 'meetings_article' AND column_name = 'search_vector'"
    ):
        assert scalar("SELECT count(*) FROM meetings_article WHERE search_vector IS NULL") == 0
        hits = scalar(
            "SELECT count(*) FROM meetings_article "
            "WHERE search_vector @@ websearch_to_tsquery('english', %s)",
            [report.terms["common_name"]],
        )
        assert 0.02 * 1000 <= hits <= 0.1 * 1000
    assert report.terms["busiest_actor_meetings"] > 50


def test_indexes_and_constraints_come_back_after_the_load():
    before = index_names()
    generate()
    assert index_names() == before
    assert scalar(f"SELECT count(*) FROM {corpus.DDL_TABLE}") == 0


def test_a_load_that_died_is_repaired_by_the_next_run():
    before = index_names()
    generate()
    with connection.cursor() as cur:
        corpus.save_and_drop_ddl(cur)  # as if the process died right after dropping
    assert index_names() < before
    generate()
    assert index_names() == before


def test_the_database_is_marked_synthetic():
    generate(articles=200)
    with connection.cursor() as cur:
        info = corpus.corpus_info(cur)
    assert info["articles"] == 200 and info["seed"] == 3


def test_refuses_a_database_with_articles_it_did_not_make():
    factories.article()
    with pytest.raises(corpus.NotSynthetic):
        generate()
    with pytest.raises(CommandError, match="refusing without --force"):
        call_command(GenerateCorpus(), "--articles", "100", "--workers", "0", stdout=io.StringIO())


def test_refuses_a_synthetic_database_someone_added_articles_to():
    generate(articles=100)
    factories.article()
    with pytest.raises(corpus.NotSynthetic, match="not generated"):
        generate(articles=100)


def test_force_replaces_data_it_did_not_make():
    factories.article()
    generate(articles=100, force=True)
    assert scalar("SELECT count(*) FROM meetings_article WHERE outlet NOT LIKE 'Synthetic %%'") == 0


def test_command_reports_what_it_made():
    out = io.StringIO()
    call_command(GenerateCorpus(), "--articles", "100", "--workers", "0", stdout=out)
    assert "100 articles" in out.getvalue()
    assert "50 meetings" in out.getvalue()
