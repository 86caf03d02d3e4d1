"""The output folder: only site-gen's own output is ever replaced, the site is never missing,
and leftovers of interrupted builds are cleaned; the content walk stays inside the content."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from site_gen import write
from site_gen.cli import main
from site_gen.inputs import discover

ARTICLE = "Ferry line to open\n\nThe harbour office said on Monday the line opens in May.\n"


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("out", [".", "..", "content", "content/site", "content/a.txt"])
def test_dangerous_output_folders_are_refused_and_nothing_changes(
    make_project, monkeypatch, capsys, out
):
    root = make_project({"content/a.txt": ARTICLE, "notes.md": "my notes"})
    monkeypatch.chdir(root)
    before = _snapshot(root.parent)
    assert main(["build", "--content", "content", "--out", out]) == 2
    assert _snapshot(root.parent) == before
    err = capsys.readouterr()
    assert "refused" in err.out + err.err


def test_empty_output_setting_is_refused(make_project, monkeypatch):
    toml = 'content = "content"\noutput = ""\n'
    root = make_project({"content/a.txt": ARTICLE, "site.toml": toml})
    monkeypatch.chdir(root)
    before = _snapshot(root)
    assert main(["build"]) == 2
    assert _snapshot(root) == before


def test_a_folder_with_other_files_is_refused_an_empty_one_accepted(make_project, monkeypatch):
    root = make_project({"content/a.txt": ARTICLE, "mine/keep.txt": "keep"})
    monkeypatch.chdir(root)
    assert main(["build", "--out", "mine"]) == 2
    assert (root / "mine" / "keep.txt").read_text() == "keep"
    (root / "empty").mkdir()
    assert main(["build", "--out", "empty"]) == 0
    assert (root / "empty" / write.MARKER).is_file()
    assert (root / "empty" / "index.html").is_file()
    assert main(["build", "--out", "empty"]) == 0  # its own output: replaced


def test_a_build_of_a_release_before_the_marker_is_replaced(make_project, monkeypatch):
    root = make_project({"content/a.txt": ARTICLE})
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    (root / "build" / write.MARKER).unlink()
    (root / "build" / "feed.json").unlink()  # what an earlier release wrote: no JSON Feed yet
    for later in ("stories", "search", "pagefind", "archive"):  # nor stories, search, dates
        shutil.rmtree(root / "build" / later, ignore_errors=True)
    assert main(["build"]) == 0
    (root / "build" / write.MARKER).unlink()
    (root / "build" / "mine.txt").write_text("not ours")
    assert main(["build"]) == 2


def test_serve_refuses_the_same_folders(make_project, monkeypatch):
    root = make_project({"content/a.txt": ARTICLE})
    monkeypatch.chdir(root)
    assert main(["serve", "--out", "."]) == 2


def test_leftovers_of_dead_builds_are_removed_others_kept(tmp_path: Path):
    out = tmp_path / "build"
    dead = tmp_path / ".build-new-999999999-abcd1234"  # no such process
    dead.mkdir()
    (dead / write.MARKER).write_bytes(write.MARKER_TEXT)
    (dead / "index.html").write_text("half")
    unmarked = tmp_path / ".build-new-999999998-abcd1234"
    unmarked.mkdir()
    (unmarked / "mine.txt").write_text("not ours")
    alive = tmp_path / f".build-new-{os.getppid()}-abcd1234"
    alive.mkdir()
    (alive / write.MARKER).write_bytes(write.MARKER_TEXT)
    stage = write.stage_dir(out)
    assert not dead.exists()
    assert unmarked.exists() and alive.exists()
    assert (stage / write.MARKER).is_file()


def test_swap_falls_back_to_two_renames_and_restores_on_failure(tmp_path, monkeypatch):
    out = tmp_path / "build"
    out.mkdir()
    (out / write.MARKER).write_bytes(write.MARKER_TEXT)
    (out / "index.html").write_text("previous")
    monkeypatch.setattr(write, "_exchange", lambda a, b: False)
    stage = write.stage_dir(out)
    (stage / "index.html").write_text("new")
    real_rename = Path.rename

    def failing(self, target):
        if self == stage:
            raise OSError(28, "No space left on device")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", failing)
    with pytest.raises(OSError):
        write.swap_in(stage, out)
    assert (out / "index.html").read_text() == "previous"
    monkeypatch.setattr(Path, "rename", real_rename)
    write.swap_in(stage, out)
    assert (out / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


@pytest.mark.skipif(sys.platform != "linux", reason="renameat2 is Linux's")
def test_exchange_is_atomic_on_linux(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("a")
    (b / "x").write_text("b")
    assert write._exchange(a, b)
    assert (a / "x").read_text() == "b" and (b / "x").read_text() == "a"


def test_killed_builds_always_leave_a_complete_site(make_project):
    files = {
        f"content/a{i:03d}.txt": f"Story {i}\n\n{ARTICLE * 20}Officials said number {i}.\n"
        for i in range(120)
    }
    root = make_project(files)
    cmd = [sys.executable, "-m", "site_gen", "build", "-j", "1", "-q"]
    subprocess.run(cmd, cwd=root, check=True, capture_output=True)
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5, 1.8):
        proc = subprocess.Popen(cmd, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert (root / "build" / "index.html").is_file()
        assert (root / "build" / write.MARKER).is_file()
    subprocess.run(cmd, cwd=root, check=True, capture_output=True)
    temporary = (".build-new", ".build-old")
    assert [p.name for p in root.iterdir() if p.name.startswith(temporary)] == []


def test_walk_does_not_follow_symlinks_out_or_by_default(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.txt").write_text(ARTICLE)
    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    (content / "leak.txt").symlink_to(secret)
    (content / "inside.txt").symlink_to(content / "a.txt")
    (content / "loop").symlink_to(content)
    found, diags = discover(content)
    assert [p.name for p in found] == ["a.txt"]
    messages = {d.path: d.message for d in diags}
    assert "outside the content folder" in messages["leak.txt"]
    assert "not followed" in messages["inside.txt"]
    found, diags = discover(content, follow_symlinks=True)
    assert [p.name for p in found] == ["a.txt", "inside.txt"]
    assert "outside" in {d.path: d.message for d in diags}["leak.txt"]


def test_walk_reports_fifos_and_skips_output_folders(tmp_path: Path):
    content = tmp_path / "content"
    (content / "site").mkdir(parents=True)
    (content / "a.txt").write_text(ARTICLE)
    (content / "site" / write.MARKER).write_bytes(write.MARKER_TEXT)
    (content / "site" / "index.txt").write_text("an earlier build's file")
    os.mkfifo(content / "pipe.txt")
    found, diags = discover(content)
    assert [p.name for p in found] == ["a.txt"]
    assert any(d.path == "pipe.txt" and "FIFO" in d.message for d in diags)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_walk_reports_unreadable_folders(tmp_path: Path):
    content = tmp_path / "content"
    (content / "locked").mkdir(parents=True)
    (content / "locked").chmod(0)
    try:
        _, diags = discover(content)
    finally:
        (content / "locked").chmod(0o755)
    assert any(d.path == "locked" and "cannot be read" in d.message for d in diags)


def test_walk_reports_a_folder_it_cannot_read_even_as_root(tmp_path: Path, monkeypatch):
    content = tmp_path / "content"
    (content / "locked").mkdir(parents=True)
    (content / "a.txt").write_text(ARTICLE)
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found, diags = discover(content)
    assert [p.name for p in found] == ["a.txt"]
    assert any(d.path == "locked" and "cannot be read" in d.message for d in diags)
