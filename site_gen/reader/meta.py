"""Metadata layers and their precedence.

Each place that can say something about an article gives one ``Meta`` layer: the sidecar file,
the front matter, the page's metadata (HTML), and what the text itself says (a footer, a
dateline, a byline). ``merge`` takes each field from the first layer that has it, in the order
given: sidecar > front matter > page metadata > text; the registry fills what is left (an
outlet's language) and canonicalises the outlet name.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Meta:
    """What one source of metadata says about an article (None / () = says nothing)."""

    basis: str  # "sidecar", "front matter", "page metadata", "text"
    title: str | None = None
    published: str | None = None  # ISO date
    source: str | None = None
    attribution: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    license: str | None = None
    lang: str | None = None
    dateline: str | None = None
    event_date: str | None = None
    site_name: str | None = None  # page-level site name, weaker than a named source


def merge(layers: list[Meta]) -> tuple[Meta, dict[str, str]]:
    """One Meta from layers in precedence order, and which layer gave each field."""
    merged = Meta(basis="merged")
    basis: dict[str, str] = {}
    values: dict[str, object] = {}
    for f in fields(Meta):
        if f.name == "basis":
            continue
        for layer in layers:
            value = getattr(layer, f.name)
            if value not in (None, "", ()):
                values[f.name] = value
                basis[f.name] = layer.basis
                break
    return replace(merged, **values), basis
