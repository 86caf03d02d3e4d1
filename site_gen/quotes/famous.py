"""Well-known figures and organisations: their common names, other forms, and the descriptions
that meant them, read from the shipped data file ``site_gen/data/figures.toml`` (in the
``speakers.toml`` format; see its header).

News style gives a well-known figure's full formal name ("Walter J. Brandt", "Melvin R. Brannock");
a speaker page uses the name readers know ("Walter Brandt", "Mel Brannock"). For everybody else the
canonicaliser keeps the full name most articles use. Forms are compared as
``speakers.norm_tokens`` sees them (casefolded, titles and middle initials dropped).
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

DATA = "data/figures.toml"
_NOMINEE = r"(?:nominee|candidate|standard[- ]bearer|front-?runner|hopeful)"


@lru_cache(maxsize=1)
def _figures() -> tuple[dict, ...]:
    text = resources.files("site_gen").joinpath(DATA).read_text(encoding="utf-8")
    entries = tomllib.loads(text).get("speaker", [])
    return tuple(e for e in entries if isinstance(e, dict) and isinstance(e.get("name"), str))


def entries() -> list[tuple[str, tuple[str, ...]]]:
    """(canonical name, every form) for each well-known person and organisation."""
    return [(e["name"], (e["name"], *e.get("aliases", []))) for e in _figures()]


def roles() -> list[tuple[str, tuple[str, ...]]]:
    """(pattern, figures) for each description: the figures a description may mean, in the
    order of the file (a description that fits several lists each of them)."""
    by_pattern: dict[str, list[str]] = {}
    for e in _figures():
        for pattern in e.get("roles", []):
            by_pattern.setdefault(pattern, []).append(e["name"])
    return [(p.replace("NOMINEE", _NOMINEE), tuple(f)) for p, f in by_pattern.items()]
