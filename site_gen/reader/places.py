"""Known places: the names a dateline in ordinary case may give.

A dateline in capitals ("LIMA -") says what it is by its case. One in ordinary case does not:
"Lima: The council ..." reads like "Update: The council ...", and a heading "Lima" over the
story like a section's name. Those are datelines only when the words name a known place:
``site_gen/data/places.txt`` lists the cities of 100,000 people or more and every capital,
under their names in the cased scripts (from GeoNames; ``make places`` makes it again).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    text = resources.files("site_gen").joinpath("data/places.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().casefold()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def known_place(name: str) -> bool:
    """Is ``name`` ("Lima", "New Delhi", "Москва") a place of the list (any case)?"""
    return " ".join(name.split()).casefold() in _places()
