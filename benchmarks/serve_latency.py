"""Time from saving an article to the browser's reload message, on a generated archive.

    python benchmarks/serve_latency.py [N] [--runs R]

Writes N short synthetic articles (invented outlets, places and people) into a temporary
project, starts the dev server as ``site-gen serve`` runs it (real builds, default watch
timings) on a free port of 127.0.0.1, connects a LiveReload client like a browser tab does, then
R times edits one article and measures until the reload message arrives. The time includes
noticing the change (system notifications, or looking where there are none), waiting for the
burst to settle, the whole rebuild, the swap and the message. Prints each run and the median,
and the build's own time for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import queue
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tornado.websocket import websocket_connect  # noqa: E402

from site_gen.config import load_config  # noqa: E402
from site_gen.serve_app import PROTOCOL  # noqa: E402
from site_gen.serve_overlay import Places  # noqa: E402
from site_gen.server import DevServer, config_build, watched_paths  # noqa: E402

OUTLETS = ["Velmar Herald", "Northgate Courier", "Coastline Daily", "Ardent Wire"]
PLACES = ["Velmar", "Northgate", "Tessaly", "Orrin Bay", "Kessel"]
PEOPLE = ["Ilse Marrow", "Tomas Verrault", "Anneke Solberg", "Dario Penhallow", "Mira Quenby"]
TOPICS = ["ferry timetable", "harbour dredging", "tram extension", "library hours", "flood wall"]


def article(i: int, variant: str = "") -> str:
    place, person = PLACES[i % len(PLACES)], PEOPLE[(i // 3) % len(PEOPLE)]
    topic = TOPICS[(i // 7) % len(TOPICS)]
    return (
        f"{place} council debates the {topic}, report {i}\n\n"
        f"{place.upper()} - The council of {place} met on Tuesday for the {i}th time to discuss "
        f"the {topic}.{variant}\n\n"
        f'"We will decide before the summer," said {person}, who chairs the committee.\n\n'
        f"According to {person}, the cost of item {i} is still being estimated.\n\n"
        f"SOURCE: {OUTLETS[i % len(OUTLETS)]}\n"
    )


class Tab:
    """A LiveReload client: hello, then every message into a queue."""

    def __init__(self, port: int) -> None:
        self.messages: queue.Queue[tuple[float, dict]] = queue.Queue()
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        asyncio.run_coroutine_threadsafe(self._connect(port), self.loop).result(30)

    async def _connect(self, port: int) -> None:
        conn = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
        await conn.write_message(json.dumps({"command": "hello", "protocols": [PROTOCOL]}))
        await conn.read_message()
        self.conn = conn

        async def read() -> None:
            while (message := await conn.read_message()) is not None:
                self.messages.put((time.perf_counter(), json.loads(message)))

        self.reader = asyncio.ensure_future(read())

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.conn.close)
        self.loop.call_soon_threadsafe(self.loop.stop)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("n", nargs="?", type=int, default=200, help="articles (default 200)")
    ap.add_argument("--runs", type=int, default=5, help="edits to time (default 5)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        (root / "content").mkdir(parents=True)
        for i in range(args.n):
            (root / "content" / f"report-{i:05}.txt").write_text(article(i), encoding="utf-8")
        (root / "site.toml").write_text('content = "content"\noutput = "build"\n')
        config = load_config(root / "site.toml", cwd=root)
        server = DevServer(
            config_build(config),
            config.output_dir,
            watch=watched_paths(config),
            static_dirs=config.static_dirs,
            port=0,
            places=Places(config.root, config.content_dir, config.template_dirs),
            out=io.StringIO(),
            err=io.StringIO(),
        )
        with server:
            if not server.wait_for(lambda: server.reloads >= 1, timeout=600):
                print("the first build did not finish", file=sys.stderr)
                return 1
            print(f"{args.n} articles; first build: {server.state.summary}")
            tab = Tab(server.port)
            times, builds = [], []
            target = root / "content" / "report-00000.txt"
            for run in range(args.runs):
                # A quiet moment, as between two saves: the last build done, its record made
                # (after its reload message), and the watch settled.
                server.wait_for(lambda run=run: server.finished >= run + 1, timeout=600)
                time.sleep(server.poll + server.settle)
                t0 = time.perf_counter()
                target.write_text(article(0, f" Edit number {run}."), encoding="utf-8")
                t1, message = tab.messages.get(timeout=600)
                assert message["command"] == "reload", message
                times.append(t1 - t0)
                builds.append(server.state.summary)
                print(f"  edit {run + 1}: reload message after {t1 - t0:.2f} s ({builds[-1]})")
            tab.close()
        print(
            f"median {statistics.median(times):.2f} s from save to reload message "
            f"(watch: {'system notifications' if server.watcher.notified else 'looking'}"
            f", a burst settles after {server.settle} s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
