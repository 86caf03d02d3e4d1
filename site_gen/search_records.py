"""What the search index holds, decided from the archive (pure; ``search`` runs the indexer).

Two kinds of record, told apart by the ``type`` filter:

* an **article**: its page, indexed from the HTML (``data-pagefind-body`` on the article; the
  attribution box, the speakers quoted and the links to other articles left out). Its
  filters are printed into the page by the template from ``article_filters``.
* a **quote record**: the quotations of one speaker in one article (the unnamed sources of an
  article together), so that a phrase finds the quotation itself with its speaker, and the
  result links to the quotation's anchor on the article page: each quotation is an element
  with the quotation's id, and the search page picks the one the words found are in from the
  record's anchors. One record per speaker and article rather than per quotation: the index's
  metadata, which the search page loads first, grows with the number of records (about 6
  bytes each, compressed). Pagefind makes records from pages, so each is a small HTML document
  written for the indexer alone (never part of the site: kept in the build cache, or in the
  site only while the indexer runs, see ``search.build_index``); its ``url`` meta is the
  article page, relative to the site's root.

Filters: ``speaker``, ``source``, ``language``, ``year`` (articles carry every speaker they
quote; a quote its own speaker), and ``type`` (``article`` or ``quote``).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from site_gen.archive import Archive
from site_gen.model import Article, Quote
from site_gen.safety import clean_text
from site_gen.urls import article_path

FILTERS = ("speaker", "source", "language", "year")


@dataclass(frozen=True)
class SearchFilter:
    key: str
    value: str


def article_filters(a: Article, archive: Archive) -> list[SearchFilter]:
    """The filters of an article's page, in a stable order."""
    speakers = sorted({archive.speaker(q.speaker_id).name for q in a.quotes if q.speaker_id})
    out = [SearchFilter("type", "article")]
    out += [SearchFilter("speaker", name) for name in speakers]
    out += _common_filters(a, archive)
    return out


def _common_filters(a: Article, archive: Archive) -> list[SearchFilter]:
    out = []
    if a.source_id:
        out.append(SearchFilter("source", archive.source(a.source_id).name))
    if a.lang:
        out.append(SearchFilter("language", a.lang))
    if a.date:
        out.append(SearchFilter("year", a.date[:4]))
    return out


def article_meta(a: Article, archive: Archive) -> list[SearchFilter]:
    """What a result shows besides the title and excerpt (Pagefind's ``meta``)."""
    out = [SearchFilter("type", "article")]
    if a.date:
        out.append(SearchFilter("date", a.date))
    if a.source_id:
        out.append(SearchFilter("source", archive.source(a.source_id).name))
    return out


def index_language(archive: Archive) -> str:
    """One index for the whole archive, so that the one search page searches every article:
    in the language most articles are written in (its stemming rules), English when none."""
    codes = ((a.lang or "").split("-")[0].lower() for a in archive.articles)
    counts = Counter(c for c in codes if re.fullmatch(r"[a-z]{2,3}", c))  # ISO 639 codes only
    if not counts:
        return "en"
    return min(counts, key=lambda lang: (-counts[lang], lang))


def quote_documents(
    archive: Archive, articles: Sequence[Article] | None = None
) -> list[tuple[str, str]]:
    """``(file name, HTML)`` of the quote records, in archive order: one per article and
    speaker (the unnamed sources of an article together), each quotation in it an element with
    the quotation's id, so that a hit can be traced to the quotation it is in."""
    docs = []
    for a in archive.articles if articles is None else articles:
        by_speaker: dict[str, list[Quote]] = {}
        for q in a.quotes:
            by_speaker.setdefault(q.speaker_id or "", []).append(q)
        for sid, quotes in sorted(by_speaker.items()):
            name = f"{a.id}/{sid or '_unnamed'}.html"
            docs.append((name, _quote_document(a, sid or None, quotes, archive)))
    return docs


def _quote_document(a: Article, sid: str | None, quotes: list[Quote], archive: Archive) -> str:
    speaker = archive.speaker(sid).name if sid else None
    meta = [
        SearchFilter("url", article_path(a.id)),
        SearchFilter("title", speaker or "Unnamed sources"),
        SearchFilter("type", "quote"),
        SearchFilter("article", a.title),
    ]
    if a.date:
        meta.append(SearchFilter("date", a.date))
    if a.source_id:
        meta.append(SearchFilter("source", archive.source(a.source_id).name))
    filters = [SearchFilter("type", "quote")]
    if speaker:
        filters.append(SearchFilter("speaker", speaker))
    filters += _common_filters(a, archive)
    lang = html.escape(a.lang or "en")
    tags = "".join(
        f'<span data-pagefind-{attr}="{_attr(f.key)}:{_attr(f.value)}"></span>\n'
        for attr, items in (("meta", meta), ("filter", filters))
        for f in items
    )
    body = "".join(
        f'<p id="{html.escape(q.id)}" data-kind="{html.escape(q.kind)}">{_text(q.text)}</p>\n'
        for q in quotes
    )
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
        f"<title>{_text(speaker or 'Unnamed sources')}</title></head>\n<body>\n"
        f"<main data-pagefind-body>\n{body}</main>\n{tags}</body>\n</html>\n"
    )


def _text(value: str) -> str:
    return html.escape(clean_text(value), quote=False)


def _attr(value: str) -> str:
    # A value runs to the end of the attribute (Pagefind's inline form), so a comma in it is
    # kept; only the key must be plain.
    return html.escape(clean_text(value).replace("\n", " "))
