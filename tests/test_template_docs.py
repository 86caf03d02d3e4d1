"""The README's table of templates and their variables says what the code gives each template."""

from __future__ import annotations

import re
from dataclasses import replace

from site_gen.config import load_config
from site_gen.inputs import load_inputs
from site_gen.pages import build_pages
from site_gen.pipeline import analyze
from tests.conftest import REPO
from tests.test_navigation import STORIES, _story

EVERY_PAGE = "every HTML page (`base.html`)"


def _documented() -> dict[str, set[str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Templates and their variables", 1)[1].split("\n## ", 1)[0]
    table: dict[str, set[str]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 2 or cells[0] in ("template", "---"):
            continue
        top = re.sub(r"\([^)]*\)", "", cells[1])  # what a variable holds is in brackets
        name = EVERY_PAGE if cells[0] == EVERY_PAGE else cells[0].strip("`")
        table[name] = set(re.findall(r"`([a-z_]+)`", top))
    return table


def _views(make_project) -> dict[str, set[str]]:
    files = {f"content/s{i}.md": _story(*s) for i, s in enumerate(STORIES)}
    files["site.toml"] = 'content = "content"\nper_page = 2\n'
    root = make_project(files)
    config = replace(load_config(root / "site.toml"), base_url="https://archive.example/")
    inputs, _ = load_inputs(config.content_dir, False)
    pages = build_pages(analyze(config, inputs, jobs=1).archive, config)
    views: dict[str, set[str]] = {}
    for p in pages:
        if p.template:
            views.setdefault(p.template, set()).update(p.view)
    return views


def test_the_readme_lists_every_templates_variables(make_project):
    documented = _documented()
    views = _views(make_project)
    common = set.intersection(*(v for k, v in views.items() if k.endswith(".html")))
    assert documented.pop(EVERY_PAGE) == common
    for template, keys in sorted(views.items()):
        expected = keys - common if template.endswith(".html") else keys
        assert documented.pop(template) == expected, template
    assert documented == {}  # no template documented that the code does not render
