"""Write a complete build into a temporary folder beside the output, then swap it in.

The previous output stays untouched until the new one is complete: a failed or interrupted
build never leaves a half-written site behind. The swap is two renames on one filesystem.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path


def stage_dir(output: Path) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
    stage.chmod(0o755)  # mkdtemp makes it private; the site must be readable by a web server
    return stage


def write_files(stage: Path, files: Mapping[str, bytes]) -> None:
    for rel, data in sorted(files.items()):
        target = stage / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def copy_trees(stage: Path, trees: Iterable[tuple[Path, str]]) -> None:
    """Copy each source folder to ``stage/<dest>``; later trees override earlier files."""
    for src, dest in trees:
        if src.is_dir():
            shutil.copytree(src, stage / dest, dirs_exist_ok=True)


def swap_in(stage: Path, output: Path) -> None:
    """Replace ``output`` with ``stage``; the old output is removed only after the swap."""
    old = None
    if output.exists():
        old = output.with_name(f".{output.name}-old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        output.rename(old)
    stage.rename(output)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(stage: Path) -> None:
    shutil.rmtree(stage, ignore_errors=True)
