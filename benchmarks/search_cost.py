"""What search costs a build: cold builds of a synthetic archive with and without search.

    python benchmarks/search_cost.py [N] [--runs R] [-j J]

writes N synthetic articles (``benchmarks/synthetic.py``), then builds them cold (no cache,
a new output folder) R times with ``search = true`` and R times with ``search = false``, in
turn, and prints the median wall time and CPU time (this process and its children: the worker
processes, Pagefind) of each, the search stage's own wall time, and what the index holds
(records, files, bytes). The builds run in this process, one after the other.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.synthetic import write_corpus  # noqa: E402
from site_gen.config import load_config  # noqa: E402
from site_gen.pipeline import build  # noqa: E402


def _cpu() -> float:
    """User and system time of this process and of its children that have ended (the build's
    worker processes, Pagefind)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN
    )
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("-j", "--jobs", type=int, default=None)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="site-gen-search-cost-") as tmp:
        root = Path(tmp)
        write_corpus(args.n, root / "content", None)
        base = load_config(content=Path("content"), output=Path("build"), cwd=root)
        walls: dict[bool, list[float]] = {True: [], False: []}
        cpus: dict[bool, list[float]] = {True: [], False: []}
        stage: list[float] = []
        for run in range(args.runs):
            for search in (True, False):
                cfg = replace(base, search=search, output=root / f"out-{search}-{run}")
                start, cpu = time.perf_counter(), _cpu()
                report = build(cfg, jobs=args.jobs, use_cache=False)
                walls[search].append(time.perf_counter() - start)
                cpus[search].append(_cpu() - cpu)
                assert report.ok, report.summary()
                if search:
                    assert not [d for d in report.diagnostics if d.path == "search"]
                    stage.append(report.timings["search"])
        bundle = root / "out-True-0" / "pagefind"
        files = [p for p in bundle.rglob("*") if p.is_file()]
        entry = json.loads((bundle / "pagefind-entry.json").read_text())
        records = sum(lang["page_count"] for lang in entry["languages"].values())
        with_search, without = statistics.median(walls[True]), statistics.median(walls[False])
        print(f"{args.n:,} articles, cold builds, median of {args.runs}:")
        cpu_with, cpu_without = statistics.median(cpus[True]), statistics.median(cpus[False])
        print("                  wall time (CPU time)")
        print(f"  with search     {with_search:7.2f} s ({cpu_with:6.2f} s)  "
              f"search stage {statistics.median(stage):.2f} s")
        print(f"  without search  {without:7.2f} s ({cpu_without:6.2f} s)")
        print(f"  search adds     {with_search - without:7.2f} s ({cpu_with - cpu_without:6.2f} s)"
              f", {(with_search - without) / without:.0%} of the wall time")
        print(f"  index: {records:,} records, {len(files):,} files, "
              f"{sum(p.stat().st_size for p in files) / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
