"""The per-file cache: a warm build equals a cold one byte for byte, only changed inputs are
read again, and a corrupt or stale cache is rebuilt, never trusted."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_gen import pipeline
from site_gen.cache import cache_dir
from site_gen.config import load_config

ARTICLES = {
    f"content/a{i}.txt": f"Story {i}\n\nThe council said on Monday that plan {i} would go ahead. "
    f"“We will build it,” said Jane Roe, the mayor.\n"
    for i in range(6)
}


def _tree(root: Path) -> dict[str, bytes]:
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files}


@pytest.fixture
def counted(monkeypatch):
    calls: list[str] = []
    real = pipeline.process_file

    def counting(path, *args, **kwargs):
        calls.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "process_file", counting)
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
    warm = _build(root)
    assert counted == [] and warm.cached == 6
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
