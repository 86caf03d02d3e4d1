"""The reader over the private development set (../shared/dev-reader), scored by its own scorer.

The set is private evaluation data: it is read at run time and never copied here. The test is
skipped when the folder is absent. Thresholds are what the reader reaches minus a small margin,
so a regression in any field fails loudly.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from site_gen.reader import read_document
from site_gen.registry import default_registry

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev-reader"
pytestmark = pytest.mark.skipif(not (DEV / "cases").is_dir(), reason="private dev set not present")

# Minimum normalized accuracy per field (fraction of the cases that have the field).
THRESHOLDS = {
    "title": 0.98,
    "title_slug": 0.95,
    "source": 0.95,
    "author": 0.95,
    "date": 0.95,
    "lang": 0.97,
    "dir": 0.98,
    "dateline": 0.95,
    "license": 0.95,
    "first_paragraph": 0.96,
    "last_paragraph": 0.93,
    "body_contains": 0.95,
    "body_excludes": 0.95,
}


def _scorer():
    spec = importlib.util.spec_from_file_location("check_reader", DEV / "check_reader.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _output(path: Path) -> dict:
    result = read_document(path.name, path.read_bytes(), default_registry())
    doc = result.document
    assert doc is not None, [d.format() for d in result.diagnostics]
    return {
        "title": doc.title,
        "source": doc.source_name,
        "author": list(doc.authors),
        "date": doc.date,
        "lang": doc.lang,
        "dir": doc.dir,
        "paragraphs": [p.text for p in doc.paragraphs],
        "license": doc.license,
        "dateline": doc.dateline,
    }


def test_dev_set_no_crash_and_field_accuracy():
    scorer = _scorer()
    totals: dict[str, list[int]] = {}
    for expect_path in sorted((DEV / "cases").glob("*.expect.json")):
        expect = json.loads(expect_path.read_text(encoding="utf-8"))
        out = _output(DEV / "cases" / expect["file"])
        fields, _ = scorer.score_case(expect, out)
        for name, (_, normalized) in fields.items():
            seen = totals.setdefault(name, [0, 0])
            seen[0] += 1
            seen[1] += int(normalized)
    failures = {
        name: f"{ok}/{n}"
        for name, (n, ok) in totals.items()
        if n and ok / n < THRESHOLDS.get(name, 0.0)
    }
    assert not failures, failures
