"""Start-up: what each command imports before it answers.

Not a timing test (see ``benchmarks/startup.py`` for the times): each command runs in a fresh
``python -X importtime -m site_gen`` and the test reads the names of the modules it imported.
``--help`` and ``--version`` must not load the readers, the quote extractor, the language model
or Jinja2; ``inspect`` of a plain-text file must not load the HTML or Markdown stack, Jinja2 or
the preview server. The controls (inspect of an HTML and of a Markdown file) show that the
same harness sees those modules when a file needs them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import site_gen

SOURCE_ROOT = Path(site_gen.__file__).resolve().parent.parent

# What start-up must not pay for unless a command or a file needs it.
SERVER = {"tornado", "livereload", "site_gen.server", "site_gen.serve_app"}
TEMPLATES = {"jinja2"}  # site_gen.render itself is light: it imports jinja2 when it renders
HTML_STACK = {"lxml", "lxml.html", "lxml_html_clean", "trafilatura", "site_gen.reader.html"}
MARKDOWN_STACK = {"markdown_it", "yaml", "site_gen.reader.markdown"}
LANGUAGE_MODEL = {"numpy", "py3langid", "site_gen.reader.language"}
READING = {"ftfy", "site_gen.reader", "site_gen.quotes", "site_gen.quotes.extract",
           "site_gen.pipeline", "sqlite3", "multiprocessing", "concurrent.futures.process"}

TEXT_ARTICLE = (
    "Harbour reopens after storm repairs\n\n"
    "PORT VELMAR - The harbour reopened on Monday after three weeks of repairs to the sea "
    "wall, the port authority said.\n\n"
    "\u201cWe are glad to see the boats back,\u201d said Jane Roe, the harbour minister.\n"
)
HTML_ARTICLE = (
    "<!doctype html><html lang=en><head><title>Harbour reopens</title></head><body>"
    "<article><h1>Harbour reopens after storm repairs</h1>"
    "<p>The harbour reopened on Monday after three weeks of repairs to the sea wall, the port "
    "authority said.</p>"
    "<p>\u201cWe are glad to see the boats back,\u201d said Jane Roe, the harbour minister.</p>"
    "</article></body></html>\n"
)
# What makes pages out of an archive: ``inspect`` reads files and builds no site.
BUILD_STAGES = {"site_gen.pipeline", "site_gen.pages", "site_gen.exports", "site_gen.staging",
                "site_gen.search", "concurrent.futures.process", "multiprocessing"}

MARKDOWN_ARTICLE = "---\ntitle: Harbour reopens\n---\n\n" + TEXT_ARTICLE.split("\n\n", 1)[1]

_IMPORT_LINE = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)\s*$")


def imported(*args: str, cwd: Path) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The modules a fresh ``python -m site_gen ARGS`` imports, and the finished process."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(SOURCE_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "site_gen", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )
    names = {m.group(1) for line in done.stderr.splitlines() if (m := _IMPORT_LINE.match(line))}
    assert "site_gen.cli" in names, done.stderr[-2000:]  # the harness sees imports at all
    return names, done


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "harbour.txt").write_text(TEXT_ARTICLE, encoding="utf-8")
    (folder / "harbour-page.html").write_text(HTML_ARTICLE, encoding="utf-8")
    (folder / "harbour-notes.md").write_text(MARKDOWN_ARTICLE, encoding="utf-8")
    return folder


@pytest.mark.parametrize("args", [
    ("--help",), ("--version",), ("build", "--help"), ("serve", "--help"), ("inspect", "--help"),
])
def test_help_and_version_import_nothing_heavy(args: tuple[str, ...], tmp_path: Path) -> None:
    names, done = imported(*args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "site-gen" in done.stdout
    heavy = SERVER | TEMPLATES | HTML_STACK | MARKDOWN_STACK | LANGUAGE_MODEL | READING
    assert not names & heavy, sorted(names & heavy)


def test_bad_usage_imports_nothing_heavy(tmp_path: Path) -> None:
    names, done = imported("build", "--no-such-option", cwd=tmp_path)
    assert done.returncode == 2
    assert not names & (TEMPLATES | HTML_STACK | LANGUAGE_MODEL | READING)


def test_inspect_of_a_text_file_loads_no_html_markdown_templates_or_server(
    articles: Path,
) -> None:
    names, done = imported("inspect", str(articles / "harbour.txt"), cwd=articles.parent)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Harbour reopens after storm repairs" in done.stdout
    assert "Jane Roe" in done.stdout
    assert not names & (HTML_STACK | MARKDOWN_STACK | TEMPLATES | SERVER | BUILD_STAGES), sorted(
        names & (HTML_STACK | MARKDOWN_STACK | TEMPLATES | SERVER | BUILD_STAGES))
    # what reading a text file does need, loaded on the way
    assert {"site_gen.reader.txt", "site_gen.quotes.extract", "py3langid"} <= names
    # curly quotes and dashes are nothing to repair: the mojibake fixer stays unloaded
    assert "ftfy" not in names


def test_inspect_of_a_text_file_with_mojibake_loads_the_fixer(articles: Path) -> None:
    """The control: a text with a character only mojibake brings ("SÃ£o") repairs it."""
    text = TEXT_ARTICLE.replace("PORT VELMAR", "S\u00c3\u00a3O VELMAR")
    (articles / "harbour.txt").write_text(text, encoding="utf-8")
    names, done = imported("inspect", "--json", str(articles / "harbour.txt"),
                           cwd=articles.parent)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "ftfy" in names
    assert "S\\u00e3O VELMAR" in done.stdout or "S\u00e3O VELMAR" in done.stdout


@pytest.mark.parametrize(
    ("file", "needed", "other_stack"),
    [
        # the control: the harness sees the HTML parser when a file needs it
        ("harbour-page.html", {"site_gen.reader.html", "lxml.html", "trafilatura"},
         MARKDOWN_STACK),
        ("harbour-notes.md", {"site_gen.reader.markdown", "markdown_it", "yaml"}, HTML_STACK),
    ],
)
def test_inspect_of_a_file_loads_its_own_stack_only(
    articles: Path, file: str, needed: set[str], other_stack: set[str]
) -> None:
    names, done = imported("inspect", str(articles / file), cwd=articles.parent)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Jane Roe" in done.stdout
    assert needed <= names
    assert not names & (other_stack | TEMPLATES | SERVER), sorted(
        names & (other_stack | TEMPLATES | SERVER))


def test_build_loads_the_templates(tmp_path: Path, articles: Path) -> None:
    """The other control: a build renders pages, so it does import Jinja2."""
    (articles / "harbour-page.html").unlink()
    (articles / "harbour-notes.md").unlink()
    names, done = imported("build", "-q", "--content", str(articles),
                           "--out", str(tmp_path / "site"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "jinja2" in names
    assert not names & (HTML_STACK | MARKDOWN_STACK | SERVER), sorted(
        names & (HTML_STACK | MARKDOWN_STACK | SERVER))
