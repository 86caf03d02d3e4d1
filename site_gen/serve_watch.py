"""Noticing changes to the project's files, a burst at a time (``Watcher``).

The folders (content, templates, static) are watched with the system's file notifications
(inotify on Linux, FSEvents on macOS, through the ``watchfiles`` package): a change is known
within milliseconds and a quiet archive costs nothing to watch. Where notifications cannot be
had (the package missing, the system's limit of watches reached, a folder that does not exist
yet), and for the single files (``site.toml`` and the other configuration files, which editors
replace by renaming), the watcher looks: a snapshot maps every watched file to its size,
modification time and inode, and two snapshots differ exactly when something was written,
created, removed or renamed over. Editors' scratch files (``.name.swp``, ``name~``, vim's
``4913`` probe, hidden files) are left out: the content walk skips them, so they never change
the site, and an editor that saves by writing a scratch file and renaming it over the real one
shows up as one change of the real file.

A burst of changes (twenty files saved at once, a write and a rename) is one batch: it is over
when ``settle`` seconds pass without a new change.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Generator, Iterable, Iterator, Mapping
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


POLL_SECONDS = 0.25  # how often what is not notified is looked at
SETTLE_SECONDS = 0.1  # with notifications: a burst is over after this long without a change
POLL_SETTLE_SECONDS = 0.3  # looking: a burst is over when a look this long after finds nothing


class Watcher:
    """Batches of changed files under ``paths`` (folders and files), from ``start()`` on;
    ``skip``: folders never looked into. ``notify``: use the system's notifications for the
    folders when it can (else every path is looked at every ``poll`` seconds). ``settle``:
    the quiet time that ends a burst (default: ``SETTLE_SECONDS`` with notifications,
    ``POLL_SETTLE_SECONDS`` when looking)."""

    def __init__(
        self,
        paths: Iterable[Path],
        skip: Iterable[Path] = (),
        poll: float = POLL_SECONDS,
        settle: float | None = None,
        notify: bool = True,
    ) -> None:
        self.paths = tuple(paths)
        self.skip = tuple(skip)
        self.poll = poll
        self.settle = settle
        self.notify = notify
        self.notified: tuple[Path, ...] = ()  # the folders the system tells about
        self._stop = threading.Event()
        self._changes: Generator[set[tuple[object, str]], None, None] | None = None
        self._pending: set[Path] = set()
        self._before: dict[Path, Stamp] = {}

    def start(self) -> None:
        """Begin watching: every change from now on is in a batch."""
        folders = tuple(p for p in self.paths if p.is_dir()) if self.notify else ()
        self.notified = ()
        if self._changes is not None:
            self._changes.close()  # (again, with a folder more): the old watch ends
            self._changes = None
        if folders:
            try:
                import watchfiles

                skipped = [os.fspath(p.resolve()) for p in self.skip]

                def wanted(_change: object, path: str) -> bool:
                    name = os.path.basename(path)
                    return not is_scratch(name) and not any(
                        path == s or path.startswith(s + os.sep) for s in skipped)

                settle = self.settle if self.settle is not None else SETTLE_SECONDS
                self._changes = watchfiles.watch(
                    *folders, watch_filter=wanted, debounce=60_000,
                    step=max(1, int(settle * 1000)), stop_event=self._stop,
                    rust_timeout=max(1, int(self.poll * 1000)), yield_on_timeout=True,
                    raise_interrupt=True, recursive=True,
                )
                # The first call starts the system's watch (and returns after ``poll``).
                self._pending |= {Path(p) for _, p in next(self._changes)}
                self.notified = folders
            except Exception:  # no package, a limit reached, a system without notifications
                self._changes = None
        self._before = self._look()

    def _look(self) -> dict[Path, Stamp]:
        """A snapshot of what is not notified."""
        looked = [p for p in self.paths if p not in self.notified]
        return snapshot(looked, skip=self.skip) if looked else {}

    def stop(self) -> None:
        self._stop.set()

    def batches(self, stop: threading.Event) -> Iterator[set[Path]]:
        """Each burst of changes, as it settles, until ``stop`` is set (or ``stop()``)."""
        if self._changes is None:
            yield from self._looked(stop)
            return
        while not (stop.is_set() or self._stop.is_set()):
            changed, self._pending = self._pending, set()
            try:
                changed |= {Path(p) for _, p in next(self._changes)}
            except StopIteration:
                return
            after = self._look()
            changed |= changes(self._before, after)
            self._before = after
            if any(p.is_dir() and p not in self.notified for p in self.paths):
                # A watched folder that did not exist has appeared: watch it too.
                self.start()
            if changed and not stop.is_set():
                yield changed

    def _looked(self, stop: threading.Event) -> Iterator[set[Path]]:
        settle = self.settle if self.settle is not None else POLL_SETTLE_SECONDS
        while not (stop.wait(self.poll) or self._stop.is_set()):
            after = self._look()
            changed = changes(self._before, after)
            if not changed:
                continue
            # A burst (twenty files saved at once, a write and a rename) is one batch: look
            # again until a look finds nothing new.
            while not stop.wait(settle):
                latest = self._look()
                more = changes(after, latest)
                if not more:
                    break
                changed |= more
                after = latest
            if stop.is_set():
                return
            # Changes made while the batch is handled are found by the next look.
            self._before = after
            yield changed
