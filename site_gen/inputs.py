"""Finding and reading the input files: the content folder's articles and their sidecars.

The walk stays inside the content folder: symbolic links are not followed unless the
configuration allows it, and never to a target outside the content folder; hidden entries,
site-gen's own output folders (recognised by their marker) and anything that is not a regular
file (a FIFO, a device, a socket) are skipped, the last ones with a message that names them, as
are folders that cannot be read and symlink loops. Only this module and ``write`` touch the
content and output folders.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from site_gen.model import Diagnostic
from site_gen.reader import READABLE_SUFFIXES, SIDECAR_SUFFIXES
from site_gen.reader.defaults import DEFAULTS_NAME
from site_gen.write import is_site_gen_output

# No news article comes near this; a larger file is a mistake (a dump, a video) or hostile, and
# reading it would stall the whole build.
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEFAULTS_BYTES = 64 * 1024  # a few keys; more is not a defaults file


# A file's metadata as a build found it: size, modification and change times, inode and
# device. The same metadata means the same bytes, as make and the no-change check trust it.
Stamp = tuple[int, int, int, int, int]
# What a build recorded of its article files, for the next (``load_inputs``): path -> (the
# file's stamp, the SHA-256 of its bytes).
Known = Mapping[str, tuple[Stamp, str]]


@dataclass(frozen=True)
class InputFile:
    path: str  # content-relative POSIX path
    # The file's bytes; None when they were not read, the file being as the last build found
    # it (``load_inputs``): ``read`` reads them when they are needed after all.
    data: bytes | None
    sidecar: bytes | None = None
    sidecar_path: str | None = None
    # The _defaults.toml files of the folders above it (content-relative path, bytes),
    # outermost first.
    defaults: tuple[tuple[str, bytes], ...] = ()
    digest: str = ""  # the SHA-256 of its bytes (hex)
    origin: str | None = None  # the file on disk
    stamp: Stamp | None = None  # its metadata when it was found

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.origin is not None
        with open(self.origin, "rb") as fh:
            return fh.read()

    def loaded(self) -> InputFile:
        """This input with its bytes, to be sent where the file is not at hand (as it is when
        they cannot be read: the per-file stage says so)."""
        if self.data is not None:
            return self
        try:
            return replace(self, data=self.read())
        except OSError:
            return self


def _stamp(st: os.stat_result) -> Stamp:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def input_record(inputs: list[InputFile]) -> dict[str, tuple[Stamp, str]]:
    """What ``load_inputs`` needs of these inputs next time to skip reading unchanged files."""
    return {f.path: (f.stamp, f.digest) for f in inputs if f.stamp is not None}


def _article_name(name: str) -> bool:
    low = name.lower()
    return low.endswith(READABLE_SUFFIXES) and not low.endswith(SIDECAR_SUFFIXES)


def _kind(mode: int) -> str | None:
    """What a non-regular, non-folder entry is, for the message."""
    for test, name in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return None


def discover(
    content_dir: Path, follow_symlinks: bool = False
) -> tuple[list[Path], list[Diagnostic]]:
    """Every article file under the folder, recursively, in sorted order, and messages about
    the entries that were skipped for a reason the user should know."""
    root = content_dir.resolve()
    found: list[Path] = []
    diagnostics: list[Diagnostic] = []
    seen_dirs: set[tuple[int, int]] = set()

    prefix = os.path.join(os.fspath(content_dir), "")

    def rel(p: Path) -> str:
        text = os.fspath(p)  # below content_dir: a string prefix, cheaper than relative_to
        if text.startswith(prefix) and os.sep == "/":
            return text[len(prefix):]
        return p.relative_to(content_dir).as_posix()

    def walk(folder: Path) -> None:
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen_dirs:
                diagnostics.append(Diagnostic("warning", rel(folder), "symlink loop: skipped"))
                return
            seen_dirs.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            message = f"folder cannot be read: {exc.strerror or exc}; skipped"
            diagnostics.append(Diagnostic("warning", rel(folder) or ".", message))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            try:
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISLNK(st.st_mode):
                    if not _symlink_ok(path, root, follow_symlinks, diagnostics, rel(path)):
                        continue
                    st = path.stat()
            except OSError as exc:
                diagnostics.append(
                    Diagnostic("warning", rel(path), f"cannot be read: {exc.strerror or exc}")
                )
                continue
            if stat.S_ISDIR(st.st_mode):
                if not is_site_gen_output(path):
                    walk(path)
            elif stat.S_ISREG(st.st_mode):
                if _article_name(entry.name):
                    found.append(path)
            elif _article_name(entry.name) or _kind(st.st_mode):
                what = _kind(st.st_mode) or "not a regular file"
                diagnostics.append(Diagnostic("warning", rel(path), f"{what}: skipped"))

    walk(content_dir)
    keyed = sorted((rel(p), p) for p in found)
    return [p for _, p in keyed], diagnostics


def _symlink_ok(
    path: Path, root: Path, follow: bool, diagnostics: list[Diagnostic], name: str
) -> bool:
    """A symbolic link is followed only when allowed, and only to a target inside the content
    folder; otherwise a message says why it was skipped (for links that look like articles or
    folders: other links are not the user's articles)."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        diagnostics.append(Diagnostic("warning", name, "broken symlink or symlink loop: skipped"))
        return False
    looks_relevant = target.is_dir() or _article_name(path.name)
    if not (target == root or root in target.parents):
        if looks_relevant:
            message = "symlink to a target outside the content folder: not followed"
            diagnostics.append(Diagnostic("warning", name, message))
        return False
    if not follow:
        if looks_relevant:
            message = "symlink not followed (set follow_symlinks = true in site.toml to follow links that stay inside the content folder)"  # noqa: E501
            diagnostics.append(Diagnostic("warning", name, message))
        return False
    return True


def sidecar_for(path: Path, names: set[str] | None = None) -> Path | None:
    """The article's sidecar file, if any; ``names``: the names in its folder, when known (only
    a name among them is looked at on disk)."""
    stem = path.name.rsplit(".", 1)[0]
    for suffix in SIDECAR_SUFFIXES:
        if names is not None and stem + suffix not in names:
            continue
        candidate = path.with_name(stem + suffix)
        if candidate.is_file() and not candidate.is_symlink():
            return candidate
    return None


def _read_input(
    path: Path, rel: str, side: Path | None, side_rel: str | None, known: Known | None = None
) -> InputFile | Diagnostic:
    """The input at ``path``; its bytes are not read when ``known`` (what the last build
    recorded) has the file with the metadata it has now: their digest is the recorded one."""
    limit = MAX_FILE_BYTES // (1024 * 1024)
    too_large = f"larger than {limit} MB: skipped (split it into articles)"
    try:
        side_data = side.read_bytes() if side else None
        old = known.get(rel) if known else None
        if isinstance(old, tuple) and len(old) == 2 and isinstance(old[1], str):
            st = os.stat(path)
            if _stamp(st) == old[0] and st.st_size <= MAX_FILE_BYTES:
                return InputFile(rel, None, side_data, side_rel, digest=old[1],
                                 origin=os.fspath(path), stamp=old[0])
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if st.st_size > MAX_FILE_BYTES:
                return Diagnostic("error", rel, too_large)
            data = fh.read()
        return InputFile(rel, data, side_data, side_rel,
                         digest=hashlib.sha256(data).hexdigest(), origin=os.fspath(path),
                         stamp=_stamp(st))
    except OSError as exc:
        return Diagnostic("error", rel, f"cannot read file: {exc.strerror or exc}")


def load_inputs(
    content_dir: Path, follow_symlinks: bool = False, known: Known | None = None
) -> tuple[list[InputFile], list[Diagnostic]]:
    """The article files under ``content_dir`` with their sidecars and folder defaults; an
    article file that ``known`` (what the last build recorded, see ``input_record``) has with
    the same metadata is not read (its bytes come when needed: ``InputFile.read``)."""
    paths, diagnostics = discover(content_dir, follow_symlinks)
    inputs = []
    found: dict[Path, tuple[str, bytes] | None] = {}
    # Per folder (files come folder by folder): the names in it, its content-relative path
    # and the defaults that apply to its files.
    folder: Path | None = None
    names: set[str] | None = None
    where = ""
    defaults: tuple[tuple[str, bytes], ...] = ()
    for p in paths:
        if p.parent != folder:
            folder = p.parent
            try:
                names = set(os.listdir(folder))
            except OSError:
                names = None  # looked up name by name
            where = folder.relative_to(content_dir).as_posix()
            where = "" if where == "." else where + "/"
            folders = [folder, *folder.parents]
            folders = folders[: folders.index(content_dir) + 1] if content_dir in folders else []
            chain = [_defaults_of(f, content_dir, found) for f in reversed(folders)]
            defaults = tuple(d for d in chain if d is not None)
        side = sidecar_for(p, names)
        side_rel = where + side.name if side else None
        got = _read_input(p, where + p.name, side, side_rel, known)
        if isinstance(got, InputFile):
            inputs.append(replace(got, defaults=defaults) if defaults else got)
        else:
            diagnostics.append(got)
    return inputs, diagnostics


def refresh_inputs(
    content_dir: Path,
    previous: list[InputFile],
    diagnostics: list[Diagnostic],
    changed: Iterable[Path],
) -> tuple[list[InputFile], list[Diagnostic]] | None:
    """What ``load_inputs`` would find now, from what it found before (``previous`` and its
    ``diagnostics``) and the files changed since (``changed``: every path written, created or
    removed, as a watcher reports them): each changed article file is read again (or dropped
    when gone), nothing else is looked at. None when a change may reach beyond the files
    named (a folder, a link, a sidecar, a folder's defaults, a folder without articles so
    far): then ``load_inputs`` must look at everything."""
    base = os.path.join(os.path.abspath(content_dir), "")
    by_path = {f.path: f for f in previous}
    folders: dict[str, tuple[tuple[str, bytes], ...]] = {}
    for f in previous:
        folders.setdefault(f.path.rpartition("/")[0], f.defaults)
    again: set[str] = set()
    for p in changed:
        text = os.path.abspath(p)
        if not text.startswith(base):
            if text == base[:-1]:
                return None  # the content folder itself
            continue  # a template, a configuration file: not an input
        rel = text[len(base):].replace(os.sep, "/")
        parts = rel.split("/")
        if any(part.startswith(".") for part in parts):
            continue  # never an input (``discover`` skips hidden names)
        name = parts[-1]
        if name == DEFAULTS_NAME or name.lower().endswith(SIDECAR_SUFFIXES):
            return None
        if rel.rpartition("/")[0] not in folders:
            return None
        try:
            st = os.lstat(text)
        except FileNotFoundError:
            if rel in by_path:
                again.add(rel)
            elif any(path.startswith(rel + "/") for path in by_path):
                return None  # a folder of articles gone
            continue
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode):
            return None  # a folder, a link, anything else: looked at as a whole
        if _article_name(name):
            again.add(rel)
    if not again:
        return list(previous), list(diagnostics)
    kept = [d for d in diagnostics if d.path not in again]
    for rel in again:
        old = by_path.pop(rel, None)
        path = Path(base + rel)
        if not os.path.lexists(path):
            continue
        side = sidecar_for(path)
        where = rel.rpartition("/")[0]
        side_rel = (where + "/" if where else "") + side.name if side else None
        known = {rel: (old.stamp, old.digest)} if old is not None and old.stamp else None
        got = _read_input(path, rel, side, side_rel, known)
        if isinstance(got, InputFile):
            defaults = folders[where]
            by_path[rel] = replace(got, defaults=defaults) if defaults else got
        else:
            kept.append(got)
    return [by_path[k] for k in sorted(by_path)], kept


def _defaults_of(
    folder: Path, root: Path, seen: dict[Path, tuple[str, bytes] | None]
) -> tuple[str, bytes] | None:
    """The folder's ``_defaults.toml`` (content-relative path, bytes), read once per folder."""
    if folder not in seen:
        candidate = folder / DEFAULTS_NAME
        seen[folder] = None
        if candidate.is_file() and not candidate.is_symlink():
            try:
                rel = candidate.relative_to(root).as_posix()
                seen[folder] = (rel, candidate.read_bytes()[:MAX_DEFAULTS_BYTES])
            except OSError:
                seen[folder] = None
    return seen[folder]


def inputs_from_paths(paths: list[Path]) -> tuple[list[InputFile], list[Diagnostic]]:
    """Inputs named on the command line: files (by their name) and folders (recursively)."""
    inputs: list[InputFile] = []
    diagnostics: list[Diagnostic] = []
    for given in paths:
        if given.is_dir():
            more, diags = load_inputs(given)
            inputs += more
            diagnostics += diags
            continue
        side = sidecar_for(given)
        got = _read_input(given, given.name, side, side.name if side else None)
        if isinstance(got, InputFile):
            own = _defaults_of(given.parent, given.parent, {})
            got = replace(got, defaults=(own,) if own else ())
        (inputs if isinstance(got, InputFile) else diagnostics).append(got)
    return inputs, diagnostics
