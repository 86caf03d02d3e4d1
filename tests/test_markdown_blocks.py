"""Markdown code blocks and raw HTML blocks are kept as preformatted text, never dropped and
never run; quotations are not looked for inside them."""

from __future__ import annotations

from site_gen.cli import main
from site_gen.reader import read_document
from site_gen.registry import default_registry

POST = """---
title: Code and markup
---

The council published its data on Monday, the clerk said.

```python
print("We will build it")
x = 1
```

<div class="box" onclick="alert(1)">Raw <b>HTML</b> block</div>

    indented   code

Last paragraph of the post.
"""


def _paragraphs():
    doc = read_document("post.md", POST.encode(), default_registry()).document
    return [(p.kind, p.text, p.start) for p in doc.paragraphs]


def test_code_and_html_blocks_are_kept_verbatim_with_offsets():
    got = _paragraphs()
    assert [k for k, _, _ in got] == ["p", "pre", "html", "pre", "p"]
    assert got[1][1] == 'print("We will build it")\nx = 1'
    assert got[2][1] == '<div class="box" onclick="alert(1)">Raw <b>HTML</b> block</div>'
    assert got[3][1] == "indented   code"
    for _, text, start in got[1:4]:
        assert POST[start : start + len(text)] == text


def test_blocks_render_as_escaped_preformatted_text_without_quotes(make_project, monkeypatch):
    root = make_project({"content/post.md": POST})
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    page = (root / "build" / "articles" / "code-and-markup" / "index.html").read_text()
    assert '<pre id="p2" class="pre">print(&#34;We will build it&#34;)\nx = 1</pre>' in page
    assert "&lt;div class=&#34;box&#34; onclick=&#34;alert(1)&#34;&gt;" in page
    assert 'onclick="' not in page
    assert 'class="quote direct"' not in page  # the string in the code is no quotation


def test_a_post_without_blocks_is_unchanged():
    doc = read_document(
        "p.md", b"---\ntitle: T\n---\n\nOne paragraph.\n\nAnother one.\n", default_registry()
    ).document
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("p", "One paragraph."),
        ("p", "Another one."),
    ]


def test_raw_html_can_be_allowed_and_is_then_sanitised(make_project, monkeypatch):
    post = POST.replace(
        '<div class="box" onclick="alert(1)">Raw <b>HTML</b> block</div>',
        '<div class="box" onclick="alert(1)">Raw <b>HTML</b> <a href="javascript:alert(2)">x</a>'
        ' <a href="https://example.org/a">ok</a><script>alert(3)</script></div>',
    )
    toml = 'content = "content"\noutput = "build"\nmarkdown_html = true\n'
    root = make_project({"content/post.md": post, "site.toml": toml})
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    page = (root / "build" / "articles" / "code-and-markup" / "index.html").read_text()
    assert '<div id="p3" class="html"><div class="box">Raw <b>HTML</b>' in page
    assert '<a href="https://example.org/a">ok</a>' in page
    assert "alert" not in page and "onclick" not in page and "javascript" not in page
    assert '<pre id="p2" class="pre">print(' in page  # code stays code
