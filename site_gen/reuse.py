"""Reuse of the previous build's files: a page whose inputs to rendering did not change is
linked from the previous output instead of being rendered and written again.

A page's key is the SHA-256 of everything its bytes depend on: site-gen's code, the templates
(every file of every template folder), the template's name and the page's view (or data). The
previous build recorded each output path with its key and the file's size and modification
time; a page with the same key whose old file is untouched is hard-linked into the new build
(copied where links are not possible). Anything else is rendered. The output is therefore the
same bytes as a cold build, only faster to make.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

from site_gen.pages import Page


def templates_digest(template_dirs: Iterable[Path], code: str) -> str:
    digest = hashlib.sha256(code.encode())
    for folder in template_dirs:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\x00")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def page_key(page: Page, digest: str) -> str:
    h = hashlib.sha256(digest.encode())
    h.update(page.template.encode() + b"\x00")
    if isinstance(page.data, bytes):
        h.update(page.data)
    else:
        h.update(repr(page.view).encode("utf-8", "surrogatepass"))
        h.update(repr(page.data).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def bytes_key(data: bytes) -> str:
    return digest_key(hashlib.sha256(data).hexdigest())


def digest_key(sha256: str) -> str:
    """``bytes_key`` of bytes whose SHA-256 (hex) is known."""
    return "bytes:" + sha256


def untouched(output: Path, path: str, previous: Mapping[str, tuple[str, int, int]]) -> bool:
    """Whether the previous build's file for ``path`` is as it wrote it (size and time)."""
    old = previous.get(path)
    if old is None:
        return False
    try:
        st = os.stat(os.path.join(output, path))
    except OSError:
        return False
    return (st.st_size, st.st_mtime_ns) == (old[1], old[2])


def reusable(
    output: Path, path: str, key: str, previous: Mapping[str, tuple[str, int, int]]
) -> str | None:
    """The previous build's file for ``path`` when it was made from the same key and has not
    been touched since (same size and modification time)."""
    old = previous.get(path)
    if old is None or old[0] != key or not untouched(output, path, previous):
        return None
    return os.path.join(output, path)  # os.path, not pathlib: this runs for every file


def link_files(
    stage: Path, links: Mapping[str, str | Path], made: set[str] | None = None
) -> None:
    """Hard-link (else copy) each previous file into ``stage``, in place of whatever is at its
    path there (the stage may be the site before last, see ``standby``); ``made``: folders
    known to exist, shared between calls."""
    made = set() if made is None else made
    for rel, source in sorted(links.items()):
        target = os.path.join(stage, rel)
        make_parent(stage, target, made)
        try:
            os.link(source, target)
        except FileExistsError:
            clear(target)
            _link_or_copy(source, target)
        except OSError:
            shutil.copy2(source, target)


def _link_or_copy(source: str | Path, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def clear(target: str) -> None:
    """Remove what is at ``target`` (a file, a link or a folder) so that a new file can be made
    there. A file is never written over in place: in a stage made from an earlier site, it may
    be the same file (a hard link) as the site being served."""
    try:
        os.unlink(target)
    except FileNotFoundError:
        pass
    except (IsADirectoryError, PermissionError):
        if os.path.isdir(target) and not os.path.islink(target):
            shutil.rmtree(target)
        else:
            raise


def make_parent(stage: Path | str, target: str, made: set[str]) -> None:
    """Make the folder of ``target`` (under ``stage``) unless ``made`` says it exists; a file
    in the way (where an earlier site had a file, this one has a folder) is removed."""
    parent = os.path.dirname(target)
    if parent in made:
        return
    try:
        os.makedirs(parent, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        base = os.fspath(stage)
        rel = os.path.relpath(parent, base)
        step = base
        for part in rel.split(os.sep):
            step = os.path.join(step, part)
            if os.path.lexists(step) and not os.path.isdir(step):
                os.unlink(step)
        os.makedirs(parent, exist_ok=True)
    made.add(parent)
