"""Where a field comes from: sidecar > front matter > page metadata > what the text says >
the outlet registry (README, "Where a field comes from")."""

from __future__ import annotations

from site_gen.model import Document
from site_gen.reader import read_document
from site_gen.reader.meta import Meta, merge
from site_gen.registry import default_registry

BODY = ("The council met for three hours and approved the budget with a narrow majority "
        "after a long debate.\n\nSOURCE: Press Tv\n")
FRONT = '---\ntitle: Front title\nsource: Mehr News Agency\nauthor: Front Writer\n---\n\n'
SIDE = b'source = "Al Jazeera"\nauthor = ["Side Writer"]\n'


def _doc(name: str, data: str, sidecar: bytes | None = None) -> Document:
    result = read_document(name, data.encode(), default_registry(), sidecar=sidecar,
                           sidecar_path="x.meta.toml" if sidecar else None)
    assert result.document is not None, [d.format() for d in result.diagnostics]
    return result.document


def test_merge_takes_each_field_from_the_first_layer_that_has_it() -> None:
    layers = [Meta("sidecar", source="S"), Meta("front matter", source="F", title="FT"),
              Meta("page metadata", title="PT", url="https://p/"), Meta("text", url="u",
                                                                        dateline="TEHRAN")]
    merged, basis = merge(layers)
    assert (merged.source, merged.title, merged.url, merged.dateline) == ("S", "FT",
                                                                         "https://p/", "TEHRAN")
    assert basis == {"source": "sidecar", "title": "front matter", "url": "page metadata",
                     "dateline": "text"}


def test_text_gives_the_source_when_nothing_else_does() -> None:
    assert _doc("a.txt", "A title\n\n" + BODY).source_name == "Press TV"


def test_front_matter_beats_the_text() -> None:
    d = _doc("a.md", FRONT + BODY)
    assert d.source_name == "Mehr News Agency" and d.authors == ("Front Writer",)
    assert d.title == "Front title"


def test_sidecar_beats_front_matter() -> None:
    d = _doc("a.md", FRONT + BODY, sidecar=SIDE)
    assert d.source_name == "Al Jazeera" and d.authors == ("Side Writer",)
    assert d.title == "Front title"  # the sidecar does not say, so front matter still does


def test_page_metadata_beats_the_text() -> None:
    page = ('<html lang="en"><head><title>Page title</title>'
            '<meta property="og:site_name" content="Mehr News Agency"></head><body><article>'
            '<h1>Page title</h1><p>The council met for three hours and approved the budget '
            'with a narrow majority after a long debate in the city hall.</p>'
            '<p>Residents have complained about the noise for years, and the issue remains '
            'open for the next session of the council.</p><p>SOURCE: Press Tv</p>'
            '</article></body></html>')
    assert _doc("a.html", page).source_name == "Mehr News Agency"


def test_the_registry_fills_what_nothing_else_says() -> None:
    d = _doc("a.txt", "12:30 14:45\n\nSOURCE: IRNA\n")  # too little text to tell its language
    assert d.source_name == "IRNA" and d.lang == "fa" and d.dir == "rtl"
    assert _doc("a.txt", "Hello\n\nThe council approved the budget after a long debate.\n\n"
                "SOURCE: IRNA\n").lang == "en"  # the text's own language beats the default


def test_a_year_alone_is_no_day_and_says_so_with_its_line() -> None:
    text = "---\ntitle: Ferry line approved\ndate: 2019\n---\n\nThe board voted on the ferry.\n"
    result = read_document("a.md", text.encode(), default_registry())
    assert result.document is not None and result.document.date is None  # not 2019-01-01
    warnings = [d for d in result.diagnostics if d.severity == "warning"]
    assert warnings and "a year alone" in warnings[0].message and warnings[0].line == 3
    # a full date is read, with no warning
    result = read_document("b.md", text.replace("2019", "2019-03-05").encode(), default_registry())
    assert result.document.date == "2019-03-05" and not result.diagnostics
