"""The reader on small synthetic fixtures (tests/fixtures/reader/) and on the two seeds."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from site_gen.reader import READABLE_SUFFIXES, Document, read_document
from site_gen.registry import default_registry

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "reader"
SEEDS = ROOT / "seeds"


def read(
    name: str,
    data: bytes | None = None,
    sidecar: bytes | None = None,
    sidecar_path: str | None = None,
):
    raw = data if data is not None else (FIXTURES / name).read_bytes()
    return read_document(name, raw, default_registry(), sidecar, sidecar_path)


def doc(name: str, data: bytes | None = None, **kw) -> Document:
    result = read(name, data, **kw)
    assert result.document is not None, [d.format() for d in result.diagnostics]
    return result.document


def check_offsets(d: Document) -> None:
    """Every paragraph's characters map back to the same (or an equivalent) original character."""
    for p in d.paragraphs:
        if p.start < 0:
            continue
        for i, ch in enumerate(p.text):
            orig = d.raw_text[p.source_offset(i)]
            assert orig == ch or (ch == " " and orig.isspace()) or ch.isspace() == orig.isspace(), (
                p.index,
                i,
                ch,
                orig,
            )


# --- seeds -------------------------------------------------------------------------------


def seed(prefix: str) -> Document:
    path = next(SEEDS.glob(prefix + "*.txt"))
    return doc(path.name, path.read_bytes())


def test_seed_000_paragraphs_source_and_no_dateline():
    d = seed("000")
    assert len(d.paragraphs) == 19
    assert d.paragraphs[0].text.startswith(
        "Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei has praised"
    )
    assert d.paragraphs[-1].text.endswith("until the ultimate liberation of al-Quds.")
    assert d.source_name == "Press TV"
    assert d.attribution == "SOURCE: Press Tv"
    assert d.license is None and d.dateline is None
    assert d.title_derived and len(d.title) <= 91
    assert all("SOURCE" not in p.text for p in d.paragraphs)
    assert d.date is None  # "on Wednesday" alone is not a date without a publication date
    check_offsets(d)


def test_seed_002_one_line_article_split_and_credited():
    d = seed("002")
    assert d.source_name == "Mehr News Agency"
    assert d.license == "CC-BY-4.0"
    assert d.dateline == "Tehran"
    assert d.event_date == "2023-06-21" and d.date == "2023-06-21" and d.date_basis == "text"
    assert d.paragraphs[0].text.startswith(
        "Leader of the Islamic Revolution, Ayatollah Ali Khamenei says"
    )
    assert d.paragraphs[-1].text.endswith('we, together with you, will all pray there."')
    assert len(d.paragraphs) >= 6
    assert max(len(p.text) for p in d.paragraphs) <= 700
    assert all("Creative Commons" not in p.text for p in d.paragraphs)
    assert not d.title.startswith("TEHRAN")
    # the quotation opened and never closed keeps its two sentences in one paragraph
    unclosed = [p.text for p in d.paragraphs if '"What impeded' in p.text]
    assert unclosed and "their reliance is on Islam." in unclosed[0]
    check_offsets(d)


def test_seed_offsets_point_into_original_text():
    d = seed("000")
    raw = d.raw_text
    p = d.paragraphs[3]
    i = p.text.index("“a bright future")
    assert raw[p.source_offset(i) : p.source_offset(i) + 16] == "“a bright future"


# --- plain text ----------------------------------------------------------------------------


def test_wire_story_title_dateline_agency_credits():
    d = doc("wire_story.txt")
    assert d.title == "Harbour authority approves new ferry terminal" and not d.title_derived
    assert d.dateline == "London"
    assert d.source_name == "Reuters"
    assert d.authors == ("Jane Doe",)
    assert d.paragraphs[0].text.startswith("The harbour authority")
    assert d.paragraphs[-1].text == "Construction will start next spring."
    assert d.event_date == "2023-06-21"


def test_one_line_article_is_split_and_never_inside_a_quotation():
    d = doc("one_line.txt")
    assert d.dateline == "Tehran"
    assert d.source_name == "Example News Agency"
    assert d.license == "CC-BY-4.0"
    assert len(d.paragraphs) >= 4
    for p in d.paragraphs:
        assert len(p.text) <= 700
    # every closed quotation lies inside one paragraph
    from site_gen.reader.sentences import quote_spans

    bounds = [(p.start, p.start + len(p.text)) for p in d.paragraphs]
    for a, b in quote_spans(d.raw_text):
        assert any(lo <= a and b <= hi for lo, hi in bounds), d.raw_text[a:b]
    assert d.event_date == "2023-06-21"
    check_offsets(d)


def test_sidecar_overrides_text():
    side = (
        b'title = "Given title"\npublished = 2023-06-22\n'
        b'source = "presstv.ir"\nauthor = ["A. Writer"]\n'
    )
    d = doc("wire_story.txt", sidecar=side, sidecar_path="wire_story.meta.toml")
    assert d.title == "Given title" and not d.title_derived
    assert d.published == "2023-06-22" and d.date == "2023-06-22" and d.date_basis == "sidecar"
    assert d.source_name == "Press TV"
    assert d.authors == ("A. Writer",)


def test_sidecar_json_and_weekday_resolved_against_published():
    text = b"The council met on Wednesday and approved the budget for the coming year."
    side = b'{"published": "2023-06-23", "lang": "en"}'
    d = doc("council.txt", text, sidecar=side, sidecar_path="council.meta.json")
    assert d.event_date == "2023-06-21"
    assert d.date == "2023-06-23"


def test_bad_sidecar_is_reported_with_line():
    result = read(
        "wire_story.txt", sidecar=b'title = "x"\nbroken = \n', sidecar_path="wire_story.meta.toml"
    )
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert errors and errors[0].path == "wire_story.meta.toml" and errors[0].line == 2
    assert result.document is not None  # the article itself is still read


@pytest.mark.parametrize(
    "footer, source, license",
    [
        ("Source: Example Times", "Example Times", None),
        ("© 2023 Example Times. All rights reserved.", "Example Times", "all-rights-reserved"),
        ("This article originally appeared on Example Blog.", "Example Blog", None),
        (
            "All content by Example Agency is licensed under a Creative Commons "
            "Attribution-NonCommercial-"
            "ShareAlike 4.0 International License.",
            "Example Agency",
            "CC-BY-NC-SA-4.0",
        ),
    ],
)
def test_footer_forms(footer, source, license):
    text = f"Headline here\n\nThe first paragraph says something important.\n\n{footer}\n"
    d = doc("x.txt", text.encode())
    assert d.source_name == source
    assert d.license == license
    assert all(footer[:12] not in p.text for p in d.paragraphs)


@pytest.mark.parametrize(
    "opening, place, agency",
    [
        ("TEHRAN- The", "Tehran", None),
        ("TEHRAN — The", "Tehran", None),
        ("WASHINGTON, June 21 (Reuters) - The", "Washington", "Reuters"),
        ("EAU CLAIRE, Wis. (AP) — The", "Eau Claire, Wis.", "Associated Press"),
        ("(Reuters) - The", None, "Reuters"),
        ("NEW DELHI: The", "New Delhi", None),
    ],
)
def test_datelines(opening, place, agency):
    d = doc("x.txt", f"{opening} committee approved the new plan after a long debate.".encode())
    assert d.dateline == place
    assert d.source_name == agency
    assert d.paragraphs[0].text.startswith("The committee")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_encodings_never_crash(encoding):
    text = "Café owners in São Paulo said “prices” rose — again.\n\nSecond paragraph here."
    data = (
        text.encode(encoding, errors="replace")
        if encoding != "latin-1"
        else text.replace("“", '"').replace("”", '"').replace("—", "-").encode("latin-1")
    )
    d = doc("enc.txt", data)
    assert "Café" in d.paragraphs[0].text or "Caf" in d.paragraphs[0].text
    assert d.raw_text.count("São") == 1
    check_offsets(d)


def test_nbsp_zero_width_and_mojibake():
    raw = "Zero\u200bwidth and\u00a0nbsp. Mojibake: SÃ£o Paulo said “no”."
    d = doc("m.txt", raw.encode("utf-8"))
    p = d.paragraphs[0]
    assert "Zerowidth and nbsp." in p.text
    assert "São Paulo" in p.text
    assert "“no”" in p.text  # quotation marks are never rewritten
    i = p.text.index("Paulo")
    assert d.raw_text[p.source_offset(i) : p.source_offset(i) + 5] == "Paulo"


def test_empty_and_unknown_files_fail_alone():
    result = read("empty.txt", b"  \n")
    assert result.document is None and result.diagnostics[0].severity == "error"
    assert "empty.txt" in result.diagnostics[0].format()
    result = read("x.pdf", b"%PDF")
    assert result.document is None and "unsupported" in result.diagnostics[0].message
    assert ".txt" in READABLE_SUFFIXES


def test_garbage_bytes_never_raise():
    for data in (bytes(range(256)) * 4, b"\xff\xfe\x00", b"\x00" * 50, b"\x81\x8d\x8f" * 30):
        result = read("g.txt", data)
        assert result.document is not None or result.diagnostics


def test_derived_title_not_cut_inside_quotation():
    text = (
        "The minister told reporters on the steps of parliament that "
        '"the plan will go ahead whatever '
        'the opposition says about it" before leaving for the airport.'
    )
    d = doc("q.txt", text.encode())
    assert d.title_derived
    assert d.title.count('"') in (0, 2)
    assert len(d.title) <= 91


def test_title_from_file_name_slug():
    d = doc(
        "_news_123456_Mayor-s-new-bridge-opens-to-traffic-in-spring.txt",
        b"LONDON - The new bridge opened on Monday after two years of building work.",
    )
    assert d.title == "Mayor's new bridge opens to traffic in spring" and d.title_derived


def test_document_is_picklable():
    d = doc("wire_story.txt")
    assert pickle.loads(pickle.dumps(d)) == d


# --- markdown -------------------------------------------------------------------------------


def test_markdown_yaml_front_matter_and_blocks():
    d = doc("post_yaml.md")
    assert d.title == "A small test post" and not d.title_derived
    assert d.published == "2024-08-27" and d.date_basis == "front matter"
    assert d.authors == ("Ada Example",)
    assert d.source_name == "Example Blog"
    assert d.license == "CC-BY-SA-4.0"
    kinds = [(p.kind, p.text) for p in d.paragraphs]
    assert kinds == [
        ("p", "This is the first paragraph with a link."),
        ("blockquote", "A quoted block."),
        ("li", "first item"),
        ("li", "second item"),
        ("h", "Details"),
        ("p", "The last paragraph."),
    ]
    last = d.paragraphs[-1]
    assert d.raw_text[last.start : last.start + len(last.text)] == "The last paragraph."
    check_offsets(d)


def test_markdown_toml_front_matter_date_from_path():
    d = doc("post_toml.md")
    assert d.title == "TOML front matter"
    assert d.published == "2024-11-26"
    assert d.authors == ("Yosh Example",)
    assert d.paragraphs[0].text == "Body text of the post."


def test_markdown_bad_front_matter_names_line():
    result = read("bad_front.md")
    assert result.document is None
    diag = result.diagnostics[0]
    assert diag.severity == "error" and diag.path == "bad_front.md" and diag.line is not None
    assert "YAML" in diag.message


def test_markdown_unclosed_front_matter():
    result = read("u.md", b"---\ntitle: x\n\nBody without a closing fence.\n")
    assert result.document is None and "not closed" in result.diagnostics[0].message


# --- html ---------------------------------------------------------------------------------


def test_html_page_metadata():
    d = doc("page.html")
    assert d.title == "Harbour approves ferry terminal"
    assert d.source_name == "Example Times"
    assert d.published == "2023-06-22" and d.date_basis == "page metadata"
    assert d.authors == ("Jane Doe",)
    assert d.url == "https://www.example-times.com/news/harbour-ferry"
    assert d.lang == "en"
    assert d.paragraphs[0].text.startswith("The harbour authority")
    assert all("Home" not in p.text for p in d.paragraphs)


# --- language -------------------------------------------------------------------------------


def test_rtl_language_detected():
    text = "به گفته‌ی شهردار، پل تازه‌ی شهر تا پایان تابستان آینده برای رفت‌وآمد مردم باز خواهد شد."
    d = doc("fa.txt", text.encode())
    assert d.lang == "fa" and d.dir == "rtl"
    assert "\u200c" in d.paragraphs[0].text  # ZWNJ kept inside words


# --- robustness and encodings of pages -------------------------------------------------------


def _page(body: str, head: str = "", lang: str = "en") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{head}<title>Test page</title></head>'
        f"<body><article>{body}</article></body></html>"
    )


def test_gb2312_page_with_script_charset_first():
    text = "北京市政府今天宣布，新的地铁线路将于明年年底开通运营。" * 4
    body = f"<p>{text}</p><p>{text}</p>"
    head = (
        '<script charset="utf-8" src="x.js"></script>'
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    )
    data = _page(body, head, lang="zh").encode("gb18030")
    d = doc("cn.html", data)
    assert "地铁" in d.paragraphs[0].text
    assert d.lang.startswith("zh")


def test_windows_1252_page_declared_latin1():
    text = "Les élèves ont reçu leur diplôme « avec mention » lors d’une cérémonie à l’école. " * 3
    head = '<meta charset="iso-8859-1">'
    d = doc("fr.html", _page(f"<p>{text}</p><p>{text}</p>", head, lang="fr").encode("cp1252"))
    assert "d’une cérémonie" in d.paragraphs[0].text


def test_wrong_declared_language_is_corrected():
    zulu = (
        "Abantu abaningi bahlangene edolobheni namhlanje ukuzobona umhlangano omkhulu. "
        "Umongameli ukhulume nabantu ngezinkinga zamanzi nogesi ezindaweni zasemakhaya. "
        "Abafundi nabo bebekhona, bethi bafuna izikole ezingcono nezincwadi ezintsha."
    )
    d = doc("zu.html", _page(f"<p>{zulu}</p><p>{zulu}</p>", lang="en").encode())
    assert d.lang == "zu"


def test_rtl_page():
    arabic = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة لخدمة المواطنين. " * 3
    d = doc("ar.html", _page(f"<p>{arabic}</p><p>{arabic}</p>", lang="ar").encode())
    assert d.lang == "ar" and d.dir == "rtl"


@pytest.mark.parametrize("name", ["g.html", "g.md", "g.txt", "g.htm", "g.markdown"])
def test_garbage_in_every_format_never_raises(name):
    import random

    rng = random.Random(7)
    for size in (1, 10, 500, 5000):
        data = bytes(rng.randrange(256) for _ in range(size))
        result = read(name, data)
        assert result.document is not None or result.diagnostics
    for data in (
        b"<html>",
        b"---\n---\n",
        b"+++\n+++\n",
        b"<<<>>>",
        b"\xef\xbb\xbf",
        "ä".encode("utf-16"),
    ):
        result = read(name, data)
        assert result.document is not None or result.diagnostics
