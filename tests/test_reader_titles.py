"""Site names cut from titles after the separators pages use, full-width ones included; a
separator inside the headline, before no site name, stays."""

from __future__ import annotations

import pytest

from site_gen.reader.html_fields import strip_site


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
