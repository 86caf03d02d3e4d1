"""The reader's output types (re-exported by ``site_gen.reader``)."""

from __future__ import annotations

from dataclasses import dataclass

from site_gen.model import Diagnostic, Direction, Paragraph


@dataclass(frozen=True)
class Document:
    """Everything the reader knows about one article (see ``model.Article`` for the fields)."""

    format: str
    title: str
    title_derived: bool
    paragraphs: tuple[Paragraph, ...]
    raw_text: str
    source_name: str | None = None
    attribution: str | None = None
    license: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    dateline: str | None = None
    published: str | None = None
    event_date: str | None = None
    date: str | None = None
    date_basis: str | None = None
    lang: str | None = None
    dir: Direction = "ltr"
    # Editor's notes ("Update: ...", "Correction: ...") found at the start or end of the body and
    # taken out of ``paragraphs``; one string per note, in order (leading notes first).
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReadResult:
    document: Document | None  # None when the file could not be read at all
    diagnostics: tuple[Diagnostic, ...] = ()
