"""Inert input: the one URL sanitizer and the one text cleaner that everything from input or
configuration passes before it reaches HTML, XML, JSON or CSV.

Autoescaping keeps text from becoming markup, but two things it cannot do: refuse a link whose
scheme runs code (``javascript:``, ``data:``, ``vbscript:``, in any case, behind leading spaces,
tabs, control characters or character references, all of which browsers skip), and drop the
characters that XML forbids (C0 controls, noncharacters such as U+FFFE, lone surrogates) and
that make a feed or sitemap ill-formed. Words are never changed otherwise.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from site_gen import regexes

SAFE_SCHEMES = frozenset(("http", "https", "mailto"))

# C0 controls but tab, line feed and carriage return; DEL and C1 controls; lone surrogates;
# the Unicode noncharacters (U+FDD0..U+FDEF and the last two code points of every plane).
_NONCHARACTERS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_FORBIDDEN = regexes.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]"
)
# What a browser ignores while it looks for a URL's scheme: ASCII whitespace and controls.
_SKIPPED_IN_SCHEME = regexes.compile(r"[\x00-\x20\x7f-\x9f]")
_SCHEME = regexes.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_WHITESPACE = regexes.compile(r"\s")


# Fast screens: a class of ranges is scanned ten times as fast as one listing the noncharacters
# of every plane, so those are looked for only in the rare text beyond the first plane.
_FORBIDDEN_BMP = regexes.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
_ASTRAL = regexes.compile("[\U00010000-\U0010ffff]")


def clean_text(value: str) -> str:
    """``value`` without the characters that no text format may carry (see module doc)."""
    if len(value) <= 256:
        return _clean_short(value)  # pages print the same names and URLs thousands of times
    return _clean(value)


def _clean(value: str) -> str:
    if _FORBIDDEN_BMP.search(value) is None and _ASTRAL.search(value) is None:
        return value
    return _FORBIDDEN.sub("", value)


_clean_short = lru_cache(maxsize=65536)(_clean)


def link_target(value: str | None) -> str | None:
    """The URL to link to, or None when ``value`` must be shown as text only.

    Accepted: absolute ``http``/``https`` URLs with a host, ``mailto:`` addresses, and relative
    URLs that stay inside the site (no scheme, no leading ``/`` or ``\\``, no ``..`` segment).
    Whitespace inside is percent-encoded; nothing else is changed."""
    if not value:
        return None
    text = clean_text(value).strip()
    if not text:
        return None
    # The scheme as a browser would read it: references decoded, ignored characters removed.
    probe = _SKIPPED_IN_SCHEME.sub("", html.unescape(text))
    scheme = _SCHEME.match(probe)
    if scheme:
        name = scheme.group(1).lower()
        written = _SCHEME.match(text)  # the same scheme, written plainly (no tricks)
        if name not in SAFE_SCHEMES or not written or written.group(1).lower() != name:
            return None
        if name in ("http", "https"):
            try:
                if not urlsplit(text).hostname:
                    return None
            except ValueError:
                return None
    else:
        if probe.startswith(("/", "\\")) or ":" in probe.split("/", 1)[0]:
            return None
        if ".." in re.split(r"[/\\]", probe.split("?", 1)[0].split("#", 1)[0]):
            return None
    return _WHITESPACE.sub(lambda m: quote(m.group()), text)


def unsafe_link_message(field: str, value: str) -> str:
    shown = clean_text(value).strip()
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return (
        f"{field} {shown!r} is not an http, https or mailto link: shown as text, not linked"
    )


def sanitize_html(fragment: str) -> Markup:
    """An HTML fragment from input, made inert: no script, style, event handler, frame, form,
    embedded object or unknown tag; every link and image source through ``link_target``."""
    from lxml import html as lxml_html
    from lxml_html_clean import Cleaner

    cleaner = Cleaner(
        scripts=True, javascript=True, comments=True, style=True, inline_style=True, meta=True,
        page_structure=True, processing_instructions=True, embedded=True, frames=True,
        forms=True, annoying_tags=True, remove_unknown_tags=True, safe_attrs_only=True,
    )
    try:
        cleaned = cleaner.clean_html(f"<div>{clean_text(fragment)}</div>")
        root = lxml_html.fragment_fromstring(cleaned)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return Markup("")
    for el in root.iter():
        el.attrib.pop("srcset", None)  # several URLs in one value: not worth the risk
        for attr in ("href", "src", "action", "poster", "cite"):
            value = el.get(attr)
            if value is None:
                continue
            target = link_target(value)
            if target is None:
                del el.attrib[attr]
            else:
                el.set(attr, target)
    out = lxml_html.tostring(root, encoding="unicode")
    if out.startswith("<div>") and out.endswith("</div>"):
        out = out[len("<div>") : -len("</div>")]  # the wrapper added above
    return Markup(out)
