"""``site-gen serve`` as a user runs it: it answers on 127.0.0.1, injects the reload script,
rebuilds, moves to the next port when its own is taken, and stops cleanly on Ctrl-C."""

from __future__ import annotations

import io
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from site_gen import server as server_module
from site_gen.cli import main
from site_gen.config import load_config
from site_gen.serve_net import ListenError, listen
from site_gen.server import DevServer, serve
from tests.test_server_kit import ARTICLE, REPO, request

URL = re.compile(r"at http://127\.0\.0\.1:(\d+)/")


# the first build's summary; "Nothing changed" when the output is a build of the same inputs
READY = r"^(Built |Nothing changed since the last build)"


class Serving:
    """``python -m site_gen serve`` in a child process, its output read as it comes."""

    def __init__(self, root: Path, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
        # As from a terminal: Ctrl-C reaches the server. A test run started where SIGINT is
        # ignored (a background job of a script) would pass that on to the child, whose
        # Python then never turns Ctrl-C into KeyboardInterrupt.
        held = signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "site_gen", "serve", *args],
                cwd=root,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        finally:
            signal.signal(signal.SIGINT, held)
        self.lines: queue.Queue[str] = queue.Queue()
        self.out: list[str] = []
        self._err: list[str] = []
        self._readers = [
            threading.Thread(target=self._read, args=(self.proc.stdout, self.lines.put)),
            threading.Thread(target=self._read, args=(self.proc.stderr, self._err.append)),
        ]
        for reader in self._readers:
            reader.start()

    @staticmethod
    def _read(stream, keep) -> None:
        for line in stream:
            keep(line)

    @property
    def err(self) -> str:
        return "".join(self._err)

    def wait_for_line(self, pattern: str, timeout: float = 60.0) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {pattern!r} in {self.out}") from None
            self.out.append(line)
            found = re.search(pattern, line)
            if found:
                return found

    def port(self) -> int:
        return int(self.wait_for_line(URL.pattern)[1])

    def interrupt(self, timeout: float = 10.0) -> int:
        """SIGINT, as Ctrl-C sends it; the exit code."""
        self.proc.send_signal(signal.SIGINT)
        return self.finish(timeout)

    def finish(self, timeout: float = 10.0) -> int:
        try:
            self.proc.wait(timeout=timeout)
        finally:
            self.close()
        while not self.lines.empty():
            self.out.append(self.lines.get())
        return self.proc.returncode

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for reader in self._readers:
            reader.join(5)


def _leftovers(root: Path) -> list[str]:
    """Temporary folders of builds (``.build-new-PID-...``, ``.build-old-PID-...``)."""
    return sorted(p.name for p in root.iterdir() if re.match(r"\.build-(new|old)-", p.name))


def test_serve_previews_and_rebuilds(make_project) -> None:
    root = make_project(seeds=True)
    run = Serving(root, "--port", "0", "--config", str(root / "site.toml"))
    try:
        port = run.port()
        run.wait_for_line(READY)
        page = request(port, "/index.html").text
        assert "livereload.js" in page and "Articles" in page
        (root / "content" / "new.md").write_text(
            "---\ntitle: A freshly added article\n---\nIt was added while serving.\n"
        )
        run.wait_for_line(r"changed: content/new\.md; rebuilding")
        run.wait_for_line(r"^Built 3 articles")
        assert "A freshly added article" in request(port, "/index.html").text
        assert run.interrupt() == 0
    finally:
        run.close()
    assert "Traceback" not in run.err


def test_ctrl_c_stops_cleanly_when_idle(make_project) -> None:
    root = make_project({"content/ferry.txt": ARTICLE})
    run = Serving(root, "--port", "0")
    try:
        port = run.port()
        run.wait_for_line(READY)
        assert request(port, "/").status == 200
        assert run.interrupt() == 0
    finally:
        run.close()
    assert run.err == "" and run.out[-1] == "Stopped.\n"
    assert _leftovers(root) == []
    with pytest.raises(OSError):  # the port is closed
        request(port, "/", timeout=2)


def test_ctrl_c_during_builds_leaves_nothing_behind(make_project) -> None:
    # A bigger archive, so that a build takes a while; Ctrl-C at several moments of builds.
    files = {f"content/n{i:03}.txt": ARTICLE.replace("ferry", f"ferry {i}") for i in range(60)}
    root = make_project(files, seeds=True)
    for delay in (0.3, 0.8, 1.5):
        run = Serving(root, "--port", "0")
        try:
            run.port()
            time.sleep(delay)  # somewhere in the first build
            assert run.interrupt() == 0
        finally:
            run.close()
        assert "Traceback" not in run.err, run.err
        assert _leftovers(root) == []
    run = Serving(root, "--port", "0")
    try:
        run.port()
        run.wait_for_line(READY)
        (root / "content" / "n000.txt").write_text(ARTICLE + "\nAn added line.\n")
        run.wait_for_line("rebuilding")
        time.sleep(0.2)  # inside the rebuild
        assert run.interrupt() == 0
    finally:
        run.close()
    assert "Traceback" not in run.err and _leftovers(root) == []


def test_a_busy_port_moves_to_the_next_one(make_project) -> None:
    root = make_project({"content/ferry.txt": ARTICLE})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        run = Serving(root, "--port", str(busy))
        try:
            moved = run.wait_for_line(rf"Port {busy} is in use; using port (\d+) instead")
            port = run.port()
            assert port == int(moved[1]) and port != busy
            run.wait_for_line(READY)
            assert "Harbour board" in request(port, "/").text
            assert run.interrupt() == 0
        finally:
            run.close()
    assert "Traceback" not in run.err


def test_no_free_port_is_said_without_a_traceback(make_project, monkeypatch, capsys) -> None:
    with socket.socket() as a:
        a.bind(("127.0.0.1", 0))
        a.listen()
        busy = a.getsockname()[1]
        with pytest.raises(ListenError, match=rf"^port {busy} is in use on 127.0.0.1"):
            listen("127.0.0.1", busy, tries=1)
    root = make_project({"content/ferry.txt": ARTICLE})
    monkeypatch.chdir(root)

    def no_port(host: str, port: int, tries: int = 20):
        raise ListenError(f"ports {port} to {port + tries - 1} are all in use on {host}; ...")

    monkeypatch.setattr(server_module, "listen", no_port)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "site-gen serve: ports 8000 to 8019 are all in use" in err and "Traceback" not in err
    assert main(["serve", "--port", "70000"]) == 2
    assert "--port must be 0 to 65535" in capsys.readouterr().err


def test_no_reload_serves_without_the_script(make_project) -> None:
    root = make_project({"content/ferry.txt": ARTICLE})
    run = Serving(root, "--port", "0", "--no-reload")
    try:
        port = run.port()
        run.wait_for_line(READY)
        page = request(port, "/").text
        assert "Harbour board" in page and "livereload" not in page
        assert run.interrupt() == 0
    finally:
        run.close()
    assert "no live reload" in "".join(run.out) and "Traceback" not in run.err


def _serve_once(monkeypatch, root: Path, **options: object) -> tuple[str, str, list[str]]:
    """``serve()`` up to its first build, then stopped: what it printed and opened."""
    opened: list[str] = []
    monkeypatch.setattr(server_module.webbrowser, "open", opened.append)

    def run_once(self: DevServer, on_first_build=None) -> None:
        self._serve_http()
        self.shutdown()
        if on_first_build is not None:
            on_first_build()

    monkeypatch.setattr(DevServer, "run", run_once)
    out, err = io.StringIO(), io.StringIO()
    config = load_config(root / "site.toml", cwd=root)
    serve(config, out=out, err=err, **options)  # type: ignore[arg-type]
    if options.get("open_browser"):
        deadline = time.monotonic() + 10
        while not opened and time.monotonic() < deadline:  # opened on a thread of its own
            time.sleep(0.01)
    return out.getvalue(), err.getvalue(), opened


def test_open_opens_the_browser_at_the_served_address(make_project, monkeypatch) -> None:
    root = make_project({"content/ferry.txt": ARTICLE})
    out, _, opened = _serve_once(monkeypatch, root, port=0, open_browser=True)
    port = URL.search(out)[1]  # type: ignore[index]
    assert opened == [f"http://127.0.0.1:{port}/"]


def test_a_non_loopback_host_is_warned_about(make_project, monkeypatch) -> None:
    root = make_project({"content/ferry.txt": ARTICLE})
    _, err, _ = _serve_once(monkeypatch, root, port=0, host="0.0.0.0")
    assert "warning: serving on 0.0.0.0, which other machines can reach" in err
    _, err, _ = _serve_once(monkeypatch, root, port=0, host="127.0.0.1")
    assert err == ""


def test_serve_help_lists_the_options(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    text = capsys.readouterr().out
    for option in ("--content", "--out", "--config", "--port", "--host", "--open", "--no-reload"):
        assert option in text
