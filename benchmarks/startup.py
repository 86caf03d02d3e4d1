"""Start-up time: how long a command takes from launch to exit, each run a process of its own.

    python benchmarks/startup.py [--repeat N] [--source DIR ...] [--no-bytecode] [--json FILE]

Times ``python -m site_gen --help``, ``--version`` and ``inspect`` of one invented article as
plain text, Markdown and HTML (written into a temporary folder), plus the bare interpreter
(``python -c pass``) as the floor. Each command runs N times (default 15) in turn with the
others, so a change in the machine's load falls on all of them alike; the table gives the
median and the fastest and slowest run, in seconds of wall time (``time.perf_counter`` around
``subprocess.run``).

``--source DIR`` times the site_gen package found in DIR (put first on ``PYTHONPATH``; default:
this checkout); given several times, it compares checkouts with the same interpreter, their
runs interleaved, one column each (``git archive REV site_gen | tar -x -C DIR`` makes a
checkout of an earlier revision). Before timing, each command runs once untimed with bytecode
writing allowed, so that Python's ``__pycache__`` files exist, as they do in an installed
package; the timed runs read them. ``--no-bytecode`` times without them instead: it sets
``PYTHONDONTWRITEBYTECODE`` and refuses a source folder that has ``__pycache__`` folders, so
every start compiles site-gen's own modules again (as in a development checkout run with
that variable set; the installed libraries keep their caches).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

TEXT = (
    "Harbour reopens after storm repairs\n\n"
    "PORT VELMAR (Wire Agency) - The harbour of Port Velmar reopened on Monday after three "
    "weeks of repairs to the sea wall, the port authority said.\n\n"
    "\u201cWe are glad to see the ferries back before the summer,\u201d said Jane Roe, the "
    "harbour minister. \u201cThe wall will hold for another fifty years.\u201d\n\n"
    "Fishermen said the closure had cost them most of the spring season.\n\n"
    "Source: Velmar Herald\n"
)
MARKDOWN = (
    "---\ntitle: Harbour reopens after storm repairs\ndate: 2026-03-02\n"
    "source: Velmar Herald\n---\n\n" + TEXT.split("\n\n", 1)[1]
)
HTML = (
    "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Harbour reopens after storm repairs | Velmar Herald</title>"
    "<meta property=\"og:site_name\" content=\"Velmar Herald\"></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/port\">Port</a></nav><article>"
    "<h1>Harbour reopens after storm repairs</h1>"
    + "".join(f"<p>{p}</p>" for p in TEXT.split("\n\n")[1:4])
    + "</article><footer>&copy; Velmar Herald</footer></body></html>\n"
)


def commands(folder: Path) -> list[tuple[str, list[str]]]:
    site_gen = ["-m", "site_gen"]
    return [
        ("python -c pass (the floor)", ["-c", "pass"]),
        ("site-gen --help", [*site_gen, "--help"]),
        ("site-gen --version", [*site_gen, "--version"]),
        ("site-gen inspect article.txt", [*site_gen, "inspect", str(folder / "article.txt")]),
        ("site-gen inspect article.md", [*site_gen, "inspect", str(folder / "article.md")]),
        ("site-gen inspect article.html", [*site_gen, "inspect", str(folder / "article.html")]),
    ]


def run(python: str, args: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run([python, *args], cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}):\n"
                         + done.stderr.decode(errors="replace")[-2000:])
    return elapsed


def _environment(source: Path, no_bytecode: bool = False) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(source), *filter(None, [os.environ.get("PYTHONPATH")])])}
    if no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15, metavar="N", help="runs per command")
    parser.add_argument("--source", type=Path, action="append", metavar="DIR",
                        help="folder holding the site_gen package to time (default: this one); "
                        "repeat to compare several")
    parser.add_argument("--python", default=sys.executable, help="interpreter to run")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="time without site-gen's bytecode caches (see above)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every run's time here")
    args = parser.parse_args(argv)
    sources = [d.resolve() for d in args.source or [REPO]]
    for source in sources:
        if not (source / "site_gen" / "__init__.py").is_file():
            parser.error(f"no site_gen package in {source}")
        if args.no_bytecode and any((source / "site_gen").rglob("__pycache__")):
            parser.error(f"--no-bytecode: {source} has __pycache__ folders; time a fresh copy")
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="site-gen-startup-") as tmp:
        folder = Path(tmp)
        (folder / "article.txt").write_text(TEXT, encoding="utf-8")
        (folder / "article.md").write_text(MARKDOWN, encoding="utf-8")
        (folder / "article.html").write_text(HTML, encoding="utf-8")
        todo = commands(folder)
        envs = [_environment(source, args.no_bytecode) for source in sources]
        for env in envs:  # untimed: writes the bytecode caches, warms the disk cache
            warm = env if args.no_bytecode else {
                k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
            for _, command in todo:
                run(args.python, command, warm, folder)
        times = [{name: [] for name, _ in todo} for _ in sources]
        for _ in range(args.repeat):
            for name, command in todo:
                for env, runs in zip(envs, times, strict=True):
                    runs[name].append(run(args.python, command, env, folder))
    load_after = os.getloadavg()
    print(f"{os.cpu_count()} cores, load average {load_before[0]:.2f} before, "
          f"{load_after[0]:.2f} after; median of {args.repeat} runs (fastest-slowest), "
          "wall time in seconds" + (", no bytecode caches" if args.no_bytecode else ""))
    for i, source in enumerate(sources, 1):
        print(f"[{i}] site_gen from {source}")
    width = max(len(name) for name, _ in todo)
    heads = [f"[{i}]" for i in range(1, len(sources) + 1)]
    print(f"{'command':<{width}}" + "".join(f"  {head:>19}" for head in heads))
    for name, _ in todo:
        cells = [f"{statistics.median(r[name]):.3f} ({min(r[name]):.2f}-{max(r[name]):.2f})"
                 for r in times]
        print(f"{name:<{width}}" + "".join(f"  {cell:>19}" for cell in cells))
    if args.json:
        args.json.write_text(json.dumps({
            "cores": os.cpu_count(), "repeat": args.repeat, "load_average": [
                load_before, load_after],
            "runs": {str(source): runs for source, runs in zip(sources, times, strict=True)},
        }, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
