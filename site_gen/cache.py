"""A persistent cache of per-file results, so that a rebuild reads again only what changed.

The per-file stage (reader, quotes) is a pure function of one file's bytes, its sidecar, its
folder defaults, the outlet registry and the code. A result is stored under the SHA-256 of all
of these, in SQLite, in a folder beside the output (``.<output>-cache/results.sqlite``): an
unchanged file is not read again, a changed one (or changed code or ``sources.toml``) simply
misses. The cache is never trusted over the inputs: a stale entry cannot be found (its key
differs), an entry that does not load, or a database that is corrupt, is dropped and rebuilt.
It is safe to delete at any time; ``--no-cache`` builds without it.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import sys
import zlib
from collections.abc import Callable, Iterable
from functools import lru_cache, partial
from pathlib import Path

from site_gen.model import FileResult

SCHEMA = 3  # the shape of a stored FileResult: 2 adds the terms of stories and statements,
# 3 stores them uncompressed


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of site-gen's own code and data files: results of other code never match."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"schema {SCHEMA}".encode())
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml", ".json", ".txt") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_dir(output: Path) -> Path:
    return output.parent / f".{output.name}-cache"


# The per-file results of the last build of each cache, kept in memory by a process that builds
# again and again (the dev server: ``remember_results``), so that its next build takes them
# from here instead of loading and unpickling them from the database. Keys are the cache's keys
# (file, sidecar, defaults, registry, code), so a result here is the one the database would
# give. None: not kept (a one-shot build).
_REMEMBERED: dict[str, dict[str, FileResult]] | None = None


# What a cross-article stage left for the next build (``ResultCache.put_memo``), kept in
# memory beside the results by such a process: (cache path, name) -> the object.
_MEMOS: dict[tuple[str, str], object] = {}


def remember_results(on: bool = True) -> None:
    """Keep (or stop keeping) each build's per-file results, and the memos of its
    cross-article stages, in this process's memory."""
    global _REMEMBERED
    _REMEMBERED = {} if on else None
    _MEMOS.clear()


def keeps_results() -> bool:
    """Whether this process keeps its builds' results (see ``remember_results``)."""
    return _REMEMBERED is not None


def kept(path: Path, name: str) -> object | None:
    """What ``keep`` holds for the cache at ``path`` under ``name``."""
    return _MEMOS.get((str(path), "kept:" + name)) if _REMEMBERED is not None else None


def keep(path: Path, name: str, value: object | None) -> None:
    """Hold ``value`` for the next build of this process, in memory only, when the process
    keeps its builds' results (see ``remember_results``); nothing otherwise."""
    if _REMEMBERED is not None:
        _MEMOS[(str(path), "kept:" + name)] = value


class ResultCache:
    """Per-file results by key; every operation fails soft (a cache that cannot be used is a
    cache that misses)."""

    def __init__(self, path: Path, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.hits = 0
        self.handed_over = False  # whoever holds it now closes it (a build's deferred record)
        self._later: list[Callable[[], None]] = []  # writes for when it is closed (``later``)
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._connect()
        except (sqlite3.Error, OSError):
            self._reset()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path)
        db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB)")
        db.execute("SELECT count(*) FROM results").fetchone()  # a corrupt file fails here
        return db

    def _reset(self) -> None:
        """Drop a database that cannot be read and start an empty one (or none at all)."""
        self._close_db()
        try:
            self.path.unlink(missing_ok=True)
            self._db = self._connect()
        except (sqlite3.Error, OSError):
            self._db = None

    def key(self, *parts: bytes | str | None) -> str:
        digest = hashlib.sha256(self.salt.encode())
        for part in parts:
            data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
            digest.update(b"\x00" if data is None else len(data).to_bytes(8, "big") + data)
        return digest.hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, FileResult]:
        kept = _REMEMBERED.get(str(self.path)) if _REMEMBERED is not None else None
        remembered = {k: kept[k] for k in keys if k in kept} if kept else {}
        self.hits += len(remembered)
        keys = [k for k in keys if k not in remembered]
        found = dict(remembered)
        if self._db is None or not keys:
            return found
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT key, value FROM results WHERE key IN ({marks})", chunk
                ).fetchall()
                for key, value in rows:
                    result = _load(value)
                    if result is not None:
                        found[key] = result
        except sqlite3.Error:
            self._reset()
            return remembered
        self.hits += len(found) - len(remembered)
        return found

    def remember(self, results: dict[str, FileResult]) -> None:
        """This build's results by key, for the next build of this process (when kept, see
        ``remember_results``): only these, so that memory follows the archive."""
        if _REMEMBERED is not None:
            _REMEMBERED[str(self.path)] = results

    def put_many(self, items: Iterable[tuple[str, FileResult]]) -> None:
        if self._db is None:
            return
        # Stored as they are: an edit build loads every unchanged file's result, and on a
        # slow core decompressing them cost a third of what unpickling does (at 10,000
        # articles 65 MB of pickles; 28 MB compressed).
        rows = [(key, pickle.dumps(result, protocol=5)) for key, result in items]
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", rows)
        except sqlite3.Error:
            self._reset()

    def keep_only(self, keys: Iterable[str]) -> None:
        """Forget every entry but ``keys`` (the current inputs): the cache does not grow with
        every edit."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
                self._db.execute("DELETE FROM keep")
                self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((k,) for k in keys))
                self._db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM keep)")
        except sqlite3.Error:
            self._reset()

    # What the previous build wrote, so that an unchanged page is linked, not rendered again:
    # per output path, the key of what made it and the file's size and modification time.
    # One pickled list of rows (tens of thousands), not a table: writing and reading that many
    # rows cost SQLite a fifth of a second each way at 10,000 articles.
    def outputs(self) -> dict[str, tuple[str, int, int]]:
        try:
            record = self.state_value(OUTPUTS_STATE, _outputs_record)
        except Exception:  # a damaged record is no record: every page is made again
            return {}
        return record if isinstance(record, dict) else {}

    def put_outputs(
        self, rows: Iterable[tuple[str, str, int, int]],
    ) -> dict[str, tuple[str, int, int]] | None:
        """Record ``rows``; the record as ``outputs`` will give it when this process keeps
        it (see ``state_value``), else None."""
        rows = list(rows)
        data = pickle.dumps(rows, protocol=5)
        self.put_state(data, OUTPUTS_STATE)
        if _REMEMBERED is None:
            return None
        record = shared_record((path, (key, size, mtime)) for path, key, size, mtime in rows)
        self.hold_state(OUTPUTS_STATE, data, record)
        return record

    # A state made into an object (a record of tens of thousands of files: unpickling it and
    # sharing its strings take a tenth of a second). A process that keeps its builds' results
    # (``remember_results``) keeps the object with the bytes it was made from, and gives it
    # again while the database holds the same bytes: whoever writes the state another way
    # writes other bytes, and the object is made again from them. Objects given are not
    # changed by their users.
    def state_value(self, name: str, load: Callable[[bytes], object]) -> object | None:
        """The state ``name`` as ``load`` makes it from its bytes (None: no such state);
        ``load``'s exceptions pass."""
        data = self.state(name)
        if data is None:
            return None
        held = _MEMOS.get((str(self.path), "state:" + name)) if _REMEMBERED is not None else None
        if isinstance(held, tuple) and held[0] == data:
            return held[1]
        value = load(data)
        self.hold_state(name, data, value)
        return value

    def hold_state(self, name: str, data: bytes, value: object) -> None:
        """``value`` is what ``data``, just written as the state ``name``, makes."""
        if _REMEMBERED is not None:
            _MEMOS[(str(self.path), "state:" + name)] = (data, value)

    # What the last successful build left for the next: ``last``, what it was made from and
    # what it wrote (see fingerprint); ``exports``, where each article's lines are in the data
    # files (see exports.write_exports).
    def state(self, name: str = "last") -> bytes | None:
        if self._db is None:
            return None
        try:
            self._db.execute(_STATE_TABLE)
            row = self._db.execute("SELECT value FROM state WHERE name = ?", (name,)).fetchone()
        except sqlite3.Error:
            self._reset()
            return None
        return row[0] if row else None

    def memo(self, name: str) -> object | None:
        """What ``put_memo`` stored under ``name`` (from memory when this process keeps
        them); None when there is none or it does not load. Whoever reads it checks that it
        is still valid (a memo carries the code version and settings it was made with)."""
        key = (str(self.path), name)
        if _REMEMBERED is not None and key in _MEMOS:
            return _MEMOS[key]
        data = self.state("memo:" + name)
        if data is None:
            return None
        try:
            return pickle.loads(zlib.decompress(data))
        except Exception:  # a damaged memo is no memo
            return None

    def put_memo(self, name: str, value: object | None) -> None:
        """Store ``value`` under ``name``. A process that keeps them has it in memory at once
        and writes it to the database when the cache is closed (a server, after the reload:
        a memo of tens of thousands of entries takes tens of milliseconds to write)."""
        if _REMEMBERED is not None:
            _MEMOS[(str(self.path), name)] = value
        self.later(partial(self._write_memo, name, value))

    def _write_memo(self, name: str, value: object | None) -> None:
        data = None if value is None else zlib.compress(pickle.dumps(value, protocol=5), 1)
        self.put_state(data, "memo:" + name)

    # What a cross-article stage keeps for the next build of a process that builds again and
    # again (``remember_results``), in memory only: nothing when the process keeps nothing.
    def kept(self, name: str) -> object | None:
        return kept(self.path, name)

    def keep(self, name: str, value: object | None) -> None:
        keep(self.path, name, value)

    def put_state(self, value: bytes | None, name: str = "last") -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute(_STATE_TABLE)
                self._db.execute("DELETE FROM state WHERE name = ?", (name,))
                if value is not None:
                    self._db.execute("INSERT INTO state VALUES (?, ?)", (name, value))
        except sqlite3.Error:
            self._reset()

    def later(self, write: Callable[[], None]) -> None:
        """Run ``write`` (a write to the database that no one reads before the cache is
        closed) now, or, in a process that keeps its builds' results, when the cache is
        closed: a server's, after the reload message."""
        if _REMEMBERED is None:
            write()
        else:
            self._later.append(write)

    def close(self) -> None:
        later, self._later = self._later, []
        for write in later:
            write()
        self._close_db()

    def _close_db(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None


_STATE_TABLE = "CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value BLOB)"
OUTPUTS_STATE = "outputs"


def _outputs_record(data: bytes) -> dict[str, tuple[str, int, int]]:
    return shared_record((path, (key, size, mtime)) for path, key, size, mtime
                         in pickle.loads(data))


def _load(value: bytes) -> FileResult | None:
    try:
        result = pickle.loads(value)
    except Exception:  # a damaged entry is a miss, never an error
        return None
    return result if isinstance(result, FileResult) else None


def shared_record(
    items: Iterable[tuple[str, tuple[str, int, int]]],
) -> dict[str, tuple[str, int, int]]:
    """A record of output files (path -> key, size, time) whose path and key strings are
    shared with every other record that holds the same ones (``sys.intern``): a build holds
    two records of tens of thousands of files (the site's, the standby's), mostly alike, and
    the files of one group share a key."""
    intern = sys.intern
    return {intern(path): (intern(key), size, mtime) for path, (key, size, mtime) in items}
