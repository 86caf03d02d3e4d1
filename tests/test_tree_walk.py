"""The walk of a folder's entries, here or in a helper process beside the build."""

from __future__ import annotations

import os
import sys

import pytest

from site_gen import staging, tree_walk
from site_gen.tree_walk import Walk, tree_entries
from tests.sitecheck import build_ok, cold_build, comparable_build


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "site"
    (root / "articles" / "a-story").mkdir(parents=True)
    (root / "articles" / "a-story" / "index.html").write_text("<p>page</p>")
    (root / "empty").mkdir()
    (root / "index.html").write_text("front")
    os.link(root / "index.html", root / "twin.html")
    (root / "link").symlink_to("index.html")
    if sys.platform != "darwin":  # a name that is not UTF-8
        (root / os.fsdecode(b"caf\xe9.txt")).write_text("latin-1 name")
    return root


def test_the_helper_finds_what_a_walk_here_finds(tree):
    found = Walk(tree).result()
    assert found == tree_entries(tree)
    assert "articles/a-story/index.html" in found and "empty" in found and "link" in found


def test_a_helper_that_cannot_start_or_fails_leaves_the_walk_to_this_process(tree, monkeypatch):
    monkeypatch.setattr(sys, "executable", str(tree / "no-such-python"))
    assert Walk(tree).result() == tree_entries(tree)
    monkeypatch.undo()
    walk = Walk(tree / "missing")  # the helper exits with an error
    with pytest.raises(FileNotFoundError):  # and the walk here says why
        walk.result()


def test_a_walk_not_needed_stops_its_helper(tree):
    walk = Walk(tree)
    process = walk.process
    walk.cancel()
    assert process is not None and process.poll() is not None


def test_an_incremental_build_takes_the_standby_entries_from_the_helper(make_project, monkeypatch):
    root = make_project({
        "content/a.txt": "Ferry plan\n\nThe council met.\n\n“We will decide,” said Ada Quill.\n",
        "content/b.txt": "Tram plan\n\nThe board met.\n",
    })
    build_ok(root)
    (root / "content" / "b.txt").write_text("Tram plan\n\nThe board met again.\n")
    build_ok(root)  # the first build left the standby: this one starts from it

    def not_here(folder):
        raise AssertionError("walked in the build's own process")

    monkeypatch.setattr(staging, "tree_entries", not_here)
    monkeypatch.setattr(tree_walk, "tree_entries", not_here)  # the helper imports its own
    (root / "content" / "b.txt").write_text("Tram plan\n\nThe board met once more.\n")
    report = build_ok(root)
    assert report.linked > 0
    monkeypatch.undo()
    assert comparable_build(root / "build") == cold_build(root)
