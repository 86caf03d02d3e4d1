"""Progress of a long build: a bar per stage on a terminal, plain lines elsewhere, nothing when
quiet or when the build is quick; the summary says what came from the cache and what was
written."""

from __future__ import annotations

import io

from site_gen import pipeline
from site_gen.config import load_config
from site_gen.progress import Progress


def test_a_terminal_gets_a_bar_per_stage_rewritten_in_place():
    out = io.StringIO()
    p = Progress(out, tty=True, delay=0)
    for i in range(1, 5):
        p("process", i, 4)
    p("render", 10, 10)
    p.close()
    text = out.getvalue()
    assert "\rprocess  [" in text and "4/4" in text and "\rrender   [" in text
    assert text.count("\n") == 2  # the line ends when the stage changes, and at the close
    assert "[" + "#" * 30 + "] 10/10" in text


def test_a_log_gets_plain_lines_and_a_quick_build_or_quiet_nothing():
    out = io.StringIO()
    p = Progress(out, tty=False, delay=0, every=3600)
    for i in range(1, 101):
        p("render", i, 100)
    assert out.getvalue().splitlines() == ["render: 1/100", "render: 100/100"]
    quiet, quick = io.StringIO(), io.StringIO()
    for target, progress in ((quiet, Progress(quiet, tty=True, quiet=True, delay=0)),
                             (quick, Progress(quick, tty=True, delay=3600))):
        progress("render", 1, 2)
        progress.close()
        assert target.getvalue() == ""


def test_the_build_reports_its_stages_and_the_summary_counts_files(make_project):
    root = make_project({f"content/n{i}.txt": f"Note {i}\n\nThe ferry {i} sailed, she said.\n"
                         for i in range(5)})
    seen: list[tuple[str, int, int]] = []
    config = load_config(root / "site.toml")
    first = pipeline.build(config, jobs=1, progress=lambda *a: seen.append(a))
    assert first.ok and {s for s, _d, _t in seen} >= {"render"}
    assert all(0 < done <= total for _s, done, total in seen)
    assert ("render", seen[-1][2], seen[-1][2]) in seen or seen[-1][0] != "render"
    assert first.written > 0 and first.linked == 0
    assert "files written" in first.summary()
    (root / "content" / "n1.txt").write_text("Note 1\n\nThe ferry sailed late, she said.\n")
    again = pipeline.build(config, jobs=1)
    assert again.ok and again.cached == 4 and 0 < again.written < first.written
    assert again.linked > 0
    summary = again.summary()
    assert "4 file(s) from the cache" in summary and "linked from the previous build" in summary
