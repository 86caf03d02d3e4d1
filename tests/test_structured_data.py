"""Structured data: JSON-LD NewsArticle / Person / Organization, Open Graph and the canonical
link (with base_url), read back with a real HTML parser and json."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import html as lxml_html

from site_gen.cli import main

ARTICLE = """Ferry line approved </script><script>alert(1)</script>

PORT VELMAR (Wire) - The harbour board approved the ferry line on Monday.

"We will open the line in May," said Jane Roe, the harbour minister.

Source: Velmar Herald
"""


def _build(make_project, monkeypatch, base_url: str = "https://archive.example/news/") -> Path:
    toml = 'content = "content"\noutput = "build"\n'
    if base_url:
        toml += f'base_url = "{base_url}"\n'
    md = "---\ntitle: Bridge vote\ndate: 2024-05-02\nurl: https://herald.example/bridge\n---\n\n"
    md += '"The bridge stays," said Jane Roe on Tuesday.\n'
    root = make_project({"content/a.txt": ARTICLE, "content/b.md": md, "site.toml": toml})
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    return root / "build"


def _head(page: Path):
    """The page's own JSON-LD blocks (its breadcrumbs aside: see ``_breadcrumbs``), Open Graph
    properties and canonical link."""
    blocks = [b for b in _json_ld(page) if b.get("@type") != "BreadcrumbList"]
    tree = lxml_html.fromstring(page.read_bytes())
    meta = {m.get("property"): m.get("content") for m in tree.xpath("//meta[@property]")}
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    return blocks, meta, canonical


def _json_ld(page: Path) -> list[dict]:
    tree = lxml_html.fromstring(page.read_bytes())
    return [json.loads(s.text) for s in tree.xpath('//script[@type="application/ld+json"]')]


def _breadcrumbs(page: Path) -> list[dict]:
    return [b for b in _json_ld(page) if b.get("@type") == "BreadcrumbList"]


def test_every_page_has_a_breadcrumb_list_with_base_url(make_project, monkeypatch):
    out = _build(make_project, monkeypatch)
    page = next(p for p in (out / "articles").rglob("index.html") if "bridge" in str(p))
    (trail,) = _breadcrumbs(page)
    items = trail["itemListElement"]
    assert [i["position"] for i in items] == [1, 2, 3, 4, 5]
    assert [i["name"] for i in items] == ["Home", "Dates", "2024", "May", "Bridge vote"]
    assert items[0]["item"] == "https://archive.example/news/"
    assert items[2]["item"] == "https://archive.example/news/archive/2024/"
    assert items[-1]["item"].startswith("https://archive.example/news/articles/")
    tree = lxml_html.fromstring(page.read_bytes())
    shown = tree.xpath('//nav[@class="breadcrumbs"]//li//text()')
    assert [t.strip() for t in shown if t.strip()] == [i["name"] for i in items]
    for other in sorted(out.rglob("*.html")):
        if "originals" in other.parts or other.name == "404.html":
            continue
        assert len(_breadcrumbs(other)) == 1, other
    # without base_url there are no absolute URLs to give: the links only
    out = _build(make_project, monkeypatch, base_url="")
    assert _breadcrumbs(out / "speakers" / "index.html") == []
    assert 'class="breadcrumbs"' in (out / "speakers" / "index.html").read_text()


def test_article_pages_carry_news_article_open_graph_and_canonical(make_project, monkeypatch):
    out = _build(make_project, monkeypatch)
    page = next(p for p in (out / "articles").rglob("index.html") if "bridge" in str(p))
    (data,), meta, canonical = _head(page)
    assert data["@type"] == "NewsArticle" and data["headline"] == "Bridge vote"
    assert data["datePublished"] == "2024-05-02"
    assert data["isBasedOn"] == "https://herald.example/bridge"
    assert data["inLanguage"] == "en"
    quote = data["citation"][0]
    assert quote["@type"] == "Quotation" and quote["creator"]["name"] == "Jane Roe"
    assert quote["url"].startswith("https://archive.example/news/articles/")
    assert canonical == [data["url"]] and meta["og:url"] == data["url"]
    assert meta["og:type"] == "article" and meta["og:title"] == "Bridge vote"


def test_json_ld_cannot_be_ended_by_input_text(make_project, monkeypatch):
    out = _build(make_project, monkeypatch)
    page = next(p for p in (out / "articles").rglob("index.html") if "ferry" in str(p))
    text = page.read_text()
    assert "</script><script>alert(1)" not in text
    (data,), _, _ = _head(page)
    assert "</script><script>alert(1)</script>" in data["headline"]  # same data, escaped
    assert data["publisher"]["name"] == "Velmar Herald"


def test_speaker_and_source_pages(make_project, monkeypatch):
    out = _build(make_project, monkeypatch)
    (person,), meta, _ = _head(next((out / "speakers").glob("*/index.html")))
    assert person["@type"] == "Person" and person["name"] == "Jane Roe"
    assert meta["og:type"] == "profile"
    (org,), _, _ = _head(next((out / "sources").glob("*/index.html")))
    assert org["@type"] == "Organization"


def test_without_base_url_no_open_graph_or_canonical(make_project, monkeypatch):
    out = _build(make_project, monkeypatch, base_url="")
    page = next((out / "articles").rglob("index.html"))
    blocks, meta, canonical = _head(page)
    assert blocks and "url" not in blocks[0] and meta == {} and canonical == []
