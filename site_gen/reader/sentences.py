"""Sentence boundaries that respect quotations, for splitting run-on text and deriving titles.

A boundary is sentence-final punctuation (``. ! ? 。 ！ ？ ؟ ।``), optionally followed by closing
quotes or brackets, then space and the start of a new sentence (a capital, a digit, an opening
quote, or any letter of a script without case). Not a boundary: after abbreviations ("Mr.",
"U.S.", single initials) and inside a quotation.

Quotations are found by pairing marks: curly and guillemet marks say which way they face;
straight ``"`` marks face by context (after a space it opens, before a space it closes). Mixed
pairs (``"`` closed by ``”``) pair too. An opening mark met while a quotation is still open
means the earlier one was never closed: it is dropped, so one unclosed quotation cannot glue the
rest of the article into one sentence.
"""

from __future__ import annotations

import bisect
import re

from site_gen import regexes

_OPEN_ONLY = "“„«‹「『"
_CLOSE_ONLY = "”»›」』"
_AMBIGUOUS = '"'
_FINAL = ".!?。！？؟।"
_QUOTE_MARK = regexes.compile("[" + re.escape(_OPEN_ONLY + _CLOSE_ONLY + _AMBIGUOUS) + "]")

_BOUNDARY = regexes.compile(
    # A run of final punctuation is matched once, from its first mark, possessively: without
    # that, a long run ("......") is retried from every position (quadratic time).
    r"(?<![.!?。！？؟।])(?P<end>[.!?。！？؟।]++[\"”’'»)\]」』]*+)"  # final marks, closing marks
    r"(?P<gap>\s+|(?<=[。！？」』])(?=\S))"  # then space (CJK needs none)
)
_NEXT_START = regexes.compile(r"[\"“„«‘'(\[「『]?\s*(?:[^\W\d_]|\d)")
_ABBREV = frozenset(
    """mr mrs ms dr prof sr jr st mt gen col lt sgt capt cmdr adm gov sen rep rev fr
    no nos vol pp fig figs art sec ch ed eds co corp inc ltd bros dept univ assn approx est
    vs etc al jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs
    fri sat sun ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn
    miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo op cf ft gov't pres
    messrs""".split()
)
_WORD_BEFORE = regexes.compile(r"([^\W\d_][\w'’.-]*)\.$")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paired double quotation in ``text`` (end exclusive, marks included)."""
    return _scan_quotes(text)[0]


def _scan_quotes(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Paired quotations, and unclosed openings as (opening, next quotation mark or end)."""
    spans: list[tuple[int, int]] = []
    orphans: list[tuple[int, int]] = []
    open_at: int | None = None
    for match in _QUOTE_MARK.finditer(text):  # only the marks: a per-character loop is slow
        i, ch = match.start(), match.group()
        if ch in _OPEN_ONLY:
            opening = True
        elif ch in _CLOSE_ONLY:
            opening = False
        elif ch in _AMBIGUOUS:
            opening = _straight_opens(text, i, open_at is not None)
        if opening:
            if open_at is not None:
                orphans.append((open_at, i))  # an earlier unclosed opening is abandoned
            open_at = i
        elif open_at is not None:
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        orphans.append((open_at, len(text)))
    return spans, orphans


def _straight_opens(text: str, i: int, inside: bool) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/:":
        return not (after.isspace() or after in ".,;:!?)")
    if after.isspace() or after in ".,;:!?)]}—–-" or i + 1 == len(text):
        return False
    return not inside


ORPHAN_SENTENCES = 3  # an unclosed quotation holds together at most this many sentences


def _candidates(text: str) -> list[tuple[int, int]]:
    """(end of final punctuation, start of next sentence) of every boundary, ignoring quotes."""
    out = []
    for match in _BOUNDARY.finditer(text):
        nxt = match.end()
        if nxt >= len(text) or not _NEXT_START.match(text, nxt):
            continue
        if _is_abbreviation(text, match.start("end"), match.group("end")):
            continue
        out.append((match.end("end"), nxt))
    return out


def _orphan_spans(orphans: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """Protected spans for unclosed quotations: up to the sentence holding the next quotation
    mark (where the speaker has evidently stopped), and never more than a few sentences."""
    out = []
    for open_at, next_mark in orphans:
        lo = bisect.bisect_right(starts, open_at)
        hi = bisect.bisect_right(starts, next_mark)
        if hi <= lo:
            continue
        end = starts[min(hi, lo + ORPHAN_SENTENCES) - 1]
        out.append((open_at, end + 1))
    return out


def sentence_ends(text: str, protect: list[tuple[int, int]] | None = None) -> list[int]:
    """Offsets where a new sentence starts (after the gap), outside protected spans."""
    candidates = _candidates(text)
    if protect is None:
        paired, orphans = _scan_quotes(text)
        protect = paired + _orphan_spans(orphans, [nxt for _, nxt in candidates])
    merged = _merge(protect)
    starts = [a for a, _ in merged]
    return [
        nxt
        for cut, nxt in candidates
        if not (_inside(cut - 1, merged, starts) and _inside(nxt, merged, starts))
    ]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans merged and sorted, so that membership is a binary search."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _inside(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1] - 1


def _is_abbreviation(text: str, dot: int, end: str) -> bool:
    if not end.startswith(".") or len(end.rstrip("\"”’'»)]")) > 1:
        return False
    match = _WORD_BEFORE.search(text, max(0, dot - 30), dot + 1)
    if not match:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Arthur W. Penrose"
    if "." in word:
        return True  # "U.S.", "a.m."
    return word.casefold().rstrip("'’") in _ABBREV


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` (trailing space excluded)."""
    starts = [0, *sentence_ends(text)]
    out = []
    for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
        seg_end = b
        while seg_end > a and text[seg_end - 1].isspace():
            seg_end -= 1
        if seg_end > a:
            out.append((a, seg_end))
    return out
