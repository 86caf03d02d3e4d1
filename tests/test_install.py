"""What a user gets from a plain ``pip install .`` with the pip bundled with the interpreter.

Python 3.11 ships pip 23.2, which skips an extra spelled differently from the request
(jusText asks for ``lxml[html_clean]``, lxml 6 names it ``html-clean``): unless site-gen names
``lxml_html_clean`` itself, ``import trafilatura`` fails and every HTML file fails to read. The
test makes a virtual environment with the interpreter's own pip (no upgrade), installs site-gen
from the locked wheels that ``make test`` downloads (no network here), and reads an HTML page
with the installed ``site-gen inspect``; a build with the installed ``site-gen build`` has
its search index (the binary comes in the ``pagefind_bin`` wheel).
"""

from __future__ import annotations

import ensurepip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
WHEELS = REPO / ".venv" / "wheelhouse"
PAGE = REPO / "tests" / "fixtures" / "reader" / "form_byline_by.html"

pytestmark = pytest.mark.skipif(
    not (WHEELS / ".done").is_file(), reason="no wheelhouse: run `make test`, which downloads it"
)


def _copy_sources(dest: Path) -> None:
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, dest / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.so")
    for name in ("site_gen", "templates", "static"):
        shutil.copytree(REPO / name, dest / name, ignore=ignore)


def test_bundled_pip_install_reads_html(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    _copy_sources(src)  # a copy: building in the checkout would write into its build/ folder
    env_dir = tmp_path / "env"
    base = getattr(sys, "_base_executable", None) or sys.executable
    subprocess.run([base, "-m", "venv", str(env_dir)], check=True)
    py = env_dir / "bin" / "python"
    clean_env = {**os.environ, "PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    version = subprocess.run(
        [py, "-m", "pip", "--version"], check=True, capture_output=True, text=True, env=clean_env
    ).stdout
    assert version.startswith(f"pip {ensurepip.version()} "), version  # the bundled pip
    subprocess.run(
        [py, "-m", "pip", "install", "--quiet", "--no-index", "--find-links", WHEELS, src],
        check=True,
        env=clean_env,
    )
    done = subprocess.run(
        [env_dir / "bin" / "site-gen", "inspect", PAGE, "--json"],
        capture_output=True,
        text=True,
        env={**clean_env, "SITE_GEN_PURE": "1"},
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["title"] == "Council votes to rebuild the stone bridge"
    assert record["author"] == ["Marta Kowalczyk"]
    assert record["paragraphs"][0].startswith("The river council voted on Tuesday")
    # the search index is built with the binary that the pagefind[bin] wheel installed
    (tmp_path / "content").mkdir()
    shutil.copy2(PAGE, tmp_path / "content" / PAGE.name)
    built = subprocess.run(
        [env_dir / "bin" / "site-gen", "build", "--content", "content", "--out", "site"],
        capture_output=True, text=True, env={**clean_env, "SITE_GEN_PURE": "1"}, cwd=tmp_path,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    # no warning that the index could not be made (progress lines may name the stage)
    assert "no search index" not in built.stdout + built.stderr, built.stdout + built.stderr
    assert (tmp_path / "site" / "pagefind" / "pagefind.js").is_file()
