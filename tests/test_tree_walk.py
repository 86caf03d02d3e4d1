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


def test_a_walk_like_an_earlier_one_finds_what_a_walk_finds(tree):
    like = tree_walk.expected(tree_entries(tree))
    assert Walk(tree, like).result() == tree_entries(tree)
    (tree / "articles" / "a-story" / "index.html").write_text("<p>page, longer now</p>")
    (tree / "index.html").unlink()
    (tree / "empty").rmdir()
    (tree / "new").mkdir()
    (tree / "new" / "page.html").write_text("new")
    walk = Walk(tree, like)
    assert walk.result() == tree_entries(tree)
    assert like.entries != tree_entries(tree)  # (not changed by the walk)


def test_a_helper_that_fails_a_walk_like_an_earlier_one_leaves_it_here(tree, monkeypatch):
    like = tree_walk.expected(tree_entries(tree))
    (tree / "more.html").write_text("more")
    monkeypatch.setattr(sys, "executable", str(tree / "no-such-python"))
    assert Walk(tree, like).result() == tree_entries(tree)


def test_a_server_s_standby_walk_sends_how_the_folder_differs(make_project, monkeypatch):
    from site_gen import cache as cache_module
    from site_gen import standby

    root = make_project({
        "content/a.txt": "Ferry plan\n\nThe council met.\n\n“We will decide,” said Ada Quill.\n",
        "content/b.txt": "Tram plan\n\nThe board met.\n",
    })
    likes: list[bool] = []
    real = standby.Walk
    monkeypatch.setattr(standby, "Walk", lambda folder, like=None: likes.append(
        like is not None) or real(folder, like))
    cache_module.remember_results()
    try:
        for n in range(5):
            (root / "content" / "b.txt").write_text(f"Tram plan\n\nThe board met {n} times.\n")
            build_ok(root, changed={root / "content" / "b.txt"})
            if n == 2:  # a file of the site changed by hand: found when it is the standby
                for path in (root / "build").rglob("index.html"):
                    if "ferry" in str(path):  # a page no build makes again
                        path.write_text("changed by hand")
    finally:
        cache_module.remember_results(False)
    # the first build walks nothing, the second the standby the first left (a copy), then
    # each standby is a site this process made
    assert likes == [False, True, True, True]
    assert comparable_build(root / "build") == cold_build(root)
