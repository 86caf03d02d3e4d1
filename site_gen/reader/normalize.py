"""Display text from a span of the original text, with a map back to the original.

Quote offsets reported to the scorer and shown on pages must point into the *original* file text,
so every change made for display is tracked character by character: ``normalize_span`` returns
the display text and, when its length differs from the span's, ``origin[i]`` = the index in the
original of display character ``i``.

What changes, and why:
* runs of whitespace (newlines of hard-wrapped lines, NBSP, tabs) become one space, because
  they are layout, not content; NBSP and a single newline are same-length substitutions;
* zero-width spaces, soft hyphens, BOMs and other format characters are dropped; ZWNJ and ZWJ
  are kept (Persian and Indic scripts need them inside words);
* Unicode NFC (decomposed accents from Mac files compose);
* mojibake ("SÃ£o Paulo") is repaired with ftfy, but quotation marks are left exactly as
  written: quotes are evidence and are never rewritten.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import ftfy

# Dropped: format characters that carry nothing on a page (ZWSP, soft hyphen, word joiner, BOM,
# bidi marks that scrapers leave behind). ZWNJ (U+200C) / ZWJ (U+200D) are letters' glue: kept.
_DROP = frozenset(
    "\u200b\u00ad\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2061\u2062\u2063"
)
_SPACE = frozenset(
    " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\x85"
)

_FTFY_CONFIG = ftfy.TextFixerConfig(
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


# Anything that makes the slow path necessary: runs of space, non-space whitespace other than a
# lone newline/NBSP, dropped format characters, or space at the edges.
_NEEDS_WORK = re.compile(
    "["
    + re.escape("".join(sorted(_DROP)))
    + "]|\\s\\s|[\t\r\f\v\x85\u1680\u2000-\u200a\u2028\u2029"
    "\u202f\u205f\u3000]|^\\s|\\s$"
)


_TO_SPACE = {ord(c): " " for c in _SPACE}


def is_space(ch: str) -> bool:
    return ch in _SPACE


def normalize_span(raw: str, start: int, end: int) -> tuple[str, int, tuple[int, ...]]:
    """Display text of ``raw[start:end]``: (text, offset of text[0] in raw, origin map or ())."""
    piece = raw[start:end]
    if piece and not _NEEDS_WORK.search(piece) and unicodedata.is_normalized("NFC", piece):
        # The common case: nothing to change but (same-length) single spaces and mojibake.
        piece = piece.translate(_TO_SPACE)
        if piece.isascii():
            return piece, start, ()
        fixed, origin = _repair_mojibake(piece, list(range(start, end)))
        return fixed, start, (() if fixed == piece else tuple(origin))
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
    if text and not text.isascii():
        text, origin = _repair_mojibake(text, origin)
    if not origin:
        return "", start, ()
    first = origin[0]
    if origin == list(range(first, first + len(origin))):
        return text, first, ()
    return text, first, tuple(origin)


def _repair_mojibake(text: str, origin: list[int]) -> tuple[str, list[int]]:
    fixed = ftfy.fix_text(text, config=_FTFY_CONFIG)
    if fixed == text:
        return text, origin
    new_origin: list[int] = []
    matcher = difflib.SequenceMatcher(None, text, fixed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            new_origin.extend(origin[i1:i2])
        elif j2 > j1:
            span = max(i2 - i1, 1)
            for j in range(j2 - j1):
                idx = i1 + (j * span) // (j2 - j1)
                new_origin.append(origin[min(idx, len(origin) - 1)])
    return fixed, new_origin


def clean_inline(text: str) -> str:
    """Display text of a short string with no offsets to keep (titles, names, metadata values)."""
    if not text:
        return ""
    out, _, _ = normalize_span(text, 0, len(text))
    return out
