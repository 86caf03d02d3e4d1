"""The new build's files, written into its temporary folder as they are made (never all held in
memory), or linked from the previous build when made from the same key (see ``reuse``).

Pages come in groups (``pages.Group``). A group with a key that the previous build recorded,
whose files are untouched, is linked whole without making its views; any other group is made
and rendered. When many groups are to be made (a cold build, a template edit), they are made
by worker processes, each with its own template environment, which write their files into the
temporary folder themselves; the files are the same bytes whichever process writes them, and
each path's key is gathered for the next build.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import stat
import sys
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from site_gen.cache import code_version
from site_gen.pages import Group, Page
from site_gen.progress import no_progress
from site_gen.render import environment_for, render_page
from site_gen.reuse import clear, link_files, make_parent, page_key, reusable
from site_gen.tree_walk import Meta, meta_of, tree_entries
from site_gen.write import MARKER

if TYPE_CHECKING:
    from jinja2 import Environment

PARALLEL_MIN_GROUPS = 400  # below this, starting worker processes costs more than it saves
CHUNK_GROUPS = 64  # groups a worker makes per task


def _write(stage: Path, rel: str, data: bytes, made: set[str] | None = None) -> None:
    """``data`` at ``rel`` in the stage. A file there that the stage alone holds is written
    over in place; anything else there is removed first (see ``reuse.clear``): a file with
    other links may be the same file as the site being served."""
    target = os.path.join(stage, rel)
    make_parent(stage, target, set() if made is None else made)
    try:
        out = open(target, "xb")
    except FileExistsError:
        if _overwrite(target, data):
            return
        clear(target)
        out = open(target, "xb")
    with out:
        out.write(data)


def _overwrite(target: str, data: bytes) -> bool:
    """Write ``data`` over the regular file at ``target`` when no other path links to it
    (its blocks are reused: on ext4, removing a file and making it again costs ten times
    more); False, touching nothing, for anything else (a link, a folder, a shared file)."""
    nofollow = getattr(os, "O_NOFOLLOW", None)
    if nofollow is None:  # no way to refuse a link when opening (Windows): never in place
        return False
    try:
        fd = os.open(target, os.O_RDWR | nofollow | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1:
            return False
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.ftruncate(fd, len(data))
        return True
    finally:
        os.close(fd)


@dataclass
class Staged:
    """The files of a build being made in ``stage``, the keys they were made from, and the
    previous build's record (``previous``: path -> key, size, modification time)."""

    output: Path
    stage: Path
    previous: dict[str, tuple[str, int, int]]
    # What the stage holds already when it is the site before last (``standby``): its record,
    # path -> key, size, modification time. None: the stage started empty.
    held: Mapping[str, tuple[str, int, int]] | None = None
    keys: dict[str, str] = field(default_factory=dict)
    extra: set[str] = field(default_factory=set)  # files and folders placed without a key
    made: int = 0  # files written
    linked: int = 0  # files linked from the previous build (or kept in the stage)
    by_key: dict[str, list[str]] | None = None
    folders: set[str] = field(default_factory=set)  # folders of the stage known to exist
    # In a stage that started as an earlier site: its entries as they were then (one walk,
    # ``lstat`` each; given, or walked when the stage is made), and the files this build kept
    # from them without touching them, whose metadata the survey therefore knows without
    # looking again.
    present: dict[str, Meta] = field(default_factory=dict)
    untouched_files: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.held is not None and not self.present:
            self.present = tree_entries(self.stage)  # before any worker process is forked

    def placed(self) -> None:
        """Every file is in the stage: what was only needed to place them (what the stage held,
        the previous paths by key) goes; ``survey`` and ``record`` remain."""
        self.by_key = None
        if self.held is not None:
            self.held = {}  # (empty, not None: the stage still started as an earlier site)

    def kept(self, path: str, key: str) -> bool:
        """Whether the stage holds the file for ``path`` made from ``key`` already, untouched
        (as the record says it was made: same size and modification time, a regular file)."""
        if self.held is None:
            return False
        old = self.held.get(path)
        if old is None or old[0] != key:
            return False
        st = self.present.get(path)
        return (st is not None and stat.S_ISREG(st.st_mode)
                and st.st_size == old[1] and st.st_mtime_ns == old[2])

    def replaced(self, path: str) -> None:
        """A file kept earlier in this build is made again (its metadata is looked up anew)."""
        self.untouched_files.discard(path)

    def add(self, path: str, key: str, make: Callable[[], bytes]) -> None:
        """One file: kept or linked when an earlier build made it from ``key``, else made."""
        self.keys[path] = key
        if self.kept(path, key):
            self.untouched_files.add(path)
            self.linked += 1
            return
        self.replaced(path)
        old = reusable(self.output, path, key, self.previous)
        if old is not None:
            link_files(self.stage, {path: old}, self.folders)
            self.linked += 1
        else:
            _write(self.stage, path, make(), self.folders)
            self.made += 1

    def link_groups(self, groups: Sequence[Group], digest: str) -> tuple[list[str], list[Group]]:
        """Link the groups the previous build made from the same key: their paths, and the
        groups left to make."""
        paths: list[str] = []
        todo: list[Group] = []
        for group in groups:
            linked = None if group.key is None else self.link_previous(group_key(group, digest))
            if linked is None:
                todo.append(group)
            else:
                paths += linked
        return paths, todo

    @staticmethod
    def in_workers(todo: Sequence[Group], jobs: int) -> bool:
        """Whether ``make_groups`` makes ``todo`` in worker processes."""
        return jobs > 1 and len(todo) >= PARALLEL_MIN_GROUPS and _can_fork()

    def make_groups(
        self,
        todo: Sequence[Group],
        digest: str,
        template_dirs: Sequence[Path],
        jobs: int,
        progress: Callable[[str, int, int], None] = no_progress,
    ) -> list[str]:
        """Make the groups ``todo`` (in worker processes when there are many): their paths."""
        if self.in_workers(todo, jobs):
            done = _make_in_workers(todo, digest, template_dirs, self, jobs, progress)
        else:
            env = environment_for(template_dirs, digest)
            done = []
            for i, g in enumerate(todo, 1):
                done.append(_make_group(g, digest, env, self))
                progress("render", i, len(todo))
        paths: list[str] = []
        for rows in done:
            for path, key, written in rows:
                self.keys[path] = key
                self.made += written
                self.linked += 1 - written
                paths.append(path)
        return paths

    def link_previous(self, key: str, required: Sequence[str] = ()) -> list[str] | None:
        """Link every file the previous build made from ``key`` (a group's pages, a part of the
        search index, the data files), when there are some, ``required`` among them, and all
        are untouched; their paths, or None when they must be made."""
        old = self._previous_paths().get(key, [])
        if not old or not set(required) <= set(old):
            return None
        links: dict[str, str] = {}
        kept = []
        for path in old:
            if self.kept(path, key):
                kept.append(path)
                continue
            source = reusable(self.output, path, key, self.previous)
            if source is None:
                return None
            links[path] = source
        link_files(self.stage, links, self.folders)
        self.untouched_files.update(kept)
        self.untouched_files.difference_update(links)
        self.keys.update(dict.fromkeys(old, key))
        self.linked += len(old)
        return old

    def copy_trees(self, trees: Iterable[tuple[Path, str]]) -> None:
        """Copy each source folder to ``<stage>/<dest>`` (files with their times, folders, as
        ``shutil.copytree`` does); later trees override earlier files."""
        for src, dest in trees:
            if not src.is_dir():
                continue
            for root, dirs, files in os.walk(src, followlinks=True):
                dirs.sort()
                rel_root = os.path.normpath(os.path.join(dest, os.path.relpath(root, src)))
                folder = os.path.join(self.stage, rel_root)
                make_parent(self.stage, os.path.join(folder, "x"), self.folders)
                self.extra.add(rel_root)
                for name in sorted(files):
                    target = os.path.join(folder, name)
                    if os.path.lexists(target):
                        clear(target)
                    shutil.copy2(os.path.join(root, name), target)
                    rel = os.path.join(rel_root, name)
                    self.extra.add(rel)
                    self.replaced(rel)

    def prune(self) -> None:
        """In a stage that started as an earlier site, every file this build did not place is
        removed: what stays is the new site's files (and folders, some of them perhaps left
        empty: ``survey`` removes those)."""
        if self.held is None:
            return
        keep = self.keys.keys() | self.extra | {MARKER}
        stage = os.fspath(self.stage)
        for rel, st in self.present.items():
            if not stat.S_ISDIR(st.st_mode) and rel not in keep:
                try:
                    os.unlink(os.path.join(stage, rel))
                except FileNotFoundError:
                    pass

    def survey(self, root: Path | None = None) -> dict[str, Meta]:
        """The stage's files and folders (at ``root`` once it is swapped in, else where it is)
        by path, with their metadata (``lstat``), after ``prune``. In a stage that started as
        an earlier site the folders left empty are removed first (a cold build has none), and
        the files kept untouched are not looked at again: their metadata is what the walk at
        the start found (``present``); every other file and every folder is."""
        where = os.fspath(root if root is not None else self.stage)
        if self.held is None:
            return tree_entries(where)
        keep = self.keys.keys() | self.extra | {MARKER}
        folders_before = [rel for rel, st in self.present.items() if stat.S_ISDIR(st.st_mode)]
        found: dict[str, Meta] = {}
        intern, present, untouched_files = sys.intern, self.present, self.untouched_files
        wanted: set[str] = set()  # the folders that hold what stays
        for rel in keep:
            if rel in untouched_files and rel not in self.extra:
                found[intern(rel)] = present[rel]
            else:
                try:
                    st = os.lstat(os.path.join(where, rel))
                except FileNotFoundError:
                    continue
                if stat.S_ISDIR(st.st_mode):
                    wanted.add(rel)
                    continue
                found[intern(rel)] = meta_of(st)
            cut = rel.rfind("/")
            while cut > 0 and (parent := rel[:cut]) not in wanted:
                wanted.add(parent)
                cut = rel.rfind("/", 0, cut)
        # Folders of the earlier site that hold nothing now go, deepest first (one that is not
        # empty after all holds something no build placed: it stays, and shows in the record).
        for rel in sorted(set(folders_before) - wanted, key=lambda r: -r.count("/")):
            try:
                os.rmdir(os.path.join(where, rel))
            except FileNotFoundError:
                pass
            except OSError:
                wanted.add(rel)
        for rel in wanted:
            try:
                found[intern(rel)] = meta_of(os.lstat(os.path.join(where, rel)))
            except FileNotFoundError:
                pass
        self.present, self.untouched_files = {}, set()  # what the walk found goes
        return found

    def record(self, found: Mapping[str, Meta]) -> list[tuple[str, str, int, int]]:
        """Rows for the next build: each file made from a key, with its size and time (in no
        particular order: the next build looks them up by path)."""
        rows = []
        for rel, key in self.keys.items():
            st = found.get(rel)
            if st is not None:
                rows.append((rel, key, st.st_size, st.st_mtime_ns))
        return rows

    def _previous_paths(self) -> dict[str, list[str]]:
        """The previous build's paths by key (made once)."""
        if self.by_key is None:
            by_key: dict[str, list[str]] = defaultdict(list)
            for path, (key, _size, _mtime) in self.previous.items():
                by_key[key].append(path)
            for paths in by_key.values():  # each key's few paths in order (not the whole record)
                paths.sort()
            self.by_key = by_key
        return self.by_key


def group_key(group: Group, digest: str) -> str:
    """A group's key in the record: what it is made from, with the templates' ``digest``
    (which covers the code too), or, for data files made without a template, the code's
    version alone."""
    made_with = digest if group.templated else "data:" + code_version()
    return "group:" + hashlib.sha256(f"{made_with}\0{group.key}".encode()).hexdigest()


def _make_group(
    group: Group, digest: str, env: Environment, staged: Staged
) -> list[tuple[str, str, int]]:
    """Make and render a group's pages into the stage: (path, key, 1 if written else 0) each.
    A group without a key keys each page by its view, and links a page whose view did not
    change."""
    pages: list[Page] = group.make()
    rows = []
    for p in pages:
        if group.key is None:
            key = page_key(p, digest)
            if staged.kept(p.path, key):
                rows.append((p.path, key, 0))
                continue
            old = reusable(staged.output, p.path, key, staged.previous)
            if old is not None:
                link_files(staged.stage, {p.path: old}, staged.folders)
                rows.append((p.path, key, 0))
                continue
        else:
            key = group_key(group, digest)
        _write(staged.stage, p.path, render_page(env, p), staged.folders)
        rows.append((p.path, key, 1))
    return rows


def _can_fork() -> bool:
    """Worker processes are forked, so they share the archive without copying it; only from a
    process with one thread (a fork copies no other thread, nor what it was holding)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


# What a forked worker inherits: the groups to make and where to put them.
_FORKED: tuple[Sequence[Group], str, Sequence[Path], Staged] | None = None


def _make_in_workers(
    todo: Sequence[Group],
    digest: str,
    template_dirs: Sequence[Path],
    staged: Staged,
    jobs: int,
    progress: Callable[[str, int, int], None] = no_progress,
) -> list[list[tuple[str, str, int]]]:
    global _FORKED
    _FORKED = (todo, digest, template_dirs, staged)
    chunks = [range(i, min(i + CHUNK_GROUPS, len(todo))) for i in range(0, len(todo), CHUNK_GROUPS)]
    try:
        context = multiprocessing.get_context("fork")
        done: list[list[tuple[str, str, int]]] = []
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            for chunk in pool.map(_make_chunk, chunks):  # in order
                done += chunk
                progress("render", len(done), len(todo))
        return done
    finally:
        _FORKED = None


def _make_chunk(indices: range) -> list[list[tuple[str, str, int]]]:
    assert _FORKED is not None
    todo, digest, template_dirs, staged = _FORKED
    env = environment_for(template_dirs, digest)  # compiled once per worker (or inherited)
    return [_make_group(todo[i], digest, env, staged) for i in indices]
