"""The body of an extracted page: paragraphs from trafilatura's XML, with clean edges.

Main-text extractors keep what sits next to the article text: a byline paragraph ("JANE
EXAMPLE"), photo captions and labels before the first paragraph, and newsletter promos, "Our
Standards" lines, author bios or "read more" links after the last. Inside the article nothing is
removed; at the edges, short paragraphs that look like these are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from site_gen import regexes
from site_gen.model import Paragraph
from site_gen.reader.attribution import SIGNOFF_NAME
from site_gen.reader.bylines import BYLINE_LABEL, credit_like, credit_line, parse_byline
from site_gen.reader.datelines import dateline_only, find_dateline
from site_gen.reader.html_place import split_at_breaks
from site_gen.reader.normalize import clean_inline
from site_gen.reader.paragraphs import renumbered

_BLOCK_KIND = {"p": "p", "head": "h", "item": "li", "quote": "blockquote"}
_BY_LINE = regexes.compile(
    r"^(?:(?:Posted|Written|Reported|Published)\s+by|(?:Publicado|Escrito)\s+por"
    r"|(?:Publié|Écrit)\s+par|(?:Geschrieben|Verfasst)\s+von|By|Von|Par|Por|Door|Av|Af)"
    r"\s*[:：]?\s+\S",
    re.IGNORECASE)
_NAME_LINE = regexes.compile(
    r"^(?:By\s+)?(?P<name>[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,3})$"
)
_FINAL = tuple('.!?。！？؟।"”’»)】」』')  # a sentence's end, closing marks included
_SENTENCE_FINAL = tuple(".!?。！？؟।")
_CONTINUES = regexes.compile(r"^(?:['’][a-z]|[a-z]|[,.;:)])")
_DATE_ONLY = regexes.compile(
    r"^[\d\s./:,-]{6,25}$|^(?:Updated|Published|Aktualisiert|Publié)\b.{0,40}\d.{0,20}$"
)
_BRACKETED = regexes.compile(r"^\[[^\]]+\]$")
_WIDGET = regexes.compile(
    r"temporarily unavailable|try again later|^now (?:watching|playing)$|video is not available|"
    r"this video|your browser|enable javascript|loading…?$|advertisement$|"
    r"^anzeige$|^publicité$|^publicidad$|cookies?\b.*(?:accept|consent)",
    re.IGNORECASE,
)
# Promos, newsletters, standards notes, credits and bios that follow an article.
# Cues are phrased as calls to action ("sign up for", "our newsletter") so that an article that
# merely mentions subscriptions or newsletters keeps its last paragraph.
_TAIL = regexes.compile(
    r"(?:sign up|subscribe)\s+(?:for|to|now|here|today)|our (?:free )?(?:daily )?newsletter|"
    r"newsletter\s*[:!]|abonniere|abonnez-vous|suscríbete|whatsapp-kanal|telegram-kanal|"
    r"(?:whatsapp|telegram) channel|"
    r"download (?:our|the|your new) app|check your email|follow us|folge uns|suivez-nous|"
    r"our standards|trust principles|all rights reserved|contributed (?:to this )?report|"
    r"exclusively on|check it out|temporarily unavailable|try again later|please wait|"
    r"read more|czytaj (?:więcej|też|także)|leggi anche|läs också|lees ook|mehr zum thema|"
    r"lesen sie auch|lire aussi|leer más|"
    r"^\(?(?:editing|edited|reporting|writing) by\b|^[（(【\[]?(?:责任)?编辑[:：]|^【责任编辑|"
    r"^related\b|^more from\b|^see also\b",
    re.IGNORECASE,
)
# Link labels and ad markers that stand alone between paragraphs.
_INLINE_JUNK = regexes.compile(
    r"^(?:read more|read also|see also|related|advertisement|ad|anzeige|werbung|publicité|"
    r"publicidad|"
    r"pubblicità|reklama|czytaj (?:więcej|też|także)|lesen sie auch|mehr zum thema|lire aussi|"
    r"leer más|leggi anche|läs också|lees ook|devamını oku|continue reading|story continues below)"
    r"\s*[:.…»›>]*$",
    re.IGNORECASE,
)
# "... bleibt spannend. (Erika Mustermann) +++": the author in brackets after the last
# sentence, an end marker after it.
_CLOSING_AUTHOR = regexes.compile(
    r"(?<=[.!?\"”»])\s*\((?P<name>" + SIGNOFF_NAME + r")\)\s*(?:\+{3}|■|□)?\s*$"
)
_NON_WORD = regexes.compile(r"\W+")
_AGENCY_CREDIT = regexes.compile(
    r"\s*\(c\)\s*(?P<agency>[A-Z]{2,6})\s*/\s*(?P<name>[^/()\n]{3,40})$"
)


@dataclass
class Body:
    paragraphs: tuple[Paragraph, ...]
    byline: list[str] = field(default_factory=list)
    # blocks at the text's edges that are no article text (headings, labels, bylines before
    # it; labels, teasers, link lists after it): for the reader's notes
    left_before: list[str] = field(default_factory=list)
    left_after: list[str] = field(default_factory=list)


def _element_text(element) -> str:
    if element.tag == "quote" and element.find("p") is not None:
        return " ".join("".join(p.itertext()) for p in element.iter("p"))
    return "".join(element.itertext())


# Two line breaks in a row (``<br><br>``) end a paragraph, as a blank line does in a text file;
# one is a line break inside it. The extractor writes each as ``<lb/>`` but merges breaks that
# touch, so ``mark_double_breaks`` puts a paragraph separator between them before it runs.
_DOUBLE_BREAK = regexes.compile(r"(<br\s*/?>)(\s*)(?=<br\s*/?>)", re.IGNORECASE)
_SEPARATOR = "\u2029"


def mark_double_breaks(raw: str) -> str:
    """The page with a paragraph separator between line breaks that touch (see above)."""
    return _DOUBLE_BREAK.sub(lambda m: m.group(1) + m.group(2) + _SEPARATOR, raw)


def _paragraph_texts(element) -> list[str]:
    """The text of an extracted ``<p>``, cut where two line breaks follow each other."""
    return [part.replace(_SEPARATOR, " ") for part in split_at_breaks(element, "lb")]


def raw_blocks(body) -> list[tuple[str, str]]:
    """(kind, display text) of each block of trafilatura's body tree.

    Text between blocks (an element's tail: "<p>LONDON: </p>Britain<p>'s ...") is glued
    to the block that follows it.
    """
    out: list[tuple[str, str]] = []
    pending = ""
    for element in body.iter("p", "head", "item", "quote"):
        parent = element.getparent()
        if element.tag == "p" and parent is not None and parent.tag in ("quote", "item"):
            continue
        texts = _paragraph_texts(element) if element.tag == "p" else [_element_text(element)]
        own = texts[0]
        if pending and not _CONTINUES.match(own):
            out.append(("p", clean_inline(pending)))
            pending = ""
        text = clean_inline(pending + own)
        pending = element.tail if element.tail and element.tail.strip() else ""
        if text:
            out.append((_BLOCK_KIND[element.tag], text))
        out.extend(("p", t) for t in map(clean_inline, texts[1:]) if t)
    if pending.strip():
        out.append(("p", clean_inline(pending)))
    return out


def _byline(text: str) -> list[str] | None:
    """The names of a byline paragraph ("JANE EXAMPLE", "By A and B", "Author: A"), None if it
    is not one. A "By ..." line naming only staff ("By Our Foreign Staff") or a placeholder
    ("By No Author") is a byline naming nobody; one naming neither a person nor an
    organisation ("By the time the council met, ...") is the story's text."""
    if "/" in text and "://" not in text:  # "Jane Example/John Sample": a shared byline
        parts = [part.strip() for part in text.split("/")]
        matches = [_NAME_LINE.match(part) for part in parts]
        if len(parts) <= 4 and all(m and not m.group(0).lower().startswith("by ")
                                   for m in matches):
            return [m.group("name") for m in matches if m]
    match = _NAME_LINE.match(text)
    if match:
        name = match.group("name")
        if name.isupper() or all(w[:1].isupper() for w in name.split()):
            return [name]
    if _BY_LINE.match(text) or BYLINE_LABEL.match(text):
        people, others = parse_byline(text)
        if people or all(credit_like(o) for o in others):
            return people or others
    return None


_FOLLOW = regexes.compile(r"(?:\s+\w+)?\s+@\w+\s*$")
_SIGNATURE = regexes.compile(r"^(?:--|\u2014|\u2013|-)?\s*")
_BY = regexes.compile(r"By\s", re.IGNORECASE)


def _signature(text: str) -> list[str] | None:
    """The names of a closing signature line ("-- By Jane Example", "Author: Jane Example"),
    None if it is none."""
    rest = text[_SIGNATURE.match(text).end():]
    if len(text) > 80 or not (_BY.match(rest) or BYLINE_LABEL.match(rest)):
        return None
    # a follow button after the name ("Follow @handle") is no part of it
    names = _byline(_FOLLOW.sub("", rest).strip())
    # persons' names only: a closing sentence that starts with "By" is text
    if not names or not all(_NAME_LINE.match(n) for n in names):
        return None
    return names


def _is_lead_junk(text: str, real_follows: bool) -> bool:
    """A caption, kicker, label, timestamp or widget before the article's first paragraph."""
    if _DATE_ONLY.match(text) or _BRACKETED.match(text) or _WIDGET.search(text):
        return True
    return real_follows and len(text) < 80 and not text.endswith(_SENTENCE_FINAL)


def _is_real(text: str) -> bool:
    return len(text) >= 80 and text.endswith(_FINAL)


def sentence_final(text: str) -> bool:
    """Does ``text`` end like a sentence (a full stop, or a closing quotation mark)?"""
    return text.rstrip().endswith(_FINAL)


def is_tail_junk(text: str) -> bool:
    """A label, link, promo, credit or bio that follows an article's last paragraph."""
    if len(text) < 50 and not text.endswith(_FINAL):
        return True  # a label or link after the last paragraph
    if text.endswith(("...", "\u2026")) and len(text.rstrip(".\u2026 ").split()) <= 4:
        return True  # "Loading weather data ...": a placeholder a script fills, no sentence
    if len(text) < 200 and not text.endswith(_FINAL) and credit_line(text):
        return True  # "Redaktion: A, B Faktencheck: C": the editors' credits, in any length
    return len(text) < 400 and bool(_TAIL.search(text))


def _cut_teasers(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Without a closing run of other stories' teasers: paragraphs cut off mid-sentence.

    An article's own paragraphs end with a full stop (or a quotation mark); a feed of teasers
    after it is truncated at a fixed length. A run of at least four paragraphs at the end, most
    of them ending mid-sentence, starting with one that does, is cut.
    """

    def cut_off(block: tuple[str, str]) -> bool:
        return not sentence_final(block[1])

    best = len(blocks)
    cut_count = 0
    for i in range(len(blocks) - 1, 0, -1):
        kind, text = blocks[i]
        if kind != "p" or len(text) < 150:
            break  # teasers are full paragraphs; a label or list item ends the run
        cut_count += cut_off(blocks[i])
        size = len(blocks) - i
        if size >= 4 and cut_off(blocks[i]) and cut_count >= 0.6 * size:
            best = i
    own = [b for b in blocks[:best] if b[0] == "p"]
    # Only where the article's own paragraphs end with punctuation (not in every blog's style).
    if best < len(blocks) and own and sum(not cut_off(b) for b in own) >= 0.8 * len(own):
        return blocks[:best]
    return blocks


def list_label(text: str) -> bool:
    """ "Read more on this:": what follows is a list of other stories."""
    return len(text) < 60 and text.endswith((":", "："))


def _cut_link_list(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Without a closing "Read more on this:" label and the headlines listed after it."""
    for i in range(len(blocks) - 1, max(0, len(blocks) - 12), -1):
        if list_label(blocks[i][1]):
            rest = blocks[i + 1 :]
            if rest and all(len(t) < 150 and not t.endswith(_SENTENCE_FINAL) for _, t in rest):
                return blocks[:i]
    return blocks


def _opens_with_dateline(text: str, length: int) -> bool:
    found = find_dateline(text)
    return found is not None and found.length >= length


def _join_datelines(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A paragraph that is only a dateline ("NEW DELHI:") belongs to the next one, where the
    joined paragraph still opens with that dateline (a place in ordinary case, "Lyon -", is a
    dateline only alone on its line: it stays apart, and the reader takes it from there)."""
    out: list[tuple[str, str]] = []
    for kind, text in blocks:
        if (
            out
            and out[-1][0] == "p"
            and kind == "p"
            and dateline_only(out[-1][1])
            and _opens_with_dateline(out[-1][1] + " " + text, len(out[-1][1]))
        ):
            out[-1] = ("p", out[-1][1] + " " + text)
        else:
            out.append((kind, text))
    return out


@dataclass
class Edges:
    """What ``clean_edges`` keeps of the blocks, the authors it read there, and the blocks it
    left out before, inside (labels such as "Read more") and after the article's text."""

    blocks: list[tuple[str, str]]
    authors: list[str] = field(default_factory=list)
    before: list[tuple[str, str]] = field(default_factory=list)
    inside: list[tuple[str, str]] = field(default_factory=list)
    after: list[tuple[str, str]] = field(default_factory=list)


def clean_edges(blocks: list[tuple[str, str]]) -> Edges:
    """Blocks without the junk at their edges, and authors named there."""
    authors: list[str] = []
    joined = _join_datelines(blocks)
    inside = [b for b in joined if _INLINE_JUNK.match(b[1])]
    blocks = [b for b in joined if not _INLINE_JUNK.match(b[1])]
    before: list[tuple[str, str]] = []
    while len(blocks) > 1:
        kind, text = blocks[0]
        if blocks[1][0] == "p" and _is_real(blocks[1][1]) and dateline_only(text):
            blocks = [("p", text), *blocks[1:]]  # a heading "Lima" over the story: its dateline
            break
        real_follows = any(_is_real(t) for _, t in blocks[1:8])
        # a byline is a line of its own, or an item of the list of facts over the story
        # (its date, its reading time, its authors)
        names = _byline(text) if kind in ("p", "li") and len(text) < 100 else None
        if names is not None:
            authors.extend(names)
        elif not (kind == "h" and real_follows) and not _is_lead_junk(text, real_follows):
            break
        before.append(blocks[0])
        blocks = blocks[1:]
    cut = _cut_teasers(_cut_link_list(blocks))
    after = blocks[len(cut):]
    blocks = cut
    tail: list[tuple[str, str]] = []
    while len(blocks) > 1:
        kind, text = blocks[-1]
        signed = _signature(text) if kind == "p" and not authors else None
        if signed:  # "-- By Jane Example" closing the article: its byline, not its text
            authors.extend(signed)
        elif not (kind == "h" or is_tail_junk(text)):
            break
        tail.insert(0, blocks[-1])
        blocks = blocks[:-1]
    if blocks:
        kind, text = blocks[-1]
        credit = _AGENCY_CREDIT.search(text) or _CLOSING_AUTHOR.search(text)
        if credit:
            authors.append(credit.group("name").strip())
            blocks[-1] = (kind, text[: credit.start()].rstrip())
    return Edges(blocks, authors, before, inside, tail + after)


def stated_byline(text: str) -> list[str] | None:
    """The names of a short line that opens with a byline's words ("By", "Author:")."""
    if len(text) >= 100 or not (_BY_LINE.match(text) or BYLINE_LABEL.match(text)):
        return None
    return _byline(text)


def leading_byline(
    paragraphs: tuple[Paragraph, ...], furniture: list[str]
) -> tuple[tuple[Paragraph, ...], list[str]]:
    """(the body without a byline that opens it, the names of the bylines there and among
    ``furniture``, the blocks left out before it). Called after the standfirst is split off:
    pages print the byline under the standfirst, where ``clean_edges`` never looks (it stops
    at the standfirst, a full paragraph). Only a line that says it is a byline ("By ...",
    "Author: ...") counts there: a name alone under the standfirst is a photo's caption."""
    names = [n for text in furniture for n in stated_byline(text) or []]
    if len(paragraphs) > 1 and paragraphs[0].kind == "p":
        found = stated_byline(paragraphs[0].text)
        if found is not None:
            names.extend(found)
            paragraphs = renumbered(paragraphs[1:])
    return paragraphs, names


def body_paragraphs(body) -> Body:
    edges = clean_edges(raw_blocks(body))
    paragraphs = tuple(
        Paragraph(index=i, text=text, start=-1, kind=kind)
        for i, (kind, text) in enumerate(edges.blocks)
    )
    return Body(
        paragraphs,
        edges.authors,
        [t for _, t in edges.before],
        [t for _, t in (*edges.inside, *edges.after)],
    )


def text_key(text: str) -> str:
    """What two copies of a paragraph share: its letters and digits, case-folded."""
    return _NON_WORD.sub("", text.casefold())
