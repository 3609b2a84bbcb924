"""The page benchmark: the site under gunicorn on the synthetic corpus, driven by wrk.

    DJANGO_SETTINGS_MODULE=bench.settings manage.py bench --articles 1000000 \
        [--json var/bench.json] [--duration 10] [--connections 2] [--publish]

For each page kind: p50, p95, requests/s (wrk over loopback, after a short warm-up) and SQL
queries per request (the Django test client, once, on the same database), next to the floor
(/bench/floor/: one indexed query and a 20-row template) measured in the same run. Then the
import throughput, with and without extraction. Benchmarks print figures; they never fail on
a timing. ``make bench`` is the usual way in (it creates the database and migrates it).

With ``--publish`` (``BENCH_PUBLISH=1``): reading while the newsroom publishes. The pages are
served the way production serves them, from the shared cache (bench/settings.py turns it on;
REDIS_URL, else redis://127.0.0.1:6379/1), while bench/publish.py publishes one article a
second (a meeting and a statement) through the real services; each page kind's line adds the
share of its responses the cache served ("hit %"), and the JSON ``publish_per_s`` and
``hit_ratio``.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from bench import corpus, ingest
from bench.publish import CONCURRENT, Publisher

LUA = Path(__file__).resolve().parents[2] / "report.lua"  # bench/report.lua
DEEP_PAGES = 500
YEAR = 2024


def url_or_none(name: str, *args, query: dict | None = None) -> str | None:
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return None
    return url + ("?" + urlencode(query, doseq=True) if query else "")


def cpu_ms(pid: int) -> float:
    """CPU time (user + system) of a process and its children, in ms."""
    total = 0.0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    tick = os.sysconf("SC_CLK_TCK")
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) * 1000 / tick
    return total


class Command(BaseCommand):
    help = "Benchmark every page kind against the floor, on the synthetic corpus."

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, default=int(os.environ.get("BENCH_ARTICLES", 1_000_000))
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--json", dest="json_path", default=os.environ.get("BENCH_JSON"))
        parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
        parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per page")
        parser.add_argument("--connections", type=int, default=2)
        parser.add_argument("--gunicorn-workers", type=int, default=2)
        parser.add_argument("--port", type=int, default=0, help="default: a free port")
        parser.add_argument("--only", default="", help="comma-separated page kinds")
        parser.add_argument(
            "--deep-pages",
            type=int,
            default=DEEP_PAGES,
            help="how many 'older' links timeline_deep follows",
        )
        parser.add_argument("--skip-import", action="store_true")
        parser.add_argument(
            "--queries-only", action="store_true", help="print queries per page, no load"
        )
        parser.add_argument("--import-only", action="store_true", help="only the import figures")
        parser.add_argument(
            "--publish",
            action="store_true",
            default=os.environ.get("BENCH_PUBLISH", "") not in ("", "0"),
            help="one publication a second during the load, pages from the shared cache",
        )

    def handle(self, *args, **opts):
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark needs PostgreSQL (set DATABASE_URL).")
        if settings.ROOT_URLCONF != "bench.urls":
            raise CommandError("Run with DJANGO_SETTINGS_MODULE=bench.settings.")
        if not opts["import_only"] and not shutil.which("wrk"):  # the import needs no wrk
            raise CommandError("wrk is missing: apt-get install -y wrk")
        out = self.stdout.write
        result: dict = {"articles": 0, "floor": {}, "pages": {}, "import": {}, "generate_s": None}

        with connection.cursor() as cur:
            info = corpus.corpus_info(cur)
        if info is None or info["articles"] < opts["articles"]:
            have = info["articles"] if info else 0
            out(f"Corpus: {have:,} articles, {opts['articles']:,} wanted: generating")
            try:
                report = corpus.generate(articles=opts["articles"], seed=opts["seed"], log=out)
            except corpus.NotSynthetic as error:
                raise CommandError(f"{error}; run generate_corpus --force yourself") from error
            with connection.cursor() as cur:
                info = corpus.corpus_info(cur)
            result["generate_s"] = report.seconds
            out(f"Generated in {report.seconds:.1f} s")
        else:
            result["generate_s"] = info.get("seconds")
            out(
                f"Corpus: {info['articles']:,} articles (generated earlier in "
                f"{info.get('seconds')} s)"
            )
        result["articles"] = info["articles"]
        result["counts"] = info.get("counts", {})
        terms = info["terms"]
        out(f"Counts: {info.get('counts')}")
        out(f"Terms: {terms}")

        if opts["import_only"]:
            found = self.import_throughput(opts["seed"])
            out(f"Import: {found}")
            return
        call_command("collectstatic", interactive=False, verbosity=0)
        if opts["publish"]:
            from meetings import cache

            if not cache.enabled():
                raise CommandError("--publish needs the shared cache (BENCH_PUBLISH=1 in the env)")
        result["cache"] = self.cache_mode()
        out(f"Cache: {result['cache']}")
        result["postgres"] = warm_database()
        out(f"PostgreSQL: {result['postgres']['summary']}")
        pages, skipped, notes = self.page_urls(terms, opts["deep_pages"])
        only = {k for k in opts["only"].split(",") if k}
        if only:
            pages = {k: v for k, v in pages.items() if k in only}
        for kind, reason in skipped.items():
            out(f"SKIPPED {kind}: {reason}")
        queries = self.count_queries(pages)
        if opts["queries_only"]:
            for kind, found in {"floor": self.count_queries({"f": "/bench/floor/"})["f"]}.items():
                out(f"{kind:<26}{found['queries']:>4} queries")
            for kind, found in queries.items():
                out(
                    f"{kind:<26}{found['queries']:>4} queries  {found['status']}  "
                    f"{found['sql_ms']:>8} ms SQL  {found['client_ms']:>8} ms  {pages[kind]}"
                )
            return

        port = opts["port"] or free_port()
        base = f"http://127.0.0.1:{port}"
        server = self.start_gunicorn(port, opts["gunicorn_workers"])
        publisher = None
        before = max_ids()
        if opts["publish"]:
            publisher = Publisher()
            publisher.start()
        try:
            out(
                f"\nwrk: {opts['duration']} s per page after {opts['warmup']} s warm-up, "
                f"{opts['connections']} connections, gunicorn {opts['gunicorn_workers']} sync "
                f"workers, {base}"
            )
            result["floor"] = self.load(base + "/bench/floor/", server.pid, opts)
            result["floor"].update(self.count_queries({"floor": "/bench/floor/"})["floor"])
            self.print_header()
            self.print_line("floor", result["floor"], result["floor"])
            for kind, url in pages.items():
                figures = self.load(base + url, server.pid, opts)
                figures.update(queries[kind])
                figures["url"] = url
                result["pages"][kind] = figures
                self.print_line(kind, figures, result["floor"])
            floor_end = self.load(base + "/bench/floor/", server.pid, opts)
            result["floor_end"] = floor_end
            self.print_line("floor (again)", floor_end, result["floor"])
        finally:
            if publisher:
                publisher.stop()
            os.kill(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        if publisher:
            delete_after(before)
            result["publish_per_s"] = publisher.per_second
            busy = sorted(publisher.busy_ms) or [0.0]
            out(
                f"\nPublished {publisher.published} articles in {publisher.seconds:.0f} s "
                f"({publisher.per_second}/s; each took {busy[len(busy) // 2]:.0f} ms median, "
                f"{busy[-1]:.0f} ms max); {len(publisher.failed)} failed, "
                f"{publisher.skipped} seconds skipped ({CONCURRENT} still under way)"
                + (f": {publisher.failed[0]}" if publisher.failed else "")
                + "; their rows deleted afterwards"
            )
        out(
            "\ncpu ms: gunicorn CPU per request under load; 1x ms and sql ms: one request alone "
            "through the test client (in-process) and the SQL time within it"
        )
        for kind, note in notes.items():
            out(f"note: {kind}: {note}")
        result["skipped"] = skipped
        result["notes"] = notes

        if not opts["skip_import"]:
            result["import"] = self.import_throughput(opts["seed"])
            out(
                f"\nImport: {result['import']['plain_per_s']} articles/s without extraction, "
                f"{result['import']['with_extraction_per_s']} with extraction "
                f"({result['import']['how']})"
            )
        if opts["json_path"]:
            Path(opts["json_path"]).parent.mkdir(parents=True, exist_ok=True)
            Path(opts["json_path"]).write_text(json.dumps(result, indent=2) + "\n")
            out(f"JSON: {opts['json_path']}")

    def cache_mode(self) -> str:
        """Uncached (the default), or the shared cache the pages are served from, emptied of
        this corpus's earlier pages by moving the publication generation on."""
        from meetings import cache

        if not cache.enabled():
            return "none (pages and figures computed on every request)"
        cache.publication_changed()
        backend = settings.CACHES["default"]
        return (
            f"{backend['BACKEND'].rsplit('.', 1)[-1]} at {backend.get('LOCATION')} "
            "(whole public pages served from the shared cache until what they show changes; "
            "'queries', '1x ms' and 'sql ms' are the first, uncached request's)"
        )

    # --- pages ---------------------------------------------------------------------------

    def page_urls(self, terms: dict, deep_pages: int = DEEP_PAGES) -> tuple[dict, dict, dict]:
        """URL of each page kind, from the site's urls.py as it stands; and what is skipped."""
        from meetings.models import Meeting

        pages: dict[str, str | None] = {}
        notes: dict[str, str] = {}
        one_year = {
            "country": terms["big_country"],
            "date_from": f"{YEAR}-01-01",
            "date_to": f"{YEAR}-12-31",
        }
        pages["home"] = url_or_none("meetings:home")
        for kind, key in [
            ("search_rare_word", "rare_word"),
            ("search_common_name", "common_name"),
            ("search_very_common_word", "very_common_word"),
            ("search_two_words", "two_words"),
        ]:
            pages[kind] = url_or_none("meetings:search", query={"q": terms[key]})
        pages["meeting_list_country_year"] = url_or_none("meetings:meeting-list", query=one_year)
        middle = Meeting.objects.filter(is_public=True).order_by("pk")
        meeting = middle[max(0, middle.count() // 2 - 1)] if middle.exists() else None
        pages["meeting_detail"] = meeting and url_or_none("meetings:meeting-detail", meeting.slug)
        slug = terms["busiest_actor_slug"]
        pages["timeline_first"] = url_or_none("meetings:actor-detail", slug)
        pages["timeline_deep"] = None
        if pages["timeline_first"]:
            url, depth = self.follow_older(pages["timeline_first"], deep_pages)
            pages["timeline_deep"] = url
            notes["timeline_deep"] = f"{depth} pages deep (followed the 'older' links)"
        pair = terms["pair"]
        pages["country_pair"] = url_or_none("meetings:country-pair", pair[0], pair[1])
        pages["country_detail"] = url_or_none("meetings:country-detail", terms["big_country"])
        pages["actor_feed"] = url_or_none("meetings:actor-feed", slug)
        pages["csv_export"] = url_or_none("meetings:meeting-export", query=one_year)
        # The JSON API's counterparts of the meeting list and the pair page (meetings/api/).
        pages["api_meetings_country_year"] = url_or_none("api:meeting-list", query=one_year)
        pages["api_country_pair"] = url_or_none("api:country-pair", pair[0], pair[1])
        skipped = {k: "no such URL in meetings/urls.py yet" for k, v in pages.items() if not v}
        pages = {k: v for k, v in pages.items() if v}
        client = Client()
        for kind, url in pages.items():  # measure the page a redirect leads to
            response = client.get(url)
            if response.status_code in (301, 302, 307, 308):
                notes[kind] = f"{url} redirects to {response['Location']}; measured the latter"
                pages[kind] = response["Location"]
        return pages, skipped, notes

    def follow_older(self, url: str, pages: int) -> tuple[str, int]:
        """The URL ``pages`` pages down the keyset chain (or the last one there is)."""
        client = Client()
        depth = 0
        seen = {url}
        while depth < pages:
            html = client.get(url).content.decode()
            links = [
                link.replace("&amp;", "&")
                for link in re.findall(r'href="([^"]*[?&](?:amp;)?after=[^"]*)"', html)
            ]
            links = [link for link in links if link not in seen]
            if not links:
                break
            link = links[-1]
            url = link if link.startswith("/") else url.split("?")[0] + link
            seen.add(url)
            depth += 1
        return url, depth

    def count_queries(self, pages: dict) -> dict:
        """Queries, status and size of each page, fetched once with the test client; with a
        shared cache, under a new publication generation, so each is built, not served."""
        from meetings import cache

        if cache.enabled():
            cache.publication_changed()  # outside a transaction: at once
        client = Client()
        client.get("/bench/floor/")  # load templates and settle the connection first
        found = {}
        for kind, url in pages.items():
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
                body = (
                    b"".join(response.streaming_content) if response.streaming else response.content
                )
            found[kind] = {
                "client_ms": round((time.perf_counter() - started) * 1000, 1),
                "sql_ms": round(sum(float(q["time"]) for q in ctx.captured_queries) * 1000, 1),
                "queries": len(ctx.captured_queries),
                "status": response.status_code,
                "bytes": len(body),
            }
        return found

    # --- load ----------------------------------------------------------------------------

    def start_gunicorn(self, port: int, workers: int) -> subprocess.Popen:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
        command = [
            sys.executable, "-m", "gunicorn", "meetings.wsgi", "-w", str(workers), "-k", "sync",
            "-b", f"127.0.0.1:{port}", "--timeout", "120", "--log-level", "warning",
        ]  # fmt: skip
        server = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/floor/", timeout=5):
                    return server
            except OSError:
                if server.poll() is not None:
                    raise CommandError("gunicorn exited; see its output above") from None
                time.sleep(0.3)
        server.kill()
        raise CommandError("gunicorn did not answer within 60 s")

    def load(self, url: str, pid: int, opts: dict) -> dict:
        base = ["wrk", "-t1", f"-c{opts['connections']}", "--timeout", "20s"]
        if opts["warmup"]:
            subprocess.run([*base, f"-d{opts['warmup']}s", url], capture_output=True, check=True)
        before = cpu_ms(pid)
        run = subprocess.run(
            [*base, f"-d{opts['duration']}s", "-s", str(LUA), url],
            capture_output=True,
            text=True,
            check=True,
        )
        after = cpu_ms(pid)
        line = next(x for x in run.stdout.splitlines() if x.startswith("BENCH_JSON "))
        figures = json.loads(line.removeprefix("BENCH_JSON "))
        if not figures["requests"]:  # not one answer within the run: no latency to report
            figures.update(p50_ms=None, p95_ms=None, p99_ms=None, max_ms=None)
        figures["srv_cpu_ms_per_req"] = round((after - before) / max(1, figures["requests"]), 2)
        hits, misses = figures.pop("cache_hits"), figures.pop("cache_misses")
        figures["hit_ratio"] = round(hits / (hits + misses), 3) if hits + misses else None
        return figures

    def print_header(self) -> None:
        self.stdout.write(
            f"\n{'page kind':<26}{'p50 ms':>9}{'p95 ms':>9}{'rps':>8}{'queries':>8}"
            f"{'p50/fl':>7}{'p95/fl':>7}{'hit %':>7}{'cpu ms':>8}{'1x ms':>8}{'sql ms':>8}"
            f"{'status':>7}"
            f"{'bytes':>9}  url"
        )

    def print_line(self, kind: str, f: dict, floor: dict) -> None:
        def ms(value):
            return f"{value:.2f}" if value is not None else "-"

        def ratio(value, base):
            return f"{value / base:.1f}" if value is not None and base else "-"

        trouble = f["non2xx"] or f["errors"] or not f["requests"]
        hit = "-" if f.get("hit_ratio") is None else f"{f['hit_ratio'] * 100:.0f}"
        self.stdout.write(
            f"{kind:<26}{ms(f['p50_ms']):>9}{ms(f['p95_ms']):>9}{f['rps']:>8.1f}"
            f"{f.get('queries', ''):>8}{ratio(f['p50_ms'], floor['p50_ms']):>7}"
            f"{ratio(f['p95_ms'], floor['p95_ms']):>7}{hit:>7}{f['srv_cpu_ms_per_req']:>8.2f}"
            f"{f.get('client_ms', ''):>8}{f.get('sql_ms', ''):>8}{f.get('status', ''):>7}"
            f"{f.get('bytes', ''):>9}  {f.get('url', '')}"
            + (
                f"  (requests {f['requests']}, non-2xx {f['non2xx']}, errors {f['errors']})"
                if trouble
                else ""
            )
        )

    # --- import ----------------------------------------------------------------------------

    def import_throughput(self, seed: int, plain: int = 10_000, extracted: int = 50) -> dict:
        """Articles per second through ``manage.py import_articles`` (with and without
        --extract), on this database; the imported rows are deleted afterwards. Timed here
        around the command (its own printout rounds to a tenth of a second)."""
        from django.core.management import get_commands

        before = max_ids()
        samples = sample_articles(seed + 1000, plain + extracted)
        rates = {}
        how = "manage.py import_articles"
        try:
            with tempfile.TemporaryDirectory() as tmp:
                for key, rows, extract in [
                    ("plain_per_s", samples[:plain], False),
                    ("with_extraction_in_process_per_s", samples[plain:], True),
                ]:
                    path = Path(tmp) / f"{key}.jsonl"
                    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
                    if "import_articles" in get_commands():
                        buffer = io.StringIO()
                        started = time.perf_counter()
                        call_command(
                            "import_articles", str(path), extract=extract, stdout=buffer,
                            stderr=io.StringIO(),
                        )  # fmt: skip
                        seconds = time.perf_counter() - started
                        imported = re.search(r"Imported ([\d,]+)", buffer.getvalue())
                        n = int(imported.group(1).replace(",", "")) if imported else None
                        rates[key] = round(n / seconds, 1) if n else None
                        rates[key.replace("per_s", "imported")] = n
                    else:
                        how = "meetings.services directly"
                        rates[key] = services_import(rows, extract)
            # On Celery workers, 1 and 2 processes (bench/ingest.py): "with_extraction_per_s".
            rates.update(ingest.with_extraction(sample_articles(seed + 2000, 2 * ingest.ARTICLES)))
        finally:
            delete_after(before)
        rates["how"] = how
        return rates


# Written by the import with extraction (facts of fused meetings), not by the corpus:
# deleted first, before the meetings and articles they name.
IMPORT_TABLES = ["meetings_meetingfact"]


def max_ids() -> dict[str, int]:
    """The highest id of each corpus table: what the bench adds is above it."""
    before = {}
    with connection.cursor() as cur:
        for table in IMPORT_TABLES + corpus.TABLES + corpus.OTHER_TABLES:
            cur.execute(f"SELECT coalesce(max(id), 0) FROM {table}")
            before[table] = cur.fetchone()[0]
    return before


def delete_after(before: dict[str, int]) -> None:
    """Delete the rows the bench added (imports, publications); cached pages go too."""
    from meetings import cache

    with connection.cursor() as cur:
        for table in IMPORT_TABLES + corpus.OTHER_TABLES + corpus.TABLES:
            cur.execute(f"DELETE FROM {table} WHERE id > %s", [before[table]])
    cache.publication_changed()


def warm_database() -> dict:
    """Load the corpus's tables and indexes into PostgreSQL's buffer cache (pg_prewarm), so
    the figures are warm-cache ones from the first request, and say how much of them fits.

    Smallest first, up to 90 % of shared_buffers: with the server's default of 128 MB most
    of a 1M-article corpus (about 3 GB without the article bodies) is read from the
    operating system's cache on every request, and the figures say so.
    """
    with connection.cursor() as cur:
        cur.execute("SELECT setting::bigint * 8192, current_setting('shared_buffers') "
                    "FROM pg_settings WHERE name = 'shared_buffers'")  # fmt: skip
        budget, shown = cur.fetchone()
        cur.execute(
            "SELECT c.oid, pg_relation_size(c.oid) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "LEFT JOIN pg_index i ON i.indexrelid = c.oid "
            "JOIN pg_class t ON t.oid = coalesce(i.indrelid, c.oid) "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i') "
            "AND t.relname LIKE 'meetings\\_%' ORDER BY 2"
        )
        relations = cur.fetchall()
        total = sum(size for _, size in relations)
        loaded = 0
        try:
            cur.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
            for oid, size in relations:
                if loaded + size > 0.9 * budget:
                    break
                cur.execute("SELECT pg_prewarm(%s)", [oid])
                loaded += size
        except DatabaseError as error:
            summary = f"not prewarmed ({str(error).strip()}); shared_buffers {shown}"
            return {"shared_buffers": shown, "relations_mb": total >> 20, "summary": summary}
    summary = (
        f"shared_buffers {shown}; the corpus's tables and indexes {total >> 20:,} MB, "
        f"{loaded >> 20:,} MB of them loaded with pg_prewarm"
    )
    if loaded < total:
        summary += (
            f" (the rest is read from the OS cache: for warm-cache figures set shared_buffers "
            f"above {(total >> 30) + 1} GB and restart PostgreSQL)"
        )
    return {
        "shared_buffers": shown,
        "relations_mb": total >> 20,
        "prewarmed_mb": loaded >> 20,
        "summary": summary,
    }


def services_import(rows: list[dict], extract: bool) -> float:
    from meetings import services

    started = time.perf_counter()
    for r in rows:
        article = services.article_create(
            title=r["title"], body=r["text"], outlet=r["outlet"], url=r["url"]
        )
        if extract:
            services.article_extract(article=article)
    return round(len(rows) / (time.perf_counter() - started), 1)


def sample_articles(seed: int, n: int) -> list[dict]:
    """``n`` new synthetic articles (another seed: texts and URLs not in the corpus)."""
    from meetings.models import Country

    countries = [
        (c, name, (cap.split(",")[0].strip() or name))
        for c, name, cap in Country.objects.values_list("code", "name", "capital")
    ]
    sizes = corpus.Sizes.for_articles(max(n, 1000))
    plan = corpus.make_plan(seed, sizes, countries, actor_first=1)
    filler = corpus.Filler(seed)
    lines: list[str] = []
    block = 0
    while len(lines) < n:  # a block holds corpus.BLOCK articles
        lines += corpus.article_block(plan, filler, block)[0]
        block += 1
    out = []
    for line in lines[:n]:
        f = line.rstrip("\n").split("\t")
        out.append(
            {
                "title": f[1],
                "outlet": "Bench Import",
                "url": f[4].replace("news.synthetic.example", "import.synthetic.example"),
                "dateline": f[5],
                "published": f[6],
                "text": f[8].replace("\\n", "\n"),
            }
        )
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
