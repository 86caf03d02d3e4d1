"""Presentation: timelines drawn at build time as inline SVG (no script), a stylesheet that reads
on a phone, a wide screen, in dark mode and on paper, and no page that fetches from another host.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html as lxml_html

from site_gen.cli import main
from site_gen.timelines import MAX_MONTHS, buckets, coverage_series, month_of, timeline
from tests.conftest import REPO

CSS = (REPO / "static" / "style.css").read_text(encoding="utf-8")
SVG = "{http://www.w3.org/2000/svg}"

ARTICLES = [  # title, date, outlet, speaker
    ("Ferry timetable changes for winter", "2021-01-10", "Orrin Ledger", "Mara Quillon"),
    ("Harbour lights repaired after storm", "2021-01-25", "Orrin Ledger", "Mara Quillon"),
    ("Library opens on Sundays", "2021-03-02", "Pell & <Gazette>", "Mara Quillon"),
    ("Orchard growers count the harvest", None, "Orrin Ledger", "Mara Quillon"),
]


def _article(title: str, date: str | None, source: str, speaker: str) -> str:
    head = f'---\ntitle: {title}\nsource: "{source}"\n' + (f"date: {date}\n" if date else "")
    return (f"{head}---\n\n{title}: residents met in the town hall on a cold evening.\n\n"
            f'"{title} is what we promised," said {speaker}, who leads the council.\n')


def _build(make_project) -> Path:
    files = {f"content/a{i}.md": _article(*a) for i, a in enumerate(ARTICLES)}
    files["site.toml"] = 'content = "content"\nper_page = 2\n'
    root = make_project(files)
    assert main(["build", "--config", str(root / "site.toml"), "-q"]) == 0
    return root / "build"


def _figure(page: Path):
    tree = lxml_html.fromstring(page.read_bytes())
    figures = tree.xpath('//figure[@class="timeline"]')
    assert len(figures) == 1, page
    return tree, figures[0]


def _numbers(figure) -> dict[str, list[str]]:
    rows = figure.xpath(".//table//tbody/tr")
    return {r.xpath("./th")[0].text_content(): [td.text_content() for td in r.xpath("./td")]
            for r in rows}


def _svg_checks(tree, figure) -> str:
    """The SVG's text alternative (checked present and referenced); no script anywhere."""
    svg = figure.xpath("./*[local-name()='svg']")[0]
    assert svg.get("role") == "img"
    label = svg.get("aria-labelledby")
    titles = [t for t in svg.iter() if t.tag.endswith("title") and t.get("id") == label]
    assert titles and titles[0].text_content().strip()
    assert not tree.xpath("//script[not(@type='application/ld+json')]")
    return titles[0].text_content()


def _bar_labels(figure) -> list[str]:
    svg = figure.xpath("./*[local-name()='svg']")[0]
    return [r[0].text_content() for r in svg.iter() if str(r.tag).endswith("rect")]


def test_speaker_page_shows_quotes_by_month_with_undated_apart(make_project):
    build = _build(make_project)
    tree, fig = _figure(build / "speakers" / "mara-quillon" / "index.html")
    summary = _svg_checks(tree, fig)
    assert _numbers(fig) == {"2021-01": ["2"], "2021-02": ["0"], "2021-03": ["1"]}
    assert _bar_labels(fig) == ["2021-01: 2 quotes", "2021-03: 1 quote"]
    assert "1 quote undated" in summary
    assert "1 quote undated" in fig.text_content()
    # the timeline is on the first page of a long list only
    second = lxml_html.fromstring((build / "speakers/mara-quillon/page/2/index.html").read_bytes())
    assert not second.xpath('//figure[@class="timeline"]')


def test_source_page_shows_articles_by_month(make_project):
    build = _build(make_project)
    tree, fig = _figure(build / "sources" / "orrin-ledger" / "index.html")
    summary = _svg_checks(tree, fig)
    assert _numbers(fig) == {"2021-01": ["2"]}
    assert "1 article undated" in summary


def test_index_shows_coverage_by_outlet_escaped(make_project):
    build = _build(make_project)
    page = build / "index.html"
    tree, fig = _figure(page)
    summary = _svg_checks(tree, fig)
    head = [th.text_content() for th in fig.xpath(".//thead//th")]
    assert head == ["Month", "Orrin Ledger", "Pell & <Gazette>", "Total"]
    assert _numbers(fig) == {"2021-01": ["2", "0", "2"], "2021-02": ["0", "0", "0"],
                             "2021-03": ["0", "1", "1"]}
    assert "Orrin Ledger (2); Pell & <Gazette> (1)" in summary
    assert "1 article undated" in summary
    raw = page.read_text(encoding="utf-8")
    assert "<Gazette>" not in raw and "Pell &amp; &lt;Gazette&gt;" in raw
    assert not lxml_html.fromstring((build / "page/2/index.html").read_bytes()).xpath(
        '//figure[@class="timeline"]')


def test_timeline_is_pure_and_deterministic():
    dates = ["2020-05-01", None, "2020-07-31", "2020-05-09", "bad"]
    first = timeline([("Quotes", dates)], "quote")
    assert first == timeline([("Quotes", list(dates))], "quote")
    assert first is not None and first["undated"] == 2  # unreadable dates are not placed either
    assert [r["bucket"] for r in first["table"]] == ["2020-05", "2020-06", "2020-07"]
    assert timeline([("Quotes", [])], "quote") is None
    assert month_of("2020-13-01") is None and month_of("1999-12-31") == "1999-12"


def test_a_long_span_is_drawn_by_year():
    assert len(buckets(["2000-01", "2000-12"])) == 12
    years = buckets(["1990-01", "2020-06"])
    assert years[0] == "1990" and years[-1] == "2020" and len(years) == 31
    assert len(buckets(["2000-01", "2009-12"])) == MAX_MONTHS
    t = timeline([("Articles", ["1990-02-01", "2020-06-01", "2020-07-01"])], "article")
    assert t is not None and t["unit"] == "Year"
    assert t["table"][-1] == {"bucket": "2020", "cells": [2]}


def test_coverage_keeps_top_outlets_and_groups_the_rest():
    items = [("Beta", "2021-01-01")] * 3 + [("Alpha", "2021-01-01")] * 3 + [
        ("Gamma", "2021-02-01"), (None, None)]
    series = coverage_series(items, top=2)
    assert [name for name, _ in series] == ["Alpha", "Beta", "Other outlets"]
    assert series[2][1] == ["2021-02-01", None]


# ------------------------------------------------------------------ the stylesheet
def _variables(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{3,6})", block))


def _block(start: str) -> str:
    """The text of the CSS block that opens at ``start`` (braces balanced)."""
    i = CSS.index(start)
    depth, j = 0, CSS.index("{", i)
    for k in range(j, len(CSS)):
        depth += {"{": 1, "}": -1}.get(CSS[k], 0)
        if depth == 0:
            return CSS[j + 1:k]
    raise AssertionError(start)


def _luminance(colour: str) -> float:
    h = colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# text colour on background colour, as the stylesheet combines them
PAIRS = [("fg", "bg"), ("muted", "bg"), ("accent", "bg"), ("fg", "quote"), ("fg", "reported"),
         ("fg", "only"), ("fg", "panel"), ("muted", "panel"), ("accent", "panel"),
         ("accent", "quote"), ("accent", "reported"), ("bar", "bg")]


def test_text_contrast_is_wcag_aa_in_light_dark_and_print():
    light = _variables(_block(":root"))
    dark = {**light, **_variables(_block("@media (prefers-color-scheme: dark)"))}
    printed = {**light, **_variables(_block("@media print"))}
    assert dark != light
    for name, scheme in (("light", light), ("dark", dark), ("print", printed)):
        for fg, bg in PAIRS:
            ratio = contrast(scheme[fg], scheme[bg])
            assert ratio >= 4.5, f"{name}: --{fg} on --{bg} is {ratio:.2f}:1"


def test_no_colour_is_fixed_outside_the_variables():
    rest = CSS.replace(_block(":root"), "").replace(
        _block("@media (prefers-color-scheme: dark)"), "").replace(_block("@media print"), "")
    assert re.findall(r"#[0-9a-fA-F]{3,6}\b", rest) == ["#999"]  # a dashed border only


def test_layout_reads_on_a_phone_and_a_wide_screen():
    base = (REPO / "templates" / "base.html").read_text(encoding="utf-8")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in base
    assert "max-width: 46rem" in CSS  # a text column on a wide screen
    assert "overflow-wrap: anywhere" in _block("body {")  # long words and URLs wrap
    assert "overflow-x: auto" in _block(".table-wrap {")
    assert "@media (max-width: 30rem)" in CSS


def test_print_style():
    printed = _block("@media print")
    hidden = re.search(r"([^{}]*)\{\s*display:\s*none", printed)
    assert hidden is not None
    for part in ("header.site nav", ".skip", ".pager", ".breadcrumbs", ".search-form"):
        assert part in hidden.group(1)
    assert 'a[href^="https://"]::after' in printed and "attr(href)" in printed
    assert "break-inside: avoid" in printed and "blockquote" in printed
    assert "color: #000; background: #fff" in printed


# ------------------------------------------------------------------ other hosts
FETCHED = {"link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src",
           "video": "src", "audio": "src", "embed": "src", "object": "data", "use": "href"}
NOT_FETCHED = {"canonical", "alternate"}  # a <link> that names a page, never loaded by it


def _foreign(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.scheme and parts.scheme not in ("data",) or parts.netloc)


def test_no_page_of_the_seeds_build_fetches_from_another_host_or_overflows(make_project):
    root = make_project(seeds=True)
    (root / "site.toml").write_text(
        'content = "content"\noutput = "build"\nbase_url = "https://archive.example/news/"\n')
    assert main(["build", "--config", str(root / "site.toml"), "-q"]) == 0
    pages = sorted((root / "build").rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        tree = lxml_html.fromstring(page.read_bytes())
        # a table wider than a phone scrolls in its own box, not the page
        assert not tree.xpath("//table[not(ancestor::div[@class='table-wrap'])]"), page
        for el in tree.iter():
            tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
            if tag == "link" and set((el.get("rel") or "").split()) <= NOT_FETCHED:
                continue
            for attr in filter(None, (FETCHED.get(tag), "srcset" if tag == "img" else None)):
                value = el.get(attr) or el.get("{http://www.w3.org/1999/xlink}href") or ""
                assert not _foreign(value), f"{page}: <{tag} {attr}={value!r}>"
            assert "url(" not in (el.get("style") or ""), page
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", CSS)
    assert "@import" not in CSS


def test_the_front_page_is_built_again_when_an_article_of_a_later_page_changes_date(
        make_project):
    build = _build(make_project)  # per_page 2: the undated article is on page 2 and stays there
    root = build.parent
    first = (build / "index.html").read_text(encoding="utf-8")
    undated = root / "content" / "a3.md"
    undated.write_text(_article(*ARTICLES[3][:1], "2020-12-14", *ARTICLES[3][2:]),
                       encoding="utf-8")
    assert main(["build", "--config", str(root / "site.toml"), "-q"]) == 0
    again = (build / "index.html").read_text(encoding="utf-8")
    assert again != first
    _, fig = _figure(build / "index.html")
    assert _numbers(fig)["2020-12"] == ["1", "0", "1"]
    assert "Orchard" not in again.split("</figure>", 1)[1]
    assert "undated" not in fig.text_content()


def test_an_archive_with_no_date_says_so_and_draws_nothing(make_project):
    files = {"content/a.md": _article("Ferry runs late", None, "Orrin Ledger", "Mara Quillon")}
    root = make_project(files)
    assert main(["build", "--config", str(root / "site.toml"), "-q"]) == 0
    tree, fig = _figure(root / "build" / "index.html")
    assert not fig.xpath(".//*[local-name()='svg']") and not fig.xpath(".//table")
    assert fig.text_content().strip() == (
        "No dated articles. 1 article undated, not on the timeline.")
