"""The reader: one input file (bytes) -> one ``Document`` (normalized text and metadata).

Pure: no disk access here. The pipeline reads the file's bytes (and its sidecar's, when there is
one) and passes them in, so the result depends on the inputs alone and can be cached by hash.

Formats, by suffix: ``.txt`` (plain text, any common encoding), ``.md``/``.markdown`` (YAML
``---`` or TOML ``+++`` front matter, CommonMark body), ``.html``/``.htm`` (a saved article page;
main text and metadata extracted with trafilatura).

Where each field comes from (first that has it wins):

1. the sidecar ``NAME.meta.toml`` / ``NAME.meta.json`` (title, url, published, source, author,
   license, lang);
2. the front matter of a Markdown file;
3. the page metadata of an HTML file (JSON-LD, Open Graph, ``<meta>``, ``<html lang>``);
4. what the text says: a headline line, ``By`` bylines, a dateline (``LONDON (Reuters) -``),
   credit footers (``SOURCE: X``, ``All Content by X is licensed under ...``, ``© X``), dates
   stated in the text (event date), the file-name slug (title);
5. registry defaults (the outlet's canonical name; its language when nothing else says).

The language is the declared one unless detection on the text disagrees with confidence; the
title is derived from the first sentence when no layer gives one (``title_derived``); ``date``
is the publication date, else the event date stated in the text, else None (never invented).

Modules: ``decode`` (bytes -> str), ``normalize`` (display text with offsets), ``layout`` and
``paragraphs`` (paragraph spans of plain text), ``sentences`` (quotation-aware boundaries),
``attribution`` + ``licenses`` (credit lines, SPDX ids, ``license_info``), ``bylines`` (the
names of a credit line), ``datelines``, ``dates``, ``titles``, ``language``, ``meta`` (layers
and precedence), ``sidecar``, the formats ``txt`` / ``markdown`` / ``html`` (with
``html_meta``: what a page declares, ``html_fields``: choosing among it, ``html_body``: the
body's edges, ``html_tail``: an ending the extractor lost), and ``assemble`` (layers ->
Document).
"""

from __future__ import annotations

import posixpath

from site_gen.model import Diagnostic
from site_gen.reader.decode import decode_bytes, looks_binary
from site_gen.reader.defaults import apply_defaults, cascade
from site_gen.reader.document import Document, ReadResult
from site_gen.reader.licenses import license_id, license_info
from site_gen.reader.meta import Meta
from site_gen.reader.sidecar import parse_sidecar
from site_gen.reader.txt import read_txt
from site_gen.registry import Registry

READABLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SIDECAR_SUFFIXES = (".meta.toml", ".meta.json")

__all__ = [
    "READABLE_SUFFIXES",
    "SIDECAR_SUFFIXES",
    "Document",
    "ReadResult",
    "license_id",
    "license_info",
    "read_document",
]


def format_of(path: str) -> str | None:
    """ "txt", "md" or "html" for a readable path, else None."""
    suffix = posixpath.splitext(path.lower())[1]
    return {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}.get(
        suffix
    )


def read_document(
    path: str,
    data: bytes,
    registry: Registry,
    sidecar: bytes | None = None,
    sidecar_path: str | None = None,
    defaults: tuple[tuple[str, bytes], ...] = (),
) -> ReadResult:
    """Read one article file. ``path`` is content-relative (POSIX) and decides the format by suffix.
    ``defaults``: the ``_defaults.toml`` files (path, bytes) of the folders above it, outermost
    first.

    Never raises on bad input: a file that cannot be read gives ``document=None`` and an error
    diagnostic naming the file (and line where it helps); recoverable problems give warnings.
    """
    try:
        result = _read(path, data, registry, sidecar, sidecar_path)
        if not defaults or result.document is None:
            return result
        values, problems = cascade(list(defaults))
        document = apply_defaults(result.document, values, path, registry)
        return ReadResult(document, (*result.diagnostics, *problems))
    except Exception as exc:  # a reader bug must fail this file alone, with a message
        message = (
            f"could not read this file ({type(exc).__name__}: {exc}); "
            "please report it as a site-gen bug"
        )
        return ReadResult(None, (Diagnostic("error", path, message),))


def _reader(fmt: str):
    """The reader of a format. Markdown (YAML, markdown-it) and HTML (lxml, trafilatura) are
    imported on first use: a process that reads plain text never loads them."""
    if fmt == "md":
        from site_gen.reader.markdown import read_markdown

        return read_markdown
    if fmt == "html":
        from site_gen.reader.html import read_html

        return read_html
    return read_txt


def _read(
    path: str, data: bytes, registry: Registry, sidecar: bytes | None, sidecar_path: str | None
) -> ReadResult:
    fmt = format_of(path)
    if fmt is None:
        return ReadResult(
            None,
            (
                Diagnostic(
                    "error",
                    path,
                    f"unsupported file type; readable types are {', '.join(READABLE_SUFFIXES)}",
                ),
            ),
        )
    diagnostics: list[Diagnostic] = []
    layers: list[Meta] = []
    if sidecar is not None:
        side_path = sidecar_path or posixpath.splitext(path)[0] + ".meta.toml"
        meta, problems = parse_sidecar(sidecar, side_path)
        diagnostics.extend(problems)
        if meta is not None:
            layers.append(meta)
    if not data.strip():
        return ReadResult(
            None,
            (
                *diagnostics,
                Diagnostic(
                    "error", path, "the file is empty; add the article text or remove the file"
                ),
            ),
        )
    decoded = decode_bytes(data, html=fmt == "html")
    if looks_binary(decoded.text):
        message = "this is not a text file (binary data); save the article as text or HTML"
        return ReadResult(None, (*diagnostics, Diagnostic("error", path, message)))
    if decoded.note:
        diagnostics.append(
            Diagnostic("warning", path, decoded.note + "; save the file as UTF-8 to be sure")
        )
    result = _reader(fmt)(path, decoded.text, registry, layers)
    return ReadResult(result.document, (*diagnostics, *result.diagnostics))
