"""Quotation marks in every style, nested, multi-paragraph, unclosed, and scare quotes."""

from __future__ import annotations

import pytest

from site_gen.quotes import extract_quotes
from site_gen.quotes.chains import chains


def _direct(paragraphs: list[str]) -> list[str]:
    return [q.text for q in extract_quotes(paragraphs).quotes if q.kind == "direct"]


@pytest.mark.parametrize("para", [
    "\u201cThe bridge will open in May,\u201d the mayor said.",
    "\"The bridge will open in May,\" the mayor said.",
    "\"The bridge will open in May,\u201d the mayor said.",
    "\u2018The bridge will open in May,\u2019 the mayor said.",
    "\u00abThe bridge will open in May,\u00bb the mayor said.",
    "\u201eThe bridge will open in May,\u201c the mayor said.",
    "``The bridge will open in May,'' the mayor said.",
    "''The bridge will open in May,'' the mayor said.",
])
def test_mark_styles(para: str) -> None:
    assert _direct([para]) == ["The bridge will open in May,"]


@pytest.mark.parametrize("para", [
    "\"They treat it like 'news,'\" Anna Berg said at the quay.",
    "\"They treat it like 'news,' \" Anna Berg said at the quay.",  # a space between the marks
])
def test_straight_mark_closing_right_after_a_nested_single_quotation(para: str) -> None:
    found = [(q.text.rstrip(" "), q.speaker_key) for q in extract_quotes([para]).quotes]
    assert found == [("They treat it like 'news,'", "Anna Berg")]


def test_straight_mark_after_a_possessive_apostrophe_still_opens() -> None:
    para = "The pilots' \"union of the whole harbour\" met, Anna Berg said on Monday."
    assert not [q for q in extract_quotes([para]).quotes if q.kind == "direct"]


def test_span_is_inside_the_marks_and_offsets_match() -> None:
    para = "Officials met. \u201cWe are ready,\u201d said Anna Berg, the director."
    q = extract_quotes([para]).quotes[0]
    assert para[q.start:q.end] == q.text == "We are ready,"
    assert q.paragraph == 0 and q.kind == "direct"


def test_nested_single_quote_stays_inside() -> None:
    para = "\u201cHe told me \u2018never again\u2019 and left,\u201d Maria Lopez said."
    assert _direct([para]) == ["He told me \u2018never again\u2019 and left,"]


def test_apostrophes_are_not_marks() -> None:
    para = "\u201cIt\u2019s the people\u2019s money, and we don't waste it,\u201d said Tom Reed."
    assert _direct([para]) == ["It\u2019s the people\u2019s money, and we don't waste it,"]


def test_multi_paragraph_quotation() -> None:
    paras = [
        "\u201cWe will rebuild the school and the clinic before winter comes to the valley.",
        "\u201cAnd we will not stop there,\u201d said Governor Jane Miller.",
    ]
    ex = extract_quotes(paras)
    direct = [q for q in ex.quotes if q.kind == "direct"]
    assert [q.paragraph for q in direct] == [0, 1]
    assert {q.speaker_key for q in direct} == {"Jane Miller"}


def test_unclosed_mark_stops_before_the_next_quotation() -> None:
    para = ("Sam Ortiz said, \"The plan failed badly. We lost a year. Ortiz also spoke about "
            "\"trust\" in the region. \"We need more time to fix the roads,\" he said.")
    texts = _direct([para])
    assert texts[0] == "The plan failed badly. We lost a year."
    assert "We need more time to fix the roads," in texts


def test_unclosed_mark_stops_at_paragraph_end() -> None:
    paras = ["Sam Ortiz said, \"The plan failed badly and we lost a year.", "The city voted."]
    ex = extract_quotes(paras)
    assert [(q.paragraph, q.text) for q in ex.quotes if q.kind == "direct"] == [
        (0, "The plan failed badly and we lost a year.")]


def test_scare_quotes_and_titles_are_not_quotations() -> None:
    para = ("The minister stressed the issue of \"unity\" among the groups, and the film "
            "\u201cThe Long Road\u201d opened on Friday.")
    assert _direct([para]) == []


def test_short_fragment_in_reported_speech_is_a_quotation() -> None:
    para = "Tom Reed said the tax code is \u201cunfair\u201d and must change soon."
    ex = extract_quotes([para])
    kinds = sorted((q.kind, q.text) for q in ex.quotes)
    assert ("direct", "unfair") in kinds
    assert any(k == "indirect" and "tax code" in t for k, t in kinds)


def test_named_fragment_after_naming_verb() -> None:
    para = "Maria Lopez described the deal as a \u201cdisaster for workers,\u201d but voted for it."
    ex = extract_quotes([para])
    assert [(q.text, q.speaker_key) for q in ex.quotes if q.kind == "direct"] == [
        ("disaster for workers,", "Maria Lopez")]


def test_unclosed_quotation_split_by_the_reader_continues_in_the_next_paragraph() -> None:
    paras = ["Sam Ortiz added, \"What hurt us was the delay, but now the work has started.",
             "And more importantly, the money is there. Ortiz also wore a \"trust\" pin today."]
    ex = extract_quotes(paras)
    direct = [q for q in ex.quotes if q.kind == "direct"]
    assert [(q.paragraph, q.text) for q in direct] == [
        (0, "What hurt us was the delay, but now the work has started."),
        (1, "And more importantly, the money is there.")]
    assert {q.speaker_key for q in direct} == {"Sam Ortiz"}
    assert [len(c) for c in chains(ex.quotes, paras)] == [2]


def test_chains_join_multi_paragraph_pieces_only() -> None:
    paras = ["\u201cWe will rebuild the school before winter comes to the valley.",
             "\u201cAnd we will not stop there,\u201d said Jane Miller.",
             "\u201cA separate thought,\u201d she added."]
    ex = extract_quotes(paras)
    assert [len(c) for c in chains(ex.quotes, paras)] == [2, 1]


def test_other_languages_keep_marked_quotations_without_english_cues() -> None:
    para = ("\u0642\u0627\u0644 \u00ab\u0646\u062d\u0646 "
            "\u0645\u0633\u062a\u0639\u062f\u0648\u0646 "
            "\u0644\u0644\u062d\u0648\u0627\u0631\u00bb.")
    ex = extract_quotes([para], lang="ar")
    assert [q.kind for q in ex.quotes] == ["direct"]
    assert ex.quotes[0].text == para[ex.quotes[0].start:ex.quotes[0].end]


def test_offsets_and_text_refer_to_the_paragraph_as_given() -> None:
    paras = ["Tom Reed said,\n\u201cWe are\nready to go now,\u201d and left."]
    q = next(q for q in extract_quotes(paras).quotes if q.kind == "direct")
    assert q.text == "We are\nready to go now," == paras[0][q.start:q.end]


@pytest.mark.parametrize("ellipsis", ["...", "\u2026"])
def test_a_straight_quotation_may_open_with_an_ellipsis(ellipsis: str) -> None:
    # a quotation that takes up a statement in the middle: '"... These ..."'
    para = (f'"We will answer," said Nora Quist. "{ellipsis} These ferries are too old to '
            'sail another winter."')
    found = [(q.speaker_key, q.text) for q in extract_quotes([para]).quotes]
    second = f"{ellipsis} These ferries are too old to sail another winter."
    assert found == [("Nora Quist", "We will answer,"), ("Nora Quist", second)]


@pytest.mark.parametrize("para", ['The ferry waited . " . " and left.',
                                  'The tide was 3 " and 4 ... " and so on.',
                                  'It was "... " nothing more.'])
def test_marks_between_spaces_open_nothing(para: str) -> None:
    assert extract_quotes([para]).quotes == ()
