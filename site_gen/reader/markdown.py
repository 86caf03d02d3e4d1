"""Markdown articles: YAML (``---``) or TOML (``+++``) front matter, CommonMark body.

The body is rendered with markdown-it-py and each block (paragraph, heading, blockquote
paragraph, list item) becomes one paragraph of plain text: markup, link targets and images are
dropped, the words stay. Offsets are recovered by aligning the plain text with the block's
source lines (the plain text is a subsequence of the source); a block that cannot be aligned
(entities, smart punctuation) gets ``start=-1``. Front matter gives the strongest in-file layer.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from dataclasses import replace

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from site_gen import regexes
from site_gen.model import Diagnostic, Paragraph
from site_gen.reader.assemble import build_document
from site_gen.reader.attribution import strip_footers
from site_gen.reader.document import ReadResult
from site_gen.reader.meta import Meta
from site_gen.reader.normalize import SPACE_CLASS, is_space, normalize_span
from site_gen.reader.sidecar import key_lines, meta_from_mapping, toml_line
from site_gen.registry import Registry, host_of

_MD = MarkdownIt("commonmark")
_FENCE = {"---": "yaml", "+++": "toml"}
_CLOSING_FENCE = {f: regexes.compile(
    r"^" + re.escape(f) + r"[ \t]*\r?$", re.MULTILINE
) for f in _FENCE}
_PATH_DATE = regexes.compile(r"(?<!\d)((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?!\d)")


def split_front_matter(text: str) -> tuple[str | None, str | None, int, int]:
    """(kind, front matter text, offset of body, line number of the front matter's first line)."""
    lead = len(text) - len(text.lstrip("\ufeff"))
    first_nl = text.find("\n", lead)
    opener = text[lead : first_nl if first_nl >= 0 else len(text)].strip()
    if opener not in _FENCE:
        return None, None, 0, 0
    match = _CLOSING_FENCE[opener].search(text, first_nl + 1)
    if not match:
        return _FENCE[opener], None, -1, 1
    body_at = match.end() + 1 if match.end() < len(text) else match.end()
    return _FENCE[opener], text[first_nl + 1 : match.start()], body_at, 2


class _FrontLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML (the C loader when installed: a large front matter loads 10x faster) where a
    date that does not exist ("2023-02-30", year 0) stays a string, for a warning, instead of
    failing the file."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_FrontLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def parse_front_matter(kind: str, text: str, path: str) -> tuple[dict | None, Diagnostic | None]:
    try:
        values = yaml.load(text, Loader=_FrontLoader) if kind == "yaml" else tomllib.loads(text)
    except (RecursionError, ValueError, TypeError) as exc:
        if isinstance(exc, tomllib.TOMLDecodeError):
            line = toml_line(exc)
            line = line + 1 if line is not None else None  # the front matter starts on line 2
            message = f"front matter is not valid TOML ({exc}); fix the syntax"
            return None, Diagnostic("error", path, message, line)
        message = f"front matter could not be read ({type(exc).__name__}); simplify it"
        return None, Diagnostic("error", path, message, 2)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        problem = getattr(exc, "problem", None) or (str(exc).splitlines() or ["a syntax error"])[0]
        return None, Diagnostic(
            "error",
            path,
            f"front matter is not valid YAML: {problem}; fix it or quote the value",
            line,
        )
    if values is None:
        return {}, None
    if not isinstance(values, dict):
        return None, Diagnostic("error", path, "front matter must be key: value pairs", 2)
    return values, None


def _front_layer(
    values: dict, path: str, lines: dict[str, int] | None = None
) -> tuple[Meta, list[Diagnostic]]:
    values = {
        k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v)
        for k, v in values.items()
    }
    lowered = {str(k).lower(): v for k, v in values.items()}
    if not any(k in lowered for k in ("date", "published")):
        # Some sites keep the date only in the permalink ("path: /2024/11/26/post/").
        for key in ("path", "url", "slug", "permalink"):
            value = lowered.get(key)
            match = _PATH_DATE.search(value) if isinstance(value, str) else None
            if match:
                values = {**values, "date": "-".join(match.groups())}
                break
    if "by" in lowered and not any(k in lowered for k in ("author", "authors")):
        values = {**values, "authors": lowered["by"]}
    known = {k: v for k, v in values.items() if str(k).lower() != "by"}
    meta, problems = meta_from_mapping(known, "front matter", path, lines)
    if meta.url is None:
        for key in ("canonical", "canonical_url", "link", "permalink"):
            if isinstance(lowered.get(key), str) and lowered[key].startswith("http"):
                meta = replace(meta, url=lowered[key])
                break
    return meta, problems


def own_site(tokens: list[Token], registry: Registry) -> str | None:
    """The registered outlet most of the post's links point to (a blog links to its own site).

    Taken only when that outlet has at least two links and 40 % of the absolute links, so a
    post citing a newspaper once or twice does not become that newspaper's article.
    """
    counts: dict[str, int] = {}
    total = 0
    for tok in tokens:
        for child in tok.children or []:
            href = child.attrGet("href") if child.type == "link_open" else None
            host = host_of(str(href)) if href and str(href).startswith("http") else None
            if not host:
                continue
            total += 1
            found = registry.lookup_host(host)
            if found:
                counts[found.name] = counts.get(found.name, 0) + 1
    if not counts:
        return None
    name, count = max(counts.items(), key=lambda kv: kv[1])
    return name if count >= 2 and count >= 0.4 * total else None


def plain_text(token: Token) -> str:
    """The words of an inline token: markup, link targets and images dropped."""
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        # Anything else (images, inline HTML, emphasis and link markers) adds no words.
    return "".join(out)


# Blocks kept verbatim as preformatted text: code, and raw HTML, which is shown as its source
# (escaped), never run: an article's own markup is not trusted on the archive's pages.
_VERBATIM = ("fence", "code_block", "html_block")


def _blocks(tokens: list[Token]) -> list[tuple[Token, str, str]]:
    """(inline or verbatim token, kind, opening tag) for every text block, in order."""
    out: list[tuple[Token, str, str]] = []
    stack: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.nesting == 1:
            stack.append(tok.type)
        elif tok.nesting == -1 and stack:
            stack.pop()
        if tok.type in _VERBATIM:
            out.append((tok, "html" if tok.type == "html_block" else "pre", "pre"))
            continue
        if tok.type != "inline":
            continue
        parent = tokens[i - 1].type if i else ""
        if parent == "heading_open":
            kind = "h"
        elif "list_item_open" in stack:
            kind = "li"
        elif "blockquote_open" in stack:
            kind = "blockquote"
        else:
            kind = "p"
        out.append((tok, kind, tokens[i - 1].tag if i else ""))
    return out


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    for match in re.finditer(r"\r\n|\r|\n", text):  # line breaks as markdown-it counts them
        offsets.append(match.end())
    return offsets


_TOKEN = regexes.compile("(" + SPACE_CLASS + "+)|[^" + SPACE_CLASS[1:] + "+")


def align(plain: str, raw: str, start: int, end: int) -> tuple[int, ...] | None:
    """For each char of ``plain``, its index in ``raw[start:end]`` (greedy subsequence), or None.

    A space of ``plain`` matches the next whitespace of ``raw``; a word matches where its first
    letter is next found, taken whole when ``raw`` has it there contiguously (the common case,
    found by one comparison), else letter by letter (markup inside the word: ``un**do**ne``).
    """
    origin: list[int] = []
    pos = start
    for match in _TOKEN.finditer(plain):
        word = match.group()
        if match.group(1):  # spaces: each matches the next whitespace of raw
            for _ in word:
                while pos < end and not is_space(raw[pos]):
                    pos += 1
                if pos >= end:
                    return None
                origin.append(pos)
                pos += 1
            continue
        first = raw.find(word[0], pos, end)
        if first < 0:
            return None
        if raw.startswith(word, first, end):
            origin.extend(range(first, first + len(word)))
            pos = first + len(word)
            continue
        for ch in word:
            pos = raw.find(ch, pos, end)
            if pos < 0:
                return None
            origin.append(pos)
            pos += 1
    return tuple(origin)


def _paragraph(
    index: int, plain: str, kind: str, raw: str, span: tuple[int, int]
) -> Paragraph | None:
    aligned = align(plain, raw, *span)
    if aligned:
        lo, hi = aligned[0], aligned[-1] + 1
        if hi - lo == len(plain) and raw[lo:hi] == plain:
            text, first, origin = normalize_span(raw, lo, hi)
            return Paragraph(index, text, first, origin, kind)
    text, _, _ = normalize_span(plain, 0, len(plain))
    if not text:
        return None
    if aligned:
        inner = align(text, raw, *span)
        if inner:
            contiguous = inner == tuple(range(inner[0], inner[0] + len(inner)))
            return Paragraph(index, text, inner[0], () if contiguous else inner, kind)
    return Paragraph(index, text, -1, (), kind)


def _verbatim(
    index: int, content: str, raw: str, span: tuple[int, int], kind: str
) -> Paragraph:
    """A code block ("pre") or raw-HTML block ("html") as written, line breaks kept."""
    text = unicodedata.normalize("NFC", content)
    at = raw.find(content, span[0], span[1])
    return Paragraph(index, text, at if at >= 0 and text == content else -1, (), kind)


def _body(raw: str, body_at: int, tokens: list[Token]) -> tuple[list[Paragraph], str | None]:
    """The body's paragraphs, and the text of a level-1 heading that opens it (a headline)."""
    body = raw[body_at:]
    starts = _line_offsets(body)
    paragraphs: list[Paragraph] = []
    heading: str | None = None
    for tok, block_kind, tag in _blocks(tokens):
        verbatim = block_kind in ("pre", "html")
        plain = tok.content.rstrip("\n") if verbatim else plain_text(tok)
        if not plain.strip():
            continue
        a, b = tok.map if tok.map else (0, len(starts))
        a = min(a, len(starts) - 1)
        span = (body_at + starts[a], body_at + (starts[b] if b < len(starts) else len(body)))
        if verbatim:
            paragraphs.append(_verbatim(len(paragraphs), plain, raw, span, block_kind))
            continue
        para = _paragraph(len(paragraphs), plain, block_kind, raw, span)
        if para and tag == "h1" and not paragraphs and heading is None:
            heading = para.text
            continue
        if para:
            paragraphs.append(replace(para, index=len(paragraphs)))
    return paragraphs, heading


def read_markdown(path: str, raw: str, registry: Registry, layers: list[Meta]) -> ReadResult:
    kind, front, body_at, line = split_front_matter(raw)
    diagnostics: list[Diagnostic] = []
    front_layer: Meta | None = None
    if kind and front is None:
        fence = "---" if kind == "yaml" else "+++"
        message = f"front matter is not closed; add a line with {fence} after it"
        return ReadResult(None, (Diagnostic("error", path, message, 1),))
    if kind and front is not None:
        values, problem = parse_front_matter(kind, front, path)
        if problem:
            return ReadResult(None, (problem,))
        front_layer, problems = _front_layer(values or {}, path, key_lines(front, line))
        diagnostics.extend(problems)
    tokens = _MD.parse(raw[body_at:])
    paragraphs, heading = _body(raw, body_at, tokens)
    paragraphs, credits_layer = _strip_md_footer(raw, paragraphs)
    if heading and not (front_layer and front_layer.title):
        credits_layer = replace(credits_layer, title=heading)  # "# Headline" opening the body
    site = own_site(tokens, registry)
    if site:
        credits_layer = replace(credits_layer, site_name=site)
    all_layers = [*layers, *([front_layer] if front_layer else []), credits_layer]
    document = build_document("md", path, raw, tuple(paragraphs), all_layers, registry)
    return ReadResult(document, tuple(diagnostics))


def _strip_md_footer(raw: str, paragraphs: list[Paragraph]) -> tuple[list[Paragraph], Meta]:
    """Credit lines ending a post (``SOURCE: X``, licence notices) leave the body."""
    if not paragraphs:
        return paragraphs, Meta(basis="text")
    last = paragraphs[-1]
    spans, credits = strip_footers(last.text, [(0, len(last.text))])
    if spans == [(0, len(last.text))]:
        return paragraphs, Meta(basis="text")
    kept = paragraphs[:-1]
    if spans:
        a, b = spans[0]
        kept.append(
            Paragraph(
                last.index,
                last.text[a:b],
                last.start + a if last.start >= 0 else -1,
                last.origin[a:b] if last.origin else (),
                last.kind,
            )
        )
    layer = Meta(
        basis="text",
        source=credits.source,
        attribution=credits.attribution,
        license=credits.license,
        authors=tuple(credits.authors),
    )
    return kept, layer
