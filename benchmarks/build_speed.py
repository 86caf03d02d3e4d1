"""Time a whole build of N synthetic articles made from the seeds (stdlib only).

    python benchmarks/build_speed.py [N] [--runs R]

Each article is a seed with its sentences rotated and a numbered first line, so every file is a
distinct article. Prints the median wall time over R runs and the per-stage timings of the last.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from site_gen.config import load_config  # noqa: E402
from site_gen.pipeline import build  # noqa: E402


def make_corpus(folder: Path, n: int) -> None:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    for i in range(n):
        text = seeds[i % len(seeds)]
        parts = text.split(". ")
        k = i % max(1, len(parts) - 1)
        body = ". ".join(parts[k:] + parts[:k])
        (folder / f"{i:05}.txt").write_text(f"Report number {i} on the meeting.\n\n{body}\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("n", nargs="?", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "content").mkdir()
        make_corpus(root / "content", args.n)
        cfg = load_config(content=Path("content"), output=Path("build"), cwd=root)
        times, report = [], None
        for _ in range(args.runs):
            t0 = time.perf_counter()
            report = build(cfg)
            times.append(time.perf_counter() - t0)
            assert report.ok, report.fatal
        assert report is not None
        med = statistics.median(times)
        print(f"{args.n} articles: median {med:.2f} s over {args.runs} runs "
              f"({args.n / med:.0f} articles/s); {report.pages} pages")
        print("stages (last run):", ", ".join(f"{k} {v:.2f}s" for k, v in report.timings.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
