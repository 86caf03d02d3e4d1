"""Time the per-file stage on hostile inputs of growing size: every step must stay linear.

Usage:
    python benchmarks/hostile_speed.py [--sizes 250000,500000,1000000] [--budget 60]

Three kinds of file, each one unbroken line (the worst case for paragraph-level work): a run
of quotations ("“We will,” she said. “They won't,” he said. ..."), unbroken text with no
punctuation, and punctuation and marks alone. For each size it prints the seconds that
``process_file`` takes and the ratio to the previous size (about 2 for linear time when the
size doubles; 4 would be quadratic). With ``--budget S`` it exits 1 when the largest file of
any kind (16 MB, the input limit, by default) takes longer than S seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from site_gen.inputs import MAX_FILE_BYTES  # noqa: E402
from site_gen.process import process_file  # noqa: E402
from site_gen.registry import default_registry  # noqa: E402

UNITS = {
    "quoted speech": "“We will build it,” she said. “They won't,” he said. ",
    "unbroken text": "word after word without any stop ",
    "punctuation": "“”\"'‘’«»,.;:!?—()[]… ",
}


def make(kind: str, size: int) -> bytes:
    """``size`` bytes (at most) of UTF-8 text of the kind, cut at a character boundary."""
    unit = UNITS[kind]
    text = "Title\n\n" + unit * (size // len(unit.encode("utf-8")) + 1)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore").encode("utf-8")


def time_one(kind: str, size: int) -> float:
    data = make(kind, size)
    t0 = time.perf_counter()
    process_file(f"{kind.replace(' ', '-')}.txt", data, default_registry())
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="250000,500000,1000000")
    parser.add_argument("--budget", type=float, default=None, help="seconds for 16 MB")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.budget is not None:
        sizes.append(MAX_FILE_BYTES)
    worst = 0.0
    for kind in UNITS:
        previous = None
        for size in sizes:
            seconds = time_one(kind, size)
            ratio = f"x{seconds / previous:.2f}" if previous else ""
            print(f"{kind:<14} {size:>10,} bytes  {seconds:8.2f} s  {ratio}", flush=True)
            previous = seconds
        worst = max(worst, previous or 0.0)
    if args.budget is not None and worst > args.budget:
        print(f"over budget: {worst:.1f} s > {args.budget:.1f} s")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
