"""Create the PostgreSQL database named by a URL when it does not exist (for make bench).

python -m bench.createdb postgres://postgres@127.0.0.1:5432/meetings_bench
"""

import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg2
from psycopg2 import sql


def main(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    conn = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")), connect_timeout=10)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cur.fetchone() is None:
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Created database {name}")
    conn.close()


if __name__ == "__main__":
    main(sys.argv[1])
