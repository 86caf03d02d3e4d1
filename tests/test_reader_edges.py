"""Edges of an article's text: a body the extractor cut short, a dateline standing alone.

Synthetic, invented text only.
"""

from __future__ import annotations

import pytest

from site_gen.model import Paragraph
from site_gen.reader import read_document
from site_gen.reader.html_meta import parse_tree
from site_gen.reader.html_tail import recover_tail
from site_gen.registry import default_registry

P = 'class="story-block story--paragraph"'
H = 'class="story-block story--header"'
FIRST = "The council met on Monday to discuss the future of the old stone bridge over the river."
SECOND = "Engineers told the meeting that the arches had weathered two centuries of floods well."
THIRD = "A decision on the repairs is expected before the end of the summer, the mayor said."
FOURTH = "Residents who use the bridge every day welcomed the news at the meeting on Monday."


def _paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(index=i, text=t, start=-1, kind="p") for i, t in enumerate(texts))


def _page(after: str) -> str:
    return f"""<html><body><div class="page">
    <div class="section"><div class="story-body">
      <p {P}>{FIRST}</p><p {P}>{SECOND}</p></div></div>
    <div class="ad-slot"><p class="ad">Advertisement</p></div>
    {after}
    </div></body></html>"""


def _recovered(after: str) -> list[str]:
    tree = parse_tree(_page(after))
    out = recover_tail(tree, _paragraphs(FIRST, SECOND))
    return [p.text for p in out[2:]]


def test_tail_in_a_later_container_is_recovered_with_its_subheading():
    after = f"""<div class="section"><div class="story-body">
      <h2 {H}>What happens next</h2><p {P}>{THIRD}</p></div></div>
      <div class="section"><div class="story-body"><p {P}>{FOURTH}</p>
      <p class="license">© Example Press. All rights reserved.</p></div></div>"""
    assert _recovered(after) == ["What happens next", THIRD, FOURTH]


def test_tail_recovery_keeps_the_recovered_kinds_and_indexes():
    after = f'<div class="story-body"><h2 {H}>Next</h2><p {P}>{THIRD}</p></div>'
    out = recover_tail(parse_tree(_page(after)), _paragraphs(FIRST, SECOND))
    assert [(p.index, p.kind) for p in out] == [(0, "p"), (1, "p"), (2, "h"), (3, "p")]


def test_tail_recovery_takes_no_promos_links_or_other_stories():
    promo = "Read our other report on the bridge, published here last week for all readers."
    after = f"""
      <p class="teaser-lead">{THIRD}</p>
      <div class="related-stories"><p {P}>{FOURTH}</p></div>
      <aside><p {P}>An aside paragraph that shares the markup of the story text.</p></aside>
      <p {P}><a href="/other">{promo}</a></p>
      <p {P}>Sign up for our daily newsletter to get the news from the valley every morning.</p>
      <p {P}>Short label</p>"""
    assert _recovered(after) == []


def test_tail_recovery_stops_at_a_read_more_list_and_at_the_next_story():
    listed = f"<p {P}>Read more on this:</p><p {P}>{THIRD}</p>"
    assert _recovered(listed) == []
    next_story = f"<h1>Another headline</h1><p {P}>{THIRD}</p>"
    assert _recovered(next_story) == []


def test_tail_recovery_stays_inside_the_article_element():
    page = f"""<html><body>
      <article><p {P}>{FIRST}</p><p {P}>{SECOND}</p></article>
      <article><p {P}>{THIRD}</p></article></body></html>"""
    out = recover_tail(parse_tree(page), _paragraphs(FIRST, SECOND))
    assert len(out) == 2


def test_tail_recovery_needs_paragraph_markup_the_extracted_text_shares():
    page = f"<html><body><p>{FIRST}</p><p>{SECOND}</p><div><p>{THIRD}</p></div></body></html>"
    out = recover_tail(parse_tree(page), _paragraphs(FIRST, SECOND))
    assert len(out) == 2


def test_tail_in_the_marked_article_body_is_recovered_without_its_boxes():
    page = f"""<html><body><div itemprop="articleBody">
      <p>{FIRST}</p><p>{SECOND}</p>
      <div class="embed"><p>The old bridge was built in 1820 by the masons of the valley.</p>
      </div>
      <h2>What happens next</h2><p>{THIRD}</p><p>{FOURTH}</p></div>
      <p>A paragraph of the page after the article body, which is not part of the story.</p>
      </body></html>"""
    out = recover_tail(parse_tree(page), _paragraphs(FIRST, SECOND))
    assert [p.text for p in out[2:]] == ["What happens next", THIRD, FOURTH]


def test_tail_recovery_needs_a_marked_body_when_paragraphs_have_no_class():
    page = f"<html><body><div><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></div></body></html>"
    out = recover_tail(parse_tree(page), _paragraphs(FIRST, SECOND))
    assert len(out) == 2


def test_tail_recovery_does_not_repeat_a_paragraph_the_reader_trimmed():
    credited = THIRD + " (c)AFP/Jane Roe."
    page = f"""<html><body><div class="article-body">
      <p>{FIRST}</p><p>{SECOND}</p><p>{credited}</p></div></body></html>"""
    out = recover_tail(parse_tree(page), _paragraphs(FIRST, SECOND, THIRD))
    assert [p.text for p in out] == [FIRST, SECOND, THIRD]


def _txt(text: str):
    result = read_document("wire.txt", text.encode("utf-8"), default_registry())
    assert result.document is not None
    return result.document


def test_a_dateline_line_stated_as_a_sentence_is_kept_in_the_body():
    text = (
        "Council approves bridge repairs\n\n"
        "МОСКВА, 10 авг – РИА Новости.\n"
        "Городской совет одобрил ремонт старого каменного моста через реку в понедельник.\n"
        "Решение о сроках работ ожидается до конца лета, сообщил мэр города журналистам.\n"
    )
    d = _txt(text)
    assert d.dateline == "Москва"
    assert d.source_name == "RIA Novosti"
    assert d.paragraphs[0].text == "МОСКВА, 10 авг – РИА Новости."
    assert d.paragraphs[1].text.startswith("Городской совет")


def test_a_dateline_prefix_alone_on_its_line_still_leaves_the_body():
    text = (
        "Council approves bridge repairs\n\n"
        "LONDON (Reuters) -\n\n"
        "The council approved the repairs of the old stone bridge on Monday evening.\n\n"
        "A decision on the timetable is expected before the end of the summer.\n"
    )
    d = _txt(text)
    assert d.dateline == "London"
    assert d.paragraphs[0].text.startswith("The council approved")


BODY = (
    "The council met on Monday to discuss the future of the old stone bridge over the river.\n\n"
    "Engineers told the meeting that the arches had weathered two centuries of floods well.\n"
)


def test_text_byline_with_a_date_gives_the_author_and_the_publication_date():
    d = _txt("Council votes to rebuild the bridge\n\nBy Jane Roe | June 21, 2023\n\n" + BODY)
    assert d.authors == ("Jane Roe",)
    assert d.published == "2023-06-21"
    assert d.paragraphs[0].text.startswith("The council met")


def test_text_byline_naming_the_employer_gives_the_source_not_an_author():
    d = _txt("Council votes to rebuild the bridge\n\nBy Jane Roe, Reuters\n\n" + BODY)
    assert d.authors == ("Jane Roe",)
    assert d.source_name == "Reuters"


def test_text_byline_of_several_people_with_a_role():
    d = _txt(
        "Council votes to rebuild the bridge\n\n"
        "By Jane Roe, Political Correspondent, and John Doe\n\n" + BODY
    )
    assert d.authors == ("Jane Roe", "John Doe")


def test_an_untitled_text_opening_with_a_dateline_line():
    d = _txt(
        "МОСКВА, 10 авг – РИА Новости.\n"
        "Городской совет одобрил ремонт старого каменного моста через реку в понедельник.\n"
        "Решение о сроках работ ожидается до конца лета, сообщил мэр города журналистам.\n"
    )
    assert d.dateline == "Москва"  # the place, as a dateline (not "МОСКВА, 10 авг")
    assert d.source_name == "RIA Novosti"
    assert d.paragraphs[0].text == "МОСКВА, 10 авг – РИА Новости."
    assert d.title_derived and d.title.startswith("Городской совет")  # not the dateline


def test_tail_recovery_stops_at_a_linked_headline_and_skips_author_bios():
    next_story = f'<h2 {H}><a href="/next">Another story</a></h2><p {P}>{THIRD}</p>'
    assert _recovered(next_story) == []
    bio = f'<div class="author-info"><p {P}>Jane Roe is a reporter who covers the valley.</p></div>'
    assert _recovered(bio) == []


STORY = "The council approved the repairs of the old stone bridge on Monday, officials said."


@pytest.mark.parametrize(
    ("opening", "place", "agency"),
    [
        ("МОСКВА, 10 августа. /ТАСС/. ", "Москва", "TASS"),
        ("Tehran, IRNA - ", "Tehran", "IRNA"),
        ("Riyadh, June 21, 2023, SPA -- ", "Riyadh", "Saudi Press Agency"),
        ("ABU DHABI, 21st June, 2023 (WAM) -- ", "Abu Dhabi", "WAM"),
        ("New Delhi [India], June 21 (ANI): ", "New Delhi", "ANI"),
        ("NEW DELHI, Jun 21 (PTI) ", "New Delhi", "PTI"),
        ("Rome (ANSA) - ", "Rome", "ANSA"),
    ],
)
def test_agency_datelines(opening, place, agency):
    d = _txt("Council approves bridge repairs\n\n" + opening + STORY)
    assert d.dateline == place
    assert d.source_name == agency
    assert d.paragraphs[0].text == STORY


@pytest.mark.parametrize(
    "sentence",
    [
        "Sen. Jane Roe (D-Ohio) said on Monday that the council approved the bridge repairs.",
        "The United Nations (UN) said on Monday that the council approved the bridge repairs.",
        "Acme, IBM - the two firms - said on Monday that they would fund the bridge repairs.",
    ],
)
def test_sentences_that_look_like_agency_datelines_are_kept(sentence):
    d = _txt("Council approves bridge repairs\n\n" + sentence)
    assert d.dateline is None
    assert d.paragraphs[0].text == sentence


@pytest.mark.parametrize(
    "text,place,agency",
    [
        ("London/Paris - Die Regierung hat am Montag beschlossen", "London/Paris", None),
        ("Kiel (xyz) - Die Stadt plant eine neue Fähre", "Kiel", None),
        ("Lyon (AFP) – Le maire a annoncé lundi", "Lyon", "AFP"),
        ("Saint Louis - The mayor said on Monday that the bridge opens", "Saint Louis", None),
    ],
)
def test_title_case_datelines_with_a_spaced_dash(text, place, agency):
    from site_gen.reader.datelines import find_dateline

    found = find_dateline(text)
    assert found is not None and found.place == place and (found.agency or None) == agency


@pytest.mark.parametrize(
    "text",
    ["Update - The council met", "Jane said - the vote", "Berlin - die Stadt", "Berlin-Mitte ist"],
)
def test_no_title_case_dateline_without_the_form(text):
    from site_gen.reader.datelines import find_dateline

    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        # a first line that ends with a full stop is a sentence, in any script: the lead
        ("市议会周一批准了修缮老石桥的计划，工程将于明年春天开始。", None),
        ("市議会は月曜日、古い石橋の修理計画を承認した。", None),
        ("नगर परिषद ने सोमवार को पुराने पत्थर के पुल की मरम्मत को मंजूरी दी।", None),
        ("The council approved the repairs of the old stone bridge on Monday.", None),
        # a headline has no full stop at its end (a question may be one)
        ("市议会批准修缮老石桥", "市议会批准修缮老石桥"),
        ("老石桥还能撑多久？", "老石桥还能撑多久？"),
        ("Council backs bridge repairs", "Council backs bridge repairs"),
    ],
)
def test_a_first_line_ending_with_a_full_stop_is_no_headline(opening, title):
    d = _txt(f"{opening}\n\n{STORY}\n\nThe work is to start next spring, the mayor said.\n")
    if title is None:
        assert d.paragraphs[0].text == opening
    else:
        assert d.title == title and not d.title_derived
        assert d.paragraphs[0].text == STORY


@pytest.mark.parametrize(
    ("line", "place"),
    [("Port Velmar -", "Port Velmar"), ("Lyon–", "Lyon"), ("Kiel/Quessa —", "Kiel/Quessa")],
)
def test_a_title_case_place_with_a_dash_alone_on_its_line_is_a_dateline(line, place):
    from site_gen.reader.datelines import dateline_only, find_dateline

    assert dateline_only(line)
    assert find_dateline(line, standalone=True).place == place
    assert find_dateline(line) is None  # not alone on its line: a headline "A -", no dateline


@pytest.mark.parametrize(
    "line", ["Update -", "Background:", "Port Velmar", "the harbour -", "Port Velmar - ferry"]
)
def test_no_title_case_dateline_alone_without_the_form(line):
    from site_gen.reader.datelines import dateline_only

    assert not dateline_only(line)


@pytest.mark.parametrize(
    ("opening", "place"), [("Lima: ", "Lima"), ("Porto Alegre: ", "Porto Alegre")]
)
def test_a_known_place_in_ordinary_case_with_a_colon_is_a_dateline(opening, place):
    from site_gen.reader.datelines import find_dateline

    found = find_dateline(opening + STORY)
    assert found is not None and found.place == place and found.length == len(opening)


@pytest.mark.parametrize(
    "text",
    [
        "Update: " + STORY,  # a label
        "Port Velmar: " + STORY,  # no place the list knows
        "Jane Roe: " + STORY,  # a speaker's label in a transcript
        "Lima: the council",  # no story after it
        "Lima: " + STORY.lower(),  # no sentence after the colon
    ],
)
def test_no_colon_dateline_without_a_known_place_and_a_story(text):
    from site_gen.reader.datelines import find_dateline

    assert find_dateline(text) is None


def test_a_known_place_alone_on_its_line_is_a_dateline_only_when_alone():
    from site_gen.reader.datelines import dateline_only, find_dateline

    assert dateline_only("Lima") and dateline_only("Porto Alegre")
    assert not dateline_only("Politics") and not dateline_only("Port Velmar")
    assert find_dateline("Lima") is None  # a one-word paragraph, not alone on its line


def test_the_place_list_is_shipped_with_its_source_named():
    from importlib import resources

    from site_gen.reader.places import known_place

    text = resources.files("site_gen").joinpath("data/places.txt").read_text("utf-8")
    assert "GeoNames" in text.split("\n", 4)[2] and "CC BY 4.0" in text[:400]
    assert known_place("lima") and known_place("PORTO ALEGRE") and not known_place("Update")


_LONG = " ".join(
    f"The council heard report number {n} on the old stone bridge, which the engineers read"
    " out in full before the vote." for n in range(1, 12)
)


def test_a_long_paragraph_the_source_made_among_others_is_never_split():
    assert len(_LONG) > 900
    d = _txt(f"Council approves bridge repairs\n\n{FIRST}\n\n{_LONG}\n\n{SECOND}\n")
    assert [p.text for p in d.paragraphs] == [FIRST, _LONG, SECOND]


def test_an_article_that_arrives_as_one_unbroken_block_is_split_into_paragraphs():
    d = _txt(f"Council approves bridge repairs\n\n{_LONG}\n")
    assert len(d.paragraphs) > 1
    assert " ".join(p.text for p in d.paragraphs) == _LONG


_STORY = (
    "Ferry line approved\n\nThe harbour board voted on Tuesday to open a ferry line to the island"
    " next spring, the chair said.\n\nThe first boat will sail in April.\n\n"
)


def _registry(tmp_path):
    from site_gen.registry import Registry

    path = tmp_path / "sources.toml"
    path.write_text('[[outlet]]\nname = "Velmar Herald"\ndomains = ["velmarherald.example"]\n')
    return Registry.load(str(path))


def _read_with(registry, tail: str):
    return read_document("a.txt", (_STORY + tail + "\n").encode(), registry).document


def test_a_closing_link_to_the_story_gives_its_address_and_its_outlet(tmp_path):
    link = "https://www.velmarherald.example/news/ferry-line-approved-123"
    for tail in (link, "Source: " + link):
        d = _read_with(_registry(tmp_path), tail)
        assert d.url == link and d.source_name == "Velmar Herald"
        assert d.paragraphs[-1].text == "The first boat will sail in April."
    # a host the registry does not know gives the address, never an invented outlet
    d = _read_with(_registry(tmp_path), "https://news.unknown-site.example/story/9")
    assert d.url == "https://news.unknown-site.example/story/9" and d.source_name is None


def test_a_closing_e_mail_signature_names_the_outlet_its_domain_belongs_to(tmp_path):
    d = _read_with(_registry(tmp_path), "Jane Roe, jane.roe@velmarherald.example")
    assert d.source_name == "Velmar Herald"
    assert d.paragraphs[-1].text == "The first boat will sail in April."
    d = _read_with(_registry(tmp_path), "Contact: jane.roe@mail-provider.example")
    assert d.source_name is None  # a mail provider's domain names no outlet


def test_a_last_sentence_that_gives_an_address_is_article_text(tmp_path):
    sentence = "The police asked anyone who saw the crash to write to tips@police.example."
    d = _read_with(_registry(tmp_path), sentence)
    assert d.paragraphs[-1].text == sentence and d.source_name is None
    sentence = "The full plan is online at https://velmarherald.example/plan for all to read."
    d = _read_with(_registry(tmp_path), sentence)
    assert d.paragraphs[-1].text == sentence and d.url is None


def test_a_closing_link_to_a_site_without_a_story_path_is_no_address_of_the_story(tmp_path):
    d = _read_with(_registry(tmp_path), "https://velmarherald.example")
    assert d.url is None and d.source_name is None


def test_a_closing_editors_credit_leaves_the_text_and_names_no_author(tmp_path):
    for line in ("Editing by Jane Roe", "(Edited by Jane Roe and Sam Poe)"):
        d = _read_with(_registry(tmp_path), line)
        assert d.authors == () and d.paragraphs[-1].text == "The first boat will sail in April."
    sentence = "Edited by the council, the plan was approved by all members at the meeting."
    d = _read_with(_registry(tmp_path), sentence)
    assert d.paragraphs[-1].text == sentence  # a sentence of the story, not a credit


@pytest.mark.parametrize(
    "text,place,agency",
    [
        # the region after the city: two initials, a postal code, two capitalised words
        ("PORT VELMAR, N.K. (AP) — The harbour board voted on Tuesday", "Port Velmar, N.K.",
         "AP"),
        ("QUESSA, QV — The harbour board voted on Tuesday to open the line", "Quessa, QV", None),
        ("QUESSA CITY, Quessa Strip — The harbour board voted on Tuesday", "Quessa City, "
         "Quessa Strip", None),
        # a full stop and a dash after the agency; an underscore set apart
        ("Quessa, 12 may (EFE).- La junta del puerto votó el martes", "Quessa", "EFE"),
        ("QUESSA, Velmaria (AP) _ The harbour board voted on Tuesday", "Quessa, Velmaria", "AP"),
        # a city's abbreviated word in capitals is title-cased like the rest
        ("ST. VELMAR — The harbour board voted on Tuesday to open the line", "St. Velmar", None),
    ],
)
def test_datelines_with_regions_and_separators_of_other_wires(text, place, agency):
    from site_gen.reader.datelines import find_dateline

    found = find_dateline(text)
    assert found is not None and found.place == place and (found.agency or None) == agency
    assert text[found.length:].startswith(("The", "La"))


@pytest.mark.parametrize(
    "text",
    [
        # no separator after the capitalised words: a headline or a sentence, no dateline
        "QUESSA, Quessa Strip Votes On Ferry Plan",
        "The board, NK and QV voted - all of them - for the line",
        "QUESSA_CITY is the harbour's code name",
    ],
)
def test_no_dateline_without_a_separator_after_the_region(text):
    from site_gen.reader.datelines import find_dateline

    assert find_dateline(text) is None
