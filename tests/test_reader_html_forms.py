"""Metadata forms of saved article pages: one synthetic fixture per form (invented text).

Each ``tests/fixtures/reader/form_*.html`` page declares its title, outlet, byline, date or
language in one of the ways real pages do; the reader must give the same clean values.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_gen.reader import read_document
from site_gen.reader.bylines import parse_byline
from site_gen.registry import default_registry

FIXTURES = Path(__file__).parent / "fixtures" / "reader"
HEADLINE = "Council votes to rebuild the stone bridge"


def _doc(name: str):
    path = FIXTURES / f"form_{name}.html"
    result = read_document(path.name, path.read_bytes(), default_registry())
    assert result.document is not None, [d.format() for d in result.diagnostics]
    return result.document


SOURCES = {
    "site_url_name": "riverside-courier.com",  # og:site_name given as a URL, not registered
    "site_url_registered": "TMZ",  # ... and a registered one
    "site_tagline": "Riverside Courier",  # "Name - tagline"
    "site_tagline_pipe": "Riverside Courier",  # "Name | Breaking News, Sport & Weather"
    "site_ld_publisher": "Valley Evening Post",  # JSON-LD publisher.name only
    "site_canonical_registry": "Reuters",  # the canonical URL's host, via the registry
    "site_title_pipe": "Hillside Chronicle",  # "Headline | Outlet" and nothing else
    "site_title_dash": "Hillside Chronicle",  # "Headline - Outlet", the <h1> agreeing
}


@pytest.mark.parametrize(("name", "source"), sorted(SOURCES.items()))
def test_outlet_forms(name: str, source: str) -> None:
    doc = _doc(name)
    assert doc.source_name == source
    assert doc.title == HEADLINE


AUTHORS = {
    "byline_by": ["Marta Kowalczyk"],
    "byline_by_and": ["Marta Kowalczyk", "Tomas Lindqvist"],
    "byline_desk": ["Helen Oduya"],  # "By NAME, MA / Desk"
    "byline_agency": ["Daniel Osei"],  # "NAME, Reuters": the employer is not an author
    "byline_role": ["Priya Raman"],  # "NAME | Role"
    "byline_glued_date": ["Samuel Achterberg"],  # "By NAME\n June 4, 2019 9:12 AM"
    "byline_rel_author": ["Ines Varga"],
    "author_meta_url": ["Karl Brenner"],  # meta author holding a profile URL is skipped
    "author_ld_string": ["Lena Fischbach"],
    "author_ld_object": ["Lena Fischbach"],
    "author_ld_array": ["Lena Fischbach", "Omar Haddad"],
    "author_ld_ref": ["Lena Fischbach"],  # {"@id": ...} resolved in the @graph
    "author_org_staff": [],  # "By Our Foreign Staff" names nobody
    # No person anywhere: the organisation credited stands in (it is all the page says).
    "author_wire_only": ["AFP"],
    "author_meta_org": ["Riverside Courier"],
}


@pytest.mark.parametrize(("name", "authors"), sorted(AUTHORS.items()))
def test_byline_forms(name: str, authors: list[str]) -> None:
    assert list(_doc(name).authors) == authors


DATES = {
    "date_ld_graph": "2023-06-21",  # @graph, @type list, dateModified beside it
    "date_ld_nested": "2023-06-21",  # mainEntity, datePublished given as a list
    "date_ld_webpage_first": "2023-06-21",  # the article's date beats the WebPage's
    "date_og": "2023-06-21",  # published beats modified
    "date_time_pubdate": "2023-06-21",
    "date_meta_name": "2023-06-21",
    "date_meta_pubdate": "2023-06-21",  # compact 20230621
    "date_url": "2023-06-21",  # /2023/06/21/ in the canonical URL
    "date_tz_evening": "2023-06-21",  # 22:30 at UTC-5 is still the 21st there
    "date_script_blob": "2023-06-21",  # not the script state's, the comment's or the aside's
    "date_related_times": "2023-06-21",
    "byline_glued_date": "2019-06-04",  # stated in the byline, nothing declared
}


@pytest.mark.parametrize(("name", "date"), sorted(DATES.items()))
def test_date_forms(name: str, date: str) -> None:
    assert _doc(name).date == date


LANGS = {
    "lang_og_locale": "en-GB",
    "lang_content_language": "en-US",
    "lang_in_language": "en-US",
    "lang_wrong_declared": "de",  # declared English, written in German
}


@pytest.mark.parametrize(("name", "lang"), sorted(LANGS.items()))
def test_language_forms(name: str, lang: str) -> None:
    doc = _doc(name)
    assert doc.lang == lang
    assert doc.dir == "ltr"


def test_title_the_declarations_agree_on() -> None:
    """<title> (site cut) and JSON-LD agree; og:title and <h1> carry another wording."""
    assert _doc("title_disagree").title == HEADLINE
    assert _doc("title_site_first").title == HEADLINE  # "Site: Headline"


@pytest.mark.parametrize(
    ("text", "people", "others"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], []),
        ("By Jane Doe, MA / Health Desk", ["Jane Doe"], []),
        ("Jane Doe, Reuters", ["Jane Doe"], ["Reuters"]),
        ("Jane Doe | Senior Correspondent", ["Jane Doe"], []),
        ("By Jane Doe\n June 4, 2019 9:12 AM", ["Jane Doe"], []),
        ("Anna May Wong", ["Anna May Wong"], []),  # a month name inside a name stays
        ("By Our Foreign Staff", [], []),
        ("https://example.org/staff/jane", [], []),
    ],
)
def test_parse_byline(text: str, people: list[str], others: list[str]) -> None:
    assert parse_byline(text) == (people, others)
