"""Compiled quote extraction: the same modules, compiled to C with mypyc, about 1.5 times as fast.

``python -m site_gen.quotes`` (run by ``make``) compiles every module of this package but
``__init__`` and this one into ``<venv>/site-gen-accel/<digest>/``, where ``digest`` hashes the
Python version and the exact source of those modules. On import, ``site_gen.quotes`` puts that
folder first on its ``__path__`` only when it exists for the current sources: an edited module
is never shadowed by a stale compiled one, it simply runs as plain Python until the next
build. ``SITE_GEN_PURE=1`` turns the compiled modules off; without a C compiler or mypy the
build is skipped and everything runs as plain Python, with the same results.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
MODULES = ("attribution", "chains", "clauses", "cues", "direct", "extract", "famous",
           "firstnames", "foreign", "marks", "names", "plausible", "reported", "sentences",
           "speakers")
_DONE = "complete"  # written last: a folder without it is an interrupted build
active = False  # True once the compiled modules are in use


def source_digest() -> str:
    """What a compiled build is valid for: the Python version and every compiled source."""
    h = hashlib.sha256(sys.version.encode())
    for name in MODULES:
        h.update(name.encode() + b"\0" + (PACKAGE_DIR / f"{name}.py").read_bytes())
    return h.hexdigest()[:24]


def compiled_root(digest: str | None = None) -> Path:
    from site_gen.installation import install_dir

    return install_dir() / (digest or source_digest())


def enable(package_path: list[str]) -> bool:
    """Put the compiled modules first on the package's ``__path__`` when they were built from
    the current sources (see the module docstring)."""
    global active
    if os.environ.get("SITE_GEN_PURE"):
        return False
    try:
        root = compiled_root()
    except OSError:
        return False
    if not (root / _DONE).is_file():
        return False
    sys.path.append(str(root))  # the shared runtime library of the compiled group
    package_path.insert(0, str(root / "site_gen" / "quotes"))
    active = True
    return True


def build(quiet: bool = True) -> Path:
    """Compile the modules for the current sources (nothing to do when that build exists)."""
    digest = source_digest()
    root = compiled_root(digest)
    if (root / _DONE).is_file():
        return root
    from mypyc.build import mypycify  # optional: the ``fast`` extra
    from setuptools import setup

    root.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{digest}-", dir=root.parent))
    source_root = PACKAGE_DIR.parent.parent  # mypyc names modules by their path from here
    files = [str(Path("site_gen") / "quotes" / f"{m}.py") for m in MODULES]
    here = os.getcwd()
    try:
        os.chdir(source_root)
        extensions = mypycify([*files, "--ignore-missing-imports"], opt_level="3",
                              target_dir=str(work / "c"), group_name="site_gen_quotes")
        os.chdir(work)  # no pyproject.toml here for setuptools to read
        setup(name="site-gen-quotes-compiled", ext_modules=extensions,
              script_args=["-q" if quiet else "-v", "build_ext", "--build-lib",
                           str(work / "lib"), "--build-temp", str(work / "tmp")])
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    finally:
        os.chdir(here)
    (work / "lib" / _DONE).write_text(digest + "\n", encoding="utf-8")
    if root.exists():
        shutil.rmtree(root)
    (work / "lib").rename(root)
    shutil.rmtree(work, ignore_errors=True)
    for old in root.parent.iterdir():  # builds for earlier sources are never used again
        if old != root and not old.name.startswith(".") and (old / _DONE).is_file():
            shutil.rmtree(old, ignore_errors=True)
    return root


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        root = build(quiet="-v" not in args)
    except Exception as exc:  # no compiler, no mypy: plain Python it is, with the same results
        print(f"site-gen: quote extraction not compiled ({type(exc).__name__}: {exc}); "
              "it runs as plain Python", file=sys.stderr)
        return 0 if "--best-effort" in args else 1
    print(f"site-gen: compiled quote extraction in {root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
