"""Folder defaults (``_defaults.toml``): source, license, language and URL prefix for every
article beneath a folder; deeper folders win key by key; anything the article says of itself
wins over them."""

from __future__ import annotations

import json

from site_gen.cli import main

TEXT = "Ferry line approved\n\nThe harbour board voted on Tuesday to open a ferry line.\n"


def _inspect(root, capsys) -> dict:
    assert main(["inspect", str(root / "content"), "--json"]) in (0, 1)
    out = capsys.readouterr().out
    return {r["file"]: r for r in map(json.loads, out.splitlines())}


def test_defaults_cascade_and_rank_below_the_article(make_project, capsys):
    root = make_project({
        "content/_defaults.toml": 'source = "Velmar Herald"\nlicense = "CC-BY-4.0"\nlang = "en"\n',
        "content/a.txt": TEXT,
        "content/wire/_defaults.toml": 'source = "Port Wire"\nurl_prefix = "https://wire.example/"\n',
        "content/wire/b-story.txt": TEXT.replace("Tuesday", "Monday"),
        "content/wire/c.md": "---\ntitle: Own\nsource: Island Post\nlicense: CC-BY-SA-4.0\n"
        "url: https://post.example/c\n---\n\nThe island council met on Friday to vote.\n",
    })
    records = _inspect(root, capsys)
    a, b, c = records["a.txt"], records["wire/b-story.txt"], records["wire/c.md"]
    assert (a["source"], a["license"], a["lang"], a["url"]) == (
        "Velmar Herald", "CC-BY-4.0", "en", None
    )
    assert (b["source"], b["license"], b["url"]) == (
        "Port Wire", "CC-BY-4.0", "https://wire.example/b-story"
    )
    assert (c["source"], c["license"], c["url"]) == (
        "Island Post", "CC-BY-SA-4.0", "https://post.example/c"
    )


def test_bad_defaults_file_is_reported_with_its_line(make_project, capsys, monkeypatch):
    root = make_project({
        "content/_defaults.toml": 'source = "Velmar Herald"\nlicense = 4\ncolour = "red"\n',
        "content/a.txt": TEXT,
    })
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    err = capsys.readouterr().err
    assert "_defaults.toml:2: warning: license must be a non-empty string" in err
    assert "_defaults.toml:3: warning: unknown key 'colour'" in err
    page = (root / "build" / "articles" / "ferry-line-approved" / "index.html").read_text()
    assert "Velmar Herald" in page


def test_broken_defaults_toml_is_an_error_and_the_article_still_builds(make_project, capsys,
                                                                       monkeypatch):
    root = make_project({"content/_defaults.toml": 'source = "x\n', "content/a.txt": TEXT})
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    assert "_defaults.toml:1: error: not valid TOML" in capsys.readouterr().err


def test_a_folder_language_ranks_above_the_registry_but_below_the_text(
    make_project, capsys, monkeypatch
):
    # precedence: ... text > folder default > registry. A text too short to tell its language
    # takes the folder's, not the outlet's usual one; a text that shows its language keeps it.
    root = make_project({
        "sources.toml": '[[outlet]]\nname = "Quessa Wire"\nlang = "de"\n',
        "content/_defaults.toml": 'lang = "fr"\n',
        "content/short.md": "---\ntitle: Ja.\nsource: Quessa Wire\n---\n\nJa.\n",
        "content/long.md": "---\ntitle: Ferry line approved\nsource: Quessa Wire\n---\n\n"
        + "The harbour board voted on Tuesday to open a ferry line to the island next spring,"
        " and the chair told reporters that the first boat would sail in April.\n",
    })
    monkeypatch.chdir(root)  # the project's sources.toml names the outlet's language
    records = _inspect(root, capsys)
    assert records["short.md"]["source"] == "Quessa Wire"
    assert records["short.md"]["lang"] == "fr"
    assert records["long.md"]["lang"] == "en"
