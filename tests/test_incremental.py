"""The incremental build: after every kind of change its output is the cold build's, byte for
byte; unchanged groups of pages are linked without making their views; a rebuild with nothing
changed reads and writes nothing."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from site_gen import analysis, pipeline, staging
from site_gen import cache as cache_module
from site_gen.analysis import load_sources, process_all
from site_gen.archive import build_archive
from site_gen.config import load_config
from site_gen.dependencies import ARCHIVE_FIELDS
from site_gen.inputs import load_inputs
from site_gen.serve_watch import changes, snapshot
from site_gen.server import watched_paths
from tests.sitecheck import build_ok, cold_build, comparable_build

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import synthetic  # noqa: E402

# Two outlets report one invented meeting with the same words (a story, a statement); the rest
# is the benchmark's invented archive: recurring speakers, outlets, datelines, dates.
STORY_A = (
    "Harbour council backs new ferry plan\n\nPORT VELMAR, 3 March 2025 -"
    " The harbour council voted on Monday to back a new ferry plan.\n\n"
    "“We will not wait another winter for this,” said Ilse Marrow, the council leader.\n\n"
    "Source: Velmar Herald\n"
)
STORY_B = (
    "Council votes for ferry plan\n\nPORT VELMAR, 3 March 2025 - "
    "Councillors in Port Velmar backed the ferry plan on Monday.\n\n"
    "“We will not wait another winter for this,” Ilse Marrow said after the vote.\n\n"
    "Source: Kestova Daily\n"
)


@pytest.fixture
def project(make_project, tmp_path):
    archive = tmp_path / "synthetic"
    assert synthetic.main(["24", str(archive)]) == 0
    files: dict[str, str | bytes] = {
        f"content/{p.relative_to(archive / 'txt').as_posix()}": p.read_bytes()
        for p in sorted((archive / "txt").rglob("*.txt"))
    }
    files["content/story-a.txt"] = STORY_A
    files["content/story-b.txt"] = STORY_B
    files["site.toml"] = 'content = "content"\noutput = "build"\nper_page = 3\nsearch = false\n'
    return make_project(files)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _first(root: Path) -> Path:
    return sorted((root / "content").rglob("0*.txt"))[0]


def _changes(root: Path):
    content = root / "content"
    templates = root / "templates"
    yield "edit a sentence", lambda: _edit(content / "story-a.txt", "voted on", "voted late on")
    yield "edit a quote", lambda: _edit(content / "story-b.txt", "another winter", "a winter")
    yield "edit a title", lambda: _edit(_first(root), _first(root).read_text().split("\n")[0][:12],
                                        "Renamed: ")
    yield "edit a date", lambda: _edit(content / "story-a.txt", "3 March 2025", "3 April 2025")
    yield "another outlet", lambda: _edit(content / "story-a.txt", "Source: Velmar Herald",
                                          "Source: Brannoch Post")
    yield "add an article", lambda: (content / "late.txt").write_text(
        STORY_A.replace("Velmar Herald", "Brannoch Post").replace("3 March", "4 March"))
    yield "delete an article", lambda: (content / "story-a.txt").unlink()
    yield "a duplicate file", lambda: (content / "copy.txt").write_bytes(
        (content / "story-b.txt").read_bytes())
    yield "speakers.toml", lambda: (root / "speakers.toml").write_text(
        '[[speaker]]\nname = "Ilse K. Marrow"\naliases = ["Ilse Marrow"]\n'
        'description = "Leader of the harbour council"\n')
    # the same id (the slug of the name), another spelling of the name: only the name changes
    yield "speakers.toml, a name's spelling", lambda: (root / "speakers.toml").write_text(
        '[[speaker]]\nname = "ILSE K. Marrow"\naliases = ["Ilse Marrow"]\n'
        'description = "Leader of the harbour council"\n')
    yield "sources.toml", lambda: (root / "sources.toml").write_text(
        '[[outlet]]\nname = "Kestova Daily"\nhomepage = "https://kestova.example/"\n')
    yield "site.toml", lambda: (root / "site.toml").write_text(
        'content = "content"\noutput = "build"\nper_page = 4\nsearch = false\n'
        'title = "Harbour archive"\nbase_url = "https://archive.example/"\n')
    yield "a template", lambda: (templates.mkdir(exist_ok=True), (templates / "article.html")
                                 .write_text(_shipped("article.html").replace(
                                     "</article>", "<p>Checked.</p></article>", 1)))
    yield "a static file", lambda: ((root / "static").mkdir(exist_ok=True),
                                    (root / "static" / "extra.css").write_text("p{}"))
    yield "delete the speaker's last article", lambda: (
        (content / "late.txt").unlink(), (content / "copy.txt").unlink(),
        (content / "story-b.txt").unlink())


def _shipped(name: str) -> str:
    from site_gen.config import SHIPPED_TEMPLATES

    return (SHIPPED_TEMPLATES / name).read_text(encoding="utf-8")


def test_an_incremental_build_equals_a_cold_one_after_every_kind_of_change(project):
    build_ok(project)
    for name, change in _changes(project):
        change()
        build_ok(project)
        assert comparable_build(project / "build") == cold_build(project), name


def test_a_server_s_builds_equal_cold_ones_after_every_kind_of_change(project):
    """The dev server's builds keep the last archive in memory and update it (see
    ``archive.update_archive``) when the change allows."""
    config = load_config(project / "site.toml")
    (project / "templates").mkdir(exist_ok=True)
    (project / "static").mkdir(exist_ok=True)

    def look() -> dict:  # what the server's watcher compares
        return snapshot(watched_paths(config), skip=[config.output_dir])

    cache_module.remember_results()
    try:
        build_ok(project, changed=set())
        for name, change in _changes(project):
            before = look()
            change()
            build_ok(project, changed=changes(before, look()))
            assert comparable_build(project / "build") == cold_build(project), name
    finally:
        cache_module.remember_results(False)


def test_a_server_s_build_updates_its_last_archive_after_an_edit_of_the_text(
        project, monkeypatch):
    made: list[int] = []
    real = analysis.build_archive
    monkeypatch.setattr(analysis, "build_archive", lambda *a: made.append(1) or real(*a))
    cache_module.remember_results()
    try:
        build_ok(project)
        assert made == [1]
        _edit(project / "content" / "story-a.txt", "voted on", "voted late on")
        build_ok(project)
        assert made == [1]  # updated, not made again
        _edit(project / "content" / "story-a.txt", "Ilse Marrow", "Ilse Marrow-Penn")
        build_ok(project)
        assert made == [1, 1]  # a speaker's name: made again
    finally:
        cache_module.remember_results(False)
    assert comparable_build(project / "build") == cold_build(project)


def test_a_digest_memo_makes_again_only_the_digests_whose_parts_differ(monkeypatch):
    from site_gen import dependencies as deps_module
    from site_gen.dependencies import DigestMemo

    made: list[tuple] = []
    real = deps_module.digest
    monkeypatch.setattr(deps_module, "digest", lambda *parts: made.append(parts) or real(*parts))
    first = DigestMemo()
    one = first.get("page", "a", "x", ("y", None))
    two = first.get("page", "b", "x", ("z", 1))
    again = DigestMemo(first.now)
    assert again.get("page", "a", "x", ("y", None)) == one and len(made) == 2  # kept
    assert again.get("page", "b", "x", ("z", 2)) != two and len(made) == 3  # parts differ
    assert again.get("twin", "a", "x", ("y", None)) == one and len(made) == 4  # another kind
    assert set(again.now) == {("page", "a"), ("page", "b"), ("twin", "a")}  # this build's only
    once = DigestMemo(keep=False)
    assert once.get("page", "a", "x", ("y", None)) == one and once.now is None


def test_a_server_s_next_build_makes_only_the_changed_articles_digests(project, monkeypatch):
    from site_gen import dependencies as deps_module

    made: list[tuple] = []
    real = deps_module.digest
    monkeypatch.setattr(deps_module, "digest", lambda *parts: made.append(parts) or real(*parts))
    cache_module.remember_results()
    try:
        build_ok(project)
        first = len(made)
        made.clear()
        _edit(project / "content" / "story-a.txt", "voted on", "voted late on")
        build_ok(project)
    finally:
        cache_module.remember_results(False)
    articles = len(list((project / "build" / "articles").iterdir()))
    assert len(made) < first - 2 * articles  # the unchanged articles' digests were kept
    assert comparable_build(project / "build") == cold_build(project)


def test_an_edit_finds_the_stories_again_from_the_last_build(project, capsys):
    first = build_ok(project)
    assert first.story_work is not None and first.story_work.aligned >= 1
    n = first.articles
    # A quote's words (in the article's lead): the articles dated from its day to a few days
    # after are compared again, the others keep their stories; only the edited article's
    # story is aligned again; the cold build agrees.
    _edit(project / "content" / "story-b.txt", "another winter", "a winter")
    again = build_ok(project).story_work
    assert again is not None
    assert 1 <= again.scored <= n // 2 and again.replayed == n - again.scored
    assert again.aligned == 1
    assert again.reused == first.story_work.aligned + first.story_work.reused - 1
    assert comparable_build(project / "build") == cold_build(project)
    # The memo is in the build cache: a new process (a command) starts from it too, and says
    # so with -v.
    _edit(project / "content" / "story-b.txt", "a winter", "one more winter")
    from site_gen.cli import main

    assert main(["build", "-v", "--jobs", "1", "--config", str(project / "site.toml")]) == 0
    said = re.search(r"Stories: (\d+) of (\d+) articles compared again, 1 of",
                     capsys.readouterr().out)
    assert said is not None and int(said[1]) <= n // 2 and int(said[2]) == n
    # Nothing changed: nothing is found again, and -v says nothing of stories.
    assert main(["build", "-v", "--jobs", "1", "--config", str(project / "site.toml")]) == 0
    out = capsys.readouterr().out
    assert "Nothing changed" in out and "Stories:" not in out
    # Without the cache every article is compared.
    assert build_ok(project, use_cache=False).story_work.scored == n


def test_unchanged_groups_are_linked_without_making_their_views(project, monkeypatch):
    build_ok(project)
    made: list[str] = []
    real = staging._make_group

    def counting(group, digest, env, staged):
        rows = real(group, digest, env, staged)
        if group.key is not None:
            made.extend(path for path, _key, _written in rows)
        return rows

    monkeypatch.setattr(staging, "_make_group", counting)
    _edit(project / "content" / "story-b.txt", "backed the ferry plan", "backed the plan")
    report = build_ok(project)
    assert not report.unchanged
    # the edited article's page and JSON twin, its neighbours' pages, the pages of its story's
    # other article, its speaker's and its source's pages and feeds, the data files: not more
    assert "articles/council-votes-for-ferry-plan/index.html" in made
    assert any(p.startswith("speakers/") for p in made)
    keyed = [p for p in made if p.startswith("articles/")]
    assert len(keyed) <= 10, keyed
    whole = ("index.html", "page/", "archive/", "stories/", "data/", "feed.", "speakers/index",
             "speakers/page/", "sources/index", "sources/page/", "search/")
    own = [p for p in made if not p.startswith(whole)]
    edited = "articles/council-votes-for-ferry-plan/"
    # its page and JSON twin, its speaker's and its source's pages and feeds, and not more:
    # its neighbours and its story's other article show its title, which did not change
    assert sorted(own) == sorted([
        edited + "index.html", edited + "index.json",
        "sources/kestova-daily/feed.xml", "sources/kestova-daily/index.html",
        "speakers/ilse-marrow/feed.xml", "speakers/ilse-marrow/index.html"])
    # of the lists, the first index page (its timeline counts every article), the index and
    # date pages that list the article, the stories index and data file and its story's page
    lists = sorted(p for p in made if p.startswith(("page/", "archive/", "stories/")))
    assert [p for p in lists if p.startswith("stories/") and p.count("/") == 2] == [
        "stories/council-votes-for-ferry-plan/index.html"], lists
    assert len([p for p in lists if p.startswith("page/")]) <= 1, lists
    assert len([p for p in lists if p.startswith("archive/")]) <= 2, lists
    made.clear()
    _edit(project / "content" / "story-b.txt", "Council votes for ferry plan", "Ferry plan vote")
    assert not build_ok(project).unchanged
    pages = sorted(p for p in made if p.startswith("articles/") and p.endswith(".html"))
    partner = "articles/harbour-council-backs-new-ferry-plan/index.html"  # its story's other
    assert "articles/ferry-plan-vote/index.html" in pages and partner in pages
    assert len(pages) <= 4  # and its neighbours in the index's order, whose links name it


def test_a_rebuild_with_nothing_changed_reads_and_writes_nothing(project, monkeypatch):
    first = build_ok(project)
    before = comparable_build(project / "build")
    stamp = {p: p.stat().st_mtime_ns for p in (project / "build").rglob("*")}
    read: list[Path] = []
    real = pipeline.load_inputs
    monkeypatch.setattr(pipeline, "load_inputs", lambda *a, **k: read.append(a[0]) or real(*a, **k))
    again = build_ok(project)
    assert again.unchanged and read == []
    assert "Nothing changed" in again.summary()
    assert (again.articles, again.pages, again.diagnostics) == (
        first.articles, first.pages, first.diagnostics)
    assert {p: p.stat().st_mtime_ns for p in (project / "build").rglob("*")} == stamp
    assert comparable_build(project / "build") == before


@pytest.mark.parametrize("change", ["touch an input", "edit the output", "strict"])
def test_anything_different_makes_the_build_run(project, change):
    build_ok(project)
    strict = False
    if change == "touch an input":
        target = _first(project)
        st = target.stat()
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    elif change == "edit the output":
        (project / "build" / "index.html").write_text("by hand")
    else:
        strict = True
    report = pipeline.build(load_config(project / "site.toml"), jobs=1, strict=strict)
    assert not report.unchanged
    if change == "edit the output":
        assert (project / "build" / "index.html").read_text() != "by hand"


def test_the_archive_stage_sets_only_the_fields_the_article_digest_covers(project):
    """``dependencies`` digests an article as its per-file result's key plus ``ARCHIVE_FIELDS``:
    if the cross-article stage set any other field, a change could go unseen."""
    (project / "content" / "copy.txt").write_bytes(
        (project / "content" / "story-b.txt").read_bytes())
    config = load_config(project / "site.toml")
    registry, _ = load_sources(config)
    inputs, _ = load_inputs(config.content_dir, config.follow_symlinks)
    results = process_all(inputs, registry)
    archive = build_archive(results, registry)
    own = {r.path: r.article for r in results if r.article}
    changed: set[str] = set()
    quote_fields: set[str] = set()
    for a in archive.articles:
        before = own[a.path]
        for f in fields(a):
            if getattr(a, f.name) != getattr(before, f.name):
                changed.add(f.name)
        for q, old in zip(a.quotes, before.quotes, strict=True):
            quote_fields |= {
                f.name for f in fields(q) if getattr(q, f.name) != getattr(old, f.name)}
    assert changed <= set(ARCHIVE_FIELDS)
    assert {"id", "source_id", "also_paths", "quotes"} <= changed  # the corpus exercises them
    assert quote_fields == {"speaker_id"}


def test_pages_made_by_worker_processes_are_the_same_bytes(project, monkeypatch):
    used = []
    real = staging._make_in_workers
    monkeypatch.setattr(staging, "PARALLEL_MIN_GROUPS", 1)
    monkeypatch.setattr(staging, "_make_in_workers", lambda *a: used.append(1) or real(*a))
    report = pipeline.build(load_config(project / "site.toml"), jobs=2, use_cache=False)
    assert report.ok and used == [1]
    assert comparable_build(project / "build") == cold_build(project)


def test_a_template_error_in_a_worker_fails_the_build_and_keeps_the_site(project, monkeypatch):
    build_ok(project)
    before = comparable_build(project / "build")
    monkeypatch.setattr(staging, "PARALLEL_MIN_GROUPS", 1)
    (project / "templates").mkdir()
    (project / "templates" / "article.html").write_text(
        _shipped("article.html").replace("{{ title }}", "{{ title.nothing_here() }}", 1))
    report = pipeline.build(load_config(project / "site.toml"), jobs=2)
    assert not report.ok and "article.html" in (report.fatal or "")
    assert comparable_build(project / "build") == before
    assert not [p for p in project.iterdir() if "-new-" in p.name]


def test_the_data_files_copy_the_lines_of_unchanged_articles(project, monkeypatch):
    from site_gen import exports

    build_ok(project)
    made: list[str] = []
    real = exports.article_blocks
    monkeypatch.setattr(exports, "article_blocks", lambda a, *r: made.append(a.id) or real(a, *r))
    _edit(project / "content" / "story-b.txt", "backed the ferry plan", "backed the plan")
    build_ok(project)
    assert made == ["council-votes-for-ferry-plan"]  # the edited article alone
    assert comparable_build(project / "build") == cold_build(project)
    made.clear()
    data = project / "build" / "data" / "quotes.jsonl"
    data.write_bytes(data.read_bytes().replace(b"winter", b"summer"))  # the old file, by hand
    _edit(project / "content" / "story-b.txt", "backed the plan", "backed it")
    build_ok(project)
    assert len(made) > 20  # the old files are not trusted: every article's lines made again
    assert comparable_build(project / "build") == cold_build(project)


def test_the_collector_runs_less_often_during_a_build_and_as_before_after(project, monkeypatch):
    import gc

    seen: list[tuple[int, int, int]] = []
    real = pipeline.analyze

    def watching(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "analyze", watching)
    before = gc.get_threshold()
    build_ok(project)
    assert seen == [pipeline.BUILD_GC_THRESHOLD] and gc.get_threshold() == before

    def failing(*args, **kwargs):
        raise RuntimeError("stage failed")

    monkeypatch.setattr(pipeline, "analyze", failing)
    (project / "content" / "story-a.txt").write_text(STORY_A + "\nMore.\n")
    with pytest.raises(RuntimeError):
        pipeline.build(load_config(project / "site.toml"), jobs=1)
    assert gc.get_threshold() == before


def test_the_search_page_key_reads_every_filter_value_the_articles_give(project):
    from site_gen.search_page import search_inputs
    from site_gen.search_records import FILTERS, article_filters

    config = load_config(project / "site.toml")
    inputs, _ = load_inputs(config.content_dir)
    archive = pipeline.analyze(config, inputs, jobs=1).archive
    values: dict[str, set[str]] = {key: set() for key in FILTERS}
    for a in archive.articles:
        for f in article_filters(a, archive):
            if f.key in values:
                values[f.key].add(f.value)
    expected = {k: tuple(sorted(v, reverse=k == "year")) for k, v in values.items()}
    found, parts, any_article = search_inputs(archive)
    assert found == expected and all(found.values())
    assert parts == 1 and any_article


def _long_lists(make_project, n: int = 11):
    """One invented speaker quoted in ``n`` dated articles of one outlet, three to a page."""
    files: dict[str, str | bytes] = {
        f"content/r{i:02}.txt": (
            f"Tram depot report number {i}\n\nKESSEL, {i + 1} May 2025 - The depot opened "
            f"its gate number {i} on a grey morning.\n\n"
            f"“Gate {i} will stay open,” said Orla Vennick, the depot manager.\n\n"
            "Source: Kessel Ledger\n")
        for i in range(n)
    }
    files["site.toml"] = 'content = "content"\noutput = "build"\nper_page = 3\nsearch = false\n'
    return make_project(files)


def _made_pages(monkeypatch) -> list[str]:
    made: list[str] = []
    real = staging._make_group

    def counting(group, digest, env, staged):
        rows = real(group, digest, env, staged)
        made.extend(path for path, _key, written in rows if written)
        return rows

    monkeypatch.setattr(staging, "_make_group", counting)
    return made


def test_an_edit_makes_the_first_and_its_own_page_of_a_speaker_and_an_outlet(
        make_project, monkeypatch):
    root = _long_lists(make_project)
    build_ok(root)
    made = _made_pages(monkeypatch)
    _edit(root / "content" / "r02.txt", "Tram depot report number 2", "Depot report two")
    build_ok(root)
    lists = sorted(p for p in made if p.startswith(("speakers/orla", "sources/kessel")))
    assert comparable_build(root / "build") == cold_build(root)
    shown = sorted(  # the later pages that list the edited article
        p.relative_to(root / "build").as_posix()
        for folder in ("speakers/orla-vennick", "sources/kessel-ledger")
        for p in (root / "build" / folder / "page").rglob("index.html")
        if "depot-report-two/" in p.read_text(encoding="utf-8"))
    assert len(shown) == 2, shown  # one page of each list, not its first
    assert lists == sorted([
        "sources/kessel-ledger/feed.xml", "sources/kessel-ledger/index.html",
        "speakers/orla-vennick/feed.xml", "speakers/orla-vennick/index.html", *shown])


def test_an_edit_of_the_text_leaves_the_indexes_of_dates_speakers_and_outlets(
        project, monkeypatch):
    build_ok(project)
    made = _made_pages(monkeypatch)
    _edit(project / "content" / "story-a.txt", "voted on", "voted late on")
    build_ok(project)
    indexes = {"archive/index.html", "speakers/index.html", "sources/index.html"}
    assert made and not indexes & set(made)
    made.clear()
    _edit(project / "content" / "story-a.txt", "Ilse Marrow, the", "Ilse Marrow-Penn, the")
    build_ok(project)
    assert "speakers/index.html" in made  # another speaker: that index is made again
    assert comparable_build(project / "build") == cold_build(project)


def test_each_speaker_s_quotes_found_in_one_pass_are_its_references_in_order(project):
    from site_gen.pages import _quotes_by_speaker

    config = load_config(project / "site.toml")
    inputs, _ = load_inputs(config.content_dir, config.follow_symlinks)
    archive = analysis.analyze(config, inputs, jobs=1).archive
    said = _quotes_by_speaker(archive)
    assert said.keys() == archive.quotes_by_speaker.keys()
    for sid, refs in archive.quotes_by_speaker.items():
        assert [(aid, q.id) for aid, quotes in said[sid].items() for q in quotes] == [
            (r.article_id, r.quote_id) for r in refs]
        assert all(q.speaker_id == sid for quotes in said[sid].values() for q in quotes)


def test_a_speaker_s_key_from_the_references_made_once_is_the_same(project):
    from dataclasses import replace

    from site_gen.dependencies import dependencies

    config = load_config(project / "site.toml")
    inputs, _ = load_inputs(config.content_dir, config.follow_symlinks)
    archive = analysis.analyze(config, inputs, jobs=1).archive
    deps = dependencies(archive, config, {})
    apart = replace(deps, refs={})  # each speaker's references made again
    assert archive.quotes_by_speaker
    for sid in archive.quotes_by_speaker:
        assert deps.speaker(sid, archive) == apart.speaker(sid, archive)


def test_a_new_count_makes_every_page_of_a_speaker_again(make_project, monkeypatch):
    """Every page of a speaker shows the count of its quotes: another quote makes them all."""
    root = _long_lists(make_project)
    build_ok(root)
    made = _made_pages(monkeypatch)
    _edit(root / "content" / "r02.txt", "on a grey morning.",
          "on a grey morning.\n\n“It is early,” said Orla Vennick.")
    build_ok(root)
    made = list(made)
    assert comparable_build(root / "build") == cold_build(root)
    speaker = sorted(p for p in made if p.startswith("speakers/orla") and p.endswith(".html"))
    every = sorted(p.relative_to(root / "build").as_posix()
                   for p in (root / "build" / "speakers" / "orla-vennick").rglob("*.html"))
    assert len(every) >= 3 and speaker == every
    # the outlet's list shows no quote counts of the speaker: its own page and the first
    assert "sources/kessel-ledger/page/2/index.html" not in made


def test_a_feed_is_made_again_only_when_an_article_it_shows_changes(make_project, monkeypatch):
    from site_gen import feeds

    monkeypatch.setattr(feeds, "FEED_ENTRIES", 4)
    root = _long_lists(make_project)
    build_ok(root)
    made = _made_pages(monkeypatch)
    _edit(root / "content" / "r02.txt", "Tram depot report number 2", "Depot report two")
    build_ok(root)
    assert not [p for p in made if p.endswith("feed.xml")], made  # r02 is not among the 4
    assert comparable_build(root / "build") == cold_build(root)
    made.clear()
    _edit(root / "content" / "r09.txt", "Tram depot report number 9", "Depot report nine")
    build_ok(root)
    assert {"speakers/orla-vennick/feed.xml", "sources/kessel-ledger/feed.xml"} <= set(made)
    assert comparable_build(root / "build") == cold_build(root)


@pytest.mark.parametrize("system_copy", [True, False])
def test_unchanged_lines_are_copied_in_runs(project, monkeypatch, system_copy):
    """The blocks of unchanged articles that follow each other in the old data file are copied
    as one run (by the system's copy where there is one, else read and written): an edit of one
    article in the middle gives at most two runs a file, and the cold build's bytes."""
    import os as os_module

    from site_gen import exports

    build_ok(project)
    if not system_copy:
        monkeypatch.delattr(os_module, "copy_file_range", raising=False)
    runs: list[tuple[int, int]] = []
    real = exports.copy_range
    monkeypatch.setattr(exports, "copy_range",
                        lambda s, t, at, n: runs.append((at, n)) or real(s, t, at, n))
    _edit(project / "content" / "story-b.txt", "backed the ferry plan", "backed the plan")
    build_ok(project)
    assert 0 < len(runs) <= 2 * len(exports.EXPORT_FILES)
    assert comparable_build(project / "build") == cold_build(project)


def test_a_copy_the_system_refuses_is_read_and_written(tmp_path, monkeypatch):
    import os as os_module

    from site_gen.exports import copy_range

    source = tmp_path / "old"
    source.write_bytes(bytes(range(256)) * 5000)

    def refused(*args, **kwargs):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os_module, "copy_file_range", refused, raising=False)
    with open(source, "rb") as s, open(tmp_path / "new", "wb") as t:
        t.write(b"head")
        t.flush()
        copy_range(s.fileno(), t.fileno(), 1000, 1_200_000)
    assert (tmp_path / "new").read_bytes() == b"head" + source.read_bytes()[1000:1_201_000]


def test_a_deferred_record_is_made_by_finish_and_none_is_trusted_before(project):
    """With ``defer`` the site is swapped in and the record for the next build waits for the
    report's ``finish``. A build that comes before it (or never gets it) trusts no record of the
    last one: it runs, and its site is still the cold build's."""
    config = load_config(project / "site.toml")
    first = pipeline.build(config, jobs=1, defer=True)
    assert first.ok and first.finish is not None
    assert (project / "build" / "index.html").is_file()  # in place before the record
    second = pipeline.build(config, jobs=1)  # the first one's record was never made
    assert second.ok and not second.unchanged and second.finish is None
    assert comparable_build(project / "build") == cold_build(project)
    _edit(project / "content" / "story-b.txt", "backed the ferry plan", "backed the plan")
    third = pipeline.build(config, jobs=1, defer=True)
    third.finish()
    assert pipeline.build(config, jobs=1).unchanged
    assert comparable_build(project / "build") == cold_build(project)


def test_a_record_that_cannot_be_made_leaves_none(project, monkeypatch):
    """The site is in place when its record is made: if the disk refuses that, the build is
    not undone, and the next build trusts no record of it (it runs, and equals a cold one)."""
    config = load_config(project / "site.toml")
    build_ok(project)
    _edit(project / "content" / "story-b.txt", "backed the ferry plan", "backed the plan")
    report = pipeline.build(config, jobs=1, defer=True)

    def refused(self, root=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(staging.Staged, "survey", refused)
    report.finish()  # no error: the site stays, without a record
    monkeypatch.undo()
    assert "backed the plan" in comparable_build(project / "build")[
        "articles/council-votes-for-ferry-plan/index.html"].decode()
    again = pipeline.build(config, jobs=1)
    assert again.ok and not again.unchanged
    assert comparable_build(project / "build") == cold_build(project)


def test_a_template_edit_does_not_make_the_data_files_again(project, monkeypatch):
    from site_gen import exports

    build_ok(project)
    twins: list[str] = []
    real = exports._twin
    monkeypatch.setattr(exports, "_twin", lambda a, *rest: twins.append(a.id) or real(a, *rest))
    (project / "templates").mkdir()
    (project / "templates" / "article.html").write_text(_shipped("article.html").replace(
        "</article>", "<p>Checked.</p></article>", 1))
    report = build_ok(project)
    assert report.written > 24 and twins == []  # every article page, no JSON twin
    assert comparable_build(project / "build") == cold_build(project)
    twins.clear()
    _edit(project / "content" / "story-b.txt", "another winter", "a winter")
    build_ok(project)
    assert len(twins) == 1  # the edited article's
