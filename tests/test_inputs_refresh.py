"""``inputs.refresh_inputs``: the inputs found again from the last ones and the files a watcher
says changed, as the dev server reads them; always what ``load_inputs`` finds, or None when it
cannot say."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_gen import cache as cache_module
from site_gen import inputs as inputs_module
from site_gen import pipeline
from site_gen.config import load_config
from site_gen.inputs import load_inputs, refresh_inputs
from tests.sitecheck import cold_build, comparable_build

TEXT = "Harbour plan {n}\n\n“We will build it,” said Jane Doe, the harbour chief.\n\nMore {n}.\n"


def _tree(root: Path) -> Path:
    content = root / "content"
    for rel in ("a.txt", "b.md", "news/c.txt", "news/d.txt", "news/deep/e.txt"):
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(TEXT.format(n=rel), encoding="utf-8")
    (content / "news" / "_defaults.toml").write_text('source = "Velmar Herald"\n')
    (content / "news" / "c.meta.toml").write_text('author = "Ilse Marrow"\n')
    return content


def _seen(found):
    inputs, diagnostics = found
    return ([(f.path, f.digest, f.sidecar, f.sidecar_path, f.defaults, f.stamp) for f in inputs],
            sorted(diagnostics, key=lambda d: (d.path, d.message)))


def _refreshed(content: Path, change) -> tuple | None:
    before = load_inputs(content)
    changed = change(content)
    found = refresh_inputs(content, *before, changed)
    if found is not None:
        assert _seen(found) == _seen(load_inputs(content))
    return found


def _write(path: Path, text: str = "Another text\n\nIts words.\n") -> set[Path]:
    path.write_text(text, encoding="utf-8")
    return {path}


def test_an_edited_article_is_read_again_and_the_others_are_not(tmp_path, monkeypatch):
    content = _tree(tmp_path)
    before = load_inputs(content)
    _write(content / "news" / "c.txt")
    read: list[str] = []
    real = inputs_module._read_input
    monkeypatch.setattr(inputs_module, "_read_input",
                        lambda path, *a: read.append(path.name) or real(path, *a))
    monkeypatch.setattr(inputs_module, "discover", None)  # never called
    found = refresh_inputs(content, *before, {content / "news" / "c.txt"})
    assert found is not None and read == ["c.txt"]
    [c] = [f for f in found[0] if f.path == "news/c.txt"]
    assert c.data == b"Another text\n\nIts words.\n"
    assert c.sidecar == b'author = "Ilse Marrow"\n' and c.defaults  # its sidecar and defaults


@pytest.mark.parametrize("change", [
    lambda c: _write(c / "a.txt"),
    lambda c: _write(c / "news" / "deep" / "f.txt"),  # a new file in a folder with articles
    lambda c: ((c / "b.md").unlink(), {c / "b.md"})[1],
    lambda c: _write(c / "news" / "notes.csv"),  # not an article: nothing to read
    lambda c: _write(c / ".hidden.txt"),
    lambda c: _write(c.parent / "templates.html"),  # outside the content folder
    lambda c: (os.utime(c / "a.txt", (1, 1)), {c / "a.txt"})[1],  # touched, same bytes
    lambda c: ((c / "a.txt").write_bytes(b"x" * (inputs_module.MAX_FILE_BYTES + 1)),
               {c / "a.txt"})[1],  # too large now: its message
], ids=["edit", "add", "delete", "other file", "hidden", "outside", "touch", "too large"])
def test_a_change_of_named_files_is_found_as_a_whole_walk_finds_it(tmp_path, change):
    assert _refreshed(_tree(tmp_path), change) is not None


@pytest.mark.parametrize("change", [
    lambda c: _write(c / "new" / "x.txt") if (c / "new").mkdir() is None else None,
    lambda c: _write(c / "news" / "deep" / "more" / "x.txt")
    if (c / "news" / "deep" / "more").mkdir() is None else None,
    lambda c: (os.rename(c / "news" / "deep", c / "moved"), {c / "news" / "deep", c / "moved"})[1],
    lambda c: _write(c / "news" / "d.meta.toml", 'author = "Tomas Verrault"\n'),
    lambda c: _write(c / "news" / "_defaults.toml", 'source = "Kestova Daily"\n'),
    lambda c: ((c / "link.txt").symlink_to(c / "a.txt"), {c / "link.txt"})[1],
    lambda c: {c},
], ids=["new folder", "new subfolder", "moved folder", "sidecar", "defaults", "link",
        "the folder"])
def test_a_change_that_may_reach_beyond_the_named_files_asks_for_a_whole_walk(tmp_path, change):
    assert _refreshed(_tree(tmp_path), change) is None


def test_a_server_reads_only_the_changed_inputs_and_builds_what_a_cold_build_does(
        tmp_path, monkeypatch):
    root = tmp_path / "project"
    content = _tree(root)
    (root / "site.toml").write_text('content = "content"\noutput = "build"\nsearch = false\n')
    config = load_config(root / "site.toml")
    walks: list[int] = []
    real = pipeline.load_inputs
    monkeypatch.setattr(pipeline, "load_inputs", lambda *a: walks.append(1) or real(*a))
    cache_module.remember_results()
    try:
        assert pipeline.build(config, jobs=1, changed=set()).ok  # the first: a walk
        assert walks == [1]
        edited = _write(content / "news" / "d.txt", TEXT.format(n="edited"))
        assert pipeline.build(config, jobs=1, changed=edited).ok
        assert walks == [1]
        served = comparable_build(root / "build")
        assert served == cold_build(root)
        walks.clear()  # (the cold build's)
        # A build that stops before reading keeps what it was told for the next one.
        edited = _write(content / "a.txt", TEXT.format(n="edited too"))
        os.rename(content, tmp_path / "away")
        assert not pipeline.build(config, jobs=1, changed=edited).ok
        os.rename(tmp_path / "away", content)
        assert pipeline.build(config, jobs=1, changed=set()).ok
        assert walks == []
        assert comparable_build(root / "build") == cold_build(root)
        walks.clear()
        # Not told (None): every file is looked at.
        _write(content / "b.md")
        assert pipeline.build(config, jobs=1).ok and walks == [1]
    finally:
        cache_module.remember_results(False)



def test_a_server_s_kept_keys_follow_the_registry_and_roles(tmp_path):
    from site_gen.analysis import _cached_process_all
    from site_gen.registry import default_registry, load_registry_file

    content = _tree(tmp_path)
    inputs, _ = load_inputs(content)
    other = tmp_path / "sources.toml"
    other.write_text('[[outlet]]\nname = "Harbor TV"\n')

    def keys(registry, roles=()) -> dict[str, str]:
        cache = cache_module.ResultCache(tmp_path / "c" / "results.sqlite", "v1")
        try:
            return _cached_process_all(inputs, registry, 1, cache, roles)[1]
        finally:
            cache.close()

    plain = keys(default_registry())
    cache_module.remember_results()
    try:
        assert keys(default_registry()) == plain
        assert keys(default_registry()) == plain  # (kept)
        assert keys(load_registry_file(str(other))) != plain
        assert keys(default_registry(), (("Jane Doe", ("harbour chief",)),)) != plain
        assert keys(default_registry()) == plain
    finally:
        cache_module.remember_results(False)
