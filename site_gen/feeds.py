"""Machine-readable outputs: an Atom feed, a sitemap and the archive as JSON.

Feeds and sitemaps want absolute URLs: with ``base_url`` configured they get them; without it
the feed's links stay relative to the feed (which readers resolve against where they fetched
it) and no sitemap is written, since the protocol allows only absolute locations.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from site_gen.archive import Archive
from site_gen.config import Config
from site_gen.inspection import SCHEMA_VERSION
from site_gen.pages import Page
from site_gen.urls import article_path, relative_url, source_path, speaker_path

FEED_PATH = "feed.xml"
FEED_ENTRIES = 50
DATA_PATH = "data/archive.json"


def _url(config: Config, from_path: str, to_path: str) -> str:
    if config.base_url:
        return config.base_url.rstrip("/") + "/" + to_path
    return relative_url(from_path, to_path)


JSON_FEED_PATH = "feed.json"


def _entries(archive: Archive, config: Config, path: str, articles: list) -> list[dict[str, Any]]:
    """Feed entries for dated articles (a feed entry needs a date), newest first. An entry's
    id is the article's page URL with ``base_url``, else the hash of its input file: the same
    article has the same id in every feed and every build."""
    return [
        {
            "title": a.title,
            "url": (url := _url(config, path, article_path(a.id))),
            "id": url if config.base_url else f"urn:sha256:{a.sha256}",
            "updated": f"{a.date}T00:00:00Z",
            "date": a.date,
            "source": archive.source(a.source_id).name if a.source_id else None,
            "authors": list(a.authors),
            "summary": a.standfirst or next((p.text for p in a.paragraphs if p.kind == "p"), ""),
            "lang": a.lang,
        }
        for a in articles
        if a.date
    ][:FEED_ENTRIES]


def atom_page(
    archive: Archive, config: Config, path: str, title: str, home: str, feed_id: str,
    articles: list,
) -> Page:
    """An Atom feed at ``path`` of ``articles`` (archive order), its HTML page at ``home``."""
    entries = _entries(archive, config, path, articles)
    view = {
        "title": title,
        "id": _url(config, path, home) if config.base_url else feed_id,
        "home_url": _url(config, path, home),
        "self_url": _url(config, path, path),
        "updated": entries[0]["updated"] if entries else "1970-01-01T00:00:00Z",
        "entries": entries,
    }
    inputs = tuple(a.path for a in articles if a.date)[:FEED_ENTRIES]
    return Page(path, "feed.xml", view, inputs)


def feed_page(archive: Archive, config: Config) -> Page:
    return atom_page(
        archive, config, FEED_PATH, config.title, "index.html", "urn:site-gen:feed",
        list(archive.articles),
    )


def speaker_feed_page(sid: str, archive: Archive, config: Config) -> Page:
    """The articles quoting one speaker, newest first."""
    ids = dict.fromkeys(ref.article_id for ref in archive.quotes_by_speaker.get(sid, ()))
    articles = [a for a in archive.articles if a.id in ids]
    path = speaker_path(sid).replace("index.html", FEED_PATH)
    title = f"{archive.speaker(sid).name} · {config.title}"
    return atom_page(
        archive, config, path, title, speaker_path(sid), f"urn:site-gen:speaker:{sid}", articles
    )


def source_feed_page(source_id: str, archive: Archive, config: Config) -> Page:
    """The articles of one outlet, newest first."""
    ids = set(archive.articles_by_source.get(source_id, ()))
    articles = [a for a in archive.articles if a.id in ids]
    path = source_path(source_id).replace("index.html", FEED_PATH)
    title = f"{archive.source(source_id).name} · {config.title}"
    return atom_page(
        archive, config, path, title, source_path(source_id),
        f"urn:site-gen:source:{source_id}", articles,
    )


def json_feed_page(archive: Archive, config: Config) -> Page:
    """The archive's feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    entries = _entries(archive, config, JSON_FEED_PATH, list(archive.articles))
    feed: dict[str, Any] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": config.title,
        "items": [
            {
                "id": e["id"],
                **({"url": e["url"]} if config.base_url else {}),  # JSON Feed wants full URLs
                "title": e["title"],
                "summary": e["summary"],
                "date_published": e["updated"],
                **({"authors": [{"name": n} for n in e["authors"]]} if e["authors"] else {}),
                **({"language": e["lang"]} if e["lang"] else {}),
                **({"tags": [e["source"]]} if e["source"] else {}),
            }
            for e in entries
        ],
    }
    if config.base_url:
        feed["home_page_url"] = _url(config, JSON_FEED_PATH, "index.html")
        feed["feed_url"] = _url(config, JSON_FEED_PATH, JSON_FEED_PATH)
    inputs = tuple(a.path for a in archive.articles if a.date)[:FEED_ENTRIES]
    return Page(JSON_FEED_PATH, "", {}, inputs, data=feed)


def sitemap_page(paths: Iterable[str], config: Config) -> Page | None:
    """Every HTML page's URL (``paths``: the pages'), the 404 page aside."""
    if not config.base_url:
        return None
    base = config.base_url.rstrip("/") + "/"
    urls = [base + p for p in paths if p.endswith(".html") and p != "404.html"]
    return Page("sitemap.xml", "sitemap.xml", {"urls": sorted(urls)}, ())


def data_page(archive: Archive, stories: bool = True) -> Page:
    """The archive's speakers and sources, and where its articles and quotes are: one article
    per line in ``articles.jsonl`` (as ``inspect --json`` shows it), one quote per line in
    ``quotes.jsonl`` (files a reader can stream, instead of one document that must be read
    whole)."""
    data: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "article_count": len(archive.articles),
        "files": {
            "articles": "articles.jsonl",
            "quotes": "quotes.jsonl",
            "quotes_csv": "quotes.csv",
            **({"stories": "stories.json"} if stories else {}),
        },
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
