"""Speed of quote extraction + speaker canonicalisation on one core (stdlib timing, CPU time).

Usage:
    python benchmarks/quotes_speed.py [--dev ../shared/dev-quotes] [--repeat 7]

Times ``extract_quotes`` on every article plus one ``speakers.canonicalize`` over all of them
(what a build does), on the quotes development set when it is present (read only) and on
synthetic ~700-word news articles. Each run starts with cold caches; the median and the best
of ``--repeat`` runs are printed, with the words per article and the rate normalised to
700-word articles (time grows about linearly with length). Target: at least 500 articles of
~700 words per second on one core. Run it on a quiet machine: CPU time still suffers from
other processes sharing the core's caches. It says whether the compiled extractor (``make``
builds it; ``python -m site_gen.quotes``) or plain Python ran; ``SITE_GEN_PURE=1`` forces
plain Python.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from site_gen.quotes import (  # noqa: E402
    accel,
    attribution,
    cues,
    extract_quotes,
    names,
    plausible,
    speakers,
)

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
    for fn in (cues._all_cues, names.clean_name, names._parse, attribution._heads_from,
               attribution._run_info, speakers.norm_tokens, plausible._admit):
        fn.cache_clear()


def run_once(arts: list[list[str]]) -> float:
    """CPU seconds for extracting every article and canonicalising their speakers."""
    clear_caches()  # no run may profit from the previous one
    t0 = time.process_time()
    extractions = [(str(k), extract_quotes(paras).speakers) for k, paras in enumerate(arts)]
    speakers.canonicalize(extractions)
    return time.process_time() - t0


def rate(arts: list[list[str]], repeat: int) -> tuple[float, float, float]:
    """(median articles/s, best articles/s, words per article) over ``repeat`` runs."""
    times = [run_once(arts) for _ in range(repeat)]
    words = sum(len(p.split()) for a in arts for p in a) / max(1, len(arts))
    return len(arts) / statistics.median(times), len(arts) / min(times), words


def _line(label: str, n: int, median: float, best: float, words: float, repeat: int) -> str:
    norm = words / 700
    return (f"{label:10} {n} articles, {words:.0f} words/article, {repeat} runs: "
            f"median {median:,.0f} articles/s (best {best:,.0f}); "
            f"normalised to 700 words: median {median * norm:,.0f} (best {best * norm:,.0f})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--no-synthetic", action="store_true")
    a = ap.parse_args(argv)
    extract_quotes(["warm up: \u201cHello,\u201d she said."])
    print("quote extractor:", "compiled (mypyc)" if accel.active else
          "plain Python (compile it with `python -m site_gen.quotes`)")
    if (a.dev / "articles").is_dir():
        arts = dev_articles(a.dev)
        print(_line("dev set:", len(arts), *rate(arts, a.repeat), a.repeat))
    if not a.no_synthetic:
        arts = synthetic(200)
        print(_line("synthetic:", len(arts), *rate(arts, a.repeat), a.repeat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
