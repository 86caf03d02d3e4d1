"""The standfirst of a saved page: the summary shown under the headline, apart from the body.

Pages print a dek, teaser or summary between the headline and the article ("lead", "intro",
"subtitle", "excerpt", "Vorspann" in their markup); most also declare it as their description.
It is not the first paragraph of the article (the labelling policy: a separate field), so it is
recognised by two facts about the page, in any language:

1. its text is the page's declared description (``og:description``, ``description``, JSON-LD),
   and
2. the page shows it apart from the body: the element that holds it is not a sibling of the
   element that holds the next paragraph (it sits in the header, a lead box, a heading group).

A page whose description is simply its first body paragraph (wire stories often do that) shows
that paragraph among the others, as a sibling: it stays the first paragraph. When the extractor
skipped a standfirst the page shows before the body, it is taken from the page (never invented
from a description the page does not show).
"""

from __future__ import annotations

import re

from site_gen.model import Paragraph
from site_gen.reader.html_body import text_key
from site_gen.reader.normalize import clean_inline

_WS = re.compile(r"\s+")
_TRUNCATED = re.compile(r"\s*(?:\.\.\.|…|\[\.\.\.\]|\[…\])\s*$")
_MIN_SHOWN_LEAD = 150  # a description shown before the body, shorter, is a kicker or a label
_BLOCKS = ("p", "div", "h2", "h3", "h4", "section", "header", "span", "strong", "li", "em", "b")


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _is_description(text: str, descriptions: list[str]) -> bool:
    key = text_key(text)
    if len(key) < 20:
        return False
    for description in descriptions:
        d_key = text_key(_TRUNCATED.sub("", description))
        if len(d_key) < 20:
            continue
        # Equal, or the description cut short with an ellipsis, or the text cut by the page.
        if key == d_key or key.startswith(d_key) and len(d_key) >= 60 or d_key.startswith(key):
            return True
    return False


def _holder(body, text: str):
    """The smallest element of the page whose whole text is ``text`` (None when no element
    holds exactly it)."""
    want = _norm(text)
    best = None
    for el in body.iter(*_BLOCKS):
        # Cheap test first: the element's first words (a lazy walk to its first text).
        lead = _norm(next((t for t in el.itertext() if t.strip()), ""))[:30]
        if not lead or not want.startswith(lead):
            continue
        content = el.text_content()
        if len(content) < len(want) or len(content) > 3 * len(want) + 200:
            continue
        if _norm(content) == want:
            best = el  # iteration is in document order; a descendant comes after its ancestor
    return best


def _common_container(elements: list):
    """The smallest element holding all ``elements`` (for one element: its parent)."""
    if len(elements) == 1:
        return elements[0].getparent()
    chains = [[el, *el.iterancestors()] for el in elements]
    shared = set(map(id, chains[0]))
    for chain in chains[1:]:
        shared &= set(map(id, chain))
    return next((el for el in chains[0] if id(el) in shared), None)


def _apart(first, following: list) -> bool:
    """``first`` comes before, and lies outside, the container of the paragraphs that follow it
    (a header, a lead box): not one of the body's paragraphs, however these are wrapped."""
    if first is None or not following:
        return False
    body = _common_container(following)
    if body is None or body is first or any(anc is body for anc in first.iterancestors()):
        return False
    if any(anc is first for anc in body.iterancestors()):
        return False
    order = {id(el): i for i, el in enumerate(first.getroottree().iter())}
    return order.get(id(first), 0) < order.get(id(body), 0)


def split_standfirst(
    tree, paragraphs: tuple[Paragraph, ...], descriptions: list[str], page_text: str
) -> tuple[str | None, tuple[Paragraph, ...]]:
    """(standfirst or None, the body's paragraphs without it)."""
    if not paragraphs:
        return None, paragraphs
    body = tree.find(".//body") if tree is not None else None
    if body is None:
        return None, paragraphs
    first = paragraphs[0].text
    if len(paragraphs) >= 2 and _is_description(first, descriptions):
        if _apart(_holder(body, first), _holders(body, paragraphs[1:6])):
            return first, _renumbered(paragraphs[1:])
    lead = _shown_lead(paragraphs, descriptions, page_text)
    if lead is None:
        return None, paragraphs
    if _apart(_holder(body, lead), _holders(body, paragraphs[:5])):
        return lead, paragraphs
    # Shown among the body's paragraphs: the first paragraph, which the extractor skipped.
    return None, _renumbered((Paragraph(0, lead, -1, (), "p"), *paragraphs))


def _holders(body, paragraphs) -> list:
    return [h for h in (_holder(body, p.text) for p in paragraphs) if h is not None]


def _renumbered(paragraphs) -> tuple[Paragraph, ...]:
    return tuple(
        Paragraph(i, p.text, p.start, p.origin, p.kind) for i, p in enumerate(paragraphs)
    )


def _shown_lead(
    paragraphs: tuple[Paragraph, ...], descriptions: list[str], page_text: str
) -> str | None:
    """A description the page shows as text before the first extracted paragraph, and that
    the body does not contain: the standfirst the extractor skipped."""
    if not page_text:
        return None
    body_key = text_key(" ".join(p.text for p in paragraphs))
    first_at = page_text.find(paragraphs[0].text[:60])
    for description in descriptions:
        text = clean_inline(description)
        if len(text) < _MIN_SHOWN_LEAD or text_key(text) in body_key:
            continue
        at = page_text.find(text)
        if at < 0 or (first_at >= 0 and at > first_at):
            continue
        return text
    return None
