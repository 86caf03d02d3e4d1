"""Duplicates and collisions: a second file with the same text is kept as evidence with its
hash; a text that differs (even only in letter case) is its own article; a slug collision
message names the file that holds the page."""

from __future__ import annotations

import hashlib

from site_gen.cli import main

TEXT = "Bridge vote\n\nThe council voted on Monday to rebuild the bridge, the mayor said.\n"


def test_a_duplicate_is_kept_in_originals_with_its_hash(make_project, monkeypatch, capsys):
    dup = TEXT.replace("\n\n", "\n\n\n")  # other bytes, same text
    root = make_project({"content/a/x.txt": TEXT, "content/b/x.txt": dup})
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    assert "b/x.txt: warning: same article text as a/x.txt" in capsys.readouterr().err
    originals = root / "build" / "originals" / "bridge-vote"
    assert (originals / "x.txt").read_text() == TEXT
    assert (originals / "also-1" / "x.txt").read_text() == dup
    page = (root / "build" / "articles" / "bridge-vote" / "index.html").read_text()
    assert hashlib.sha256(dup.encode()).hexdigest() in page
    assert 'href="../../originals/bridge-vote/also-1/x.txt"' in page


def test_letter_case_makes_another_article(make_project, monkeypatch, capsys):
    shout = "Bridge vote\n\n" + TEXT.split("\n\n", 1)[1].upper()
    root = make_project({"content/a.txt": TEXT, "content/b.txt": shout})
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    assert "same article text" not in capsys.readouterr().err
    assert len(list((root / "build" / "articles").iterdir())) == 2


def test_collision_message_names_the_file_that_holds_the_page(make_project, monkeypatch, capsys):
    # a.txt takes "bridge-vote", b.txt "bridge-vote-2"; c.txt's own slug is "bridge-vote-2".
    root = make_project({
        "content/a.txt": TEXT,
        "content/b.txt": TEXT.replace("Monday", "Tuesday"),
        "content/c.txt": "Bridge vote 2\n\nThe council voted again on Friday, officials said.\n",
    })
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    err = capsys.readouterr().err
    assert "c.txt: warning: its page would collide with b.txt (articles/bridge-vote-2/)" in err
