"""Sentence boundaries over an article's joined text.

Reported speech runs to the end of its sentence, an unclosed quotation stops at a sentence
boundary, and attribution is searched within the sentence of a quote, so every stage needs the
same cheap, deterministic segmentation. A regex proposes boundaries (sentence-final punctuation,
optional closing marks, whitespace, an upper-case or quoted start) and abbreviations ("Mr.",
"U.S.", initials) veto them; a blank line (paragraph break) is always a boundary.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from site_gen import regexes

_ABBREV = frozenset(
    "mr mrs ms dr st sen sens rep reps gov gen lt col sgt capt cmdr adm jr sr inc co corp ltd no"
    " vs v mt ft jan feb mar apr aug sept sep oct nov dec prof rev messrs gop e.g i.e u.s u.k"
    " u.n d.c a.m p.m hon pres supt det atty ave blvd".split()
)
# The pattern starts with a bare character class so that the regex engine skips, at C speed,
# to the next candidate character (a leading group or lookahead defeats that optimisation).
_BOUNDARY = regexes.compile(
    r"[.!?\u2026\n](?:(?<=[.!?\u2026])(?P<end>[.!?\u2026]*(?:[\"\u201d\u2019')\]]|'')*)"
    r"[ \t\u00a0]+(?=(?:``|''|[\"\u201c\u2018'])?[(\[]?(?:(?:\.\.\.|\u2026)[ \u00a0]?)?[A-Z0-9])"
    r"|(?<=\n)(?P<para>[ \t\u00a0]*\n)\s*)"
)  # a match ends where the next sentence starts (its leading space consumed)
_WORD_BEFORE = regexes.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at ``dot`` ends an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in _ABBREV:
        return True
    # an initial ("George W."), or a chain of them ("George H.W. Bush", "J.R.R. Tolkien")
    return all(len(part) == 1 and part.isalpha() for part in word.split("."))


@dataclass(frozen=True)
class Sentences:
    """Sentence start offsets of one text (sorted); ``span(i)`` gives the sentence around ``i``."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...] = ()  # end of each sentence, trailing space excluded

    def index(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def span(self, pos: int) -> tuple[int, int]:
        k = self.index(pos)
        return self.bounds(k)

    def bounds(self, k: int) -> tuple[int, int]:
        return self.starts[k], self.ends[k]

    def __len__(self) -> int:
        return len(self.starts)


def split_sentences(text: str) -> Sentences:
    starts = [0]
    ends: list[int] = []
    n = len(text)
    for m in _BOUNDARY.finditer(text):
        end = m.end("end")
        if end < 0:  # a paragraph break
            end = m.start()
        elif _is_abbreviation(text, m.start()):
            continue
        nxt = m.end()
        if nxt > starts[-1] and nxt < n:
            starts.append(nxt)
            ends.append(end)
    ends.append(n)
    for k in range(len(starts)):  # trailing space excluded (rarely more than the match's own)
        end, start = ends[k], starts[k]
        while end > start and text[end - 1].isspace():
            end -= 1
        ends[k] = end
    return Sentences(text, tuple(starts), tuple(ends))
