"""Shared fixtures: a one-line temporary project factory and paths to the shared data."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests: "ci" (repeatable, quick) unless HYPOTHESIS_PROFILE names another ("fuzz": the
# longer campaign of `make fuzz`).
_SLOW_OK = [HealthCheck.too_slow]
settings.register_profile(
    "ci", max_examples=150, deadline=None, derandomize=True, suppress_health_check=_SLOW_OK
)
settings.register_profile(
    "fuzz", max_examples=5000, deadline=None, suppress_health_check=_SLOW_OK
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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


@pytest.fixture(autouse=True)
def _no_results_kept_between_tests(monkeypatch):
    """A test that starts the dev server in this process turns on keeping per-file results in
    memory (``cache.remember_results``); the next test starts without them, as a new process
    would."""
    from site_gen import cache

    monkeypatch.setattr(cache, "_REMEMBERED", None)
