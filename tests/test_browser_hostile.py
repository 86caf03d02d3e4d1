"""The hostile corpus opened in Chromium: no dialog opens when a page loads or when any link
that is not a plain page or web link is clicked. Playwright drives the system's Chromium
(``make test`` installs it); the test is skipped only where neither is present.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK), reason="Chromium not installed (make test installs it)"
)

from tests.test_inert_input import VECTORS, _hostile_project  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
# Links a click can only navigate with: pages of the archive, the web, mail.
PLAIN = ("file:", "http:", "https:", "mailto:")


def _launch(p):
    return p.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def _dialogs_on(page, url: str) -> list[str]:
    """Dialogs seen while ``url`` loads and while each non-plain link of it is clicked."""
    seen: list[str] = []
    page.on("dialog", lambda d: (seen.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_timeout(50)
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
    for i, href in enumerate(hrefs):
        if href.startswith(PLAIN):
            continue
        page.goto(url)
        page.eval_on_selector_all("a[href]", f"els => els[{i}].click()")
        page.wait_for_timeout(50)
    return seen


def test_the_harness_sees_a_dialog(tmp_path: Path):
    bad = tmp_path / "bad.html"
    bad.write_text('<a href="javascript:alert(7)">x</a><img src=x onerror="alert(8)">')
    with playwright.sync_playwright() as p:
        browser = _launch(p)
        try:
            seen = _dialogs_on(browser.new_page(), bad.as_uri())
        finally:
            browser.close()
    assert "8" in seen and "7" in seen


def test_no_dialog_on_any_page_of_the_hostile_build(make_project, monkeypatch):
    from site_gen.cli import main

    root = _hostile_project(make_project)
    monkeypatch.chdir(root)
    assert main(["build", "-q"]) == 0
    pages = sorted((root / "build").rglob("*.html"))
    assert len(pages) > len(VECTORS) * 3
    with playwright.sync_playwright() as p:
        browser = _launch(p)
        try:
            context = browser.new_context()
            # nothing leaves the machine: the archive is opened from disk
            context.route("**/*", lambda route: route.continue_()
                          if route.request.url.startswith("file:") else route.abort())
            for path in pages:
                page = context.new_page()
                seen = _dialogs_on(page, path.as_uri())
                page.close()
                assert seen == [], (path, seen)
        finally:
            browser.close()
