"""Inert input: no link with a dangerous scheme, no markup, no forbidden character reaches the
site from any field of any input kind; originals of HTML inputs are stored as text."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from site_gen.cli import main
from site_gen.safety import clean_text, link_target

VECTORS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    "&#x6A;avascript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "</script><script>alert(1)</script>",
    "{{ 7*7 }}{% raw %}${7*7}",
    "\u202eevil\u202c",
    "a\x00b\x0bc\ufffe\ud800",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=javascript:alert(1)></iframe>",
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    # more of the classic filter-evasion forms
    '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
    "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112"
    "&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088"
    "&#0000083&#0000083&#0000039&#0000041>",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<SCRIPT/XSS SRC=\"http://xss.example/xss.js\"></SCRIPT>",
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
    "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
    "<IFRAME SRCDOC=\"<script>alert(1)</script>\"></IFRAME>",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
    "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.example/scriptlet.html\"></OBJECT>",
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<a href=\"\\x01javascript:alert(1)\">x</a>",
    "<details open ontoggle=alert(1)>",
]
DANGEROUS_SCHEME = re.compile(r"^(?:javascript|data|vbscript|file):", re.I)
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset"}


@pytest.mark.parametrize("url", [v for v in VECTORS if "script:" in v or "data:" in v])
def test_dangerous_urls_are_not_links(url):
    assert link_target(url) is None


@pytest.mark.parametrize(
    "url",
    ["https://example.org/a?b=1&c=2#x", "http://example.org/", "mailto:desk@example.org",
     "notes/page.html"],
)
def test_ordinary_urls_stay_links(url):
    assert link_target(url) == url


def test_clean_text_drops_only_forbidden_characters():
    assert clean_text("a\x00b\x0bc\ufffe\ud800d\te\nf\u202eg") == "abcd\te\nf\u202eg"


def _yaml_str(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML double-quoted string


def _hostile_project(make_project, vectors=VECTORS):
    files: dict[str, str | bytes] = {}
    for i, v in enumerate(vectors):
        files[f"content/t{i:02d}.txt"] = (
            f"{v}\n\nBy {v}\n\nThe council said {v} on Monday, officials added. "
            f"“{v},” she said.\n\nSource: {v}\n"
        )
        files[f"content/t{i:02d}.meta.json"] = json.dumps(
            {"url": v, "source": v, "author": v, "title": v + " sidecar"}
        )
        front = "\n".join(
            f"{k}: {_yaml_str(v)}" for k in ("title", "source", "url", "author", "license")
        )
        files[f"content/m{i:02d}.md"] = (
            f"---\n{front}\ndate: 2024-05-0{1 + i % 9}\n---\n\nThe mayor said “{v}” today.\n\n{v}\n"
        )
        attr = v.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        ld = json.dumps({"@type": "NewsArticle", "url": v, "headline": v, "author": v})
        files[f"content/h{i:02d}.html"] = (
            f'<html><head><title>{attr} | Site</title><meta property="og:url" content="{attr}">'
            f'<link rel="canonical" href="{attr}"><meta property="og:site_name" content="{attr}">'
            f'<meta name="author" content="{attr}"><script type="application/ld+json">{ld}'
            f"</script></head><body><article><h1>{attr}</h1><p>The minister said on Tuesday "
            f"that the new bridge would open next year, after a long dispute. {v}</p><p>“The "
            f"work is done,” the minister said. {attr}</p></article></body></html>"
        )
    outlets = "".join(
        f"[[outlet]]\nname = {json.dumps('Outlet ' + str(i) + v)}\n"
        f"homepage = {json.dumps(v)}\naliases = [{json.dumps(v)}]\n\n"
        for i, v in enumerate(vectors)
    )
    speakers = "".join(
        f"[[speaker]]\nname = {json.dumps('Jane Roe' + str(i) + v)}\n"
        f"description = {json.dumps(v)}\n\n"
        for i, v in enumerate(vectors)
    )
    files["sources.toml"] = outlets.replace("\\ud800", "")  # TOML has no surrogate escape
    files["speakers.toml"] = speakers.replace("\\ud800", "")
    title = json.dumps("Archive " + VECTORS[0] + VECTORS[14]).replace("\\ud800", "")
    files["site.toml"] = (
        f'content = "content"\noutput = "build"\ntitle = {title}\n'
        'base_url = "https://archive.example.org/news/"\n'
    )
    # Lone surrogates as the invalid UTF-8 bytes a broken tool writes (JSON keeps them escaped).
    return make_project(
        {k: v.encode("utf-8", "surrogatepass") if isinstance(v, str) else v
         for k, v in files.items()}
    )


class _Audit(HTMLParser):
    """Flags executable markup. site-gen's only script elements are JSON-LD data blocks: each
    must parse as JSON in full (no input text may end the element early). The one exception is
    the search page (``search_page``): the site's own script, by URL, and its form, which sends
    nothing anywhere (no action)."""

    def __init__(self, search_page: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.search_page = search_page
        self.problems: list[str] = []
        self.in_json_ld = False
        self.json_ld: list[str] = []

    def handle_data(self, data):
        if self.in_json_ld:
            self.json_ld[-1] += data

    def handle_endtag(self, tag):
        if tag == "script" and self.in_json_ld:
            self.in_json_ld = False
            try:
                json.loads(self.json_ld[-1])
            except ValueError:
                self.problems.append("JSON-LD that does not parse (ended early?)")

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("type") == "application/ld+json":
            self.in_json_ld = True
            self.json_ld.append("")
        elif self.search_page and tag == "script" and a == {"src": "../static/search.js"}:
            pass
        elif self.search_page and tag == "form" and a.get("class") == "search-form" and (
            "action" not in a
        ):
            pass
        elif tag in ("script", "iframe", "object", "embed", "frame", "base", "form"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            if name in URL_ATTRS and value:
                probe = re.sub(r"[\x00-\x20\x7f-\x9f]", "", value)
                if DANGEROUS_SCHEME.match(probe):
                    self.problems.append(f"{tag} {name}={value!r}")
            if name == "style" or tag == "style":
                self.problems.append(f"{tag} style")


def test_hostile_corpus_builds_inert(make_project, monkeypatch, capsys):
    root = _hostile_project(make_project)
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    err = capsys.readouterr().err
    assert "h03.html: warning: url 'javascript:alert(1)' is not an http" in err
    assert "m04.md: warning: url 'JaVaScRiPt:alert(1)' is not an http" in err
    assert "sources.toml" in err and "homepage" in err
    out = root / "build"
    checked = 0
    json_ld_blocks = 0
    for path in sorted(out.rglob("*")):
        if not path.is_file() or "originals" in path.parts:
            continue
        if path.suffix.startswith(".pf_") or path.suffix == ".pagefind":
            continue  # the search index's chunks: compressed binary, read by Pagefind's script
        data = path.read_bytes()
        assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", data), path
        assert b"\xef\xbf\xbe" not in data, path  # U+FFFE
        if path.suffix == ".html":
            audit = _Audit(search_page=path == out / "search" / "index.html")
            audit.feed(data.decode("utf-8"))
            assert audit.problems == [], (path, audit.problems[:5])
            checked += 1
            json_ld_blocks += len(audit.json_ld)
        elif path.suffix == ".xml":
            ET.fromstring(data)  # well-formed
        elif path.suffix == ".json":
            json.loads(data)
    assert checked > len(VECTORS) * 3
    assert json_ld_blocks > len(VECTORS) * 2  # every article, speaker and source page has one
    originals = [p.name for p in (out / "originals").rglob("*") if p.is_file()]
    assert originals and all(n.endswith((".txt", ".md")) for n in originals)
    assert any(n.endswith(".html.txt") for n in originals)


def test_unsafe_base_url_is_refused(make_project, monkeypatch):
    root = make_project({"content/a.txt": "A\n\nText here.\n",
                         "site.toml": 'content = "content"\nbase_url = "javascript:alert(1)//"\n'})
    monkeypatch.chdir(root)
    assert main(["build"]) == 2


def test_input_file_link_is_percent_encoded(make_project, monkeypatch):
    name = "a #1 ?x.txt"
    root = make_project({f"content/{name}": "Ferry\n\nThe ferry opens in May, officials said.\n"})
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    page = next((root / "build" / "articles").rglob("index.html")).read_text()
    assert "a%20%231%20%3Fx.txt" in page
    assert (next((root / "build" / "originals").iterdir()) / name).is_file()


def test_url_shown_as_text_with_a_warning(make_project, monkeypatch, capsys):
    md = '---\ntitle: "Ferry"\nurl: "javascript:alert(1)"\n---\n\nThe ferry opens in May.\n'
    root = make_project({"content/ferry.md": md})
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    assert "ferry.md: warning: url 'javascript:alert(1)'" in capsys.readouterr().err
    page = (root / "build" / "articles" / "ferry" / "index.html").read_text()
    assert "<dd>javascript:alert(1)</dd>" in page
    assert 'href="javascript' not in page
