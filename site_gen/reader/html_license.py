"""The licence a page states in words or links rather than in its metadata: a notice closing the
article ("Dieser Text steht unter der Lizenz CC BY-SA 4.0."), or one after it, in the site's
footer or a box of its own, as text or as a link to a licence deed.

What a notice is (a short line naming a Creative Commons licence, in any language, not a
picture's credit) is ``attribution.notice_license``; here is where a page puts one. A licence
inside a figure or its caption is the picture's, and a notice before the article's end (a
paragraph of the story that mentions a licence) is the story's text: neither is the page's
licence.
"""

from __future__ import annotations

from site_gen.model import Paragraph
from site_gen.reader.attribution import NOTICE_WORDS, names_a_license, notice_license
from site_gen.reader.html_place import Places, norm
from site_gen.reader.licenses import ALL_RIGHTS_RESERVED, license_id

_PICTURE = ("figure", "figcaption", "picture")
_NOTICE_CHARS = 600  # more text than a notice of NOTICE_WORDS words (spacing included)
_TEXT_BLOCKS = ("p", "div", "span", "small", "li", "td", "section", "footer", "aside", "em",
                "strong", "b", "i", "address", "dd")


def closing_notice(
    paragraphs: tuple[Paragraph, ...],
) -> tuple[tuple[Paragraph, ...], list[str], str | None]:
    """(the body without a licence notice that is its last paragraph, that notice, the licence
    it states)."""
    if len(paragraphs) > 1:
        found = notice_license(paragraphs[-1].text)
        if found is not None:
            return paragraphs[:-1], [paragraphs[-1].text], found
    return paragraphs, [], None


def notice_after(raw: str, places: Places, last: str | None) -> str | None:
    """The licence that a block or a deed link after the article's last paragraph (``last``)
    states, the first in the page's order; None when there is none (or the article's end is not
    found in the page)."""
    if places.body is None or not last or not names_a_license(raw):
        return None
    end = places.holder(last)
    if end is None:
        return None
    for el in places.body.iter(*_TEXT_BLOCKS, "a"):
        if not places.before(end, el) or el.tag in _PICTURE or any(
                a.tag in _PICTURE for a in el.iterancestors()):
            continue
        if el.tag != "a" and any(True for _ in el.iter(*_PICTURE)):
            continue  # a box holding a picture: its other blocks are read alone
        if el.tag == "a":
            href = el.get("href") or ""
            found = license_id(href) if "creativecommons.org/" in href else None
        else:
            text = el.text_content()
            if len(text) > _NOTICE_CHARS or not names_a_license(text):
                continue  # a box of more than a notice, or one that names no licence
            text = norm(text)
            found = notice_license(text) if len(text.split()) <= NOTICE_WORDS else None
        if found is not None and found != ALL_RIGHTS_RESERVED:
            return found
    return None
