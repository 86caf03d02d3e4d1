"""Score the reader on the reader development set, each field for the first and second batch.

Usage:
    python benchmarks/reader_devset.py [--dev ../shared/dev-reader] [--jobs 2] [--misses FIELD]

Every case goes through what ``site-gen inspect FILE --json`` runs (in this process, or in
``--jobs`` worker processes) and is scored by the set's own ``check_reader.py``; the time each
file takes is measured too (the target: no file over 1 s). The set grew in
two batches (the first 68 cases and 201 more, listed in two tables of its README); a rule that
helps only one batch is tuning, so every field is reported for each batch and for all cases.
The set is private evaluation data: this script only reads it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from site_gen.config import Config  # noqa: E402
from site_gen.inputs import inputs_from_paths  # noqa: E402
from site_gen.inspection import article_record  # noqa: E402
from site_gen.pipeline import analyze  # noqa: E402

DEFAULT_DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-reader"
BATCHES = ("first", "second")


def load_scorer(dev: Path):
    spec = importlib.util.spec_from_file_location("check_reader", dev / "check_reader.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def batches(dev: Path) -> dict[str, str]:
    """Case name -> "first" or "second", read from the README's per-case tables (the second
    batch's table follows a heading that starts with "Second batch")."""
    batch = "first"
    found: dict[str, str] = {}
    in_tables = False
    for line in (dev / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("Per case"):
            in_tables = True
        elif in_tables and line.startswith("Second batch"):
            batch = "second"
        elif in_tables and line.startswith("## "):
            break
        match = re.match(r"\|\s*`([^`]+)`\s*\|", line)
        if in_tables and match:
            found[match.group(1)] = batch
    return found


def inspect_record(path: Path) -> dict | None:
    """What ``site-gen inspect PATH --json`` prints for one file (None when it fails)."""
    config = Config(root=path.parent)
    inputs, _ = inputs_from_paths([path])
    analysis = analyze(config, inputs, jobs=1)
    for article in analysis.archive.articles:
        return article_record(article, analysis.archive, analysis.diagnostics)
    return None


def _warm() -> None:
    """Import the HTML extractor before timing (a build imports it once per process)."""
    import trafilatura  # noqa: F401, PLC0415


def _run(args: tuple[str, str]) -> tuple[str, tuple[dict | None, float]]:
    name, path = args
    start = time.perf_counter()
    record = inspect_record(Path(path))
    return name, (record, time.perf_counter() - start)


def score(dev: Path = DEFAULT_DEV, jobs: int = 1) -> dict:
    """``{"fields": {batch: {field: [n, ok]}}, "cases": {name: {field: ok}}, "crashes": [...]}``
    with batches "first", "second" and "all"."""
    scorer = load_scorer(dev)
    which = batches(dev)
    expects = {}
    for p in sorted((dev / "cases").glob("*.expect.json")):
        e = json.loads(p.read_text(encoding="utf-8"))
        expects[e["case"]] = e
    work = [(name, str(dev / "cases" / e["file"])) for name, e in expects.items()]
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_warm) as pool:
            timed = dict(pool.map(_run, work, chunksize=4))
    else:
        _warm()
        timed = dict(map(_run, work))
    outputs = {name: record for name, (record, _) in timed.items()}
    seconds = {name: spent for name, (_, spent) in timed.items()}
    fields: dict[str, dict[str, list[int]]] = {b: {} for b in (*BATCHES, "all")}
    cases: dict[str, dict[str, bool]] = {}
    crashes = []
    for name, expect in expects.items():
        out = outputs.get(name)
        if out is None:
            crashes.append(name)
            out = {}
        got, _ = scorer.score_case(expect, out)
        cases[name] = {f: bool(normalized) for f, (_, normalized) in got.items()}
        for batch in (which.get(name, "second"), "all"):
            for f, ok in cases[name].items():
                seen = fields[batch].setdefault(f, [0, 0])
                seen[0] += 1
                seen[1] += int(ok)
    return {
        "fields": fields,
        "cases": cases,
        "crashes": crashes,
        "outputs": outputs,
        "seconds": seconds,
    }


def table(result: dict) -> str:
    names = list(dict.fromkeys(f for b in result["fields"].values() for f in b))
    counts = {b: sum(1 for _ in result["cases"]) for b in ("all",)}
    lines = [f"{'field':<16}" + "".join(f"{b:>18}" for b in (*BATCHES, "all"))]
    for f in names:
        row = f"{f:<16}"
        for b in (*BATCHES, "all"):
            n, ok = result["fields"][b].get(f, (0, 0))
            row += f"{(f'{ok / n:.3f} ({ok}/{n})' if n else '-'):>18}"
        lines.append(row)
    lines.append(f"cases: {counts['all']}, crashes: {len(result['crashes'])}")
    seconds = result["seconds"]
    if seconds:
        slowest = max(seconds, key=seconds.get)
        over = sum(1 for s in seconds.values() if s > 1.0)
        lines.append(
            f"slowest file: {seconds[slowest]:.2f} s ({slowest}), files over 1 s: {over}"
            " (read, quotes and all, one process per job, the extractor imported first)"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--misses", metavar="FIELD", help="list the cases that miss FIELD")
    args = parser.parse_args(argv)
    result = score(args.dev, args.jobs)
    print(table(result))
    if args.misses:
        which = batches(args.dev)
        for name, got in sorted(result["cases"].items()):
            if got.get(args.misses) is False:
                print(f"miss {args.misses}: {name} ({which.get(name, '?')})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
