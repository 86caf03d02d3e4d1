"""A document speaks for who issued it: "according to a Harbour Press analysis", "the Central
Bank's survey said", "data from Marlow Research suggested"; a document of no one named has no
speaker."""

from __future__ import annotations

import pytest

from site_gen.quotes import extract_quotes


def _speakers(paragraphs: list[str]) -> list[str | None]:
    return [q.speaker_key for q in extract_quotes(paragraphs).quotes]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Nearly two million people have voted early, according to a Harbour Press analysis.",
         "Harbour Press"),
        ("Demand for ferries is slowing in the north, the Tillbury Reserve's autumn survey said"
         " on Monday.", "Tillbury Reserve"),
        ("New data from Marlow Research has suggested that the decline in ferry use is"
         " speeding up. The new figures surprised the council.", "Marlow Research"),
        ("Ferry use fell by a third, according to a September Harbour Press article.",
         "Harbour Press"),
    ],
)
def test_a_document_speaks_for_its_issuer(text, source):
    assert _speakers([text]) == [source]


def test_a_named_persons_document_is_theirs():
    paras = ["Jane Doe opened the meeting.",
             "The ferry will stop in May, according to a Doe campaign memo."]
    assert _speakers(paras) == ["Doe campaign"]


def test_a_document_of_no_one_named_has_no_speaker():
    paras = ["Jane Doe opened the meeting.",
             "The ferry will stop in May, according to an internal memo seen by reporters."]
    assert _speakers(paras) == [None]
