"""A template in the user's ``templates/`` folder replaces the shipped one of the same name;
the other pages keep the shipped templates."""

from __future__ import annotations

from site_gen.cli import main


def test_a_users_template_replaces_the_shipped_one_of_that_name(make_project) -> None:
    root = make_project(seeds=True)
    (root / "templates").mkdir()
    (root / "templates" / "source.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Outlet: {{ name }}</h1>'
        "<p>our own source page</p>{% endblock %}", encoding="utf-8")
    assert main(["build", "-q", "--config", str(root / "site.toml")]) == 0
    sources = sorted((root / "build" / "sources").glob("*/index.html"))
    assert sources and all("our own source page" in p.read_text() for p in sources)
    index = (root / "build" / "index.html").read_text()
    assert "our own source page" not in index and "<main" in index
