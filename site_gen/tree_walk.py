"""Every entry below a folder with its ``lstat``: here, or in a helper process beside the build.

An incremental build starts from the site before last (``standby``) and must know what each of
its tens of thousands of files and folders is now (size, time, inode) before it keeps any. That
walk is a system call and a little Python per entry: about half a second at 10,000 articles.
``Walk`` runs it in a separate process started when the build begins, so that it takes the
second core while this process builds the archive; the build reads the result when it needs
it. The helper imports nothing but this module and the standard library, and when it cannot
start or fails, the build walks the folder itself.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from pathlib import Path
from typing import NamedTuple

Entries = dict[str, "Meta"]


class Meta(NamedTuple):
    """What a build keeps of an output entry's ``lstat``: a full ``os.stat_result`` (times as
    floats too) takes three times the memory, and a site has tens of thousands of entries."""

    st_mode: int
    st_size: int
    st_mtime_ns: int
    st_ino: int


def meta_of(st: os.stat_result) -> Meta:
    return Meta(st.st_mode, st.st_size, st.st_mtime_ns, st.st_ino)


def tree_entries(folder: Path | str) -> Entries:
    """Every file and folder below ``folder`` by its path there, with its ``lstat``."""
    differ, _ = _differences(os.fspath(folder), {})  # every entry differs from none
    intern, make = sys.intern, Meta._make  # paths shared with the records' strings
    return {intern(rel): make(meta) for rel, meta in differ}


# The helper: this module, found from the package's parent folder, with no site packages.
_HELPER = ("import sys; sys.path.insert(0, sys.argv[1]); "
           "from site_gen.tree_walk import _main; _main()")


class Expected(NamedTuple):
    """What a folder is expected to hold (``entries``, and the same as ``rows``, the pickled
    list the helper reads), so that the helper sends back only how it differs."""

    entries: Entries
    rows: bytes


def expected(entries: Entries) -> Expected:
    rows = [(rel, tuple(st)) for rel, st in entries.items()]
    return Expected(entries, pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL))


class Walk:
    """``tree_entries(folder)`` in a helper process, started now. The caller must keep the
    folder unchanged until it has the result (a build holds the standby's lock).

    ``like``: what the folder held when last looked at (a dev server knows it: see
    ``pipeline``). The helper still looks at every entry, but sends only the entries that
    differ from it and those gone: making tens of thousands of entries from the helper's
    answer takes this process longer than the walk."""

    def __init__(self, folder: Path, like: Expected | None = None) -> None:
        self.folder = folder
        self.like = like
        package_parent = str(Path(__file__).resolve().parent.parent)
        command = [sys.executable, "-I", "-S", "-c", _HELPER, package_parent, os.fspath(folder)]
        try:
            self.process: subprocess.Popen[bytes] | None = subprocess.Popen(
                command + (["--diff"] if like is not None else []),
                stdin=subprocess.PIPE if like is not None else subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError:
            self.process = None
        if self.process is not None and like is not None:
            # Written from a thread: the pipe holds less than the rows, and the helper reads
            # them only once it has started.
            threading.Thread(target=_feed, args=(self.process, like.rows), daemon=True).start()

    def result(self) -> Entries:
        """The entries, from the helper when it succeeded, else walked here and now."""
        found = self._helped()
        return found if found is not None else tree_entries(self.folder)

    def _helped(self) -> Entries | None:
        process, self.process = self.process, None
        if process is None:
            return None
        try:
            assert process.stdout is not None
            with process.stdout:  # (its stdin, if any, is the feeding thread's to close)
                out = process.stdout.read()
            process.wait()
        except BaseException:
            process.kill()
            process.wait()
            raise
        if process.returncode != 0:
            return None
        try:
            answer = pickle.loads(out)
        except Exception:  # a helper that wrote something else: walk here
            return None
        intern, make = sys.intern, Meta._make
        if self.like is None:
            return {intern(rel): make(st) for rel, st in answer}
        differ, gone = answer
        found = dict(self.like.entries)
        for rel in gone:
            del found[rel]
        found.update((intern(rel), make(st)) for rel, st in differ)
        return found

    def cancel(self) -> None:
        """Not needed after all: the helper stops."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def _feed(process: subprocess.Popen[bytes], data: bytes) -> None:
    assert process.stdin is not None
    try:
        process.stdin.write(data)
        process.stdin.close()
    except OSError:  # the helper is gone: its exit status says so
        pass


def _differences(folder: str, like: dict[str, tuple]) -> tuple[list, list[str]]:
    """What ``tree_entries(folder)`` holds that differs from ``like`` (entry, metadata as a
    tuple), and the entries of ``like`` it does not hold; one pass, keeping only those (``like``
    is emptied)."""
    differ = []
    stack = [(folder, "")]
    while stack:
        path, prefix = stack.pop()
        with os.scandir(path) as listing:
            for entry in listing:
                rel = prefix + entry.name
                st = entry.stat(follow_symlinks=False)
                meta = (st.st_mode, st.st_size, st.st_mtime_ns, st.st_ino)
                if like.pop(rel, None) != meta:
                    differ.append((rel, meta))
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, rel + "/"))
    return differ, sorted(like)


def _main() -> None:
    folder = sys.argv[2]
    answer: object
    if sys.argv[3:] == ["--diff"]:
        answer = _differences(folder, dict(pickle.loads(sys.stdin.buffer.read())))
    else:
        answer = _differences(folder, {})[0]
    sys.stdout.buffer.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
