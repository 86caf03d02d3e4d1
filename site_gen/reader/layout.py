"""Plain-text layout: where paragraphs begin when the file does not separate them with blank lines.

Text files come from many hands, and each lays paragraphs out differently:
* blank lines between paragraphs (the common case);
* hard-wrapped lines of ~70 characters with indented first lines (1980s wire copy);
* one paragraph per line (database dumps), sometimes with soft line breaks mid-sentence;
* crawls of nested ``<p>`` elements, where every line repeats the rest of the article
  (each line is a suffix of the line before): only the part a line adds is its paragraph;
* dumps that lost the backslash of ``\\n``, leaving a Latin ``n`` between words of a
  non-Latin text ("газетаnABC"): those ``n`` are line breaks.
All functions here return spans of the original text; ``repair_lost_newlines`` returns a
same-length copy (``n`` -> newline) to lay out, so offsets stay valid for the original.
"""

from __future__ import annotations

from site_gen import regexes
from site_gen.reader.paragraphs import Span, blocks, lines, trim

_LOST_N = regexes.compile(r"(?<=[^\sA-Za-z])n(?=[^\sA-Za-z]|[A-Z])")
_LATIN = regexes.compile(r"[A-Za-z]")
_LETTER = regexes.compile(r"[^\W\d_]")
_SENTENCE_END = tuple(".!?…:;\"”»)’'」』。！？؟।")
_NEW_START = regexes.compile(r"[\"“„«‘'(\[—–-]?\s*(?:[^\W\d_]|\d)")


_LONE_CR = regexes.compile(r"\r(?!\n)")


def layout_text(raw: str) -> str:
    """A same-length copy of ``raw`` to read the layout from: old Mac line ends (a lone CR) and
    lost newlines become newlines. Offsets into it are offsets into ``raw``."""
    return repair_lost_newlines(_LONE_CR.sub("\n", raw) if "\r" in raw else raw)


def repair_lost_newlines(raw: str) -> str:
    """``raw`` with dump artefacts ``n`` (between non-Latin characters) turned into newlines."""
    if "n" not in raw:
        return raw
    sample = raw[:5000]
    letters = len(_LETTER.findall(sample)) or 1
    if len(_LATIN.findall(sample)) > 0.3 * letters:
        return raw
    hits = _LOST_N.findall(raw)
    if len(hits) < 2:
        return raw
    return _LOST_N.sub("\n", raw)


def _indent(raw: str, start: int) -> int:
    """Width of the whitespace before ``start`` on its line."""
    i = start
    while i > 0 and raw[i - 1] in " \t\u00a0\u3000":
        i -= 1
    return start - i if (i == 0 or raw[i - 1] == "\n") else 0


def _hard_wrapped(raw: str, spans: list[Span]) -> bool:
    widths = [b - a for a, b in spans[:-1]]
    if not widths:
        return False
    wrapped = sum(1 for w in widths if 40 <= w <= 100)
    mid_sentence = sum(1 for a, b in spans[:-1] if not raw[b - 1].endswith(_SENTENCE_END))
    return wrapped >= 0.7 * len(widths) and mid_sentence >= 0.5 * len(widths)


def _nested_suffixes(raw: str, spans: list[Span]) -> list[Span] | None:
    """For crawls where each line is a suffix of the line before: what each line adds."""
    if len(spans) < 3:
        return None
    texts = [raw[a:b] for a, b in spans]
    suffix_pairs = sum(
        1 for x, y in zip(texts, texts[1:], strict=False) if len(y) < len(x) and x.endswith(y)
    )
    if suffix_pairs < 0.6 * (len(texts) - 1):
        return None
    out: list[Span] = []
    for i, (a, b) in enumerate(spans):
        nxt = texts[i + 1] if i + 1 < len(texts) else ""
        end = b - len(nxt) if nxt and texts[i].endswith(nxt) and len(nxt) < len(texts[i]) else b
        span = trim(raw, a, end)
        if span[1] > span[0]:
            out.append(span)
    return out


def _by_indent(raw: str, spans: list[Span]) -> list[Span] | None:
    indents = [_indent(raw, a) for a, _ in spans]
    if not any(i >= 2 for i in indents[1:]) or all(i >= 2 for i in indents):
        return None
    groups: list[Span] = []
    for (a, b), ind in zip(spans, indents, strict=True):
        if not groups or ind >= 2:
            groups.append((a, b))
        else:
            groups[-1] = (groups[-1][0], b)
    return groups


def _heading_like(raw: str, span: Span) -> bool:
    text = raw[span[0] : span[1]]
    return len(text) <= 150 and "\n" not in text and not text.endswith((".", ",", ";", "،"))


def _by_line(raw: str, spans: list[Span]) -> list[Span]:
    """One paragraph per line, joining a line that continues the sentence of the line before."""
    groups: list[Span] = []
    for a, b in spans:
        if len(groups) == 1 and _heading_like(raw, groups[0]):
            groups.append((a, b))
            continue
        if groups:
            prev_end = raw[groups[-1][1] - 1]
            starts_new = _NEW_START.match(raw, a) is not None and not raw[a].islower()
            if not (prev_end.endswith(_SENTENCE_END) and starts_new):
                groups[-1] = (groups[-1][0], b)
                continue
        groups.append((a, b))
    return groups


def split_block(raw: str, block: Span) -> list[Span]:
    """Paragraph spans of one blank-line separated block."""
    spans = lines(raw, *block)
    if len(spans) <= 1:
        return [block]
    nested = _nested_suffixes(raw, spans)
    if nested:
        return nested
    indented = _by_indent(raw, spans)
    if indented:
        return indented
    if _hard_wrapped(raw, spans):
        return [block]
    return _by_line(raw, spans)


def text_paragraphs(layout: str) -> list[Span]:
    """All paragraph spans of a text (``layout`` = the text after ``repair_lost_newlines``)."""
    return [span for block in blocks(layout) for span in split_block(layout, block)]
