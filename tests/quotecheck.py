"""Helpers for tests of the quote extractor: on made-up paragraphs, and on the private quote
sets (read at run time from ../shared, scored by each set's own score.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from site_gen.quotes import extract_quotes

ROOT = Path(__file__).resolve().parent.parent

Q, E = "\u201c", "\u201d"  # curly opening and closing double quotation marks


def who(paragraphs: list[str], kind: str | None = None) -> list[tuple[str, str | None]]:
    """(text, speaker key) of every quote (of one ``kind`` if given), in reading order."""
    return [(q.text, q.speaker_key) for q in extract_quotes(paragraphs).quotes
            if kind is None or q.kind == kind]


def speaker_of(paragraphs: list[str], needle: str, kind: str | None = None) -> str | None:
    """The speaker key of the first quote holding ``needle`` (which must be found)."""
    hits = [k for t, k in who(paragraphs, kind) if needle in t]
    assert hits, (needle, who(paragraphs))
    return hits[0]


def load_module(name: str, path: Path) -> ModuleType:
    """A module from a file outside the package (a benchmark, a set's scorer)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score_in_process(quote_set: Path, work: Path) -> dict:
    """The set's scores for ``benchmarks/quotes_devset.py``'s predictions (in this process)."""
    bench = load_module("quotes_devset", ROOT / "benchmarks" / "quotes_devset.py")
    score = load_module(f"score_{quote_set.name.replace('-', '_')}", quote_set / "score.py")
    for aid, preds in bench.predict(quote_set).items():
        (work / f"{aid}.json").write_text(json.dumps(preds), encoding="utf-8")
    docs, _ = score.prepare(str(quote_set / "gold"), str(quote_set / "articles"), str(work))
    return score.score(docs)
