"""The standfirst (the summary under the headline) is its own field, told apart from the body
by where the page shows it, in any language; a description that is the body's first paragraph
stays the first paragraph."""

from __future__ import annotations

from site_gen.reader import read_document
from site_gen.registry import default_registry

DEK = (
    "The harbour board has approved a new ferry line between the old town and the island, "
    "ending years of delay."
)
BODY = [
    "The harbour board of Port Velmar voted on Tuesday to open a ferry line to the island of "
    "Quessa next spring, the board's chair told reporters after the meeting.",
    "The line will run three times a day and cost the same as the bus, according to the plan "
    "published by the board, which expects about four hundred passengers a day.",
    "Residents of the island have asked for a regular connection for more than a decade, and "
    "a petition last year gathered several thousand signatures.",
]


def _page(header: str, body: str, description: str | None = DEK) -> bytes:
    meta = f'<meta name="description" content="{description}">' if description else ""
    return (
        f'<html lang="en"><head><title>Ferry line approved</title>{meta}</head><body>'
        f"<article><header><h1>Ferry line approved</h1>{header}</header>"
        f'<div class="text">{body}</div></article></body></html>'
    ).encode()


def _read(page: bytes):
    doc = read_document("page.html", page, default_registry()).document
    return doc.standfirst, [p.text for p in doc.paragraphs]


def _ps(texts) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def test_a_standfirst_in_the_header_is_its_own_field():
    standfirst, paragraphs = _read(_page(f"<p>{DEK}</p>", _ps(BODY)))
    assert standfirst == DEK
    assert paragraphs[0] == BODY[0]


def test_a_description_that_is_the_first_body_paragraph_stays_in_the_body():
    standfirst, paragraphs = _read(_page("", _ps(BODY), description=BODY[0]))
    assert standfirst is None
    assert paragraphs[0] == BODY[0]


def test_wrapped_body_paragraphs_are_still_one_body():
    wrapped = "".join(f'<div class="block"><p>{t}</p></div>' for t in BODY)
    standfirst, paragraphs = _read(_page("", wrapped, description=BODY[0]))
    assert standfirst is None and paragraphs[0] == BODY[0]


def test_no_description_no_standfirst():
    standfirst, paragraphs = _read(_page("", _ps(BODY), description=None))
    assert standfirst is None and paragraphs[0] == BODY[0]


def test_standfirst_in_another_language():
    dek = "Le conseil du port a approuvé une nouvelle ligne de ferry vers l'île, après des années."
    body = [
        "Le conseil du port de Port-Velmar a voté mardi l'ouverture d'une ligne de ferry vers "
        "l'île de Quessa au printemps prochain, a indiqué sa présidente après la réunion.",
        "La ligne fonctionnera trois fois par jour et coûtera le même prix que le bus, selon le "
        "plan publié par le conseil, qui attend environ quatre cents passagers par jour.",
    ]
    page = _page(f'<div class="chapo"><p>{dek}</p></div>', _ps(body), description=dek)
    standfirst, paragraphs = _read(page.replace(b'lang="en"', b'lang="fr"'))
    assert standfirst == dek and paragraphs[0] == body[0]


def test_a_date_only_the_guesser_finds_is_marked_guessed_and_a_declared_one_wins():
    shown = b'<div class="meta"><span class="date">March 5, 2024</span></div><article>'
    page = _page("", _ps(BODY), description=None).replace(b"<article>", shown)
    doc = read_document("page.html", page, default_registry()).document
    assert (doc.date, doc.date_basis) == ("2024-03-05", "guessed")
    declared = page.replace(
        b"</head>", b'<meta property="article:published_time" content="2024-03-04"></head>'
    )
    doc = read_document("page.html", declared, default_registry()).document
    assert (doc.date, doc.date_basis) == ("2024-03-04", "page metadata")


def test_a_lead_by_its_markup_among_the_body_paragraphs_is_the_standfirst():
    # the page declares it as its description and names it a lead in its markup
    body = f'<p class="story-leadtext">{DEK}</p>' + _ps(BODY)
    standfirst, paragraphs = _read(_page("", body))
    assert standfirst == DEK and paragraphs[0] == BODY[0]


def test_a_bold_first_paragraph_that_the_body_continues_stays_in_the_body():
    body = f"<p><strong>{BODY[0]}</strong></p>" + _ps(BODY[1:])
    standfirst, paragraphs = _read(_page("", body, description=BODY[0]))
    assert standfirst is None and paragraphs[0] == BODY[0]


def test_a_lead_in_the_header_other_than_the_description_is_the_standfirst():
    header = f'<p class="detail__excerpt">{DEK}</p>'
    standfirst, paragraphs = _read(_page(header, _ps(BODY), description="Ferry news of the week."))
    assert standfirst == DEK and paragraphs[0] == BODY[0]


def test_a_description_with_an_escaped_entity_still_matches():
    dek = DEK.replace("the old town", "the old town &amp; the bay")
    body = f'<p class="intro">{dek}</p>' + _ps(BODY)
    page = _page("", body, description=dek.replace("&amp;", "&amp;amp;"))
    standfirst, paragraphs = _read(page)
    assert standfirst is not None and paragraphs[0] == BODY[0]


def test_a_subheading_marked_in_the_body_does_not_hide_the_lead():
    body = (f'<p class="text-bold lead_text">{DEK}</p>' + _ps(BODY[:2])
            + '<h2 class="subheadline">What comes next</h2>' + _ps(BODY[2:]))
    standfirst, paragraphs = _read(_page("", body))
    assert standfirst == DEK and paragraphs[0] == BODY[0]


def test_a_description_element_under_the_headline_is_the_standfirst():
    header = f'<p class="article-top__description">{DEK}</p>'
    standfirst, paragraphs = _read(_page(header, _ps(BODY)))
    assert standfirst == DEK and paragraphs[0] == BODY[0]


def test_a_marked_lead_inside_the_body_container_without_a_description_is_the_standfirst():
    # the lead box sits in the same container as the body's paragraphs, the page declares
    # another description: its markup alone (a lead class the body paragraphs lack) sets it off
    body = f'<div class="story__intro"><strong><p>{DEK}</p></strong></div>' + _ps(BODY)
    standfirst, paragraphs = _read(_page("", body, description="Ferry news of the week."))
    assert standfirst == DEK and paragraphs[0] == BODY[0]


def test_a_marked_lead_heading_among_the_body_paragraphs_is_the_standfirst():
    # a heading element with a lead class, a sibling of the body's paragraphs, that the
    # extractor may drop as a heading: taken back as the standfirst, not as the first paragraph
    long_dek = DEK + " The board expects the first crossing before the summer season starts."
    body = f'<h2 class="summary-lead">{long_dek}</h2>' + _ps(BODY)
    standfirst, paragraphs = _read(_page("", body, description=long_dek))
    assert standfirst == long_dek and paragraphs[0] == BODY[0]


def test_a_marked_first_paragraph_is_not_set_off_when_the_body_paragraphs_carry_the_mark():
    body = "".join(f'<p class="intro-text">{t}</p>' for t in BODY)
    standfirst, paragraphs = _read(_page("", body, description="Ferry news of the week."))
    assert standfirst is None and paragraphs[0] == BODY[0]


POINTS = [
    "The island gets a ferry line next spring.",
    "Three crossings a day, at the price of a bus ticket.",
    "Residents had asked for it for a decade.",
]


def _box(heading: str = "", note: str = "") -> str:
    items = "".join(f"<li>{p}</li>" for p in POINTS)
    return (f'<div class="box-a1"><div class="inner">{heading}<ul>{items}</ul>{note}</div>'
            f"</div>")


def test_a_box_of_key_points_above_the_body_is_left_out_with_its_heading_and_note():
    box = _box("<h3>In short</h3>", '<p class="small">Summary made with a tool.</p>')
    doc = read_document("page.html", _page("", box + _ps(BODY)), default_registry())
    paragraphs = [p.text for p in doc.document.paragraphs]
    assert paragraphs == BODY
    assert any("key points" in d.message and POINTS[0][:20] in d.message
               for d in doc.diagnostics)


def test_a_box_of_key_points_keeps_its_note_when_the_page_repeats_the_note_elsewhere():
    # the same note closes the summary box of another story further down the page: the note
    # is found in this box all the same
    note = "<p>Summary made with a tool.</p>"
    other = ('<aside class="next"><ul><li>Another story, point one.</li>'
             f"<li>Another story, point two.</li></ul>{note}</aside>")
    _, paragraphs = _read(_page("", _box(note=note) + _ps(BODY) + other))
    assert paragraphs[:3] == BODY


def test_a_box_of_key_points_in_camel_case_markup_after_a_lead_is_left_out():
    header = f'<div class="PageLead_x1"><p>{DEK}</p></div>'
    standfirst, paragraphs = _read(_page(header, _box("<h3>In short</h3>") + _ps(BODY),
                                         description="Ferry news of the week."))
    assert standfirst == DEK and paragraphs == BODY


def test_a_list_inside_the_body_stays():
    body = _ps(BODY[:1]) + "<ul>" + "".join(f"<li>{p}</li>" for p in POINTS) + "</ul>" \
        + _ps(BODY[1:])
    _, paragraphs = _read(_page("", body, description=None))
    assert paragraphs[0] == BODY[0] and POINTS[0] in paragraphs


def test_an_article_that_is_a_list_keeps_its_items():
    # the items are followed by more items, not by paragraphs outside the list: no box
    items = POINTS + [p.replace(".", " again.") for p in POINTS]
    body = "<ul>" + "".join(f"<li>{p}</li>" for p in items) + "</ul>" + _ps(BODY[:1])
    _, paragraphs = _read(_page("", body, description=None))
    assert paragraphs[0] == POINTS[0]


def test_a_description_that_is_the_bodys_opening_with_a_byline_is_no_skipped_lead():
    # the page shows its description (byline + the first two paragraphs) in a box beside
    # the article: it repeats the body, so it is neither standfirst nor first paragraph
    description = "By Ana Lima " + BODY[0] + " " + BODY[1]
    header = f"<aside>{description}</aside>"
    standfirst, paragraphs = _read(_page(header, _ps(BODY), description=description))
    assert standfirst is None and paragraphs[0] == BODY[0]


def test_a_description_shown_before_the_body_and_not_in_it_is_the_standfirst():
    long_dek = DEK + " The board expects the first crossing before the summer season starts."
    header = f"<div>{long_dek}</div>"
    standfirst, paragraphs = _read(_page(header, _ps(BODY), description=long_dek))
    assert standfirst == long_dek and paragraphs[0] == BODY[0]


def _read_dateline(page: bytes):
    doc = read_document("page.html", page, default_registry()).document
    return doc.dateline, doc.standfirst, [p.text for p in doc.paragraphs]


def test_a_place_and_dash_alone_between_the_standfirst_and_the_body_is_the_dateline():
    # the page prints "Place -" on a line of its own (beside the date, which the extractor
    # left out): the dateline, not the article's first paragraph
    page = _page(f"<p>{DEK}</p>", "<p>Port Velmar-</p>" + _ps(BODY))
    dateline, standfirst, paragraphs = _read_dateline(page)
    assert dateline == "Port Velmar"
    assert standfirst == DEK and paragraphs == BODY
    # with a spaced dash it joins the paragraph it opens, as "PORT VELMAR -" does
    page = _page(f"<p>{DEK}</p>", "<p>Port Velmar -</p>" + _ps(BODY))
    dateline, standfirst, paragraphs = _read_dateline(page)
    assert dateline == "Port Velmar"
    assert paragraphs == [f"Port Velmar - {BODY[0]}", *BODY[1:]]


def test_a_label_or_a_colon_line_alone_is_no_dateline():
    for line in ("Update -", "Background:"):
        page = _page(f"<p>{DEK}</p>", f"<p>{line}</p>" + _ps(BODY))
        dateline, _, paragraphs = _read_dateline(page)
        assert dateline is None, line
        assert BODY[0] in paragraphs, line


def test_a_heading_naming_a_known_place_over_the_story_is_the_dateline():
    page = _page(f"<p>{DEK}</p>", "<h6>Lima</h6>" + _ps(BODY))
    dateline, standfirst, paragraphs = _read_dateline(page)
    assert dateline == "Lima" and standfirst == DEK and paragraphs == BODY
    # the same heading right under the headline (the headings before the story go, not it)
    page = _page("", "<h6>Lima</h6>" + _ps(BODY))
    dateline, standfirst, paragraphs = _read_dateline(page)
    assert dateline == "Lima" and paragraphs == BODY


def test_a_heading_over_the_story_that_names_no_place_is_left_out_and_no_dateline():
    for heading in ("Politics", "Port Velmar"):
        page = _page(f"<p>{DEK}</p>", f"<h6>{heading}</h6>" + _ps(BODY))
        dateline, _, paragraphs = _read_dateline(page)
        assert dateline is None and paragraphs == BODY, heading


def test_the_date_guesser_never_loads_the_every_locale_date_parser():
    # A date written out in words ("3 de marzo de 2019") is where the guesser's extensive
    # search would hand the text to a parser that loads every locale it knows (seconds per
    # process); the guess is a last resort, so the quick search alone is used.
    import subprocess
    import sys

    shown = b'<div class="meta"><span class="date">por Ana Lima 3 de marzo de 2019 10:00</span>'
    page = _page("", _ps(BODY), description=None).replace(b"<article>", shown + b"<article>")
    code = (
        "import sys\n"
        "from site_gen.reader import read_document\n"
        "from site_gen.registry import default_registry\n"
        "read_document('page.html', sys.stdin.buffer.read(), default_registry())\n"
        "print('dateparser' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], input=page, capture_output=True,
                         check=True)
    assert run.stdout.strip() == b"False"


def test_the_built_article_page_shows_the_standfirst_above_the_body(tmp_path):
    # the standfirst is its own field, printed between the headline and the first paragraph
    from site_gen.cli import main

    content = tmp_path / "content"
    content.mkdir()
    (content / "ferry.html").write_bytes(_page(f"<p>{DEK}</p>", _ps(BODY)))
    out = tmp_path / "site"
    assert main(["build", "--content", str(content), "--out", str(out), "-q"]) == 0
    page = next((out / "articles").glob("*/index.html")).read_text(encoding="utf-8")
    headline = page.index("Ferry line approved</h1>")
    dek = page.index('<p class="standfirst">' + DEK, headline)
    body = page.index('<div class="body">', headline)
    first = page.index(BODY[0][:40], body)  # (before any escaped apostrophe)
    assert headline < dek < body < first
    assert DEK not in page[body:]  # not a paragraph of the body too


SHORT_DEK = "A new crossing links the island to the mainland three times a day"


def _flat(before: str, description: str | None = SHORT_DEK) -> bytes:
    # headline, dek and body as siblings in one container, nothing marked
    meta = f'<meta name="description" content="{description}">' if description else ""
    return (
        f'<html lang="en"><head><title>Ferry line approved</title>{meta}</head><body>'
        f"<article><h1>Ferry line approved</h1>{before}{_ps(BODY)}</article></body></html>"
    ).encode()


def test_a_heading_under_the_headline_that_the_page_describes_itself_with_is_the_standfirst():
    standfirst, paragraphs = _read(_flat(f"<h2>{SHORT_DEK}</h2>"))
    assert standfirst == SHORT_DEK and paragraphs[0] == BODY[0]


def test_a_short_description_shown_as_the_first_plain_paragraph_stays_the_first_paragraph():
    standfirst, paragraphs = _read(_flat(f"<p>{SHORT_DEK}</p>"))
    assert standfirst is None and paragraphs[0] == SHORT_DEK


def test_a_heading_under_the_headline_that_is_no_description_is_no_standfirst():
    standfirst, _ = _read(_flat("<h2>Ferries</h2>"))
    assert standfirst is None
