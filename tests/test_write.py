from pathlib import Path

import pytest

from site_gen import write


def test_swap_replaces_output_only_when_complete(tmp_path: Path) -> None:
    out = tmp_path / "build"
    out.mkdir()
    (out / "old.html").write_text("old")
    stage = write.stage_dir(out)
    write.write_files(stage, {"index.html": b"new", "a/b/index.html": b"deep"})
    assert (out / "old.html").exists()  # untouched while the new build is staged
    write.swap_in(stage, out)
    assert (out / "index.html").read_bytes() == b"new"
    assert (out / "a/b/index.html").read_bytes() == b"deep"
    assert not (out / "old.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["build"]  # no temp folders left


def test_stage_is_world_readable(tmp_path: Path) -> None:
    stage = write.stage_dir(tmp_path / "build")
    assert stage.stat().st_mode & 0o755 == 0o755


def test_failed_write_leaves_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from site_gen import pipeline
    from site_gen.config import Config

    out = tmp_path / "build"
    out.mkdir()
    (out / "index.html").write_text("previous")

    def boom(stage: Path, files: dict) -> None:
        (stage / "half.html").write_text("half")
        raise OSError("disk full")

    monkeypatch.setattr(pipeline, "write_files", boom)
    with pytest.raises(OSError):
        pipeline._write(out, {"index.html": b"x"}, Config(root=tmp_path))
    assert (out / "index.html").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]
