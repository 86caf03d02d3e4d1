"""Build the search index of a complete site with Pagefind (I/O: runs Pagefind's binary).

Called on the build's temporary folder before it is swapped in, so the site at the output path
always has an index that matches its pages. Pagefind ships on PyPI as ``pagefind[bin]``: its
Python package finds the binary (``find_binary``), which runs as a command on the folder. When
it is missing or fails, the build goes on without an index and says why
(``SearchOutcome.message``), and the search page says search is unavailable.

Why the command and not the package's asynchronous API (which drives the same binary as a
service): the service answers that the files are written before its last writes have reached
the disk, and the API then ends the service at once. In 2 of 40 runs on this machine that cut
``pagefind.js`` or ``pagefind-worker.js`` at 32 KiB, a broken search in a build that said
nothing. The command ends only when its files are written (0 of 80). The API's records (one
call each, answered at most ten times a second) would also take minutes for an archive's
quotations; quote records are pages here (``search_records``).

The index is one index for the whole archive (``--force-language``): the search page searches
every article whatever its language. It is written to ``pagefind/`` in chunks, which the search
page loads as the words typed need them. Pagefind's ready-made interfaces, which the site's own
search page does not use, are removed.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "pagefind"  # the index's folder in the site (its first part's)
SHARD_ARTICLES = 250  # articles per part of the index, about (see ``shards``)
MAX_SHARDS = 64
TIMEOUT = 600.0  # seconds for the whole index; a hung indexer must not hang the build
_UNUSED = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
_PAGES = "articles/**/index.html"
RECORDS = "_search-records"  # the quote records, beside the pages Pagefind reads (see build_index)


@dataclass(frozen=True)
class SearchOutcome:
    ok: bool
    message: str = ""  # why there is no index, when not ok
    pages: int = 0  # records indexed: article pages and quotes
    seconds: float = 0.0


def find_binary() -> Path | None:
    """Pagefind's binary, looked up as Pagefind's Python package does: ``PAGEFIND_BINARY_PATH``,
    then the binaries of the ``pagefind_bin_extended`` and ``pagefind_bin`` packages (what
    ``pagefind[bin]`` installs), then ``pagefind_extended`` or ``pagefind`` on the PATH; None
    when there is none. (The package's own lookup lives in a module that starts asyncio, which
    a build does not need.)"""
    named = os.environ.get("PAGEFIND_BINARY_PATH")
    if named:
        return Path(named) if Path(named).is_file() else None
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            module = importlib.import_module(package)
            found = Path(module.get_executable())
        except (ImportError, OSError, AttributeError):
            continue
        if found.is_file():
            return found
    external = shutil.which("pagefind_extended") or shutil.which("pagefind")
    return Path(external) if external else None


def shards(ids: Sequence[str]) -> list[list[int]]:
    """The parts of the index: the positions of the articles (``ids``, archive order) each
    part holds. An article's part is a hash of its id modulo the number of parts, a power of
    two that grows with the archive (one part below 500 articles, then about
    ``SHARD_ARTICLES`` a part, up to ``MAX_SHARDS`` parts), so an edit makes one part again,
    and an article stays in its part until the number of parts doubles. Parts without
    articles are left out. Smaller parts make an edit's part faster to make (Pagefind's time
    is about proportional to the pages it reads); more parts cost the reader one more small
    request per part for each word searched."""
    count = 1
    while count * 2 * SHARD_ARTICLES <= len(ids) and count < MAX_SHARDS:
        count *= 2
    parts: list[list[int]] = [[] for _ in range(count)]
    for i, aid in enumerate(ids):
        h = hashlib.blake2b(aid.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        parts[int.from_bytes(h, "big") % count].append(i)
    return [p for p in parts if p]


def shard_folder(k: int) -> str:
    """The folder of part ``k`` of the index: the first is ``pagefind/``, the one the search page
    loads; the others (``pagefind-1/``, ...) are merged into it in the browser."""
    return BUNDLE if k == 0 else f"{BUNDLE}-{k}"


def binary_identity() -> str | None:
    """What says which Pagefind would make the index (path, size, modification time), or None
    when there is none: part of the key under which an index is reused."""
    binary = find_binary()
    return None if binary is None else _identity(binary)


def _identity(binary: Path) -> str | None:
    try:
        st = binary.stat()
    except OSError:
        return None
    return f"{binary}:{st.st_size}:{st.st_mtime_ns}"


def build_index(
    site: Path,
    quote_docs: Sequence[tuple[str, str]],
    language: str,
    timeout: float = TIMEOUT,
    pages: Sequence[str] | None = None,
    bundle: str = BUNDLE,
    work: Path | None = None,
) -> SearchOutcome:
    """Index the article pages of ``site`` (``pages``: those of one part; default all) and the
    quote documents into ``site/<bundle>/``.

    Pagefind reads a folder holding links to those pages at their paths and the quote
    documents (``RECORDS/``): by default one of the site's own (hidden, inside it), removed
    afterwards whatever happens; ``work``, a folder of the build cache kept from one build to
    the next (on the site's file system), is brought up to date instead (see ``_sync_work``),
    so that an edit writes the records and links of the articles it changed, not the part's."""
    start = time.perf_counter()
    binary = find_binary()
    if binary is None:
        return SearchOutcome(
            False, "Pagefind is not installed (pip install 'pagefind[bin]')"
        )
    problem = _check_binary(binary)
    if problem:
        return SearchOutcome(False, problem)
    if pages is None:
        pages = [p.relative_to(site).as_posix() for p in site.glob(_PAGES)]
    problem = None
    if work is not None:
        try:
            _sync_work(work, site, pages, quote_docs)
        except OSError:
            # Damaged by hand, or on another file system than the site (no hard links): it
            # goes, and the part is made from a folder inside the site, as without one.
            shutil.rmtree(work, ignore_errors=True)
            work = None
        else:
            problem = _run(binary, work, language, timeout, site / bundle)
    if work is None:
        work = site / f".search-{bundle}"
        try:
            _sync_work(work, site, pages, quote_docs)
            problem = _run(binary, work, language, timeout, site / bundle)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if problem:
        return _failed(site, problem, bundle)
    try:
        entry = json.loads((site / bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        count = sum(int(lang["page_count"]) for lang in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError):
        return _failed(site, "Pagefind wrote no index", bundle)
    if not (site / bundle / "pagefind.js").is_file():
        return _failed(site, "Pagefind wrote no index", bundle)
    for name in _UNUSED:
        (site / bundle / name).unlink(missing_ok=True)
    return SearchOutcome(True, pages=count, seconds=time.perf_counter() - start)


def _sync_work(
    work: Path, site: Path, pages: Sequence[str], quote_docs: Sequence[tuple[str, str]]
) -> None:
    """Make ``work`` hold exactly what Pagefind is to read: a hard link to each of ``pages``
    of ``site`` at its path, and each quote document under ``RECORDS/``. A link already to the
    page's file and a document already with its bytes are left as they are; anything else in
    the folder goes first (symbolic links too, so that nothing is written through one).
    Pagefind's index depends on what the files hold, not on when they were written
    (``tests/test_search.py`` makes a part from a kept folder and from a new one)."""
    wanted = {f"{RECORDS}/{name}" for name, _ in quote_docs}
    wanted.update(pages)
    if work.is_symlink():
        work.unlink()
    base = os.fspath(work)
    for root, dirs, files in os.walk(base, topdown=False):
        rel_root = os.path.relpath(root, base).replace(os.sep, "/")
        for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            rel = name if rel_root == "." else f"{rel_root}/{name}"
            path = os.path.join(root, name)
            if rel not in wanted or os.path.islink(path):
                os.unlink(path)
        if root != base and not os.listdir(root):
            os.rmdir(root)
    for rel in pages:
        target = work / rel
        source = os.stat(site / rel)
        try:
            st = os.lstat(target)
            if (st.st_ino, st.st_dev) == (source.st_ino, source.st_dev):
                continue
            target.unlink()
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        os.link(site / rel, target)
    for name, text in quote_docs:
        target = work / RECORDS / name
        data = text.encode("utf-8")
        try:
            if os.lstat(target).st_size == len(data) and target.read_bytes() == data:
                continue
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


# Binaries that started, by identity (path, size, time): a process that builds again and again
# (``serve``) asks each once, not at every part of every build.
_STARTED: set[str] = set()


def _check_binary(binary: Path) -> str | None:
    """A binary that cannot start is reported at once, by name."""
    identity = _identity(binary)
    if identity is not None and identity in _STARTED:
        return None
    problem = _run_version(binary)
    if problem is None and identity is not None:
        _STARTED.add(identity)
    return problem


def _run_version(binary: Path) -> str | None:
    try:
        done = subprocess.run(
            [str(binary), "--version"], capture_output=True, timeout=30, check=False,
            env=_environment(),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Pagefind's binary {binary} does not run: {exc}"
    if done.returncode != 0:
        return f"Pagefind's binary {binary} does not run (exit status {done.returncode})"
    return None


def _run(binary: Path, site: Path, language: str, timeout: float, output: Path) -> str | None:
    """Run Pagefind's command on ``site`` into ``output``; what went wrong, or None."""
    command = [
        str(binary),
        "--site", str(site),
        "--glob", f"{{{_PAGES},{RECORDS}/**/*.html}}",
        "--output-path", str(output),
        "--force-language", language,
        "--keep-index-url",  # links name index.html, as every link of the site does
        "--silent",
    ]
    # In a folder of its own, with none of the user's PAGEFIND_* settings: a pagefind.yml or
    # a variable of the user's must not change the index of the site.
    with tempfile.TemporaryDirectory(prefix="site-gen-search-") as cwd:
        try:
            done = subprocess.run(
                command, cwd=cwd, capture_output=True, timeout=timeout, check=False,
                env=_environment(),
            )
        except subprocess.TimeoutExpired:
            return f"Pagefind did not finish within {timeout:.0f} s"
        except OSError as exc:
            return f"Pagefind failed: {exc}"
    if done.returncode != 0:
        said = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
        return f"Pagefind failed (exit status {done.returncode})" + (
            f": {said[-1]}" if said else ""
        )
    return None


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}


def _failed(site: Path, message: str, bundle: str = BUNDLE) -> SearchOutcome:
    shutil.rmtree(site / bundle, ignore_errors=True)  # no half-written index in the site
    return SearchOutcome(False, message)
