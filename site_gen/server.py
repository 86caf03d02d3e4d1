"""``site-gen serve``: a preview that rebuilds on every change and reloads the browser.

``DevServer`` ties the parts together: a build function it is given (any callable returning a
build report, told the files changed since its last call when it takes an argument; the
command's is ``config_build``: ``pipeline.build``, incremental), the HTTP side
(``serve_app``: files of the output folder, the LiveReload socket) on a thread of its own, and a
watch loop that waits for a burst of changes to settle, rebuilds once, and only then tells the
browsers to reload, so a browser never loads a half-written site. ``start()`` runs the watch
loop on a background thread (tests, embedding); ``run()`` runs it on the calling thread, which
is what the command line does so that Ctrl-C interrupts a build at once (the build's own clean-up
removes its temporary folder).
"""

from __future__ import annotations

import asyncio
import inspect
import os
import signal
import socket
import sys
import threading
import time
import traceback
import webbrowser
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TextIO

from tornado.httpserver import HTTPServer

from site_gen.cache import remember_results
from site_gen.config import Config, ConfigError
from site_gen.model import collapse_repeated
from site_gen.pipeline import BuildReport, build
from site_gen.serve_app import Live, broadcast, livereload_client, make_app
from site_gen.serve_net import allowed_hosts, is_loopback, listen, url_host
from site_gen.serve_overlay import (
    GOOD,
    UNKNOWN_PLACES,
    BuildResult,
    BuildState,
    DiagnosticLike,
    Places,
    crashed,
    render_overlay,
    state_of,
    terminal_lines,
)
from site_gen.serve_watch import (
    POLL_SECONDS,
    POLL_SETTLE_SECONDS,
    SETTLE_SECONDS,
    Watcher,
)
from site_gen.write import discard, is_site_gen_output

RELOAD_SENT_WAIT = 1.0  # at most this long (s) for the reload message before the record


def watched_paths(config: Config) -> list[Path]:
    """Content, templates, static files and the configuration files, including the user's
    template and static folders and the optional files before they exist (creating one is a
    change)."""
    paths = [config.content_dir, config.resolve(config.templates), *config.template_dirs,
             *config.static_dirs, config.resolve(config.static)]
    for extra in (
        config.config_file,
        config.resolve(config.sources),
        config.resolve(config.speakers),
    ):
        if extra is not None:
            paths.append(extra)
    unique: dict[Path, None] = {}
    for p in paths:
        unique.setdefault(p.absolute(), None)
    return list(unique)


class DevServer:
    """Serve ``root`` and rebuild with ``build`` when a file under ``watch`` changes.

    ``port`` 0 lets the system choose; a busy port moves on to the next free one (``port`` holds
    the one in use after ``bind()``). ``check_host`` refuses requests whose Host header names
    another site (DNS rebinding); turn it off only for a non-loopback ``host``. ``reload``
    False: no script in the pages, no watching, a single build. ``static_dirs``: folders copied
    to ``static/`` of the site, so that a stylesheet saved there is reloaded in place."""

    def __init__(
        self,
        build: Callable[[], BuildResult] | Callable[[Collection[Path]], BuildResult],
        root: Path,
        *,
        watch: Sequence[Path] = (),
        static_dirs: Sequence[Path] = (),
        host: str = "127.0.0.1",
        port: int = 8000,
        check_host: bool = True,
        reload: bool = True,
        build_first: bool = True,
        places: Places = UNKNOWN_PLACES,
        poll: float = POLL_SECONDS,
        settle: float | None = None,
        notify: bool = True,
        out: TextIO | None = None,
        err: TextIO | None = None,
    ) -> None:
        self.build_function = build
        self.root = Path(root).absolute()
        self.watch = tuple(Path(p).absolute() for p in watch)
        self.static_dirs = tuple(Path(p).absolute() for p in static_dirs)
        self.host = host
        self.port = port
        self.check_host = check_host
        self.reload = reload
        self.build_first = build_first
        self.places = places
        self.poll = poll
        self.watcher = Watcher(self.watch, skip=[self.root], poll=poll, settle=settle,
                               notify=notify)
        self.out = out
        self.err = err
        self.state: BuildState = GOOD
        self.builds = 0  # calls of the build function that have returned (or raised)
        self.finished = 0  # of those, the ones done with everything (their record included)
        # Reloads sent to the browsers: one per build, but for a failure that repeats the last
        # one word for word (the pages would show the same).
        self.reloads = 0
        self.last_reload: list[dict[str, object]] = []  # the messages of the last one
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._sockets: list[socket.socket] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._io: threading.Thread | None = None
        self._worker: threading.Thread | None = None
        self._live: Live | None = None

    @property
    def url(self) -> str:
        return f"http://{url_host(self.host)}:{self.port}/"

    # -- life cycle ------------------------------------------------------------------------

    def bind(self) -> int:
        """Listen (the next free port when ``port`` is busy); raises ``ListenError``."""
        if not self._sockets:
            self._sockets, self.port = listen(self.host, self.port)
        return self.port

    def start(self) -> DevServer:
        """Serve, build and watch on background threads; returns once requests are answered."""
        self._serve_http()
        self._worker = threading.Thread(
            target=self._guarded_loop, name="site-gen-watch", daemon=True
        )
        self._worker.start()
        return self

    def run(self, on_first_build: Callable[[], None] | None = None) -> None:
        """Serve on a background thread, build and watch on this one until ``shutdown()`` or
        KeyboardInterrupt (which is passed on, after everything is stopped)."""
        self._serve_http()
        try:
            self._loop_forever(on_first_build)
        finally:
            with _sigint_held():
                self.shutdown()

    def shutdown(self, timeout: float | None = None) -> None:
        """Stop watching, wait for a build in progress, stop serving, remove what is left of
        interrupted builds of this process. Safe to call more than once."""
        self._stop.set()
        self.watcher.stop()
        worker = self._worker
        if worker is not None and worker is not threading.current_thread():
            worker.join(timeout)
        self._stop_http()
        if worker is None or not worker.is_alive():
            remove_own_stages(self.root)

    def __enter__(self) -> DevServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    # -- waiting, for tests and tools --------------------------------------------------------

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 30.0) -> bool:
        """Wait until ``predicate()`` holds (checked after each build and each reload)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
        return True

    def _notify(self) -> None:
        with self._changed:
            self._changed.notify_all()

    # -- HTTP ---------------------------------------------------------------------------------

    def _serve_http(self) -> None:
        self.bind()
        self._live = Live(
            root=self.root,
            allowed_hosts=allowed_hosts(self.host, self.port) if self.check_host else None,
            reload=self.reload,
            client_js=livereload_client() if self.reload else b"",
        )
        ready = threading.Event()
        failure: list[BaseException] = []
        self._io = threading.Thread(
            target=self._io_thread, args=(ready, failure), name="site-gen-http", daemon=True
        )
        self._io.start()
        ready.wait()
        if failure:
            raise failure[0]

    def _io_thread(self, ready: threading.Event, failure: list[BaseException]) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop  # before `ready`: the first build may want to send a reload at once
        try:
            try:
                http = loop.run_until_complete(self._open_http())
            except BaseException as exc:  # handed to the thread that called start()
                failure.append(exc)
                return
            finally:
                ready.set()
            loop.run_forever()
            loop.run_until_complete(self._close_http(http))
            tasks = asyncio.all_tasks(loop)
            for task in tasks:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
        finally:
            loop.close()

    async def _open_http(self) -> HTTPServer:
        assert self._live is not None
        http = HTTPServer(make_app(self._live))
        http.add_sockets(self._sockets)
        return http

    async def _close_http(self, http: HTTPServer) -> None:
        http.stop()
        if self._live is not None:
            for client in list(self._live.clients):
                client.close()
        try:
            await asyncio.wait_for(http.close_all_connections(), 0.5)
        except (TimeoutError, OSError):
            pass

    def _stop_http(self) -> None:
        loop, io = self._loop, self._io
        if loop is not None and io is not None and io.is_alive():
            try:
                loop.call_soon_threadsafe(loop.stop)
            except RuntimeError:
                pass  # already closed
            io.join(2.0)
        for sock in self._sockets:
            sock.close()

    # -- watching and building ----------------------------------------------------------------

    def _guarded_loop(self) -> None:
        try:
            self._loop_forever(None)
        except Exception:  # a bug in the loop itself: say so, keep serving what is there
            traceback.print_exc(file=self.err or sys.stderr)

    def _loop_forever(self, on_first_build: Callable[[], None] | None) -> None:
        if self.reload:
            self.watcher.start()  # before the first build: changes made during it count
        if self.build_first:
            self._rebuild(set())
        if on_first_build is not None:
            on_first_build()
        if not self.reload:
            self._stop.wait()
            return
        # Changes made while a build runs are in the next batch.
        for changed in self.watcher.batches(self._stop):
            self._rebuild(changed)

    @property
    def settle(self) -> float:
        """The quiet time that ends a burst of changes, as the watcher uses it."""
        w = self.watcher
        if w.settle is not None:
            return w.settle
        return SETTLE_SECONDS if w.notified else POLL_SETTLE_SECONDS

    def _rebuild(self, changed: set[Path]) -> None:
        if changed:
            names = sorted(self._show(p) for p in changed)
            more = f" and {len(names) - 1} more" if len(names) > 1 else ""
            self._say(f"{time.strftime('%H:%M:%S')} changed: {names[0]}{more}; rebuilding")
        finish = None
        try:
            # A build function that takes an argument is told the files changed since its
            # last call (see ``config_build``).
            build = self.build_function
            report = build(frozenset(changed)) if _takes_argument(build) else build()
            finish = getattr(report, "finish", None)
            state = state_of(report, self.places)
            warnings = self._warnings(report, changed)
        except Exception as exc:
            traceback.print_exc(file=self.err or sys.stderr)
            state, warnings = crashed(exc, "Build crashed; the last good build is still served"), []
        previous = self.state
        assert self._live is not None
        self._live.overlay = render_overlay(state)  # before the reload: reloaded pages show it
        self.state = state
        self.builds += 1
        for line in warnings + terminal_lines(state):
            self._say(line, error=True)
        self._say(state.summary)
        if self.reload and not (state.failed and state == previous):
            sent = self._send_reload(self._messages(changed, previous, state))
            # The record takes this process's time: the message goes out first (the I/O
            # thread would otherwise wait its turn behind it).
            sent.wait(RELOAD_SENT_WAIT)
        if finish is not None:  # the build's record for the next one, once the reload is sent
            try:
                finish()
            except Exception:
                traceback.print_exc(file=self.err or sys.stderr)
        self.finished += 1
        self._notify()

    def _warnings(self, report: BuildResult, changed: set[Path]) -> list[str]:
        """Every warning after the first build; after a rebuild those about the files just
        changed, and a count of the rest (said before, and unchanged)."""
        warnings = [d for d in report.diagnostics if d.severity == "warning"]
        content = self.places.content
        if not changed or content is None:
            return collapse_repeated([_format(d) for d in warnings])
        content = content.absolute()
        touched = {p.relative_to(content).as_posix() for p in changed if content in p.parents}
        shown = [_format(d) for d in warnings if d.path in touched]
        rest = len(warnings) - len(shown)
        if rest:
            shown.append(f"({rest} warning{'s' if rest != 1 else ''} about other files)")
        return collapse_repeated(shown)

    def _messages(
        self, changed: set[Path], previous: BuildState, state: BuildState
    ) -> list[dict[str, object]]:
        """Stylesheets alone changed and the overlay stays as it was: reload those in place.
        Anything else: reload the page."""
        styles = [self._static_url(p) for p in changed]
        if changed and previous.clean and state.clean and all(styles):
            return [{"command": "reload", "path": s, "liveCSS": True, "liveImg": False}
                    for s in sorted(s for s in styles if s)]
        return [{"command": "reload", "path": "/", "liveCSS": False, "liveImg": False}]

    def _static_url(self, path: Path) -> str | None:
        if path.suffix.lower() != ".css":
            return None
        for folder in self.static_dirs:
            if folder in path.parents:
                return "static/" + path.relative_to(folder).as_posix()
        return None

    def _send_reload(self, messages: list[dict[str, object]]) -> threading.Event:
        """Hand the message to the I/O thread; the event is set once it went out."""
        sent = threading.Event()
        loop, live = self._loop, self._live
        if loop is None or live is None or loop.is_closed():
            sent.set()
            return sent

        def send() -> None:
            try:
                broadcast(live, messages)
                self.last_reload = messages
                self.reloads += 1
                self._notify()
            finally:
                sent.set()

        try:
            loop.call_soon_threadsafe(send)
        except RuntimeError:
            sent.set()  # the server is stopping
        return sent

    def _show(self, path: Path) -> str:
        project = self.places.project
        if project is not None and project.absolute() in path.parents:
            return path.relative_to(project.absolute()).as_posix()
        return str(path)

    def _say(self, line: str, error: bool = False) -> None:
        if line:
            stream = (self.err or sys.stderr) if error else (self.out or sys.stdout)
            print(line, file=stream, flush=True)


def _format(d: DiagnosticLike) -> str:
    where = f"{d.path}:{d.line}" if d.line else d.path
    return f"{where}: {d.severity}: {d.message}"


@contextmanager
def _sigint_held() -> Iterator[None]:
    """A second Ctrl-C while stopping must not cut the stop short (on the main thread, the only
    one that receives signals)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def remove_own_stages(output: Path) -> None:
    """Temporary folders of this process's builds of ``output`` (a build interrupted by Ctrl-C
    between its swap and its clean-up); the next build would remove them, but we are leaving.
    An empty one goes too: a Ctrl-C just after the system made the folder, before the build
    marked it as its own (anything else unmarked is left alone)."""
    prefixes = tuple(f".{output.name}-{kind}-{os.getpid()}-" for kind in ("new", "old"))
    try:
        entries = list(output.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(prefixes) and entry.is_dir() and not entry.is_symlink():
            if is_site_gen_output(entry):
                discard(entry)  # removed again while something finishes a file in it
            else:
                try:
                    entry.rmdir()  # only when empty
                except OSError:
                    pass


def _takes_argument(function: Callable[..., object]) -> bool:
    try:
        return bool(inspect.signature(function).parameters)
    except (TypeError, ValueError):  # no signature to read: called without one
        return False


# -- the command ---------------------------------------------------------------------------


def config_build(
    config: Config, load: Callable[[], Config] | None = None
) -> Callable[[Collection[Path] | None], BuildReport]:
    """The build the command line injects: the whole pipeline, with ``site.toml`` read again
    each time (a changed title shows at once), told the files changed since its last call so
    that only those are looked at among the inputs (``pipeline.build``'s ``changed``). Folders
    are fixed for the session: the server serves and watches the ones it started with, and says
    so if the configuration moves them.
    One process (``jobs=1``): a Ctrl-C then stops the build at once, with no worker processes
    to wind down."""

    remember_results()  # the server builds again and again: keep the per-file results
    missed = False  # a call returned before building: the changes it was told are not known

    def run(changed: Collection[Path] | None = None) -> BuildReport:
        nonlocal missed
        current = config
        if load is not None:
            try:
                current = load()
            except ConfigError as exc:
                missed = True
                return BuildReport(False, config.output_dir, fatal=str(exc))
            moved = [
                name
                for name, old, new in (
                    ("output", config.output_dir, current.output_dir),
                    ("content", config.content_dir, current.content_dir),
                    ("templates", config.resolve(config.templates),
                     current.resolve(current.templates)),
                    ("static", config.resolve(config.static), current.resolve(current.static)),
                )
                if old.resolve() != new.resolve()
            ]
            if moved:
                missed = True
                return BuildReport(
                    False,
                    config.output_dir,
                    fatal=f"{current.config_file}: the {', '.join(moved)} folder changed; "
                    "stop site-gen serve and start it again to use it",
                )
        # The server finishes it after the reload; only the changed inputs are looked at.
        told, missed = (None if missed else changed), False
        return build(current, jobs=1, defer=True, changed=told)

    return run


def serve(
    config: Config,
    port: int = 8000,
    host: str = "127.0.0.1",
    *,
    open_browser: bool = False,
    reload: bool = True,
    load: Callable[[], Config] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> None:
    """Build, serve, rebuild on changes until Ctrl-C. Raises ``ListenError`` when no port of
    the range can be bound, and KeyboardInterrupt after a clean stop."""
    out = out or sys.stdout
    err = err or sys.stderr
    loopback = is_loopback(host)
    server = DevServer(
        config_build(config, load),
        config.output_dir,
        watch=watched_paths(config),
        static_dirs=[*config.static_dirs, config.resolve(config.static)],
        host=host,
        port=port,
        check_host=loopback,
        reload=reload,
        places=Places(config.root, config.content_dir, config.template_dirs),
        out=out,
        err=err,
    )
    server.bind()
    if port and server.port != port:
        print(f"Port {port} is in use; using port {server.port} instead.", file=out, flush=True)
    if not loopback:
        print(
            f"warning: serving on {host}, which other machines can reach: anyone who can "
            f"connect to port {server.port} sees the site and its originals, and the Host "
            "check is off.",
            file=err,
            flush=True,
        )
    what = "rebuilds and reloads on changes" if reload else "no live reload"
    print(f"Serving {config.output_dir} at {server.url} ({what}; Ctrl-C to stop)",
          file=out, flush=True)
    opener = partial(_open, server.url) if open_browser else None
    server.run(on_first_build=opener)


def _open(url: str) -> None:
    # A thread: some browsers' launchers do not return until the browser exits.
    threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
