"""What of a page the search indexer reads, so that a part of the index is made again only
when that changes (a template's header, footer or stylesheet link does not make it again).

Pagefind (https://pagefind.app/docs/) reads from a page that marks its content with
``data-pagefind-body``:

* the content of each element so marked;
* every element tagged with a ``data-pagefind-*`` attribute anywhere in the page (metadata,
  filters, sort keys, weights; a tag that names no value takes the element's content);
* its automatic metadata: the title from the first ``<h1>`` of the page, the image and its
  alternative text from the first ``<img>`` after it;
* the page's language, from the ``<html>`` element.

``scope(page)`` is a superset of that, read from the page's bytes without parsing it whole:
each element named above from its opening tag to its matching closing tag, every ``<h1>``
element, every ``<img>`` tag after the first ``<h1>``, the ``<html>`` and ``<title>`` tags. A
page without the mark is read whole by the indexer, so its scope is the whole page. Where the
markup cannot be followed safely (an element not closed, or a comment, script, style,
template or text area inside it, where a tag may be only text), the scope runs from the
element's start to the page's end. So two pages with the same scope give the same index.
"""

from __future__ import annotations

import hashlib
import re

from site_gen import regexes

_MARK = b"data-pagefind-body"
_TAGGED = regexes.compile(rb"data-pagefind-", re.IGNORECASE)
_NAME = regexes.compile(rb"<([a-zA-Z][a-zA-Z0-9-]*)")
_OPEN_END = regexes.compile(rb">")
# where a "<div" may be text rather than a tag: the element cannot be followed by its tags
_OPAQUE = regexes.compile(rb"<(?:!--|!\[CDATA\[|script|style|template|textarea|xmp|plaintext)",
                          re.IGNORECASE)
_H1 = regexes.compile(rb"<h1(?=[\s>/])", re.IGNORECASE)
_IMG = regexes.compile(rb"<img(?=[\s>/])[^>]*>", re.IGNORECASE)
_HTML = regexes.compile(rb"<html(?=[\s>])[^>]*>", re.IGNORECASE)
_TITLE = regexes.compile(rb"<title(?=[\s>])", re.IGNORECASE)
_VOID = frozenset(
    b"area base br col embed hr img input link meta param source track wbr".split())


def scope(page: bytes) -> bytes:
    """The parts of ``page`` (an HTML page's bytes) that the indexer reads, in page order."""
    if _MARK not in page:
        return page
    spans: list[tuple[int, int]] = []
    covered = -1
    for m in _TAGGED.finditer(page):
        if m.start() < covered:
            continue  # inside an element already in the scope (a body's ignored parts)
        start = page.rfind(b"<", 0, m.start())
        spans.append(_element(page, max(start, 0)))
        covered = spans[-1][1]
    first_h1 = None
    for m in _H1.finditer(page):
        first_h1 = m.start() if first_h1 is None else first_h1
        spans.append(_element(page, m.start()))
    if first_h1 is not None:
        spans += [m.span() for m in _IMG.finditer(page, first_h1)]
    spans += [m.span() for m in _HTML.finditer(page)]
    spans += [_element(page, m.start()) for m in _TITLE.finditer(page)]
    return b"\0".join(page[a:b] for a, b in _merged(spans))


def scope_digest(page: bytes) -> str:
    return hashlib.sha256(scope(page)).hexdigest()


def _element(page: bytes, start: int) -> tuple[int, int]:
    """The span of the element whose opening tag begins at ``start``: to the end of its
    matching closing tag; to the page's end where that cannot be told safely."""
    name = _NAME.match(page, start)
    if name is None:  # not a tag (a comment, a stray "<"): the rest of the page
        return start, len(page)
    tag = name.group(1).lower()
    head = _OPEN_END.search(page, name.end())
    if head is None:
        return start, len(page)
    if tag in _VOID:  # no content ("<div/>" is an opening tag in HTML: no exception for it)
        return start, head.end()
    same = re.compile(rb"<(/?)" + re.escape(tag) + rb"(?=[\s>/])", re.IGNORECASE)
    depth = 1
    for m in same.finditer(page, head.end()):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            close = page.find(b">", m.end())
            end = len(page) if close < 0 else close + 1
            if _OPAQUE.search(page, head.end(), m.start()):
                return start, len(page)
            return start, end
    return start, len(page)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
