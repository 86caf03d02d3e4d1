"""``archive.update_archive``: the last archive brought up to date for a few changed files,
which a dev server uses instead of making the archive again; always what ``build_archive``
makes of the same results, or None when it cannot say."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from site_gen.archive import UPDATE_MAX_CHANGED, build_archive, update_archive
from site_gen.model import FileResult
from site_gen.process import process_file
from site_gen.registry import default_registry
from site_gen.stories import StorySettings

REGISTRY = default_registry()
OFF = StorySettings(enabled=False)

FILES = {
    "a.txt": (
        "Ferry plan backed\n\nPORT VELMAR, 3 March 2025 - The harbour council backed the ferry"
        " plan on Monday.\n\n“We will not wait another winter,” said Ilse Marrow, the council"
        " leader.\n\nThe vote was close.\n\nSource: Velmar Herald\n"),
    "b.txt": (
        "Ferry plan questioned\n\nPORT VELMAR, 4 March 2025 - Traders questioned the ferry"
        " plan.\n\n“It costs too much,” said Tomas Verrault, who runs a shop.\n\nMarrow said"
        " she would meet them.\n\nSource: Kestova Daily\n"),
    "c.txt": (
        "Library hours longer\n\nNORTHGATE, 5 March 2025 - The library will open longer.\n\n"
        "“Readers asked for it,” said Anneke Solberg, the librarian.\n\nSource: Velmar Herald\n"),
}


def _results(files: dict[str, str]) -> list[FileResult]:
    return [process_file(p, t.encode(), REGISTRY) for p, t in sorted(files.items())]


def _check(before: Sequence[FileResult], after: Sequence[FileResult]):
    """What ``update_archive`` makes of the archive of ``before`` for ``after``, checked
    against ``build_archive`` of ``after`` when it makes anything."""
    previous = build_archive(before, REGISTRY, (), OFF)
    updated = update_archive(previous, {r.path: r for r in before}, after)
    if updated is not None:
        assert updated == build_archive(after, REGISTRY, (), OFF)
    return updated


def _edited(before: Sequence[FileResult], files: dict[str, str], *changed: str):
    """The results after editing ``changed`` into ``files``: the others the same objects."""
    fresh = {r.path: r for r in _results(files)}
    return [fresh[b.path] if b.path in changed else b for b in before]


def test_an_edit_outside_the_quotes_updates_the_archive():
    before = _results(FILES)
    edited = dict(FILES, **{"a.txt": FILES["a.txt"].replace("was close", "was very close")})
    updated = _check(before, _edited(before, edited, "a.txt"))
    assert updated is not None
    [shown] = [a for a in updated.articles if a.path == "a.txt"]
    assert any("very close" in p.text for p in shown.paragraphs)


def test_a_quote_s_words_may_change_and_keep_their_speaker():
    before = _results(FILES)
    edited = dict(FILES, **{"b.txt": FILES["b.txt"].replace("costs too much", "costs a lot")})
    assert _check(before, _edited(before, edited, "b.txt")) is not None


def test_nothing_changed_gives_the_same_archive():
    before = _results(FILES)
    previous = build_archive(before, REGISTRY, (), OFF)
    assert update_archive(previous, {r.path: r for r in before}, list(before)) is previous


@pytest.mark.parametrize("old, new, file", [
    ("Ferry plan backed", "Ferry plan approved", "a.txt"),  # the title: the id and the order
    ("3 March 2025", "2 March 2025", "a.txt"),  # the date: the order
    ("Source: Velmar Herald", "Source: Brannoch Post", "c.txt"),  # the outlet
    ("said Ilse Marrow", "said Ilse Marrow-Penn", "a.txt"),  # a speaker's name
    ("Marrow said she", "Verrault said he", "b.txt"),  # a quote's speaker
    ("The vote was close.", "“The vote was close,” said Mira Quenby.", "a.txt"),  # a new quote
])
def test_a_change_the_archive_decides_across_articles_on_makes_it_again(old, new, file):
    before = _results(FILES)
    assert old in FILES[file]
    edited = dict(FILES, **{file: FILES[file].replace(old, new)})
    assert _check(before, _edited(before, edited, file)) is None


def test_added_or_removed_files_make_it_again():
    before = _results(FILES)
    assert _check(before, before[:2]) is None
    more = dict(FILES, **{"d.txt": FILES["c.txt"].replace("library", "pool")})
    assert _check(before, _results(more)) is None


def test_a_text_that_becomes_another_s_or_stops_being_one_makes_it_again():
    copies = dict(FILES, **{"d.txt": FILES["c.txt"]})  # the same text: one article, two files
    before = _results(copies)
    edited = dict(copies, **{"d.txt": FILES["c.txt"].replace("open longer", "open later")})
    after = _edited(before, edited, "d.txt")
    assert _check(before, after) is None  # the duplicate becomes an article of its own
    # and back: an article whose text becomes another's
    assert _check(after, before) is None


def test_two_edits_that_make_the_same_text_make_it_again():
    files = dict(FILES, **{"d.txt": FILES["c.txt"].replace("library", "pool")})
    before = _results(files)
    same = FILES["c.txt"].replace("open longer", "open on Sundays")
    edited = dict(files, **{"c.txt": same, "d.txt": same})
    assert _check(before, _edited(before, edited, "c.txt", "d.txt")) is None


def test_many_changed_files_make_it_again():
    files = {f"{n:02}.txt": FILES["c.txt"].replace("longer", f"longer, {n}")
             for n in range(UPDATE_MAX_CHANGED + 1)}
    before = _results(files)
    edited = {p: t.replace("will open", "is to open") for p, t in files.items()}
    assert _check(before, _edited(before, edited, *files)) is None
    assert _check(before, _edited(before, edited, *sorted(files)[:UPDATE_MAX_CHANGED])) is not None
