"""``site-gen serve`` answers on 127.0.0.1, injects the livereload script, rebuilds, and stops."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                return resp.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_previews_and_rebuilds(make_project) -> None:
    root = make_project(seeds=True)
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "site_gen",
            "serve",
            "--port",
            str(port),
            "--config",
            str(root / "site.toml"),
        ],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = _get(f"http://127.0.0.1:{port}/index.html")
        assert "livereload.js" in page
        assert "Articles" in page
        new = Path(root / "content" / "new.md")
        new.write_text("---\ntitle: A freshly added article\n---\nIt was added while serving.\n")
        deadline = time.monotonic() + 20
        while "A freshly added article" not in _get(f"http://127.0.0.1:{port}/index.html"):
            assert time.monotonic() < deadline, "no rebuild after a content change"
            time.sleep(0.3)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert proc.returncode is not None
