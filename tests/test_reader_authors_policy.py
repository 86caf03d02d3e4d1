"""Authors under the labelling policy: the persons of the byline; an agency or the outlet
beside them is not an author; with no person, the agency credited before the site itself;
roles in caseless scripts, slugs and glued weekdays are not part of a name."""

from __future__ import annotations

import json

import pytest

from site_gen.reader import read_document
from site_gen.reader.bylines import parse_byline
from site_gen.registry import default_registry

TEXT = "".join(
    f"<p>{s}</p>"
    for s in (
        "The harbour board of Port Velmar voted on Tuesday to open a ferry line to Quessa.",
        "The line will run three times a day and cost the same as the bus, the plan says.",
        "Residents have asked for a regular connection for more than a decade, they said.",
    )
)


def _authors(ld_author, site: str = "Velmar Herald", meta_author: str | None = None
             ) -> list[str]:
    ld = {"@type": "NewsArticle", "headline": "Ferry line approved", "author": ld_author}
    meta = f'<meta name="articleAuthor" content="{meta_author}">' if meta_author else ""
    page = (
        f'<html lang="en"><head><title>Ferry line approved</title>'
        f'<meta property="og:site_name" content="{site}">{meta}'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head>'
        f"<body><article><h1>Ferry line approved</h1>{TEXT}</article></body></html>"
    )
    doc = read_document("page.html", page.encode(), default_registry()).document
    return list(doc.authors)


def test_a_person_beside_an_agency_is_the_author():
    people = [{"@type": "Person", "name": "Ana Lima"}, {"@type": "Organization", "name": "AFP"}]
    assert _authors(people) == ["Ana Lima"]


def test_with_no_person_the_agency_wins_over_the_site():
    orgs = [{"@type": "Organization", "name": "Velmar Herald"},
            {"@type": "Organization", "name": "AFP"}]
    assert _authors(orgs) == ["AFP"]


def test_an_agency_credited_by_another_declaration_wins_over_the_site():
    # JSON-LD credits the site, an author meta the wire: the wire's story
    site = {"@type": "Organization", "name": "Velmar Herald"}
    assert _authors(site, meta_author="AFP") == ["AFP"]


def test_a_second_declaration_of_the_site_adds_nothing():
    # the negative case: both declarations credit the site
    site = {"@type": "Organization", "name": "Velmar Herald"}
    assert _authors(site, meta_author="Velmar Herald") == ["Velmar Herald"]


def test_with_only_the_site_credited_the_site_is_the_author():
    assert _authors([{"@type": "Organization", "name": "Velmar Herald"}]) == ["Velmar Herald"]


def test_a_url_slug_is_not_a_second_author():
    assert _authors([{"@type": "Person", "name": "Ana Lima"}, "ana-lima"]) == ["Ana Lima"]


@pytest.mark.parametrize(
    "byline,names",
    [
        ("김민지 기자", ["김민지"]),
        ("김민지 기자, 박서준 특파원", ["김민지", "박서준"]),
        ("记者 王小明", ["王小明"]),
        ("山田花子記者", ["山田花子"]),
        ("By Ana Lima Jr.", ["Ana Lima Jr."]),
        ("By Ana Lima.", ["Ana Lima"]),
        ("Ana Lima Monday, March 2, 2020 @ 10:00 PM", ["Ana Lima"]),
        ("Ana Lima", ["Ana Lima"]),
    ],
)
def test_byline_names(byline, names):
    assert parse_byline(byline)[0] == names



def _page_with(header: str, aside: str = "") -> list[str]:
    page = (
        '<html lang="de"><head><title>Ferry line approved</title>'
        '<meta property="og:site_name" content="Velmar Herald">'
        '<meta name="author" content="Velmar Herald"></head>'
        f"<body><article><h1>Ferry line approved</h1>{header}{TEXT}</article>{aside}"
        "</body></html>"
    )
    return list(read_document("page.html", page.encode(), default_registry()).document.authors)


def test_a_link_to_the_authors_page_is_a_byline_over_metadata_naming_the_site():
    header = '<p class="meta-info">von <a href="/autoren/ana-lima">Ana Lima</a></p>'
    assert _page_with(header) == ["Ana Lima"]


def test_links_to_authors_of_other_stories_are_not_bylines():
    aside = ('<aside><ul><li><a href="/author/ben-okoro">Ben Okoro</a> on the ferry fares</li>'
             "</ul></aside>")
    assert _page_with("", aside) == ["Velmar Herald"]


def test_a_name_and_a_role_in_touching_elements_are_apart():
    # nothing between the link and the role: the page's style sets them apart
    header = ('<div class="article-author"><img src="a.jpg" alt=""><a href="/autor/ana-lima">'
              "Ana Lima</a><span>Reporterin</span></div>")
    assert _page_with(header) == ["Ana Lima"]


def test_a_line_break_ends_the_byline():
    header = '<div class="byline">Von Ana Lima<br>Veröffentlicht am 3. März 2024</div>'
    assert _page_with(header) == ["Ana Lima"]


def test_a_box_around_a_byline_is_read_as_its_parts():
    header = ('<div class="author-box"><div class="author-section">Hafen</div>'
              '<div class="author-line"><span class="author-name">Ana Lima</span> vor 2 Std.'
              "</div><div><span>TEILEN</span><span>MAIL</span></div></div>")
    assert _page_with(header) == ["Ana Lima"]


def test_a_list_of_authors_with_their_other_stories_is_no_byline():
    aside = ('<div class="follow"><ul>'
             '<li class="author-follow"><b>Ben Okoro</b><a href="/a">Fares rise again</a></li>'
             '<li class="author-follow"><b>Cleo Marsh</b><a href="/b">A new quay</a></li>'
             '<li class="author-follow"><b>Dan Iver</b><a href="/c">Storm warning</a></li>'
             "</ul></div>")
    assert _page_with("", aside) == ["Velmar Herald"]


def test_a_list_of_names_alone_is_a_byline_of_several():
    header = ('<ul class="authors"><li class="author">Ana Lima</li>'
              '<li class="author">Ben Okoro</li></ul>')
    assert _page_with(header) == ["Ana Lima", "Ben Okoro"]


@pytest.mark.parametrize("byline, names", [
    ("Redaktion: Ben Okoro und Cleo Marsh", []),
    ("Fotos: Ben Okoro, Cleo Marsh", []),
    ("Photos: Ben Okoro and Cleo Marsh | By Ana Lima", ["Ana Lima"]),
    ("Fotos: Ben Okoro, Text: Ana Lima", ["Ana Lima"]),
    ("By Ana Lima; Editing by Ben Okoro and Cleo Marsh", ["Ana Lima"]),
])
def test_a_credit_label_covers_every_name_after_it(byline, names):
    assert parse_byline(byline)[0] == names


def _unmarked_page(between: str) -> list[str]:
    # no author metadata; the block between the headline and the text has no byline mark
    page = ('<html lang="en"><head><title>Ferry line approved</title></head><body><article>'
            f"<h1>Ferry line approved</h1>{between}{TEXT}</article></body></html>")
    return list(read_document("page.html", page.encode(), default_registry()).document.authors)


def test_a_line_saying_it_is_a_byline_between_headline_and_text_is_one_whatever_its_markup():
    assert _unmarked_page('<div class="meta">By Ana Lima | 3 March 2024</div>') == ["Ana Lima"]
    assert _unmarked_page("<div class='info'><span>Von Ana Lima</span> · 3. März</div>") == [
        "Ana Lima"]


def test_a_line_between_headline_and_text_that_is_no_byline_names_no_author():
    assert _unmarked_page('<div class="meta">By the numbers: ferries | 3 March 2024</div>') == []
    assert _unmarked_page('<div class="meta">Ana Lima | 3 March 2024</div>') == []


@pytest.mark.parametrize("byline, names", [
    ("By Ana Lima for the Velmar Herald", ["Ana Lima"]),
    ("By Ana Lima For Velmar.example", ["Ana Lima"]),
    ("By Ana Lima, Senior Fellow, Velmar Speech, Ports, and Ferries Project", ["Ana Lima"]),
    ("By Ana Lima, Senior Writer, and Ben Okoro, Staff Writer", ["Ana Lima", "Ben Okoro"]),
    ("Ana Lima, Ben Okoro, Cleo Marsh", ["Ana Lima", "Ben Okoro", "Cleo Marsh"]),
    ("Ana Lima, Velmar Policy Institute", ["Ana Lima"]),
])
def test_an_affiliation_after_the_name_is_no_second_author(byline, names):
    assert parse_byline(byline)[0] == names


def _body_page(top: str = "", end: str = "") -> tuple[list[str], list[str]]:
    page = (
        '<html lang="en"><head><title>Ferry line approved</title>'
        '<meta property="og:site_name" content="Velmar Herald"></head>'
        f"<body><article><h1>Ferry line approved</h1>{top}{TEXT}{end}</article></body></html>"
    )
    doc = read_document("page.html", page.encode(), default_registry()).document
    return list(doc.authors), [p.text for p in doc.paragraphs]


def test_two_names_joined_by_a_slash_above_the_text_are_the_byline():
    authors, paragraphs = _body_page(top="<p><strong>Ana Lima/Ben Okoro</strong></p>")
    assert authors == ["Ana Lima", "Ben Okoro"]
    assert not any("Ana Lima" in p for p in paragraphs)


def test_agencies_joined_by_a_slash_are_no_persons():
    authors, _ = _body_page(top="<p>AFP/Reuters</p>")
    assert authors == []


def test_a_closing_signature_is_the_byline_and_not_the_last_paragraph():
    authors, paragraphs = _body_page(end="<p>-- By Ana Lima Subscribe @ana_lima</p>")
    assert authors == ["Ana Lima"]
    assert paragraphs[-1].startswith("Residents have asked")


def test_a_closing_sentence_that_starts_with_by_stays_text():
    end = "<p>By the end of next year, the board expects to add a fourth crossing.</p>"
    authors, paragraphs = _body_page(end=end)
    assert authors == [] and paragraphs[-1].startswith("By the end")


def _meta_authors(site: str, author: str) -> list[str]:
    page = (
        '<html lang="en"><head><title>Ferry line approved</title>'
        f'<meta property="og:site_name" content="{site}">'
        f'<meta name="author" content="{author}"></head>'
        f"<body><article><h1>Ferry line approved</h1>{TEXT}</article></body></html>"
    )
    return list(read_document("page.html", page.encode(), default_registry()).document.authors)


def test_a_site_with_its_address_in_the_author_meta_names_no_person():
    authors = _meta_authors("velmarherald.de", "velmarherald.de, Velmar, Kestria")
    assert authors == ["velmarherald.de"]


def test_a_posted_by_line_above_the_text_is_the_byline():
    authors, paragraphs = _body_page(
        top="<p><em>Posted by Ana Lima, Harbour Engineer at Velmar Ferries</em></p>")
    assert authors == ["Ana Lima"]
    assert not any("Posted by" in p for p in paragraphs)


def test_an_author_meta_with_a_link_after_the_name_gives_the_name():
    authors = _meta_authors("Velmar Notes", "Ana Lima (https://velmar.example/ana/)")
    assert authors == ["Ana Lima"]


# --- labels, placeholders, editors --------------------------------------------------------


@pytest.mark.parametrize("value", ["No Author", "Unknown", "admin", "N/A", "none"])
def test_a_placeholder_in_the_author_meta_names_nobody(value):
    assert _meta_authors("Velmar Herald", value) == []


def test_a_social_profile_in_the_author_meta_is_no_author():
    assert _meta_authors("Velmar Herald", "facebook.com/velmarherald") == []


def test_the_visible_byline_wins_over_metadata_naming_an_editor():
    page = (
        '<html lang="en"><head><title>Ferry line approved</title>'
        '<meta name="author" content="Cleo Marsh">'
        '<meta property="og:site_name" content="Velmar Herald"></head>'
        f"<body><article><h1>Ferry line approved</h1><p>By Ana Lima</p>{TEXT}</article>"
        "</body></html>"
    )
    doc = read_document("page.html", page.encode(), default_registry()).document
    assert list(doc.authors) == ["Ana Lima"]


def _boxed(box: str, meta: str = "Cleo Marsh", after: str = "") -> list[str]:
    page = (
        '<html lang="en"><head><title>Ferry line approved</title>'
        f'<meta name="author" content="{meta}">'
        '<meta property="og:site_name" content="Velmar Herald"></head>'
        f"<body><article><h1>Ferry line approved</h1>{box}{TEXT}</article>{after}</body></html>"
    )
    return list(read_document("page.html", page.encode(), default_registry()).document.authors)


@pytest.mark.parametrize(
    "box,names",
    [
        ('<p class="byline">Ana Lima</p>', ["Ana Lima"]),
        ('<div class="author"><span class="author-name">Ana Lima</span>'
         '<span class="author-role">Transport reporter</span></div>', ["Ana Lima"]),
        ('<div class="byline">By <a href="/authors/ana-lima">Ana Lima</a> and '
         '<a href="/authors/ben-okoro">Ben Okoro</a></div>', ["Ana Lima", "Ben Okoro"]),
    ],
)
def test_a_byline_box_over_the_text_wins_over_metadata_naming_someone_else(box, names):
    assert _boxed(box) == names


@pytest.mark.parametrize(
    "box",
    [
        '<div class="byline">Velmar Herald</div>',  # the site: no person shown
        '<div class="byline">Updated 5 May 2024</div>',
        '<div class="author">Photos: Ana Lima</div>',  # a photographer is no author
    ],
)
def test_a_byline_box_naming_no_author_leaves_the_metadata(box):
    assert _boxed(box) == ["Cleo Marsh"]


def test_the_metadata_keeps_its_fuller_form_of_the_name_the_box_shows():
    assert _boxed('<div class="byline">Ana Lima</div>', meta="Ana Q. Lima") == ["Ana Q. Lima"]


def test_a_byline_box_of_another_story_under_the_text_leaves_the_metadata():
    teaser = '<div class="more"><h3>Fares</h3><span class="byline">Ana Lima</span></div>'
    assert _boxed("", after=teaser) == ["Cleo Marsh"]


def test_an_editor_is_never_an_author():
    ld = {"@type": "NewsArticle", "headline": "Ferry line approved",
          "editor": {"@type": "Person", "name": "Cleo Marsh"}}
    page = (
        '<html lang="en"><head><title>Ferry line approved</title>'
        '<meta property="og:site_name" content="Velmar Herald">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head>'
        f"<body><article><h1>Ferry line approved</h1>{TEXT}<p>Editing by Cleo Marsh</p>"
        "</article></body></html>"
    )
    doc = read_document("page.html", page.encode(), default_registry()).document
    assert "Cleo Marsh" not in doc.authors
    assert not any("Cleo Marsh" in p.text for p in doc.paragraphs)


@pytest.mark.parametrize(
    "byline,names",
    [
        ("Interview: Ana Lima", ["Ana Lima"]),
        ("Texto: Ana Lima", ["Ana Lima"]),
        ("Ana Lima (with Ben Okoro and Cleo Marsh)", ["Ana Lima", "Ben Okoro", "Cleo Marsh"]),
        ("Ana Lima (mit Ben Okoro)", ["Ana Lima", "Ben Okoro"]),
        ("Reporting by Ana Lima; Editing by Cleo Marsh", ["Ana Lima"]),
        ("Text: Ana Lima, Fotos: Cleo Marsh", ["Ana Lima"]),
        ("Ana Lima, Reuters", ["Ana Lima"]),
        ("No Author", []),
        ("Author: unknown", []),
        ("N/A", []),
    ],
)
def test_byline_labels_roles_and_placeholders(byline, names):
    assert parse_byline(byline)[0] == names


# --- bylines wherever they are written --------------------------------------------------------

STANDFIRST = "The board says the crossing will open by next summer, a decade after the first plans."


def _standfirst_page(after: str) -> tuple[list[str], str | None, list[str]]:
    page = (
        '<html lang="en"><head><title>Ferry line approved</title>'
        '<meta property="og:site_name" content="Velmar Herald">'
        f'<meta name="description" content="{STANDFIRST}"></head>'
        "<body><article><h1>Ferry line approved</h1>"
        f'<p class="standfirst">{STANDFIRST}</p>{after}{TEXT}</article></body></html>'
    )
    doc = read_document("page.html", page.encode(), default_registry()).document
    return list(doc.authors), doc.standfirst, [p.text for p in doc.paragraphs]


@pytest.mark.parametrize("byline", ["By Ana Lima", "By Ana Lima and Ben Okoro"])
def test_a_by_line_after_the_standfirst_is_the_byline(byline):
    authors, standfirst, paragraphs = _standfirst_page(f"<p>{byline}</p>")
    assert authors == byline.removeprefix("By ").split(" and ")
    assert standfirst == STANDFIRST
    assert paragraphs[0].startswith("The harbour board")


def test_a_name_alone_after_the_standfirst_is_a_caption_not_a_byline():
    authors, _, _ = _standfirst_page("<p>Ana Lima</p>")
    assert authors == []


@pytest.mark.parametrize("line", ["Author: Ana Lima", "Autorin: Ana Lima", "Interview: Ana Lima"])
def test_a_labelled_byline_above_the_text_is_the_byline(line):
    authors, paragraphs = _body_page(top=f"<p>{line}</p>")
    assert authors == ["Ana Lima"]
    assert paragraphs[0].startswith("The harbour board")


def test_a_labelled_byline_closing_the_text_is_the_byline():
    authors, paragraphs = _body_page(end="<p>Author: Ana Lima</p>")
    assert authors == ["Ana Lima"]
    assert paragraphs[-1].startswith("Residents have asked")


@pytest.mark.parametrize("line", ["Author: unknown", "By No Author"])
def test_a_placeholder_byline_names_nobody(line):
    authors, paragraphs = _body_page(top=f"<p>{line}</p>")
    assert authors == [] and paragraphs[0].startswith("The harbour board")


def test_co_authors_in_brackets_are_persons_of_the_byline():
    authors, _ = _body_page(top="<p>By Ana Lima (with Ben Okoro and Cleo Marsh)</p>")
    assert authors == ["Ana Lima", "Ben Okoro", "Cleo Marsh"]


@pytest.mark.parametrize(
    "sentence",
    [
        "By the time the council met, the crowd had gone home.",
        "By Tuesday the board had met (with the help of the council).",
    ],
)
def test_a_first_sentence_that_starts_with_by_is_text(sentence):
    authors, paragraphs = _body_page(top=f"<p>{sentence}</p>")
    assert authors == [] and paragraphs[0] == sentence


def test_a_lowercase_agency_credited_alone_stands_in_as_the_author():
    assert _body_page(top="<p>By dpa</p>")[0] == ["dpa"]


def test_a_person_beside_the_agency_wins_over_it():
    assert _body_page(top="<p>By Ana Lima, dpa</p>")[0] == ["Ana Lima"]


# --- plain text -------------------------------------------------------------------------------

STORY = (
    "The harbour board of Port Velmar voted on Tuesday to open a ferry line to Quessa.\n\n"
    "The line will run three times a day and cost the same as the bus, the plan says."
)


def _text(text: str) -> tuple[list[str], list[str], str | None]:
    doc = read_document("story.txt", text.encode(), default_registry()).document
    return list(doc.authors), [p.text for p in doc.paragraphs], doc.source_name


@pytest.mark.parametrize("line", ["Author: Ana Lima", "Autor: Ana Lima", "Interview: Ana Lima"])
def test_a_labelled_byline_line_in_a_text_is_the_byline(line):
    authors, paragraphs, _ = _text(f"Ferry line approved\n\n{line}\n\n{STORY}")
    assert authors == ["Ana Lima"] and paragraphs[0].startswith("The harbour board")


def test_a_database_exports_byline_label_opening_a_text_is_the_byline_not_its_title():
    # news databases export a story with labelled fields: "BYLINE: NAME." on a line of its own
    authors, paragraphs, _ = _text(f"BYLINE: Ana Lima.\n\nFerry line approved\n\n{STORY}")
    assert authors == ["Ana Lima"] and all("BYLINE" not in p for p in paragraphs)
    doc = read_document("story.txt", f"BYLINE: Ana Lima.\n\n{STORY}".encode(),
                        default_registry()).document
    assert "BYLINE" not in doc.title


def test_a_labelled_byline_closing_a_text_is_the_byline():
    authors, paragraphs, _ = _text(f"Ferry line approved\n\n{STORY}\n\nAuthor: Ana Lima")
    assert authors == ["Ana Lima"] and paragraphs[-1].endswith("the plan says.")


def test_a_closing_label_without_a_person_stays_text():
    closing = "Interview: the ferry captain on the new timetable"
    authors, paragraphs, _ = _text(f"Ferry line approved\n\n{STORY}\n\n{closing}")
    assert authors == [] and paragraphs[-1] == closing


def test_reporting_by_closing_a_text_gives_the_author():
    authors, paragraphs, _ = _text(
        f"Ferry line approved\n\n{STORY}\n\n(Reporting by Ana Lima; Editing by Cleo Marsh)")
    assert authors == ["Ana Lima"] and paragraphs[-1].endswith("the plan says.")


def test_an_editing_line_closing_a_text_names_no_author():
    authors, _, _ = _text(f"Ferry line approved\n\n{STORY}\n\nEditing by Cleo Marsh")
    assert authors == []


@pytest.mark.parametrize("line", ["Author: unknown", "By No Author"])
def test_a_placeholder_byline_in_a_text_names_nobody(line):
    authors, paragraphs, _ = _text(f"Ferry line approved\n\n{line}\n\n{STORY}")
    assert authors == [] and paragraphs[0].startswith("The harbour board")


def test_co_authors_in_brackets_in_a_text():
    authors, _, _ = _text(
        f"Ferry line approved\n\nBy Ana Lima (with Ben Okoro and Cleo Marsh)\n\n{STORY}")
    assert authors == ["Ana Lima", "Ben Okoro", "Cleo Marsh"]


@pytest.mark.parametrize("agency", ["dpa", "AFP"])
def test_an_agency_credited_alone_in_a_text_is_the_author(agency):
    authors, paragraphs, source = _text(f"Ferry line approved\n\nBy {agency}\n\n{STORY}")
    assert authors == [agency] and source == agency
    assert paragraphs[0].startswith("The harbour board")


def test_a_sentence_that_starts_with_by_opens_a_text():
    sentence = "By the time the council met, the crowd had gone home."
    authors, paragraphs, _ = _text(f"Ferry line approved\n\n{sentence}\n\n{STORY}")
    assert authors == [] and paragraphs[0] == sentence


# --- whose byline: the metadata's agency, a closing bio -----------------------------------


def _agency_page(author_meta: str) -> list[str]:
    # a box under the article that the page does not mark as a list of other stories
    aside = '<div class="box"><h3>Ferry fares</h3><span class="byline">Von Ben Okoro</span></div>'
    page = (
        '<html lang="de"><head><title>Ferry line approved</title>'
        '<meta property="og:site_name" content="Velmar Herald">'
        f'<meta name="author" content="{author_meta}"></head>'
        f"<body><article><h1>Ferry line approved</h1>{TEXT}</article>{aside}</body></html>"
    )
    return list(read_document("page.html", page.encode(), default_registry()).document.authors)


def test_an_agency_in_the_metadata_beats_a_byline_box_of_the_page():
    assert _agency_page("dpa") == ["dpa"]


def test_a_byline_box_beats_metadata_naming_only_the_site():
    assert _agency_page("Velmar Herald") == ["Ben Okoro"]


@pytest.mark.parametrize(
    "bio,authors",
    [
        ("<p><em>Ana Lima is a transport reporter at the Velmar Herald.</em></p>", ["Ana Lima"]),
        ("<p>Ana Lima ist Korrespondentin der Zeitung in Quessa.</p>", ["Ana Lima"]),
        # the story's last sentence about a person is no bio
        ("<p>Ana Lima is the chief engineer of the harbour board, which runs the port.</p>", []),
        ("<p>Mayor Ana Lima is a former journalist who once covered the port herself.</p>", []),
    ],
)
def test_a_closing_bio_names_the_author(bio, authors):
    assert _body_page(end=bio)[0] == authors


def test_a_closing_bio_in_a_text_names_the_author():
    bio = "Ana Lima is a freelance journalist and the author of two books on ferries."
    authors, paragraphs, _ = _text(f"Ferry line approved\n\n{STORY}\n\n{bio}")
    assert authors == ["Ana Lima"]
    assert paragraphs[-1] == bio  # the bio stays in the text, as written


def test_a_byline_beats_a_closing_bio():
    authors, _ = _body_page(
        top="<p>By Ben Okoro</p>", end="<p>Ana Lima is a reporter at the Velmar Herald.</p>")
    assert authors == ["Ben Okoro"]


def _list_over_story(items: list[str]) -> tuple[list[str], list[str]]:
    facts = "".join(f"<li>{i}</li>" for i in items)
    page = (
        '<html lang="de"><head><title>Fähre genehmigt</title></head><body><article>'
        f"<h1>Fähre genehmigt</h1><ul>{facts}</ul>{TEXT}</article></body></html>"
    )
    doc = read_document("page.html", page.encode(), default_registry()).document
    return list(doc.authors), [p.text for p in doc.paragraphs]


def test_a_byline_in_the_list_of_facts_over_the_story_names_its_authors():
    # date, reading time and byline as list items; the label may take a colon ("Von:")
    authors, paragraphs = _list_over_story(
        ["Veröffentlicht am 3. März 2026", "4 Minuten Lesezeit", "Von: Ana LIMA, Sam POE"]
    )
    assert authors == ["Ana LIMA", "Sam POE"]
    assert paragraphs[0].startswith("The harbour board")
    authors, _ = _list_over_story(["By: Ana Lima"])
    assert authors == ["Ana Lima"]


def test_a_list_item_that_starts_like_a_byline_but_is_a_sentence_names_nobody():
    authors, _ = _list_over_story(["Von Montag bis Freitag fährt die Fähre dreimal am Tag."])
    assert authors == []


# --- a desk's credit that names its organisation ------------------------------------------


@pytest.mark.parametrize("credit", ["VNA Wire", "VH-Redaktion", "Redaktion velmarherald.example"])
def test_a_staff_credit_naming_its_organisation_is_that_credit(credit):
    assert parse_byline(credit, strict=False) == ([], [credit])
    assert _authors({"@type": "Person", "name": credit}) == [credit]


@pytest.mark.parametrize("credit", ["Staff", "Web Desk", "Our Foreign Staff", "Redaktion"])
def test_a_staff_credit_without_a_name_names_nobody(credit):
    assert parse_byline(credit, strict=False) == ([], [])
    assert _authors({"@type": "Person", "name": credit}) == []


def test_an_agency_credited_beside_the_outlets_desk_is_the_author():
    credits = [{"@type": "Organization", "name": "Velmar Presse-Agentur"},
               {"@type": "Person", "name": "VH-Redaktion"}]
    assert _authors(credits) == ["Velmar Presse-Agentur"]
