"""Titles: tidy a given headline, take one from a file-name slug, or derive one from the text.

A derived title is the first sentence of the body, cut at a word boundary at most
``MAX_DERIVED`` characters long and never inside a quotation (a headline that stops mid-quote
misquotes); the page marks it as derived. Given titles lose site suffixes ("Story | Outlet") and
are never truncated.
"""

from __future__ import annotations

import re

from site_gen import regexes
from site_gen.reader.normalize import clean_inline
from site_gen.reader.sentences import quote_spans, split_sentences

MAX_DERIVED = 90

_TRAILING_WEAK = regexes.compile(
    r"[\s,;:–—-]+$|\s+(?:a|an|the|of|to|in|on|at|for|and|or|but|with|by|from|as|that|which|who|"
    r"is|are|was|were|its|his|her|their|said|says)$",
    re.IGNORECASE,
)
_SLUG_ID = regexes.compile(
    r"^(?:[_-]*(?:news|article|story|post|\d+|[0-9a-f]{8,})[_-]+)+", re.IGNORECASE
)
_SLUG_WORD = regexes.compile(r"[^\W_]+", re.UNICODE)
_SPACE = regexes.compile(r"\s")


def derive_title(text: str, limit: int = MAX_DERIVED) -> str:
    """A title from the first sentence of ``text`` (display text of the first paragraph)."""
    sentences = split_sentences(text)
    first = text[: sentences[0][1]] if sentences else text
    first = first.strip()
    if len(first) <= limit:
        return first.rstrip(".") if not first.endswith("..") else first
    spans = quote_spans(first)
    cut = _last_cut(first, limit, spans)
    title = first[:cut].rstrip()
    for _ in range(4):
        shorter = _TRAILING_WEAK.sub("", title)
        if shorter == title:
            break
        title = shorter
    return title.rstrip(" ,;:") + "…"


def _last_cut(text: str, limit: int, spans: list[tuple[int, int]]) -> int:
    """The last space at or before ``limit`` that is outside every quotation."""
    spaces = [m.start() for m in _SPACE.finditer(text, 0, limit + 1)]
    outside = [pos for pos in spaces if not any(a < pos < b for a, b in spans)]
    best = outside[-1] if outside else None
    if best is None or best < limit // 3:
        # The opening is one long quotation: cut before it, or at the limit as a last resort.
        opening = spans[0][0] if spans else 0
        if opening > 15:
            return opening
        return spaces[-1] if spaces else limit
    return best


def title_from_slug(stem: str) -> str | None:
    """A headline from a file-name slug ("_news_123456_Mayor-s-new-bridge-opens") or None.

    Crawlers name files after the article's URL slug (words joined by hyphens, often after
    underscore-separated ids); that is the headline with its punctuation lost. Taken only when
    the slug has at least four words, three with letters, so "001_5e0d9b42c7" or "city-desk-017"
    give nothing.
    """
    segments = [seg for seg in stem.split("_") if seg.count("-") >= 3]
    if not segments:
        return None
    words = _SLUG_WORD.findall(_SLUG_ID.sub("", segments[-1]))
    alpha = [
        w for w in words if any(c.isalpha() for c in w) and not re.fullmatch(r"[0-9a-f]{8,}", w)
    ]
    if len(words) < 4 or len(alpha) < 3:
        return None
    text = " ".join(words)
    text = re.sub(r"(?<=\w) s (?=\w)", "'s ", text)  # "Mayor s new" -> "Mayor's new"
    return text[:1].upper() + text[1:]


def tidy_title(title: str) -> str:
    """A given headline as displayed: whitespace and Unicode normalized."""
    return clean_inline(title).strip()
