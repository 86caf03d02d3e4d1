"""Helpers for tests of the quote extractor on made-up paragraphs."""

from __future__ import annotations

from site_gen.quotes import extract_quotes

Q, E = "\u201c", "\u201d"  # curly opening and closing double quotation marks


def who(paragraphs: list[str], kind: str | None = None) -> list[tuple[str, str | None]]:
    """(text, speaker key) of every quote (of one ``kind`` if given), in reading order."""
    return [(q.text, q.speaker_key) for q in extract_quotes(paragraphs).quotes
            if kind is None or q.kind == kind]


def speaker_of(paragraphs: list[str], needle: str, kind: str | None = None) -> str | None:
    """The speaker key of the first quote holding ``needle`` (which must be found)."""
    hits = [k for t, k in who(paragraphs, kind) if needle in t]
    assert hits, (needle, who(paragraphs))
    return hits[0]
