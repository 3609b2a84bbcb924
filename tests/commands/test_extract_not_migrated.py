"""``manage.py extract`` on a database nobody migrated: one clear line and a non-zero exit,
not a traceback from its first query. A real process on a new, empty SQLite file."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def extract(tmp_path, database_url: str) -> subprocess.CompletedProcess:
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "a1", "text": "Two ministers met on Monday."}) + "\n")
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "manage.py", "extract", str(articles)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_extract_on_a_database_not_migrated_says_how_to_set_it_up(tmp_path):
    run = extract(tmp_path, f"sqlite:///{tmp_path / 'empty.sqlite3'}")

    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert "not set up" in lines[0]
    assert "make run" in lines[0] and "manage.py migrate && manage.py load_reference" in lines[0]
    assert "Traceback" not in run.stderr
