"""The dev server in Chromium: a page reloads by itself after an article is edited, shows the
build error over the last good page when a template breaks, and loses the overlay when it is
fixed; no console error along the way. Playwright drives the system's Chromium (``make test``
installs it); skipped only where neither is present."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK), reason="Chromium not installed (make test installs it)"
)

from tests.test_browser_hostile import ARGS  # noqa: E402
from tests.test_server_kit import ARTICLE, project_server  # noqa: E402

BROKEN = '{% extends "base.html" %}\n{% block main %}\n<h1>{{ title( }}</h1>\n{% endblock %}\n'
WAIT_MS = 20_000


def test_chromium_reloads_after_an_edit_and_shows_then_drops_the_overlay(make_project):
    root = make_project({"content/ferry.txt": ARTICLE})
    with project_server(root) as server:
        assert server.wait_for(lambda: server.reloads >= 1)
        (page_file,) = (root / "build" / "articles").glob("*/index.html")
        url = f"{server.url}articles/{page_file.parent.name}/"
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                page = browser.new_page()
                errors: list[str] = []
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else 0)
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.goto(url)
                page.wait_for_function("() => window.LiveReload !== undefined"
                                       " || document.querySelector('script[src*=livereload]')")
                page.wait_for_timeout(300)  # the reload socket connects
                assert "every day" in page.content()

                # An edit: the page reloads by itself and shows the new text.
                text = ARTICLE.replace("every day", "twice on Sundays")
                (root / "content" / "ferry.txt").write_text(text, encoding="utf-8")
                page.wait_for_function(
                    "() => document.body.innerText.includes('twice on Sundays')",
                    timeout=WAIT_MS)

                # A broken template: the last good page, with the overlay naming the template.
                (root / "templates").mkdir()
                (root / "templates" / "article.html").write_text(BROKEN, encoding="utf-8")
                page.wait_for_selector("#site-gen-overlay", timeout=WAIT_MS)
                overlay = page.inner_text("#site-gen-overlay")
                assert "article.html" in overlay and "line 3" in overlay
                assert "twice on Sundays" in page.inner_text("body")

                # Fixed: the overlay goes with the next reload.
                (root / "templates" / "article.html").write_text(
                    BROKEN.replace("title(", "title"), encoding="utf-8")
                page.wait_for_selector("#site-gen-overlay", state="detached", timeout=WAIT_MS)
            finally:
                browser.close()
    assert not errors, errors
