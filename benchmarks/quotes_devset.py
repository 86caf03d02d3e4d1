"""Run the quote extractor over the quotes development set and write predictions for score.py.

Usage:
    python benchmarks/quotes_devset.py PRED_DIR [--dev ../shared/dev-quotes]
    python3 ../shared/dev-quotes/score.py PRED_DIR

Each article (``articles/NNN.txt``: blank-line-separated paragraphs) is split into paragraphs,
passed to ``extract_quotes``, and the speakers of all articles are canonicalised together; the
predictions (``{speaker, text, kind, start, end}`` with offsets into the file text, speaker =
the archive-level canonical name or null) go to ``PRED_DIR/NNN.json``. The dev set is private
evaluation data: this script only reads it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from site_gen.quotes import Extraction, extract_quotes  # noqa: E402
from site_gen.quotes.speakers import canonicalize  # noqa: E402

DEFAULT_DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-quotes"
_PARA = re.compile(r"[^\n]+(?:\n(?![ \t\u00a0]*\n)[^\n]+)*")


def split_paragraphs(text: str) -> tuple[list[str], list[int]]:
    """Blank-line-separated paragraphs and their offsets in ``text``."""
    paras, starts = [], []
    for m in _PARA.finditer(text):
        if m.group().strip():
            paras.append(m.group())
            starts.append(m.start())
    return paras, starts


def predict(dev: Path = DEFAULT_DEV) -> dict[str, list[dict]]:
    """Predictions per article id ("000", ...), as score.py reads them."""
    runs: dict[str, tuple[Extraction, list[int], str]] = {}
    for path in sorted((dev / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paras, starts = split_paragraphs(text)
        runs[path.stem] = (extract_quotes(paras), starts, text)
    speakers = canonicalize([(aid, ex.speakers) for aid, (ex, _, _) in sorted(runs.items())])
    out: dict[str, list[dict]] = {}
    for aid, (ex, starts, text) in sorted(runs.items()):
        preds = []
        for q in ex.quotes:
            s = starts[q.paragraph] + q.start
            e = starts[q.paragraph] + q.end
            sp = speakers.get((aid, q.speaker_key)) if q.speaker_key else None
            preds.append({"speaker": sp.name if sp else None, "text": text[s:e], "kind": q.kind,
                          "start": s, "end": e, "mention": q.mention, "cue": q.cue})
        out[aid] = preds
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred_dir")
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    a = ap.parse_args(argv)
    if not (a.dev / "articles").is_dir():
        print(f"no dev set at {a.dev}", file=sys.stderr)
        return 2
    pred_dir = Path(a.pred_dir)
    pred_dir.mkdir(parents=True, exist_ok=True)
    for aid, preds in predict(a.dev).items():
        (pred_dir / f"{aid}.json").write_text(json.dumps(preds, ensure_ascii=False, indent=1),
                                              encoding="utf-8")
    print(f"wrote {pred_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
