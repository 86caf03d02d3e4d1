"""Site names cut from titles after the separators pages use, full-width ones included; a
separator inside the headline, before no site name, stays."""

from __future__ import annotations

import pytest

from site_gen.reader import read_document
from site_gen.reader.html_fields import strip_site
from site_gen.registry import default_registry


@pytest.mark.parametrize(
    "title,site,expected",
    [
        ("港の新航路が決定：湾岸新聞デジタル", "湾岸新聞デジタル", "港の新航路が決定"),
        ("港の新しいフェリー航路が決定｜湾岸新聞", "湾岸新聞", "港の新しいフェリー航路が決定"),
        ("항구 새 여객선 노선 확정ㅣ항구일보", "항구일보", "항구 새 여객선 노선 확정"),
        ("Ferry line: what changes | Velmar Herald", "Velmar Herald", "Ferry line: what changes"),
        ("比率：三対一の結果", "湾岸新聞", "比率：三対一の結果"),
    ],
)
def test_site_names_after_full_width_separators_are_cut(title, site, expected):
    assert strip_site(title, [site]) == expected


# --- a section label or a kicker around the headline ------------------------------------

STORY = "".join(
    f"<p>The harbour board of Port Velmar voted on Tuesday to open ferry line {i} to Quessa,"
    " which will run three times a day.</p>" for i in range(4))


def _title(metas: dict[str, str], h1: str | None, tag: str) -> str | None:
    head = "".join(
        f'<meta property="{k}" content="{v}">' if k.startswith("og:") else
        f'<meta name="{k}" content="{v}">' for k, v in metas.items())
    heading = f"<h1>{h1}</h1>" if h1 else ""
    page = (f'<html lang="en"><head><title>{tag}</title>'
            f'<meta property="og:site_name" content="Velmar Herald">{head}</head>'
            f"<body><article>{heading}{STORY}</article></body></html>")
    return read_document("page.html", page.encode(), default_registry()).document.title


HEADLINE = "Ferry line approved for the island"


@pytest.mark.parametrize(
    "declared",
    [
        f"{HEADLINE} - National",  # a section after a dash
        f"{HEADLINE} | Local News",
        f"{HEADLINE}-Politics",
    ],
)
def test_a_section_label_after_the_headline_is_no_part_of_it(declared):
    assert _title({"og:title": declared, "twitter:title": declared}, HEADLINE,
                  f"{declared} | Velmar Herald") == HEADLINE


def test_a_section_label_in_a_script_without_spaces():
    headline = "항구 위원회가 새 여객선 노선을 승인했다"
    assert _title({"title": headline, "og:title": f"{headline}-정치ㅣ벨마르일보"}, None,
                  f"{headline}-정치ㅣ벨마르일보") == headline


def test_a_kicker_the_headline_shows_is_part_of_it():
    full = f"Island transport: {HEADLINE}"
    assert _title({"og:title": full}, full, full) == full


def test_a_kicker_the_headline_does_not_show_is_no_part_of_it():
    full = f"Island transport: {HEADLINE} | Local News"
    assert _title({"og:title": full}, HEADLINE, full) == HEADLINE


def test_a_short_heading_never_stands_for_the_declared_headline():
    declared = "Harbour news - ferry line approved for the island"
    assert _title({"og:title": declared}, "Harbour news", declared) == declared
