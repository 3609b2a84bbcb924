"""Run the pipeline over a JSONL file without the database: ``manage.py extract`` output.

    python -m bench.devscore IN.jsonl > pred.jsonl
    python3 ../shared/eval/score.py IN.jsonl pred.jsonl --verbose

The knowledge base is built from reference data (one state actor per country) plus, when
importable, the demo actors of ``meetings.demo.data``.
"""

from __future__ import annotations

import json
import sys
from datetime import date

from meetings import reference
from meetings.extraction import ArticleInput, extract
from meetings.extraction.kb import KBActor, KBAlias, KBPosition, KnowledgeBase


def _day(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def state_actors() -> list[KBActor]:
    return [
        KBActor(
            id=f"state:{c.code}",
            name=c.name,
            kind="state",
            country=c.code,
            aliases=tuple(KBAlias(a) for a in c.aliases),
        )
        for c in reference.countries()
    ]


def demo_actors() -> list[KBActor]:
    try:
        from meetings.demo.data import ACTORS
    except ImportError:
        return []
    out = []
    for row in ACTORS:
        aliases = [KBAlias(a) for a in row.get("aliases") or ()]
        for text, start, end in row.get("role_aliases") or ():
            aliases.append(KBAlias(text, True, _day(start), _day(end)))
        positions = tuple(
            KBPosition(
                title=p.get("title") or "",
                country=p.get("country"),
                organization=p.get("organization") or "",
                start=_day(p.get("start")),
                end=_day(p.get("end")),
            )
            for p in row.get("positions") or ()
        )
        out.append(
            KBActor(
                id=row["key"],
                name=row["name"],
                kind=row["kind"],
                country=row.get("country"),
                aliases=tuple(aliases),
                positions=positions,
            )
        )
    return out


def build_kb() -> KnowledgeBase:
    return KnowledgeBase(state_actors() + demo_actors())


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    kb = build_kb()
    with open(argv[0], encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            article = ArticleInput(
                text=row.get("text") or "",
                title=row.get("title") or "",
                published=_day(row.get("published")),
                dateline=row.get("dateline") or "",
                outlet=row.get("outlet") or "",
            )
            proposal = extract(article, kb)
            print(json.dumps(proposal.to_eval_dict(str(row.get("id"))), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
