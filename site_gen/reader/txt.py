"""Plain-text articles: paragraphs from layout, a title line, bylines, datelines, credit lines.

Plain text is what datasets and copy-paste produce, so its structure is read from layout
(``layout.text_paragraphs``) and from conventions of news copy:
* a short first line standing alone (no sentence-final full stop) is the headline;
* ``By NAME`` (or ``Author: NAME``, ``Interview: NAME`` ...) on its own line near the top is a
  byline (a date on it is the publication date, an outlet on it the source: "By Jane Roe,
  Reuters | June 21, 2023"; a known agency alone, "By dpa", is the author and the source);
  ``Author: NAME`` closing the text too, and a closing bio ("Jane Roe is a reporter at ...")
  names the author when nothing else does (it stays in the text);
* an "outlet – place" first line (Arabic papers: ``صحيفة المثال – جدة``) names outlet and place;
* credit lines at the end (``SOURCE: X``, licence notices, sign-offs, tag lists) become
  metadata (``attribution.strip_footers``) and leave the body;
* a dateline opening the story (``TEHRAN -``, ``LONDON (Reuters) -``) becomes ``dateline`` and
  leaves the paragraph (a line that is only a dateline written as a sentence, ``МОСКВА,
  10 авг – РИА Новости.``, stays in the body as written); an unsure one (``ঢাকা:`` in a
  script without capitals) is recorded but kept in the text, and a prefix naming a known
  outlet (``خبرگزاری مهر:``) gives the source;
* a run-on paragraph (one-line articles) is split at sentence boundaries.
Offsets of every paragraph point into the decoded file text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from site_gen import regexes
from site_gen.model import Diagnostic
from site_gen.reader.assemble import build_document
from site_gen.reader.attribution import (
    SOURCE_LABELS,
    Credits,
    outlet_named_in_text,
    split_names,
    strip_footers,
)
from site_gen.reader.bylines import (
    BYLINE_LABEL,
    bio_author,
    is_placeholder,
    looks_personal,
    parse_byline,
)
from site_gen.reader.datelines import Dateline, find_dateline, leading_agency
from site_gen.reader.dates import date_line, dates_in_text
from site_gen.reader.document import ReadResult
from site_gen.reader.layout import layout_text, text_paragraphs
from site_gen.reader.meta import Meta
from site_gen.reader.normalize import clean_inline
from site_gen.reader.paragraphs import Span, make_paragraphs, renumbered, split_run_on, trim
from site_gen.reader.places import known_place
from site_gen.reader.sentences import split_sentences
from site_gen.registry import Registry

MAX_TITLE_CHARS = 200
# The full stops that end a sentence in the scripts news is written in (Latin and others; the
# ideographic and fullwidth ones of Chinese and Japanese; the danda of Devanagari and Bengali;
# the Urdu, Armenian, Ethiopic and Myanmar ones). A question or an exclamation may be a headline.
FULL_STOPS = (".", "\u3002", "\uff0e", "\uff61", "\u0964", "\u06d4", "\u0589", "\u1362",
              "\u104b")

_BYLINE = regexes.compile(r"^(?:By|BY|by|Von|Par|Por|Di|Door)\s+(?P<names>[^\n]{2,120}?)\s*$")
_NAME = regexes.compile(r"^[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,4}$")
_ROLE = regexes.compile(
    r"\s*[,|/–—-]\s*(?:[A-Z][\w ]+ )?(?:Correspondent|Reporter|Editor|Staff).*$"
)
_OUTLET_PLACE = regexes.compile(r"^(?P<a>[^\n–—-]{2,40}?)\s+[–—-]\s+(?P<b>[^\n–—-]{2,30}?)\s*$")
# A labelled title line of an exported record ("Title: ...", "Titel: ...", "Título: ...").
_TITLE_LABEL = regexes.compile(r"^(?:Title|Titel|Titre|Título|Titolo|Headline)\s*[:：]\s*",
                               re.IGNORECASE)
_CASELESS_PREFIX = regexes.compile(
    r"^(?P<head>[^\W\d_][^\s:：]*(?:\s[^\W\d_][^\s:：]*){0,2})\s?[:：]\s"
)


def _caseless(text: str) -> bool:
    """True when no letter of ``text`` has case (Arabic, Bengali, Chinese ...)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.lower() == c.upper() for c in letters)


def title_line(raw: str, spans: list[Span]) -> tuple[str | None, list[Span]]:
    """The headline (first block, one short line, not a sentence) and the remaining blocks."""
    if len(spans) < 2:
        return None, spans
    start, end = spans[0]
    text = raw[start:end]
    if "\n" in text or len(text) > MAX_TITLE_CHARS:
        return None, spans
    if text.endswith(FULL_STOPS) and not text.endswith(".."):
        return None, spans  # a sentence: the first paragraph (a headline is no sentence)
    if find_dateline(text) is not None or _BYLINE.match(text):
        return None, spans
    if len(text) > 120 and len(text) > 0.6 * (spans[1][1] - spans[1][0]):
        return None, spans
    return clean_inline(_TITLE_LABEL.sub("", text)), spans[1:]


@dataclass(frozen=True)
class Byline:
    """What a ``By NAME`` line says: the people, an outlet they write for, the date it gives."""

    authors: tuple[str, ...] = ()
    outlet: str | None = None
    date: str | None = None


def _byline_names(names: str, registry: Registry | None) -> tuple[list[str], str | None]:
    """(people, outlet) of a byline's names: "Jane Roe, Political Correspondent", "Jane Roe
    | June 21, 2023", "Jane Roe, Reuters" (the outlet is the employer, not an author)."""
    simple = [
        n
        for n in split_names(_ROLE.sub("", names))
        if _NAME.match(n) and looks_personal(n) and not is_placeholder(n)
    ]
    people, others = parse_byline(names)
    if not people:
        people = simple
    outlets = [o for o in others if registry is not None and registry.lookup(o)]
    people = [n for n in people if registry is None or not registry.lookup(n)]
    outlet = (
        outlets[0]
        if outlets
        else next((n for n in simple if registry is not None and registry.lookup(n)), None)
    )
    return people, outlet


def _credited(line: str) -> str | None:
    """What a byline line credits ("By NAME", "Author: NAME"), None for any other line."""
    if "\n" in line:
        return None
    match = _BYLINE.match(line)
    if match:
        return match.group("names")
    label = BYLINE_LABEL.match(line)
    if label is None or len(line) > 120:
        return None
    return line[label.end() :].strip() or None


def _only_outlets(names: str, registry: Registry | None) -> bool:
    """A byline crediting registered outlets only ("By AFP", "By dpa"): no person, no words."""
    parts = split_names(names)
    return registry is not None and bool(parts) and all(registry.lookup(p) for p in parts)


def byline(
    raw: str, spans: list[Span], registry: Registry | None = None
) -> tuple[Byline, list[Span]]:
    """A ``By NAME`` (or ``Author: NAME``) line among the first two blocks, which is then
    dropped (what it states, names, employer and date, is kept as metadata). A byline that
    credits only a known agency ("By dpa") makes it the author: it is all the text says. A
    placeholder ("By No Author") names nobody and goes too."""
    for i, (start, end) in enumerate(spans[:2]):
        names = _credited(raw[start:end])
        if names is None:
            continue
        rest = spans[:i] + spans[i + 1 :]
        if is_placeholder(names):
            return Byline(), rest
        people, outlet = _byline_names(names, registry)
        if not people and outlet and _only_outlets(names, registry):
            people = [outlet]
        if people:
            stated = dates_in_text(names)
            return Byline(tuple(people), outlet, stated[0] if stated else None), rest
    return Byline(), spans


def outlet_place_line(
    raw: str, spans: list[Span], registry: Registry
) -> tuple[str | None, str | None, list[Span]]:
    """(outlet, place, rest) for a first line "outlet – place" (or "place – agency")."""
    if len(spans) < 2:
        return None, None, spans
    text = raw[spans[0][0] : spans[0][1]]
    match = _OUTLET_PLACE.match(text)
    if not match or len(text.split()) > 6 or find_dateline(text) is not None:
        return None, None, spans
    a, b = match.group("a").strip(), match.group("b").strip()
    if registry.lookup(b) and not registry.lookup(a):
        # "place – agency", or, in some Arabic agencies' copy, "reporter – agency": in a
        # script without capitals only a known place is the dateline, a name is no place
        place = a if known_place(a) or not _caseless(text) else None
        return b, place, spans[1:]
    if registry.lookup(a) or _caseless(text):
        return a, b, spans[1:]
    return None, None, spans


def _credit_sentence(found: Dateline) -> bool:
    """A dateline written as a sentence of its own ("КАЗАНЬ, 3 мар – РИА Новости."):
    a line the story states (place, day, agency), not a prefix leading into the next words."""
    return found.raw.endswith((".", "。")) and bool(found.day or found.agency)


def take_dateline(raw: str, spans: list[Span]) -> tuple[list[Span], Dateline | None]:
    """The dateline opening the story (first paragraph, or the second after a short lead).

    A dateline prefix ("TEHRAN -") leaves its paragraph; a paragraph that is only a dateline
    written as a sentence ("PLACE, 10 Aug – Agency.") is read as the dateline and kept as
    written: the line states the day and the agency, and the body never loses text.
    """
    for i in range(min(2, len(spans))):
        start, end = spans[i]
        found = find_dateline(raw[start:end])
        if found and (i == 0 or found.agency):
            rest = trim(raw, start + found.length, end)
            if rest[1] <= rest[0] and _credit_sentence(found):
                return spans, found
            kept = [rest] if rest[1] > rest[0] else []
            return spans[:i] + kept + spans[i + 1 :], found
        if end - start > 300:
            break
    return spans, None


def lead_credit(raw: str, spans: list[Span], registry: Registry) -> tuple[str | None, str | None]:
    """(outlet, place) named at the start of the text without being a dateline; text is kept.

    "ТАСС, 3 марта." (a known agency and a date), or a "name:" prefix in a script without
    capitals: a known outlet ("خبرگزاری مهر:") or else a place ("ঢাকা:").
    """
    if not spans:
        return None, None
    agency = leading_agency(raw[spans[0][0] : spans[0][1]])
    if agency and registry.lookup(agency):
        return agency, None
    match = _CASELESS_PREFIX.match(raw[spans[0][0] : spans[0][1]])
    if not match or not _caseless(match.group("head")):
        return None, None
    found = registry.lookup(match.group("head"))
    return (match.group("head"), None) if found else (None, match.group("head"))


# The lines of a header block under the headline that state a field: labelled ones ("Date:",
# "Published:", "Source:"; author labels are the bylines'), and lines that are a date alone.
_DATE_FIELD = regexes.compile(
    r"^(?i:Date|Dated|Published|Posted|Updated|Datum|Fecha|Publié(?: le)?)\s*[:：]\s*\S")
_SOURCE_FIELD = regexes.compile(
    rf"^(?:{SOURCE_LABELS}|(?i:Publisher))\s*[:：]\s*(?P<value>\S[^\n]{{0,100}})$")
_SHORT_LINE_WORDS = 6  # "Published on 3 March 2024." may end with a full stop; a sentence is longer


def _header_line(line: str) -> bool:
    """A line of a header block: a byline, a labelled field, or a short line holding a date
    ("March 3, 2024", "Jane Roe | Velmar Herald | 3 March 2024"). A line that opens with a
    dateline, or a sentence of more than a few words, is the story's own, date or not
    ("PORT VELMAR, 5 March 2025 - The board met.")."""
    line = line.strip()
    if not line or len(line) > 160:
        return False
    if _credited(line) is not None or _DATE_FIELD.match(line) or _SOURCE_FIELD.match(line):
        return True
    if find_dateline(line) is not None or (
            line.endswith(FULL_STOPS) and len(line.split()) > _SHORT_LINE_WORDS):
        return False
    return date_line(line) is not None


def split_header(raw: str, spans: list[Span]) -> list[Span]:
    """The first block cut into its lines when it opens with header lines under the headline
    (a byline, a date, labelled fields, each on a line of its own, with the story after a
    single line break or a blank line): each such line becomes a block of its own, for the
    steps that read bylines and dates; the rest of the block stays one paragraph."""
    if not spans:
        return spans
    start, end = spans[0]
    text = raw[start:end]
    if "\n" not in text:
        return spans
    pieces: list[Span] = []
    at = start
    for line in text.split("\n"):
        if not _header_line(line):
            break
        pieces.append(trim(raw, at, at + len(line)))
        at += len(line) + 1
    if not pieces:
        return spans
    rest = trim(raw, at, end) if at < end else (end, end)
    return [*pieces, *([rest] if rest[1] > rest[0] else []), *spans[1:]]


def header_fields(raw: str, spans: list[Span]) -> tuple[str | None, str | None, list[Span]]:
    """(date, outlet, the blocks left) of the header lines opening the text: a labelled date
    or source ("Published: ...", "Source: ..."), or a short line holding dates (the earliest:
    a story is published before it is updated). They leave the body."""
    date = outlet = None
    taken = 0
    for start, end in spans[:3]:
        line = raw[start:end]
        if "\n" in line or not _header_line(line) or _credited(line) is not None:
            break
        field = _SOURCE_FIELD.match(line.strip())
        if field:
            outlet = outlet or field.group("value").strip(" .")
        else:
            stated = date_line(line)
            if stated is None:
                break
            date = date or stated
        taken += 1
    if taken and len(spans) > taken:
        return date, outlet, spans[taken:]
    return None, None, spans


def read_txt(path: str, raw: str, registry: Registry, layers: list[Meta]) -> ReadResult:
    """A plain-text article; ``layers`` are the metadata layers above the text (sidecar)."""
    layout = layout_text(raw)
    spans = text_paragraphs(layout)
    lead_outlet, lead_place, spans = outlet_place_line(layout, spans, registry)
    title, spans = title_line(layout, spans)
    spans = split_header(layout, spans)
    by, spans = byline(layout, spans, registry)
    header_date, header_outlet, spans = header_fields(layout, spans)
    spans, credits = strip_footers(layout, spans)
    spans, dateline = take_dateline(layout, spans)
    prefix_outlet, prefix_place = (
        lead_credit(layout, spans, registry) if not dateline else (None, None)
    )
    # Paragraphs as the source made them: only an article that arrives as one unbroken block
    # (a flattened dump) is split into readable paragraphs; a long paragraph among others is
    # the source's own and stays whole.
    if len(spans) == 1:
        pieces = [(s, "p") for s in split_run_on(layout, spans[0])]
    else:
        pieces = [(s, "p") for s in spans]
    paragraphs = make_paragraphs(layout, pieces)
    standfirst = None
    if prefix_outlet and len(paragraphs) >= 3 and len(split_sentences(paragraphs[0].text)) == 1:
        # "OUTLET: one sentence that sums the story up." before the story itself: an agency's
        # lead, the standfirst, not the body's first paragraph (the prefix gives the source)
        standfirst, paragraphs = paragraphs[0].text, renumbered(paragraphs[1:])
    diagnostics: list[Diagnostic] = []
    if not paragraphs:
        message = (
            "no article text found (the file is empty or only credit lines); add the paragraphs"
        )
        diagnostics.append(Diagnostic("warning", path, message))
    body = "\n".join(p.text for p in paragraphs)
    bio = bio_author(paragraphs[-1].text) if paragraphs else None
    text_layer = _text_layer(title, list(by.authors), credits, dateline, bio)
    text_layer = replace(
        text_layer,
        source=text_layer.source
        or lead_outlet
        or prefix_outlet
        or by.outlet
        or header_outlet
        or _outlet_of_domain(credits.email_domain, registry)
        or outlet_named_in_text(body),
        dateline=text_layer.dateline or lead_place or prefix_place,
        published=header_date or text_layer.published or by.date,
    )
    document = build_document("txt", path, raw, paragraphs, [*layers, text_layer], registry,
                              standfirst=standfirst)
    return ReadResult(document, tuple(diagnostics))


def _outlet_of_domain(domain: str | None, registry: Registry) -> str | None:
    """The outlet whose domain a closing e-mail address uses, when the registry knows it (an
    address at a mail provider names no outlet)."""
    found = registry.lookup_host(domain) if domain else None
    return found.name if found else None


def _text_layer(
    title: str | None,
    authors: list[str],
    credits: Credits,
    dateline: Dateline | None,
    bio: str | None = None,
) -> Meta:
    agency = dateline.agency if dateline else None
    stated = dates_in_text(dateline.day) if dateline and dateline.day else []
    return Meta(
        basis="text",
        title=title,
        source=credits.source or agency,
        attribution=credits.attribution
        or (dateline.raw if agency and not credits.source else None),
        authors=tuple(
            authors
            or credits.authors
            or ([dateline.reporter] if dateline and dateline.reporter else [])
            or ([bio] if bio else [])
        ),
        license=credits.license,
        url=credits.url,
        dateline=dateline.place if dateline else None,
        published=stated[-1] if stated else None,
    )
