"""The reader never raises and never hangs, whatever bytes it is given.

Every input — empty, binary, mis-encoded, enormous, absurdly nested, with front matter or
sidecars of the wrong shape — must give a ``ReadResult``: a document, or ``document=None`` with
an error diagnostic naming the file. A reader bug caught by the last-resort handler in
``read_document`` ("please report it as a site-gen bug") counts as a failure here too, so each
fix lands as a clean diagnostic, not as a swallowed exception. Sizes are chosen to expose
quadratic work (regex backtracking, per-character diffs) while keeping the whole module fast.
"""

from __future__ import annotations

import random
import time

import pytest

from site_gen.reader import read_document
from site_gen.registry import default_registry

SUFFIXES = (".txt", ".md", ".html")  # ".htm" reads as ".html": one test below covers it
ARTICLE = b"LONDON (Reuters) - The council said on Monday it would act. " * 20
SECONDS = 5.0  # per file; generous for a loaded shared core, far below any pathological case


def _nested(depth: int) -> bytes:
    return b"<html><body>" + b"<div>" * depth + ARTICLE + b"</div>" * depth + b"</body></html>"


_RNG = random.Random(20240601)

BYTES: dict[str, bytes] = {
    "empty": b"",
    "whitespace": b"  \n\t \r\n",
    "bom_only": b"\xef\xbb\xbf",
    "utf16_bom_only": b"\xff\xfe",
    "utf16_odd_length": b"\xff\xfeA\x00B",
    "nul_bytes": b"\x00" * 2000,
    "nul_in_text": b"Hello\x00world. " * 200,
    "random_bytes": bytes(_RNG.randrange(256) for _ in range(20_000)),
    "invalid_utf8": b"Caf\xc3 \xe9 \xed\xa0\x80 text \xff here. " * 100,
    "utf16_half": "Hallo Welt. ".encode("utf-16-le")[:-1] * 50,
    "utf16be_no_bom": ("Привет мир. " * 300).encode("utf-16-be"),
    "control_chars": bytes(range(32)) * 300,
    "one_char_2mb": b"a" * 2_000_000,
    "dots_1mb": b"." * 1_000_000,
    "quotes_200k": b'"' * 200_000,
    "curly_quotes_100k": "“".encode() * 100_000,
    "mixed_quotes": ('"a “b ” c" ' * 10_000).encode(),
    "one_line_1mb": (b"The minister said so. " + b"x" * 40 + b" ") * 16_000,
    "dashes": ("TEHRAN - " * 20_000).encode(),
    "capitals": ("ABC DEF GHI " * 20_000).encode(),
    "many_newlines": b"\n" * 200_000 + b"x",
    "many_lines": b"short line\n" * 20_000,
    "old_mac_lines": b"line\r" * 20_000,
    "impossible_dates": b"2023-02-30 99999-01-01 0000-00-00 31.02.2023 " * 2_000,
    "nested_html_10k": _nested(10_000),
    "html_no_body": b"<html><head><title>Only a title</title></head></html>",
    "html_brackets": b"<" * 50_000 + b">" * 50_000,
    "html_comment_opens": b"<!--" * 20_000,
    "json_ld_nested": (
        b'<html><head><script type="application/ld+json">'
        + b"[" * 50_000
        + b"]" * 50_000
        + b"</script></head><body><p>"
        + ARTICLE
        + b"</p></body></html>"
    ),
    "json_ld_wrong_types": (
        b'<html><head><script type="application/ld+json">[1, null, {"@type": ["NewsArticle", 5],'
        b' "author": [null, 5, {"name": 7}], "datePublished": 5, "headline": ["a"],'
        b' "publisher": [[[]]], "@graph": {"x": 1}}]</script></head><body><article><p>'
        + ARTICLE
        + b"</p></article></body></html>"
    ),
    "declared_charset_unknown": b'<meta charset="no-such-charset"><p>' + ARTICLE + b"</p>",
    "declared_utf16_but_ascii": b'<meta charset="utf-16"><p>' + ARTICLE + b"</p>",
    "many_author_metas": b'<meta name="author" content="By A and B, PhD">' * 5_000 + ARTICLE,
    "markdown_nested_quotes": b">" * 5_000 + b" deep\n",
    "markdown_emphasis_runs": b"*" * 50_000 + b"a" + b"_" * 50_000,
    "markdown_backticks": b"`" * 50_000,
}

FRONT_MATTER: dict[str, bytes] = {
    "list": b"---\n- a\n- b\n---\nBody text here.\n",
    "scalar": b"---\njust a string\n---\nBody text here.\n",
    "huge": b"---\n" + b"".join(b"k%d: %d\n" % (i, i) for i in range(5_000)) + b"---\nBody.\n",
    "year_0": b"---\ndate: 0000-01-01\ntitle: x\n---\nBody text.\n",
    "year_99999": b"---\ndate: 99999-01-01\n---\nBody text.\n",
    "february_30": b"---\ndate: 2023-02-30\n---\nBody text.\n",
    "hour_25": b"---\ndate: 2023-01-01T25:61:00\n---\nBody text.\n",
    "wrong_types": (
        b"---\ntitle: 5\nauthor: {a: 1}\nauthors: [1, null, {name: 3}, [x]]\nlang: [en]\n"
        b"url: 7\nsource: {x: y}\nlicense: 3.5\npath: [1]\n---\nBody text.\n"
    ),
    "alias_bomb": b"---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    b"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    b"title: *f\ndate: *f\nauthor: *f\npath: *f\n---\nBody.\n",
    "python_tag": b"---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\nBody.\n",
    "unclosed": b"---\ntitle: x\nBody\n",
    "only_front_matter": b"---\ntitle: x\n---\n",
    "empty_front_matter": b"---\n---\n",
    "toml_wrong_types": b"+++\ntitle = 5\nauthor = {name = 5}\nauthors = [1, {a = 2}]\n"
    b"date = 1979-05-27T07:32:00Z\nlang = 3\nurl = [1]\n+++\nBody text here.\n",
    "toml_local_time": b'+++\ndate = 07:32:00\ntitle = "x"\n+++\nBody.\n',
    "toml_invalid_date": b"+++\ndate = 2023-02-30\n+++\nBody.\n",
    "toml_syntax_error": b"+++\ntitle = \n+++\nBody.\n",
    "toml_out_of_range": b'+++\ndate = "0000-00-00"\npublished = 99999\n+++\nBody.\n',
}

SIDECARS: dict[str, tuple[bytes, str]] = {
    "json_array": (b"[1, 2, 3]", "a.meta.json"),
    "json_scalar": (b'"x"', "a.meta.json"),
    "json_syntax_error": (b'{"title": ', "a.meta.json"),
    "json_wrong_types": (
        b'{"title": 5, "author": {"name": 5}, "authors": [null, 1, [2]], "date": "2023-02-30",'
        b' "published": 99999, "lang": ["en"], "url": {"a": 1}, "license": 5, "dateline": [],'
        b' "event_date": {"x": 1}}',
        "a.meta.json",
    ),
    "json_nested": (b"[" * 50_000 + b"]" * 50_000, "a.meta.json"),
    "json_nan": (b'{"title": NaN, "date": Infinity}', "a.meta.json"),
    "toml_wrong_types": (
        b"title = 5\nauthor = {name = 5}\ndate = 0001-01-01\npublished = 9999-12-31T23:59:59\n"
        b"lang = true\nevent_date = 12:00:00\n",
        "a.meta.toml",
    ),
    "toml_syntax_error": (b"title = ", "a.meta.toml"),
    "not_utf8": (b"\xff\xfe\x00", "a.meta.toml"),
    "empty": (b"", "a.meta.toml"),
}


@pytest.fixture(scope="module")
def registry():
    return default_registry()


def _check(registry, path: str, data: bytes, sidecar=None, sidecar_path=None) -> None:
    started = time.perf_counter()
    result = read_document(path, data, registry, sidecar, sidecar_path)
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS, f"{path}: {elapsed:.1f} s"
    bugs = [d.message for d in result.diagnostics if "site-gen bug" in d.message]
    assert not bugs, bugs
    for d in result.diagnostics:
        assert d.path in (path, sidecar_path), d
        assert d.message and d.severity in ("note", "warning", "error")
    if result.document is None:
        assert any(d.severity == "error" and d.path == path for d in result.diagnostics)
    else:
        doc = result.document
        assert isinstance(doc.title, str) and doc.dir in ("ltr", "rtl")
        assert all(p.text for p in doc.paragraphs)
        assert all("\x00" not in p.text for p in doc.paragraphs)


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("name", sorted(BYTES))
def test_adversarial_bytes(registry, name: str, suffix: str) -> None:
    _check(registry, "a" + suffix, BYTES[name])


@pytest.mark.parametrize("name", ["empty", "random_bytes", "html_no_body", "nested_html_10k"])
def test_htm_suffix_reads_like_html(registry, name: str) -> None:
    _check(registry, "a.htm", BYTES[name])


@pytest.mark.parametrize("suffix", (".md", ".txt"))
@pytest.mark.parametrize("name", sorted(FRONT_MATTER))
def test_front_matter_of_any_shape(registry, name: str, suffix: str) -> None:
    _check(registry, "a" + suffix, FRONT_MATTER[name])


@pytest.mark.parametrize("suffix", (".txt", ".md", ".html"))
@pytest.mark.parametrize("name", sorted(SIDECARS))
def test_sidecars_of_any_shape(registry, name: str, suffix: str) -> None:
    side, side_path = SIDECARS[name]
    body = b"<p>" + ARTICLE + b"</p>" if suffix == ".html" else ARTICLE
    _check(registry, "a" + suffix, body, side, side_path)


def test_random_mutations_of_real_forms(registry) -> None:
    """Seeded random damage (bytes flipped, cut, repeated) to small documents of every form."""
    rng = random.Random(7)
    seeds = {
        ".txt": b"Headline here\n\nBy Jane Doe\n\nTEHRAN - " + ARTICLE + b"\n\nSOURCE: Press TV",
        ".md": b'---\ntitle: "A post"\ndate: 2024-01-02\nauthor: [A, B]\n---\n> Update: x\n\n'
        + ARTICLE,
        ".html": b'<html lang="en"><head><title>T | Site</title><meta property="og:site_name" '
        b'content="Site"></head><body><article><h1>T</h1><p>' + ARTICLE + b"</p></article></body>",
    }
    for suffix, seed in seeds.items():
        for _ in range(40):
            data = bytearray(seed)
            for _ in range(rng.randrange(1, 12)):
                at = rng.randrange(len(data))
                action = rng.randrange(3)
                if action == 0:
                    data[at] = rng.randrange(256)
                elif action == 1:
                    del data[at : at + rng.randrange(1, 40)]
                else:
                    data[at:at] = data[at : at + rng.randrange(1, 40)] * rng.randrange(1, 5)
            _check(registry, "m" + suffix, bytes(data))


def test_sidecar_error_names_the_sidecar_and_the_line(registry) -> None:
    result = read_document("a.txt", ARTICLE, registry, b'title = "x"\nauthor = \n', "a.meta.toml")
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert errors and errors[0].path == "a.meta.toml" and errors[0].line == 2
    assert result.document is not None  # the article itself is still read


def test_impossible_front_matter_date_is_a_warning_not_a_failure(registry) -> None:
    result = read_document("a.md", FRONT_MATTER["february_30"], registry)
    assert result.document is not None and result.document.published is None
    assert any("2023-02-30" in d.message for d in result.diagnostics)


def test_binary_file_is_a_clean_error(registry) -> None:
    result = read_document("a.txt", bytes(range(32)) * 100, registry)
    assert result.document is None
    assert "binary" in result.diagnostics[-1].message
