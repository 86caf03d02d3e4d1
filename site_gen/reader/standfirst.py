"""The standfirst of a saved page: the summary shown under the headline, apart from the body.

Pages print a dek, teaser or summary between the headline and the article ("lead", "intro",
"subtitle", "excerpt", "Vorspann" in their markup); most also declare it as their description.
It is not the first paragraph of the article (the labelling policy: a separate field), so it is
recognised by two facts about the page, in any language:

1. its text is the page's declared description (``og:description``, ``description``, JSON-LD),
   and
2. the page shows it apart from the body: the element that holds it is not a sibling of the
   element that holds the next paragraph (it sits in the header, a lead box, a heading group).

or, when the paragraph's markup names it a lead ("lead", "intro", "teaser", "excerpt",
"summary", "chapo", ... in a class of its element or of one around it holding the same text),
that mark alone sets it off from the body paragraphs after it (which carry no such mark), and,
with no description to compare, being shown apart and so marked is enough. Bold type alone is
no evidence: a bold first paragraph that the next paragraph continues is the body's first.

A page whose description is simply its first body paragraph (wire stories often do that) shows
that paragraph among the others, as a sibling: it stays the first paragraph. When the extractor
skipped a standfirst the page shows before the body, it is taken from the page (never invented
from a description the page does not show).
"""

from __future__ import annotations

import html
import re

from site_gen import regexes
from site_gen.model import Paragraph
from site_gen.reader.html_body import text_key
from site_gen.reader.html_place import Places, common_container, inside
from site_gen.reader.normalize import clean_inline
from site_gen.reader.paragraphs import renumbered

_TRUNCATED = regexes.compile(r"\s*(?:\.\.\.|…|\[\.\.\.\]|\[…\])\s*$")
_MIN_SHOWN_LEAD = 60  # a description shown before the body, shorter, is a kicker or a label
def _is_description(text: str, descriptions: list[str]) -> bool:
    key = text_key(text)
    descriptions = [html.unescape(d) for d in descriptions]  # "A &amp;amp; B" in some pages
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


def _apart(first, following: list, places: Places) -> bool:
    """``first`` comes before, and lies outside, the container of the paragraphs that follow it
    (a header, a lead box): not one of the body's paragraphs, however these are wrapped."""
    if first is None or not following:
        return False
    body = common_container(following)
    if body is None or body is first or inside(first, body) or inside(body, first):
        return False
    return places.before(first, body)


def split_standfirst(
    places: Places, paragraphs: tuple[Paragraph, ...], descriptions: list[str], page_text: str
) -> tuple[str | None, tuple[Paragraph, ...]]:
    """(standfirst or None, the body's paragraphs without it)."""
    if not paragraphs:
        return None, paragraphs
    if places.body is None:
        return None, paragraphs
    first = paragraphs[0].text
    if len(paragraphs) >= 2 and _is_description(first, descriptions):
        following = places.holders(p.text for p in paragraphs[1:6])
        holder = places.holder(first)
        if _apart(holder, following, places) or _set_off(holder, following):
            return first, renumbered(paragraphs[1:])
    if len(paragraphs) >= 2:
        # no description to compare, but the page's markup names it a lead and sets it apart
        holder = places.holder(first)
        following = places.holders(p.text for p in paragraphs[1:6])
        if holder is not None and _marked(holder) and (
                _apart(holder, following, places) or _set_off(holder, following)):
            return first, renumbered(paragraphs[1:])
    lead = _shown_lead(paragraphs, descriptions, page_text)
    if lead is None:
        return None, paragraphs
    holder = places.holder(lead)
    following = places.holders(p.text for p in paragraphs[:5])
    if (_apart(holder, following, places) or _set_off(holder, following)
            or holder is not None and holder.tag in _HEADINGS):
        return lead, paragraphs  # a heading under the headline is set off by being one
    # Shown among the body's paragraphs: the first paragraph, which the extractor skipped.
    return None, renumbered((Paragraph(0, lead, -1, (), "p"), *paragraphs))


# Class names pages give a standfirst in their markup (in several languages' conventions)
_LEAD_CLASS = regexes.compile(
    r"(?:^|[\W_])(?:lead|leadtext|intro|teaser|summary|standfirst|dek|excerpt|abstract|subtitle"
    r"|subheadline|description|chapo|chapeau|ingress|vorspann|entradilla)(?:$|[\W_])",
    re.IGNORECASE)
# the same names inside a camel-case class ("articleLead", "ArticleElementIntro")
_LEAD_CAMEL = regexes.compile(
    r"(?<=[a-z])(?:Lead|LeadText|Intro|Teaser|Summary|Standfirst|Dek|Excerpt|Abstract|Subtitle"
    r"|Subheadline|Chapo|Chapeau|Ingress|Vorspann|Entradilla)(?=$|[\W_A-Z])")


def _set_off(holder, following: list) -> bool:
    """The page sets the paragraph off from the ones after it: it is bold as a whole, or its
    markup names it a lead, and the paragraphs after it are not so marked."""
    if holder is None or not following:
        return False
    return _marked(holder) and not any(
        _marked(el) for el in following if el.tag not in _HEADINGS)


_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())


def _marked(el) -> bool:
    """``el``, or an element around it holding the same text, is bold or a lead by its markup."""
    text = el.text_content().strip()
    node = el
    while node is not None and node.text_content().strip() == text:
        cls = node.get("class") or ""
        if _LEAD_CLASS.search(cls) or _LEAD_CAMEL.search(cls):
            return True
        node = node.getparent()
    return False


def _shown_lead(
    paragraphs: tuple[Paragraph, ...], descriptions: list[str], page_text: str
) -> str | None:
    """A description the page shows as text before the first extracted paragraph, and that
    the body does not contain: the standfirst the extractor skipped."""
    if not page_text:
        return None
    body_key = text_key(" ".join(p.text for p in paragraphs))
    opening = text_key(paragraphs[0].text)[:80]
    first_at = page_text.find(paragraphs[0].text[:60])
    for description in descriptions:
        text = clean_inline(description)
        key = text_key(text)
        # in the body, or the body's opening with a byline before it: no skipped lead
        if len(text) < _MIN_SHOWN_LEAD or key in body_key or len(opening) >= 40 and opening in key:
            continue
        at = page_text.find(text)
        if at < 0 or (first_at >= 0 and at > first_at):
            continue
        return text
    return None
