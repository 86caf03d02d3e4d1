"""The per-file stage: one input file's bytes -> one ``Article`` with its quotes.

A pure function of its arguments (bytes in, plain picklable data out), so it can run in a worker
process and be cached by content hash; nothing here touches the disk.
"""

from __future__ import annotations

import hashlib
from dataclasses import fields, replace

from site_gen.model import (
    Article,
    Diagnostic,
    Document,
    FileResult,
    Paragraph,
    Quote,
    text_digest,
)
from site_gen.quotes import extract_quotes
from site_gen.reader import read_document
from site_gen.reader.html_body import text_key
from site_gen.registry import Registry
from site_gen.safety import link_target, unsafe_link_message
from site_gen.slugs import make_slug
from site_gen.terms import with_terms


def process_file(
    path: str,
    data: bytes,
    registry: Registry,
    sidecar: bytes | None = None,
    sidecar_path: str | None = None,
    defaults: tuple[tuple[str, bytes], ...] = (),
    roles: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> FileResult:
    """Read, normalize and extract quotes from one file. Never raises on bad input (the reader
    turns its own failures into diagnostics; a failing quote extraction loses only the quotes)."""
    result = read_document(
        path, data, registry, sidecar=sidecar, sidecar_path=sidecar_path, defaults=defaults
    )
    doc = result.document
    if doc is None:
        return FileResult(path=path, article=None, diagnostics=result.diagnostics)
    diagnostics = list(result.diagnostics)
    if not doc.paragraphs:
        diagnostics.append(
            Diagnostic("warning", path, "no article text found (the page stays empty)")
        )
    try:
        # Code and raw markup hold strings, not speech: no quotations are looked for in them.
        texts = ["" if p.kind in ("pre", "html") else p.text for p in doc.paragraphs]
        extraction = extract_quotes(texts, doc.lang, roles, _headings(doc))
        quotes = tuple(_locate(q, doc.paragraphs, doc.raw_text) for q in extraction.quotes)
        speakers = extraction.speakers
    except Exception as exc:  # keep the article, lose only its quotes, and say so
        diagnostics.append(
            Diagnostic("error", path, f"quote extraction failed ({type(exc).__name__}: {exc})")
        )
        quotes, speakers = (), ()
    if doc.url and link_target(doc.url) is None:
        diagnostics.append(Diagnostic("warning", path, unsafe_link_message("url", doc.url)))
    # The terms stories and statements compare, found here: in parallel, and cached.
    article = with_terms(_article(path, data, doc, quotes, speakers))
    article = replace(article, text_digest=text_digest(article.paragraphs))
    return FileResult(path=path, article=article, diagnostics=tuple(diagnostics))


def _headings(doc: Document) -> frozenset[int]:
    """The paragraphs that are headings: marked so, or the headline repeated as the text's
    first line (a sentence-case headline reads like a sentence)."""
    title = text_key(doc.title or "")
    return frozenset(p.index for p in doc.paragraphs
                     if p.kind == "h" or title and p.index < 2 and text_key(p.text) == title)


def _locate(quote: Quote, paragraphs: tuple[Paragraph, ...], raw_text: str) -> Quote:
    """Add the quote's offsets into the original file text, and its words as written there
    when they differ from the displayed ones."""
    para = paragraphs[quote.paragraph]
    start, end = para.source_offset(quote.start), para.source_offset(quote.end)
    original = raw_text[start:end] if start is not None and end is not None and raw_text \
        else None
    return replace(quote, source_start=start, source_end=end,
                   original=original if original != quote.text else None)


def _article(
    path: str, data: bytes, doc: Document, quotes: tuple[Quote, ...], speakers: tuple
) -> Article:
    fields_of_doc = {f.name: getattr(doc, f.name) for f in fields(Document)}
    # The whole decoded text stays with the reader: the build shows the paragraphs and, for
    # each quote, its words as written (``Quote.original``); kept per article, it was a fifth
    # of what every article holds in memory and in the cache.
    fields_of_doc["raw_text"] = ""
    return Article(
        **fields_of_doc,
        id=make_slug(doc.title or path.rsplit("/", 1)[-1]),
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        quotes=quotes,
        speakers=speakers,
    )
