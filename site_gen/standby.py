"""The site before last, kept as the next build's starting folder (the "standby").

A build makes its new site in a folder of its own and swaps it in (``write``). Made from an
empty folder, that costs a folder and a hard link for every file of the site, and removing the
previous site costs as much again: at 10,000 articles, about 100,000 folders and files made
and removed for an edit of one article. So the previous site is not removed after the swap: it
is kept in the cache folder (``.<output>-cache/standby/``) with the record of what each of its
files was made from, and the next build starts from it. A file made from the same key as the
one there, untouched since, stays; any other is replaced (removed first and made or linked
again: a file of the standby may be the same file, a hard link, as one of the site being
served, so nothing is ever written over in place); what the new build does not place is
removed (``Staged.survey``). The result is the same files as a build from an empty folder.

The standby is trusted only with its record: the record is deleted before the first change to
the folder and written again only after a complete swap, so a build that fails or is killed
half-way leaves a folder without a record, which the next build removes. A lock (``flock``)
keeps a second build of the same output away from it; that build starts from an empty folder.
The folder is part of the cache: safe to delete at any time, and ``--no-cache`` does not use it.
"""

from __future__ import annotations

import os
import pickle
import shutil
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

from site_gen.cache import ResultCache, cache_dir, shared_record
from site_gen.locks import try_lock
from site_gen.tree_walk import Expected, Meta, Walk
from site_gen.write import is_site_gen_output

Record = dict[str, tuple[str, int, int]]
# Sites as they were made: each site's record (the object a build keeps) and its entries.
Surveys = Sequence[tuple[Record, Expected]]
STATE = "standby"


class Standby:
    """The standby of ``output``, while a build holds it (``take``, then ``keep`` or
    ``release``)."""

    def __init__(self, output: Path, cache: ResultCache) -> None:
        self.folder = cache_dir(output) / "standby"
        self.cache = cache
        self._lock: IO[bytes] | None = None

    def take(self) -> tuple[Path, Record] | None:
        """The standby folder and its record, for this build to make its site in; None when
        there is none to use (then a build whose previous site is kept makes it the standby).
        The record is deleted from the cache before the folder is returned."""
        if not self._locked():
            return None
        if not self.folder.exists():
            return None
        record = self._record()
        self.cache.put_state(None, STATE)
        if (
            record is None
            or self.cache.state(STATE) is not None  # the record could not be deleted
            or self.folder.is_symlink()
            or not self.folder.is_dir()
            or not is_site_gen_output(self.folder)
        ):
            self._remove()
            return None
        return self.folder, record

    def walk(self, surveys: Surveys = ()) -> Walk | None:
        """The standby's entries, walked by a helper process from now (see ``tree_walk``),
        with the lock held so that no other build changes it; None when there is nothing to
        walk or the lock is another build's. ``surveys``: what some sites held when they were
        made, each with its record: when the standby's record is one of them (the standby is
        that site), the helper sends only how the folder differs from it."""
        if not self._locked() or not self.folder.is_dir() or self.folder.is_symlink():
            return None
        record = self._record() if surveys else None
        like = next((seen for made, seen in surveys if made is record), None)
        return Walk(self.folder, like)

    def place(self) -> Path | None:
        """Where the site being replaced is to go after the swap (the standby folder, made
        free), or None when it is to be removed (the standby is another build's)."""
        if not self._locked():
            return None
        self.cache.put_state(None, STATE)
        self._remove()
        if self.folder.exists() or self.cache.state(STATE) is not None:
            return None
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        return self.folder

    def keep(self, record: Record) -> None:
        """The site just replaced is now the standby, with the record it was made with (a
        server writes the record after its reload message: ``cache.later``; until it is written
        the standby has none, and a build of another process would remove it)."""
        if self._lock is not None and self.folder.is_dir():
            cache = self.cache

            def write() -> None:
                data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
                cache.put_state(data, STATE)
                cache.hold_state(STATE, data, record)

            cache.later(write)
        self.release()

    def mirror(self, site: Path, entries: Mapping[str, Meta], record: Record) -> bool:
        """After a build that replaced no site (the first into its output): a copy of the new
        ``site`` made of hard links (its ``entries``, as the build's survey found them) becomes
        the standby, with the site's ``record``, so that the next build starts from it instead
        of linking every file into an empty folder. A folder and a link per entry (about a
        second at 10,000 articles); whether it was made."""
        place = self.place()
        if place is None:
            self.release()
            return False
        try:
            os.mkdir(place)
            folders = sorted(rel for rel, st in entries.items() if stat.S_ISDIR(st.st_mode))
            for rel in folders:
                os.mkdir(os.path.join(place, rel))
            for rel, st in entries.items():
                if not stat.S_ISDIR(st.st_mode):
                    os.link(os.path.join(site, rel), os.path.join(place, rel))
        except OSError:
            self.discard()  # no standby: the next build starts from an empty folder
            return False
        self.keep(record)
        return True

    def discard(self) -> None:
        """The standby was changed and the build did not finish: it goes."""
        if self._lock is not None:
            self._remove()
        self.release()

    def release(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing the file releases the lock
            self._lock = None

    def _locked(self) -> bool:
        if self._lock is None:
            self._lock = try_lock(self.folder.parent / "standby.lock")
        return self._lock is not None

    def _record(self) -> Record | None:
        try:
            record = self.cache.state_value(STATE, _record)
        except Exception:  # a damaged record is no record
            return None
        return record if isinstance(record, dict) else None

    def _remove(self) -> None:
        """Remove the standby folder: only a site of site-gen's (a folder with the marker) or a
        stray file or link; anything else found there is left alone, and not used."""
        if self.folder.is_symlink() or (
            os.path.lexists(self.folder) and not self.folder.is_dir()
        ):
            self.folder.unlink()
        elif self.folder.is_dir() and is_site_gen_output(self.folder):
            shutil.rmtree(self.folder, ignore_errors=True)


def _record(data: bytes) -> Record | None:
    record = pickle.loads(data)
    return shared_record(record.items()) if isinstance(record, dict) else None
