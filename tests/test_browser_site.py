"""The seeds' build in Chromium as a new user meets it: served under a subpath on 127.0.0.1,
a reader goes from the index to an article, to its speaker, to its source, to the search page
(where a phrase of a quotation finds it) and back; no console error, no failed request, no
request to another host. axe-core (npm,
``make test`` installs it; injected from the local file) finds no violation of impact serious
or critical on any page kind, and a full-page screenshot of each kind is written for review
(into ``SITE_GEN_SCREENSHOTS`` when set). Opened from ``file://``, the same pages show with no
console error."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from pathlib import Path

import pytest

from tests.conftest import REPO

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
playwright = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK), reason="Chromium not installed (make test installs it)"
)

from tests.test_browser_hostile import ARGS  # noqa: E402

SUBPATH = "/archive/"
KINDS = {
    "index": "index.html",
    "speakers": "speakers/index.html",
    "sources": "sources/index.html",
    "stories": "stories/index.html",
    "dates": "archive/index.html",
    "search": "search/index.html",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from site_gen.cli import main

    root = tmp_path_factory.mktemp("seeds")
    shutil.copytree(REPO / "seeds", root / "content")
    (root / "site.toml").write_text(
        'content = "content"\nbase_url = "https://news.example/archive/"\n', encoding="utf-8")
    assert main(["build", "-q", "--config", str(root / "site.toml")]) == 0
    return root / "build"


class _Subpath(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / "no-such-file")
        return super().translate_path("/" + path[len(SUBPATH):])

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(site: Path):
    handler = functools.partial(_Subpath, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    finally:
        server.shutdown()
        server.server_close()


def _watch(page, origin: str) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error"
            else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    # (a request the next navigation cancels is no failure of the site)
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}")
            if "ERR_ABORTED" not in (r.failure or "") else None)
    page.on("response", lambda r: problems.append(f"{r.status}: {r.url}") if r.status >= 400
            else None)
    page.on("request", lambda r: problems.append(f"other host: {r.url}")
            if not r.url.startswith((origin, "data:", "blob:", "file:")) else None)
    return problems


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SITE_GEN_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _follow(page, selector: str, part: str) -> None:
    """Click the first link ``selector`` finds; the page reached has ``part`` in its URL."""
    page.click(selector)
    page.wait_for_load_state()
    assert part in page.url


def _first_quote(site: Path) -> str:
    rows = [json.loads(line) for line in
            (site / "data" / "quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    return next(r["text"] for r in rows if r["kind"] == "direct" and len(r["text"].split()) > 6)


def test_a_reader_walks_the_site_under_a_subpath(
    served: str, site: Path
) -> None:
    origin = served.split(SUBPATH)[0]
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            problems = _watch(page, origin)
            page.goto(served)
            _follow(page, "main a[href*='articles/']", "/articles/")
            _follow(page, "a.speaker-tag", "/speakers/")
            page.go_back()
            _follow(page, "main a[href*='sources/']", "/sources/")
            _follow(page, "nav a[href*='search/']", "/search/")
            # a phrase of a quotation the build exported finds that quotation
            phrase = " ".join(_first_quote(site).split()[:4])
            page.fill("#search-q", phrase)
            page.wait_for_selector(".quote-result a", timeout=15000)
            assert "#q" in (page.locator(".quote-result a").first.get_attribute("href") or "")
            page.go_back()
            assert "/sources/" in page.url
        finally:
            browser.close()
    assert problems == []


@pytest.mark.skipif(not AXE.is_file(), reason="axe-core not installed (make test installs it)")
def test_no_serious_accessibility_violation_on_any_page_kind(
    served: str, site: Path, tmp_path: Path
) -> None:
    kinds = dict(KINDS)
    for name, pattern in (("article", "articles/*/index.html"),
                          ("speaker", "speakers/*/index.html"),
                          ("source", "sources/*/index.html"), ("story", "stories/*/index.html")):
        first = sorted(site.glob(pattern))
        if first:
            kinds[name] = first[0].relative_to(site).as_posix()
    axe = AXE.read_text(encoding="utf-8")
    shots = _shots(tmp_path)
    found: dict[str, list] = {}
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            for name, rel in kinds.items():
                page.goto(served + rel)
                page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
                page.add_script_tag(content=axe)
                found[name] = page.evaluate(
                    "async () => (await axe.run(document)).violations"
                    ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                    ".map(v => v.id + ': ' + v.nodes.length)")
        finally:
            browser.close()
    assert len(kinds) >= 9
    assert {k: v for k, v in found.items() if v} == {}
    assert all((shots / f"{name}.png").stat().st_size > 1000 for name in kinds)


@pytest.mark.skipif(not AXE.is_file(), reason="axe-core not installed (make test installs it)")
def test_the_harness_sees_a_serious_violation() -> None:
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.set_content('<html lang="en"><head><title>t</title></head><body><main>'
                             '<img src="data:,"><p style="color:#ccc;background:#fff">faint</p>'
                             "</main></body></html>")
            page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
            ids = page.evaluate("async () => (await axe.run(document)).violations"
                                ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                                ".map(v => v.id)")
        finally:
            browser.close()
    assert "image-alt" in ids and "color-contrast" in ids


def test_opened_from_disk_the_pages_show_without_error(site: Path) -> None:
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            problems = _watch(page, "file:")
            page.goto((site / "index.html").as_uri())
            _follow(page, "main a[href*='articles/']", "/articles/")
            assert page.url.endswith("/index.html")
            _follow(page, "a.speaker-tag", "/speakers/")
            page.goto((site / "search" / "index.html").as_uri())
            assert "search" in page.inner_text("main").lower()
        finally:
            browser.close()
    assert problems == []
