"""The scale benchmark: its synthetic archive is deterministic and reads as news through the real
reader, its Markdown copy carries the taxonomies, every edit is undone exactly, and a tiny run
of the timing harness (site-gen only: no Hugo, no network) measures every kind."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

from site_gen.analysis import analyze, load_speaker_pins
from site_gen.config import Config
from site_gen.inputs import load_inputs

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))

import scale  # noqa: E402
import synthetic  # noqa: E402

N = 12


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic") / "archive"
    assert synthetic.main([str(N), str(out)]) == 0
    return out


def test_same_n_gives_byte_identical_files(corpus: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert synthetic.main([str(N), str(again)]) == 0
    first, second = tree(corpus), tree(again)
    assert first == second
    assert sum(name.endswith(".txt") for name in first) == N
    assert sum(name.endswith(".md") for name in first) == N
    assert "speakers.toml" in first


def test_a_smaller_archive_is_a_prefix_of_a_larger_one(corpus: Path, tmp_path: Path) -> None:
    synthetic.write_corpus(5, tmp_path / "small", None)
    small, whole = tree(tmp_path / "small"), tree(corpus / "txt")
    assert len(small) == 5
    assert small == {k: v for k, v in whole.items() if k in small}


def test_articles_read_as_news_with_quotes_and_speakers(corpus: Path) -> None:
    expected = {a.txt_path: a for a in synthetic.articles(N)}
    inputs, diagnostics = load_inputs(corpus / "txt")
    assert not [d for d in diagnostics if d.severity == "error"]
    analysis = analyze(Config(root=corpus), inputs, jobs=1)
    archive = analysis.archive
    assert not [d for d in analysis.diagnostics if d.severity == "error"]
    assert len(archive.articles) == N
    named = set()
    for article in archive.articles:
        want = expected[article.path]
        assert article.title == want.title
        assert not article.title_derived
        assert article.source_name == want.outlet
        assert article.date == want.date.isoformat()
        assert 5 <= len(article.paragraphs) <= 21
        assert article.quotes
        speakers = {archive.speaker(q.speaker_id).name for q in article.quotes if q.speaker_id}
        assert speakers & set(want.speakers), article.path
        named |= speakers & set(want.speakers)
    assert len(named) >= N  # recurring invented speakers, each with a page
    assert any(a.dateline for a in archive.articles)  # wire datelines on some
    kinds = {q.kind for a in archive.articles for q in a.quotes}
    assert kinds == {"direct", "indirect"}
    text = "".join(p.read_text(encoding="utf-8") for p in (corpus / "txt").rglob("*.txt"))
    for mark in ("“", "”", '"', " said that ", "According to ", "Source: "):
        assert mark in text
    pins, pin_errors = load_speaker_pins(Config(root=corpus))  # the speakers.toml written
    assert not pin_errors
    assert [s.name for s in pins] == [p.name for p in synthetic.cast()[:8]]
    assert all(s.aliases and s.description for s in pins)


def test_markdown_copy_has_front_matter_with_the_taxonomies(corpus: Path) -> None:
    expected = {a.md_path: a for a in synthetic.articles(N)}
    files = sorted((corpus / "md").rglob("*.md"))
    assert len(files) == N
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("---\n")
        front = yaml.safe_load(text.split("---\n")[1])
        want = expected[path.relative_to(corpus / "md").as_posix()]
        assert front["title"] == want.title
        assert str(front["date"]) == want.date.isoformat()
        assert front["source"] == want.outlet
        assert front["outlets"] == [want.outlet]
        assert front["speakers"] == list(want.speakers) and front["speakers"]
        body = text.split("\n---\n\n", 1)[1]
        assert body == "\n\n".join(want.paragraphs) + "\n"
    # site-gen reads the copy too: the same titles and outlets
    inputs, _ = load_inputs(corpus / "md")
    archive = analyze(Config(root=corpus), inputs, jobs=1).archive
    assert {(a.title, a.source_name) for a in archive.articles} == {
        (a.title, a.outlet) for a in expected.values()
    }


def test_every_edit_changes_both_corpora_and_is_undone_exactly(tmp_path: Path) -> None:
    folder, _ = scale.prepare_size(tmp_path, N, synthetic.DEFAULT_SEED, with_md=True)
    speakers = synthetic.speakers_toml()
    site = scale.SiteGen(folder / "site", folder / "logs", None)
    hugo = scale.Hugo(folder / "hugo", folder / "logs", Path("/nonexistent/hugo"), None)
    site.setup(speakers)
    hugo.setup(speakers)
    before = tree(folder)
    edits = scale.Edits([site, hugo], N, synthetic.DEFAULT_SEED)
    for kind in scale.EDITS:
        undo = edits.apply(kind)
        during = tree(folder)
        for tool in (site, hugo):
            prefix = tool.project.name + "/"
            changed = {k for k in before.keys() | during.keys()
                       if k.startswith(prefix) and before.get(k) != during.get(k)}
            assert len(changed) == 1, (kind, tool.name, changed)
        undo()
        assert tree(folder) == before, kind


def test_quick_run_of_the_harness_measures_every_kind(tmp_path: Path, capsys) -> None:
    report = tmp_path / "report.json"
    workdir = tmp_path / "work"
    argv = ["--sizes", str(N), "--repeat", "1", "--workdir", str(workdir), "--json", str(report)]
    assert scale.main(argv) == 0
    out = capsys.readouterr().out
    assert "CPUs" in out and "Python" in out and "I/O floor" in out
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["machine"]["cpu_count"] >= 1 and data["machine"]["python"]
    (size,) = data["sizes"]
    assert size["articles"] == N
    runs = size["runs"]
    assert list(runs) == ["site-gen"]  # no Hugo without --compare
    assert set(runs["site-gen"]) == set(scale.KINDS)
    for kind_runs in runs["site-gen"].values():
        assert len(kind_runs) == 1
        assert kind_runs[0]["seconds"] > 0 and kind_runs[0]["max_rss_bytes"] > 1 << 20
    assert len(size["io_floor_seconds"]) == 1
    assert size["outputs"]["site-gen"]["files"] > 2 * N
    assert size["corpus"]["site_gen_summary"].startswith(f"Built {N} articles")
    assert not (workdir / f"n{N}").exists()  # removed without --keep
