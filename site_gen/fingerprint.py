"""Fingerprints from file metadata only, so that a rebuild with nothing changed reads no file.

``inputs_fingerprint`` digests what a build is made from: site-gen's code, the settings, the
search binary, and the path, size, modification and change times and inode of every entry under
the content folder, the template and static folders and the configuration files.
``tree_fingerprint`` digests the metadata of every entry of the output folder. When both equal
what the last successful build recorded, the output is that build's, made from these very
inputs, untouched since: the build has nothing to do. Any difference (a file saved, added,
removed, touched; the output edited by hand) and the build runs. Like make, this trusts file
metadata: a file rewritten with other bytes keeps neither its change time (which no program
sets back) nor, mostly, its modification time; ``--no-cache`` builds from scratch.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from site_gen.config import Config
from site_gen.tree_walk import Meta, tree_entries


def _walk(h: hashlib._Hash, folder: Path, follow: bool) -> None:
    """Every entry under ``folder`` in sorted order, with its metadata."""
    base = os.fspath(folder)
    for root, dirs, files in os.walk(base, followlinks=follow):
        dirs.sort()
        for name in sorted(files) + [""]:  # "": the folder itself (its entries' names)
            path = os.path.join(root, name) if name else root
            try:
                st = os.stat(path) if follow else os.lstat(path)
            except OSError:
                h.update(f"{path}\0gone\n".encode("utf-8", "surrogateescape"))
                continue
            h.update(
                f"{path}\0{st.st_mode}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0"
                f"{st.st_ino}\n".encode("utf-8", "surrogateescape")
            )


def _file(h: hashlib._Hash, path: Path) -> None:
    try:
        st = os.stat(path)
        h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\n"
                 .encode("utf-8", "surrogateescape"))
    except OSError:
        h.update(f"{path}\0none\n".encode("utf-8", "surrogateescape"))


def inputs_fingerprint(config: Config, code: str, extra: Iterable[object] = ()) -> str:
    """What a build of ``config`` is made from; ``extra``: options of the command (``--strict``,
    the search binary's identity)."""
    h = hashlib.sha256(f"{code}\0{config!r}\0{tuple(extra)!r}\n".encode(
        "utf-8", "surrogateescape"))
    _walk(h, config.content_dir, config.follow_symlinks)
    for folder in (*config.template_dirs, *config.static_dirs):
        _walk(h, folder, True)
    for path in (config.config_file, config.resolve(config.sources),
                 config.resolve(config.speakers)):
        if path is not None:
            _file(h, Path(path))
    return h.hexdigest()


def tree_fingerprint(folder: Path) -> str:
    """Every entry of a built site, as it is on disk."""
    try:
        entries = tree_entries(folder)
        root = os.lstat(folder)
    except OSError:
        return hashlib.sha256(b"gone").hexdigest()
    return entries_fingerprint(entries, root)


def entries_fingerprint(entries: Mapping[str, Meta], root: os.stat_result | Meta) -> str:
    """The fingerprint of a folder from the metadata of its entries (path below the folder ->
    ``lstat``) and of the folder itself: what ``tree_fingerprint`` computes, from metadata
    gathered elsewhere (a build gathers it while it finishes its folder, see
    ``Staged.survey``)."""
    h = hashlib.sha256()
    for rel in sorted(entries):
        st = entries[rel]
        h.update(f"{rel}\0{st.st_mode}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}\n".encode(
            "utf-8", "surrogateescape"))
    h.update(f"\0{root.st_mode}\0{root.st_mtime_ns}\0{root.st_ino}\n".encode())
    return h.hexdigest()
