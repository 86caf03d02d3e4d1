"""The template environment is made once per set of templates in a process (the dev server
builds again and again): its compiled templates are reused while no template changes."""

from __future__ import annotations

from site_gen import render
from site_gen.config import SHIPPED_TEMPLATES
from tests.sitecheck import build_ok

STORY = """Ferry line approved

VELMAR - The harbour board approved a ferry line on Tuesday, June 20, 2023.

"We have waited long enough," said Jane Roe, the chair of the board.

Source: Velmar Herald
"""


def test_templates_are_compiled_once_until_one_changes(make_project, monkeypatch):
    made = []
    real = render.make_environment
    monkeypatch.setattr(render, "make_environment", lambda dirs: made.append(1) or real(dirs))
    monkeypatch.setattr(render, "_ENVIRONMENTS", {})
    root = make_project({"content/ferry.txt": STORY})
    build_ok(root)
    assert len(made) == 1
    (root / "content" / "ferry.txt").write_text(STORY.replace("Tuesday", "Monday"))
    build_ok(root)
    assert len(made) == 1  # the same templates: the same environment
    (root / "templates").mkdir()
    base = (SHIPPED_TEMPLATES / "base.html").read_text()
    (root / "templates" / "base.html").write_text(
        base.replace('<footer class="site">', '<footer class="site"><p>Kept by the port.</p>'))
    build_ok(root)
    assert len(made) == 2  # a template changed: made again, and its pages show it
    assert "Kept by the port." in (root / "build" / "index.html").read_text()
    (root / "templates" / "base.html").write_text(
        base.replace('<footer class="site">', '<footer class="site"><p>Kept by the town.</p>'))
    build_ok(root)
    assert len(made) == 3 and "Kept by the town." in (root / "build" / "index.html").read_text()
