# Diplomatic Meetings — the two commands: `make run` and `make test`.
# Needs Python >= 3.12 (Django 6.1). Override the interpreter with `make PYTHON=/path/to/python3.13 …`.

SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/meetings
HOST ?= 127.0.0.1
PORT ?= 8000

# The first candidate that actually runs and reports Python >= 3.12. Candidates are run, not
# just looked up: a pyenv shim such as python3.13 exists on PATH but fails unless selected.
define find_python
for cand in "$(PYTHON)" python3.13 python3.12 python3 \
    $$(pyenv root 2>/dev/null | sed 's|$$|/versions|' | xargs -I{} sh -c 'ls -d {}/3.1[2-9]*/bin/python3 {}/3.[2-9]*/bin/python3 2>/dev/null' | sort -rV) \
    /usr/local/bin/python3.13 /usr/local/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12; do \
  [ -n "$$cand" ] || continue; \
  if "$$cand" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then \
    echo "$$cand"; exit 0; \
  fi; \
done; exit 1
endef

.PHONY: help
help:
	@echo "make run    set up everything (venv, install, migrate, reference + demo data, editor login) and serve http://$(HOST):$(PORT)/"
	@echo "make test   lint, migration check, then the whole suite on SQLite and on PostgreSQL"
	@echo "make bench  page and import benchmark on a synthetic PostgreSQL corpus (see README)"
	@echo "make bench-extraction  extraction: articles/s of CPU, and the time of a 300 KB text"
	@echo "make bench-matching  ms per proposed meeting of matching it to the recorded ones"
	@echo "make soak   load and faults: gunicorn + wrk on the demo data, worker kills, backend terminations"
	@echo "make lint | make format | make extract-eval | make clean"

$(PY):
	@python="$$( $(find_python) )" || { \
	  echo "error: no Python >= 3.12 found (tried PYTHON, python3.13, python3.12, python3 and pyenv versions)." >&2; \
	  echo "       Django 6.1 needs Python 3.12 or newer: install one, or run 'make PYTHON=/path/to/python3.12 …'." >&2; \
	  exit 1; }; \
	echo "Using $$python ($$("$$python" --version 2>&1))"; \
	"$$python" -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

.PHONY: install
install: $(STAMP)

.PHONY: run
run: install
	@mkdir -p var
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_reference
	$(PY) manage.py load_demo
	@echo
	@$(PY) manage.py create_editor --url "http://$(HOST):$(PORT)/admin/"
	@echo "Site: http://$(HOST):$(PORT)/   (Ctrl-C stops the server)"
	@echo
	$(PY) manage.py runserver $(HOST):$(PORT)

.PHONY: lint
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

.PHONY: format
format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The browser tests drive Debian's Chromium. Missing, it is installed as .ci/run does when
# this runs as root with apt-get; otherwise the browser tests are left out, and said so.
CHROMIUM := /usr/bin/chromium

.PHONY: chromium
chromium:
	@if [ ! -x $(CHROMIUM) ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests (as .ci/run does)"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium \
	    || echo "warning: could not install chromium" >&2; \
	fi

# The PostgreSQL leg uses DATABASE_URL when it names PostgreSQL, else the local server.
# Under CI=true it is required: an unreachable server fails the run instead of skipping.
.PHONY: test
test: install chromium
	@mkdir -p var
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DATABASE_URL=sqlite:///var/check.sqlite3 $(PY) manage.py makemigrations --check --dry-run
	DATABASE_URL=sqlite:///var/check.sqlite3 DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=meetings.example.org DJANGO_SECRET_KEY=make-test-check-deploy-only-not-a-real-secret-key-0123456789 $(PY) manage.py check --deploy --fail-level WARNING
	@set -u; \
	pg_url="$(PG_URL)"; case "$${DATABASE_URL:-}" in postgres*) pg_url="$$DATABASE_URL";; esac; \
	markers=(); browser_result="run in both legs"; \
	if [ ! -x $(CHROMIUM) ]; then \
	  markers=(-m "not browser"); \
	  browser_result="SKIPPED: $(CHROMIUM) is missing and could not be installed (needs root and apt-get: apt-get install chromium)"; \
	  echo "NOTE: the browser tests are skipped: $(CHROMIUM) is missing (apt-get install chromium as root)."; \
	fi; \
	echo "== SQLite leg =="; \
	DATABASE_URL=sqlite:///var/test.sqlite3 $(PY) -m pytest "$${markers[@]}" $(PYTEST_ARGS); sqlite_rc=$$?; \
	echo "== PostgreSQL leg ($$pg_url) =="; \
	if $(PY) -c "import sys, psycopg2; psycopg2.connect(sys.argv[1].replace('/' + sys.argv[1].rsplit('/', 1)[1], '/postgres'), connect_timeout=5).close()" "$$pg_url" 2>/dev/null; then \
	  DATABASE_URL="$$pg_url" $(PY) -m pytest "$${markers[@]}" $(PYTEST_ARGS); pg_rc=$$?; \
	  pg_result=$$([ $$pg_rc = 0 ] && echo passed || echo "FAILED (exit $$pg_rc)"); \
	elif [ "$${CI:-}" = "true" ]; then \
	  pg_rc=1; pg_result="FAILED: PostgreSQL at $$pg_url is unreachable and CI=true requires this leg"; \
	else \
	  pg_rc=0; pg_result="SKIPPED: no PostgreSQL reachable at $$pg_url (set DATABASE_URL or start the server)"; \
	fi; \
	echo; echo "== Results =="; \
	echo "SQLite leg:     $$([ $$sqlite_rc = 0 ] && echo passed || echo "FAILED (exit $$sqlite_rc)")"; \
	echo "PostgreSQL leg: $$pg_result"; \
	echo "Browser tests:  $$browser_result"; \
	[ $$sqlite_rc = 0 ] && [ $$pg_rc = 0 ]

# Score the extraction pipeline on the evaluation set (database as `make run` prepares it).
EVAL_DIR ?= ../shared/eval
.PHONY: extract-eval
extract-eval: install
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_reference
	$(PY) manage.py load_demo
	$(PY) manage.py extract $(EVAL_DIR)/dev_articles.jsonl > var/pred.jsonl
	python3 $(EVAL_DIR)/score.py $(EVAL_DIR)/dev_articles.jsonl var/pred.jsonl

.PHONY: clean
clean:
	rm -rf $(VENV) var/test.sqlite3 var/check.sqlite3 .pytest_cache .ruff_cache

# --- make bench: pages under gunicorn + wrk on a synthetic corpus, next to a floor (issue 5) ---
# Runs from the dev-only bench/ app (bench/settings.py installs it; it never ships).
# DATABASE_URL (default below; created if missing), BENCH_ARTICLES (the corpus is generated
# when the database holds fewer), BENCH_JSON=path also writes the figures as JSON.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/meetings_bench
BENCH_ARTICLES ?= 1000000
BENCH_ARGS ?=

# What make bench and make soak share: wrk, and a PostgreSQL database (DATABASE_URL, else
# the default given as $(1); created if missing, migrated) under the bench settings.
define bench_database
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }; \
	url="$${DATABASE_URL:-$(1)}"; \
	case "$$url" in postgres*) ;; *) echo "make $@ needs PostgreSQL: DATABASE_URL=$$url" >&2; exit 2;; esac; \
	$(PY) -m bench.createdb "$$url"; \
	export DATABASE_URL="$$url" DJANGO_SETTINGS_MODULE=bench.settings; \
	$(PY) manage.py migrate --no-input -v 0
endef

.PHONY: bench
bench: install
	@set -e; $(call bench_database,$(BENCH_DATABASE_URL)); \
	$(PY) manage.py bench --articles $(BENCH_ARTICLES) $(if $(BENCH_JSON),--json $(BENCH_JSON)) $(BENCH_ARGS)

# The extraction pipeline alone: synthetic articles against a 100,000-alias knowledge base.
.PHONY: bench-extraction
bench-extraction: install  # e.g. make bench-extraction EXTRACTION_BENCH_ARGS="--profile 30"
	$(PY) -m bench.extraction $(EXTRACTION_BENCH_ARGS)

# Matching a proposed meeting against the recorded ones (issue 13): ms per proposal on the
# bench corpus (MATCHING_DATABASE_URL; generate it with make bench first).
MATCHING_DATABASE_URL ?= $(BENCH_DATABASE_URL)
.PHONY: bench-matching
bench-matching: install  # e.g. make bench-matching MATCHING_ARGS="--samples 1000"
	@set -e; $(call bench_database,$(MATCHING_DATABASE_URL)); \
	$(PY) -m bench.matching $(MATCHING_ARGS)

# --- make soak: load and faults (issue 12): gunicorn on 127.0.0.1, wrk 64 connections over a
# mix of pages on the demo data; a steady phase, then one with worker kills and database
# backend terminations. Prints requests, errors by kind and p50/p99. Not a test.
SOAK_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/meetings_soak
SOAK_ARGS ?=

.PHONY: soak
soak: install
	@set -e; $(call bench_database,$(SOAK_DATABASE_URL)); \
	$(PY) manage.py load_reference -v 0; \
	$(PY) manage.py load_demo -v 0; \
	$(PY) -m bench.soak $(SOAK_ARGS)
