"""The preview server's file side: which file a URL names, opened safely under the output folder.

Every request is answered from one folder and nothing outside it. The URL is decoded once and
checked as text (``parse_url_path``); then the file is opened one path segment at a time below a
descriptor of the output folder, refusing symbolic links at every step (``open_under``). Nothing
ever joins a URL onto a path string, so no spelling of ``..``, no absolute path and no link can
lead out.

The same descriptor also makes a request atomic with respect to a rebuild: a build swaps a new
folder in at the output path (``write.swap_in``), and a request that opened the old folder (or a
file in it) keeps reading the old, complete site even while the old folder is removed; a request
that starts after the swap reads the new one. No request sees half of each.
"""

from __future__ import annotations

import os
import stat
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

INDEX = "index.html"
NOT_FOUND_PAGE = "404.html"


@dataclass(frozen=True)
class UrlPath:
    """A URL path checked as text: its segments and whether it ended with a slash."""

    parts: tuple[str, ...]
    trailing_slash: bool


@dataclass(frozen=True)
class Refused:
    """A URL path that names nothing servable; ``status`` is 403 (hostile) or 404."""

    status: int
    reason: str


def parse_url_path(raw: str) -> UrlPath | Refused:
    """The raw (percent-encoded) path of a request as segments, or why it is refused.

    Decoded exactly once: ``%2e%2e`` is ``..`` and refused, ``%252e`` stays the harmless name
    ``%2e``. A decoded ``/`` (``..%2f``) separates segments like a plain one, so it is checked
    like one."""
    if not raw.startswith("/"):
        return Refused(404, "not a path")  # e.g. an absolute-form target ("http://host/...")
    try:
        text = unquote(raw, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        return Refused(404, "not UTF-8")
    if "\\" in text:
        return Refused(403, "backslash in path")
    if any(unicodedata.category(c) == "Cc" for c in text):
        return Refused(403, "control character in path")  # NUL included
    parts = []
    for segment in text.split("/"):
        if not segment:
            continue  # "//" is "/": an absolute path stays below the output folder
        if segment in (".", ".."):
            return Refused(403, "dot segment in path")
        if segment.startswith("."):
            return Refused(404, "hidden file")  # the output's marker file and nothing else
        if len(segment.encode("utf-8")) > 255:
            return Refused(404, "name too long")
        parts.append(segment)
    return UrlPath(tuple(parts), trailing_slash=text.endswith("/"))


@dataclass(frozen=True)
class Found:
    """An open regular file (the caller closes ``fd``); ``name`` is the file name opened."""

    fd: int
    size: int
    name: str


@dataclass(frozen=True)
class Redirect:
    """A folder named without its trailing slash: the URL to send the browser to."""

    location: str


@dataclass(frozen=True)
class Missing:
    """Nothing to serve; ``no_site`` when the output folder itself does not exist (yet)."""

    no_site: bool = False


Opened = Found | Redirect | Missing

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
# O_NONBLOCK: opening a FIFO someone left in the folder must not hang the server.
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK
_ATTEMPTS = 3


def open_under(root: Path, url: UrlPath) -> Opened:
    """Open what ``url`` names below ``root``: a file, a folder's ``index.html``, or neither.

    A build that swaps folders while we walk may remove the old folder under us; then the walk
    is repeated from the new folder (the root's inode tells the two apart). Where the swap is
    two renames, the output path is briefly missing: also retried."""
    for attempt in range(_ATTEMPTS):
        try:
            root_fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except FileNotFoundError:
            if attempt + 1 < _ATTEMPTS:
                time.sleep(0.01)
                continue
            return Missing(no_site=True)
        except OSError:
            return Missing(no_site=True)
        try:
            opened = _walk(root_fd, url)
            if not isinstance(opened, Missing) or not _swapped(root, root_fd):
                return opened
        finally:
            os.close(root_fd)
    return Missing()


def _swapped(root: Path, root_fd: int) -> bool:
    try:
        now = os.stat(root)
    except OSError:
        return True
    was = os.fstat(root_fd)
    return (now.st_dev, now.st_ino) != (was.st_dev, was.st_ino)


def _walk(root_fd: int, url: UrlPath) -> Opened:
    fd = os.dup(root_fd)
    try:
        for part in url.parts[:-1]:
            try:
                nxt = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except OSError:  # missing, a file, a symbolic link (ELOOP), unreadable
                return Missing()
            os.close(fd)
            fd = nxt
        name = url.parts[-1] if url.parts else None
        if name is not None:
            try:
                target = os.open(name, _FILE_FLAGS, dir_fd=fd)
            except OSError:
                return Missing()
            mode = os.fstat(target).st_mode
            if stat.S_ISREG(mode):
                if url.trailing_slash:  # "/feed.xml/": a file is not a folder
                    os.close(target)
                    return Missing()
                return _found(target, name)
            if not stat.S_ISDIR(mode):
                os.close(target)
                return Missing()
            os.close(fd)
            fd = target
            if not url.trailing_slash:
                return Redirect(folder_url(url.parts))
        try:
            index = os.open(INDEX, _FILE_FLAGS, dir_fd=fd)
        except OSError:
            return Missing()
        if not stat.S_ISREG(os.fstat(index).st_mode):
            os.close(index)
            return Missing()
        return _found(index, INDEX)
    finally:
        os.close(fd)


def _found(fd: int, name: str) -> Found:
    os.set_blocking(fd, True)
    return Found(fd, os.fstat(fd).st_size, name)


def folder_url(parts: tuple[str, ...]) -> str:
    """``/a/b/`` built from the checked segments, percent-encoded: never from the raw request,
    so ``//evil.example`` cannot become a redirect to another site."""
    return "/" + "".join(quote(p, safe="") + "/" for p in parts)


def read_all(found: Found) -> bytes:
    """The whole file, from the open descriptor (the file may already be unlinked: that is fine,
    its content stays readable until closed). Closes the descriptor."""
    try:
        chunks = []
        while True:
            chunk = os.read(found.fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(found.fd)


_TEXT = "; charset=utf-8"
# Fixed here rather than taken from the machine's mime.types, so the answer is the same on every
# machine. Search-index files of static search tools (pagefind's .pf_* and .pagefind) are binary.
CONTENT_TYPES = {
    ".html": "text/html" + _TEXT,
    ".htm": "text/html" + _TEXT,
    ".css": "text/css" + _TEXT,
    ".js": "text/javascript" + _TEXT,
    ".mjs": "text/javascript" + _TEXT,
    ".json": "application/json" + _TEXT,
    ".jsonl": "application/jsonl" + _TEXT,
    ".map": "application/json" + _TEXT,
    ".xml": "application/xml" + _TEXT,
    ".csv": "text/csv" + _TEXT,
    ".txt": "text/plain" + _TEXT,
    ".md": "text/plain" + _TEXT,  # an original kept as evidence: shown, not downloaded
    ".markdown": "text/plain" + _TEXT,
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/vnd.microsoft.icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".pdf": "application/pdf",
    ".wasm": "application/wasm",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pagefind": "application/octet-stream",
}
DEFAULT_TYPE = "application/octet-stream"


def content_type(name: str) -> str:
    dot = name.rfind(".")
    return CONTENT_TYPES.get(name[dot:].lower(), DEFAULT_TYPE) if dot > 0 else DEFAULT_TYPE


def is_html(name: str) -> bool:
    return content_type(name).startswith("text/html")
