"""Navigation: the archive by date, every list cut into pages the same way, breadcrumbs on every
page, and all of it in the sitemap with every link resolving."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from lxml import html as lxml_html

from site_gen.cli import main
from site_gen.navigation import chunks, paged_path
from tests.sitecheck import broken_links, parse

STORIES = [
    ("Harbour opens a night ferry", "2023-06-20", "Velmar Herald", "Jane Roe"),
    ("Lighthouse keepers return", "2023-06-02", "Velmar Herald", "Jane Roe"),
    ("Market hall gets a new roof", "2023-03-15", "Kestova Courier", "Tomas Wendell"),
    ("Council votes to rebuild the bridge", "2022-05-03", "Velmar Herald", "Jane Roe"),
    ("Fishing fleet counts its boats", None, "Kestova Courier", "Ilse Marrow"),
]


def _story(title: str, date: str | None, source: str, speaker: str) -> str:
    head = f"---\ntitle: {title}\nsource: {source}\n" + (f"date: {date}\n" if date else "")
    return (f"{head}---\n\n{title}: the board met in the old school on a wet evening.\n\n"
            f'"We will keep our word to the islanders," said {speaker}, who chairs the board.\n')


def _build(make_project, extra: str = "") -> Path:
    files = {f"content/s{i}.md": _story(*s) for i, s in enumerate(STORIES)}
    files["site.toml"] = 'content = "content"\nper_page = 2\n' + extra
    root = make_project(files)
    assert main(["build", "--config", str(root / "site.toml"), "-q"]) == 0
    return root / "build"


def _crumbs(page: Path) -> list[str]:
    tree = lxml_html.fromstring(page.read_bytes())
    return [t.strip() for t in tree.xpath('//nav[@class="breadcrumbs"]//li//text()') if t.strip()]


def test_paged_paths_and_chunks():
    assert paged_path("index.html", 1) == "index.html"
    assert paged_path("index.html", 3) == "page/3/index.html"
    assert paged_path("speakers/jane-roe/index.html", 2) == "speakers/jane-roe/page/2/index.html"
    assert [list(c) for c in chunks([1, 2, 3], 2)] == [[1, 2], [3]]
    assert [list(c) for c in chunks([], 2)] == [[]]


def test_every_list_is_paginated_the_same_way(make_project):
    out = _build(make_project)
    for first, pages in (
        ("", 3),  # the index: five articles, two a page
        ("speakers/", 2),  # three speakers
        ("speakers/jane-roe/", 2),  # three articles quote her
        ("sources/velmar-herald/", 2),
        ("archive/2023/", 2),
    ):
        assert (out / first / "index.html").is_file()
        for n in range(2, pages + 1):
            page = out / first / "page" / str(n) / "index.html"
            assert page.is_file(), page
            assert f"Page {n}" in _crumbs(page)
        assert not (out / first / "page" / str(pages + 1)).exists()
        html = (out / first / "index.html").read_text()
        assert 'rel="next" href="page/2/index.html"' in html
    assert not (out / "sources" / "page").exists()  # two sources: one page
    assert broken_links(out) == []


def test_the_archive_by_date(make_project):
    out = _build(make_project)
    index = (out / "archive" / "index.html").read_text()
    assert '<a href="2023/index.html">2023</a>' in index
    assert '<a href="2022/index.html">2022</a>' in index
    assert index.index(">2023<") < index.index(">2022<")
    # June has two articles (page 1 of 2023), March is on page 2
    assert '<a href="2023/index.html#m-06">June</a> <span class="count">(2)</span>' in index
    assert '<a href="2023/page/2/index.html#m-03">March</a>' in index
    assert '<a href="undated/index.html">Undated articles</a>' in index
    year = out / "archive" / "2023" / "index.html"
    assert 'id="m-06"' in year.read_text()
    assert "Harbour opens a night ferry" in year.read_text()
    assert 'id="m-03"' in (out / "archive" / "2023" / "page" / "2" / "index.html").read_text()
    assert "Fishing fleet" in (out / "archive" / "undated" / "index.html").read_text()
    # the article page's date leads to its month; the site's navigation to the archive
    article = next(p for p in (out / "articles").glob("*/index.html") if "market" in str(p))
    assert 'href="../../archive/2023/page/2/index.html#m-03"' in article.read_text()
    assert _crumbs(article) == ["Home", "Dates", "2023", "March", "Market hall gets a new roof"]
    assert any(link == "archive/index.html" for link in parse(out / "index.html").links)


def test_breadcrumbs_on_every_page(make_project):
    out = _build(make_project)
    pages = [p for p in out.rglob("*.html") if "originals" not in p.parts]
    for page in pages:
        crumbs = _crumbs(page)
        if page.relative_to(out).as_posix() == "index.html":
            assert crumbs == []  # the front page is the first step itself
        else:
            assert crumbs[0] == "Home", page
    assert _crumbs(out / "speakers" / "jane-roe" / "page" / "2" / "index.html") == [
        "Home", "Speakers", "Jane Roe", "Page 2"
    ]
    assert _crumbs(out / "search" / "index.html") == ["Home", "Search"]
    assert _crumbs(out / "archive" / "undated" / "index.html") == ["Home", "Dates", "Undated"]


def test_new_pages_are_in_the_sitemap(make_project):
    out = _build(make_project, 'base_url = "https://archive.example/"\n')
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = {e.find(f"{ns}loc").text for e in ET.parse(out / "sitemap.xml").getroot()}
    for path in ("archive/index.html", "archive/2023/index.html", "archive/2023/page/2/index.html",
                 "archive/undated/index.html", "speakers/page/2/index.html",
                 "speakers/jane-roe/page/2/index.html", "search/index.html"):
        assert "https://archive.example/" + path in locs
    html_pages = {p.relative_to(out).as_posix() for p in out.rglob("*.html")
                  if "originals" not in p.parts and p.name != "404.html"}
    assert {loc.removeprefix("https://archive.example/") for loc in locs} == html_pages
