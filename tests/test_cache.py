"""The per-file cache: a warm build equals a cold one byte for byte, only changed inputs are
read again, and a corrupt or stale cache is rebuilt, never trusted."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from site_gen import analysis, pipeline
from site_gen import cache as cache_module
from site_gen.cache import cache_dir, shared_record
from site_gen.config import load_config
from tests.sitecheck import comparable_build

ARTICLES = {
    f"content/a{i}.txt": f"Story {i}\n\nThe council said on Monday that plan {i} would go ahead. "
    f"“We will build it,” said Jane Roe, the mayor.\n"
    for i in range(6)
}


def _tree(root: Path) -> dict[str, bytes]:
    return comparable_build(root)  # every file byte for byte, Pagefind's filter order aside


@pytest.fixture
def counted(monkeypatch):
    calls: list[str] = []
    real = analysis.process_file

    def counting(path, *args, **kwargs):
        calls.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(analysis, "process_file", counting)
    return calls


def _build(root: Path, **kwargs):
    config = load_config(root / "site.toml")
    report = pipeline.build(config, jobs=1, **kwargs)
    assert report.ok, report.summary()
    return report


def test_warm_build_is_byte_identical_and_reads_only_what_changed(make_project, counted):
    root = make_project(ARTICLES)
    cold = _build(root)
    first = _tree(root / "build")
    assert len(counted) == 6 and cold.cached == 0
    counted.clear()
    assert _build(root).unchanged  # nothing changed: nothing read (see test_incremental)
    (root / "content" / "a1.txt").touch()  # same bytes, a new time: read, found in the cache
    warm = _build(root)
    assert counted == [] and warm.cached == 6 and not warm.unchanged
    assert _tree(root / "build") == first
    (root / "content" / "a3.txt").write_text(ARTICLES["content/a3.txt"].replace("Monday", "Friday"))
    _build(root)
    assert counted == ["a3.txt"]


def test_a_corrupt_cache_is_rebuilt(make_project, counted):
    root = make_project(ARTICLES)
    _build(root)
    expected = _tree(root / "build")
    (cache_dir(root / "build") / "results.sqlite").write_bytes(b"not a database" * 100)
    counted.clear()
    _build(root)
    assert len(counted) == 6 and _tree(root / "build") == expected
    counted.clear()
    _build(root)
    assert counted == []


@pytest.mark.parametrize("damage", [lambda v: v[: len(v) // 2], lambda v: b"garbage",
                                    lambda v: pickle.dumps({"not": "a result"})])
def test_a_damaged_entry_is_a_miss(make_project, counted, damage):
    import sqlite3

    root = make_project(ARTICLES)
    _build(root)
    expected = _tree(root / "build")
    db = sqlite3.connect(cache_dir(root / "build") / "results.sqlite")
    with db:  # every other entry (which file's is which depends on the keys' order)
        rows = db.execute("SELECT key, value FROM results ORDER BY key").fetchall()
        for key, value in rows[::2]:
            db.execute("UPDATE results SET value = ? WHERE key = ?", (damage(value), key))
    db.close()
    damaged = len(rows[::2])
    (root / "content" / "a3.txt").write_text(ARTICLES["content/a3.txt"] + "\nOne more line.\n")
    counted.clear()
    _build(root)
    # the edited file and each damaged one (the edited file's old entry may be one of them)
    assert "a3.txt" in counted and len(counted) in (damaged, damaged + 1)
    assert len(set(counted)) == len(counted)
    (root / "content" / "a3.txt").write_text(ARTICLES["content/a3.txt"])
    _build(root)
    assert _tree(root / "build") == expected


def test_changed_code_or_sources_miss(make_project, counted, monkeypatch):
    root = make_project(ARTICLES)
    _build(root)
    counted.clear()
    monkeypatch.setattr(pipeline, "code_version", lambda: "another version")
    _build(root)
    assert len(counted) == 6
    counted.clear()
    (root / "sources.toml").write_text('[[outlet]]\nname = "Velmar Herald"\n')
    _build(root)
    assert len(counted) == 6


def test_no_cache_leaves_no_cache_folder(make_project, counted):
    root = make_project(ARTICLES)
    _build(root, use_cache=False)
    _build(root, use_cache=False)
    assert len(counted) == 12
    assert not cache_dir(root / "build").exists()


def test_an_incremental_build_equals_a_cold_one_after_each_kind_of_change(make_project):
    root = make_project(ARTICLES)
    _build(root)
    changes = [
        lambda: (root / "content" / "a2.txt").write_text(
            ARTICLES["content/a2.txt"].replace("Jane Roe", "Mark Doe")
        ),
        lambda: (root / "content" / "a9.txt").write_text("Late story\n\nA new story, he said.\n"),
        lambda: (root / "content" / "a4.txt").unlink(),
        lambda: (root / "speakers.toml").write_text('[[speaker]]\nname = "Jane Q. Roe"\n'
                                                    'aliases = ["Jane Roe"]\n'),
        lambda: (root / "sources.toml").write_text('[[outlet]]\nname = "Velmar Herald"\n'),
    ]
    for change in changes:
        change()
        _build(root)
        incremental = _tree(root / "build")
        cold_root = root.parent / "cold"
        cold_root.mkdir(exist_ok=True)
        config = load_config(root / "site.toml")
        from dataclasses import replace

        cold = pipeline.build(replace(config, output=cold_root / "build"), jobs=1, use_cache=False)
        assert cold.ok
        assert incremental == _tree(cold_root / "build")


def test_a_page_changed_by_hand_in_the_output_is_written_again(make_project):
    root = make_project(ARTICLES)
    _build(root)
    index = root / "build" / "index.html"
    original = index.read_bytes()
    index.write_bytes(b"edited by hand")
    _build(root)
    assert index.read_bytes() == original


def test_a_template_change_renders_again(make_project):
    root = make_project(ARTICLES)
    _build(root)
    from site_gen.config import SHIPPED_TEMPLATES

    (root / "templates").mkdir()
    base = (SHIPPED_TEMPLATES / "base.html").read_text()
    (root / "templates" / "base.html").write_text(base.replace("</footer>", "<p>X</p></footer>"))
    _build(root)
    assert "<p>X</p>" in (root / "build" / "index.html").read_text()


def test_a_process_that_builds_again_keeps_the_results_in_memory(tmp_path, monkeypatch):
    from site_gen.config import load_config
    from site_gen.pipeline import build
    from tests.sitecheck import comparable_build

    root = tmp_path / "p"
    (root / "content").mkdir(parents=True)
    for n in range(3):
        (root / "content" / f"a{n}.txt").write_text(
            f"Harbour plan {n}\n\n\u201cWe will build it,\u201d said Jane Doe.\n\nMore {n}.\n")
    (root / "site.toml").write_text('content = "content"\noutput = "build"\nsearch = false\n')
    loads: list[int] = []
    real = cache_module._load
    monkeypatch.setattr(cache_module, "_load", lambda v: loads.append(1) or real(v))
    monkeypatch.setattr(cache_module, "_REMEMBERED", None)
    assert build(load_config(root / "site.toml"), jobs=1).ok
    cache_module.remember_results()
    (root / "content" / "a0.txt").write_text("Harbour plan 0\n\nEdited.\n")
    assert build(load_config(root / "site.toml"), jobs=1).ok  # loads the 2 unchanged, keeps 3
    loads.clear()
    (root / "content" / "a1.txt").write_text("Harbour plan 1\n\nEdited too.\n")
    report = build(load_config(root / "site.toml"), jobs=1)
    assert report.ok and report.cached == 2 and loads == []  # from memory, none unpickled
    [kept] = cache_module._REMEMBERED.values()
    assert len(kept) == 3  # this build's results only
    out = comparable_build(root / "build")
    cold = tmp_path / "cold"
    config = load_config(root / "site.toml")
    from dataclasses import replace
    assert build(replace(config, output=cold), jobs=1, use_cache=False).ok
    assert out == comparable_build(cold)
    cache_module.remember_results(False)


def test_records_of_output_files_share_their_strings() -> None:
    def fresh(text: str) -> str:  # an equal string that is another object
        return "".join(list(text))

    path, key = "articles/ferry-line/index.html", "group:" + "ab" * 32
    one = shared_record([(fresh(path), (fresh(key), 10, 20)),
                         (fresh(path + ".x"), (fresh(key), 11, 21))])
    two = shared_record([(fresh(path), (fresh(key), 10, 20))])
    assert one == {path: (key, 10, 20), path + ".x": (key, 11, 21)}
    (p1, (k1, _, _)), (_, (k2, _, _)) = one.items()
    (p3, (k3, _, _)), = two.items()
    assert p1 is p3 and k1 is k2 is k3


def test_a_memo_comes_back_from_the_database_or_from_memory(tmp_path, monkeypatch) -> None:
    path = tmp_path / "c" / "results.sqlite"
    one = cache_module.ResultCache(path, "v1")
    assert one.memo("stories") is None
    one.put_memo("stories", {"kept": (1, 2, 3)})
    one.close()
    two = cache_module.ResultCache(path, "v1")  # another process: from the database
    assert two.memo("stories") == {"kept": (1, 2, 3)}
    two.put_state(b"not a pickle", "memo:stories")
    assert two.memo("stories") is None  # a damaged memo is no memo
    two.put_memo("stories", None)
    assert two.memo("stories") is None and two.state("memo:stories") is None
    # A process that keeps them (the dev server) gets its last memo without reading it back.
    cache_module.remember_results()
    try:
        two.put_memo("stories", ["in memory"])
        monkeypatch.setattr(cache_module.ResultCache, "state", lambda self, name="last": None)
        assert two.memo("stories") == ["in memory"]
        cache_module.remember_results()  # starting to keep them again forgets the old ones
        assert two.memo("stories") is None
    finally:
        cache_module.remember_results(False)
    two.close()


@pytest.mark.parametrize("damaged", [b"not a pickle", pickle.dumps(["not", "rows"])])
def test_a_damaged_record_of_outputs_makes_every_page_again(make_project, damaged):
    root = make_project(ARTICLES)
    _build(root)
    expected = _tree(root / "build")
    db = cache_module.ResultCache(cache_dir(root / "build") / "results.sqlite",
                                  cache_module.code_version())
    assert len(db.outputs()) > 10  # the record the build left
    db.put_state(damaged, cache_module.OUTPUTS_STATE)
    assert db.outputs() == {}
    db.close()
    (root / "content" / "a1.txt").write_text(ARTICLES["content/a1.txt"] + "\nMore.\n")
    report = _build(root)
    # Nothing of the previous build's record is trusted: every page is made again (only the
    # copies of the unchanged input files stay, vouched for by the standby's own record).
    assert report.written > 10 * report.linked
    (root / "content" / "a1.txt").write_text(ARTICLES["content/a1.txt"])
    _build(root)
    assert _tree(root / "build") == expected


def test_a_one_shot_build_lets_go_of_the_language_model_a_server_keeps_it(tmp_path, monkeypatch):
    from site_gen.reader import language

    root = tmp_path / "p"
    (root / "content").mkdir(parents=True)
    (root / "content" / "a.txt").write_text(
        "Harbour plan\n\nThe harbour board voted on Tuesday to open a ferry line to the island "
        "next spring, and the mayor said the town would pay for the new pier.\n")
    (root / "site.toml").write_text('content = "content"\noutput = "build"\nsearch = false\n')
    monkeypatch.setattr(cache_module, "_REMEMBERED", None)
    language._identifier.cache_clear()
    assert _build(root).articles == 1
    assert language._identifier.cache_info().currsize == 0  # read, then released
    cache_module.remember_results()
    try:
        (root / "content" / "a.txt").write_text(
            "Harbour plan\n\nThe harbour board voted on Friday to open a ferry line to the "
            "island next spring, and the mayor said the town would pay for the new pier.\n")
        assert _build(root).articles == 1
        assert language._identifier.cache_info().currsize == 1  # the next build uses it again
    finally:
        cache_module.remember_results(False)
        language._identifier.cache_clear()


@pytest.fixture
def opened(monkeypatch):
    """The content files the build opens to read their bytes."""
    from site_gen import inputs as inputs_module

    seen: list[str] = []

    def counting(path, *args, **kwargs):
        seen.append(Path(path).name)
        return open(path, *args, **kwargs)

    monkeypatch.setattr(inputs_module, "open", counting, raising=False)
    return seen


def test_an_edit_build_reads_only_the_files_that_changed(make_project, opened):
    root = make_project(ARTICLES)
    _build(root)
    assert sorted(opened) == sorted(Path(p).name for p in ARTICLES)  # the first build reads all
    opened.clear()
    (root / "content" / "a3.txt").write_text(ARTICLES["content/a3.txt"].replace("Monday", "Friday"))
    report = _build(root)
    assert opened == ["a3.txt"] and report.cached == 5
    assert "Friday" in (root / "build" / "originals").joinpath(
        *next((root / "build" / "originals").glob("*/a3.txt")).relative_to(
            root / "build" / "originals").parts).read_text()
    assert _tree(root / "build") == _cold(root)


def test_a_file_rewritten_with_its_old_size_and_time_is_read_again(make_project, opened):
    root = make_project(ARTICLES)
    _build(root)
    opened.clear()
    path = root / "content" / "a2.txt"
    before = path.stat()
    path.write_text(ARTICLES["content/a2.txt"].replace("Monday", "Sunday"))  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the time put back
    assert path.stat().st_size == before.st_size
    _build(root)
    assert opened == ["a2.txt"]  # its change time tells
    assert _tree(root / "build") == _cold(root)


def test_a_damaged_record_of_the_inputs_reads_every_file(make_project, opened):
    root = make_project(ARTICLES)
    _build(root)
    cache = cache_module.ResultCache(cache_dir(root / "build") / "results.sqlite", "x")
    cache.put_state(b"not a pickle", pipeline.INPUTS_STATE)
    cache.close()
    opened.clear()
    (root / "content" / "a1.txt").touch()
    _build(root)
    assert sorted(opened) == sorted(Path(p).name for p in ARTICLES)
    assert _tree(root / "build") == _cold(root)


def _cold(root: Path) -> dict[str, bytes]:
    from dataclasses import replace

    config = load_config(root / "site.toml")
    cold = root.parent / "cold-build"
    assert pipeline.build(replace(config, output=cold), jobs=1, use_cache=False).ok
    return _tree(cold)


def test_an_unchanged_file_gone_before_its_bytes_are_needed_is_an_error_not_a_crash(
    make_project, monkeypatch
):
    root = make_project(ARTICLES)
    _build(root)
    monkeypatch.setattr(cache_module.ResultCache, "get_many", lambda self, keys: {})  # all missed
    real = pipeline.load_inputs

    def then_gone(*args, **kwargs):
        found = real(*args, **kwargs)
        (root / "content" / "a4.txt").unlink()  # after it was found unchanged, not read
        return found

    monkeypatch.setattr(pipeline, "load_inputs", then_gone)
    (root / "content" / "a0.txt").write_text(ARTICLES["content/a0.txt"].replace("plan", "scheme"))
    report = _build(root)
    assert report.articles == 5
    assert any(d.path == "a4.txt" and "cannot read" in d.message for d in report.diagnostics)


def test_a_state_s_object_is_kept_only_while_the_database_holds_its_bytes(tmp_path) -> None:
    loads: list[bytes] = []

    def load(data: bytes) -> list[bytes]:
        loads.append(data)
        return [data]

    cache = cache_module.ResultCache(tmp_path / "c" / "results.sqlite", "v1")
    cache.put_state(b"one", "record")
    assert cache.state_value("record", load) == [b"one"]
    assert cache.state_value("record", load) == [b"one"] and len(loads) == 2  # kept nothing
    cache_module.remember_results()
    try:
        kept = cache.state_value("record", load)
        assert cache.state_value("record", load) is kept and len(loads) == 3
        cache.put_state(b"two", "record")  # written another way: made again
        assert cache.state_value("record", load) == [b"two"] and len(loads) == 4
        cache.put_state(b"three", "record")
        cache.hold_state("record", b"three", ["held"])
        assert cache.state_value("record", load) == ["held"] and len(loads) == 4
        cache.put_state(None, "record")
        assert cache.state_value("record", load) is None
    finally:
        cache_module.remember_results(False)
        cache.close()


def test_a_server_writes_its_memos_to_the_database_when_the_cache_is_closed(tmp_path) -> None:
    path = tmp_path / "c" / "results.sqlite"
    cache_module.remember_results()
    try:
        one = cache_module.ResultCache(path, "v1")
        one.put_memo("stories", ["kept"])
        assert one.memo("stories") == ["kept"] and one.state("memo:stories") is None
        one.close()
    finally:
        cache_module.remember_results(False)
    two = cache_module.ResultCache(path, "v1")  # another process
    assert two.memo("stories") == ["kept"]
    two.close()


def test_a_server_s_cache_runs_its_later_writes_when_it_is_closed(tmp_path) -> None:
    ran: list[str] = []
    one = cache_module.ResultCache(tmp_path / "c" / "results.sqlite", "v1")
    one.later(lambda: ran.append("now"))  # a one-shot build: at once
    assert ran == ["now"]
    cache_module.remember_results()
    try:
        one.later(lambda: ran.append("later"))
        assert ran == ["now"]
        one.close()
        assert ran == ["now", "later"]
    finally:
        cache_module.remember_results(False)
