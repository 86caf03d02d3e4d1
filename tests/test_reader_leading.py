"""Blocks before the article's first paragraph that are no article text: text the page hides
from sight, a photo's caption or credit, the headline printed again, a short label (a reading
time, a section name). They are left out with a note; a dateline set apart is kept, and an
article the page hides as a whole until a script shows it is still read."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from site_gen.model import Paragraph
from site_gen.reader import read_document
from site_gen.reader.html_edges import trim_leading_furniture, trim_sign_offs
from site_gen.reader.html_place import Places
from site_gen.registry import default_registry
from tests.test_reader_standfirst import BODY

TITLE = "Ferry line to the island approved"


def _trim(before_html: str, before_text: str, wrapper: str = '<div class="text">{}</div>'):
    body = "".join(f"<p>{t}</p>" for t in BODY)
    page = (f"<html><body><article><h1>{TITLE}</h1>"
            + wrapper.format(before_html + body) + "</article></body></html>")
    places = Places(lxml_html.fromstring(page).find(".//body"))
    paragraphs = tuple(Paragraph(i, t, -1, (), "p") for i, t in enumerate([before_text, *BODY]))
    kept, dropped = trim_leading_furniture(places, paragraphs, [TITLE])
    return [p.text for p in kept], dropped


@pytest.mark.parametrize(
    ("before_html", "before_text"),
    [
        ('<div class="visually-hidden">Article content</div>', "Article content"),
        ("<figure><img src='a.jpg'><figcaption>The new ferry in the harbour at dawn, seen from"
         " the pier.</figcaption></figure>",
         "The new ferry in the harbour at dawn, seen from the pier."),
        ('<p class="image-credit">The ferry pier at Port Velmar, seen from the water.</p>',
         "The ferry pier at Port Velmar, seen from the water."),
        (f"<p>{TITLE}</p>", TITLE),
        ("<p>Reading time: 4 minutes</p>", "Reading time: 4 minutes"),
        ('<div class="bylines"><div class="author-bio"><p>Ana Lima is a harbour reporter and'
         " editor of the weekly ferry newsletter.</p></div></div>",
         "Ana Lima is a harbour reporter and editor of the weekly ferry newsletter."),
        ('<div class="slideshow-description">The new ferry moored at the pier of Port Velmar'
         " at dawn.</div>",
         "The new ferry moored at the pier of Port Velmar at dawn."),
    ],
)
def test_a_block_before_the_article_that_is_no_text_of_it_is_left_out(before_html, before_text):
    kept, dropped = _trim(before_html, before_text)
    assert kept == BODY and dropped == [before_text]


def test_a_first_paragraph_in_a_class_that_only_contains_author_is_kept():
    # "authority" is no author: the box of an author's bio is what is left out
    first = "The harbour authority approved the ferry line to the island on Tuesday night."
    kept, dropped = _trim(f'<p class="authority-note">{first}</p>', first)
    assert kept == [first, *BODY] and dropped == []


def test_a_dateline_set_apart_and_a_short_sentence_are_kept():
    for line in ("PORT VELMAR -", "It is official."):
        kept, dropped = _trim(f"<p>{line}</p>", line)
        assert kept[0] == line and not dropped


def test_an_article_the_page_hides_until_a_script_shows_it_is_kept():
    lead = ("The board met in the old customs house, where the plan was first shown to the"
            " public two years ago.")
    kept, dropped = _trim(f"<p>{lead}</p>", lead,
                          wrapper='<div class="text" style="display: none">{}</div>')
    assert kept[0] == lead and not dropped


def test_a_whole_page_notes_what_it_left_out_before_the_article():
    body = "".join(f"<p>{t}</p>" for t in BODY * 2)
    page = (f'<html lang="en"><head><title>{TITLE}</title></head><body><article>'
            f'<h1>{TITLE}</h1><div class="text"><p>Reading time: 4 minutes</p>{body}</div>'
            "</article></body></html>")
    result = read_document("page.html", page.encode(), default_registry())
    paragraphs = [p.text for p in result.document.paragraphs]
    assert "Reading time: 4 minutes" not in paragraphs and paragraphs[0] == BODY[0]


def _p(texts):
    return tuple(Paragraph(i, t, -1, (), "p") for i, t in enumerate(texts))


@pytest.mark.parametrize("closing", ["(abc/dpa)", "(Source: Example Agency)", "[jd]",
                                     "Read more about the harbour in our live blog:"])
def test_a_closing_credit_or_an_announcement_of_a_link_is_no_article_text(closing):
    kept, dropped = trim_sign_offs(_p([*BODY, closing]))
    assert [p.text for p in kept] == BODY and dropped == [closing]


@pytest.mark.parametrize("closing", [
    "(The board will meet again in May, after the ferry's first trial run around the island.)",
    "The chair said one thing was certain: the ferry will run.",
])
def test_a_closing_sentence_stays(closing):
    kept, dropped = trim_sign_offs(_p([*BODY, closing]))
    assert kept[-1].text == closing and not dropped
