"""Build the search index of a complete site with Pagefind (I/O: runs Pagefind's binary).

Called on the build's temporary folder before it is swapped in, so the site at the output path
always has an index that matches its pages. Pagefind ships on PyPI as ``pagefind[bin]`` (the
Python API and the binary); when either is missing or fails, the build goes on without an index
and says why (``SearchOutcome.message``), and the search page says search is unavailable.

The index is one index for the whole archive (``force_language``): the search page searches
every article whatever its language. It is written to ``pagefind/`` in chunks, which the search
page loads as the words typed need them. Pagefind's ready-made interfaces, which the site's own
search page does not use, are removed.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BUNDLE = "pagefind"  # the index's folder in the site
TIMEOUT = 600.0  # seconds for the whole index; a hung indexer must not hang the build
_UNUSED = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
_PAGES = "articles/**/index.html"


@dataclass(frozen=True)
class SearchOutcome:
    ok: bool
    message: str = ""  # why there is no index, when not ok
    pages: int = 0  # records indexed: article pages and quotes
    seconds: float = 0.0


def find_binary() -> Path | None:
    """Pagefind's binary as its Python package finds it (``PAGEFIND_BINARY_PATH``, the
    ``pagefind_bin`` package, the PATH), or None."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    try:
        found = get_executable()
    except (FileNotFoundError, OSError):
        return None
    return found if found is not None and found.is_file() else None


def binary_identity() -> str | None:
    """What says which Pagefind would make the index (path, size, modification time), or None
    when there is none: part of the key under which an index is reused."""
    binary = find_binary()
    if binary is None:
        return None
    try:
        st = binary.stat()
    except OSError:
        return None
    return f"{binary}:{st.st_size}:{st.st_mtime_ns}"


def build_index(
    site: Path, quote_docs: Sequence[tuple[str, str]], language: str, timeout: float = TIMEOUT
) -> SearchOutcome:
    """Index the article pages of ``site`` and the quote documents into ``site/pagefind/``."""
    start = time.perf_counter()
    binary = find_binary()
    if binary is None:
        return SearchOutcome(
            False, "Pagefind is not installed (pip install 'pagefind[bin]')"
        )
    problem = _check_binary(binary)
    if problem:
        return SearchOutcome(False, problem)
    with tempfile.TemporaryDirectory(prefix="site-gen-search-") as scratch:
        for name, text in quote_docs:
            target = Path(scratch, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        try:
            pages = _run(_index(site, Path(scratch), language, bool(quote_docs)), timeout)
        except TimeoutError:
            return _failed(site, f"Pagefind did not finish within {timeout:.0f} s")
        except Exception as exc:  # the service's errors are plain Exceptions
            return _failed(site, f"Pagefind failed: {_reason(exc)}")
    if not (site / BUNDLE / "pagefind.js").is_file():
        return _failed(site, "Pagefind wrote no index")
    for name in _UNUSED:
        (site / BUNDLE / name).unlink(missing_ok=True)
    return SearchOutcome(True, pages=pages, seconds=time.perf_counter() - start)


def _check_binary(binary: Path) -> str | None:
    """A binary that cannot start is reported at once (the service would wait for answers)."""
    try:
        done = subprocess.run(
            [str(binary), "--version"], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Pagefind's binary {binary} does not run: {exc}"
    if done.returncode != 0:
        return f"Pagefind's binary {binary} does not run (exit status {done.returncode})"
    return None


async def _index(site: Path, scratch: Path, language: str, quotes: bool) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(
        force_language=language,
        keep_index_url=True,  # links name index.html, as every link of the site does
        output_path=str(site / BUNDLE),
    )
    async with PagefindIndex(config) as index:  # writes the files when the block ends
        found = await index.add_directory(str(site), glob=_PAGES)
        pages = int(found.get("page_count", 0))
        if quotes:
            found = await index.add_directory(str(scratch))
            pages += int(found.get("page_count", 0))
    return pages


def _run(coro: Coroutine[Any, Any, int], timeout: float) -> int:
    """Run ``coro`` to completion within ``timeout`` on an event loop of its own (on another
    thread when this one already runs a loop)."""

    async def bounded() -> int:
        return await asyncio.wait_for(coro, timeout)

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(bounded())
    result: list[int] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            result.append(asyncio.run(bounded()))
        except BaseException as exc:  # handed back to the caller's thread
            failure.append(exc)

    worker = threading.Thread(target=target, name="site-gen-search")
    worker.start()
    worker.join()
    if failure:
        raise failure[0]
    return result[0]


def _reason(exc: BaseException) -> str:
    text = str(exc.args[0]) if exc.args else type(exc).__name__
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def _failed(site: Path, message: str) -> SearchOutcome:
    shutil.rmtree(site / BUNDLE, ignore_errors=True)  # no half-written index in the site
    return SearchOutcome(False, message)
