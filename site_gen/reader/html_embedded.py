"""The article of a page that ships its text only inside a script (an app shell).

Pages rendered by a JavaScript framework often leave ``<body>`` empty and carry the article as
data for the script: the hydration state of Next.js, Nuxt or a React Query cache (an HTML
string inside JSON, sometimes a JSON string inside a JavaScript string), or a JSON-LD
``articleBody``. A reader that sees only markup finds nothing; this module finds the longest
such embedded article so that the usual extraction can run on it. It is only asked when the
page's markup holds no article text.

Everything here is linear in the size of the page: one pass of a string-literal pattern over
each script, at most two levels of nesting, and only literals long enough to be an article.
"""

from __future__ import annotations

import html
import json
import re

from lxml import html as lxml_html

from site_gen import regexes
from site_gen.reader.html_meta import is_article_kind, ld_kinds, ld_objects, load_json_ld

# A JSON/JavaScript double-quoted string literal (escapes included); alternatives are disjoint,
# so matching is linear.
_LITERAL = regexes.compile(r'"((?:[^"\\]|\\.){200,})"', re.S)
_PARAGRAPH_TAG = regexes.compile(r"<p[\s>]", re.I)
_MIN_TEXT = 150  # characters of paragraph text: less is a teaser or a caption, not an article
_MAX_DEPTH = 2  # JSON inside a JavaScript string inside a script is the deepest seen in use
# Raw CMS text is stored before the site's template engine fills its slots: an ad or widget
# slot ("$$AD_SLOT$$", "{{ WIDGET }}", "%%PROMO%%", "[[EMBED]]") is markup, not the article's words.
_SLOT = regexes.compile(
    r"(?<![\w$%{\[])(?:\$\$|%%|\{\{|\[\[)\s*[A-Z][A-Z0-9_]*\s*(?:\$\$|%%|\}\}|\]\])"
)


def _decoded(literal: str) -> str | None:
    try:
        value = json.loads(f'"{literal}"', strict=False)
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def _html_strings(text: str, depth: int = 0):
    """Decoded string literals of ``text`` that hold paragraph markup, nested ones included."""
    for match in _LITERAL.finditer(text):
        value = _decoded(match.group(1))
        if value is None:
            continue
        if _PARAGRAPH_TAG.search(value):
            yield _SLOT.sub("", value)
        if depth + 1 < _MAX_DEPTH and '"' in value:
            yield from _html_strings(value, depth + 1)


def _paragraph_text(fragment: str) -> int:
    """Characters of text inside the fragment's ``<p>`` elements (0 when it does not parse)."""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return 0
    return sum(len(p.text_content().strip()) for p in root.iter("p"))


def _ld_bodies(script_text: str):
    """JSON-LD ``articleBody`` texts of article objects, as paragraph markup."""
    data = load_json_ld(script_text)
    if data is None:
        return
    for obj in ld_objects(data):
        body = obj.get("articleBody")
        if isinstance(body, str) and any(is_article_kind(k) for k in ld_kinds(obj)):
            lines = [line.strip() for line in re.split(r"\n\s*", body) if line.strip()]
            yield "".join(f"<p>{html.escape(line)}</p>" for line in lines)


def embedded_article(tree) -> str | None:
    """The largest article-sized HTML fragment that the page's scripts carry, else None."""
    if tree is None:
        return None
    best, best_size = None, 0
    for script in tree.iter("script"):
        text = script.text or ""
        if len(text) < 200:
            continue
        kind = (script.get("type") or "").lower()
        found = _ld_bodies(text) if kind == "application/ld+json" else _html_strings(text)
        for fragment in found:
            size = _paragraph_text(fragment)
            if size > best_size:
                best, best_size = fragment, size
    return best if best_size >= _MIN_TEXT else None
