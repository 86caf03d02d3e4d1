"""Machine-readable outputs: an Atom feed, a sitemap and the archive as JSON.

Feeds and sitemaps want absolute URLs: with ``base_url`` configured they get them; without it
the feed's links stay relative to the feed (which readers resolve against where they fetched
it) and no sitemap is written, since the protocol allows only absolute locations.
"""

from __future__ import annotations

from typing import Any

from site_gen.archive import Archive
from site_gen.config import Config
from site_gen.inspection import SCHEMA_VERSION, article_record
from site_gen.pages import Page
from site_gen.urls import article_path, relative_url, source_path, speaker_path

FEED_PATH = "feed.xml"
FEED_ENTRIES = 50
DATA_PATH = "data/archive.json"


def _url(config: Config, from_path: str, to_path: str) -> str:
    if config.base_url:
        return config.base_url.rstrip("/") + "/" + to_path
    return relative_url(from_path, to_path)


def feed_page(archive: Archive, config: Config) -> Page:
    dated = [a for a in archive.articles if a.date][:FEED_ENTRIES]
    entries = [
        {
            "title": a.title,
            "url": (url := _url(config, FEED_PATH, article_path(a.id))),
            "id": url if config.base_url else f"urn:sha256:{a.sha256}",
            "updated": f"{a.date}T00:00:00Z",
            "source": archive.source(a.source_id).name if a.source_id else None,
            "authors": list(a.authors),
            "summary": next((p.text for p in a.paragraphs if p.kind == "p"), ""),
            "lang": a.lang,
        }
        for a in dated
    ]
    view = {
        "title": config.title,
        "id": _url(config, FEED_PATH, "index.html") if config.base_url else "urn:site-gen:feed",
        "home_url": _url(config, FEED_PATH, "index.html"),
        "self_url": _url(config, FEED_PATH, FEED_PATH),
        "updated": entries[0]["updated"] if entries else "1970-01-01T00:00:00Z",
        "entries": entries,
    }
    return Page(FEED_PATH, "feed.xml", view, tuple(a.path for a in dated))


def sitemap_page(pages: list[Page], config: Config) -> Page | None:
    if not config.base_url:
        return None
    base = config.base_url.rstrip("/") + "/"
    urls = [base + p.path for p in pages if p.path.endswith(".html") and p.path != "404.html"]
    return Page("sitemap.xml", "sitemap.xml", {"urls": sorted(urls)}, ())


def data_page(archive: Archive) -> Page:
    """The whole archive as one JSON document; articles as ``inspect --json`` shows them."""
    data: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "articles": [
            {**article_record(a, archive), "page": article_path(a.id)} for a in archive.articles
        ],
        "speakers": [
            {
                "id": s.id,
                "name": s.name,
                "aliases": list(s.aliases),
                "description": s.description,
                "page": speaker_path(s.id),
                "quotes": [
                    f"{r.article_id}#{r.quote_id}" for r in archive.quotes_by_speaker.get(s.id, ())
                ],
            }
            for s in archive.speakers
        ],
        "sources": [
            {
                "id": s.id,
                "name": s.name,
                "homepage": s.homepage,
                "country": s.country,
                "page": source_path(s.id),
                "articles": list(archive.articles_by_source.get(s.id, ())),
            }
            for s in archive.sources
        ],
    }
    return Page(DATA_PATH, "", {}, tuple(a.path for a in archive.articles), data=data)
