"""The seeds' build in Chromium as a phone, a wide screen, in dark mode and printed: nothing wider
than the screen, the timelines drawn, dark colours taken from the system, and the site's
furniture left off paper; no request leaves the build folder. Playwright drives the system's
Chromium (``make test`` installs it); skipped only where neither is present."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK), reason="Chromium not installed (make test installs it)"
)

from site_gen.cli import main  # noqa: E402
from tests.test_browser_hostile import ARGS  # noqa: E402


def _outside(into: list[str]):
    """A request listener that keeps the URL of any request that leaves the build folder."""
    return lambda r: into.append(r.url) if not r.url.startswith(("file:", "data:")) else None


OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_pages_fit_a_phone_follow_dark_mode_and_print_plainly(make_project):
    root = make_project(seeds=True)
    assert main(["build", "--config", str(root / "site.toml"), "-q"]) == 0
    build = root / "build"
    pages = [build / "index.html", next((build / "speakers").glob("*/index.html")),
             next((build / "sources").glob("*/index.html")),
             next((build / "articles").glob("*/index.html"))]
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for width, scheme in ((360, "light"), (1400, "dark")):
                ctx = browser.new_context(viewport={"width": width, "height": 800},
                                          color_scheme=scheme)
                page = ctx.new_page()
                foreign: list[str] = []
                page.on("request", _outside(foreign))
                for path in pages:
                    page.goto(path.as_uri())
                    assert page.evaluate(OVERFLOW) <= 0, (width, path)
                    bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
                    assert (bg == "rgb(255, 255, 255)") == (scheme == "light"), (scheme, bg)
                    if path.parent.parent.name in ("speakers", "sources") or path == pages[0]:
                        box = page.locator("svg.timeline").bounding_box()
                        assert box is not None and 0 < box["width"] <= width
                assert foreign == []
                page.emulate_media(media="print")
                page.goto(pages[-1].as_uri())
                assert not page.locator("header.site nav").is_visible()
                assert not page.locator(".pager").first.is_visible()
                colour = page.evaluate("getComputedStyle(document.body).color")
                assert colour == "rgb(0, 0, 0)"
                ctx.close()
        finally:
            browser.close()
