"""Line breaks as the source made them: two in a row (``<br><br>``) end a paragraph, as a blank
line does in a text file; one is a line break inside the paragraph (a space, or nothing
between two characters of a script written without spaces). Invented text only."""

from __future__ import annotations

from lxml import html as lxml_html

from site_gen.reader import read_document
from site_gen.reader.html_place import Places
from site_gen.registry import default_registry

S = [
    "The harbour board of Port Velmar voted on Tuesday to open a ferry line to the island of"
    " Quessa next spring, the chair said.",
    "The line will run three times a day and cost the same as the bus, according to the plan"
    " the board published.",
    "Residents of the island have asked for a regular connection for more than a decade, and a"
    " petition gathered signatures.",
    "A decision on the timetable is expected before the end of the summer, the mayor told"
    " reporters on Tuesday.",
]


def _paragraphs(body: str) -> list[str]:
    page = (
        '<html lang="en"><head><title>Ferry line approved</title></head><body><article>'
        f'<h1>Ferry line approved</h1><div class="text">{body}</div></article></body></html>'
    )
    doc = read_document("page.html", page.encode(), default_registry()).document
    return [p.text for p in doc.paragraphs]


def test_two_line_breaks_in_a_row_end_a_paragraph():
    assert _paragraphs("<br><br>".join(S)) == S  # text straight in a <div>
    assert _paragraphs("<p>" + "<br><br>".join(S) + "</p>") == S  # inside one <p>
    assert _paragraphs("<p>" + "<br/>\n  <br/>".join(S) + "</p>") == S


def test_one_line_break_is_a_space_inside_the_paragraph():
    got = _paragraphs("<p>" + "<br>".join(S[:2]) + "</p><p>" + S[2] + "</p><p>" + S[3] + "</p>")
    assert got == [" ".join(S[:2]), S[2], S[3]]  # not "said.The line"


def test_one_line_break_between_characters_of_a_script_without_spaces_is_nothing():
    first = "港の新しい航路が承認された。住民は十年以上この便を求めてきた。"
    second = "運航は来年の春に始まり、一日に三便が出る予定だと委員会は説明した。"
    lines = [
        "島と旧市街を結ぶ航路について、委員会は火曜日に計画を承認した。",
        "計画書によると、料金はバスと同じになる。",
    ]
    body = f"<p>{lines[0]}<br>{lines[1]}</p><p>{first}</p><p>{second}</p>"
    page = (
        '<html lang="ja"><head><title>航路</title></head><body><article><h1>航路</h1>'
        f'<div class="text">{body}</div></article></body></html>'
    )
    doc = read_document("page.html", page.encode(), default_registry()).document
    assert doc.paragraphs[0].text == lines[0] + lines[1]


def test_a_paragraph_written_with_breaks_has_its_element_as_holder():
    # the reader finds where the page shows each paragraph (to tell a box after the article
    # from its text): a paragraph between breaks is held by the element that writes it
    tree = lxml_html.fromstring(
        f'<html><body><div class="box">{S[0]}<br><br>{S[1]}</div><p>{S[2]}</p></body></html>'
    )
    places = Places(tree.find(".//body"))
    box = tree.find(".//div")
    assert places.holder(S[0]) is box and places.holder(S[1]) is box
    assert places.holder(S[2]).tag == "p"
