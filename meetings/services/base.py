"""What the service modules share: validated inserts, slugs and proposal fingerprints."""

from __future__ import annotations

import hashlib

from django.db import models
from django.utils.text import slugify

from meetings.models import (
    EditorialStatus,
)
from meetings.models.redirects import retired_slugs

PUBLISHED = EditorialStatus.PUBLISHED


def validated_save[M: models.Model](row: M, *, exclude: list[str] | None = None) -> M:
    """``full_clean()`` (all but ``exclude``), then ``save()``: a ValidationError names the
    bad field before the database could refuse the row. Returns the row."""
    row.full_clean(exclude=exclude)
    row.save()
    return row


def unique_slug(model, base: str, *, max_length: int = 200, exclude_pk=None) -> str:
    """``base`` slugified, with -2, -3… appended until no other row of ``model`` has it."""
    root = (slugify(base, allow_unicode=False) or "item")[:max_length].strip("-") or "item"
    taken = model.objects.filter(slug__startswith=root)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    taken = taken.order_by().values_list("slug")
    if (retired := retired_slugs(model, root)) is not None:
        taken = taken.union(retired.order_by(), all=True).order_by()  # one query for both
    taken = {slug for (slug,) in taken}
    slug, n = root, 2
    while slug in taken:
        slug = f"{root[: max_length - 6]}-{n}"
        n += 1
    return slug


def fingerprint(*parts) -> str:
    """A stable hash of a proposal's identity (where in which article it comes from)."""
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()
