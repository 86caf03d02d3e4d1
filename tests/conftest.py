"""Shared fixtures: a one-line temporary project factory and paths to the shared data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
DEV_GOLD = SHARED / "dev-gold"


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """``make_project({"content/a.txt": "...", "site.toml": "..."})`` -> the project folder.

    Values may be str (written as UTF-8) or bytes. A ``content/`` folder always exists.
    """

    def make(files: dict[str, str | bytes] | None = None, seeds: bool = False) -> Path:
        root = tmp_path / "project"
        (root / "content").mkdir(parents=True, exist_ok=True)
        if seeds:
            for seed in sorted(SEEDS.glob("*.txt")):
                (root / "content" / seed.name).write_bytes(seed.read_bytes())
        for rel, data in (files or {}).items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, str):
                target.write_text(data, encoding="utf-8")
            else:
                target.write_bytes(data)
        if not (root / "site.toml").exists():
            (root / "site.toml").write_text('content = "content"\noutput = "build"\n')
        return root

    return make
