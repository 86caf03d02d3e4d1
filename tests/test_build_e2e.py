"""End to end: build the two seeds and check the site against the hand annotations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from site_gen.cli import main
from tests.conftest import DEV_GOLD, SEEDS
from tests.sitecheck import broken_links, comparable_build, visible_text

EDGE = " \t\n,.;:!?\u2014\u2013-\u2026\"'\u201c\u201d\u2018\u2019"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("e2e")
    out = root / "build"
    code = main(["build", "--content", str(SEEDS), "--out", str(out), "--config", str(_cfg(root))])
    assert code == 0
    return out


def _cfg(root: Path) -> Path:
    f = root / "site.toml"
    f.write_text('title = "Seeds"\n')
    return f


def _gold() -> list[dict]:
    if not DEV_GOLD.is_dir():
        pytest.skip("shared/dev-gold not present")
    return [json.loads(p.read_text()) for p in sorted(DEV_GOLD.glob("0*.json"))]


def test_pages_exist(site: Path) -> None:
    for rel in (
        "index.html",
        "speakers/index.html",
        "sources/index.html",
        "404.html",
        "speakers/ali-khamenei/index.html",
        "speakers/ismail-haniyeh/index.html",
        "sources/press-tv/index.html",
        "sources/mehr-news-agency/index.html",
        "static/style.css",
    ):
        assert (site / rel).is_file(), rel
    assert len(list((site / "articles").glob("*/index.html"))) == 2


def test_every_internal_link_and_fragment_resolves(site: Path) -> None:
    assert broken_links(site) == []


def test_each_gold_direct_quote_is_on_its_speakers_page(site: Path) -> None:
    pages = {
        "Ali Khamenei": visible_text(site / "speakers/ali-khamenei/index.html"),
        "Ismail Haniyeh": visible_text(site / "speakers/ismail-haniyeh/index.html"),
    }
    missing = []
    for gold in _gold():
        for q in gold["quotes"]:
            if q["kind"] != "direct":
                continue
            text = re.sub(r"\s+", " ", q["text"]).strip(EDGE)
            if text not in pages[q["speaker"]]:
                missing.append((gold["file"], q["speaker"], text[:60]))
    assert missing == []


def test_exactly_the_two_gold_speakers_have_pages(site: Path) -> None:
    speakers = sorted(p.parent.name for p in (site / "speakers").glob("*/index.html"))
    assert speakers == ["ali-khamenei", "ismail-haniyeh"]


def test_mehr_article_shows_its_license_and_source(site: Path) -> None:
    page = next(
        p for p in (site / "articles").glob("*/index.html")
        if "Source Mehr News Agency" in visible_text(p)
    )
    html = page.read_text()
    assert "CC BY 4.0" in html
    assert 'rel="license" href="https://creativecommons.org/licenses/by/4.0/"' in html
    assert "Tehran" in visible_text(page)


def test_index_lists_dated_first_then_undated(site: Path) -> None:
    text = visible_text(site / "index.html")
    assert text.index("2023-06-21") < text.index("Undated")


def test_originals_are_kept_with_their_hash(site: Path) -> None:
    import hashlib

    for seed in SEEDS.glob("*.txt"):
        copies = list((site / "originals").glob(f"*/{seed.name}"))
        assert len(copies) == 1 and copies[0].read_bytes() == seed.read_bytes()
        digest = hashlib.sha256(seed.read_bytes()).hexdigest()
        assert any(digest in p.read_text() for p in (site / "articles").glob("*/index.html"))


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    outs = []
    for n in (1, 2):
        out = tmp_path / f"b{n}"
        assert main(["build", "--content", str(SEEDS), "--out", str(out), "-q"]) == 0
        outs.append(comparable_build(out))  # Pagefind's filter order aside
    assert outs[0] == outs[1]


def test_parallel_build_matches_serial(tmp_path: Path) -> None:
    from site_gen.analysis import PARALLEL_MIN_FILES

    content = tmp_path / "content"
    content.mkdir()
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(PARALLEL_MIN_FILES + 6):
        (content / f"{i:03}.txt").write_text(f"Dispatch {i} from the meeting.\n\n{seeds[i % 2]}")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"b{jobs}"
        assert main(["build", "--content", str(content), "--out", str(out), "-q", "-j", jobs]) == 0
        outs.append(comparable_build(out))  # Pagefind's filter order aside
    assert outs[0] == outs[1]
    pages = [p for p in outs[0] if p.startswith("articles/") and p.endswith(".html")]
    assert len(pages) == PARALLEL_MIN_FILES + 6
