from pathlib import Path

import pytest

from site_gen import write


def test_swap_replaces_output_only_when_complete(tmp_path: Path) -> None:
    out = tmp_path / "build"
    out.mkdir()
    (out / "old.html").write_text("old")
    stage = write.stage_dir(out)
    (stage / "index.html").write_bytes(b"new")
    (stage / "a" / "b").mkdir(parents=True)
    (stage / "a" / "b" / "index.html").write_bytes(b"deep")
    assert (out / "old.html").exists()  # untouched while the new build is staged
    write.swap_in(stage, out)
    assert (out / "index.html").read_bytes() == b"new"
    assert (out / "a/b/index.html").read_bytes() == b"deep"
    assert not (out / "old.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["build"]  # no temp folders left


def test_stage_is_world_readable(tmp_path: Path) -> None:
    stage = write.stage_dir(tmp_path / "build")
    assert stage.stat().st_mode & 0o755 == 0o755


def test_failed_write_leaves_previous_output(make_project, monkeypatch: pytest.MonkeyPatch) -> None:
    from site_gen import pipeline, staging
    from site_gen.config import load_config

    root = make_project(seeds=True)
    config = load_config(root / "site.toml")
    assert pipeline.build(config, jobs=1).ok
    before = {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()}
    written = []

    def full(stage: Path, rel: str, data: bytes, *rest) -> None:
        if len(written) == 3:
            raise OSError("disk full")
        written.append(rel)
        real(stage, rel, data, *rest)

    real = staging._write
    monkeypatch.setattr(staging, "_write", full)
    (root / "content" / "late.txt").write_text("Late news\n\nThe ferry sailed, she said.\n")
    report = pipeline.build(config, jobs=1, use_cache=False)
    assert not report.ok and "disk full" in (report.fatal or "") and len(written) == 3
    assert {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".build")) == [
        ".build-cache"]


def test_a_stage_file_no_other_path_links_to_is_written_over_in_place(tmp_path: Path) -> None:
    from site_gen.staging import _write

    stage = tmp_path / "stage"
    (stage / "a").mkdir(parents=True)
    own = stage / "a" / "own.html"
    own.write_bytes(b"a longer page that the stage alone holds")
    with open(own, "rb") as held:  # held open: its inode cannot be given to a new file
        _write(stage, "a/own.html", b"shorter")
        assert own.read_bytes() == b"shorter"
        assert held.read() == b"shorter"  # written in the same file, not a new one


def test_a_stage_file_shared_with_the_site_or_not_a_file_is_replaced(tmp_path: Path) -> None:
    from site_gen.staging import _write

    stage, site = tmp_path / "stage", tmp_path / "site"
    stage.mkdir()
    site.mkdir()
    (site / "page.html").write_bytes(b"served")
    (stage / "page.html").hardlink_to(site / "page.html")  # the same file as the site's
    _write(stage, "page.html", b"new")
    assert (stage / "page.html").read_bytes() == b"new"
    assert (site / "page.html").read_bytes() == b"served"  # the site being served is intact
    (tmp_path / "outside.html").write_bytes(b"outside")
    (stage / "link.html").symlink_to(tmp_path / "outside.html")
    _write(stage, "link.html", b"new")
    assert not (stage / "link.html").is_symlink() and (stage / "link.html").read_bytes() == b"new"
    assert (tmp_path / "outside.html").read_bytes() == b"outside"
    (stage / "folder.html").mkdir()
    (stage / "folder.html" / "x").write_bytes(b"x")
    _write(stage, "folder.html", b"new")
    assert (stage / "folder.html").read_bytes() == b"new"


def test_without_a_way_to_refuse_links_nothing_is_written_in_place(tmp_path: Path, monkeypatch):
    from site_gen import staging

    stage = tmp_path / "stage"
    stage.mkdir()
    own = stage / "own.html"
    own.write_bytes(b"old")
    monkeypatch.delattr(staging.os, "O_NOFOLLOW")
    with open(own, "rb") as held:
        staging._write(stage, "own.html", b"new")
        assert own.read_bytes() == b"new" and held.read() == b"old"  # a new file


def test_a_stage_still_being_written_when_discarded_is_removed_all_the_same(
    tmp_path, monkeypatch
):
    # Ctrl-C stops a build while a worker (or the search indexer) still finishes a file in its
    # stage: the first removal leaves a folder that the late file keeps from going
    import shutil

    stage = write.stage_dir(tmp_path / "site")
    real_rmtree = shutil.rmtree
    calls = []

    def rmtree_met_by_a_late_file(path, ignore_errors=False):
        calls.append(path)
        real_rmtree(path, ignore_errors=ignore_errors)
        if len(calls) == 1:  # the worker's file lands as the folder was being removed
            (Path(path) / "articles").mkdir(parents=True)
            (Path(path) / "articles" / "late.html").write_text("late")

    monkeypatch.setattr(write.shutil, "rmtree", rmtree_met_by_a_late_file)
    write.discard(stage)
    assert not stage.exists() and len(calls) == 2
    assert list(tmp_path.iterdir()) == []
