"""Page furniture after the article (newsletter boxes, comment policies, teasers, bios in a box)
is recognised by its place in the page, in any language, and left out of the body with a note;
the article's own last paragraph, and articles split into sections, are kept."""

from __future__ import annotations

import pytest

from site_gen.model import Paragraph
from site_gen.reader.html_edges import (
    trim_box_and_after,
    trim_call_to_action,
    trim_leading_controls,
    trim_linked_tail,
    trim_teasers,
    trim_trailing_furniture,
)
from site_gen.reader.html_meta import parse_tree
from site_gen.reader.html_place import Places, main_container

BODY = [
    "The harbour board of Port Velmar voted on Tuesday to open a ferry line to Quessa.",
    "The line will run three times a day and cost the same as the bus, the plan says.",
    "Residents have asked for a regular connection for more than a decade, they said.",
    "A petition last year gathered several thousand signatures across the island.",
    "The first crossing is planned for the second week of April, weather permitting.",
]


def _trim(html: str, texts: list[str]):
    places = Places(parse_tree(html).find(".//body"))
    paragraphs = tuple(Paragraph(i, t) for i, t in enumerate(texts))
    kept, dropped = trim_trailing_furniture(places, paragraphs)
    return [p.text for p in kept], dropped


def _ps(texts) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def test_a_box_after_the_article_container_is_left_out():
    box = ["Get our newsletter every morning.", "Read our comment rules before you write."]
    html = (
        f'<html><body><article><div class="text">{_ps(BODY)}</div>'
        f'<div class="promo">{_ps(box)}</div></article></body></html>'
    )
    kept, dropped = _trim(html, BODY + box)
    assert kept == BODY and dropped == box


def test_furniture_in_another_language_too():
    box = ["Abonnieren Sie unseren Newsletter.", "Fehler gefunden? Jetzt melden."]
    html = f"<html><body><main>{_ps(BODY)}</main><section>{_ps(box)}</section></body></html>"
    kept, dropped = _trim(html, BODY + box)
    assert kept == BODY and dropped == box


def test_a_bio_box_inside_the_container_is_left_out():
    bio = "Ana Lima covers the harbour and the islands for this newspaper."
    html = f'<html><body><div class="text">{_ps(BODY)}<div class="bio"><p>{bio}</p></div></div>'
    kept, dropped = _trim(html + "</body></html>", [*BODY, bio])
    assert kept == BODY and dropped == [bio]


def test_sections_of_the_same_kind_are_the_article():
    first, second = BODY[:4], ["A second section goes on with the story.", BODY[4]]
    html = (
        f'<html><body><section class="part">{_ps(first)}</section>'
        f'<section class="part">{_ps(second)}</section></body></html>'
    )
    kept, dropped = _trim(html, first + second)
    assert kept == first + second and dropped == []


def test_the_last_paragraph_of_the_article_is_kept():
    html = f'<html><body><div class="text">{_ps(BODY)}</div></body></html>'
    assert _trim(html, BODY) == (BODY, [])


def test_too_few_paragraphs_are_not_judged():
    html = f'<html><body><div>{_ps(BODY[:2])}</div><aside><p>Promo text.</p></aside></body></html>'
    kept, dropped = _trim(html, [*BODY[:2], "Promo text."])
    assert dropped == []


def _edge(trim, html: str, texts: list[str]):
    """What ``trim`` (an edge rule of ``html_edges``) keeps and drops of ``texts`` in ``html``."""
    places = Places(parse_tree(html).find(".//body"))
    paragraphs = tuple(Paragraph(i, t) for i, t in enumerate(texts))
    kept, dropped = trim(places, paragraphs)
    return [p.text for p in kept], dropped


def _linked(html: str, texts: list[str]):
    return _edge(trim_linked_tail, html, texts)


def test_closing_lines_that_are_mostly_a_link_are_left_out():
    teaser = "LIES OCH: Tiedeämme nyt enemmän lauttojen aikatauluista"
    html = (f'<html><body><article>{_ps(BODY)}<p>{teaser[:9]}<a href="/x">{teaser[9:]}</a></p>'
            "</article></body></html>")
    kept, dropped = _linked(html, BODY + [teaser])
    assert kept == BODY and dropped == [teaser]


def test_notes_after_a_separator_line_are_left_out():
    note = "An earlier edition gave the wrong date for the vote."
    html = f"<html><body><article>{_ps(BODY)}<p>___</p><p>{note}</p></article></body></html>"
    kept, dropped = _linked(html, BODY + ["___", note])
    assert kept == BODY and dropped == ["___", note]


def test_a_last_paragraph_with_a_link_in_it_is_kept():
    last = ('The board published <a href="/plan">its plan</a> on Monday and will hold a public '
            "hearing on the timetable next month.")
    text = ("The board published its plan on Monday and will hold a public hearing on the "
            "timetable next month.")
    html = f"<html><body><article>{_ps(BODY)}<p>{last}</p></article></body></html>"
    kept, dropped = _linked(html, BODY + [text])
    assert kept == BODY + [text] and dropped == []


SITES = ["Velmar Courier", "velmarcourier.example", "velmarcourier"]


def _own(closing: list[str], texts: list[str]):
    html = f"<html><body><article>{_ps(BODY)}{''.join(closing)}</article></body></html>"
    places = Places(parse_tree(html).find(".//body"))
    paragraphs = tuple(Paragraph(i, t) for i, t in enumerate(BODY + texts))
    kept, dropped = trim_linked_tail(places, paragraphs, SITES)
    return [p.text for p in kept], dropped


def test_closing_lines_naming_the_site_with_a_link_are_its_promotion():
    lines = ["Follow the Velmar Courier on social media for more harbour news.",
             "Der Newsletter von velmarcourier informiert Sie jeden Abend."]
    closing = ['<p>Follow the Velmar Courier on <a href="/s">social media</a> for more harbour'
               ' news.</p>',
               '<p>Der Newsletter von velmarcourier informiert Sie <a href="/n">jeden Abend</a>.'
               '</p>']
    kept, dropped = _own(closing, lines)
    assert kept == BODY and dropped == lines


def test_a_closing_line_naming_the_site_without_a_link_or_another_site_is_kept():
    told = "The harbour master told the Velmar Courier that the timetable is final."
    other = "Follow the Quessa Herald on social media for more harbour news."
    closing = [f"<p>{told}</p>",
               '<p>Follow the Quessa Herald on <a href="/s">social media</a> for more harbour'
               ' news.</p>']
    assert _own(closing[:1], [told]) == (BODY + [told], [])
    assert _own(closing[1:], [other]) == (BODY + [other], [])


def _teasers(html: str, texts: list[str]):
    return _edge(trim_teasers, html, texts)


def test_teasers_for_other_stories_inside_the_body_are_left_out_in_any_language():
    teasers = [("Lue myös:", "Lautta myöhästyi taas kolme tuntia"),
               ("VEA TAMBIÉN |", "El puerto abre una nueva terminal de carga"),
               ("Voir aussi »", "Les ferries de l'île changent d'horaires")]
    html_teasers = [f'<p>{label} <a href="/s{i}">{title}</a></p>'
                    for i, (label, title) in enumerate(teasers)]
    texts = [f"{label} {title}" for label, title in teasers]
    html = ("<html><body><article>" + _ps(BODY[:2]) + html_teasers[0] + _ps(BODY[2:4])
            + "".join(html_teasers[1:]) + _ps(BODY[4:]) + "</article></body></html>")
    kept, dropped = _teasers(html, BODY[:2] + texts[:1] + BODY[2:4] + texts[1:] + BODY[4:])
    assert kept == BODY and dropped == texts


def test_a_labelled_paragraph_that_is_no_link_stays():
    text = "Update: the board met again on Friday and kept the timetable it had agreed."
    html = (f"<html><body><article>{_ps(BODY[:2])}<p>{text}</p>{_ps(BODY[2:])}</article>"
            "</body></html>")
    kept, dropped = _teasers(html, BODY[:2] + [text] + BODY[2:])
    assert dropped == [] and text in kept


def test_a_sentence_that_is_all_a_link_but_has_no_label_stays():
    text = "The ferry timetable for the winter months is printed on the back of the ticket."
    html = (f'<html><body><article>{_ps(BODY[:2])}<p><a href="/law">{text}</a></p>'
            f"{_ps(BODY[2:])}</article></body></html>")
    kept, dropped = _teasers(html, BODY[:2] + [text] + BODY[2:])
    assert dropped == [] and text in kept


def test_a_caption_after_a_box_of_points_above_the_body_is_left_out_too():
    points = ["The island gets a ferry line next spring.",
              "Three crossings a day, at the price of a bus ticket."]
    caption = ("In this photo taken on Monday, the new ferry is moored at the quay of Port"
               " Velmar before its first crossing.")
    html = (f"<html><body><ul>{''.join(f'<li>{p}</li>' for p in points)}</ul>"
            f'<div class="slideshow-description"><p>{caption}</p></div>'
            f"<article>{_ps(BODY)}</article></body></html>")
    places = Places(parse_tree(html).find(".//body"))
    paragraphs = tuple(Paragraph(i, t) for i, t in enumerate(points + [caption] + BODY))
    kept, dropped = trim_box_and_after(places, paragraphs, [])
    assert [p.text for p in kept] == BODY and dropped == points + [caption]
    # the box alone goes when nothing stands between it and the body
    kept, dropped = trim_box_and_after(places, paragraphs[:2] + paragraphs[3:], [])
    assert [p.text for p in kept] == BODY and dropped == points


def test_labels_and_teasers_at_the_edges_of_the_text_leave_it_with_a_note():
    # breadcrumb and share label before the text, an advertisement label inside it, a
    # "read more" label and a linked headline after it: none is article text, and the notes
    # name what the reader left out (the original copy keeps all of it)
    from site_gen.reader import read_document
    from site_gen.registry import default_registry

    body = "".join(f"<p>{t}</p>" for t in BODY[:3])
    body += "<p>Advertisement</p>" + "".join(f"<p>{t}</p>" for t in BODY[3:])
    page = (
        '<html lang="en"><head><title>Ferry line approved</title></head><body><article>'
        "<p>Home › Velmar › Transport</p><p>Share this article</p>"
        f"<h1>Ferry line approved</h1><div class='text'>{body}"
        '<p>Read more:</p><p><a href="/other">Bus fares rise in Quessa</a></p></div>'
        "</article></body></html>"
    )
    result = read_document("page.html", page.encode(), default_registry())
    assert [p.text for p in result.document.paragraphs] == BODY
    notes = " ".join(d.message for d in result.diagnostics)
    for left_out in ("Home › Velmar › Transport", "Share this article", "Advertisement",
                     "Read more:"):
        assert left_out in notes, left_out
    assert "Ferry line approved" not in notes  # the headline is printed above every text


def test_a_closing_line_of_editors_credits_leaves_the_text_and_names_no_author():
    from site_gen.reader.html_body import clean_edges

    blocks = [("p", t) for t in BODY]
    for credits in ("Redaktion: Ana Lima, Sam Poe Faktencheck: Ana Lima",
                    "Photos: the harbour museum, the council archive and the city library"):
        edges = clean_edges([*blocks, ("p", credits)])
        assert [t for _, t in edges.blocks] == BODY and edges.authors == []
        assert edges.after == [("p", credits)]
    sentence = "Editing the timetable took the board of the harbour most of the winter months."
    edges = clean_edges([*blocks, ("p", sentence)])
    assert [t for _, t in edges.blocks] == [*BODY, sentence]  # a sentence of the story


@pytest.mark.parametrize("placeholder", ["Loading weather data ...", "Wird geladen\u2026",
                                         "Chargement en cours..."])
def test_a_closing_placeholder_a_script_fills_leaves_the_text(placeholder: str) -> None:
    from site_gen.reader.html_body import clean_edges

    blocks = [("p", t) for t in BODY]
    edges = clean_edges([*blocks, ("p", placeholder)])
    assert [t for _, t in edges.blocks] == BODY
    assert edges.after == [("p", placeholder)]


def test_a_closing_sentence_ending_in_an_ellipsis_stays() -> None:
    from site_gen.reader.html_body import clean_edges

    sentence = "And then, one by one, the lights of the old harbour went out..."
    edges = clean_edges([*[("p", t) for t in BODY], ("p", sentence)])
    assert [t for _, t in edges.blocks] == [*BODY, sentence]


# --- a wall of controls after a teaser of the story --------------------------------------

TEASER = [
    "Der Hafenrat von Port Velmar hat am Dienstag eine neue Fährlinie nach Quessa beschlossen.",
    "Die Linie soll dreimal am Tag fahren und nicht mehr kosten als der Bus, heißt es im Plan.",
]
WALL = [
    "Dieser Beitrag ist nur für Mitglieder lesbar.",
    "Als Mitglied erhalten Sie",
    "die digitale Ausgabe",
    "alle Beiträge ohne Grenze",
]


def _walled(wall_html: str, texts: list[str]):
    html = (
        '<html><body><div class="story">'
        f'{"".join(f"<div class=block>{t}</div>" for t in TEASER)}{wall_html}'
        "</div></body></html>"
    )
    return _edge(trim_call_to_action, html, texts)


def test_a_closing_box_of_buttons_after_a_teaser_leaves_the_text_in_any_language():
    wall = (
        f'<div class="m21"><p>{WALL[0]}</p>'
        '<a class="btn red" href="/join">Mitglied werden</a>'
        '<a class="btn" href="/login">Anmelden</a>'
        f"<dl><dt>{WALL[1]}</dt><dd>{WALL[2]}</dd><dd>{WALL[3]}</dd></dl></div>"
    )
    kept, dropped = _walled(wall, TEASER + WALL)
    assert kept == TEASER and dropped == WALL


def test_a_closing_box_with_a_form_field_leaves_the_text():
    wall = f'<div><p>{WALL[0]}</p><form action="/login"><input type="email"></form></div>'
    kept, dropped = _walled(wall, TEASER + WALL[:1])
    assert kept == TEASER and dropped == WALL[:1]


def test_a_closing_paragraph_with_an_ordinary_link_stays():
    last = "Die Pläne des Rates sind auf der Seite der Stadt nachzulesen, sagte eine Sprecherin."
    wall = f'<div><p>{last[:20]}<a href="/plan">{last[20:]}</a></p></div>'
    kept, dropped = _walled(wall, [*TEASER, last])
    assert kept == [*TEASER, last] and dropped == []


def test_a_later_section_of_the_story_with_a_button_in_it_stays():
    parts = ["Der Rat will im Mai entscheiden.", "Die erste Fahrt ist für April geplant."]
    html = (
        "<html><body>"
        f'<section class="part"><p>{TEASER[0]}</p><p>{TEASER[1]}</p></section>'
        f'<section class="part"><p>{parts[0]}</p><button>Teilen</button><p>{parts[1]}</p>'
        "</section></body></html>"
    )
    kept, dropped = _edge(trim_call_to_action, html, TEASER + parts)
    assert kept == TEASER + parts and dropped == []


def test_a_long_closing_box_with_a_button_is_more_of_the_story():
    long = [f"Absatz {i}: " + "Der Rat hat lange über die Fähre beraten und abgestimmt. " * 4
            for i in range(3)]
    wall = f'<div>{"".join(f"<p>{t}</p>" for t in long)}<button>Mehr</button></div>'
    kept, dropped = _walled(wall, TEASER + long)
    assert dropped == []


def test_a_wall_holding_more_than_the_text_before_it_is_not_judged():
    wall = f'<div><p>{WALL[0]}</p><button>Mitglied werden</button></div>'
    html = (f'<html><body><div class="story"><div class=block>Kurz.</div>{wall}'
            "</div></body></html>")
    kept, dropped = _edge(trim_call_to_action, html, ["Kurz.", WALL[0]])
    assert dropped == []


def test_an_opening_bar_of_controls_leaves_the_text_in_any_language():
    bar = ["\uff1e Anmelden", "Merken", "Nur für Mitglieder lesbar"]
    html = (
        '<html><body><div class="page"><div class="bar">'
        f'<p><a href="javascript:void(0)">{bar[0]}</a></p><p>{bar[1]}</p><p>{bar[2]}</p></div>'
        f'<div class="story">{"".join(f"<p>{t}</p>" for t in TEASER)}</div></div></body></html>'
    )
    kept, dropped = _edge(trim_leading_controls, html, bar + TEASER)
    assert kept == TEASER and dropped == bar


def test_an_opening_paragraph_with_an_ordinary_link_stays():
    first = "Der Hafenrat hat laut seinem Protokoll am Dienstag getagt."
    html = (
        f'<html><body><div class="page"><div><p>{first[:10]}<a href="/p">{first[10:]}</a></p>'
        f'</div><div class="story">{"".join(f"<p>{t}</p>" for t in TEASER)}</div></div>'
        "</body></html>"
    )
    kept, dropped = _edge(trim_leading_controls, html, [first, *TEASER])
    assert kept == [first, *TEASER] and dropped == []


def test_an_opening_section_of_the_story_with_a_button_stays():
    parts = ["Der Rat will im Mai entscheiden.", "Die erste Fahrt ist für April geplant."]
    html = (
        "<html><body>"
        f'<section class="part"><p>{parts[0]}</p><button>Teilen</button><p>{parts[1]}</p>'
        f'</section><section class="part"><p>{TEASER[0]}</p><p>{TEASER[1]}</p></section>'
        "</body></html>"
    )
    kept, dropped = _edge(trim_leading_controls, html, parts + TEASER)
    assert dropped == []


# --- looking elements up --------------------------------------------------------------


def test_the_order_of_elements_holds_for_every_kind_of_element():
    # lxml makes a new Python object for an element each time one is asked for: an order kept
    # by object ids would mix elements up
    html = "<html><body>" + "".join(
        f'<div><h1>Title {i}</h1><ul><li><a href="/{i}">link {i}</a></li></ul><p>Text {i}</p></div>'
        for i in range(40)) + "</body></html>"
    body = parse_tree(html).find(".//body")
    places = Places(body)
    assert not places.before(body, body)  # the order is taken before the elements are asked for
    fresh = list(body.iter("h1", "a", "ul", "p"))
    for i in range(0, len(fresh) - 1, 7):
        a, b = fresh[i], fresh[i + 1]
        assert places.before(a, b) and not places.before(b, a)


def test_the_main_container_is_counted_by_element_not_by_object_id():
    # each paragraph in a wrapper of its own: counted by object id, the wrappers (made anew
    # each time) would share counts and one of them would pass for the container
    story = "".join(f"<figure><p>{t}</p></figure>" for t in BODY)
    html = f"<html><body><main><article>{story}</article></main></body></html>"
    body = parse_tree(html).find(".//body")
    holders = [Places(body).holder(t) for t in BODY]
    assert main_container(holders).tag == "article"


def test_a_paragraph_whose_first_words_are_set_apart_is_found():
    # a script written without spaces: the first text node ends mid-line
    text = "この記事は会員限定です。紙の新聞の購読者は無料で登録できます。"
    html = (f'<html><body><p class="t"><span class="b">{text[:12]}</span><br>{text[12:]}</p>'
            f"<dl><dt>登録すると</dt><dd>電子版</dd></dl></body></html>")
    places = Places(parse_tree(html).find(".//body"))
    assert places.holder(text).tag == "p"
    assert places.holder("登録すると").tag == "dt"


def test_a_closing_note_set_in_italics_unlike_the_body_is_left_out_whichever_tag_sets_it():
    note = "Ana Lima reported from Port Velmar; Ben Okoro contributed from Quessa."
    for tag in ("i", "em"):
        html = (f'<html><body><div class="text">{_ps(BODY)}<p><{tag}>{note}</{tag}></p></div>'
                "</body></html>")
        kept, dropped = _trim(html, [*BODY, note])
        assert kept == BODY and dropped == [note], tag


def test_a_body_set_in_italics_throughout_keeps_its_last_paragraph():
    html = ('<html><body><div class="text">' + "".join(f"<p><i>{t}</i></p>" for t in BODY)
            + "</div></body></html>")
    assert _trim(html, BODY) == (BODY, [])
