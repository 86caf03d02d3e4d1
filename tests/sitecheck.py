"""Helpers for tests that look at a built site: links, fragments and visible text."""

from __future__ import annotations

import gzip
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        for key in ("href", "src"):
            if a.get(key):
                self.links.append(a[key] or "")
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def parse(path: Path) -> _Collector:
    c = _Collector()
    c.feed(path.read_text(encoding="utf-8"))
    return c


def visible_text(path: Path) -> str:
    return re.sub(r"\s+", " ", html.unescape("".join(parse(path).text)))


def broken_links(root: Path) -> list[str]:
    """Every internal href/src in every HTML page that names no file, or no id in that file."""
    pages = {p: parse(p) for p in root.rglob("*.html")}
    broken = []
    for page, c in sorted(pages.items()):
        if page.name == "404.html":
            continue  # served at any URL: its links are relative to the site root by design
        for link in c.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "/")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file():
                broken.append(f"{page.relative_to(root)}: {link} (no file)")
                continue
            if parts.fragment:
                ids = pages[target].ids if target in pages else parse(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{page.relative_to(root)}: {link} (no id)")
    return broken


SEARCH_INDEX = "pagefind"


def comparable_build(root: Path) -> dict[str, bytes]:
    """Every file of a build by path, byte for byte, except the parts of Pagefind's index that
    change from run to run with the same pages: Pagefind lists the values of each filter in an
    order of its own hash table (random per process), which changes the bytes of its filter
    files and so their names, the meta file's name and the hash in ``pagefind-entry.json``.
    Those are put in a form that does not depend on the run: a filter file as its decompressed
    bytes sorted, the meta file as its presence, the entry file without hashes. Everything else
    of the index (the word index chunks, the fragments, the scripts) is compared byte for byte.
    """
    out: dict[str, bytes] = {}
    filters: dict[str, list[bytes]] = {}
    for p in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = p.relative_to(root).as_posix()
        data = p.read_bytes()
        bundle, _, inner = rel.partition("/")
        if not re.fullmatch(SEARCH_INDEX + r"(-\d+)?", bundle):  # the index, or a part of it
            out[rel] = data
        elif inner.startswith("filter/"):
            filters.setdefault(bundle, []).append(bytes(sorted(gzip.decompress(data))))
        elif rel.endswith(".pf_meta"):
            out[f"{bundle}/pagefind.*.pf_meta"] = b"present"
        elif inner == "pagefind-entry.json":
            entry = json.loads(data)
            for lang in entry.get("languages", {}).values():
                lang.pop("hash", None)
            out[rel] = json.dumps(entry, sort_keys=True).encode()
        else:
            out[rel] = data
    for bundle, found in filters.items():
        for i, data in enumerate(sorted(found)):
            out[f"{bundle}/filter/{i}"] = data
    return out


def build_ok(root: Path, **kwargs):
    """Build the project at ``root`` (its ``site.toml``) on one process; the report, which
    must say the build succeeded."""
    from site_gen import pipeline
    from site_gen.config import load_config

    report = pipeline.build(load_config(root / "site.toml"), jobs=1, **kwargs)
    assert report.ok, report.summary()
    return report


def cold_build(root: Path) -> dict[str, bytes]:
    """The project built from scratch (no cache) into ``<root>/../cold/build``, comparable
    (``comparable_build``) with an incremental build of the same inputs."""
    from dataclasses import replace

    from site_gen import pipeline
    from site_gen.config import load_config

    out = root.parent / "cold" / "build"
    config = load_config(root / "site.toml")
    report = pipeline.build(replace(config, output=out), jobs=1, use_cache=False)
    assert report.ok, report.summary()
    return comparable_build(out)
