"""Structured data for the pages: schema.org JSON-LD, Open Graph and the canonical link.

Search engines, link previews and research crawlers read a page's meaning from these rather
than from its markup. Every value comes from the archive's model (never from a template), and
the JSON-LD text is escaped so that no input text can end the script element that holds it:
``<``, ``>`` and ``&`` are written as JSON escapes, which parse to the same data.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from site_gen.archive import Archive
from site_gen.config import Config
from site_gen.model import Article, Source, Speaker
from site_gen.safety import clean_text, link_target

_DESCRIPTION_CHARS = 200
_SCRIPT_SAFE = (
    ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def json_ld(data: dict[str, Any]) -> Markup:
    """The JSON-LD text of ``data``, safe to print inside ``<script type=application/ld+json>``."""
    text = clean_text(json.dumps(data, ensure_ascii=False, sort_keys=True))
    for char, escape in _SCRIPT_SAFE:
        text = text.replace(char, escape)  # str.replace: far faster than translate here
    return Markup(text)


def absolute(config: Config, path: str) -> str | None:
    """The page's public URL when ``base_url`` is set (None otherwise)."""
    if not config.base_url:
        return None
    return config.base_url.rstrip("/") + "/" + path.removesuffix("index.html")


def _organization(src: Source | None, name: str | None) -> dict[str, Any] | None:
    if src is None and not name:
        return None
    org: dict[str, Any] = {"@type": "Organization", "name": src.name if src else name}
    home = link_target(src.homepage) if src else None
    if home and home.startswith(("http://", "https://")):
        org["url"] = home
    return org


def _excerpt(a: Article) -> str:
    text = a.standfirst or next((p.text for p in a.paragraphs if p.kind == "p"), "")
    if len(text) <= _DESCRIPTION_CHARS:
        return text
    cut = text.rfind(" ", 0, _DESCRIPTION_CHARS)
    return text[: cut if cut > 0 else _DESCRIPTION_CHARS] + "…"


def article_data(a: Article, archive: Archive, config: Config, path: str) -> dict[str, Any]:
    """The view entries for an article page's head: JSON-LD ``NewsArticle``, Open Graph."""
    src = archive.source(a.source_id) if a.source_id else None
    url = absolute(config, path)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
    }
    if a.published:
        data["datePublished"] = a.published
    if a.authors:
        data["author"] = [{"@type": "Person", "name": n} for n in a.authors]
    publisher = _organization(src, a.source_name)
    if publisher:
        data["publisher"] = publisher
    original = link_target(a.url)
    if original and original.startswith(("http://", "https://")):
        data["isBasedOn"] = original
    if a.lang:
        data["inLanguage"] = a.lang
    if url:
        data["url"] = url
    citations = []
    for q in a.quotes:
        item: dict[str, Any] = {"@type": "Quotation", "text": q.text}
        if q.speaker_id:
            item["creator"] = {"@type": "Person", "name": archive.speaker(q.speaker_id).name}
        if url:
            item["url"] = f"{url}#{q.id}"
        citations.append(item)
    if citations:
        data["citation"] = citations
    meta = _open_graph(config, url, a.title, "article", _excerpt(a))
    if url and a.published:
        meta.append({"property": "article:published_time", "content": a.published})
    return {"json_ld": json_ld(data), "canonical": url, "head_meta": meta}


def speaker_data(sp: Speaker, archive: Archive, config: Config, path: str) -> dict[str, Any]:
    """A speaker page's head: ``Person``, or ``Organization`` for an outlet that speaks."""
    url = absolute(config, path)
    kind = "Organization" if any(s.name == sp.name for s in archive.sources) else "Person"
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": kind, "name": sp.name}
    if sp.description:
        data["description"] = sp.description
    if sp.aliases:
        data["alternateName"] = sorted(set(sp.aliases) - {sp.name})
    if url:
        data["url"] = url
    meta = _open_graph(config, url, sp.name, "profile", sp.description or "")
    return {"json_ld": json_ld(data), "canonical": url, "head_meta": meta}


def source_data(src: Source, config: Config, path: str) -> dict[str, Any]:
    """A source page's head: ``Organization``."""
    url = absolute(config, path)
    data: dict[str, Any] = {"@context": "https://schema.org", **(_organization(src, None) or {})}
    if url:
        data["mainEntityOfPage"] = url
    meta = _open_graph(config, url, src.name, "website", "")
    return {"json_ld": json_ld(data), "canonical": url, "head_meta": meta}


def _open_graph(
    config: Config, url: str | None, title: str, kind: str, description: str
) -> list[dict[str, str]]:
    """Open Graph properties (only with ``base_url``: og:url must be absolute)."""
    if not url:
        return []
    meta = [
        {"property": "og:title", "content": title},
        {"property": "og:type", "content": kind},
        {"property": "og:url", "content": url},
        {"property": "og:site_name", "content": config.title},
    ]
    if description:
        meta.append({"property": "og:description", "content": description})
    return meta
