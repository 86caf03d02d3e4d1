"""A text file's header block under its headline: a byline, a date line, labelled fields
("Title:", "Date:", "Source:"), each on a line of its own, as text copied from a news page or
exported from a database brings them; they become the article's fields and leave the body.
And what is no header: a first paragraph that starts on the line after the headline.

Invented outlets, names and sentences.
"""

from __future__ import annotations

import pytest

from site_gen.reader import read_document
from site_gen.reader.bylines import parse_byline
from site_gen.registry import default_registry

STORY = (
    "The harbour board of Port Velmar voted on Tuesday to open a ferry line to Quessa, after a "
    "debate that lasted most of the afternoon.\n\nThe line will run three times a day and cost "
    "the same as the bus, the plan says, and the first boat is to sail in the spring."
)
FIRST = STORY.split("\n\n")[0]


def _read(text: str):
    doc = read_document("story.txt", text.encode(), default_registry()).document
    assert doc is not None
    return doc


@pytest.mark.parametrize("header", [
    "By Ana Lima\nMarch 3, 2024",
    "Published: 2024-03-03 10:00\nAuthor: Ana Lima",
    "By Ana Lima\nActualizado el 5 de marzo de 2024 | Publicado el 3 de marzo de 2024",
])
def test_a_header_block_under_the_headline_gives_author_and_date_and_leaves_the_body(header):
    doc = _read(f"Ferry line approved\n{header}\n\n{STORY}\n")
    assert doc.title == "Ferry line approved"
    assert list(doc.authors) == ["Ana Lima"]
    assert doc.date == "2024-03-03"
    assert doc.paragraphs[0].text == FIRST


def test_a_labelled_record_gives_title_author_date_and_source():
    doc = _read("Title: Ferry line approved\nAuthor: Ana Lima\nDate: 2024-03-03\n"
                f"Source: Velmar Herald\n\n{STORY}\n")
    assert (doc.title, list(doc.authors), doc.date, doc.source_name) == (
        "Ferry line approved", ["Ana Lima"], "2024-03-03", "Velmar Herald")
    assert doc.paragraphs[0].text == FIRST


def test_a_story_that_starts_on_the_line_after_the_headline_is_no_header():
    doc = _read(f"Ferry line approved\n{STORY}\n")
    assert doc.paragraphs[0].text == FIRST and not doc.authors


def test_a_first_sentence_holding_a_date_is_no_date_line():
    first = ("On March 3, 2024, the harbour board of Port Velmar voted to open a ferry line to "
             "Quessa after a long debate.")
    doc = _read(f"Ferry line approved\n\n{first}\n\n{STORY}\n")
    assert doc.paragraphs[0].text == first


def test_a_list_of_names_ends_at_the_comma_after_its_last_name():
    assert parse_byline("Ana Lima and Ben Okoro, Velmar Herald")[0] == ["Ana Lima", "Ben Okoro"]
    assert parse_byline("Ana Lima, Ben Okoro and Cleo Marsh")[0] == [
        "Ana Lima", "Ben Okoro", "Cleo Marsh"]
    # a label after the list starts a credit of its own
    assert parse_byline("Ana Lima and Ben Okoro, Text: Cleo Marsh")[0] == [
        "Ana Lima", "Ben Okoro", "Cleo Marsh"]


@pytest.mark.parametrize("first", [
    "PORT VELMAR, 5 March 2025 - The library will open longer.",  # a dateline: the lead
    "The board met on 5 March 2025 to vote.",  # a sentence, short as it is
])
def test_a_short_first_paragraph_holding_a_date_stays_the_first_paragraph(first):
    doc = _read(f"Library hours longer\n\n{first}\n\n{STORY}\n")
    assert doc.paragraphs[0].text.endswith(first.split(" - ")[-1])
