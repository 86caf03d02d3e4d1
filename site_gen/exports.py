"""Data for researchers: every quote and every article as JSON Lines and CSV.

``data/quotes.jsonl`` and ``data/quotes.csv`` hold one row per quote (article id, page, original
URL, source, date, speaker, speaker id, kind, text, offsets); ``data/articles.jsonl`` one
article per line as ``inspect --json`` shows it, and each article page has the same record
beside it as its JSON twin (``articles/<id>/index.json``) with the article's quote rows.
Lines are written one by one (a reader can stream them), in the archive's order. A CSV cell
that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) is written with a leading apostrophe, the usual guard against formula
injection; the JSON keeps the text as it is.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from site_gen.archive import Archive
from site_gen.config import Config
from site_gen.dependencies import Dependencies
from site_gen.inspection import article_record
from site_gen.model import Article
from site_gen.pages import Group, Page
from site_gen.safety import clean_text, link_target
from site_gen.urls import article_data_path, article_path

QUOTES_JSONL = "data/quotes.jsonl"
QUOTES_CSV = "data/quotes.csv"
ARTICLES_JSONL = "data/articles.jsonl"
QUOTE_FIELDS = (
    "article_id", "quote_id", "page", "original_url", "source", "date", "speaker", "speaker_id",
    "kind", "cue", "text", "paragraph", "start", "end", "source_start", "source_end",
    "statement_id",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _page_url(config: Config, article_id: str, quote_id: str) -> str:
    path = article_path(article_id).removesuffix("index.html")
    base = config.base_url.rstrip("/") + "/" if config.base_url else ""
    return f"{base}{path}#{quote_id}"


def quote_rows(archive: Archive, config: Config) -> list[dict[str, Any]]:
    return [row for a in archive.articles for row in article_quote_rows(a, archive, config)]


def article_quote_rows(a: Article, archive: Archive, config: Config) -> list[dict[str, Any]]:
    src = archive.source(a.source_id) if a.source_id else None
    original = link_target(a.url)
    return [
        {
            "article_id": a.id,
            "quote_id": q.id,
            "page": _page_url(config, a.id, q.id),
            "original_url": original,
            "source": src.name if src else a.source_name,
            "date": a.date,
            "speaker": archive.speaker(q.speaker_id).name if q.speaker_id else None,
            "speaker_id": q.speaker_id,
            "kind": q.kind,
            "cue": q.cue,
            "text": q.text,
            "paragraph": q.paragraph + 1,
            "start": q.start,
            "end": q.end,
            "source_start": q.source_start,
            "source_end": q.source_end,
            "statement_id": archive.stories.statement_of.get((a.id, q.id)),
        }
        for q in a.quotes
    ]


def _jsonl(rows: list[dict[str, Any]]) -> bytes:
    lines = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    # One pass over the whole text for what no format may carry (JSON escapes are ASCII).
    return clean_text(lines).encode("utf-8")


def csv_cell(value: Any) -> str:
    """A value as a CSV cell that no spreadsheet runs as a formula."""
    text = "" if value is None else clean_text(str(value))  # cleaned first: "\x01=" is "="
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_rows(rows: list[dict[str, Any]], header: bool = False) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(QUOTE_FIELDS)
    for row in rows:
        writer.writerow([csv_cell(row[f]) for f in QUOTE_FIELDS])
    return out.getvalue().encode("utf-8")


# The three whole-archive files, and what each article adds to each (its block, in order).
EXPORT_FILES = (QUOTES_JSONL, QUOTES_CSV, ARTICLES_JSONL)
HEADERS = (b"", _csv_rows([], header=True), b"")
Blocks = tuple[bytes, bytes, bytes]


def article_blocks(a: Article, archive: Archive, config: Config) -> Blocks:
    """An article's lines in each of ``EXPORT_FILES``: they depend on what its JSON twin
    depends on, so the twin's key keys them too."""
    rows = article_quote_rows(a, archive, config)
    record = {**article_record(a, archive), "page": article_path(a.id)}
    return _jsonl(rows), _csv_rows(rows), _jsonl([record])


def export_pages(archive: Archive, config: Config) -> list[Page]:
    """The three whole-archive files as pages (the build streams them: ``write_exports``)."""
    blocks = [article_blocks(a, archive, config) for a in archive.articles]
    inputs = tuple(a.path for a in archive.articles)
    return [
        Page(path, "", {}, inputs, data=HEADERS[i] + b"".join(b[i] for b in blocks))
        for i, path in enumerate(EXPORT_FILES)
    ]


Span = tuple[int, int]  # offset and length of an article's block in a file


def write_exports(
    folder: Path,
    archive: Archive,
    config: Config,
    keys: Sequence[str | None],
    old: tuple[Path, Mapping[str, tuple[Span, Span, Span]]] | None = None,
) -> dict[str, tuple[Span, Span, Span]]:
    """Write ``EXPORT_FILES`` into ``folder`` a block at a time. ``keys``: each article's
    (None: none); ``old``: the previous build's folder, whose files are untouched, with the
    spans of the blocks by key: a block whose key is there is copied from the old file instead
    of being made again (blocks that follow each other there are copied as one run, by the
    system where it can). Returns the spans of the new files' blocks by key."""
    spans: dict[str, tuple[Span, Span, Span]] = {}
    outs: list[_Output] = []
    olds = []
    try:
        for i, rel in enumerate(EXPORT_FILES):
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)  # never written over: it may be the served file
            olds.append(open(old[0] / rel, "rb") if old is not None else None)  # noqa: SIM115
            outs.append(_Output(open(target, "wb"), olds[i]))  # noqa: SIM115
            outs[i].write(HEADERS[i])
        for a, key in zip(archive.articles, keys, strict=True):
            reused = old[1].get(key) if old is not None and key is not None else None
            if reused is not None:
                where = [out.copy(at, n) for out, (at, n) in zip(outs, reused, strict=True)]
            else:
                blocks = article_blocks(a, archive, config)
                where = [out.write(block) for out, block in zip(outs, blocks, strict=True)]
            if key is not None:
                spans[key] = (where[0], where[1], where[2])
        for out in outs:
            out.flush()
    finally:
        for out in outs:
            out.file.close()
        for f in olds:
            if f is not None:
                f.close()
    return spans


class _Output:
    """A data file being written: blocks made now, and runs of blocks copied from the previous
    build's file (``old``), each run copied when a block that does not continue it comes."""

    def __init__(self, file: BinaryIO, old: BinaryIO | None) -> None:
        self.file, self.old = file, old
        self.size = 0  # bytes placed so far, the run included
        self.run: Span | None = None  # the old file's bytes still to copy: offset, length

    def write(self, block: bytes) -> Span:
        self._copy_run()
        self.file.write(block)
        self.size += len(block)
        return self.size - len(block), len(block)

    def copy(self, at: int, n: int) -> Span:
        """The old file's ``n`` bytes at ``at``, placed next."""
        if self.run is not None and self.run[0] + self.run[1] == at:
            self.run = (self.run[0], self.run[1] + n)
        else:
            self._copy_run()
            self.run = (at, n)
        self.size += n
        return self.size - n, n

    def flush(self) -> None:
        self._copy_run()
        self.file.flush()

    def _copy_run(self) -> None:
        if self.run is None:
            return
        assert self.old is not None
        at, n = self.run
        self.run = None
        self.file.flush()
        copy_range(self.old.fileno(), self.file.fileno(), at, n)


def copy_range(source: int, target: int, at: int, n: int) -> None:
    """Append ``n`` bytes of the file ``source`` from offset ``at`` to ``target`` (at its
    position): by the system (``copy_file_range``) where it can, else read and written."""
    copy = getattr(os, "copy_file_range", None)
    while n > 0:
        done = 0
        if copy is not None:
            try:
                done = copy(source, target, n, at)
            except OSError:
                copy = None
        if done <= 0:
            data = os.pread(source, min(n, 1 << 20), at)
            if not data:
                raise OSError(f"the previous data file ended {n} bytes early")
            done = os.write(target, data)
        at += done
        n -= done


def export_groups(
    archive: Archive, config: Config, deps: Dependencies | None = None
) -> list[Group]:
    """Each article's JSON twin, a group of its own keyed by its article's digests (no
    template: ``templated`` is false)."""
    return [
        Group(partial(_twin, a, archive, config), deps.article_twin(a) if deps else None,
              templated=False)
        for a in archive.articles
    ]


def _twin(a: Article, archive: Archive, config: Config) -> list[Page]:
    record = {**article_record(a, archive), "page": article_path(a.id)}
    rows = article_quote_rows(a, archive, config)
    return [Page(article_data_path(a.id), "", {}, (a.path,),
                 data={**record, "quote_rows": rows})]
