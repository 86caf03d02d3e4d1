"""Paragraphs + metadata layers -> one ``Document``: title, outlet, dates, language, direction.

The format readers (txt, md, html) each produce paragraphs and the layers they know about; this
module applies the same precedence and fallbacks to all of them, so a Markdown post and a
plain-text dump of the same article end up with the same fields.
"""

from __future__ import annotations

import posixpath
import re

from site_gen import regexes
from site_gen.model import Paragraph
from site_gen.reader.datelines import dateline_only
from site_gen.reader.dates import event_date_in_text
from site_gen.reader.document import Document
from site_gen.reader.language import choose_language, direction
from site_gen.reader.meta import Meta, merge
from site_gen.reader.paragraphs import renumbered
from site_gen.reader.titles import derive_title, tidy_title, title_from_slug
from site_gen.registry import Registry


def build_document(
    fmt: str,
    path: str,
    raw_text: str,
    paragraphs: tuple[Paragraph, ...],
    layers: list[Meta],
    registry: Registry,
    standfirst: str | None = None,
) -> Document:
    merged, basis = merge(layers)
    given = tidy_title(merged.title) if merged.title else ""
    if merged.title:
        paragraphs = drop_repeated_title(paragraphs, given)
    paragraphs = trim_headings(paragraphs)
    paragraphs, notes = split_notes(paragraphs)
    body = "\n\n".join(p.text for p in paragraphs)
    title, derived = _title(given, path, paragraphs)
    source_name = _source(merged, registry, path)
    published = merged.published
    event_date = merged.event_date or event_date_in_text(body, published)
    date, date_basis = (
        (published, basis.get("published"))
        if published
        else (event_date, "text" if event_date else None)
    )
    if event_date and not published and basis.get("event_date") not in (None, "text"):
        date_basis = basis["event_date"]
    lang = choose_language(merged.lang, title + "\n" + body if body else title)
    lang_basis = None
    if lang is None and source_name:
        found = registry.lookup(source_name)
        lang = found.lang if found else None
        lang_basis = "registry" if lang else None
    return Document(
        format=fmt,
        title=title,
        title_derived=derived,
        paragraphs=paragraphs,
        raw_text=raw_text,
        source_name=source_name,
        attribution=merged.attribution,
        license=merged.license,
        url=merged.url,
        authors=tuple(merged.authors),
        dateline=merged.dateline,
        published=published,
        event_date=event_date,
        date=date,
        date_basis=date_basis,
        lang=lang,
        lang_basis=lang_basis,
        dir=direction(lang, body),
        notes=notes,
        standfirst=standfirst,
    )


# "Update:", "UPDATE (Jan. 5):", "Updated March 3, 2024:", "Editor's note:", "Correction:" ...
_NOTE_START = regexes.compile(
    r"^[*_\s]*(?:update[ds]?|editor['’]?s['’]?\s+note|note\s+from\s+the\s+editors?|"
    r"corrections?|clarifications?|programming\s+note|disclosure|"
    r"aktualisierung|update\s+der\s+redaktion|anmerkung\s+der\s+redaktion|"
    r"korrektur|mise\s+à\s+jour|note\s+de\s+la\s+rédaction|rectificatif|"
    r"actualización|nota\s+del\s+editor|nota\s+de\s+la\s+redacción|fe\s+de\s+errores|"
    r"aggiornamento|nota\s+della\s+redazione)"
    r"(?:\s*\([^)\n]{0,40}\)|\s+(?:on\s+|am\s+|le\s+|el\s+)?[\w.,/ ]{0,30}?\d{4})?"
    r"\s*(?:[:：—–]|-\s|$)",
    re.IGNORECASE,
)
# A closing correction written as a sentence: "An earlier version of this article misstated ..."
_CLOSING_NOTE = regexes.compile(
    r"^[*_\s]*(?:an?\s+(?:earlier|previous)\s+version\s+of\s+this\s+(?:article|story|post)|"
    r"this\s+(?:article|story|post)\s+(?:has\s+been|was)\s+(?:updated|corrected|amended))\b",
    re.IGNORECASE,
)


def _is_note(paragraph: Paragraph, closing: bool = False) -> bool:
    text = paragraph.text
    if paragraph.kind == "h" or len(text) > 600:
        return False
    return bool(_NOTE_START.match(text) or (closing and _CLOSING_NOTE.match(text)))


def split_notes(
    paragraphs: tuple[Paragraph, ...],
) -> tuple[tuple[Paragraph, ...], tuple[str, ...]]:
    """Editor's notes at the very start or end of the body, taken out of it.

    An "Update: ..." or "Correction: ..." paragraph opening or closing the body is about the
    article, not part of it (the first paragraph is the story's lead). A note in a blockquote
    takes the rest of that blockquote with it. Each note is one string (its paragraphs joined by
    a blank line). The body keeps at least one paragraph.
    """
    kept = list(paragraphs)
    notes: list[str] = []
    while len(kept) > 1 and _is_note(kept[0]):
        take = 1
        if kept[0].kind == "blockquote":
            while take < len(kept) - 1 and kept[take].kind == "blockquote":
                take += 1
        notes.append("\n\n".join(p.text for p in kept[:take]))
        del kept[:take]
    closing: list[str] = []
    while len(kept) > 1 and _is_note(kept[-1], closing=True):
        closing.insert(0, kept.pop().text)
    if not notes and not closing:
        return paragraphs, ()
    return renumbered(kept), (*notes, *closing)


def trim_headings(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """The body starts and ends with text: headings before the first and after the last
    paragraph of text are labels ("Introduction", "Related stories"), not the article."""
    kept = list(paragraphs)
    while len(kept) > 1 and kept[0].kind == "h":
        kept.pop(0)
    while len(kept) > 1 and kept[-1].kind == "h":
        kept.pop()
    return paragraphs if len(kept) == len(paragraphs) else renumbered(kept)


def drop_repeated_title(paragraphs: tuple[Paragraph, ...], title: str) -> tuple[Paragraph, ...]:
    """The paragraphs without a leading one that only repeats the headline (an ``<h1>``)."""
    key = title.casefold().strip()
    kept = list(paragraphs)
    while kept and kept[0].text.casefold().strip() == key and len(kept) > 1:
        kept.pop(0)
    return paragraphs if len(kept) == len(paragraphs) else renumbered(kept)


def _title(given: str, path: str, paragraphs: tuple[Paragraph, ...]) -> tuple[str, bool]:
    """(title, derived?): the given one (already tidied), else from the file name or the text."""
    if given:
        return given, False
    stem = posixpath.basename(path).split(".", 1)[0]
    slug = title_from_slug(stem)
    if slug:
        return slug, True
    for paragraph in paragraphs:
        if dateline_only(paragraph.text):
            continue  # "PLACE, 10 Aug – Agency." on its own line: where, not what
        if paragraph.kind in ("p", "blockquote", "li") and paragraph.text.strip():
            return derive_title(paragraph.text), True
    return stem or path, True


def _source(merged: Meta, registry: Registry, path: str) -> str | None:
    for candidate in (merged.source, merged.url, merged.site_name):
        if candidate:
            found = registry.lookup(candidate)
            if found:
                return found.name
            if candidate is not merged.url:
                return registry.canonical(candidate)
    # Never from the file's name or folder: an outlet is what the file says, or what the
    # user's configuration sets (a folder's _defaults.toml).
    return None
