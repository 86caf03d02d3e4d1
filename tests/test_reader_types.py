"""Front-matter and sidecar fields of the wrong type: a warning naming the file, the line and
the field, and the value is ignored (never an outlet named "12345" or a link "1, 2")."""

from __future__ import annotations

from site_gen.reader import read_document
from site_gen.registry import default_registry

FRONT = """---
title:
  nested: 1
source: 12345
url: [1, 2]
author: 42
lang: en
---

The council met on Monday to vote on the new bridge.
"""


def _read(name: str, data: str, sidecar: str | None = None, side_name: str | None = None):
    return read_document(
        name, data.encode(), default_registry(),
        sidecar=sidecar.encode() if sidecar else None, sidecar_path=side_name,
    )


def test_front_matter_fields_of_the_wrong_type_are_warned_about_and_ignored():
    result = _read("post.md", FRONT)
    doc = result.document
    assert doc.source_name is None and doc.url is None and doc.authors == ()
    assert doc.title != "{'nested': 1}"
    found = {(d.line, d.message.split(":")[1].strip()) for d in result.diagnostics}
    assert {(2, "title must be text, got (a dict)"), (4, "source must be text, got 12345"),
            (5, "url must be text, got (a list)")} <= found
    assert any(d.line == 6 and "author must be a name" in d.message for d in result.diagnostics)
    assert all(d.path == "post.md" for d in result.diagnostics)


def test_sidecar_fields_of_the_wrong_type_name_the_sidecar_and_line():
    side = '{\n "title": "Bridge vote",\n "source": 12345,\n "url": [1, 2]\n}\n'
    result = _read("a.txt", "Bridge\n\nThe council met on Monday.\n", side, "a.meta.json")
    doc = result.document
    assert doc.title == "Bridge vote" and doc.source_name is None and doc.url is None
    lines = {d.line for d in result.diagnostics if d.path == "a.meta.json"}
    assert lines == {3, 4}


def test_right_types_give_no_warning_and_a_number_is_a_title():
    front = "title: 1984\nsource: Daily Example\nauthor: [Ana Lima, Bo Chen]"
    result = _read("p.md", f"---\n{front}\n---\n\nText.\n")
    assert not result.diagnostics
    assert result.document.title == "1984"
    assert result.document.authors == ("Ana Lima", "Bo Chen")
