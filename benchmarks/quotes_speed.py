"""Speed of quote extraction + attribution on one core (stdlib timing, CPU time).

Usage:
    python benchmarks/quotes_speed.py [--dev ../shared/dev-quotes] [--repeat 5]

Times ``extract_quotes`` over the quotes development set when it is present (read only) and
over synthetic ~700-word news articles, and prints articles per second. The target is at least
500 articles of ~700 words per second on one core.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from site_gen.quotes import attribution, cues, extract_quotes, names  # noqa: E402

DEFAULT_DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-quotes"
_NAMES = ["Anna Berg", "Omar Haddad", "Maria Lopez", "John Carter", "Li Wei", "Sam Ortiz"]
_SENTENCES = [
    "\u201cWe will rebuild the bridge before the winter, and nobody will stop us,\u201d {n} said.",
    "{n} told reporters on Tuesday that the plan would cost more than expected.",
    "According to {n}, the talks collapsed after the second round of votes.",
    "The council met for three hours and approved the budget with a narrow majority.",
    "\"It is a good day for the city,\" said {n}, the head of the transport agency.",
    "{s} stressed that the program was \u201cthe best we have had in decades\u201d and must go on.",
    "Residents have complained about the noise for years, and the issue of \"safety\" remains.",
    "\u201cThis is not over.\u201d",
    "She added that the agency would publish its findings in the spring.",
    "Local businesses, which rely on the traffic, said they were worried about the closures.",
]


def synthetic(n_articles: int, words: int = 700, seed: int = 1) -> list[list[str]]:
    rnd = random.Random(seed)
    arts = []
    for _ in range(n_articles):
        paras, count = [], 0
        while count < words:
            name = rnd.choice(_NAMES)
            sent = rnd.choice(_SENTENCES).format(n=name, s=name.split()[-1])
            paras.append(sent if rnd.random() < 0.5 or not paras else paras.pop() + " " + sent)
            count += len(sent.split())
        arts.append(paras)
    return arts


def dev_articles(dev: Path) -> list[list[str]]:
    arts = []
    for path in sorted((dev / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        arts.append([p for p in text.split("\n\n") if p.strip()])
    return arts


def clear_caches() -> None:
    for fn in (cues._all_cues, names.clean_name, names._parse, attribution._heads_from):
        fn.cache_clear()


def rate(arts: list[list[str]], repeat: int) -> tuple[float, float]:
    """(articles per second, words per article) for the best of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        clear_caches()  # no run may profit from the previous one
        t0 = time.process_time()
        for paras in arts:
            extract_quotes(paras)
        best = min(best, time.process_time() - t0)
    words = sum(len(p.split()) for a in arts for p in a) / max(1, len(arts))
    return len(arts) / best, words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args(argv)
    extract_quotes(["warm up: \u201cHello,\u201d she said."])
    if (a.dev / "articles").is_dir():
        arts = dev_articles(a.dev)
        r, w = rate(arts, a.repeat)
        print(f"dev set:   {len(arts)} articles, {w:.0f} words each: {r:,.0f} articles/s"
              f" ({r * w / 700:,.0f} per second normalised to 700 words)")
    arts = synthetic(200)
    r, w = rate(arts, a.repeat)
    print(f"synthetic: {len(arts)} articles, {w:.0f} words each: {r:,.0f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
