"""What the search page downloads before and at the first keystroke, on a built site.

    python benchmarks/search_download.py BUILD [--query WORDS]

serves BUILD on 127.0.0.1 (a random free port), opens ``search/index.html`` in Chromium
(Debian's, driven by Playwright), waits until Pagefind is loaded, types the first letter of the
query, then the rest, chooses a speaker, and reports the bytes received in each step, by kind
of file (response bodies as received: Pagefind's chunks are compressed already, the server
here compresses nothing).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import threading
from collections import defaultdict
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _kind(url: str) -> str:
    name = url.rsplit("/", 1)[-1]
    for suffix in (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind", ".js",
                   ".json", ".css", ".html", ".svg"):
        if name.endswith(suffix):
            return suffix
    return "other"


def measure(build: Path, query: str) -> dict[str, dict[str, tuple[int, int]]]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(build))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    steps: dict[str, dict[str, tuple[int, int]]] = {}
    current: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def seen(response) -> None:
        try:
            size = len(response.body())
        except Exception:  # a response without a body (redirect, failure)
            size = 0
        entry = current[_kind(response.url)]
        entry[0] += 1
        entry[1] += size

    def step(name: str) -> None:
        steps[name] = {k: (v[0], v[1]) for k, v in sorted(current.items())}
        current.clear()

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            page.on("response", seen)
            page.goto(base + "search/index.html")
            page.wait_for_function("document.querySelector('form.search-form') &&"
                                   " !document.querySelector('form.search-form').hidden")
            page.wait_for_load_state("networkidle")
            step("page load")
            page.type("#search-q", query[0])
            page.wait_for_selector(".search-result, .search-status:not(:empty)")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            step(f"first keystroke ({query[0]!r})")
            page.type("#search-q", query[1:], delay=50)
            page.wait_for_timeout(800)
            page.wait_for_load_state("networkidle")
            step(f"rest of the query ({query!r})")
            page.select_option("select[name=speaker]", index=1)
            page.wait_for_timeout(800)
            page.wait_for_load_state("networkidle")
            step("choosing a speaker")
            browser.close()
    finally:
        server.shutdown()
    return steps


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build", type=Path)
    ap.add_argument("--query", default="harbour")
    args = ap.parse_args(argv)
    for name, kinds in measure(args.build, args.query).items():
        total = sum(size for _, size in kinds.values())
        print(f"{name}: {total / 1024:,.0f} KiB in {sum(n for n, _ in kinds.values())} files")
        for kind, (count, size) in kinds.items():
            print(f"  {kind:13} {count:5} files {size / 1024:10,.1f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
