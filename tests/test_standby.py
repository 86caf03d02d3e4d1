"""The site before last as the next build's starting folder (``site_gen.standby``): the result is
the cold build's, the site being served is never written to, and a standby that cannot be
trusted is never used."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_gen import pipeline
from site_gen.cache import cache_dir
from site_gen.config import load_config
from site_gen.search import find_binary
from tests.sitecheck import build_ok, cold_build, comparable_build

ARTICLE = (
    "Ferry council backs the harbour plan {n}\n\nPORT VELMAR, 3 March 2025 - The harbour"
    " council voted on Monday to back plan {n}.\n\n"
    "“We will not wait another winter for plan {n},” said Ilse Marrow, the council leader.\n\n"
    "Tom Reyl said the vote on plan {n} came too late.\n\nSource: Velmar Herald\n"
)
SITE = 'content = "content"\noutput = "build"\nper_page = 2\nsearch = false\n'


@pytest.fixture
def project(make_project):
    files: dict[str, str | bytes] = {f"content/a{n}.txt": ARTICLE.format(n=n) for n in range(5)}
    files["site.toml"] = SITE
    return make_project(files)


def _tree(folder: Path) -> tuple[dict[str, bytes], list[str]]:
    """Every file's bytes and every folder, for comparing whole trees."""
    files = {p.relative_to(folder).as_posix(): p.read_bytes()
             for p in sorted(folder.rglob("*")) if p.is_file()}
    folders = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir())
    return files, folders


def _standby(root: Path) -> Path:
    return cache_dir(root / "build") / "standby"


def _edit(root: Path, n: int, old: str, new: str) -> None:
    path = root / "content" / f"a{n}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_the_replaced_site_is_kept_and_the_next_build_starts_from_it(project, monkeypatch):
    build_ok(project)
    # Nothing was replaced: the standby is a copy of the new site made of hard links.
    first = _tree(project / "build")
    assert _tree(_standby(project)) == first
    index = "index.html"
    assert os.stat(_standby(project) / index).st_ino == os.stat(project / "build" / index).st_ino
    written: list[str] = []
    real = pipeline.Staged.add

    def add(self, path, key, make):
        real(self, path, key, lambda: written.append(path) or make())

    monkeypatch.setattr(pipeline.Staged, "add", add)
    _edit(project, 1, "too late", "far too late")
    build_ok(project)  # from the copy: the unchanged originals stay
    assert [p.rsplit("/", 1)[1] for p in written if p.startswith("originals/")] == ["a1.txt"]
    assert _tree(_standby(project)) == first  # the replaced site, as it was
    second = _tree(project / "build")
    _edit(project, 2, "too late", "much too late")
    (project / "content" / "a4.txt").unlink()
    written.clear()
    report = build_ok(project)
    # An original made from the same bytes as the standby's stays where it is: only the
    # edited article's is made.
    assert [p.rsplit("/", 1)[1] for p in written if p.startswith("originals/")] == ["a2.txt"]
    assert report.linked > 0
    assert _tree(_standby(project)) == second  # the site served during the build: untouched
    assert comparable_build(project / "build") == cold_build(project)
    cold_folders = _tree(project.parent / "cold" / "build")[1]
    assert _tree(project / "build")[1] == cold_folders  # no folder left over (a4's are gone)


def test_after_every_kind_of_change_the_result_is_the_cold_build(project):
    root = project
    steps = [
        lambda: _edit(root, 0, "plan 0", "plan zero"),
        lambda: (root / "content" / "a5.txt").write_text(ARTICLE.format(n=5)),
        lambda: (root / "static").mkdir() or (root / "static" / "extra.css").write_text("p{}"),
        lambda: (root / "content" / "a3.txt").unlink(),
        lambda: (root / "static" / "extra.css").unlink(),
        # where a file was, a folder: the standby's file is in the way of the new folder
        lambda: ((root / "static" / "extra.css").mkdir(),
                 (root / "static" / "extra.css" / "x.css").write_text("a{}")),
        lambda: (root / "site.toml").write_text(SITE.replace("per_page = 2", "per_page = 3")),
        lambda: (root / "speakers.toml").write_text(
            '[[speaker]]\nname = "Ilse K. Marrow"\naliases = ["Ilse Marrow"]\n'),
        lambda: None,
    ]
    build_ok(root)
    for i, step in enumerate(steps):
        step()
        build_ok(root)
        assert comparable_build(root / "build") == cold_build(root), i
        cold_folders = _tree(root.parent / "cold" / "build")[1]
        assert _tree(root / "build")[1] == cold_folders, i
        # What the build recorded of its files (kept ones from the walk at its start, the
        # rest looked at again) is the site as it is: the next build finds nothing changed.
        assert build_ok(root).unchanged, i


def test_a_file_added_to_the_site_by_hand_does_not_come_back(project):
    build_ok(project)
    (project / "build" / "notes.txt").write_text("mine")
    (project / "build" / "articles" / "stray").mkdir()
    _edit(project, 0, "too late", "late")
    build_ok(project)  # the site with the hand-made file is now the standby
    _edit(project, 1, "too late", "late")
    build_ok(project)  # made from it
    assert not (project / "build" / "notes.txt").exists()
    assert not (project / "build" / "articles" / "stray").exists()
    assert comparable_build(project / "build") == cold_build(project)


def test_a_file_changed_in_the_standby_is_made_again(project):
    build_ok(project)
    _edit(project, 0, "too late", "late")
    build_ok(project)
    page = next((_standby(project) / "articles").rglob("index.html"))
    rel = page.relative_to(_standby(project))
    page.unlink()
    page.write_text("tampered")  # a new file, another size and time than the record's
    _edit(project, 1, "too late", "late")
    build_ok(project)
    assert (project / "build" / rel).read_text() != "tampered"
    assert comparable_build(project / "build") == cold_build(project)


def test_a_standby_without_its_record_is_removed_not_used(project):
    build_ok(project)
    _edit(project, 0, "too late", "late")
    build_ok(project)
    # A build killed while it changed the standby: its record was deleted first.
    from site_gen.cache import ResultCache, code_version

    cache = ResultCache(cache_dir(project / "build") / "results.sqlite", code_version())
    cache.put_state(None, "standby")
    cache.close()
    (_standby(project) / "half-written.html").write_text("<p>half")
    _edit(project, 1, "too late", "late")
    build_ok(project)
    assert not (project / "build" / "half-written.html").exists()
    assert comparable_build(project / "build") == cold_build(project)


def test_a_failed_build_keeps_the_site_and_drops_the_standby_it_changed(project):
    build_ok(project)
    _edit(project, 0, "too late", "late")
    build_ok(project)
    served = _tree(project / "build")
    (project / "templates").mkdir()
    (project / "templates" / "article.html").write_text("{% if %}broken")
    _edit(project, 1, "too late", "late")
    report = pipeline.build(load_config(project / "site.toml"), jobs=1)
    assert not report.ok
    assert _tree(project / "build") == served
    assert not _standby(project).exists()
    (project / "templates" / "article.html").unlink()
    build_ok(project)
    assert comparable_build(project / "build") == cold_build(project)


def test_a_second_build_at_the_same_time_does_not_touch_the_standby(project):
    import fcntl

    build_ok(project)
    _edit(project, 0, "too late", "late")
    build_ok(project)
    kept = _tree(_standby(project))
    with open(cache_dir(project / "build") / "standby.lock", "ab") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)  # another build holds it
        _edit(project, 1, "too late", "late")
        build_ok(project)
        assert _tree(_standby(project)) == kept
        assert comparable_build(project / "build") == cold_build(project)
    _edit(project, 2, "too late", "late")
    build_ok(project)  # the standby is still the site it was recorded as: usable
    assert comparable_build(project / "build") == cold_build(project)


def test_without_the_cache_there_is_no_standby(project):
    build_ok(project, use_cache=False)
    _edit(project, 0, "too late", "late")
    build_ok(project, use_cache=False)
    assert not _standby(project).exists()
    assert [p.name for p in project.iterdir() if p.name.startswith(".build")] == []


@pytest.mark.skipif(find_binary() is None, reason="Pagefind is not installed")
def test_the_search_index_made_in_the_standby_is_the_cold_builds(project):
    (project / "site.toml").write_text(SITE.replace("search = false", "search = true"))
    build_ok(project)
    for n in range(3):
        _edit(project, n, "too late", "late")
        build_ok(project)
        assert comparable_build(project / "build") == cold_build(project), n
    assert os.listdir(project / "build" / "pagefind" / "fragment")
