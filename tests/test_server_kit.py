"""Helpers shared by the server tests (no tests of their own): a project's dev server on a free
port of 127.0.0.1, plain HTTP requests with the path sent exactly as written, and a LiveReload
client that records what the server tells the browser."""

from __future__ import annotations

import asyncio
import http.client
import io
import json
import queue
import threading
from dataclasses import dataclass
from pathlib import Path

from tornado.websocket import websocket_connect

from site_gen.config import load_config
from site_gen.serve_app import PROTOCOL
from site_gen.serve_overlay import Places
from site_gen.server import DevServer, config_build, watched_paths

REPO = Path(__file__).resolve().parents[1]


def project_server(root: Path, **options: object) -> DevServer:
    """The server ``site-gen serve`` runs for the project at ``root``, on a port the system
    chooses, looking at files often so that tests stay quick, its terminal output kept."""
    config = load_config(root / "site.toml", cwd=root)
    settings: dict[str, object] = {
        "watch": watched_paths(config),
        "static_dirs": [*config.static_dirs, config.resolve(config.static)],
        "port": 0,
        "places": Places(config.root, config.content_dir, config.template_dirs),
        "poll": 0.05,
        "settle": 0.25,
        "out": io.StringIO(),
        "err": io.StringIO(),
    }
    settings.update(options)
    build = settings.pop("build", None) or config_build(config)
    return DevServer(build, config.output_dir, **settings)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def request(
    port: int, path: str, host: str | None = None, method: str = "GET", timeout: float = 20.0
) -> Answer:
    """One request with ``path`` sent byte for byte (no normalisation of ``..``) and the Host
    header given (default: the server's own address)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        if host != "":
            conn.putheader("Host", host if host is not None else f"127.0.0.1:{port}")
        conn.endheaders()
        resp = conn.getresponse()
        body = resp.read()
        return Answer(resp.status, {k.lower(): v for k, v in resp.getheaders()}, body)
    finally:
        conn.close()


class LiveReloadClient:
    """What a browser tab's livereload.js does: connect to /livereload, say hello, then collect
    the server's messages."""

    def __init__(self, port: int) -> None:
        self.messages: queue.Queue[dict] = queue.Queue()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self.hello = asyncio.run_coroutine_threadsafe(self._connect(port), self._loop).result(20)

    async def _connect(self, port: int) -> dict:
        self._conn = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
        await self._conn.write_message(json.dumps({"command": "hello", "protocols": [PROTOCOL]}))
        hello = json.loads(await self._conn.read_message())
        await self._conn.write_message(json.dumps({"command": "info", "url": "/"}))
        self._reader = asyncio.ensure_future(self._read())
        return hello

    async def _read(self) -> None:
        while True:
            message = await self._conn.read_message()
            if message is None:
                return
            self.messages.put(json.loads(message))

    def next(self, timeout: float = 30.0) -> dict:
        return self.messages.get(timeout=timeout)

    def pending(self) -> list[dict]:
        out = []
        while not self.messages.empty():
            out.append(self.messages.get_nowait())
        return out

    def close(self) -> None:
        async def close() -> None:
            self._conn.close()
            self._reader.cancel()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    def __enter__(self) -> LiveReloadClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


ARTICLE = (
    "Harbour board approves new ferry timetable\n\n"
    "The Velmar harbour board approved a new ferry timetable on Tuesday.\n\n"
    '"The early crossing will run every day," said Ilse Marrow, the board\'s chair.\n'
)
