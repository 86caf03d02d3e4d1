"""Credit lines at the end (and start) of a text: outlet, licence, authors; removed from the body.

Plain-text articles carry their provenance in the text itself: ``SOURCE: Harbor Tv``, ``All Content
by Valley News Agency is licensed under a Creative Commons Attribution 4.0 International
License.``, ``© 2023 Reuters. All rights reserved.``, ``This article originally appeared on X``,
``(Reporting by A; Editing by B)``, editor initials (``MH/PA``), wire sign-offs (``REUTER``,
``// انتهى //``). They are not article text: ``strip_footers`` takes them off the end of the last
paragraphs (a footer can also be the last sentence of a one-line article) and returns what
they say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from site_gen import regexes
from site_gen.reader.bylines import LABEL_WORDS, NOT_AUTHOR_CREDIT, parse_byline
from site_gen.reader.licenses import ALL_RIGHTS_RESERVED, license_id
from site_gen.reader.paragraphs import Span, trim

# Where a footer may begin: the start of the span, a new line, or after a sentence.
_LEAD = r"(?:^|(?<=\n)|(?<=[.!?”\"'’»)]\s)|(?<=[.!?”\"'’»)]\s\s))[ \t\u00a0]*"
_X = re.IGNORECASE | re.VERBOSE

# A reporter signing off after the last sentence, in brackets: "... spannend. (Erika Mustermann)".
# The name's shape (up to four capitalised words); ``html_body`` cuts the same sign-off.
SIGNOFF_NAME = r"[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]*\.?){1,3}"

# A licence notice in any language: a short line that names a Creative Commons licence by its
# deed's address, its name or its short form ("Dieser Text steht unter CC BY-SA 4.0."). A
# picture's credit ("Foto: Jane Roe, CC BY 2.0") states the picture's licence, not the text's.
# (Written to start with letters a search can skip to: pages are long, most name no licence;
# ``names_a_license`` checks what stands before.)
_TOKEN = regexes.compile(r"reative\s*[Cc]ommons|CC[\s-]*(?:BY|0)\b")


def names_a_license(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` names a Creative Commons licence: "Creative Commons" (or
    its deed's address), or "CC BY" / "CC0" in capitals."""
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        before = text[match.start() - 1:match.start()] if match.start() else ""
        if (before in ("c", "C") if match.group().startswith("r")
                else not (before.isalnum() or before == "_")):
            return True
    return False


_PICTURE_CREDIT = regexes.compile(r"^[(\[]?\s*" + NOT_AUTHOR_CREDIT, re.IGNORECASE)
NOTICE_WORDS = 40
_LINE_END = regexes.compile(r"(?P<line>[^\n]*?)\s*$")
_LINE_STARTS = regexes.compile(_LEAD + r"(?=\S)")


# The labels of a line naming the outlet ("Source: Example Times"), as written (case counts:
# "source:" in lower case within a sentence is no label).
SOURCE_LABELS = r"SOURCES?|Sources?|source|Fuente|Quelle|Источник|المصدر|منبع"

# fmt: off
_FOOTERS: list[tuple[str, re.Pattern[str]]] = [
    ("license", regexes.compile(_LEAD + r"""(?P<line>
        All\s+(?:the\s+)?(?:content|contents|material|materials|articles?|text)\s+
        (?:by|of|from|on|published\s+by)\s+(?P<src>[^\n]{2,80}?)\s+
        (?:is|are)\s+licen[sc]ed\s+under\s+(?P<lic>[^\n]{3,160}?)\.?)\s*$""", _X)),
    ("license", regexes.compile(_LEAD + r"""(?P<line>
        (?:This\s+(?:work|article|story|text|content)\s+is\s+)?licen[sc]ed\s+under\s+
        (?:a\s+|the\s+)?(?P<lic>(?:Creative\s+Commons|CC)[^\n]{2,140}?)\.?)\s*$""", _X)),
    ("notice", _LINE_END),  # any other licence notice (``notice_license``), in any language
    ("source", regexes.compile(_LEAD + r"""(?P<line>
        (?:""" + SOURCE_LABELS + r""")
        \s*[:：]\s*(?P<src>[^\n]{2,80}?))\s*$""", re.VERBOSE)),
    ("copyright", regexes.compile(_LEAD + r"""(?P<line>
        (?:©|\(c\)|Copyright|Copr\.)\s*(?:©\s*)?
        (?P<year>\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?
        (?P<src>[^\n]{2,80}?)\s*[.,]?\s*(?P<lic>All\s+rights\s+reserved)?\.?)\s*$""", _X)),
    ("source", regexes.compile(_LEAD + r"""(?P<line>
        (?:This|The)\s+(?:article|story|post|piece|report)\s+(?:was\s+)?(?:originally|first)\s+
        (?:appeared|published|ran)\s+(?:on|in|at|by)\s+(?P<src>[^\n]{2,80}?)\.?)\s*$""", _X)),
    ("credits", regexes.compile(_LEAD + r"""(?P<line>\(?\s*
        (?:Reporting|Reported|Writing|Additional\s+reporting)\s+by\s+(?P<by>[^;\n)]{2,120}?)
        (?:\s*[;,]\s*(?:additional\s+reporting|writing|editing|edited|compiled)\s+by\s+
           [^\n)]{2,160}?)*
        \s*\)?\.?)\s*$""", _X)),
    # An editor's (photographer's, translator's) credit alone on the last line ("Editing by
    # Jane Roe", "(Edited by A and B)", "Fotos: A"; the words of ``bylines``): it leaves the
    # text and names no author.
    ("editors", regexes.compile(
        r"(?:^|(?<=\n))[ \t]*(?P<line>\(?\s*" + NOT_AUTHOR_CREDIT
        + r"\s*(?P<by>[^\n)]{2,120}?)\s*\)?\.?)\s*$", re.IGNORECASE)),
    ("author", regexes.compile(
        r"(?<=[.!?\"”»])\s*(?P<line>\((?P<by>" + SIGNOFF_NAME + r")\)\s*(?:\+{3})?)\s*$")),
    ("label", regexes.compile(
        r"(?:^|(?<=\n))[ \t]*(?P<line>(?:" + LABEL_WORDS + r")\s*[:：]\s*(?P<by>[^\n]{2,80}?))\s*$",
        re.IGNORECASE)),
    ("tags", regexes.compile(
        r"(?:^|(?<=\n)|(?<=[.!?”\"]\s))(?P<line>(?:سمات|الكلمات الدلالية|Tags|TAGS|Keywords|Topics)"
        r"\s*[:：]?\s+[^\n.!?]{1,160})\s*$")),
    # The story's own address on a line of its own at the end ("https://...", "Source:
    # https://..."): its outlet, when the registry knows the host, and the original URL.
    ("link", regexes.compile(
        r"(?:^|(?<=\n))[ \t]*(?P<line>(?:(?:Source|Original|Link|URL|Quelle|Fuente|Source\s+link)"
        r"\s*[:：]\s*)?(?P<url>https?://[^\s<>\"'»”]{4,300}))\s*$", re.IGNORECASE)),
    # A reporter's e-mail address signing off the story ("Jane Roe, jane@herald.example",
    # "Contact: desk@herald.example"): the outlet, when the registry knows its domain.
    ("email", regexes.compile(
        r"(?:^|(?<=\n))[ \t]*(?P<line>(?:(?i:E-?mail|Contact|Kontakt|Correo|Courriel)\s*[:：]?\s*"
        r"|[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,3}\s*[,:|–-]?\s*)?"
        r"(?P<email>[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)))\.?\s*$")),
    ("timestamp", regexes.compile(
        r"(?:^|(?<=\n))[ \t]*(?P<line>\d{1,2}:\d{2}(?:\s+[^\W\d_]{1,3}){0,2})\s*$")),
    ("initials", regexes.compile(
        r"(?:^|(?<=\n)|(?<=[.!?”\"]\s))(?P<line>[A-Z]{1,4}(?:\s*/\s*[A-Z]{1,4}){1,3})\s*$")),
    ("signoff", regexes.compile(
        r"(?:^|(?<=\s))(?P<line>REUTERS?|Reuters?|//\s*انتهى\s*//|-+\s*end\s*-+|\(?END\)?)\s*$")),
]
# fmt: on


@dataclass
class Credits:
    """What the credit lines of one text say (each None when no line said it)."""

    source: str | None = None
    attribution: str | None = None  # the raw line naming the outlet, as written
    license: str | None = None
    license_line: str | None = None
    authors: list[str] = field(default_factory=list)
    signoff: str | None = None
    url: str | None = None  # the story's own address, from a closing link line
    email_domain: str | None = None  # the domain of a closing e-mail signature


def notice_license(line: str) -> str | None:
    """The licence a short licence notice states (an SPDX id), or None: not a notice, a
    picture's credit, or no open licence named."""
    text = " ".join(line.split())
    if not text or len(text.split()) > NOTICE_WORDS or not names_a_license(text):
        return None
    if _PICTURE_CREDIT.match(text):
        return None
    found = license_id(text)
    return found if found != ALL_RIGHTS_RESERVED else None


def _notice(raw: str, tail_from: int, end: int) -> re.Match[str] | None:
    """The licence notice that ends ``raw[:end]``: from the last line or sentence start whose
    rest names a licence (a rest that names one and is no notice ends the search: what stands
    before it is the text's own)."""
    starts = [m.start() for m in _LINE_STARTS.finditer(raw, tail_from, end)]
    for at in reversed(starts):
        if not names_a_license(raw, at, end):
            continue
        match = _LINE_END.match(raw, at, end)
        return match if match and notice_license(match.group("line")) else None
    return None


def match_footer(raw: str, start: int, end: int) -> tuple[str, re.Match[str], int] | None:
    """The credit line that ends ``raw[start:end]``: (kind, match, offset of the match's string)."""
    tail_from = max(start, end - 400)  # footers are short: search only the tail
    whole = raw[start:end] if end - start <= 400 else None
    for kind, pattern in _FOOTERS:
        if kind == "notice":
            found = _notice(raw, tail_from, end)
            if found is not None:
                return kind, found, 0
            continue
        match = pattern.search(raw, tail_from, end)
        if match and _plausible(kind, match):
            return kind, match, 0
        # A span that is only a credit line: "^" must match at the span's start.
        match = pattern.match(whole) if whole is not None else None
        if match and _plausible(kind, match):
            return kind, match, start
    return None


def _plausible(kind: str, match: re.Match[str]) -> bool:
    src = match.groupdict().get("src")
    if kind == "copyright":
        return (
            bool(match.group("lic"))
            or bool(match.group("year"))
            and bool(src)
            and len(src.split()) <= 8
        )
    if kind == "source" and src:  # "Source: https://...": a link line, not a name
        return (
            len(src.split()) <= 8
            and not src.rstrip().endswith(",")
            and not re.match(r"https?://", src.strip())
        )
    if kind == "editors":  # names only: "Edited by the council, the plan ..." is a sentence
        names = split_names(match.group("by"))
        return bool(names) and all(w[:1].isupper() for n in names for w in n.split())
    if kind == "link":  # a story's address has a path: a bare site is a reference, no story
        return bool(re.match(r"https?://[^/\s]+/[^\s]*[\w-]{3}", match.group("url")))
    if kind == "label":  # "Author: Jane Roe" closing the text; not "Interview: on the ferry"
        return bool(parse_byline(match.group("by"))[0])
    return True


def strip_footers(raw: str, spans: list[Span]) -> tuple[list[Span], Credits]:
    """Remove credit lines from the end of the last spans; return the spans left and the credits."""
    credits = Credits()
    spans = list(spans)
    for _ in range(8):
        if not spans:
            break
        start, end = spans[-1]
        found = match_footer(raw, start, end)
        if not found:
            break
        kind, match, offset = found
        _record(credits, kind, match)
        new = trim(raw, start, offset + match.start("line"))
        if new[1] > new[0]:
            spans[-1] = new
        else:
            spans.pop()
    return spans, credits


def _record(credits: Credits, kind: str, match: re.Match[str]) -> None:
    line = re.sub(r"\s+", " ", match.group("line")).strip()
    groups = match.groupdict()
    src = (groups.get("src") or "").strip()
    if kind in ("license", "copyright", "notice"):
        if kind == "notice":
            lic = notice_license(line)
        else:
            lic = license_id(groups.get("lic") or "") or (
                license_id(line) if kind == "license" else None)
        if lic and not credits.license:
            credits.license, credits.license_line = lic, line
        if kind == "copyright" and groups.get("lic"):
            credits.license = credits.license or ALL_RIGHTS_RESERVED
    if kind in ("license", "copyright", "source") and src and credits.source is None:
        credits.source = src.strip(" .,:;")
        credits.attribution = line
    elif kind in ("credits", "author") and groups.get("by"):
        credits.authors = split_names(groups["by"])
    elif kind == "label" and not credits.authors:
        credits.authors = parse_byline(groups["by"])[0]
    elif kind == "link" and credits.url is None:
        credits.url = groups["url"].rstrip(".,;)")
    elif kind == "email" and credits.email_domain is None:
        credits.email_domain = groups["domain"].lower()
    elif kind == "signoff" and credits.signoff is None:
        credits.signoff = line
        if line[:1].isalpha() and credits.source is None:
            credits.source = credits.attribution = line  # a wire sign-off names the agency


_NAME_SPLIT = regexes.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*")


def split_names(text: str) -> list[str]:
    """Personal names in a credit ("A, B and C") as a list."""
    names = [n.strip(" .") for n in _NAME_SPLIT.split(text) if n.strip(" .")]
    return [n for n in names if 1 <= len(n.split()) <= 5]


# Arabic papers name themselves inside the story: 'علمت "المثال"' (al-Mithal has learned),
# 'وقال لـ"المثال"' (he told al-Mithal). Quoted, right after the verb or the preposition.
_SELF_REFERENCE = regexes.compile(
    r"(?:علمت|علمته|أكد|أكدت|قال|قالت|صرح|صرحت|أوضح|أوضحت|أفاد|أفادت)?\s*(?:لـ|ل|ل-)\s*[«\"“](?P<a>[^\"”»\n]{2,25})[»\"”]"
    r"|(?:علمت|نشرت|انفردت)\s+[«\"“](?P<b>[^\"”»\n]{2,25})[»\"”]"
)


def outlet_named_in_text(text: str) -> str | None:
    """An outlet a story names as itself ('علمت "المثال"'), or None."""
    match = _SELF_REFERENCE.search(text)
    if not match:
        return None
    return (match.group("a") or match.group("b")).strip()
