"""Stories and statements on the seed articles against the hand-made gold pairs (private: read
from ../shared at run time; skipped when absent).

The gold lists quotes per file (speaker, kind, text, offsets in the file) and pairs of quotes
that render the same statement, by index into those lists. Our quotes are matched to gold
quotes by their offsets in the input file: a quote of ours stands for the gold quote it overlaps
most, when the overlap is at least half of the shorter span. An aligned pair of ours is judged
when both its quotes stand for gold quotes; a pair involving a quote the gold does not list
(reported speech the gold leaves out) cannot be judged and is counted apart.
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest

from site_gen.config import load_config
from site_gen.inputs import inputs_from_paths
from site_gen.pipeline import analyze

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "dev-gold" / "same-statement.json"
SEEDS = SHARED / "seeds"

pytestmark = pytest.mark.skipif(
    not (GOLD.is_file() and SEEDS.is_dir()), reason="seed gold not available"
)


def _gold_quotes(file: str) -> list[tuple[int, int]]:
    for path in sorted(GOLD.parent.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("file") == file:
            return [(q["start"], q["end"]) for q in data["quotes"]]
    raise AssertionError(f"no gold quote list for {file}")


def _stand_for(span: tuple[int, int], gold: list[tuple[int, int]]) -> int | None:
    best, best_overlap = None, 0
    for i, (s, e) in enumerate(gold):
        overlap = min(e, span[1]) - max(s, span[0])
        shorter = min(e - s, span[1] - span[0])
        if overlap > best_overlap and overlap * 2 >= shorter:
            best, best_overlap = i, overlap
    return best


def evaluate() -> dict:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    config = load_config(cwd=ROOT)
    inputs, _ = inputs_from_paths([SEEDS])
    archive = analyze(config, inputs, jobs=1).archive
    index = archive.stories
    by_id = {a.id: a for a in archive.articles}
    gold_files = sorted({p[x]["file"] for p in gold["pairs"] for x in "ab"})
    gold_quotes = {f: _gold_quotes(f) for f in gold_files}

    def key(article_id: str, quote_id: str) -> tuple[str, int] | None:
        a = by_id[article_id]
        file = a.path.rsplit("/", 1)[-1]
        q = next(q for q in a.quotes if q.id == quote_id)
        if file not in gold_quotes or q.source_start is None or q.source_end is None:
            return None
        g = _stand_for((q.source_start, q.source_end), gold_quotes[file])
        return None if g is None else (file, g)

    expected = {
        frozenset({(p["a"]["file"], p["a"]["quote"]), (p["b"]["file"], p["b"]["quote"])})
        for p in gold["pairs"]
    }
    found, unjudged = set(), 0
    for st in index.statements:
        for x, y in combinations(st.quotes, 2):
            if x[0] == y[0]:
                continue
            kx, ky = key(*x), key(*y)
            if kx is None or ky is None:
                unjudged += 1
            else:
                found.add(frozenset({kx, ky}))
    right = len(found & expected)
    return {
        "stories": [sorted(by_id[a].path for a in s.articles) for s in index.stories],
        "files": sorted(a.path for a in archive.articles),
        "precision": right / len(found) if found else 0.0,
        "recall": right / len(expected),
        "unjudged": unjudged,
        "wrong": sorted(sorted(p) for p in found - expected),
        "missed": sorted(sorted(p) for p in expected - found),
    }


def test_the_seeds_are_one_story_and_every_gold_pair_is_aligned() -> None:
    res = evaluate()
    print(f"seed pairs: precision {res['precision']:.3f} recall {res['recall']:.3f} "
          f"(unjudged pairs: {res['unjudged']})")
    assert res["stories"] == [res["files"]]
    assert res["precision"] == 1.0, res["wrong"]
    assert res["recall"] == 1.0, res["missed"]
