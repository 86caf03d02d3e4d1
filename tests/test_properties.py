"""Property tests (Hypothesis) for the reader, normalization, quote extraction, slugs, relative
URLs and the URL sanitizer: no exception on any input, offsets always inside the text, quote
text equal to the text at its offsets, slugs safe and unique, every relative URL resolving to
the page it names, no link with a dangerous scheme.

The suite runs the ``ci`` profile (150 examples per property, derandomized so that CI is
repeatable; profiles are in conftest.py). A longer campaign: ``make fuzz`` (the ``fuzz``
profile: 5,000 examples per property, random seeds). A failure it finds is added below as an
``@example`` so it stays fixed.
"""

from __future__ import annotations

import posixpath
import re

from hypothesis import example, given
from hypothesis import strategies as st

from site_gen.quotes import extract_quotes
from site_gen.reader import read_document
from site_gen.registry import default_registry
from site_gen.safety import clean_text, link_target
from site_gen.slugs import make_slug, unique_slugs
from site_gen.urls import relative_url

REGISTRY = default_registry()

# Text that looks like news: words, names, quotation marks of every style, datelines, credits.
_PIECES = st.sampled_from([
    "“", "”", '"', "'", "‘", "’", "«", "»", "„", "``", "''", " said", " says", " told",
    " according to", " Jane Roe", " Mr. Doe", " he", " she", ",", ".", ":", " —", "\n", "\n\n",
    "TOWNSVILLE (Agency) -", "By Ana Lima", "Source: Example Times", " the minister", " 2024-05-01",
    "<p>", "</p>", "<script>", "&amp;", "\u00a0", "\u200b", "\ufeff", "\x00", "\r\n", "\t",
])
news_text = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=60).map("".join)


@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.html"]))
@example(b"---\ntitle: [\n---\n", "a.md")
@example(b"\xff\xfe\x00", "a.txt")
def test_reader_never_raises_on_bytes(data, name):
    result = read_document(name, data, REGISTRY)
    assert result.document is not None or result.diagnostics


@given(news_text, st.sampled_from(["a.txt", "a.md", "a.html"]))
@example("\u00c2\r\n\u201c", "a.md")  # found by make fuzz: a mojibake repair left an edge NBSP
def test_paragraph_offsets_stay_inside_the_original_text(text, name):
    result = read_document(name, text.encode("utf-8", "surrogatepass"), REGISTRY)
    doc = result.document
    if doc is None:
        return
    for p in doc.paragraphs:
        assert p.text == p.text.strip() or p.kind in ("pre", "html")  # verbatim blocks
        for i in (0, len(p.text) // 2, len(p.text)):
            offset = p.source_offset(i)
            if offset is not None:
                assert 0 <= offset <= len(doc.raw_text)


@given(st.lists(news_text, min_size=1, max_size=6), st.sampled_from(["en", "fr", None]))
@example(["“We will,” she said. “They won't,” he said."], "en")
def test_quote_text_is_the_text_at_its_offsets(paragraphs, lang):
    extraction = extract_quotes(paragraphs, lang)
    keys = {s.key for s in extraction.speakers}
    for q in extraction.quotes:
        assert 0 <= q.paragraph < len(paragraphs)
        assert 0 <= q.start < q.end <= len(paragraphs[q.paragraph])
        assert q.text == paragraphs[q.paragraph][q.start:q.end]
        assert q.speaker_key is None or q.speaker_key in keys


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@given(st.text(max_size=200))
@example("")
@example("!!! ***")
@example("علی خامنه‌ای")
def test_slugs_are_safe(text):
    slug = make_slug(text)
    assert _SLUG.match(slug), slug
    assert len(slug) <= 80


@given(st.lists(st.sampled_from(["a", "a-2", "b", "a-3", "c"]), max_size=12))
def test_unique_slugs_are_unique(bases):
    out = unique_slugs((str(i), b) for i, b in enumerate(bases))
    assert len(set(out.values())) == len(bases)
    for i, b in enumerate(bases):
        assert out[str(i)] == b or out[str(i)].startswith(b + "-")


_segment = st.from_regex(r"[a-z0-9][a-z0-9-]{0,8}", fullmatch=True)
_page = st.lists(_segment, max_size=4).map(lambda parts: "/".join([*parts, "index.html"]))


@given(_page, _page, st.one_of(st.none(), _segment))
def test_relative_urls_resolve_to_the_page(from_path, to_path, fragment):
    url = relative_url(from_path, to_path, fragment)
    target, _, frag = url.partition("#")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), target))
    assert resolved == posixpath.normpath(to_path)
    assert (frag or None) == fragment


_DANGER = re.compile(r"^(?:javascript|data|vbscript|file|blob):", re.I)


@given(st.lists(st.one_of(
    st.sampled_from(["javascript", "JaVaScRiPt", "data", "vbscript", ":", "&#", "x3a;", "&colon;",
                     "\t", "\n", "\x00", " ", "/", "\\", "http", "https", "mailto", "//", ".."]),
    st.text(max_size=5)), max_size=12).map("".join))
def test_a_link_never_has_a_dangerous_scheme(value):
    import html

    link = link_target(value)
    if link is None:
        return
    probe = re.sub(r"[\x00-\x20\x7f-\x9f]", "", html.unescape(link))
    assert not _DANGER.match(probe), (value, link)
    assert not probe.startswith(("/", "\\"))
    assert link == clean_text(link)


_odd_path = st.lists(st.sampled_from(["a", "b", "", ".", "x.html", "index.html"]),
                     max_size=5).map("/".join)


@given(st.one_of(_page, _odd_path, _odd_path.map(lambda p: "/" + p)), st.one_of(_page, _odd_path))
def test_relative_urls_are_those_of_the_folder_posixpath_names(from_path, to_path):
    from site_gen.urls import _relative

    assert relative_url(from_path, to_path) == _relative(posixpath.dirname(from_path), to_path)
