"""Page metadata as unseen outlets write it: JSON-LD variants, site-name precedence, dates.

Synthetic pages with invented text; each test names the form it covers.
"""

from __future__ import annotations

import json

import pytest

from site_gen.reader import read_document
from site_gen.reader.dates import parse_date_value
from site_gen.reader.html_fields import choose_date, choose_site
from site_gen.reader.html_meta import load_json_ld, parse_tree, read_page_meta
from site_gen.registry import default_registry

HEADLINE = "Council votes to rebuild the stone bridge"
TEXT = (
    "<p>"
    + "The council met on Monday to discuss the future of the old stone bridge. " * 3
    + "</p><p>"
    + "Engineers told the meeting that the arches had weathered the floods well. " * 3
    + "</p>"
)


def _page(head: str, body: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{body}{TEXT}</article></body></html>"


def _ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _meta(head: str, body: str = ""):
    return read_page_meta(parse_tree(_page(head, body)))


def _doc(head: str, body: str = ""):
    result = read_document("page.html", _page(head, body).encode(), default_registry())
    assert result.document is not None
    return result.document


# --- JSON-LD ------------------------------------------------------------------------------


def test_ld_author_given_and_family_names():
    head = _ld(
        {
            "@type": "NewsArticle",
            "headline": HEADLINE,
            "author": {"@type": "Person", "givenName": "Jane", "familyName": "Roe"},
        }
    )
    assert _meta(head).ld_authors == ["Jane Roe"]


def test_ld_graph_author_reference_to_a_person_with_given_and_family_names():
    head = _ld(
        {
            "@graph": [
                {"@type": "NewsArticle", "author": [{"@id": "#p1"}, {"@id": "#p2"}]},
                {"@id": "#p1", "@type": "Person", "givenName": "Jane", "familyName": "Roe"},
                {"@id": "#p2", "@type": "Person", "name": "John Doe"},
            ]
        }
    )
    assert _meta(head).ld_authors == ["Jane Roe", "John Doe"]


@pytest.mark.parametrize(
    "kind",
    [
        "https://schema.org/NewsArticle",
        "schema:NewsArticle",
        "TechArticle",
        "BackgroundNewsArticle",
        "SocialMediaPosting",
        ["Thing", "ScholarlyArticle"],
    ],
)
def test_ld_article_types_with_prefixes_and_subtypes(kind):
    head = _ld({"@type": kind, "author": {"name": "Jane Roe"}, "datePublished": "2023-06-21"})
    meta = _meta(head)
    assert meta.ld_authors == ["Jane Roe"]
    assert meta.dates[0] == "2023-06-21"


def test_ld_a_person_is_not_an_article():
    head = _ld({"@type": "Person", "name": "Jane Roe", "datePublished": "2023-06-21"})
    assert _meta(head).ld_authors == []


@pytest.mark.parametrize(
    "script",
    [
        '/*<![CDATA[*/{"@type": "NewsArticle", "author": "Jane Roe"}/*]]>*/',
        '<!-- {"@type": "NewsArticle", "author": "Jane Roe"} -->',
        '{"@type": "NewsArticle", "author": "Jane Roe",}',
        '{"@type": "NewsArticle", "headline": "Two\nlines", "author": "Jane Roe"};',
    ],
)
def test_ld_as_pages_write_it(script):
    data = load_json_ld(script)
    assert isinstance(data, dict) and data["author"] == "Jane Roe"


def test_ld_that_cannot_be_read_says_nothing():
    assert load_json_ld("{not json at all") is None
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "author": </script>'
    assert _meta(head).ld_authors == []


def test_ld_headline_with_a_raw_line_break_is_read():
    script = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"Council votes to rebuild\nthe stone bridge"}</script>'
    )
    assert _meta(script).titles[0] == HEADLINE


# --- authors ------------------------------------------------------------------------------


def test_dublin_core_creator_written_family_name_first():
    head = (
        '<meta name="DC.creator" content="Roe, Jane">'
        '<meta name="citation_author" content="Doe, J.">'
    )
    assert _meta(head).authors == ["Jane Roe", "J. Doe"]
    assert _doc('<meta name="DC.creator" content="Roe, Jane">').authors == ("Jane Roe",)


def test_author_meta_listing_two_people_stays_two_people():
    head = '<meta name="author" content="Jane Roe, John Doe">'
    assert _doc(head).authors == ("Jane Roe", "John Doe")


# --- site name ----------------------------------------------------------------------------


def test_og_site_name_beats_an_app_name_declared_before_it():
    head = (
        '<meta name="apple-mobile-web-app-title" content="VPost">'
        '<meta name="application-name" content="VP News App">'
        '<meta property="og:site_name" content="Valley Post">'
    )
    assert _meta(head).site_names == ["Valley Post", "VP News App", "VPost"]
    assert _doc(head).source_name == "Valley Post"


def test_ld_publisher_beats_an_app_name():
    head = '<meta name="application-name" content="VPost">' + _ld(
        {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Valley Post"}}
    )
    assert _doc(head).source_name == "Valley Post"


def test_a_social_network_url_is_not_the_site():
    meta = _meta("<title>Council votes</title>")
    registry = default_registry()
    assert choose_site(meta, registry, None, "https://www.facebook.com/valleypost") is None
    assert choose_site(meta, registry, None, "https://valleypost.example/") == "valleypost.example"
    head = '<meta property="og:site_name" content="https://twitter.com/valleypost">'
    canonical = '<link rel="canonical" href="https://www.valleypost.example/a/1">'
    assert _doc(head + canonical).source_name == "valleypost.example"


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2023-06-21T10:00:00+02:00",
        "2023/06/21 10:00",
        "2023.06.21",
        "21.06.2023",
        "21/06/2023",
        "21-06-2023",
        "06/21/2023",  # month first: 21 cannot be a month
        "20230621",
        "1687341600",  # Unix seconds
        "1687341600000",  # Unix milliseconds
        "Wed, 21 Jun 2023 10:00:00 GMT",
        "June 21st, 2023",
    ],
)
def test_date_values_in_meta_tags(value):
    assert parse_date_value(value) == "2023-06-21"


@pytest.mark.parametrize("value", ["2023/13/01", "12345", "99/99/2023", "soon"])
def test_date_values_that_are_not_dates(value):
    assert parse_date_value(value) is None


def test_a_declared_slash_date_beats_the_url_date():
    meta = _meta('<meta property="article:published_time" content="2023/06/21 10:00">')
    assert choose_date(meta, "https://valleypost.example/2020/01/01/bridge") == "2023-06-21"


# --- titles and bylines -------------------------------------------------------------------


def test_a_title_tag_naming_only_the_site_loses_to_the_declared_headline():
    head = _ld({"@type": "NewsArticle", "headline": HEADLINE}) + "<title>Valley Post</title>"
    assert _doc(head).title == HEADLINE


def test_a_short_title_tag_sharing_the_headline_words_is_still_the_title():
    head = _ld({"@type": "NewsArticle", "headline": HEADLINE}) + "<title>Stone bridge</title>"
    assert _doc(head).title == "Stone bridge"


def test_byline_with_a_serial_comma():
    head = '<meta name="author" content="Jane Roe, John Doe, and Max Mustermann">'
    assert _doc(head).authors == ("Jane Roe", "John Doe", "Max Mustermann")


def test_ld_author_typed_as_an_organisation_is_not_a_person_beside_one():
    head = '<meta property="og:site_name" content="Valley Post">' + _ld(
        {
            "@type": "NewsArticle",
            "author": [
                {"@type": "NewsMediaOrganization", "name": "Valley Broadcasting Group"},
                {"@type": "Person", "name": "Jane Roe"},
            ],
        }
    )
    assert _doc(head).authors == ("Jane Roe",)


def test_ld_author_typed_as_an_organisation_still_stands_in_alone():
    head = _ld(
        {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Valley Group"}}
    )
    assert _doc(head).authors == ("Valley Group",)


def test_article_author_meta_names_the_author():
    assert _doc('<meta name="articleAuthor" content="Jane Roe">').authors == ("Jane Roe",)


def test_author_meta_keeps_a_name_with_a_month_word_and_cuts_a_glued_date() -> None:
    from site_gen.reader.html_fields import clean_author

    assert clean_author("Anna May Wong") == "Anna May Wong"
    assert clean_author("By Jane Doe June 4, 2019 9:12 AM") == "Jane Doe"
    assert clean_author("Jane Doe Updated 10:30") == "Jane Doe"
    assert clean_author("Jane Doe, Ph.D.") == "Jane Doe"
    assert clean_author("Jane Doe, MD") == "Jane Doe"


def test_a_weekday_glued_after_a_full_name_is_cut_a_one_word_given_name_is_kept():
    from site_gen.reader.html_fields import clean_author

    assert clean_author("Tomas Vell Monday") == "Tomas Vell"
    assert clean_author("Ada Pike Friday,") == "Ada Pike"
    assert clean_author("Jon Monday") == "Jon Monday"  # a surname, not a date


# --- a declared site name checked against the page's address ------------------------------


def _site(og: str | None, publisher: str | None, url: str, tag: str = HEADLINE) -> str | None:
    head = f"<title>{tag}</title>"
    head += f'<meta property="og:site_name" content="{og}">' if og else ""
    head += f'<link rel="canonical" href="{url}">'
    if publisher:
        head += _ld({"@type": "NewsArticle", "headline": HEADLINE,
                     "publisher": {"@type": "Organization", "name": publisher}})
    return _doc(head).source_name


@pytest.mark.parametrize(
    "og,publisher,expected",
    [
        ("Security", "Velmar Herald", "Velmar Herald"),  # a section in og:site_name
        ("Velmar Herald Publishing Group Ltd", "Velmar Herald", "Velmar Herald"),  # the company
        ("Últimas Velmar", "C.A. ULTIMAS VELMAR", "Últimas Velmar"),  # accents folded
    ],
)
def test_a_declared_site_name_that_names_the_host_wins(og, publisher, expected):
    host = "https://www.velmarherald.example/news/1" if "Herald" in expected \
        else "https://ultimasvelmar.example/news/1"
    assert _site(og, publisher, host) == expected


def test_a_site_name_unlike_the_host_stays_when_nothing_names_the_host():
    assert _site("Die Küstenzeitung", "Küsten Medien GmbH", "https://kz.example/a/1") == \
        "Die Küstenzeitung"


def test_the_host_s_own_name_keeps_its_form_over_a_company_that_leads_with_it():
    assert _site("Velmar Herald", "Velmar Herald Media Group",
                 "https://velmarherald.example/a/1") == "Velmar Herald"


def test_the_segment_of_a_site_name_that_names_the_host_is_the_name_not_the_tagline():
    tag = f"{HEADLINE} \u2605 Velmar Herald \u2013 the island's daily"
    assert _site("Velmar Herald \u2013 the island's daily", None,
                 "https://velmarherald.example/a/1", tag) == "Velmar Herald"


def _title_site(title: str, head: str = "") -> str | None:
    return _doc(f"<title>{title}</title>{head}", f"<h1>{HEADLINE}</h1>").source_name


def test_a_site_name_declared_as_a_handle_takes_the_form_the_title_writes():
    og = '<meta property="og:site_name" content="velmarherald">'
    assert _title_site(f"{HEADLINE} | Velmar Herald", og) == "Velmar Herald"
    # another name in the title: the declared one stays
    assert _title_site(f"{HEADLINE} | Quessa Courier", og) == "velmarherald"


def test_the_site_before_the_headline_in_the_title_is_the_site():
    assert _title_site(f"Velmar Herald | {HEADLINE}") == "Velmar Herald"
    assert _title_site(f"Velmar Herald - {HEADLINE}") == "Velmar Herald"


@pytest.mark.parametrize("title", [f"Opinion | {HEADLINE}", f"Live - {HEADLINE}",
                                   f"Velmar Herald: {HEADLINE}"])
def test_a_kicker_before_the_headline_is_no_site_and_the_headline_is_none(title):
    # a label, or a colon glued to the word before it (the kicker's form)
    assert _title_site(title) in (None, "")


def test_the_titles_last_segment_is_no_site_when_it_is_the_headline_after_a_kicker():
    from site_gen.reader.html_fields import site_from_title

    short = "Ferry fares rise"  # short enough to be a site's name
    meta = _meta(f"<title>Opinion | {short}</title>", f"<h1>{short}</h1>")
    assert site_from_title(meta, None) is None


def _dated(head: str, line: str):
    return _doc(head, f"<h1>{HEADLINE}</h1>{line}")


@pytest.mark.parametrize("line", [
    '<p class="date">Published: 3 March 2024</p>',
    '<div class="meta">3 de marzo de 2024</div>',
    "<span>2024年3月3日 10:00</span>",
    '<div class="meta">Updated: 5 March 2024 | Published: 3 March 2024</div>',
    '<div class="meta">03.03.2024, 10:00 Uhr</div>',
    # separators are no words: a line of a byline, an outlet and a date is no sentence
    '<div class="meta">Ana Lima | Velmar Herald | Sun, 3 March 2024 17:55 UTC</div>',
])
def test_a_date_line_under_the_headline_is_the_date_the_page_states(line):
    d = _dated("", line)
    assert (d.date, d.date_basis) == ("2024-03-03", "shown on the page")


def test_a_sentence_under_the_headline_that_holds_a_date_is_no_date_line():
    dek = ("The board met on 3 March 2024 to discuss the plan for a new ferry line to "
           "Quessa.")
    page = (f"<html><head><title>{HEADLINE}</title></head><body><header><h1>{HEADLINE}</h1>"
            f'<p class="lead">{dek}</p></header><div class="text">{TEXT}</div></body></html>')
    d = read_document("page.html", page.encode(), default_registry()).document
    assert d.date_basis != "shown on the page"


def test_the_pages_declared_date_wins_over_the_line_it_shows():
    head = '<meta property="article:published_time" content="2024-03-02T10:00:00Z">'
    d = _dated(head, '<p class="date">Published: 3 March 2024</p>')
    assert (d.date, d.date_basis) == ("2024-03-02", "page metadata")


@pytest.mark.parametrize("text, found", [
    ("Stand: 21.06.2023, 10:00", ["2023-06-21"]),  # full stops: the day first
    ("1.2.2024", ["2024-02-01"]),
    ("12.31.2023", []),  # no month 31: no date
    ("06/07/2023", []),  # slashes: either order, so none
    ("v2.1.03.2024", []),  # inside a longer run of numbers
])
def test_a_numeric_date_with_full_stops_is_read_day_first(text, found):
    from site_gen.reader.dates import dates_in_text

    assert dates_in_text(text) == found
