"""Quotations that run over several paragraphs, as chains of per-paragraph ``Quote`` pieces.

``Quote`` offsets live in one paragraph, so a quotation crossing paragraphs (the news style that
repeats the opening mark on every paragraph, or a long line the reader split inside a
quotation) is extracted as one direct quote per paragraph, with consecutive ids and the same
speaker. ``chains`` puts the pieces back together for display: a direct quote that reaches the
end of its paragraph and a direct quote of the same speaker that starts the next paragraph
(after at most an opening mark) are one quotation.
"""

from __future__ import annotations

from collections.abc import Sequence

from site_gen.model import Quote

_EDGE = " \t\u00a0\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e`"


def _reaches_end(q: Quote, paragraph: str) -> bool:
    return not paragraph[q.end:].strip(_EDGE)


def _starts_paragraph(q: Quote, paragraph: str) -> bool:
    return not paragraph[:q.start].strip(_EDGE)


def chains(quotes: Sequence[Quote], paragraphs: Sequence[str]) -> list[tuple[Quote, ...]]:
    """Group ``quotes`` (one article, reading order) into quotations; most are one piece."""
    out: list[list[Quote]] = []
    for q in quotes:
        prev = out[-1][-1] if out else None
        if (prev is not None and q.kind == "direct" and prev.kind == "direct"
                and q.paragraph == prev.paragraph + 1 and q.speaker_key == prev.speaker_key
                and _reaches_end(prev, paragraphs[prev.paragraph])
                and _starts_paragraph(q, paragraphs[q.paragraph])):
            out[-1].append(q)
        else:
            out.append([q])
    return [tuple(c) for c in out]
