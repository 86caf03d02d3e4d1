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
