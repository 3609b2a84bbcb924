"""Short synthetic articles written for these tests: a few templates of our own, filled
from fictional names, so that 200 of them differ and repeat people across articles."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from tests import factories

# (name, country code, office): fictional people; half are in the knowledge base.
PEOPLE = [
    ("Ama Boateng", "GH", "Foreign Minister"),
    ("Tunde Bello", "NG", "Foreign Minister"),
    ("Ingrid Solberg", "NO", "Prime Minister"),
    ("Mateo Lindqvist", "SE", "Defence Minister"),
    ("Keiko Arakawa", "JP", "Foreign Minister"),
    ("Rafael Quintero", "MX", "President"),
    ("Leila Haddad", "TN", "Trade Minister"),
    ("Tomas Varga", "HU", "Foreign Minister"),
    ("Priya Raman", "IN", "External Affairs Minister"),
    ("Jonas Petrauskas", "LT", "Prime Minister"),
    ("Nadia Okafor", "KE", "Foreign Minister"),
    ("Oskar Brandt", "DE", "Chancellor"),
]
DEMONYM = {
    "GH": "Ghanaian", "NG": "Nigerian", "NO": "Norwegian", "SE": "Swedish", "JP": "Japanese",
    "MX": "Mexican", "TN": "Tunisian", "HU": "Hungarian", "IN": "Indian", "LT": "Lithuanian",
    "KE": "Kenyan", "DE": "German",
}  # fmt: skip
CITIES = ["Vienna", "Geneva", "Nairobi", "Oslo", "Lisbon", "Hanoi"]
TOPICS = ["fisheries", "a border crossing", "grain exports", "a customs union", "energy links"]
TEMPLATES = [
    "{CITY}, {DATE} — {D1} {O1} {N1} met {D2} {O2} {N2} in {city} on {WEEKDAY} to discuss "
    '{topic}.\n\n"We made real progress on {topic}," {N1} said after the talks.',
    "{CITY}, {DATE} — {D1} {O1} {N1} held talks with {D2} {O2} {N2} in {city} on "
    "{WEEKDAY}.\n\n{N2} said the two sides would meet again before the end of the year.",
    "{CITY}, {DATE} — {D2} {O2} {N2} received {D1} {O1} {N1} in {city} on {WEEKDAY} for "
    'a day of talks on {topic}.\n\n"This is a good day for both our countries," {N2} said.',
]


def known_people() -> None:
    """The first half of PEOPLE as published actors, with their countries."""
    for name, code, _office in PEOPLE[: len(PEOPLE) // 2]:
        factories.country(code)
        factories.actor(name, country_code=code, editorial_status="published")
    for _, code, _ in PEOPLE:
        factories.country(code)


def article_rows(n: int, *, seed: int = 15) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        (n1, c1, o1), (n2, c2, o2) = rng.sample(PEOPLE, 2)
        city = rng.choice(CITIES)
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(300))
        text = rng.choice(TEMPLATES).format(
            CITY=city.upper(),
            DATE=f"{day:%B} {day.day}",
            WEEKDAY=f"{day:%A}",
            city=city,
            topic=rng.choice(TOPICS),
            N1=n1, O1=o1, D1=DEMONYM[c1], N2=n2, O2=o2, D2=DEMONYM[c2],
        )  # fmt: skip
        rows.append(
            {
                "title": f"{n1} and {n2} meet in {city} ({i})",
                "text": text + f"\n\nReport {i}.",
                "url": f"https://example.org/queue/{i}",
                "published": day.isoformat(),
            }
        )
    return rows


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path
