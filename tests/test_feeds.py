"""Atom feed, sitemap and the JSON data export."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from site_gen.cli import main

ATOM = "{http://www.w3.org/2005/Atom}"


def test_feed_and_data_without_base_url(make_project) -> None:
    root = make_project(seeds=True)
    assert main(["build", "--config", str(root / "site.toml"), "-q"]) == 0
    out = root / "build"
    feed = ET.parse(out / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1  # only the dated seed; the undated one has no date to give
    link = entries[0].find(f"{ATOM}link").get("href")
    assert (out / link).is_file()
    assert not (out / "sitemap.xml").exists()  # a sitemap needs absolute URLs
    data = json.loads((out / "data/archive.json").read_text())
    assert data["files"]["articles"] == "articles.jsonl" and data["article_count"] == 2
    lines = (out / "data" / data["files"]["articles"]).read_text().splitlines()
    articles = [json.loads(x) for x in lines]
    assert {a["source"] for a in articles} == {"Press TV", "Mehr News Agency"}
    quotes = {f"{a['id']}#{q['id']}" for a in articles for q in a["quotes"]}
    for sp in data["speakers"]:
        assert set(sp["quotes"]) <= quotes
    assert 'type="application/atom+xml"' in (out / "index.html").read_text()


def test_sitemap_and_absolute_feed_with_base_url(make_project) -> None:
    root = make_project(
        {"site.toml": 'content = "content"\nbase_url = "https://example.org/archive/"\n'},
        seeds=True,
    )
    assert main(["build", "--config", str(root / "site.toml"), "-q"]) == 0
    out = root / "build"
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [e.find(f"{ns}loc").text for e in ET.parse(out / "sitemap.xml").getroot()]
    assert "https://example.org/archive/index.html" in locs
    assert all(loc.startswith("https://example.org/archive/") for loc in locs)
    assert not any(loc.endswith("404.html") for loc in locs)
    for loc in locs:
        assert (out / loc.removeprefix("https://example.org/archive/")).is_file()
    feed = ET.parse(out / "feed.xml").getroot()
    assert feed.find(f"{ATOM}id").text == "https://example.org/archive/index.html"
    not_found = (out / "404.html").read_text()
    # root-relative to base_url's path: works at any depth, on any host, fetches nothing else
    assert 'href="/archive/index.html"' in not_found
    assert 'href="/archive/static/style.css"' in not_found
    assert "https://example.org" not in not_found
