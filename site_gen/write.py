"""Write a complete build into a temporary folder beside the output, then swap it in.

Three guarantees, in this order of importance:

1. Nothing but site-gen's own output is ever replaced or deleted. The output folder must be
   missing, empty, or carry the marker file that every build writes (``MARKER``); the project,
   a parent folder, the content folder or any folder with other files in it is refused before a
   single file is read (``refusal``).
2. The site is never missing. The new build is complete in a temporary folder beside the output
   before the swap; on Linux the swap is one ``renameat2(RENAME_EXCHANGE)`` system call, which
   exchanges the two folders atomically, so a crash at any instant leaves either the old or the
   new site at the output path. Where the kernel or file system cannot exchange, two renames
   are used and a failure of the second puts the old site back.
3. Leftovers of interrupted builds (temporary folders whose process is gone, recognised by the
   marker inside and by their name) are removed by the next build.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
import time
from pathlib import Path

from site_gen import regexes

MARKER = ".site-gen-output"
MARKER_TEXT = b"This folder was written by site-gen build; the next build replaces it entirely.\n"
_TEMP_NAME = regexes.compile(r"^\.(?P<name>.+)-(?:new|old)-(?P<pid>\d+)-[A-Za-z0-9_]+$")


# What a build of an earlier release (before the marker) holds at its top level.
_LEGACY_ENTRIES = frozenset(
    ("index.html", "404.html", "feed.xml", "sitemap.xml", "articles", "speakers", "sources",
     "originals", "static", "data", "page")
)


def is_site_gen_output(folder: Path) -> bool:
    """The folder is a build of site-gen: it has the marker, or it is a complete build of a
    release from before the marker (only site-gen's own top-level entries, and its data export)."""
    if (folder / MARKER).is_file() and not (folder / MARKER).is_symlink():
        return True
    try:
        names = {p.name for p in folder.iterdir()}
    except OSError:
        return False
    return bool(names) and names <= _LEGACY_ENTRIES and (folder / "data" / "archive.json").is_file()


def _inside(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


def refusal(output: Path, content: Path, project: Path) -> str | None:
    """Why ``output`` must not be replaced by a build (None when it may be).

    Paths are compared resolved (symlinks followed), so an alias of a protected folder is
    recognised too."""
    out = output.resolve()
    content = content.resolve()
    project = project.resolve()
    if _inside(content, out):
        return f"output folder {output} holds the content folder {content}"
    if _inside(out, content):
        return f"output folder {output} is inside the content folder {content}"
    if _inside(project, out):
        return f"output folder {output} holds the project folder {project} (its site.toml)"
    if out.is_symlink() or (output.exists() and not output.is_dir()):
        return f"output {output} exists and is not a folder"
    if not out.exists():
        return None
    if is_site_gen_output(out):
        return None
    try:
        if next(out.iterdir(), None) is None:
            return None
    except OSError as exc:
        return f"output folder {output} cannot be read: {exc.strerror or exc}"
    return (
        f"output folder {output} is not empty and was not written by site-gen "
        f"(no {MARKER} file in it); choose an empty or new folder"
    )


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(output: Path) -> list[Path]:
    """Temporary folders of earlier builds of ``output`` whose process is gone: removed."""
    removed = []
    parent = output.parent
    if not parent.is_dir():
        return removed
    for entry in parent.iterdir():
        match = _TEMP_NAME.match(entry.name)
        if not match or match.group("name") != output.name or _alive(int(match.group("pid"))):
            continue
        if entry.is_dir() and not entry.is_symlink() and is_site_gen_output(entry):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def stage_dir(output: Path) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(output)
    prefix = f".{output.name}-new-{os.getpid()}-"
    stage = Path(tempfile.mkdtemp(prefix=prefix, dir=output.parent))
    try:
        stage.chmod(0o755)  # mkdtemp makes it private; the site must be readable by a server
        (stage / MARKER).write_bytes(MARKER_TEXT)  # first, so that a partial stage is known
    except BaseException:  # Ctrl-C right here: the folder goes with it
        discard(stage)
        raise
    return stage


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2); False where that is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    result = renameat2(
        _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_in(stage: Path, output: Path, keep: Path | None = None) -> bool:
    """Replace ``output`` with ``stage``. The old output is removed only after the swap, or,
    given ``keep`` (a free path on the same file system), moved there: True when it was."""
    if not output.exists():
        stage.rename(output)
        return False
    if _exchange(stage, output):
        return _after(stage, keep)  # ``stage`` now holds the previous site
    old = output.with_name(f".{output.name}-old-{os.getpid()}-{stage.name[-8:]}")
    output.rename(old)
    try:
        stage.rename(output)
    except BaseException:
        old.rename(output)  # put the previous site back: the message says it is unchanged
        raise
    return _after(old, keep)


def _after(old: Path, keep: Path | None) -> bool:
    """The previous site, out of the way: kept at ``keep`` when it can be, else removed."""
    if keep is not None and old != keep:
        try:
            old.rename(keep)
        except OSError:
            pass
        else:
            return True
    elif keep is not None:
        return True
    shutil.rmtree(old, ignore_errors=True)
    return False


_DISCARD_TRIES = 10
_DISCARD_PAUSE = 0.03  # seconds: all tries stay well under the second Ctrl-C may take


def discard(stage: Path) -> None:
    """Remove a stage that will not be swapped in. A build stopped by Ctrl-C may still have a
    worker process or the search indexer finishing a file in it while it is removed (the
    folder is then not empty when its turn comes): removed again until it is gone."""
    for _ in range(_DISCARD_TRIES):
        shutil.rmtree(stage, ignore_errors=True)
        if not os.path.lexists(stage):
            return
        time.sleep(_DISCARD_PAUSE)
