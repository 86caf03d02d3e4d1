"""Matching terms of a text, the same in every script: what stories and statements compare.

The text is NFKC-normalized and case-folded, then cut into words (Unicode ``\\w`` runs). A word of
a spaced script (Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, ...) gives one term: its
first ``PREFIX`` characters, a stem that holds for inflected forms in most languages without a
word list ("palestinian"/"palestine", "liberation"/"liberated"). Scripts written without spaces
(Han, kana, Thai, Lao, Khmer, Myanmar) give character bigrams instead. Words shorter than
``MIN_WORD`` characters are left out (in spaced scripts they are mostly function words); how
common a term is, and so how much it counts, is measured on the archive itself, never taken
from an English list.
"""

from __future__ import annotations

import re
import unicodedata

PREFIX = 5
MIN_WORD = 3

_UNSPACED_RANGES = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\U00020000-\U0002fa1f"
)
_UNSPACED = re.compile(f"[{_UNSPACED_RANGES}]")
_UNSPACED_RUN = re.compile(f"[{_UNSPACED_RANGES}]+")
_WORD = re.compile(r"\w+")
# The first PREFIX characters of every word of MIN_WORD or more, in one pass.
_STEM = re.compile(rf"\b(\w{{{MIN_WORD},{PREFIX}}})")


def fold(text: str) -> str:
    """The comparison form of a text: NFKC, case-folded."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold()


def terms(text: str) -> list[str]:
    """The matching terms of ``text``, in order (repeats kept)."""
    folded = fold(text)
    if folded.isascii() or not _UNSPACED.search(folded):
        return _STEM.findall(folded)
    out: list[str] = []
    for w in _WORD.findall(folded):
        if not _UNSPACED.search(w):
            if len(w) >= MIN_WORD:
                out.append(w[:PREFIX])
            continue
        for part in re.split(_UNSPACED_RUN, w):  # spaced-script pieces inside the run
            if len(part) >= MIN_WORD:
                out.append(part[:PREFIX])
        for run in _UNSPACED_RUN.findall(w):
            out += [run[i : i + 2] for i in range(len(run) - 1)] or [run]
    return out


def is_unspaced(ch: str) -> bool:
    return bool(_UNSPACED.match(ch))


UNSPACED_CLASS = _UNSPACED_RANGES  # for the word splitter of the difference view
