"""The largest file the build accepts (16 MB), of the three worst kinds for text work, goes
through the per-file stage without failing. How long it may take is a budget kept in
``benchmarks/hostile_speed.py --budget`` (run it to measure); here only the result is checked.
"""

from __future__ import annotations

import pytest

from benchmarks.hostile_speed import UNITS, make
from site_gen.inputs import MAX_FILE_BYTES
from site_gen.process import process_file
from site_gen.registry import default_registry


@pytest.mark.parametrize("kind", list(UNITS))
def test_a_16_mb_file_is_processed(kind):
    data = make(kind, MAX_FILE_BYTES)
    assert MAX_FILE_BYTES - 8 <= len(data) <= MAX_FILE_BYTES
    result = process_file(f"{kind.replace(' ', '-')}.txt", data, default_registry())
    article = result.article
    assert article is not None, [d.format() for d in result.diagnostics]
    assert article.paragraphs
    for q in article.quotes:
        para = article.paragraphs[q.paragraph].text
        assert 0 <= q.start < q.end <= len(para)
    if kind == "quoted speech":
        assert len(article.quotes) > 100_000
