"""Display text from a span of the original text, with a map back to the original.

Quote offsets reported to the scorer and shown on pages must point into the *original* file text,
so every change made for display is tracked character by character: ``normalize_span`` returns
the display text and, when its length differs from the span's, ``origin[i]`` = the index in the
original of display character ``i``.

What changes, and why:
* runs of whitespace (newlines of hard-wrapped lines, NBSP, tabs) become one space, because
  they are layout, not content; NBSP and a single newline are same-length substitutions;
* zero-width spaces, soft hyphens, BOMs, other format characters and control characters are
  dropped; ZWNJ and ZWJ
  are kept (Persian and Indic scripts need them inside words);
* Unicode NFC (decomposed accents from Mac files compose);
* mojibake ("SÃ£o Paulo") is repaired with ftfy, but quotation marks are left exactly as
  written: quotes are evidence and are never rewritten.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from site_gen import regexes

# Dropped: format characters that carry nothing on a page (ZWSP, soft hyphen, word joiner, BOM,
# bidi marks that scrapers leave behind). ZWNJ (U+200C) / ZWJ (U+200D) are letters' glue: kept.
_DROP = frozenset(
    "\u200b\u00ad\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2061\u2062\u2063"
    # C0 controls other than whitespace (NULs of a damaged file, escape codes): never text.
    + "".join(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F))
)
_SPACE = frozenset(
    " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\x85"
)

# Past ASCII, the characters no repair can change: typographic quotes, dashes, the ellipsis and
# the no-break space are characters of their own in every encoding ftfy undoes, and mojibake
# always holds a letter or sign of the Latin-1 range (a lead byte read as a character); the
# control characters it removes are dropped before (``_DROP``). Text of these alone (most
# English news) never reaches ftfy, which is imported on first need (0.08 s of a process).
_PLAIN = {ord(c): None for c in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0"}


def _needs_repair(text: str) -> bool:
    return not (text.isascii() or text.translate(_PLAIN).isascii())  # no copy for ASCII


@lru_cache(maxsize=1)
def _fixer():
    """ftfy's ``fix_text`` and the repairs asked of it."""
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=True,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=True,
        normalization=None,
        explain=False,
    )
    return ftfy.fix_text, config


# Anything that makes the slow path necessary: runs of space, non-space whitespace other than a
# lone newline/NBSP, dropped format characters, or space at the edges.
_NEEDS_WORK = regexes.compile(
    "["
    + re.escape("".join(sorted(_DROP)))
    + "]|\\s\\s|[\t\r\f\v\x85\u1680\u2000-\u200a\u2028\u2029"
    "\u202f\u205f\u3000]|^\\s|\\s$"
)


_TO_SPACE = {ord(c): " " for c in _SPACE}
SPACE_CLASS = "[" + re.escape("".join(sorted(_SPACE))) + "]"  # a regex class of the spaces


def is_space(ch: str) -> bool:
    return ch in _SPACE


def normalize_span(raw: str, start: int, end: int) -> tuple[str, int, tuple[int, ...]]:
    """Display text of ``raw[start:end]``: (text, offset of text[0] in raw, origin map or ())."""
    piece = raw[start:end]
    if piece and not _NEEDS_WORK.search(piece) and unicodedata.is_normalized("NFC", piece):
        # The common case: nothing to change but (same-length) single spaces and mojibake.
        piece = piece.translate(_TO_SPACE)
        if not _needs_repair(piece):
            return piece, start, ()
        fixed, origin = _repair_mojibake(piece, list(range(start, end)))
        if fixed == piece:
            return fixed, start, ()
        return _located(*_strip_edges(fixed, origin), start)
    chars: list[str] = []
    origin: list[int] = []
    i = start
    while i < end:
        ch = raw[i]
        if ch in _SPACE:
            j = i
            while j < end and (raw[j] in _SPACE or raw[j] in _DROP):
                j += 1
            if chars and j < end:
                chars.append(" ")
                origin.append(i)
            i = j
            continue
        if ch in _DROP:
            i += 1
            continue
        # A base character with its combining marks composes as one unit (NFC).
        j = i + 1
        while j < end and unicodedata.combining(raw[j]):
            j += 1
        unit = raw[i:j]
        if j - i > 1 or not unit.isascii():
            unit = unicodedata.normalize("NFC", unit)
        for k, c in enumerate(unit):
            chars.append(c)
            origin.append(i + min(k, j - i - 1))
        i = j
    text = "".join(chars)
    if text and _needs_repair(text):
        text, origin = _repair_mojibake(text, origin)
        text, origin = _strip_edges(text, origin)  # a repair may leave a space at an edge
    return _located(text, origin, start)


def _strip_edges(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """``text`` without white space at its edges, its origin map cut to match."""
    lead = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if lead == 0 and end == len(text):
        return text, origin
    return text[lead:end], origin[lead:end]


def _located(text: str, origin: list[int], start: int) -> tuple[str, int, tuple[int, ...]]:
    if not origin:
        return "", start, ()
    first = origin[0]
    if origin == list(range(first, first + len(origin))):
        return text, first, ()
    return text, first, tuple(origin)


def _repair_mojibake(text: str, origin: list[int]) -> tuple[str, list[int]]:
    fix_text, config = _fixer()
    fixed = fix_text(text, config=config)
    if fixed == text:
        return text, origin
    if len(text) <= _CHUNK:
        return fixed, _realign(text, fixed, origin)
    # Aligning a long text with its repair in one diff is quadratic; mojibake is local (a few
    # bytes of one word), so repair and align chunk by chunk instead.
    out: list[str] = []
    new_origin: list[int] = []
    for a, b in _chunks(text):
        piece = text[a:b]
        repaired = piece if not _needs_repair(piece) else fix_text(piece, config=config)
        out.append(repaired)
        new_origin.extend(
            origin[a:b] if repaired == piece else _realign(piece, repaired, origin[a:b])
        )
    return "".join(out), new_origin


_CHUNK = 600


def _chunks(text: str) -> list[tuple[int, int]]:
    """Spans of at most ``_CHUNK`` characters, cut after a line or a space (where mojibake,
    which lives inside words, cannot be cut in two), anywhere only as a last resort."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + _CHUNK)
        if end < len(text):
            window = text[pos:end]
            cut = max(window.rfind("\n"), window.rfind(" "))
            end = pos + cut + 1 if cut > 0 else end
        spans.append((pos, end))
        pos = end
    return spans


def _realign(text: str, fixed: str, origin: list[int]) -> list[int]:
    """The origin map of ``fixed`` (a repair of ``text``) given the one of ``text``.

    Linear-time: walk both strings; where they differ, resynchronise at the nearest point
    (within ``_WINDOW`` characters each, fewest characters replaced) where they agree again,
    and map the replaced characters proportionally. Repairs are short replacements, so this
    finds them; a general diff (difflib) is quadratic on texts that changed a lot.
    """
    out: list[int] = []
    i = j = 0
    n, m = len(text), len(fixed)
    while j < m:
        if i < n and text[i] == fixed[j]:
            out.append(origin[i])
            i += 1
            j += 1
            continue
        di, dj = _resync(text, fixed, i, j)
        for k in range(dj):
            idx = i + (k * di) // dj if di else i
            out.append(origin[min(idx, n - 1)])
        i, j = i + di, j + dj
    return out


_WINDOW = 8


def _resync(text: str, fixed: str, i: int, j: int) -> tuple[int, int]:
    """(characters of ``text``, characters of ``fixed``) replaced at a mismatch at (i, j)."""
    for total in range(1, 2 * _WINDOW + 1):
        for di in range(max(0, total - _WINDOW), min(total, _WINDOW) + 1):
            dj = total - di
            if dj == 0:
                continue  # the repair deleted text[i:i+di]: try a replacement first
            if i + di < len(text) and j + dj < len(fixed) and text[i + di] == fixed[j + dj]:
                return di, dj
            if i + di >= len(text) and j + dj >= len(fixed):
                return di, dj
    return 1, 1


def clean_inline(text: str) -> str:
    """Display text of a short string with no offsets to keep (titles, names, metadata values)."""
    if not text:
        return ""
    out, _, _ = normalize_span(text, 0, len(text))
    return out
