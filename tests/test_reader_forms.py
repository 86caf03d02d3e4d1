"""One synthetic example per layout, credit and dateline form the reader supports."""

from __future__ import annotations

from site_gen.reader import Document, read_document
from site_gen.reader.html_fields import strip_site
from site_gen.reader.layout import repair_lost_newlines
from site_gen.registry import default_registry


def doc(name: str, text: str | bytes) -> Document:
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = read_document(name, data, default_registry())
    assert result.document is not None, [d.format() for d in result.diagnostics]
    return result.document


# --- plain-text layouts -----------------------------------------------------------------------


def test_wire_copy_hard_wrapped_with_indents_and_signoff():
    text = (
        "BANK AGREES TO BUY RIVAL\n\n"
        "    NEW YORK, March 4 - First Example Bank said it agreed to\n"
        "buy Second Example Bank for 40 mln dlrs in cash, subject to\n"
        "approval by regulators.\n"
        "    The deal is expected to close in the second quarter, the\n"
        "bank said in a statement.\n"
        " Reuter\n"
    )
    d = doc("wire.txt", text)
    assert d.title == "BANK AGREES TO BUY RIVAL"
    assert d.dateline == "New York" and d.source_name == "Reuters"
    assert [p.text[:20] for p in d.paragraphs] == ["First Example Bank s", "The deal is expected"]
    assert d.paragraphs[-1].text.endswith("in a statement.")


def test_nested_paragraph_crawl_is_deduplicated():
    p1, p2, p3 = "First paragraph here.", "Second paragraph follows.", "Third and last one."
    text = f"{p1} {p2} {p3}\n        {p2} {p3}\n        {p3}\n"
    d = doc("crawl.txt", text)
    assert [p.text for p in d.paragraphs] == [p1, p2, p3]


def test_lost_newlines_in_cyrillic_dump():
    raw = 'Первая строка новости.nВторая строка "цитата"nТретья строка.'
    assert (
        repair_lost_newlines(raw)
        == 'Первая строка новости.\nВторая строка "цитата"\nТретья строка.'
    )
    assert repair_lost_newlines("Latin text with an n in it.") == "Latin text with an n in it."


def test_one_paragraph_per_line_joins_soft_breaks():
    text = (
        "Title line\n\nThe first sentence ends here.\n"
        "The second paragraph continues\nacross a soft break.\n"
    )
    d = doc("lines.txt", text)
    assert [p.text for p in d.paragraphs] == [
        "The first sentence ends here.",
        "The second paragraph continues across a soft break.",
    ]


def test_byline_line_becomes_authors():
    d = doc("by.txt", "A headline\n\nBy Jane Doe and John Roe\n\nThe story starts here today.")
    assert d.authors == ("Jane Doe", "John Roe")
    assert d.paragraphs[0].text == "The story starts here today."


# --- credits and datelines in other scripts ---------------------------------------------------


def test_arabic_outlet_place_line_and_self_reference():
    d = doc("ar.txt", 'صحيفة المثال – جدة\nقال مسؤول لـ"المثال" إن المشروع سيبدأ قريبا في المدينة.')
    assert d.source_name == "صحيفة المثال" and d.dateline == "جدة"
    assert d.paragraphs[0].text.startswith("قال مسؤول")
    d = doc("ar2.txt", 'قال مسؤول لـ"المثال" إن المشروع سيبدأ قريبا في المدينة الجديدة.')
    assert d.source_name == "المثال"


def test_gulf_agency_dateline_gives_place_agency_and_date():
    text = (
        "الرياض 12 رمضان 1437 هـ الموافق 17 يونيو 2016 م واس\n"
        "افتتح المعرض اليوم بحضور عدد من المسؤولين."
    )
    d = doc("spa.txt", text)
    assert d.dateline == "الرياض" and d.source_name == "Saudi Press Agency"
    assert d.date == "2016-06-17"
    assert d.paragraphs[0].text.startswith("افتتح")


def test_outlet_prefix_in_caseless_script_is_kept_in_text():
    text = "خبرگزاری فارس: شهردار از افتتاح کتابخانه‌ی تازه در مرکز شهر خبر داد."
    d = doc("fa.txt", text)
    assert d.source_name == "Fars News Agency"
    assert d.paragraphs[0].text.startswith("خبرگزاری فارس:")


def test_agency_date_lead_is_a_credit_not_a_dateline():
    d = doc(
        "ru.txt",
        "Заголовок новости\n\nТАСС, 3 марта. Новый мост через реку открыли для движения.",
    )
    assert d.source_name == "TASS" and d.dateline is None
    assert d.paragraphs[0].text.startswith("ТАСС, 3 марта.")


def test_japanese_bracket_dateline_names_place_and_reporter():
    d = doc(
        "ja.txt",
        "【大阪＝山田太郎】新しい橋が５日朝、開通した。市民の多くが渡り初めに参加した。",
    )
    assert d.dateline == "大阪" and d.authors == ("山田太郎",)


def test_headline_with_dash_is_not_a_dateline():
    d = doc(
        "h.txt", "OIL PRICES FALL - ANALYSTS\n\nOil prices fell sharply on Monday, analysts said."
    )
    assert d.title == "OIL PRICES FALL - ANALYSTS" and d.dateline is None


# --- pages ------------------------------------------------------------------------------------


def _page(body: str, head: str = "") -> bytes:
    return (
        f'<html lang="en"><head>{head}</head><body><main><article>{body}</article></main>'
        "</body></html>"
    ).encode()


LONG = "The council approved the new budget after a debate that lasted for most of the night. "


def test_page_edges_are_cleaned():
    body = (
        "<p>JANE EXAMPLE</p><p>NEW DELHI:</p>"
        f"<p>{LONG * 2}</p><p>{LONG * 2}</p>"
        "<p>Read more</p>"
        f"<p>{LONG}</p>"
        "<p>Sign up for our newsletter to get the news every morning.</p>"
    )
    head = (
        "<title>Budget approved | Example Daily</title>"
        "<meta property='og:site_name' content='Example Daily'>"
    )
    d = doc("p.html", _page(body, head))
    assert d.title == "Budget approved"
    assert d.source_name == "Example Daily"
    assert d.authors == ("JANE EXAMPLE",)
    assert d.dateline == "New Delhi"
    assert d.paragraphs[0].text.startswith("NEW DELHI: The council")
    assert all("newsletter" not in p.text and p.text != "Read more" for p in d.paragraphs)


def test_title_site_suffixes():
    sites = ["Example Daily", "example.com"]
    assert strip_site("Budget approved | Example Daily", sites) == "Budget approved"
    assert (
        strip_site("Budget approved - Politics - Example Daily", sites)
        == "Budget approved - Politics"
    )
    assert (
        strip_site("Budget approved @ Blog :: example.com ::", ["Blog", "example.com"])
        == "Budget approved"
    )
    assert strip_site("Example Daily: Budget approved", sites) == "Budget approved"
    assert strip_site("Budget - approved in full", sites) == "Budget - approved in full"


def test_markdown_blog_source_from_own_links():
    text = (
        "---\ntitle: Post\ndate: 2024-01-02\n---\n\n"
        "See [the docs](https://go.dev/doc/) and [the spec](https://go.dev/ref/spec), "
        "or [a wiki page](https://en.wikipedia.org/wiki/Go).\n"
    )
    assert doc("post.md", text).source_name == "The Go Blog"
    once = (
        "---\ntitle: Post\n---\n\nAs [Reuters reported](https://www.reuters.com/x), prices rose.\n"
    )
    assert doc("post2.md", once).source_name is None


def test_markdown_level_one_heading_is_the_headline():
    d = doc("h1.md", "# The Headline\n\nFirst paragraph.\n\n## A subhead\n\nSecond paragraph.\n")
    assert d.title == "The Headline" and not d.title_derived
    assert [(p.kind, p.text) for p in d.paragraphs] == [
        ("p", "First paragraph."),
        ("h", "A subhead"),
        ("p", "Second paragraph."),
    ]
    assert d.paragraphs[0].start == d.raw_text.index("First paragraph.")


def test_closing_author_in_brackets():
    text = "Headline\n\nThe council met on Monday. The vote is next week. (Erika Mustermann) +++"
    d = doc("c.txt", text)
    assert d.authors == ("Erika Mustermann",)
    assert d.paragraphs[-1].text == "The council met on Monday. The vote is next week."
    page = _page(f"<p>{LONG * 2}</p><p>{LONG} (Erika Mustermann) +++</p>")
    d = doc("c.html", page)
    assert d.authors == ("Erika Mustermann",)
    assert d.paragraphs[-1].text.endswith("most of the night.")


def test_closing_link_list_is_cut():
    page = _page(
        f"<p>{LONG * 2}</p><p>{LONG * 2}</p><p>Read more on this topic:</p>"
        "<p>Another headline about the budget</p><p>Yet another story title</p>"
    )
    d = doc("links.html", page)
    assert d.paragraphs[-1].text.endswith("most of the night.")


def test_closing_teasers_of_other_stories_are_cut():
    teaser = "Another story begins here and goes on about something else entirely, " * 3
    body = "".join(f"<p>Part {i}. {LONG * 2}</p>" for i in range(4)) + "".join(
        f"<p>Story {i}. {teaser}and is cut off in the middle of</p>" for i in range(5)
    )
    d = doc("teasers.html", _page(body))
    assert len(d.paragraphs) == 4 and d.paragraphs[-1].text.endswith("most of the night.")


def test_windows_and_old_mac_line_ends():
    text = (
        "Headline here\n\nFirst paragraph of text.\n\n"
        "Second paragraph of text.\n\nSOURCE: Press Tv\n"
    )
    for newline in ("\r\n", "\r"):
        d = doc("nl.txt", text.replace("\n", newline))
        assert d.title == "Headline here" and d.source_name == "Press TV"
        assert [p.text for p in d.paragraphs] == [
            "First paragraph of text.",
            "Second paragraph of text.",
        ]


# --- editor's notes and pages without a main text ---------------------------------------------


def test_leading_and_closing_editors_notes_leave_the_body():
    text = (
        "---\ntitle: A post\n---\n\n> **Update: January 15, 2026**\n>\n> The feature is now "
        "generally available.\n\n" + LONG + "\n\n" + LONG + "\n\nCorrection: An earlier version "
        "of this post gave the wrong date.\n"
    )
    d = doc("post.md", text)
    assert d.paragraphs[0].text == LONG.strip() and len(d.paragraphs) == 2
    assert d.notes[0].startswith("Update: January 15, 2026")
    assert "generally available" in d.notes[0]
    assert d.notes[-1].startswith("Correction:")
    assert [p.index for p in d.paragraphs] == [0, 1]


def test_update_word_in_a_sentence_is_not_a_note():
    d = doc("u.txt", "Updates to the plan were announced on Monday. " + LONG)
    assert d.notes == () and d.paragraphs[0].text.startswith("Updates to the plan")


def test_page_without_a_main_text_falls_back_to_its_blocks():
    d = doc("short.html", _page("<p>A short notice.</p><p>Second line of it.</p>"))
    assert [p.text for p in d.paragraphs] == ["A short notice.", "Second line of it."]


def test_arabic_place_or_reporter_before_the_agency(tmp_path):
    # "place – agency": a known place is the dateline; "reporter – agency": a name is none
    from site_gen.registry import Registry

    path = tmp_path / "sources.toml"
    path.write_text('[[outlet]]\nname = "وكالة المثال للأنباء"\n', encoding="utf-8")
    reg = Registry.load(str(path))
    text = "الرياض – وكالة المثال للأنباء\nافتتح المعرض اليوم بحضور عدد من المسؤولين في المدينة."
    d = read_document("a.txt", text.encode(), reg).document
    assert d.source_name == "وكالة المثال للأنباء" and d.dateline == "الرياض"
    text = text.replace("الرياض", "سامي الخطيب")
    d = read_document("b.txt", text.encode(), reg).document
    assert d.source_name == "وكالة المثال للأنباء" and d.dateline is None
    assert d.paragraphs[0].text.startswith("افتتح المعرض")


def test_an_agency_lead_before_the_story_is_the_standfirst():
    # "AGENCY: one sentence that sums the story up." over the story: the agency's lead, apart
    # from the body (the prefix names the source)
    text = (
        "خبرگزاری مهر: شهردار از افتتاح کتابخانه‌ی تازه در مرکز شهر خبر داد.\n\n"
        "به گزارش خبرگزاری مهر، شهردار امروز در جمع خبرنگاران گفت کتابخانه هر روز باز است.\n\n"
        "وی افزود: این کتابخانه ده هزار جلد کتاب دارد.\n"
    )
    d = doc("fa.txt", text)
    assert d.source_name == "Mehr News Agency"
    assert d.standfirst is not None and d.standfirst.startswith("خبرگزاری مهر:")
    assert d.paragraphs[0].text.startswith("به گزارش")


def test_an_agency_prefix_on_a_story_of_its_own_stays_in_the_body():
    # the negative cases: one paragraph, or a first paragraph of several sentences
    one = doc("fa.txt", "خبرگزاری مهر: شهردار از افتتاح کتابخانه‌ی تازه در مرکز شهر خبر داد.")
    assert one.standfirst is None
    text = (
        "خبرگزاری مهر: شهردار از افتتاح کتابخانه خبر داد. کتابخانه هر روز باز است.\n\n"
        "شهردار امروز در جمع خبرنگاران سخن گفت.\n\n"
        "وی افزود: این کتابخانه ده هزار جلد کتاب دارد.\n"
    )
    several = doc("fa.txt", text)
    assert several.standfirst is None and several.paragraphs[0].text.startswith("خبرگزاری مهر:")
