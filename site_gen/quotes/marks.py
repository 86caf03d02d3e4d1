"""Quotation marks: which characters open and close a quotation, and the quoted segments.

Real text mixes styles: curly “…”, straight "…", a straight opener closed by a curly ”,
guillemets «…», German „…“, the NYT's ``…'' and ''…'', and single ‘…’ marks (nested, or
top-level in British style). A straight mark is read as opening or closing from its neighbours
(space before and a letter after opens; a letter or punctuation before and space after closes).

Quotations are found per paragraph. A paragraph that ends inside a quotation either continues
it (the next paragraph opens with a mark: the news convention for multi-paragraph quotations) or
has an unclosed mark; an unclosed quotation ends at the paragraph end or before the sentence
holding the next mark, so it never swallows the rest of the article.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from site_gen import regexes
from site_gen.quotes.sentences import Sentences

# "``", "''" or one mark character; written to start with a bare character class so that the
# regex engine skips at C speed to the next candidate ("``|''|[...]" tries every position).
_MARK = regexes.compile("[`'\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u2039\u203a]"
                        "(?:(?<=`)`|(?<=')'?|(?<=[^`']))")
_DOUBLE = frozenset(["``", "''", '"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb"])
_OPEN_SIDE = frozenset(" \t\n\u00a0([{\u2014\u2013-/")
_CLOSE_SIDE = frozenset(" \t\n\u00a0,.;:!?)]}\u2014\u2013-\u2026")
_PUNCT_BEFORE_CLOSE = frozenset(",.;!?\u2026")


class Segment(NamedTuple):
    """The text inside one pair of quotation marks (``start``/``end`` exclude the marks)."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_end: int  # offset just after the closing mark (== end when unclosed)
    closed: bool = True
    continues: bool = False  # the quotation goes on in the next paragraph
    continued: bool = False  # continues a quotation of the previous paragraph


class QuotationEnds:
    """Where the quotations of a paragraph end, sorted, to ask for the latest end before a
    position in logarithmic time (a paragraph may hold thousands of quotations: asking per
    quotation by a scan made attribution quadratic)."""

    def __init__(self, segs: Sequence[Segment]) -> None:
        self.ends: list[int] = sorted(s.close_end for s in segs)

    def after(self, start: int, pos: int) -> int:
        """``start``, or the end of the latest quotation closed by ``pos`` when that is later:
        where the words that may attribute what is at ``pos`` begin. (A quotation that opens
        at or after ``pos`` cannot close by it, so every quotation may be asked about.)"""
        k = bisect_right(self.ends, pos)
        return max(start, self.ends[k - 1]) if k else start


_ELLIPSIS_OPEN = regexes.compile(r"(?:\.\.\.|\u2026)[ \u00a0]?[^\W\d_]")
_APOSTROPHES = frozenset(("\u2019", "'"))


def _role(text: str, i: int, tok: str) -> str | None:
    """'open', 'close', 'either' or None (an apostrophe, or a mark between spaces)."""
    before = text[i - 1] if i > 0 else "\n"
    j = i + len(tok)
    after = text[j] if j < len(text) else "\n"
    space_before = before in _OPEN_SIDE or before in "\u201c\u2018\"'"
    space_after = after in _CLOSE_SIDE or after in "\u201d\u2019\"'"
    if tok in ("\u201e", "\u00ab", "``", "\u2039"):
        return "open"
    if tok in ("\u00bb", "\u203a"):
        return "close"
    if tok in ("\u2018", "\u2019", "'"):
        if before.isalnum() and after.isalnum():
            return None  # don't, Brandt's
        if tok == "\u2018":
            return "open" if not after.isspace() else None
        if space_before and (after.isalpha() or after in "\u201c\""):
            return "open"
        return "close" if not before.isspace() else None
    if tok == "\u201c":
        return "close" if (not space_before and space_after and before not in "(") else "open"
    if tok == "\u201d":
        return "open" if (before.isspace() and after.isalnum()) else "close"
    # straight " and ''
    if space_after and _after_closing_single(text, i):
        return "close"  # '"... like 'that,'" she said' (a space between the marks too)
    if space_before and space_after:
        if _ELLIPSIS_OPEN.match(text, j):
            return "open"  # '"... These thefts are ...": a quotation that opens with an ellipsis
        return None
    if space_before:
        return "open"
    if space_after or before in _PUNCT_BEFORE_CLOSE:
        return "close"
    if before == ":":
        return "open"
    return "either"


def _after_closing_single(text: str, i: int) -> bool:
    """A single mark that closes a quotation inside the quotation comes right before ``i`` (one
    space between them allowed): 'like 'that,'" she said' or 'like 'that,' " she said'."""
    k = i - 1
    if k >= 0 and text[k] == " ":
        k -= 1
    return k >= 1 and text[k] in _APOSTROPHES and not text[k - 1].isspace()


def _pair(text: str, toks: list[tuple[int, str, str]], sents: Sentences,
          ) -> tuple[list[Segment], tuple[int, str] | None]:
    """Pair the double marks of one paragraph; returns segments and a still-open mark."""
    segs: list[Segment] = []
    open_tok: tuple[int, str] | None = None
    for pos, tok, role in toks:
        if open_tok is None:
            if role in ("open", "either"):
                open_tok = (pos, tok)
            continue
        german = open_tok[1] == "\u201e" and tok in ("\u201c", '"')
        if role in ("close", "either") or german:
            inner = open_tok[0] + len(open_tok[1])
            segs.append(_segment(text, inner, pos, open_tok[0], pos + len(tok)))
            open_tok = None
        elif role == "open":
            segs.append(_unclosed(text, open_tok, pos, sents))
            open_tok = (pos, tok)
    return [s for s in segs if s.end > s.start], open_tok


def _segment(text: str, start: int, end: int, open_at: int, close_end: int, **kw: bool) -> Segment:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(start, end, open_at, close_end, **kw)


def _unclosed(text: str, open_tok: tuple[int, str], limit: int, sents: Sentences) -> Segment:
    """An opening mark never closed: stop before the sentence holding ``limit`` (the next mark
    or the paragraph end)."""
    start = open_tok[0] + len(open_tok[1])
    s_start, _ = sents.span(limit)
    end = s_start if s_start > start else limit
    return _segment(text, start, end, open_tok[0], end, closed=False)


def _starts_with_opener(text: str, start: int, end: int) -> bool:
    i = start
    while i < end and text[i].isspace():
        i += 1
    m = _MARK.match(text, i)
    if m is None:
        return False
    return m.group() in _DOUBLE and _role(text, i, m.group()) in ("open", "either")


def _single_segments(text: str, toks: list[tuple[int, str, str]], taken: list[Segment],
                     ) -> list[Segment]:
    """Top-level ‘single’ quotations outside the double-quoted segments of a paragraph."""
    inside = [(s.open_at, s.close_end) for s in taken]
    free = [t for t in toks if not any(a <= t[0] < b for a, b in inside)]
    segs: list[Segment] = []
    open_tok: tuple[int, str] | None = None
    for pos, tok, role in free:
        if role == "open" and open_tok is None:
            open_tok = (pos, tok)
        elif role == "close" and open_tok is not None:
            seg = _segment(text, open_tok[0] + 1, pos, open_tok[0], pos + 1)
            if seg.end > seg.start:
                segs.append(seg)
            open_tok = None
    return segs


def find_segments(text: str, paragraphs: Sequence[tuple[int, int]], sents: Sentences,
                  ) -> list[Segment]:
    """All quoted segments of ``text`` in reading order; ``paragraphs`` are (start, end) spans."""
    out: list[Segment] = []
    carried = False
    spill: tuple[int, int] | None = None
    for k, (p_start, p_end) in enumerate(paragraphs):
        doubles: list[tuple[int, str, str]] = []
        singles: list[tuple[int, str, str]] = []
        for m in _MARK.finditer(text, p_start, p_end):
            i, tok = m.start(), m.group()
            if tok in _APOSTROPHES and 0 < i < len(text) - 1 and text[i - 1].isalnum() \
                    and text[i + 1].isalnum():
                continue  # don't, Brandt's: the common case, decided before ``_role``
            role = _role(text, i, tok)
            if role is None:
                continue
            (doubles if tok in _DOUBLE else singles).append((i, tok, role))
        segs, still_open = _pair(text, doubles, sents)
        if spill is not None:
            segs.insert(0, Segment(spill[0], spill[1], spill[0], spill[1], False, False, True))
            spill = None
        if still_open is not None:
            inner = still_open[0] + len(still_open[1])
            nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
            if nxt is not None and _starts_with_opener(text, *nxt):
                seg = _segment(text, inner, p_end, still_open[0], p_end, closed=False,
                               continues=True)
            else:
                spill_end = _spill_end(text, nxt, sents) if nxt is not None else None
                seg = _segment(text, inner, p_end, still_open[0], p_end, closed=False,
                               continues=spill_end is not None)
                if spill_end is not None and nxt is not None:
                    spill = (_first_char(text, *nxt), spill_end)
            if seg.end > seg.start:
                segs.append(seg)
        if carried and segs and segs[0].open_at <= _first_char(text, p_start, p_end):
            first = segs[0]
            segs[0] = Segment(first.start, first.end, first.open_at, first.close_end, first.closed,
                              first.continues, True)
        carried = bool(segs) and segs[-1].continues
        segs += _single_segments(text, singles, segs)
        segs.sort(key=lambda s: s.start)
        out += segs
    return out


_CONTINUATION = frozenset(
    "and but so or because also moreover furthermore therefore yet now that this it i we our my"
    " you nor then thus hence indeed".split())


def _spill_end(text: str, para: tuple[int, int], sents: Sentences) -> int | None:
    """An unclosed quotation at a paragraph end may go on in the next paragraph when that one
    was split off inside it (a reader splitting a long line at sentences): take the leading
    sentences that read as continued speech ("And more importantly, ...") and hold no mark."""
    start = _first_char(text, *para)
    end = None
    k = sents.index(start)
    while k < len(sents):
        s, e = sents.bounds(k)
        if s >= para[1] or _MARK.search(text, s, min(e, para[1])):
            break
        first = text[s:min(e, s + 20)].split(None, 1)
        if not first or first[0].strip(",;").lower() not in _CONTINUATION:
            break
        end = min(e, para[1])
        k += 1
    return end


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start
