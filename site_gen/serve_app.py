"""The preview's HTTP side, on tornado: files from the output folder, and the LiveReload socket.

Why tornado handlers of our own rather than livereload's ``Server``: that class serves through
tornado's ``StaticFileHandler`` (tornado's own 404 page, content types from the machine's
``mime.types``, no check of the ``Host`` header), runs the watch tasks, and so the whole build,
on the thread that answers requests, keeps its state in class attributes and a process-wide
event loop, and has no way to stop it but ending the process. So the server is ours, and the
browser side is livereload's: its ``livereload.js`` client, served as it ships, and the
LiveReload protocol (version 7) it speaks over ``/livereload``, including ``liveCSS``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from tornado import web, websocket

from site_gen.serve_files import (
    CONTENT_TYPES,
    NOT_FOUND_PAGE,
    Found,
    Missing,
    Redirect,
    Refused,
    UrlPath,
    content_type,
    is_html,
    open_under,
    parse_url_path,
    read_all,
)
from site_gen.serve_net import host_allowed
from site_gen.serve_overlay import NO_SITE_PAGE, inject

PROTOCOL = "http://livereload.com/protocols/official-7"

# Loads livereload.js from the address and port the page itself came from (a reverse proxy or a
# forwarded port included); the client takes both from its own URL and connects to /livereload.
RELOAD_SCRIPT = (
    b'<script>(function(){var l=window.location,s=document.createElement("script");'
    b's.src="//"+l.hostname+":"+(l.port||(l.protocol=="https:"?443:80))+"/livereload.js";'
    b"document.head.appendChild(s);})();</script>"
)


def livereload_client() -> bytes:
    """livereload's browser client, as the package ships it."""
    return (resources.files("livereload") / "vendors" / "livereload.js").read_bytes()


@dataclass
class Live:
    """What the handlers share with the server. Read on the I/O thread, replaced whole by the
    build thread (one attribute assignment each, so a request sees one state or the other)."""

    root: Path
    allowed_hosts: frozenset[str] | None
    reload: bool
    overlay: bytes = b""
    clients: set[LiveReloadSocket] = field(default_factory=set)
    client_js: bytes = b""

    @property
    def script(self) -> bytes:
        return RELOAD_SCRIPT if self.reload else b""


class _Guarded(web.RequestHandler):
    live: Live

    def initialize(self, live: Live) -> None:
        self.live = live

    def set_default_headers(self) -> None:
        self.clear_header("Server")
        # A preview of pages being edited: never reuse an old copy. nosniff: an original
        # kept as text must never be run as a page because it looks like one.
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")

    def compute_etag(self) -> None:
        return None  # nothing is cached (no-store), so there is nothing to revalidate

    def prepare(self) -> None:
        if not host_allowed(self.request.headers.get("Host"), self.live.allowed_hosts):
            self.plain(
                403,
                "Forbidden: this preview answers only to its own address (the Host header "
                "names another site).\n",
            )

    def plain(self, status: int, text: str) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(text.encode("utf-8"))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status_code} {self._reason}\n".encode())


class FileHandler(_Guarded):
    """Every path that is not the LiveReload client or socket: a file of the output folder."""

    def head(self) -> None:
        self.get()  # tornado sends the headers of the same answer and no body

    def get(self) -> None:
        url = parse_url_path(self.request.path)
        if isinstance(url, Refused):
            self.plain(url.status, f"{url.status}: {url.reason}\n")
            return
        opened = open_under(self.live.root, url)
        if isinstance(opened, Redirect):
            query = self.request.query
            self.redirect(opened.location + (f"?{query}" if query else ""), status=302)
        elif isinstance(opened, Found):
            self.send(200, opened)
        elif opened.no_site:
            self.send_html(503, NO_SITE_PAGE)
        else:
            self.not_found()

    def not_found(self) -> None:
        page = open_under(self.live.root, UrlPath((NOT_FOUND_PAGE,), False))
        if isinstance(page, Found):
            self.send(404, page)
        elif isinstance(page, Missing) and page.no_site:
            self.send_html(503, NO_SITE_PAGE)
        else:
            self.plain(404, "404: not found\n")

    def send(self, status: int, found: Found) -> None:
        body = read_all(found)
        if is_html(found.name):
            self.send_html(status, body)
            return
        self.set_status(status)
        self.set_header("Content-Type", content_type(found.name))
        self.finish(body)

    def send_html(self, status: int, body: bytes) -> None:
        live = self.live  # one read: the overlay of one build state for the whole page
        self.set_status(status)
        self.set_header("Content-Type", CONTENT_TYPES[".html"])
        self.finish(inject(body, live.script, live.overlay))


class ClientHandler(_Guarded):
    def get(self) -> None:
        self.set_header("Content-Type", CONTENT_TYPES[".js"])
        self.finish(self.live.client_js)


class LiveReloadSocket(websocket.WebSocketHandler):
    """One browser tab. After the protocol's hello it is told to reload after each build."""

    live: Live

    def initialize(self, live: Live) -> None:
        self.live = live

    def prepare(self) -> None:
        if not host_allowed(self.request.headers.get("Host"), self.live.allowed_hosts):
            raise web.HTTPError(403)
        # tornado then checks that a browser's Origin matches the Host (check_origin).

    def on_message(self, message: str | bytes) -> None:
        try:
            data = json.loads(message)
        except ValueError:
            return
        if isinstance(data, dict) and data.get("command") == "hello":
            self.write_message({"command": "hello", "protocols": [PROTOCOL],
                                "serverName": "site-gen"})
            self.live.clients.add(self)

    def on_close(self) -> None:
        self.live.clients.discard(self)


def broadcast(live: Live, messages: list[dict[str, object]]) -> int:
    """Send the messages to every connected tab (on the I/O thread); how many tabs got them."""
    sent = 0
    for client in list(live.clients):
        try:
            for message in messages:
                client.write_message(message)
            sent += 1
        except websocket.WebSocketClosedError:
            live.clients.discard(client)
    return sent


def make_app(live: Live) -> web.Application:
    handlers: list[Any] = []
    if live.reload:
        handlers += [
            (r"/livereload", LiveReloadSocket, {"live": live}),
            (r"/livereload\.js", ClientHandler, {"live": live}),
        ]
    handlers.append((r".*", FileHandler, {"live": live}))
    # log_function: no line per request; the terminal is for what the builds say.
    return web.Application(handlers, log_function=lambda handler: None)
