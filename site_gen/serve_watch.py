"""Noticing changes to the project's files: snapshots of what is there, compared.

Polling, with the standard library only: a snapshot maps every watched file to its size,
modification time and inode, and two snapshots differ exactly when something was written,
created, removed or renamed over. Editors' scratch files (``.name.swp``, ``name~``, vim's
``4913`` probe, hidden files) are left out: the content walk skips them, so they never change
the site, and an editor that saves by writing a scratch file and renaming it over the real one
shows up as one change of the real file.

Waiting until a burst of changes has settled (the debounce) is the server's business; this
module only looks.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

Stamp = tuple[int, int, int]  # size, mtime in ns, inode
Snapshot = Mapping[Path, Stamp]

_SCRATCH_SUFFIXES = (".swp", ".swo", ".swx", ".tmp", ".part", ".crdownload", "~")
_SCRATCH_NAMES = frozenset(("4913", ".DS_Store"))


def is_scratch(name: str) -> bool:
    """A name an editor or the system writes beside the real files, never an input."""
    return (
        name.startswith((".", "#"))
        or name.endswith(_SCRATCH_SUFFIXES)
        or name in _SCRATCH_NAMES
    )


def snapshot(paths: Iterable[Path], skip: Iterable[Path] = ()) -> dict[Path, Stamp]:
    """Every file under the watched folders and every watched file that exists, stamped.

    ``skip``: folders never looked into (the output folder, when someone keeps it beside the
    content). Links are not followed into folders (a loop must not hang the watch); a link to a
    file is stamped with its target's state."""
    skipped = {p.resolve() for p in skip}
    out: dict[Path, Stamp] = {}
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue  # absent for now: its creation is a change
        if stat.S_ISDIR(st.st_mode):
            _walk(path, skipped, out)
        elif not is_scratch(path.name):
            out[path] = _stamp(st)
    return out


def _walk(folder: Path, skipped: set[Path], out: dict[Path, Stamp]) -> None:
    if folder.resolve() in skipped:
        return
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if is_scratch(entry.name):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                _walk(Path(entry.path), skipped, out)
            else:
                out[Path(entry.path)] = _stamp(entry.stat(follow_symlinks=True))
        except OSError:
            continue  # removed while we looked, or a dangling link: the next look sees it


def _stamp(st: os.stat_result) -> Stamp:
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def changes(before: Snapshot, after: Snapshot) -> set[Path]:
    """Files written, created or removed between two snapshots."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
