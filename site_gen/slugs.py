"""Slugs for URLs: readable, ASCII, stable, and unique within a page kind.

python-slugify transliterates non-Latin scripts (Persian, Arabic, Cyrillic, Han), so
"علی خامنه‌ای" still gets a readable slug; text that transliterates to nothing falls back to a
short hash of itself, never to an empty path.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from slugify import slugify

MAX_SLUG = 80


def make_slug(text: str, max_length: int = MAX_SLUG) -> str:
    slug = slugify(text or "", max_length=max_length, word_boundary=True, save_order=True)
    if slug:
        return slug
    return "x-" + hashlib.sha256((text or "").encode("utf-8")).hexdigest()[:10]


def unique_slugs(items: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map each key to its base slug, suffixed ``-2``, ``-3``... where an earlier key took it.

    ``items`` are (key, base slug) pairs in a deterministic order (e.g. by input path), so the
    first key keeps the plain slug and every build gives the same answer.
    """
    taken: set[str] = set()
    out: dict[str, str] = {}
    for key, base in items:
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        out[key] = slug
    return out
