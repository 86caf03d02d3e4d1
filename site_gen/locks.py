"""A lock file that one build at a time holds (``flock``): two builds of one output share its
cache folder, and what a build keeps there for the next (the standby, the folders the search
indexer reads) is changed only by the build that holds its lock. The lock goes when its file is
closed, or with the process."""

from __future__ import annotations

from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux or macOS: nothing is kept between builds
    fcntl = None  # type: ignore[assignment]


def try_lock(path: Path) -> IO[bytes] | None:
    """The open lock file at ``path``, locked by this process, or None when another holds it
    (or it cannot be made): the caller then keeps nothing there."""
    if fcntl is None:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = open(path, "ab")  # noqa: SIM115 - held until the caller closes it
    except OSError:
        return None
    try:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        lock.close()
        return None
    return lock
