"""Saved article pages: main text extracted with trafilatura, metadata weighed from the page.

Hand scraping breaks on every new site layout; trafilatura has seen thousands. It gives the
main text as a small XML tree (``p``, ``head``, ``list/item``, ``quote``); the page's own
declarations (``html_meta``) give title, site, authors, date, URL and language candidates,
chosen in ``html_fields``; ``html_body`` cleans the edges of the body (bylines, captions,
promos) and ``html_tail`` puts back the end of an article split over several containers that
the extractor cut short (the page's paragraphs marked like the ones it kept). The declared
language is weighed against the text (pages declare the wrong one).
Paragraphs of HTML have no offsets into the file (``start=-1``): the file is markup, not text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from site_gen.model import Diagnostic, Paragraph
from site_gen.reader.assemble import build_document
from site_gen.reader.bylines import bio_author
from site_gen.reader.datelines import Dateline, dateline_only, find_dateline
from site_gen.reader.dates import date_line, dates_in_text, parse_date_value
from site_gen.reader.document import ReadResult
from site_gen.reader.html_body import (
    Body,
    body_paragraphs,
    leading_byline,
    mark_double_breaks,
    stated_byline,
    text_key,
)
from site_gen.reader.html_edges import (
    trim_box_and_after,
    trim_call_to_action,
    trim_leading_controls,
    trim_leading_furniture,
    trim_linked_tail,
    trim_sign_offs,
    trim_teasers,
    trim_trailing_furniture,
)
from site_gen.reader.html_embedded import embedded_article
from site_gen.reader.html_fields import (
    article_url,
    choose_authors,
    choose_date,
    choose_site,
    choose_title,
    matches_site,
    site_names,
)
from site_gen.reader.html_license import closing_notice, notice_after
from site_gen.reader.html_meta import parse_tree, read_page_meta
from site_gen.reader.html_place import Places, inside, shown_text
from site_gen.reader.html_tail import recover_tail
from site_gen.reader.licenses import choose_license
from site_gen.reader.meta import Meta
from site_gen.reader.normalize import clean_inline
from site_gen.reader.paragraphs import renumbered
from site_gen.reader.standfirst import split_standfirst
from site_gen.registry import Registry


def _extract(raw: str):
    import trafilatura  # imported on first use: it is slow to import and only HTML needs it
    from trafilatura.settings import set_date_params

    return trafilatura.bare_extraction(
        mark_double_breaks(raw),
        with_metadata=True,
        date_extraction_params=set_date_params(extensive=False),
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )


class _Nothing:
    """What trafilatura says about a page it found no main text in: nothing."""

    url = title = author = date = sitename = license = language = None


def fallback_paragraphs(tree) -> tuple[Paragraph, ...]:
    """The page's text blocks when the extractor finds no article in it (a short page, a text
    file saved as .html): every paragraph-like element, else the body's text by blank lines."""
    if tree is None:
        return ()
    texts: list[tuple[str, str]] = []
    for el in tree.iter("p", "h2", "h3", "h4", "li", "blockquote", "pre"):
        if any(a.tag in ("nav", "header", "footer", "aside") for a in el.iterancestors()):
            continue
        text = clean_inline(el.text_content())
        if text:
            texts.append(("h" if el.tag[0] == "h" else "p", text))
    if not texts:
        body = tree.find(".//body")
        source = body if body is not None else tree
        for junk in source.xpath(".//script | .//style | .//noscript | .//head"):
            junk.drop_tree()
        whole = source.text_content() if hasattr(source, "text_content") else ""
        texts = [("p", t) for t in (clean_inline(b) for b in re.split(r"\n\s*\n", whole)) if t]
    return tuple(Paragraph(i, text, -1, (), kind) for i, (kind, text) in enumerate(texts[:2000]))


def _from_scripts_or_blocks(tree):
    """The body of a page whose markup holds no article: the article its scripts carry (an app
    shell), else the page's text blocks. Metadata stays the page's own."""
    fragment = embedded_article(tree)
    if fragment is not None:
        found = _extract(f"<html><body><article>{fragment}</article></body></html>")
        if found is not None and found.body is not None:
            body = body_paragraphs(found.body)
            if body.paragraphs:
                return _Nothing(), body
    return _Nothing(), Body(fallback_paragraphs(tree))


def _furniture_notes(
    path: str, blocks: list[str], where: str = "after the article, outside its container"
) -> list[Diagnostic]:
    if not blocks:
        return []
    shown = "; ".join(b if len(b) <= 60 else b[:57] + "..." for b in blocks[:3])
    more = f" and {len(blocks) - 3} more" if len(blocks) > 3 else ""
    message = (
        f"left out {len(blocks)} block(s) {where} (kept in the original): {shown}{more}"
    )
    return [Diagnostic("note", path, message)]


def _bounds(tree, places: Places, first: str | None) -> tuple[object, object]:
    """(the headline, the element holding the text's first paragraph): what stands between
    them is where a page prints its byline and date lines. Either may be None."""
    if tree is None or first is None:
        return None, None
    return next(tree.iter("h1"), None), places.holder(first)


def _header_bylines(places: Places, meta, h1, start) -> list[str]:
    """Byline elements between the headline and the text's first paragraph: the visible
    byline of this story (not a teaser's: those stand elsewhere). The innermost ones, their
    parts apart ("<a>Jane Doe</a><span>Reporter</span>" is "Jane Doe | Reporter")."""
    if start is None or not meta.byline_places:
        return []
    marked = [el for el, _ in meta.byline_places]
    found: list[str] = []
    for el, _ in meta.byline_places:
        if any(other is not el and inside(other, el) for other in marked):
            continue  # a box around a byline element: its parts are read alone
        if (h1 is None or places.before(h1, el)) and places.before(el, start):
            text = shown_text(el)
            if text and text not in found:
                found.append(text)
    return found


_BYLINE_BLOCKS = ("p", "div", "span", "address", "small", "em", "strong", "b", "i")
_LINE_BLOCKS = (*_BYLINE_BLOCKS, "time")
_LINE_CHARS = 500  # a block of more text (its markup's spacing too) is more than a line


def _under_headline(places: Places, h1, start) -> list[tuple[object, str]]:
    """The short blocks between the headline and the text's first paragraph, in page order,
    with the text each shows: where a page prints its byline and date lines (read once for
    both)."""
    if h1 is None or start is None:
        return []
    return [(el, shown_text(el)) for el in places.body.iter(*_LINE_BLOCKS)
            if places.before(h1, el) and places.before(el, start)
            and len(el.text_content()) < _LINE_CHARS]


def _stated_bylines(lines: list[tuple[object, str]]) -> list[str]:
    """The lines under the headline that say they are a byline ("By Jane Doe | March 3"),
    whatever their markup: an extractor drops such blocks as page furniture. The innermost
    ones."""
    stated = [(el, text) for el, text in lines
              if el.tag in _BYLINE_BLOCKS and stated_byline(text)]
    found: list[str] = []
    for el, text in stated:
        if not any(other is not el and inside(other, el) for other, _ in stated) \
                and text not in found:
            found.append(text)
    return found


def _shown_date(lines: list[tuple[object, str]]) -> str | None:
    """The date a line under the headline shows ("Published: 3 March 2024", "3 de marzo de
    2024", "2024年3月3日"), in any language the date reader knows; of two dates there
    ("Updated: ... | Published: ..."), the earlier: a story is published before it is
    updated."""
    for _, text in lines:
        stated = date_line(text)
        if stated is not None:
            return stated
    return None


def _people(authors: list[str], sites: list[str]) -> list[str]:
    """The authors that are not the site itself (an organisation byline is a weak author)."""
    return [a for a in authors if not matches_site(a, sites)]


def _dateline_date(dateline) -> str | None:
    """A full date the dateline states ("Feb. 23, 2015 --")."""
    if dateline is None:
        return None
    stated = dates_in_text(dateline.raw)
    return stated[0] if stated else None


def _dateline(paragraphs: tuple[Paragraph, ...]) -> tuple[tuple[Paragraph, ...], Dateline | None]:
    """(the body, its dateline): the dateline opening the first paragraph, or a first paragraph
    that is a dateline and nothing else ("Lyon -" on its own line, before the story), which
    then leaves the body (the labelling policy: a dateline on its own is no paragraph)."""
    alone = dateline_only(paragraphs[0].text) if len(paragraphs) > 1 else None
    if alone is not None:
        return renumbered(paragraphs[1:]), alone
    return paragraphs, find_dateline(paragraphs[0].text) if paragraphs else None


def read_html(path: str, raw: str, registry: Registry, layers: list[Meta]) -> ReadResult:
    tree = parse_tree(raw)
    extracted = _extract(raw)
    found = extracted is not None and extracted.body is not None
    if not found:  # before the page metadata is read: that drops the page's scripts
        extracted, body = _from_scripts_or_blocks(tree)
    page = read_page_meta(tree)
    if found:
        body = body_paragraphs(extracted.body)
        body = replace(body, paragraphs=recover_tail(tree, body.paragraphs))
    if not body.paragraphs:
        message = "no article text found in this page; save the article page itself"
        return ReadResult(None, (Diagnostic("error", path, message),))
    url = article_url(page.url or extracted.url)
    sites = site_names(page, registry, url)
    places = Places(tree.find(".//body") if tree is not None else None)
    titles = [t for _, t in page.title_votes] + page.h1
    paragraphs, leading = trim_leading_furniture(places, body.paragraphs, titles)
    # what the text's edges left out, but the headline: every page prints that above the text
    title_keys = {text_key(t) for t in titles if t}
    kept_text = {p.text for p in paragraphs}
    edge_before = [t for t in body.left_before if text_key(t) not in title_keys]
    edge_tail = [t for t in body.left_after if t not in kept_text]
    standfirst, paragraphs = split_standfirst(
        places, paragraphs, page.descriptions, page.body_text
    )
    byline = body.byline
    if standfirst is not None:  # a caption, a label or the byline between it and the body
        paragraphs, more = trim_leading_furniture(places, paragraphs, titles)
        leading += more
        paragraphs, names = leading_byline(paragraphs, more)
        byline = [*byline, *(n for n in names if n not in byline)]
    paragraphs, summary = trim_box_and_after(places, paragraphs, titles)
    leading += summary
    paragraphs, controls = trim_leading_controls(places, paragraphs)
    leading += controls
    paragraphs, furniture = trim_trailing_furniture(places, paragraphs)
    paragraphs, walled = trim_call_to_action(places, paragraphs)
    furniture += walled
    paragraphs, signed = trim_sign_offs(paragraphs)
    furniture += signed
    paragraphs, notice, closing_license = closing_notice(paragraphs)
    furniture += notice
    paragraphs, linked = trim_linked_tail(places, paragraphs, sites)
    furniture += linked
    closing = [*(p.text for p in paragraphs[-1:]), *furniture]  # where a bio ends a story
    paragraphs, teasers = trim_teasers(places, paragraphs)
    furniture += teasers
    paragraphs, dateline = _dateline(paragraphs)
    bio = next(filter(None, map(bio_author, closing)), None)
    h1, start = _bounds(tree, places, body.paragraphs[0].text)
    header = _header_bylines(places, page, h1, start)
    lines = _under_headline(places, h1, start)
    if not byline:
        byline = _stated_bylines(lines)
    authors = choose_authors(page, sites, extracted.author, registry, byline, bio, header)
    if dateline and dateline.reporter and not _people(authors, sites):
        authors = [dateline.reporter]
    layer = Meta(
        basis="page metadata",
        title=choose_title(page, sites, extracted.title),
        published=choose_date(page, url) or _dateline_date(dateline),
        site_name=choose_site(page, registry, url, extracted.sitename),
        url=url,
        authors=tuple(authors),
        license=choose_license(page.license, extracted.license, closing_license,
                               notice_after(raw, places, paragraphs[-1].text)),
        lang=page.lang or extracted.language,
    )
    # a date the page shows under the headline: stated, unlike the guess below
    shown = Meta(basis="shown on the page", published=_shown_date(lines))
    text_layer = Meta(
        basis="text",
        dateline=dateline.place if dateline else None,
        source=dateline.agency if dateline else None,
    )
    # The extractor's date guess (htmldate reads anything date-like in the page): a last
    # resort, below what the page and its text state, and marked as a guess.
    guess = Meta(basis="guessed", published=parse_date_value(extracted.date))
    document = build_document(
        "html", path, raw, paragraphs, [*layers, layer, shown, text_layer, guess], registry,
        standfirst,
    )
    notes = _furniture_notes(path, leading, "before the article (hidden text, a caption, the "
                             "headline again, a label or a box of key points)")
    notes += _furniture_notes(path, furniture)
    notes += _furniture_notes(path, edge_before, "at the start of the text (headings, labels, "
                              "bylines, a date line)")
    notes += _furniture_notes(path, edge_tail, "at the end of the text or between its "
                              "paragraphs (labels, links, teasers for other stories)")
    return ReadResult(document, tuple(notes))
