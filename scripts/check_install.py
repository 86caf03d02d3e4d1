"""Check an installed site-gen: every reader fixture is read, and a new archive builds.

``make newest`` runs it on a plain ``pip install .`` made with the interpreter's own pip and
the newest versions the project allows (no lock), so a new release of a dependency that
breaks the reader shows before a user meets it. It needs the package index.

    python scripts/check_install.py PATH/TO/site-gen

Compares the installed versions with ``requirements.lock`` (the versions the tests run
with) and prints which differ; exits 1 when a fixture gives no text or a build fails.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "reader"
LOCK = REPO / "requirements.lock"


def _locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        name, sep, version = line.partition("==")
        if sep and not line.startswith("#"):
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def _installed(python: Path) -> dict[str, str]:
    out = subprocess.run(
        [python, "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
        check=True, capture_output=True, text=True,
    ).stdout
    return {p["name"].lower().replace("_", "-"): p["version"] for p in json.loads(out)}


def _read_fixtures(site_gen: Path) -> list[str]:
    failures = []
    files = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".html", ".md", ".txt"))
    for path in files:
        if path.name.startswith("bad_"):
            continue  # made to fail
        done = subprocess.run([site_gen, "inspect", path, "--json"], capture_output=True,
                              text=True)
        try:
            record = json.loads(done.stdout)
        except ValueError:
            failures.append(f"{path.name}: no JSON ({done.stderr.strip()[-300:]})")
            continue
        if not record.get("paragraphs"):
            failures.append(f"{path.name}: no text read ({done.stderr.strip()[-300:]})")
    print(f"read {len(files)} fixtures, {len(failures)} failed")
    return failures


def _build(site_gen: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "archive"
        steps = [[site_gen, "init", project], [site_gen, "build"]]
        for step in steps:
            done = subprocess.run(step, cwd=project if step[1] == "build" else tmp,
                                  capture_output=True, text=True)
            if done.returncode:
                return [f"{' '.join(map(str, step[1:]))}: {done.stderr.strip()[-500:]}"]
        built = list(project.glob("build/index.html"))
        print(f"built a new archive: {'ok' if built else 'no index.html'}")
        return [] if built else ["the build wrote no index.html"]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    site_gen = Path(argv[0]).absolute()
    python = site_gen.parent / "python"
    pins, installed = _locked(), _installed(python)
    newer = sorted(f"{name} {pins[name]} -> {version}" for name, version in installed.items()
                   if name in pins and pins[name] != version
                   and name not in ("pip", "setuptools", "wheel"))  # the installer's own
    print(f"{len(newer)} installed versions differ from requirements.lock"
          + "".join(f"\n  {line}" for line in newer))
    failures = _read_fixtures(site_gen) + _build(site_gen)
    for failure in failures:
        print("FAILED", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
