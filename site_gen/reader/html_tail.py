"""The end of an article the extractor cut short: the page's own paragraphs after the last one.

Pages split a long article into several containers (one per section, an advert between them);
a main-text extractor sometimes keeps the first container and loses the rest, so the archive
would show an article without its ending. The page itself says which elements are the article's
paragraphs: they carry the same markup (``<p class="article-paragraph">``) as the ones the
extractor kept. Paragraphs with that markup that follow the last extracted one, still inside the
same ``<article>`` and before any new headline (``<h1>``: the next story of an endless page),
are put back, with the subheadings between them marked like the paragraphs. Where the
paragraphs carry no class, the container the page marks as the text (``itemprop=articleBody``,
an ``article-body`` class) says it: its later paragraphs in the same flow (the same parent
element as the extracted ones) are put back. Promos, captions, related links, bios and
comments carry other markup (or sit in asides, lists and boxes) and are not taken; a paragraph
must also read as body text (a full sentence, mostly not a link, no call to action), and a
linked headline or a "Read more:" label ends the article.
"""

from __future__ import annotations

import re
from collections import Counter

from site_gen import regexes
from site_gen.model import Paragraph
from site_gen.reader.html_body import is_tail_junk, list_label, sentence_final, text_key
from site_gen.reader.html_place import linked_chars
from site_gen.reader.normalize import clean_inline

_BLOCKS = ("p", "h1", "h2", "h3", "h4")
_OUTSIDE = regexes.compile(
    r"related|teaser|recommend|promo|sidebar|popular|comment|newsletter|share|social|"
    r"caption|footer|author-?bio|\bbio\b|biography|about-?(?:the-?)?author|author-?(?:info|box)|"
    r"more-",
    re.IGNORECASE,
)
_MAX_RECOVERED = 60
_MIN_CHARS = 40


def _marks(el) -> str:
    return ((el.get("class") or "") + " " + (el.get("id") or "")).strip()


def _outside(el) -> bool:
    """In an aside, a list, navigation or a box of other content (not the article's text)."""
    for anc in el.iterancestors():
        if anc.tag in ("aside", "nav", "footer", "li", "figure", "figcaption", "blockquote"):
            return True
        if anc.tag in ("article", "main", "body"):
            return False
        if _OUTSIDE.search(_marks(anc)):
            return True
    return False


def _matched(blocks: list, paragraphs: tuple[Paragraph, ...]) -> list[int]:
    """Positions in ``blocks`` of the extracted paragraphs, in order (unmatched ones skipped)."""
    positions: dict[str, list[int]] = {}
    for i, el in enumerate(blocks):
        if el.tag == "p":
            positions.setdefault(text_key(el.text_content()), []).append(i)
    found: list[int] = []
    for paragraph in paragraphs:
        if paragraph.kind != "p":
            continue
        after = found[-1] if found else -1
        at = next((i for i in positions.get(text_key(paragraph.text), []) if i > after), None)
        if at is not None:
            found.append(at)
    return found


def _signature(blocks: list, found: list[int]) -> str | None:
    """The class the extracted paragraphs share (most of them, at least two), else None."""
    classes = Counter((blocks[i].get("class") or "").strip() for i in found)
    if not classes:
        return None
    best, count = classes.most_common(1)[0]
    if not best or count < 2 or count < 0.5 * len(found):
        return None
    return best


def _article_of(el):
    return next((a for a in el.iterancestors() if a.tag == "article"), None)


def _candidate(el, signature: str, tokens: set[str]) -> str | None:
    """The kind ("p" or "h") of a block marked like the article's paragraphs, else None."""
    own = (el.get("class") or "").strip()
    if el.tag == "p":
        return "p" if own == signature else None
    return "h" if tokens & set(own.split()) else None


def _reads_as_body(el, text: str) -> bool:
    """A full sentence of the article's own, not a link to another story or a promo."""
    if len(text) < _MIN_CHARS or not sentence_final(text) or is_tail_junk(text):
        return False
    return linked_chars(el) <= 0.5 * len(text)


def _linked_heading(el) -> bool:
    """A headline linking elsewhere: a list of other stories (or the next one) starts here."""
    if el.tag == "p":
        return False
    text = " ".join(el.text_content().split())
    return bool(text) and linked_chars(el, href_only=True) > 0.5 * len(text)


def _repeats(key: str, seen: set[str]) -> bool:
    """Is this block text the body already has (perhaps with a credit the reader cut off)?"""
    return key in seen or any(len(k) >= 20 and (k in key or key in k) for k in seen)


_BODY_MARK = regexes.compile(
    r"article[-_]?body|story[-_]?body|article[-_]?content|article[-_]?text|entry[-_]?content|"
    r"post[-_]?content|post[-_]?body|body[-_]?text|articlebody",
    re.IGNORECASE,
)


def _body_container(last, blocks: list, found: list[int]):
    """The element the page marks as the article's text (``itemprop=articleBody``, an
    ``article-body`` class) holding the last extracted paragraph and at least one more."""
    matched = {id(blocks[i]) for i in found}
    for anc in last.iterancestors():
        if anc.tag in ("body", "html"):
            return None
        marked = anc.get("itemprop") == "articleBody" or _BODY_MARK.search(_marks(anc))
        if marked and sum(id(p) in matched for p in anc.iter("p")) >= 2:
            return anc
    return None


def _inside(el, container) -> bool:
    return any(anc is container for anc in el.iterancestors())


def _rule(blocks: list, found: list[int]):
    """How the page marks its article's blocks: (kind of a block or None, still in the article?).
    By the class the extracted paragraphs share; else by the container marked as the text."""
    last = blocks[found[-1]]
    signature = _signature(blocks, found)
    if signature is not None:
        tokens = set(signature.split())
        article = _article_of(last)

        def within(el) -> bool:
            return article is None or _article_of(el) is article

        return (lambda el: _candidate(el, signature, tokens)), within
    container = _body_container(last, blocks, found)
    parent = _parent_signature(blocks, found)
    if container is None or parent is None:
        return None

    def kind_of(el) -> str | None:
        if _parent_of(el) != parent:
            return None  # a box inside the text (promo, embed, caption), not its flow
        return "p" if el.tag == "p" else "h"

    return kind_of, (lambda el: _inside(el, container))


def _parent_of(el) -> tuple[str, str] | None:
    up = el.getparent()
    return None if up is None else (str(up.tag), (up.get("class") or "").strip())


def _parent_signature(blocks: list, found: list[int]) -> tuple[str, str] | None:
    """The element most extracted paragraphs sit in (the text's flow), if most share one."""
    parents = Counter(_parent_of(blocks[i]) for i in found)
    best, count = parents.most_common(1)[0]
    return best if best is not None and count >= 2 and count >= 0.5 * len(found) else None


def recover_tail(tree, paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """``paragraphs`` with the article's own paragraphs that follow the last one put back."""
    if tree is None or len(paragraphs) < 2:
        return paragraphs
    blocks = [el for el in tree.iter(*_BLOCKS) if isinstance(el.tag, str)]
    found = _matched(blocks, paragraphs)
    rule = _rule(blocks, found) if found else None
    if rule is None:
        return paragraphs
    kind_of, within = rule
    seen = {text_key(p.text) for p in paragraphs}
    extra: list[tuple[str, str]] = []
    for el in blocks[found[-1] + 1 :]:
        if el.tag == "h1" or _linked_heading(el) or not within(el):
            break  # the next story (an endless page), or out of this article
        kind = kind_of(el)
        if kind is None or _outside(el):
            continue
        text = clean_inline(el.text_content())
        key = text_key(text)
        if not text or _repeats(key, seen):
            continue
        if list_label(text):
            break
        if kind == "p" and not _reads_as_body(el, text):
            continue
        seen.add(key)
        extra.append((kind, text))
        if len(extra) >= _MAX_RECOVERED:
            break
    while extra and extra[-1][0] == "h":
        extra.pop()
    if not any(kind == "p" for kind, _ in extra):
        return paragraphs
    start = len(paragraphs)
    added = tuple(
        Paragraph(index=start + i, text=text, start=-1, kind=kind)
        for i, (kind, text) in enumerate(extra)
    )
    return (*paragraphs, *added)
