"""Direct quotations: which quoted segments are speech, and the cue and mention next to each.

A segment is attributed by the words right after it ('"...," he said', '"...," said X, a
doctor'), right before it ('X said: "..."', 'X described it as the "..."'), or by the reported
statement it sits in (a mixed quote). Short segments with none of these ("the issue of
"unity"", a title, a nickname) are scare quotes, not quotations, and are dropped. Long segments
without a cue are kept: the caller attributes them by context (the previous speaker).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from site_gen import regexes
from site_gen.quotes.clauses import (
    SUBORDINATE_START,
    inverted_opening,
    mention_after,
    participle_subject,
    sentence_subject,
    subject_before,
)
from site_gen.quotes.cues import ACCORDING, CueMatch, find_cues, is_naming, is_participle, verb_use
from site_gen.quotes.marks import QuotationEnds, Segment
from site_gen.quotes.names import RUN, Mention, parse_mention
from site_gen.quotes.reported import Report
from site_gen.quotes.sentences import Sentences


class Attribution(NamedTuple):
    """How a segment is attributed. ``how``: after | before | report | none."""

    how: str
    cue: str | None = None
    cue_start: int = -1
    mention: Mention | None = None
    elided: bool = False  # a cue without its own subject ("... but added that ...")
    report: Report | None = None


NONE = Attribution("none")
_AFTER_MAX = 160
_BEFORE_TAIL = regexes.compile(
    r"^(?:\s+(?:in|on|at|to|during|about|of|after|before|with|for|from|by|a|an|the|this|his|her"
    r"|their|its|statement|interview|speech|rally|post|tweet|letter|email|recent|last|Monday"
    r"|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|night|morning|week|year|reporters"
    r"|him|her|them|me|us|it|CNN|[A-Z][\w.'\u2019-]*|[\w'\u2019-]+)){0,10}?\s*[:,]?\s*(?:that\s*)?$")
_SHORT_TAIL = regexes.compile(r"^\s*[:,]?\s*(?:that\s*)?$")
_NAMING_TAIL = regexes.compile(
    r"^(?:\s+[\w'\u2019-]+){0,6}?\s*(?:as|it|him|her|them|this|that|a|an|the|[\w-]+s)?\s*$")
_NOUN_USE = regexes.compile(r"\b(?:a|an|the|his|her|their|its|our|my|this|that)\s+$", re.IGNORECASE)
_FIRST_PERSON = regexes.compile(r"\b(?:I|I'm|I've|we|we're|our|my|me|us)\b")


def _cues(text: str, lo: int, hi: int) -> list[CueMatch]:
    return [m for m in find_cues(text, lo, hi)
            if not _NOUN_USE.search(text, max(lo, m.start() - 6), m.start())
            and verb_use(text, m)]


# A signature after a quotation: '"..." ― Jane Doe' / '"..." — Jane Doe, the mayor' (a
# horizontal bar or dash, then the name, to the end of the line).
_DASH_SIGNED = regexes.compile(
    r"[ \t\u00a0]*[\u2015\u2014\u2013][ \t\u00a0]*|[ \t\u00a0]+--?[ \t\u00a0]+"
)
_SIGNATURE_WORDS = 12
# A paragraph that is a dash and a name after a paragraph that is one quotation (the quoted
# claims of a fact-check: '"..."' + '- Jane Doe.').
_DASH_LINE = regexes.compile(
    r"[ \t\u00a0]*\n\n?[ \t\u00a0]*(?:[\u2015\u2014\u2013]|--?)[ \t\u00a0]*(?=\S)")


def _fills_paragraph(text: str, seg: Segment) -> bool:
    """Is the quotation, with its marks, the whole of its paragraph?"""
    line_start = text.rfind("\n", 0, seg.open_at) + 1
    return not text[line_start:seg.open_at].strip()


def signature(text: str, seg: Segment) -> Attribution | None:
    """The person signing a quotation the way epigraphs and pull quotes do, when the line
    after the dash is only a name (and a description), with no verb of speech."""
    sig = _DASH_SIGNED.match(text, seg.close_end)
    if sig is None and _fills_paragraph(text, seg):
        sig = _DASH_LINE.match(text, seg.close_end)  # the signature as the next paragraph
    if sig is None:
        return None
    line_end = text.find("\n", sig.end())
    line_end = len(text) if line_end < 0 else line_end
    tail = text[sig.end():line_end]
    if not tail.strip() or len(tail.split()) > _SIGNATURE_WORDS or _cues(text, sig.end(), line_end):
        return None
    mention = mention_after(text, sig.end(), line_end)
    if mention is None or mention.kind not in ("name", "org"):
        return None
    return Attribution("after", None, sig.start(), mention)


# '"...," Jane Doe, a former director of the Velmar Dockworkers Union and a political
# organiser, wrote': a name and its apposition between a quotation and its cue.
_NAME_APPOSITION = regexes.compile(
    r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){1,3},\s+(?:a|an|the|who|whose|his|her|[a-z]+)\s"
    r"[^,;:\u201c\u201d\"]+(?:,\s+(?:and\s+)?[^,;:\u201c\u201d\"]+)?,?")
_APPOSITION_WORDS = 30


def after(text: str, sents: Sentences, seg: Segment, next_open: int) -> Attribution | None:
    """'"...," he said.' / '"...," said John Smith, a doctor.'"""
    here = seg.close_end
    while here < len(text) and text[here] in " \t\u00a0":
        here += 1
    if here >= len(text) or text[here] == "\n":
        return None
    _, s_end = sents.span(here)
    limit = min(s_end, next_open, seg.close_end + _AFTER_MAX)
    gap = seg.close_end
    while gap < limit and text[gap] in " ,":
        gap += 1
    acc = ACCORDING.match(text, gap) if text[gap + 1:gap + 9].lower() == "ccording" else None
    if acc:
        mention = mention_after(text, acc.end(), limit)
        return Attribution("after", acc.group(), acc.start(), mention) if mention else None
    found = _cues(text, seg.close_end, limit)
    if not found:
        return None
    m = found[0]
    piece = text[seg.close_end:m.start()].strip(" ,\u2014\u2013-\u00a0")
    if sents.index(m.start()) != sents.index(here) or len(piece.split()) > 12 and not (
            _NAME_APPOSITION.fullmatch(piece) and len(piece.split()) <= _APPOSITION_WORDS):
        return None
    if "," in piece and SUBORDINATE_START.match(text, sents.span(here)[0]) \
            and before(text, sents, seg, sents.span(here)[0], False) is not None:
        # 'While Doe has cautioned against "...", in ..., Reyl has pledged ...': a quotation in
        # the opening clause is its cue's, not the main clause's after the comma
        return None
    if piece:
        mention = subject_before(text, seg.close_end, m.start())
    elif is_participle(text, m):
        # '... a defence of "home values," saying the city ...': a participle has no subject
        # after it (what follows is what was said); it shares the sentence's subject
        return Attribution("after", m.group(), m.start(), None, True)
    else:
        mention = mention_after(text, m.end(), limit)
    if mention is None:
        return None
    if last_char(text[seg.start:seg.end]) == "." and next_open < len(text) \
            and _INTRODUCES.fullmatch(text, m.end(), next_open) is not None:
        # '"... the board." Roe replied, "...": a quotation that ends its own sentence, then a
        # cue that opens the next quotation: the cue is that one's
        return None
    return Attribution("after", m.group(), m.start(), mention)


# From a cue to the next quotation: its own short phrase, then a comma or a colon.
_INTRODUCES = regexes.compile(r"[^.!?\n\"\u201c\u201d]{0,60}[,:][ \u00a0]*")


def before(text: str, sents: Sentences, seg: Segment, lo: int, short: bool) -> Attribution | None:
    """'X said: "..."', 'X described it as the "..."', '... but added that "..."'."""
    hi = seg.open_at
    acc = list(ACCORDING.finditer(text, lo, hi)) if text.find("ccording", lo, hi) >= 0 else []
    for m in reversed(_cues(text, lo, hi)):
        tail = text[m.end():hi]
        if is_naming(m.group()):
            ok = bool(_NAMING_TAIL.match(tail))
        else:
            ok = bool((_SHORT_TAIL if short else _BEFORE_TAIL).match(tail))
        if not ok:
            continue
        participle = is_participle(text, m)
        mention = participle_subject(text, lo, m.start()) if participle \
            else subject_before(text, lo, m.start()) or inverted_opening(text, m, hi)
        return Attribution("before", m.group(), m.start(), mention, mention is None)
    if acc and not short:
        mention = mention_after(text, acc[-1].end(), hi)
        if mention is not None:
            return Attribution("before", acc[-1].group(), acc[-1].start(), mention)
    return None


def last_char(s: str) -> str:
    """The last character that is not space or a closing bracket/mark ("" when none)."""
    t = s.rstrip(" \t\n\u00a0)]'\u2019\"\u201d")
    return t[-1:] or "\u0000"


def is_short(text: str, seg: Segment) -> bool:
    inner = text[seg.start:seg.end]
    words = len(inner.split())
    if words >= 8:
        return False
    if words >= 5 and (last_char(inner) in ".!?" or _FIRST_PERSON.search(inner)):
        return False
    return True


def attribute(text: str, sents: Sentences, segs: Sequence[Segment], reports: Sequence[Report],
              scare_quotes: bool = True) -> list[tuple[Segment, Attribution]]:
    """Each segment that is a quotation, with its attribution (scare quotes dropped unless
    ``scare_quotes`` is False: then only one-word segments are)."""
    out: list[tuple[Segment, Attribution]] = []
    ends = QuotationEnds(segs)
    for i, seg in enumerate(segs):
        short = is_short(text, seg) if scare_quotes else len(text[seg.start:seg.end].split()) < 2
        s_start, _ = sents.span(seg.open_at)
        lo = ends.after(s_start, seg.open_at)
        att = _own(text, sents, segs, i, lo, short, reports)
        rep = next((r for r in reports if r.start <= seg.open_at < r.end), None)
        if rep is not None and (att is None or att.mention is None):
            att = _later_clause(text, rep, seg, lo) or att
        if rep is not None and (att is None or att.mention is None
                                or _distance(seg, att.cue_start) > _distance(seg, rep.cue_start)
                                # a statement that ends with the quotation, before the next
                                # speaker's cue ('At "less able schools," Reyl said: ...')
                                or seg.close_end <= rep.end <= att.cue_start):
            att = Attribution("report", rep.cue, rep.cue_start, rep.mention, rep.elided, rep)
        if att is None and lo == s_start and _LEAD_COLON.search(text, max(0, s_start - 4), s_start):
            # 'Jane Doe, the spokeswoman, wrote:' closing the paragraph before this quotation
            att = before(text, sents, seg, sents.span(s_start - 4)[0], False)
        if att is None:
            standalone = lo == s_start and not text[s_start:seg.open_at].strip()
            if short and not (standalone and last_char(text[seg.start:seg.end]) in ".!?,"):
                continue
            att = NONE
        out.append((seg, att))
    _signatures(text, out)
    return share_in_chains(out)


# A pull quote's last line naming who said it: 'Jane Doe, a scholar at X, on Y."'
_SIGNATURE = regexes.compile(r"[\u2014\u2013-]?[ \u00a0]*(" + RUN.pattern
                             + r"),[ \u00a0]+[^.!?\"\u201c\u201d\n]{3,140}\.?[\"\u201d]")


def _signatures(text: str, found: list[tuple[Segment, Attribution]]) -> None:
    """A cue-less quotation signed after a dash on its line ('"..." ― Jane Doe'), or left open
    at its paragraph's end when the next paragraph is a signature line that closes it ('"We
    have seen nothing like it.' + 'Jane Doe, a scholar at X."'): the name is the speaker."""
    for i, (seg, att) in enumerate(found):
        if att.how == "none" and seg.closed:
            signed = signature(text, seg)  # '"..." ― Jane Doe'
            if signed is not None:
                found[i] = (seg, signed)
            continue
        if att.how != "none" or seg.closed or seg.continues or not text.startswith("\n\n", seg.end):
            continue
        nxt = seg.end + 2
        end = text.find("\n\n", nxt)
        m = _SIGNATURE.fullmatch(text, nxt, len(text) if end < 0 else end)
        if m is None or find_cues(text, nxt, m.end()):
            continue
        mention = parse_mention(m.group(1), m.start(1))
        if mention is not None and mention.kind == "name" and " " in (mention.name or ""):
            found[i] = (seg, Attribution("after", None, m.start(1), mention))


_CLAUSE_CUT = regexes.compile(r"[,;()\u2014\u2013]")


def _later_clause(text: str, rep: Report, seg: Segment, lo: int) -> Attribution | None:
    """'While X has vowed to ..., Y has pledged to "cancel" it' / '(X called it "..."), Y
    replied by saying, "..."': a cue of a later clause of the reported statement, with a
    name of its own opening that clause, is what the quotation belongs to."""
    start = max(lo, rep.cue_start + len(rep.cue))
    cues = [c for c in find_cues(text, start, seg.open_at) if c.start() > rep.cue_start]
    if not cues:
        return None
    c = cues[-1]
    cuts = list(_CLAUSE_CUT.finditer(text, rep.cue_start, c.start()))
    if not cuts:
        return None
    mention = sentence_subject(text, cuts[-1].end(), c.start())
    if mention is None or mention.kind != "name" or rep.mention is not None \
            and rep.mention.kind == "name" and rep.mention.name == mention.name:
        return None
    return Attribution("before", c.group(), c.start(), mention)


def _distance(seg: Segment, cue_start: int) -> int:
    return cue_start - seg.close_end if cue_start >= seg.close_end else seg.open_at - cue_start


def _own(text: str, sents: Sentences, segs: Sequence[Segment], i: int, lo: int, short: bool,
         reports: Sequence[Report] = ()) -> Attribution | None:
    """The cue right after the segment or right before it in its sentence (not a cue after it
    whose own statement follows it: '"... duty." During the meeting, Jane Doe expressed her
    thanks ...')."""
    seg = segs[i]
    next_open = segs[i + 1].open_at if i + 1 < len(segs) else len(text)
    ends_open = bool(last_char(text[seg.start:seg.end]) in ",!?\u2014\u2013-"
                     or _COMMA_AFTER.match(text, seg.close_end, seg.close_end + 3))
    att = after(text, sents, seg, next_open) if (ends_open or not short) else None
    if att is not None and last_char(text[seg.start:seg.end]) in ".!?" and _NEW_SENTENCE.match(
            text, seg.close_end, att.cue_start) and any(
            r.cue_start == att.cue_start and r.start > att.cue_start for r in reports):
        att = None  # (the quotation closed its sentence; a new one opens before the cue)
    return att or before(text, sents, seg, lo, short)


# A sentence that opens with an introductory phrase after a quotation that closed its own.
_NEW_SENTENCE = regexes.compile(
    r"\s*(?:During|In|At|On|After|Before|Later|Meanwhile|Then|When|While|Earlier|Still|Yet|But"
    r"|However|Since|Following|With|For|From|By|Under|Among)\s[^,]{1,60},")
_LEAD_COLON = regexes.compile(r":[ \u00a0]*\n\n$")
_COMMA_AFTER = regexes.compile(r"\s*[,\u2014\u2013-]")


def share_in_chains(found: list[tuple[Segment, Attribution]]) -> list[tuple[Segment, Attribution]]:
    """A multi-paragraph quotation is attributed once (usually in its last paragraph): every
    cue-less part of the chain takes the attribution of the nearest attributed part."""
    out = list(found)
    chains: list[list[int]] = []
    for i, (seg, _) in enumerate(out):
        if seg.continued and chains and out[chains[-1][-1]][0].continues:
            chains[-1].append(i)
        else:
            chains.append([i])
    for chain in chains:
        known = [i for i in chain if out[i][1].how != "none"]
        if not known or len(chain) == 1:
            continue
        for i in chain:
            if out[i][1].how == "none":
                j = min(known, key=lambda k: (abs(k - i), -k))
                out[i] = (out[i][0], out[j][1])
    return out
