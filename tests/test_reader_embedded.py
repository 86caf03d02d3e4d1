"""Pages whose markup is an empty app shell and whose article travels inside a script."""

from __future__ import annotations

import json

from site_gen.reader import read_document
from site_gen.reader.html_embedded import embedded_article
from site_gen.reader.html_meta import parse_tree
from site_gen.registry import default_registry

PARAS = [
    "Harbour officials in Port Velmar said on Monday that the new ferry line would open in "
    "spring, after two years of delays caused by a dispute over the pier.",
    "The line will connect the old town with the island of Quessa three times a day, and "
    "tickets will cost the same as the bus, the city council said in a statement.",
    "Residents of the island have asked for a regular connection for more than a decade.",
]
HEAD = "<head><title>Ferry line to open in spring</title></head>"


def _shell(script: str) -> str:
    shell = '<div id="root"></div>'
    return f'<html lang="en">{HEAD}<body>{shell}<script>{script}</script></body></html>'


def _read(page: str):
    result = read_document("page.html", page.encode("utf-8"), default_registry())
    assert result.document is not None, [d.format() for d in result.diagnostics]
    return [p.text for p in result.document.paragraphs]


def test_article_in_hydration_json_is_read():
    content = "".join(f'<p class="body">{p}</p>' for p in PARAS)
    state = {"article": {"id": 7, "contentHtml": '<div class="ad">$$AD_SLOT$$</div>' + content}}
    got = _read(_shell("window.__STATE__ = " + json.dumps(state) + ";"))
    assert got == PARAS


def test_article_in_a_json_string_inside_a_javascript_string_is_read():
    content = "".join(f"<p>{p}</p>" for p in PARAS)
    inner = json.dumps({"body": content})
    got = _read(_shell("self.__push([1, " + json.dumps("5:" + inner) + "]);"))
    assert got == PARAS


def test_json_ld_article_body_is_read_when_markup_is_empty():
    ld = {"@type": "NewsArticle", "headline": "Ferry", "articleBody": "\n".join(PARAS)}
    page = (
        f'<html lang="en">{HEAD}<body><div id="root"></div>'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></body></html>'
    )
    assert " ".join(_read(page)) == " ".join(PARAS)
    assert embedded_article(parse_tree(page)) == "".join(f"<p>{p}</p>" for p in PARAS)


def test_the_longest_embedded_article_wins():
    teaser = "<p>" + "A short teaser for another story about the harbour. " * 4 + "</p>"
    article = "".join(f"<p>{p}</p>" for p in PARAS)
    script = "var a = " + json.dumps({"teaser": teaser, "article": article}) + ";"
    assert embedded_article(parse_tree(_shell(script))) == article


def test_no_article_sized_html_in_scripts_gives_nothing():
    short = json.dumps({"caption": "<p>A photo of the pier.</p>", "pad": "x" * 300})
    assert embedded_article(parse_tree(_shell("var s = " + short + ";"))) is None
    plain = json.dumps({"text": "no markup here " * 40})
    assert embedded_article(parse_tree(_shell("var s = " + plain + ";"))) is None


def test_markup_article_wins_over_script_data():
    shown = "".join(f"<p>{p}</p>" for p in PARAS)
    other = json.dumps({"html": "<p>" + "Another story entirely, from the script. " * 10 + "</p>"})
    page = (
        f'<html lang="en">{HEAD}<body><article><h1>Ferry line to open in spring</h1>{shown}'
        f"</article><script>var x = {other};</script></body></html>"
    )
    assert _read(page) == PARAS


def test_broken_escapes_and_huge_scripts_do_not_crash():
    script = 'var a = "' + "\\x" * 200 + '"; var b = "' + "<p>" * 50_000 + '";'
    assert embedded_article(parse_tree(_shell(script))) is None
