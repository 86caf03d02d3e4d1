"""Search: the Pagefind index is built into the site before the swap, with the filters and the
quote records the search page offers; the build goes on, and says so, without it."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from site_gen import pipeline, search
from site_gen.cache import cache_dir
from site_gen.config import load_config
from site_gen.search_records import quote_documents
from tests.sitecheck import broken_links, parse, visible_text

FERRY = """Harbour board approves ferry line to Quessa

PORT VELMAR (Velmar Wire) - The harbour board of Port Velmar approved a ferry line to the \
island of Quessa on Tuesday, June 20, 2023, ending a dispute that had lasted three years.

"We have waited long enough, and the islanders have been patient with the lighthouse \
keepers," said Jane Roe, the chair of the harbour board, after the vote.

Tickets will cost the same as the bus.

Source: Velmar Herald
"""
BRIDGE = """Council votes to rebuild the stone bridge

KESTOVA - The river council of Kestova voted on May 3, 2022 to rebuild the stone bridge.

"The bridge carried our grandparents and it will carry our grandchildren," said Tomas \
Wendell, the council's treasurer.

Source: Kestova Courier
"""
ARTICLES = {"content/ferry.txt": FERRY, "content/bridge.txt": BRIDGE}

needs_pagefind = pytest.mark.skipif(
    search.find_binary() is None, reason="Pagefind is not installed (pip install 'pagefind[bin]')"
)


def _build(root: Path, **kwargs) -> pipeline.BuildReport:
    return pipeline.build(load_config(root / "site.toml"), jobs=1, **kwargs)


def _filters(site: Path) -> dict[str, bytes]:
    """Pagefind's filter files, decompressed, by filter name."""
    out = {}
    for f in (site / "pagefind" / "filter").iterdir():
        data = gzip.decompress(f.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        for name in (b"speaker", b"source", b"language", b"year", b"type"):
            if data[14:].startswith(name):  # after the signature and the CBOR headers
                out[name.decode()] = data
    return out


@needs_pagefind
def test_the_index_holds_articles_quotes_and_filters(make_project):
    root = make_project(ARTICLES)
    report = _build(root)
    assert report.ok, report.summary()
    assert not [d for d in report.diagnostics if d.path == "search"]
    site = root / "build"
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    # one index for the whole archive: two article pages and a record per quotation
    assert list(entry["languages"]) == ["en"]
    assert entry["languages"]["en"]["page_count"] == 4
    filters = _filters(site)
    assert sorted(filters) == ["language", "source", "speaker", "type", "year"]
    for name in (b"Jane Roe", b"Tomas Wendell"):
        assert name in filters["speaker"]
    assert b"Velmar Herald" in filters["source"] and b"Kestova Courier" in filters["source"]
    assert b"2023" in filters["year"] and b"2022" in filters["year"]
    assert b"article" in filters["type"] and b"quote" in filters["type"]
    assert "search" in report.timings
    # the ready-made interfaces of Pagefind are not shipped; the chunks are
    assert not (site / "pagefind" / "pagefind-ui.js").exists()
    assert list((site / "pagefind" / "index").iterdir())
    assert len(list((site / "pagefind" / "fragment").iterdir())) == 4


def test_article_pages_mark_what_is_indexed(make_project):
    root = make_project(ARTICLES)
    assert _build(root).ok
    page = (root / "build" / "articles").glob("harbour-board*/index.html")
    html = next(page).read_text()
    assert "data-pagefind-body" in html
    assert '<aside class="attribution" aria-label="Attribution" data-pagefind-ignore>' in html
    for tag in ('filter="speaker:Jane Roe"', 'filter="year:2023"', 'filter="type:article"',
                'filter="source:Velmar Herald"', 'filter="language:en"', 'meta="date:2023-06-20"'):
        tag = "data-pagefind-" + tag
        assert tag in html
    assert 'id="p2"' in html  # the paragraph anchors a result links to


def test_the_search_page_offers_filters_and_a_fallback_from_disk(make_project):
    root = make_project(ARTICLES)
    assert _build(root).ok
    site = root / "build"
    page = site / "search" / "index.html"
    html = page.read_text()
    assert 'data-bundle="../pagefind/pagefind.js"' in html
    assert '<script src="../static/search.js"></script>' in html
    for name in ("type", "speaker", "source", "language", "year"):
        assert f'<select name="{name}">' in html
    assert "<option>Jane Roe</option>" in html and "<option>Tomas Wendell</option>" in html
    assert html.index("<option>2023</option>") < html.index("<option>2022</option>")
    # opened from disk the script shows this instead of loading the index
    assert '<div class="search-offline" hidden>' in html
    offline = html.split('<div class="search-offline" hidden>')[1].split("</div>")[0]
    assert "served by a web server" in offline
    assert 'href="../speakers/index.html"' in offline and 'href="../sources/index.html"' in offline
    script = (site / "static" / "search.js").read_text()
    # the check comes before anything is requested
    assert script.index('location.protocol === "file:"') < script.index("import(")
    assert "innerHTML = part" in script and ".innerHTML" not in script.replace(
        "decoder.innerHTML", ""
    )
    article = next((site / "articles").glob("*/index.html"))
    for other in (site / "index.html", article, site / "speakers" / "index.html"):
        assert any(link.endswith("search/index.html") for link in parse(other).links)
    assert broken_links(site) == []


def test_search_off_builds_no_search(make_project):
    root = make_project({**ARTICLES, "site.toml": 'content = "content"\nsearch = false\n'})
    assert _build(root).ok
    site = root / "build"
    assert not (site / "search").exists() and not (site / "pagefind").exists()
    html = (site / "index.html").read_text()
    assert "search/index.html" not in html
    article = next((site / "articles").glob("*/index.html")).read_text()
    assert "data-pagefind" not in article


def _unavailable(site: Path) -> None:
    assert not (site / "pagefind").exists()
    text = visible_text(site / "search" / "index.html")
    assert "Search is unavailable in this copy of the archive" in text
    assert "<script" not in (site / "search" / "index.html").read_text()


def test_without_pagefind_the_build_succeeds_and_says_so(make_project, monkeypatch):
    root = make_project(ARTICLES)
    monkeypatch.setattr(search, "find_binary", lambda: None)
    report = _build(root)
    assert report.ok
    [warning] = [d for d in report.diagnostics if d.path == "search"]
    assert warning.severity == "warning"
    assert "Pagefind is not installed" in warning.message
    assert "search is unavailable" in warning.format()
    _unavailable(root / "build")


@needs_pagefind
def test_a_failing_pagefind_leaves_an_honest_search_page(make_project, monkeypatch, tmp_path):
    root = make_project(ARTICLES)
    assert _build(root).ok  # a good build first: its search page may be linked into the next
    before = (root / "build" / "search" / "index.html").read_bytes()
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho broken >&2\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(broken))
    report = _build(root)
    assert report.ok
    [warning] = [d for d in report.diagnostics if d.path == "search"]
    assert "exit status 3" in warning.message
    _unavailable(root / "build")
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    assert _build(root).ok  # and the next good build has search again
    assert (root / "build" / "search" / "index.html").read_bytes() == before
    assert (root / "build" / "pagefind" / "pagefind.js").is_file()


def test_strict_fails_without_search_and_keeps_the_last_site(make_project, monkeypatch):
    root = make_project(ARTICLES)
    monkeypatch.setattr(search, "find_binary", lambda: None)
    assert _build(root).ok
    before = (root / "build" / "index.html").read_bytes()
    report = _build(root, strict=True)
    assert not report.ok and report.fatal
    assert any("Pagefind is not installed" in d.message for d in report.diagnostics)
    assert (root / "build" / "index.html").read_bytes() == before
    assert not [p for p in root.iterdir() if p.name.startswith(".build-new")]


def test_quote_records_escape_their_text(make_project):
    from site_gen.archive import build_archive
    from site_gen.process import process_file
    from site_gen.registry import default_registry

    text = ('A title\n\n"<script>alert(1)</script> & we stay, friends," said Jane Roe, '
            'the chair.\n')
    result = process_file("x.txt", text.encode(), default_registry())
    archive = build_archive([result], default_registry())
    [(name, doc)] = quote_documents(archive)
    assert name.endswith("/jane-roe.html")
    assert '<p id="q1" data-kind="direct">&lt;script&gt;' in doc
    assert "<script>" not in doc and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; we stay" in doc
    assert 'data-pagefind-meta="url:articles/' in doc and 'index.html"></span>' in doc
    assert 'data-pagefind-filter="speaker:Jane Roe"' in doc
    assert 'data-pagefind-filter="type:quote"' in doc


def test_index_language_is_the_archives_most_common():
    from site_gen.search_records import index_language

    class A:
        def __init__(self, lang):
            self.lang = lang

    class Arch:
        articles = [A("de"), A("de-AT"), A("en"), A(None)]

    assert index_language(Arch()) == "de"  # type: ignore[arg-type]
    Arch.articles = [A("x-private"), A("e\"n"), A("fa"), A(None)]
    assert index_language(Arch()) == "fa"  # type: ignore[arg-type]
    Arch.articles = []
    assert index_language(Arch()) == "en"  # type: ignore[arg-type]


def test_the_index_runs_while_an_event_loop_runs(make_project):
    """``serve`` builds on a thread of its own, but an embedding program may build from a
    coroutine: the index still gets an event loop of its own."""
    import asyncio

    if search.find_binary() is None:
        pytest.skip("Pagefind is not installed")
    root = make_project(ARTICLES)

    async def inside() -> pipeline.BuildReport:
        return _build(root)

    report = asyncio.run(inside())
    assert report.ok and (root / "build" / "pagefind" / "pagefind.js").is_file()
    assert os.listdir(root / "build" / "pagefind" / "fragment")


@needs_pagefind
def test_an_unchanged_archive_links_its_index_from_the_last_build(make_project, monkeypatch):
    from tests.sitecheck import comparable_build

    root = make_project(ARTICLES)
    calls: list[Path] = []
    real = pipeline.build_index

    def counting(site, *args, **kwargs):
        calls.append(site)
        return real(site, *args, **kwargs)

    monkeypatch.setattr(pipeline, "build_index", counting)
    assert _build(root).ok and len(calls) == 1
    first = comparable_build(root / "build")
    entry = (root / "build" / "pagefind" / "pagefind-entry.json").read_bytes()
    assert _build(root).ok and len(calls) == 1  # nothing changed: linked, not made again
    assert (root / "build" / "pagefind" / "pagefind-entry.json").read_bytes() == entry
    assert comparable_build(root / "build") == first
    (root / "content" / "bridge.txt").write_text(BRIDGE.replace("stone bridge.", "old bridge."))
    assert _build(root).ok and len(calls) == 2  # an article changed: made again
    assert _build(root).ok and len(calls) == 2
    (root / "build" / "pagefind" / "pagefind-entry.json").unlink()  # damaged by hand
    assert _build(root).ok and len(calls) == 3
    assert (root / "build" / "pagefind" / "pagefind-entry.json").is_file()
    monkeypatch.setattr(search, "find_binary", lambda: None)
    assert _build(root).ok and len(calls) == 4  # no binary: tried, reported, no old index kept
    assert not (root / "build" / "pagefind").exists()


@needs_pagefind
def test_the_index_is_made_in_the_temporary_folder_before_the_swap(make_project, monkeypatch):
    root = make_project(ARTICLES)
    assert _build(root).ok
    old_entry = (root / "build" / "pagefind" / "pagefind-entry.json").read_bytes()
    seen: list[tuple[Path, bool, bytes]] = []
    real = pipeline.build_index

    def watching(site, *args, **kwargs):
        # the new pages are complete here, the site at the output path is still the old one
        seen.append((site, (site / "search" / "index.html").is_file(),
                     (root / "build" / "pagefind" / "pagefind-entry.json").read_bytes()))
        return real(site, *args, **kwargs)

    monkeypatch.setattr(pipeline, "build_index", watching)
    (root / "content" / "bridge.txt").write_text(BRIDGE.replace("stone bridge.", "old bridge."))
    assert _build(root).ok
    [(site, complete, during)] = seen
    # The build's folder: the standby (the copy of the site the first build left), which
    # after the swap holds the replaced site.
    assert site == cache_dir(root / "build") / "standby"
    assert complete and during == old_entry
    assert (site / "pagefind" / "pagefind-entry.json").read_bytes() == old_entry  # swapped
    assert not (root / "build" / "_search-records").exists()  # the quote records are gone


def test_an_empty_archive_has_nothing_to_search_and_no_warning(make_project):
    root = make_project()
    report = _build(root)
    assert report.ok and not [d for d in report.diagnostics if d.path == "search"]
    assert not (root / "build" / "pagefind").exists()
    assert "nothing to search yet" in visible_text(root / "build" / "search" / "index.html")


def test_parts_of_the_index_follow_the_archive_size_and_keep_their_articles():
    ids = [f"article-{i}" for i in range(5000)]
    assert len(search.shards(ids[:499])) == 1  # one part below 500 articles
    parts = search.shards(ids)
    assert len(parts) == 16 and sorted(i for p in parts for i in p) == list(range(5000))
    assert all(200 < len(p) < 450 for p in parts)
    assert len(search.shards(ids[:999])) == 2
    many = [f"article-{i}" for i in range(100_000)]
    assert len(search.shards(many)) == search.MAX_SHARDS  # the reader's requests are bounded
    # an article's part does not depend on the others
    one = {ids[i]: k for k, p in enumerate(search.shards(ids[:3001])) for i in p}
    other = {([*ids[:3000], "x"])[i]: k
             for k, p in enumerate(search.shards([*ids[:3000], "x"])) for i in p}
    assert all(one[a] == other[a] for a in ids[:3000])


@needs_pagefind
def test_a_large_archive_has_its_index_in_parts_and_an_edit_makes_one_again(
    make_project, monkeypatch
):
    from tests.sitecheck import comparable_build

    monkeypatch.setattr(search, "SHARD_ARTICLES", 2)
    files = {f"content/n{i}.txt": FERRY.replace("ferry line", f"ferry line {i}").replace(
        "Jane Roe", ["Jane Roe", "Tomas Wendell", "Ilse Marrow"][i % 3]) for i in range(6)}
    root = make_project({**files, **ARTICLES})
    calls: list[str] = []
    real = pipeline.build_index
    monkeypatch.setattr(pipeline, "build_index",
                        lambda *a, **k: calls.append(k["bundle"]) or real(*a, **k))
    assert _build(root).ok
    parts = search.shards([a.name for a in (root / "build" / "articles").iterdir()])
    assert len(calls) == len(parts) and len(parts) > 2
    folders = sorted(p.name for p in (root / "build").iterdir() if p.name.startswith("pagefind"))
    assert folders == ["pagefind"] + [f"pagefind-{k}" for k in range(1, len(parts))]
    page = (root / "build" / "search" / "index.html").read_text()
    merged = " ".join(f"../pagefind-{k}/" for k in range(1, len(parts)))
    assert f'data-merge="{merged}"' in page
    entries = [json.loads((root / "build" / f / "pagefind-entry.json").read_text())
               for f in folders]
    pages = sum(int(lang["page_count"]) for e in entries for lang in e["languages"].values())
    assert pages == 8 + 8  # every article page and every quote record, once
    calls.clear()
    (root / "content" / "bridge.txt").write_text(BRIDGE.replace("stone bridge.", "old bridge."))
    assert _build(root).ok and len(calls) == 1  # the edited article's part alone
    incremental = comparable_build(root / "build")
    cold = root.parent / "cold"
    from dataclasses import replace

    config = load_config(root / "site.toml")
    assert pipeline.build(replace(config, output=cold / "build"), jobs=1, use_cache=False).ok
    assert incremental == comparable_build(cold / "build")


@needs_pagefind
def test_a_server_keys_again_only_the_parts_whose_pages_or_records_changed(
    make_project, monkeypatch
):
    """A server keeps what each part's key was made from (its articles' page and twin keys)
    and keys again only a part where one of them changed; its index is a cold build's."""
    from dataclasses import replace

    from site_gen import cache as cache_module
    from tests.sitecheck import comparable_build

    monkeypatch.setattr(search, "SHARD_ARTICLES", 2)
    files = {f"content/n{i}.txt": FERRY.replace("ferry line", f"ferry line {i}").replace(
        "Jane Roe", ["Jane Roe", "Tomas Wendell", "Ilse Marrow"][i % 3]) for i in range(6)}
    root = make_project({**files, **ARTICLES})
    keyed: list[str] = []
    real = pipeline._SearchStep._key
    monkeypatch.setattr(pipeline._SearchStep, "_key",
                        lambda self, part, docs, lang, folder, *a: keyed.append(folder)
                        or real(self, part, docs, lang, folder, *a))
    config = load_config(root / "site.toml")
    cache_module.remember_results()
    try:
        for text in ("old bridge.", "older bridge.", "oldest bridge."):
            keyed.clear()
            (root / "content" / "bridge.txt").write_text(BRIDGE.replace("stone bridge.", text))
            assert pipeline.build(config, jobs=1, changed={root / "content" / "bridge.txt"}).ok
        parts = search.shards([a.name for a in (root / "build" / "articles").iterdir()])
        assert len(parts) > 2 and len(keyed) == 1  # the edited article's part alone
    finally:
        cache_module.remember_results(False)
    cold = root.parent / "cold"
    assert pipeline.build(replace(config, output=cold / "build"), jobs=1, use_cache=False).ok
    assert comparable_build(root / "build") == comparable_build(cold / "build")


@needs_pagefind
def test_parts_made_two_at_a_time_are_the_parts_made_one_by_one(make_project, monkeypatch):
    from dataclasses import replace

    from tests.sitecheck import comparable_build

    monkeypatch.setattr(search, "SHARD_ARTICLES", 2)
    files = {f"content/n{i}.txt": FERRY.replace("ferry line", f"ferry line {i}") for i in range(8)}
    root = make_project({**files, **ARTICLES})
    config = load_config(root / "site.toml")
    running: list[int] = []
    most: list[int] = [0]
    real = pipeline.build_index

    def watched(*args, **kwargs):
        running.append(1)
        most[0] = max(most[0], len(running))
        try:
            return real(*args, **kwargs)
        finally:
            running.pop()

    monkeypatch.setattr(pipeline, "build_index", watched)
    one = root.parent / "one" / "build"
    two = root.parent / "two" / "build"
    assert pipeline.build(replace(config, output=one), jobs=1, use_cache=False).ok
    assert most[0] == 1
    assert pipeline.build(replace(config, output=two), jobs=2, use_cache=False).ok
    assert most[0] == 2
    assert len([p for p in two.iterdir() if p.name.startswith("pagefind")]) > 2
    assert comparable_build(one) == comparable_build(two)


def test_the_index_is_made_while_the_other_files_are_placed(make_project, monkeypatch):
    """Pagefind runs on another thread from when the article pages are in the stage; the
    originals and the data files are placed meanwhile, and the build waits for it."""
    import threading

    root = make_project(ARTICLES)
    threads: list[str] = []
    real_index, real_originals = pipeline.build_index, pipeline._originals
    indexing, placed = threading.Event(), threading.Event()

    def index(site, *args, **kwargs):
        threads.append(threading.current_thread().name)
        indexing.set()
        assert placed.wait(30)  # the build's thread goes on without waiting for the index
        return real_index(site, *args, **kwargs)

    def originals(*args):
        assert indexing.wait(30)  # the index was begun before the originals are placed
        placed.set()
        return real_originals(*args)

    monkeypatch.setattr(pipeline, "build_index", index)
    monkeypatch.setattr(pipeline, "_originals", originals)
    report = _build(root)
    assert report.ok and not report.diagnostics
    assert threads and threading.main_thread().name not in threads
    assert (root / "build" / "pagefind" / "pagefind-entry.json").is_file()


def test_a_crash_while_indexing_fails_the_build_and_keeps_the_last_site(make_project,
                                                                       monkeypatch):
    root = make_project(ARTICLES)
    assert _build(root).ok
    before = {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()}

    def broken(*args, **kwargs):
        raise RuntimeError("indexer bug")

    monkeypatch.setattr(pipeline, "build_index", broken)
    (root / "content" / "bridge.txt").write_text(BRIDGE.replace("stone bridge.", "old bridge."))
    with pytest.raises(RuntimeError, match="indexer bug"):
        _build(root)
    after = {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in (root / "build").parent.iterdir() if p.name.startswith(".build-new-")]


def test_an_edit_makes_its_article_page_then_starts_the_index_then_the_other_pages(
        make_project, monkeypatch):
    from site_gen import staging

    root = make_project(ARTICLES)
    assert _build(root).ok
    events: list[str] = []
    real_start, real_make = pipeline._SearchStep.start, staging._make_group

    def start(self, *args, **kwargs):
        events.append("index")
        return real_start(self, *args, **kwargs)

    def make(group, *args):
        rows = real_make(group, *args)
        events.extend(path for path, _key, _written in rows)
        return rows

    monkeypatch.setattr(pipeline._SearchStep, "start", start)
    monkeypatch.setattr(staging, "_make_group", make)
    (root / "content" / "bridge.txt").write_text(BRIDGE.replace("stone bridge.", "old bridge."))
    assert _build(root).ok
    at = events.index("index")
    before, after = events[:at], events[at + 1:]
    assert before and all(p.startswith("articles/") and p.endswith("/index.html") for p in before)
    assert any(not p.startswith("articles/") for p in after)  # lists, feeds, the JSON twin


def test_a_binary_is_asked_for_its_version_once_until_it_changes(tmp_path, monkeypatch):
    calls: list[str] = []
    binary = tmp_path / "pagefind"
    binary.write_text("#!/bin/sh\nexit 0\n")
    binary.chmod(0o755)
    real = search._run_version
    monkeypatch.setattr(search, "_run_version", lambda b: calls.append(str(b)) or real(b))
    monkeypatch.setattr(search, "_STARTED", set())
    assert search._check_binary(binary) is None
    assert search._check_binary(binary) is None
    assert len(calls) == 1
    binary.write_text("#!/bin/sh\necho broken >&2\nexit 3\n")  # replaced: another identity
    assert "exit status 3" in (search._check_binary(binary) or "")
    assert "exit status 3" in (search._check_binary(binary) or "")  # a failure is not kept
    assert len(calls) == 3


def test_an_interrupted_wait_still_lets_the_index_finish_before_the_stage_goes():
    """Ctrl-C while the build waits for the index: the parts not begun are not made, the one
    being made is waited for (it writes into the stage), then the interruption goes on."""
    import threading
    import time

    step = pipeline._SearchStep.__new__(pipeline._SearchStep)
    step.cancelled, step.lock = False, None
    done = threading.Event()

    def making() -> None:
        time.sleep(0.3)
        done.set()

    class Interrupted(threading.Thread):
        calls = 0

        def join(self, timeout=None):
            Interrupted.calls += 1
            if Interrupted.calls == 1:
                raise KeyboardInterrupt
            super().join(timeout)

    step.thread = Interrupted(target=making)
    step.thread.start()
    with pytest.raises(KeyboardInterrupt):
        step.wait()
    assert done.is_set() and step.cancelled and step.thread is None


@needs_pagefind
def test_a_template_edit_outside_what_is_indexed_makes_no_part_of_the_index_again(
    make_project, monkeypatch
):
    from site_gen.config import SHIPPED_TEMPLATES
    from tests.sitecheck import cold_build, comparable_build

    monkeypatch.setattr(search, "SHARD_ARTICLES", 2)
    files = {f"content/n{i}.txt": FERRY.replace("ferry line", f"ferry line {i}")
             for i in range(4)}
    root = make_project({**files, **ARTICLES})
    calls: list[str] = []
    real = pipeline.build_index
    monkeypatch.setattr(pipeline, "build_index",
                        lambda *a, **k: calls.append(k["bundle"]) or real(*a, **k))
    assert _build(root).ok and len(calls) > 1
    templates = root / "templates"
    templates.mkdir()
    base = (SHIPPED_TEMPLATES / "base.html").read_text()
    assert '<footer class="site">' in base
    (templates / "base.html").write_text(
        base.replace('<footer class="site">', '<footer class="site"><p>Kept by the port.</p>'))
    calls.clear()
    report = _build(root)
    assert report.ok and report.written > 6 and calls == []  # every page made, no part
    assert "Kept by the port." in (root / "build" / "articles").joinpath(
        next(p.name for p in (root / "build" / "articles").iterdir()), "index.html").read_text()
    assert comparable_build(root / "build") == cold_build(root)
    # a change inside what is indexed: every part is made again
    article = (SHIPPED_TEMPLATES / "article.html").read_text()
    (templates / "article.html").write_text(
        article.replace("</article>", "<p>Checked by the harbour desk.</p></article>", 1))
    parts = len(search.shards([p.name for p in (root / "build" / "articles").iterdir()]))
    calls.clear()  # the cold build above made its own
    assert _build(root).ok and len(calls) == parts
    assert comparable_build(root / "build") == cold_build(root)


@needs_pagefind
def test_what_is_indexed_of_a_page_is_read_once_per_page_key(make_project, monkeypatch):
    root = make_project({f"content/n{i}.txt": FERRY.replace("ferry line", f"ferry line {i}")
                         for i in range(5)})
    read: list[int] = []
    real = pipeline.scope_digest
    monkeypatch.setattr(pipeline, "scope_digest", lambda page: read.append(1) or real(page))
    assert _build(root).ok and len(read) == 5  # every article page, once
    read.clear()
    (root / "static").mkdir()
    (root / "static" / "extra.css").write_text("p { margin: 0 }")
    report = _build(root)
    assert report.ok and not report.unchanged and read == []  # no page changed: none read


@needs_pagefind
def test_a_change_that_leaves_the_quote_records_makes_no_part_again(make_project, monkeypatch):
    from tests.sitecheck import cold_build, comparable_build

    root = make_project(ARTICLES)
    calls: list[str] = []
    real = pipeline.build_index
    monkeypatch.setattr(pipeline, "build_index",
                        lambda *a, **k: calls.append(k["bundle"]) or real(*a, **k))
    assert _build(root).ok and len(calls) == 1
    # A description for a quoted speaker: her article's JSON twin changes, not what is indexed
    (root / "speakers.toml").write_text(
        '[[speaker]]\nname = "Jane Roe"\ndescription = "Chair of the harbour board"\n')
    calls.clear()
    report = _build(root)
    assert report.ok and not report.unchanged and calls == []
    assert comparable_build(root / "build") == cold_build(root)
    # Her name spelled another way: the records name her, the index is made again
    (root / "speakers.toml").write_text(
        '[[speaker]]\nname = "Jane A. Roe"\naliases = ["Jane Roe"]\n')
    calls.clear()
    assert _build(root).ok and len(calls) == 1
    assert comparable_build(root / "build") == cold_build(root)


def _cold_equals(root: Path) -> bool:
    """Whether the site at ``root/build`` is what a build from nothing (no cache) makes."""
    from dataclasses import replace

    from tests.sitecheck import comparable_build

    config = load_config(root / "site.toml")
    cold = root.parent / "cold" / "build"
    assert pipeline.build(replace(config, output=cold), jobs=1, use_cache=False).ok
    return comparable_build(root / "build") == comparable_build(cold)


@needs_pagefind
def test_what_pagefind_reads_is_kept_in_the_cache_and_an_edit_rewrites_only_its_article(
    make_project
):
    root = make_project(ARTICLES)
    assert _build(root).ok
    work = cache_dir(root / "build") / pipeline.SEARCH_WORK / "pagefind"
    records = sorted((work / search.RECORDS).rglob("*.html"))
    assert len(records) == 2 and not (root / "build" / ".search-pagefind").exists()
    ferry_record = next(p for p in records if "harbour" in p.parent.name)
    bridge_record = next(p for p in records if "bridge" in p.parent.name)
    ferry_ino = ferry_record.stat().st_ino
    (root / "content" / "bridge.txt").write_text(
        BRIDGE.replace("carry our grandchildren", "carry our great-grandchildren"))
    assert _build(root).ok
    assert ferry_record.stat().st_ino == ferry_ino  # untouched: the same file
    assert "great-grandchildren" in bridge_record.read_text()
    for page in (root / "build" / "articles").glob("*/index.html"):  # links to the site's pages
        rel = page.relative_to(root / "build")
        assert (work / rel).stat().st_ino == page.stat().st_ino
    assert _cold_equals(root)


@needs_pagefind
def test_a_kept_folder_is_cleaned_of_strays_and_links_before_pagefind_reads_it(
    make_project, tmp_path
):
    root = make_project(ARTICLES)
    assert _build(root).ok
    work = cache_dir(root / "build") / pipeline.SEARCH_WORK / "pagefind"
    outside = tmp_path / "outside"
    outside.mkdir()
    [ferry_folder] = [p for p in (work / search.RECORDS).iterdir() if "harbour" in p.name]
    for p in ferry_folder.iterdir():
        p.unlink()
    ferry_folder.rmdir()
    ferry_folder.symlink_to(outside, target_is_directory=True)  # a record folder led outside
    (work / search.RECORDS / "stray.html").write_text("<main data-pagefind-body>Quessa</main>")
    (root / "content" / "ferry.txt").write_text(FERRY.replace("Tuesday", "Wednesday"))
    assert _build(root).ok
    assert list(outside.iterdir()) == []  # nothing written through the link
    assert not (work / search.RECORDS / "stray.html").exists()
    assert not ferry_folder.is_symlink() and len(list(ferry_folder.iterdir())) == 1
    assert _cold_equals(root)


@needs_pagefind
def test_a_kept_folder_that_cannot_be_used_leaves_the_part_made_inside_the_site(make_project):
    root = make_project(ARTICLES)
    work = cache_dir(root / "build") / pipeline.SEARCH_WORK
    work.parent.mkdir(parents=True)
    work.write_text("not a folder")  # as another file system would refuse the links
    report = _build(root)
    assert report.ok and not any(d.path == "search" for d in report.diagnostics)
    assert (root / "build" / "pagefind" / "pagefind-entry.json").is_file()
    assert not (root / "build" / ".search-pagefind").exists()
    assert _cold_equals(root)


@needs_pagefind
def test_a_build_that_cannot_lock_the_kept_folders_leaves_them_to_the_build_that_holds_them(
    make_project
):
    import fcntl

    root = make_project(ARTICLES)
    assert _build(root).ok
    work = cache_dir(root / "build") / pipeline.SEARCH_WORK
    [bridge_record] = (work / "pagefind" / search.RECORDS).glob("*bridge*/*.html")
    before = bridge_record.read_bytes()
    with open(work.with_name(pipeline.SEARCH_WORK + ".lock"), "ab") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # another build holds them
        (root / "content" / "bridge.txt").write_text(
            BRIDGE.replace("carry our grandchildren", "carry our great-grandchildren"))
        assert _build(root).ok
        assert bridge_record.read_bytes() == before  # not this build's to change
    assert _cold_equals(root)  # its part made inside the site, from the new text
