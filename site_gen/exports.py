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
from functools import partial
from typing import Any

from site_gen.archive import Archive
from site_gen.config import Config
from site_gen.dependencies import Dependencies, digest
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


def _csv(rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(QUOTE_FIELDS)
    for row in rows:
        writer.writerow([csv_cell(row[f]) for f in QUOTE_FIELDS])
    return out.getvalue().encode("utf-8")


def export_pages(archive: Archive, config: Config) -> list[Page]:
    return [p for g in export_groups(archive, config) for p in g.make()]


def export_groups(
    archive: Archive, config: Config, deps: Dependencies | None = None
) -> list[Group]:
    """The three whole-archive files as one group, and each article's JSON twin as its own:
    the twin's key is its article's, the files' key all the twins' keys."""
    twins = [
        Group(partial(_twin, a, archive, config), deps.article_twin(a) if deps else None)
        for a in archive.articles
    ]
    whole = digest("exports", *(g.key for g in twins)) if deps else None
    return [Group(partial(_files, archive, config), whole), *twins]


def _twin(a: Article, archive: Archive, config: Config) -> list[Page]:
    record = {**article_record(a, archive), "page": article_path(a.id)}
    rows = article_quote_rows(a, archive, config)
    return [Page(article_data_path(a.id), "", {}, (a.path,),
                 data={**record, "quote_rows": rows})]


def _files(archive: Archive, config: Config) -> list[Page]:
    inputs = tuple(a.path for a in archive.articles)
    rows = quote_rows(archive, config)
    articles = [
        {**article_record(a, archive), "page": article_path(a.id)} for a in archive.articles
    ]
    return [
        Page(QUOTES_JSONL, "", {}, inputs, data=_jsonl(rows)),
        Page(QUOTES_CSV, "", {}, inputs, data=_csv(rows)),
        Page(ARTICLES_JSONL, "", {}, inputs, data=_jsonl(articles)),
    ]
