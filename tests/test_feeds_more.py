"""Feeds for every reader: the archive's Atom feed, one per speaker and per source, and JSON
Feed 1.1; read back with feedparser (no bozo), ids unique and stable across builds."""

from __future__ import annotations

import json

import feedparser

from site_gen.cli import main

OUTLETS = ("Port Wire", "Velmar Herald")
ARTICLES = {
    f"content/a{i}.md": (
        f"---\ntitle: Story {i}\ndate: 2024-05-0{i + 1}\nsource: {OUTLETS[i % 2]}\n---\n\n"
        f"\u201cWe will build bridge {i},\u201d said Jane Roe, the mayor, on Monday.\n"
    )
    for i in range(4)
}


def _feeds(out):
    return sorted(p for p in out.rglob("feed.xml"))


def test_atom_feeds_per_speaker_and_source_parse_cleanly(make_project, monkeypatch):
    toml = 'content = "content"\noutput = "build"\nbase_url = "https://archive.example/"\n'
    root = make_project({**ARTICLES, "site.toml": toml})
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    out = root / "build"
    feeds = _feeds(out)
    names = {p.relative_to(out).as_posix() for p in feeds}
    assert "feed.xml" in names and any(n.startswith("speakers/") for n in names)
    assert sum(n.startswith("sources/") for n in names) == 2
    first_ids = {}
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        ids = [e.id for e in parsed.entries]
        assert len(ids) == len(set(ids)) and ids
        first_ids[path.relative_to(out).as_posix()] = ids
    speaker_feed = next(n for n in names if n.startswith("speakers/"))
    assert len(first_ids[speaker_feed]) == 4 and len(first_ids["feed.xml"]) == 4
    assert main(["build", "--no-cache"]) == 0
    again = {p.relative_to(out).as_posix(): [e.id for e in feedparser.parse(p.read_bytes()).entries]
             for p in _feeds(out)}
    assert again == first_ids  # stable across builds


def test_json_feed(make_project, monkeypatch):
    root = make_project(ARTICLES)
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    feed = json.loads((root / "build" / "feed.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    ids = [item["id"] for item in feed["items"]]
    assert len(ids) == 4 == len(set(ids))
    assert feed["items"][0]["date_published"] == "2024-05-04T00:00:00Z"
    assert all("url" not in item for item in feed["items"])  # no base_url: no full URLs
