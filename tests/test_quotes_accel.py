"""The compiled quote extractor (``site_gen.quotes.accel``): used only when built from exactly
the current sources, and giving exactly what plain Python gives."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_gen.quotes import accel

ROOT = Path(__file__).resolve().parent.parent

_DUMP = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from benchmarks.quotes_speed import synthetic
from pathlib import Path
from site_gen.quotes import accel, extract_quotes
from site_gen.quotes.speakers import canonicalize
arts = [[p for p in Path(f).read_text(encoding="utf-8").split("\n\n") if p.strip()]
        for f in sorted(Path(sys.argv[1], "seeds").glob("*.txt"))] + synthetic(40)
runs = [(str(k), extract_quotes(paras)) for k, paras in enumerate(arts)]
people = canonicalize([(k, ex.speakers) for k, ex in runs])
print(json.dumps({"active": accel.active, "quotes": [repr(ex) for _, ex in runs],
                  "speakers": repr(people)}))
"""


def _dump(pure: bool) -> dict:
    env = dict(os.environ)
    env.pop("SITE_GEN_PURE", None)
    if pure:
        env["SITE_GEN_PURE"] = "1"
    out = subprocess.run([sys.executable, "-c", _DUMP, str(ROOT)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def test_digest_follows_every_compiled_source(tmp_path: Path, monkeypatch) -> None:
    copy = tmp_path / "quotes"
    shutil.copytree(accel.PACKAGE_DIR, copy)
    monkeypatch.setattr(accel, "PACKAGE_DIR", copy)
    before = accel.source_digest()
    assert accel.source_digest() == before  # stable
    names = copy / "names.py"
    names.write_text(names.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert accel.source_digest() != before


def test_a_missing_or_unfinished_build_is_not_used(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SITE_GEN_ACCEL_DIR", str(tmp_path))
    monkeypatch.delenv("SITE_GEN_PURE", raising=False)
    path: list[str] = []
    assert not accel.enable(path) and path == []
    (accel.compiled_root() / "site_gen" / "quotes").mkdir(parents=True)  # no "complete" mark
    assert not accel.enable(path) and path == []


def test_a_finished_build_is_used_unless_pure_python_is_forced(tmp_path: Path,
                                                               monkeypatch) -> None:
    monkeypatch.setenv("SITE_GEN_ACCEL_DIR", str(tmp_path))
    monkeypatch.delenv("SITE_GEN_PURE", raising=False)
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setattr(accel, "active", accel.active)
    root = accel.compiled_root()
    (root / "site_gen" / "quotes").mkdir(parents=True)
    (root / "complete").write_text("x", encoding="utf-8")
    monkeypatch.setenv("SITE_GEN_PURE", "1")
    path: list[str] = []
    assert not accel.enable(path) and path == []
    monkeypatch.delenv("SITE_GEN_PURE")
    assert accel.enable(path) and path == [str(root / "site_gen" / "quotes")]
    assert str(root) in sys.path


@pytest.mark.skipif(not (accel.compiled_root() / "complete").is_file(),
                    reason="no compiled build for these sources (python -m site_gen.quotes)")
def test_compiled_and_plain_python_give_the_same_quotes() -> None:
    compiled, pure = _dump(pure=False), _dump(pure=True)
    assert compiled["active"] and not pure["active"]
    assert compiled["quotes"] == pure["quotes"]
    assert compiled["speakers"] == pure["speakers"]
