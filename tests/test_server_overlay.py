"""What the preview says about a build, over the page and on the terminal (pure functions)."""

from __future__ import annotations

import os
from pathlib import Path

from site_gen.model import Diagnostic
from site_gen.pipeline import BuildReport
from site_gen.serve_overlay import (
    HINT_CONFIG,
    HINT_CRASH,
    HINT_FILE,
    HINT_TEMPLATE,
    HINT_TEMPLATE_NAME,
    Places,
    Problem,
    crashed,
    inject,
    render_overlay,
    state_of,
    terminal_lines,
)
from site_gen.server import remove_own_stages
from site_gen.write import MARKER, MARKER_TEXT

OUT = Path("/nowhere/build")


def test_a_good_build_has_no_overlay() -> None:
    state = state_of(BuildReport(True, OUT, articles=2))
    assert state.clean and render_overlay(state) == b"" and terminal_lines(state) == []


def test_a_syntax_error_names_the_template_and_line(tmp_path: Path) -> None:
    template = tmp_path / "templates" / "article.html"
    fatal = f"{template}:3: unexpected '}}', expected ')'"
    state = state_of(BuildReport(False, OUT, fatal=fatal), Places(project=tmp_path))
    assert state.failed
    assert state.problems == (
        Problem("templates/article.html", 3, "unexpected '}', expected ')'", HINT_TEMPLATE),
    )
    assert terminal_lines(state) == [
        "templates/article.html:3: error: unexpected '}', expected ')'",
        f"  hint: {HINT_TEMPLATE}",
    ]


def test_a_failure_while_rendering_points_at_the_first_use_of_the_name(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "source.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n<h1>{{ title }}</h1>\n'
        "<p>{{ outlet.country }}</p>\n{% endblock %}\n"
    )
    fatal = "template source.html failed for sources/x/index.html: 'outlet' is undefined"
    places = Places(project=tmp_path, templates=(tmp_path / "templates",))
    (problem,) = state_of(BuildReport(False, OUT, fatal=fatal), places).problems
    assert (problem.file, problem.line, problem.hint) == (
        "templates/source.html", 4, HINT_TEMPLATE_NAME,
    )
    assert problem.message == "'outlet' is undefined (rendering sources/x/index.html)"


def test_a_broken_site_toml_names_its_line(tmp_path: Path) -> None:
    fatal = (
        f"{tmp_path / 'site.toml'}: invalid TOML: Expected '=' after a key in a key/value pair "
        "(at line 2, column 7)"
    )
    (problem,) = state_of(BuildReport(False, OUT, fatal=fatal), Places(project=tmp_path)).problems
    assert (problem.file, problem.line, problem.hint) == ("site.toml", 2, HINT_CONFIG)


def test_files_left_out_are_listed_even_when_the_build_succeeds(tmp_path: Path) -> None:
    report = BuildReport(
        True,
        OUT,
        diagnostics=(
            Diagnostic("error", "news/b.md", "front matter is not valid YAML", 3),
            Diagnostic("warning", "news/c.txt", "a warning stays on the terminal"),
        ),
    )
    places = Places(project=tmp_path, content=tmp_path / "content")
    state = state_of(report, places)
    assert not state.failed and not state.clean
    assert state.problems == (
        Problem("content/news/b.md", 3, "front matter is not valid YAML", HINT_FILE),
    )
    html = render_overlay(state).decode()
    assert "1 file left out of the site" in html and "content/news/b.md, line 3" in html


def test_the_overlay_escapes_what_it_quotes() -> None:
    hostile = "<script>alert(1)</script>"
    report = BuildReport(
        False,
        OUT,
        fatal=f"templates/x.html:1: unexpected {hostile}",
        diagnostics=(Diagnostic("error", f"{hostile}.md", f"bad {hostile}", 1),),
    )
    html = render_overlay(state_of(report)).decode()
    assert hostile not in html and "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert render_overlay(crashed(ValueError(hostile), "")).decode().count("&lt;script&gt;") == 1


def test_a_crash_is_a_failed_build_with_its_own_hint() -> None:
    state = crashed(RuntimeError("boom"), "Build crashed")
    assert state.failed and state.problems[0].hint == HINT_CRASH
    assert state.problems[0].message == "RuntimeError: boom"


def test_inject_puts_the_script_in_the_head_and_the_overlay_at_the_end_of_the_body() -> None:
    page = b"<html><HEAD><title>t</title></HEAD><body><p>x</p></BODY></html>"
    out = inject(page, b"<s/>", b"<o/>")
    assert out == b"<html><HEAD><title>t</title><s/></HEAD><body><p>x</p><o/></BODY></html>"
    assert inject(b"plain", b"<s/>", b"<o/>") == b"<s/>plain<o/>"
    assert inject(page, b"", b"") == page


def test_only_this_processs_interrupted_builds_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "build"
    mine = tmp_path / f".build-new-{os.getpid()}-abcd1234"
    other = tmp_path / ".build-new-1-abcd1234"
    unmarked = tmp_path / f".build-old-{os.getpid()}-efgh5678"
    for folder in (mine, other, unmarked):
        folder.mkdir()
        (folder / "index.html").write_text("half")
    (mine / MARKER).write_bytes(MARKER_TEXT)
    (other / MARKER).write_bytes(MARKER_TEXT)
    empty = tmp_path / f".build-new-{os.getpid()}-ijkl9012"  # made, then Ctrl-C before marked
    empty.mkdir()
    remove_own_stages(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([other.name, unmarked.name])
