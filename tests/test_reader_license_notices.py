"""A text's licence wherever the page or the file states it: a notice closing the text in any
language, a notice or a deed link after the article (the site's footer), a declared licence
over a generic copyright notice; and what is no licence of the text: a picture's credit, a
paragraph of the story that mentions a licence, a licence shown before the article ends.

Synthetic pages and texts with invented outlets, names and sentences.
"""

from __future__ import annotations

import pytest

from site_gen.reader import read_document
from site_gen.reader.attribution import notice_license
from site_gen.reader.licenses import ALL_RIGHTS_RESERVED, choose_license, license_id
from site_gen.registry import default_registry

STORY = [
    "The harbour board of Port Velmar voted on Tuesday to open a ferry line to Quessa, "
    "after a debate that lasted most of the afternoon.",
    "The line will run three times a day and cost the same as the bus, the plan says, and "
    "the first boat is to sail in the spring.",
    "Residents have asked for a regular connection for more than a decade, and a petition "
    "last year gathered several thousand signatures.",
]


def _read(name: str, data: str):
    result = read_document(name, data.encode(), default_registry())
    assert result.document is not None, [d.format() for d in result.diagnostics]
    return result


def _text(closing: str) -> object:
    body = "\n\n".join(STORY)
    return _read("story.txt", f"Ferry line approved\n\n{body}\n\n{closing}\n").document


def _page(article: str = "", after: str = "", head: str = "") -> object:
    ps = "".join(f"<p>{t}</p>" for t in STORY)
    return _read("story.html", (
        f"<html><head><title>Ferry line approved</title>{head}</head><body>"
        f"<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
        f"<main><article><h1>Ferry line approved</h1>{ps}{article}</article></main>"
        f"{after}</body></html>")).document


def _texts(d) -> list[str]:
    return [p.text for p in d.paragraphs]


# --- what a notice says ---------------------------------------------------------------------


@pytest.mark.parametrize("line, spdx", [
    ("This article is available under a CC BY-NC-ND 4.0 licence.", "CC-BY-NC-ND-4.0"),
    ("Dieser Text steht unter der Lizenz Creative Commons Namensnennung - Weitergabe unter "
     "gleichen Bedingungen 4.0 International.", "CC-BY-SA-4.0"),
    ("Cet article est publié sous licence Creative Commons Attribution - Pas d'Utilisation "
     "Commerciale 4.0 International.", "CC-BY-NC-4.0"),
    ("Contenido publicado bajo licencia Creative Commons Reconocimiento-NoComercial-"
     "CompartirIgual 4.0.", "CC-BY-NC-SA-4.0"),
    ("Tekst: CC BY 4.0 DE", "CC-BY-4.0-DE"),
    ("Licensed under https://creativecommons.org/licenses/by-sa/3.0/", "CC-BY-SA-3.0"),
])
def test_a_notice_names_its_licence_in_any_language_or_form(line, spdx):
    assert notice_license(line) == spdx


@pytest.mark.parametrize("line", [
    "Foto: Jane Roe, CC BY-SA 2.0",  # a picture's credit: the picture's licence
    "Photo by Jane Roe (CC BY 2.0)",
    "© 2024 Velmar Herald. All rights reserved.",  # no open licence
    "Please cc by mail the harbour office.",  # "cc by" in lower case is no licence
    "The museum, which opened in 1921 and holds more than forty thousand objects from the "
    "islands, said on Monday that it would publish photographs of its whole collection under "
    "a CC BY 4.0 licence next year, after a decade of work by its staff of volunteers and "
    "two grants.",  # a long paragraph of the story
])
def test_what_is_no_notice_of_the_texts_licence(line):
    assert notice_license(line) is None


def test_an_open_licence_named_anywhere_wins_over_a_generic_copyright_notice():
    assert choose_license("© 2024 Velmar Herald. All rights reserved.",
                          "https://creativecommons.org/licenses/by/4.0/") == "CC-BY-4.0"
    assert choose_license("© 2024 Velmar Herald. All rights reserved.", None) == ALL_RIGHTS_RESERVED
    assert choose_license("https://velmar.example/terms", None) is None
    # among open licences, the first stated
    assert choose_license("CC BY-SA 4.0", "CC BY 4.0") == "CC-BY-SA-4.0"
    assert license_id("CC BY-SA 4.0") == "CC-BY-SA-4.0"


# --- text files -------------------------------------------------------------------------------


def test_a_notice_closing_a_text_file_in_another_language_is_its_licence_and_leaves_the_text():
    d = _text("Dieser Text steht unter der Lizenz CC BY-SA 4.0.")
    assert d.license == "CC-BY-SA-4.0"
    assert _texts(d) == STORY


def test_a_notice_after_the_last_sentence_leaves_the_sentence_in_the_text():
    body = "\n\n".join(STORY)
    d = _read("story.txt", f"Ferry line approved\n\n{body} This text is available under "
              "CC BY 4.0.\n").document
    assert d.license == "CC-BY-4.0"
    assert _texts(d) == STORY


def test_a_pictures_credit_closing_a_text_is_no_licence_of_the_text():
    d = _text("Foto: Jane Roe, CC BY-SA 2.0")
    assert d.license is None


def test_a_paragraph_of_the_story_that_mentions_a_licence_stays_and_licenses_nothing():
    mention = ("The board said its maps of the line would be published under a CC BY 4.0 "
               "licence, so that others may reuse them.")
    body = "\n\n".join([STORY[0], mention, *STORY[1:]])
    d = _read("story.txt", f"Ferry line approved\n\n{body}\n").document
    assert d.license is None
    assert mention in _texts(d)


def test_a_notice_closing_a_markdown_file_is_its_licence():
    body = "\n\n".join(STORY)
    d = _read("story.md", f"---\ntitle: Ferry line approved\n---\n\n{body}\n\n"
              "Ce texte est publié sous licence CC BY-NC 4.0.\n").document
    assert d.license == "CC-BY-NC-4.0"
    assert _texts(d) == STORY


# --- pages ------------------------------------------------------------------------------------


def test_a_notice_in_the_sites_footer_without_a_link_is_the_pages_licence():
    d = _page(after="<footer><p>This work is licensed under a Creative Commons "
                    "Attribution-NonCommercial 4.0 International License.</p></footer>")
    assert d.license == "CC-BY-NC-4.0"


def test_a_deed_link_after_the_article_outside_any_footer_is_the_pages_licence():
    d = _page(after="<div class='rights'><a href='https://creativecommons.org/licenses/by-nd/"
                    "4.0/'><img src='badge.png' alt=''></a></div>")
    assert d.license == "CC-BY-ND-4.0"


def test_a_notice_closing_the_article_is_its_licence_and_leaves_the_body_with_a_note():
    notice = "Este artículo se publica bajo licencia CC BY-SA 4.0."
    result = _read("story.html", (
        "<html><head><title>Ferry line approved</title></head><body><article>"
        "<h1>Ferry line approved</h1>" + "".join(f"<p>{t}</p>" for t in STORY)
        + f"<p>{notice}</p></article></body></html>"))
    d = result.document
    assert d.license == "CC-BY-SA-4.0"
    assert _texts(d) == STORY
    assert any(notice[:20] in x.message for x in result.diagnostics)


def test_a_declared_licence_wins_over_the_sites_copyright_meta():
    d = _page(head="<meta name='copyright' content='© 2024 Velmar Herald. All rights reserved.'>",
              after="<footer><a rel='license' href='https://creativecommons.org/licenses/by/4.0/'>"
                    "Some rights reserved</a></footer>")
    assert d.license == "CC-BY-4.0"


def test_a_copyright_meta_alone_is_all_rights_reserved():
    d = _page(head="<meta name='copyright' content='© 2024 Velmar Herald. All rights reserved.'>")
    assert d.license == ALL_RIGHTS_RESERVED


def test_a_pictures_licence_in_a_figure_after_the_article_is_not_the_pages():
    d = _page(after="<div class='gallery'><figure><img src='quay.jpg' alt=''><figcaption>"
                    "<span>The quay at dawn. Jane Roe, CC BY-SA 4.0</span></figcaption></figure>"
                    "</div>")
    assert d.license is None


def test_a_licence_linked_inside_the_story_is_not_the_pages():
    mention = ("The board's maps are free to reuse under <a href='https://creativecommons.org/"
               "licenses/by/4.0/'>an open licence</a>, it said.")
    d = _page(article=f"<p>{mention}</p><p>The first boat is to sail on the ninth of April, "
                      "the board said in a statement after the vote.</p>")
    assert d.license is None
