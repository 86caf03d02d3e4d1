"""The per-file stage never raises: a failing reader or quote extractor becomes a message."""

from __future__ import annotations

import site_gen.process as process
import site_gen.reader as reader
from site_gen.registry import default_registry


def _boom(*_args, **_kwargs):
    raise RuntimeError("boom")


def test_a_reader_bug_fails_only_that_file(monkeypatch) -> None:
    monkeypatch.setattr(reader, "_read", _boom)
    result = process.process_file("a.txt", b"Some text.", default_registry())
    assert result.article is None
    assert [d.severity for d in result.diagnostics] == ["error"]
    assert "boom" in result.diagnostics[0].message and result.diagnostics[0].path == "a.txt"


def test_a_quote_extraction_bug_keeps_the_article(monkeypatch) -> None:
    monkeypatch.setattr(process, "extract_quotes", _boom)
    result = process.process_file("a.txt", b"Title\n\nSome text here.", default_registry())
    assert result.article is not None and result.article.quotes == ()
    assert any("quote extraction failed" in d.message for d in result.diagnostics)
