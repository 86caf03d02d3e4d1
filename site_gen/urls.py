"""Relative URLs between output files, so ``build/`` works from file://, any subpath and any host.

Every page is addressed by its output path ("articles/x/index.html"); links name the file
explicitly (``index.html``) because a browser opening file:// does not look for an index file.
"""

from __future__ import annotations

from functools import lru_cache


def relative_url(from_path: str, to_path: str, fragment: str | None = None) -> str:
    """URL of ``to_path`` as seen from the page at ``from_path`` (both output-relative, POSIX)."""
    # the page's folder (``posixpath.dirname`` but for slashes it keeps at the end, which
    # ``_relative`` drops as empty segments): pages print links by the hundred thousand
    url = _relative(from_path.rpartition("/")[0], to_path)
    return f"{url}#{fragment}" if fragment else url


@lru_cache(maxsize=65536)
def _relative(start: str, to_path: str) -> str:
    """``posixpath.relpath`` for output-relative paths, by string only (no working folder:
    pages link to each other by the ten thousand)."""
    here = [p for p in start.split("/") if p and p != "."]
    there = [p for p in to_path.split("/") if p and p != "."]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    parts = [".."] * (len(here) - common) + there[common:]
    return "/".join(parts) or "."


def article_path(article_id: str) -> str:
    return f"articles/{article_id}/index.html"


def article_data_path(article_id: str) -> str:
    """The article's JSON twin, beside its page."""
    return f"articles/{article_id}/index.json"


def speaker_path(speaker_id: str) -> str:
    return f"speakers/{speaker_id}/index.html"


def source_path(source_id: str) -> str:
    return f"sources/{source_id}/index.html"


# Input kinds that a browser shows as text. Any other copy (a saved .html page, .svg, .xhtml)
# would run its scripts on the archive's origin when opened: it is stored with ".txt" added.
_SHOWN_AS_TEXT = (".txt", ".md", ".markdown")


def original_path(article_id: str, filename: str, duplicate: int = 0) -> str:
    """Where the copy of an input file goes: inert, whatever the file holds. The ``duplicate``-th
    other file holding the same article (1, 2, ...) goes into a folder of its own."""
    if not filename.lower().endswith(_SHOWN_AS_TEXT):
        filename += ".txt"
    folder = f"originals/{article_id}" + (f"/also-{duplicate}" if duplicate else "")
    return f"{folder}/{filename}"
