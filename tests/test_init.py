"""``site-gen init``: a new archive that builds at once; never over existing files."""

from __future__ import annotations

from site_gen.cli import main


def test_init_creates_an_archive_that_builds(tmp_path, monkeypatch, capsys):
    root = tmp_path / "archive"
    assert main(["init", str(root)]) == 0
    out = capsys.readouterr().out
    assert "site-gen build" in out and "site-gen serve" in out
    assert (root / "site.toml").is_file() and (root / "templates").is_dir()
    assert len(list((root / "content").iterdir())) == 1
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    article = next((root / "build" / "articles").glob("*/index.html")).read_text()
    assert "Jane Roe" in article and "Velmar Herald" in article


def test_init_refuses_a_folder_with_files(tmp_path, capsys):
    (tmp_path / "keep.txt").write_text("mine")
    assert main(["init", str(tmp_path)]) == 2
    assert "not an empty folder" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
