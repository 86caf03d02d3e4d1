"""Paragraph spans: blocks of the original text, and run-on blocks split into readable paragraphs.

Everything here works on (start, end) spans of the original text, so offsets survive; display
text is made from the spans at the very end (``normalize.normalize_span``).

A block longer than ``MAX_CHARS`` (a one-line article, a dataset that flattened its paragraphs)
is split at sentence boundaries outside quotations into paragraphs of at most ``MAX_SENTENCES``
sentences and about ``TARGET_CHARS`` characters; a single sentence longer than that stays whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from site_gen import regexes
from site_gen.model import Paragraph
from site_gen.reader.normalize import normalize_span
from site_gen.reader.sentences import split_sentences

Span = tuple[int, int]

MAX_CHARS = 900  # a block longer than this is a run-on and gets split
TARGET_CHARS = 450  # aim for paragraphs about this long ...
MAX_SENTENCES = 3  # ... and of at most this many sentences

_BLANK_LINE = regexes.compile(r"\n[ \t\u00a0\u3000\r\f\v]*\n[\s\u00a0]*")


def trim(raw: str, start: int, end: int) -> Span:
    """The span without leading/trailing whitespace (and format characters)."""
    while start < end and (raw[start].isspace() or raw[start] in "\ufeff\u200b"):
        start += 1
    while end > start and (raw[end - 1].isspace() or raw[end - 1] in "\ufeff\u200b"):
        end -= 1
    return start, end


def blocks(raw: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Blank-line separated blocks of ``raw[start:end]``, trimmed, empty ones dropped."""
    end = len(raw) if end is None else end
    out: list[Span] = []
    pos = start
    for match in _BLANK_LINE.finditer(raw, start, end):
        span = trim(raw, pos, match.start())
        if span[1] > span[0]:
            out.append(span)
        pos = match.end()
    span = trim(raw, pos, end)
    if span[1] > span[0]:
        out.append(span)
    return out


def lines(raw: str, start: int, end: int) -> list[Span]:
    """Non-empty lines of a span, trimmed."""
    out: list[Span] = []
    pos = start
    while pos < end:
        nl = raw.find("\n", pos, end)
        stop = end if nl < 0 else nl
        span = trim(raw, pos, stop)
        if span[1] > span[0]:
            out.append(span)
        pos = stop + 1
    return out


def split_run_on(raw: str, span: Span) -> list[Span]:
    """A long block as several paragraph spans (a short block is returned as is)."""
    start, end = span
    if end - start <= MAX_CHARS:
        return [span]
    sentences = [(start + a, start + b) for a, b in split_sentences(raw[start:end])]
    out: list[Span] = []
    group: list[Span] = []
    for sent in sentences:
        if group:
            size = sent[1] - group[0][0]
            if (
                len(group) >= MAX_SENTENCES
                or size > TARGET_CHARS + 150
                or (group[-1][1] - group[0][0] >= TARGET_CHARS)
            ):
                out.append((group[0][0], group[-1][1]))
                group = []
        group.append(sent)
    if group:
        out.append((group[0][0], group[-1][1]))
    return out


def renumbered(paragraphs: Iterable[Paragraph]) -> tuple[Paragraph, ...]:
    """The paragraphs left after some were taken out (or one put in), indexed from 0 again."""
    return tuple(replace(p, index=i) for i, p in enumerate(paragraphs))


def make_paragraphs(raw: str, spans: list[tuple[Span, str]]) -> tuple[Paragraph, ...]:
    """Paragraphs (index, display text, offsets) from (span, kind) pairs; empty ones dropped."""
    out: list[Paragraph] = []
    for (start, end), kind in spans:
        text, first, origin = normalize_span(raw, start, end)
        if text:
            out.append(Paragraph(index=len(out), text=text, start=first, origin=origin, kind=kind))
    return tuple(out)
