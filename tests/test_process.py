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


_RALLY = ("Teen hurt in scuffle outside Velmar Doe rally.\n\n"
          "As front-runner Martin Doe prepared to speak in Velmar on Tuesday, a girl was hurt"
          " outside the hall.\n\n"
          "\u201cWe will fix the budget,\u201d Doe said.\n")


def test_a_headline_repeated_above_the_text_names_no_speaker() -> None:
    """A sentence-case headline reads like a sentence: its capitalised words ("Velmar Doe")
    must not become a person that the text's surname then means."""
    result = process.process_file("a.txt", _RALLY.encode(), default_registry())
    assert result.article is not None
    assert [q.speaker_key for q in result.article.quotes] == ["Martin Doe"]


def test_a_first_line_that_is_not_the_title_is_read_as_text() -> None:
    text = "Velmar Doe rally.\n\n" + _RALLY.split("\n\n", 1)[1]
    doc = process.read_document("a.md", ("---\ntitle: Other title\n---\n" + text).encode(),
                                default_registry()).document
    assert doc is not None and process._headings(doc) == frozenset()


def test_an_article_keeps_each_quote_as_written_instead_of_the_whole_text() -> None:
    data = ("---\ntitle: Ferry line approved\n---\n\n\u201cIt will run every\nday of the week,"
            "\u201d Ilse Marrow said.\n\n\u201cTickets cost the same,\u201d she said.\n")
    article = process.process_file("a.md", data.encode(), default_registry()).article
    assert article is not None and article.raw_text == ""  # only the reader keeps all of it
    direct = {q.text: q.original for q in article.quotes if q.kind == "direct"}
    # the wrapped line as the file has it; a quote written as shown needs no copy
    assert direct == {"It will run every day of the week,": "It will run every\nday of the week,",
                      "Tickets cost the same,": None}
