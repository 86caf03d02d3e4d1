"""Turn ``site-gen inspect FOLDER --json`` output into score.py's prediction folder.

    site-gen inspect ../shared/dev-quotes/articles --json > /tmp/inspect.jsonl
    python benchmarks/inspect_to_pred.py /tmp/inspect.jsonl /tmp/pred
    python3 ../shared/dev-quotes/score.py /tmp/pred

This scores the product as a user runs it: the reader's paragraphs, the extractor, and the
archive-level canonical speakers, with offsets into each original file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    src, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for line in src.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if "quotes" not in rec:
            continue
        quotes = [
            {k: q[k] for k in ("speaker", "text", "kind", "start", "end")} for q in rec["quotes"]
        ]
        name = Path(rec["file"]).stem + ".json"
        (out / name).write_text(json.dumps(quotes, ensure_ascii=False), encoding="utf-8")
        n += 1
    print(f"wrote {n} prediction files to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
