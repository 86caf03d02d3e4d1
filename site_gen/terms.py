"""Matching terms of a text, the same in every script: what stories and statements compare.

The text is NFKC-normalized and case-folded, then cut into words (Unicode ``\\w`` runs). A word of
a spaced script (Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, ...) gives one term: its
first ``PREFIX`` characters, a stem that holds for inflected forms in most languages without a
word list ("palestinian"/"palestine", "liberation"/"liberated"). Scripts written without spaces
(Han, kana, Thai, Lao, Khmer, Myanmar) give character bigrams instead. Words shorter than
``MIN_WORD`` characters are left out (in spaced scripts they are mostly function words); how
common a term is, and so how much it counts, is measured on the archive itself, never taken
from an English list.

What is compared: an article's lead (``lead_terms``: title, standfirst, first paragraphs) and
each quote's words (``quote_terms``). Both are found in the per-file stage (``with_terms``, run
in worker processes and cached with the rest of a file's result) and kept on the article as
space-separated strings: compact to store, and a term never holds white space, so splitting the
string gives the terms back exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from site_gen import regexes
from site_gen.model import Article, Paragraph

PREFIX = 5
MIN_WORD = 3
LEAD_CHARS = 700  # of the body, after title and standfirst: where news says what happened

_UNSPACED_RANGES = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\U00020000-\U0002fa1f"
)
_UNSPACED = regexes.compile(f"[{_UNSPACED_RANGES}]")
_UNSPACED_RUN = regexes.compile(f"[{_UNSPACED_RANGES}]+")
_WORD = regexes.compile(r"\w+")
# The first PREFIX characters of every word of MIN_WORD or more, in one pass.
_STEM = regexes.compile(rf"\b(\w{{{MIN_WORD},{PREFIX}}})")


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


def lead_text(title: str, standfirst: str | None, paragraphs: Sequence[Paragraph]) -> str:
    """Title, standfirst and body paragraphs up to ``LEAD_CHARS`` (code and raw markup left
    out): where a news article says what happened."""
    parts = [title, standfirst or ""]
    size = 0
    for p in paragraphs:
        if p.kind in ("pre", "html"):
            continue
        parts.append(p.text)
        size += len(p.text)
        if size >= LEAD_CHARS:
            break
    return "\n".join(parts)


def lead_terms(a: Article) -> list[str]:
    """The terms of an article's lead, in order (repeats kept): from the per-file stage when
    it ran, else computed now."""
    if a.lead_terms is not None:
        return a.lead_terms.split()
    return terms(lead_text(a.title, a.standfirst, a.paragraphs))


def quote_terms(text: str, known: str | None = None) -> set[str]:
    """The distinct terms of a quote's words (``known``: the quote's ``terms`` when the
    per-file stage computed them)."""
    return set(known.split()) if known is not None else set(terms(text))


def with_terms(a: Article) -> Article:
    """The article with its lead's terms and each quote's terms (see the module docstring)."""
    quotes = tuple(replace(q, terms=" ".join(sorted(set(terms(q.text))))) for q in a.quotes)
    lead = " ".join(terms(lead_text(a.title, a.standfirst, a.paragraphs)))
    return replace(a, lead_terms=lead, quotes=quotes)


def is_unspaced(ch: str) -> bool:
    return bool(_UNSPACED.match(ch))


UNSPACED_CLASS = _UNSPACED_RANGES  # for the word splitter of the difference view
