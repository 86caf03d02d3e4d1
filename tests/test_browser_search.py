"""The search page in Chromium: served over HTTP (under a subpath, as a site often is) a phrase
typed finds the quotation and the article, each result linking to its exact place; opened from
disk the page says search needs a web server, links the indexes and logs no error."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_gen import pipeline, search
from site_gen.config import load_config
from tests.test_browser_hostile import CHROMIUM, _launch
from tests.test_search import ARTICLES

playwright = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
pytestmark = [
    pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason="Chromium not installed"),
    pytest.mark.skipif(search.find_binary() is None, reason="Pagefind is not installed"),
]


MARKET = """Market hall gets a new roof

KESTOVA - The market hall of Kestova will get a new roof before the winter.

"The old roof has leaked for a decade," said Ilse Marrow, who runs the market.

"Our traders deserve dry stalls and warm winters," Marrow said.

Source: Kestova Courier
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(params=["one index", "in parts"])
def served(make_project, monkeypatch, request) -> Iterator[tuple[Path, str]]:
    """The built site under ``/archive/`` of a server on 127.0.0.1 (stopped afterwards); its
    index whole, or in parts merged in the browser (as a large archive's is)."""
    if request.param == "in parts":
        monkeypatch.setattr(search, "SHARD_ARTICLES", 1)
    root = make_project({**ARTICLES, "content/market.txt": MARKET})
    report = pipeline.build(load_config(root / "site.toml"), jobs=1)
    assert report.ok and not [d for d in report.diagnostics if d.path == "search"]
    parts = sorted(p.name for p in (root / "build").iterdir() if p.name.startswith("pagefind"))
    assert parts == (["pagefind"] if request.param == "one index" else ["pagefind", "pagefind-1"])
    (root / "archive").symlink_to(root / "build")
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root / "build", f"http://127.0.0.1:{server.server_address[1]}/archive/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _watch(page, problems: list[str]) -> None:
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("response", lambda r: problems.append(f"{r.status}: {r.url}")
            if r.status >= 400 else None)


def test_a_phrase_finds_the_quote_and_the_paragraph(served):
    site, base = served
    problems: list[str] = []
    with playwright.sync_playwright() as p:
        browser = _launch(p)
        try:
            page = browser.new_page()
            # nothing but the local server is asked for anything
            page.route("**/*", lambda route: route.continue_()
                       if route.request.url.startswith(base) else route.abort())
            _watch(page, problems)
            page.goto(base + "search/index.html")
            page.fill("#search-q", "lighthouse keepers")
            page.wait_for_selector(".search-result", timeout=15000)
            page.wait_for_function(
                "document.querySelectorAll('.search-result').length >= 2", timeout=15000
            )
            quote = page.locator(".quote-result a").first
            assert quote.inner_text() == "Jane Roe"
            href = quote.get_attribute("href")
            assert href.startswith(base + "articles/harbour-board") and "#q" in href
            assert "lighthouse keepers" in page.locator(".quote-result blockquote").inner_text()
            article = page.locator(".article-result a").first.get_attribute("href")
            assert article.startswith("/archive/articles/harbour-board")
            assert article.endswith("index.html#p2")  # the paragraph the words are in
            # only quotes, only one speaker
            page.select_option("select[name=type]", "quote")
            page.wait_for_function(
                "document.querySelectorAll('.article-result').length === 0", timeout=15000
            )
            page.fill("#search-q", "")
            page.select_option("select[name=speaker]", "Tomas Wendell")
            page.wait_for_function(
                "document.querySelector('.quote-result a')"
                " && document.querySelector('.quote-result a').textContent"
                " === 'Tomas Wendell'", timeout=15000
            )
            # a speaker's quotations in an article are one record: the link names the one found
            page.select_option("select[name=speaker]", "Ilse Marrow")
            page.fill("#search-q", "dry stalls")
            page.wait_for_function(
                "document.querySelector('.quote-result a')"
                " && document.querySelector('.quote-result a').href.endsWith('#q2')",
                timeout=15000,
            )
            page.fill("#search-q", "")
            page.select_option("select[name=speaker]", "Tomas Wendell")
            page.wait_for_function(
                "document.querySelectorAll('.quote-result').length === 1"
                " && document.querySelector('.quote-result a').textContent === 'Tomas Wendell'",
                timeout=15000,
            )
            # the result leads to the quotation itself
            page.locator(".quote-result a").first.click()
            page.wait_for_load_state()
            target = page.evaluate("location.hash")
            assert page.locator(f"span.quote{target}").inner_text().startswith(
                "The bridge carried our grandparents"
            )
        finally:
            browser.close()
    assert problems == []


def test_opened_from_disk_the_page_says_why_and_links_the_indexes(served):
    site, _ = served
    problems: list[str] = []
    with playwright.sync_playwright() as p:
        browser = _launch(p)
        try:
            page = browser.new_page()
            _watch(page, problems)
            page.goto((site / "search" / "index.html").as_uri())
            page.wait_for_timeout(300)
            assert page.locator(".search-offline").is_visible()
            assert "served by a web server" in page.locator(".search-offline").inner_text()
            assert not page.locator("form.search-form").is_visible()
            links = page.eval_on_selector_all(".search-offline a", "els => els.map(a => a.href)")
            assert links == [(site / "speakers" / "index.html").as_uri(),
                             (site / "sources" / "index.html").as_uri()]
        finally:
            browser.close()
    assert problems == []
