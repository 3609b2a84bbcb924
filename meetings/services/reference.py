"""Reference data: countries and a state actor for each."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from meetings import reference
from meetings.models import (
    Actor,
    Alias,
    Country,
    normalize_name,
)


@transaction.atomic
def reference_load() -> tuple[int, int]:
    """Countries from meetings.reference, and a state actor for each; safe to run again.

    Bulk writes: this runs in every fresh set-up and in tests. Returns (countries created,
    state actors created).
    """
    existing = Country.objects.in_bulk()
    new, changed = [], []
    for c in reference.countries():
        row = Country(
            code=c.code, name=c.name, demonyms=list(c.demonyms), capital=", ".join(c.capitals)
        )
        old = existing.get(c.code)
        if old is None:
            new.append(row)
        elif (old.name, old.demonyms, old.capital) != (row.name, row.demonyms, row.capital):
            changed.append(row)
    Country.objects.bulk_create(new)
    Country.objects.bulk_update(changed, ["name", "demonyms", "capital"])

    with_state = set(
        Actor.objects.filter(kind=Actor.Kind.STATE).values_list("country_id", flat=True)
    )
    missing = [c for c in reference.countries() if c.code not in with_state]
    taken = set(Actor.objects.values_list("slug", flat=True))
    states = []
    for c in missing:
        slug, n = slugify(c.name) or c.code.lower(), 2
        while slug in taken:
            slug, n = f"{slugify(c.name)}-{n}", n + 1
        taken.add(slug)
        states.append(Actor(name=c.name, slug=slug, kind=Actor.Kind.STATE, country_id=c.code))
    Actor.objects.bulk_create(states)
    states = Actor.objects.filter(slug__in=[a.slug for a in states]).in_bulk(field_name="slug")
    aliases = []
    by_code = {a.country_id: a for a in states.values()}
    for c in missing:
        actor = by_code[c.code]
        seen = set()
        for text in [c.name, *(a for a in c.aliases if a.isascii())]:
            key = normalize_name(text)
            if key and key not in seen:
                seen.add(key)
                aliases.append(Alias(actor=actor, text=text, normalized=key))
    Alias.objects.bulk_create(aliases, batch_size=500)
    return len(new), len(states)
