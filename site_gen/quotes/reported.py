"""Reported (indirect) speech: "X said (that) ...", "X stressed that ...", "X told reporters
...", "According to X, ...", "..., X said." with the span of what was said.

Each sentence is scanned for cues outside quotation marks. The content starts after "that"
(allowing a short gap: "said in a statement on Tuesday that"), after the object of "tell", or
right after a verb that takes a bare clause ("said the plan failed"), and runs to the sentence
end. A content that is nothing but a quotation is left to the direct-quote stage; one holding a
quoted fragment is kept whole (the fragment is also a direct quote: a *mixed* quote).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from site_gen import regexes
from site_gen.quotes.clauses import (
    SUBORDINATE_START,
    inverted_opening,
    mention_after,
    participle_subject,
    reads_as_clause,
    sentence_subject,
    speaker_after,
    subject_before,
)
from site_gen.quotes.cues import (
    ACCORDING,
    CueMatch,
    base_of,
    find_cues,
    ing_form,
    is_bare,
    is_naming,
    is_ongoing,
    is_participle,
    is_transitive,
    needs_speaker,
    verb_use,
)
from site_gen.quotes.marks import QuotationEnds, Segment
from site_gen.quotes.names import PRONOUNS, RUN, Mention, parse_mention
from site_gen.quotes.sentences import Sentences


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n\u00a0,;:":
        end -= 1
    return end


class Report(NamedTuple):
    """One reported statement: ``start``/``end`` is what was said; ``mention`` who said it
    (None with ``elided``: the cue has no subject of its own, "... and said that ...")."""

    start: int
    end: int
    cue: str
    cue_start: int
    mention: Mention | None
    elided: bool = False
    emit: bool = True  # False: the content is only a quotation (kept to attribute it)


_NOUN_USE = regexes.compile(
    r"(?:\b(?:a|an|the|his|her|their|its|our|my|your|this|that|whose)|['\u2019]s)\s+$",
                       re.IGNORECASE)
_WORDS = regexes.compile(r"[\w'\u2019]+")
_TELL = frozenset("tell tells told telling".split())
# Who was told: 'host Jane Doe', 'the Velmar Herald', a pronoun, a group, a description, a name.
_OBJECT = regexes.compile(
    r"\s+(?:(?:the\s+|[a-z]+[a-rt-z]\s+)[A-Z][\w.'\u2019-]*(?:\s+(?:of\s+)?[A-Z][\w.'\u2019-]*){0,4}"
    r"(?=\s+(?:[a-z]|on\s|last\s|this\s|[A-Z][a-z]+day\b)|,)"
    r"|him|her|them|me|us|you|reporters|journalists|supporters|voters|listeners|viewers"
    r"|(?:the|a|an|his|her|their|its|our)(?:\s+[\w'\u2019-]+){1,3}?(?=\s+(?:that|he|she|they|it|we|I"
    r"|the|his|her|there)\b)|(?:the|a|an|his|her|their)\s+[\w'\u2019-]+"
    r"|(?:[A-Z][\w.'\u2019-]*)(?:\s+[A-Z][\w.'\u2019-]*){0,3})")
_THAT_GAP = regexes.compile(r"(?:\s+[\w.'\u2019$%-]+){0,10}?\s+that\s+")
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# Where something was said: 'in a statement', 'during a news conference'.
_MEDIA = (r"(?:statement|interview|e-?mail|letter|speech|post|tweet|release|(?:news|press)\s+"
          r"conference|briefing|call|message|video|op-ed|filing|memo|address|podcast|broadcast"
          r"|hearing|rally|appearance)\b")
# The first word of a clause: 'the', a pronoun, a name, a number.
_CLAUSE_OPENER = (r"(?:the|a|an|he|she|they|we|I|it|there|his|her|their|its|this|these|those"
                  r"|that|[A-Z][\w'\u2019-]*|\d[\d,.]*)")
# Words that make the words between a cue and a later "that" a clause of their own, the
# content itself ('said she was not going to jump to that conclusion'), not what stands
# between a cue and its content ('said on Monday that', 'told reporters in a statement that').
_GAP_CLAUSE = regexes.compile(
    r"\b(?:I|he|she|they|we|it|there|is|was|were|are|am|be|been|would|will|could|should|can"
    r"|may|might|must|has|had|have|did|does|do)\b")
_NOT_CLAUSE = regexes.compile(
    r"\s*(?:[,.;:!?)\u2014\u2013]|$|(?:in|on|at|during|after|before|to|of|about|with|for|last|this"
    r"|so|nothing|something|anything|goodbye|hello|yes|no|thanks|thank|much|more|little|than|by"
    r"|as|from|through|over|into|up|out|afterward|later|earlier|recently|repeatedly|again|once|too"
    r"|outside|inside|near|behind|via"
    r"|" + _DAYS + r")\b)")
_NOT_OBJECT = regexes.compile(r"\s*(?:[,.;:!?)\u2014\u2013]|$|(?:by|as|in|at|with|from|during|after"
                              r"|here|there|above|below"
                              r"|before|when|while|if|because|since|and|or|but|himself|herself"
                              r"|themselves|back|up|off|out)\b)")
# A clause after a cue and a comma: "that", or a pronoun subject and its verb.
_COMMA_CLAUSE = regexes.compile(
    r"\s+(?:that\s+(?=[\w\u2019'])|(?=(?:he|she|they|we|I|there|it)\s+(?:is|was|were|are|would"
    r"|will|could|should|had|has|have|did|does|do|can|may|might|must|[a-z]+ed)\b)"
    # a condition or a time first: 'She said, if elected, she would ...'
    r"|(?=(?:if|when|once|unless|after|before)\s[^,;:\"\u201c]{1,60},\s+(?:he|she|they|we|I|it"
    r"|there)\s+(?:is|was|were|are|would|will|could|should|had|has|have|can|may|might|must)\b))")
# Words that _NOT_CLAUSE turns away but that open a clause here: 'said this is ...', 'said
# more than 100 people ...', 'says too many women are ...'.
_CLAUSE_AFTER_ALL = regexes.compile(
    r"\s+(?:this\s+(?:is|was|will|would|could|should|has|had|must|may|might|can)"
    r"|more\s+than\s+\d|too\s+(?:many|much|few|little)\s+[a-z]+\s+[a-z]+)\b")
_QUESTION = regexes.compile(r"\s+(?:whether|if|why|how|what|when|where|who)\s+")
# Who was asked, before the question: 'asked the mayor whether', 'asked Tom Reyl how'.
_ASK_OBJECT = regexes.compile(
    r"\s+(?:him|her|them|me|us|you|reporters|(?:the|a|an|his|her|their|its|our)"
    r"(?:\s+[\w'\u2019-]+){1,3}?|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})"
    r"(?=\s+(?:whether|if|why|how|what|when|where|who)\s)")
# A noun phrase: a determiner or a possessive name.
_NP_START = regexes.compile(
    r"\s+(?:the|a|an|his|her|their|its|our|my|your|some|many|several"
    r"|[A-Z][\w-]*(?:['\u2019]s|s['\u2019]))\s")
# Cues whose statement may be an infinitive ('claimed to have voted twice', 'threatened to
# sue'); a threat's object alone is no statement ('the storm threatened the coast').
_TO_CUES = frozenset(("claim", "threaten"))
_TO_VERB = regexes.compile(r"\s+to\s+(?:not\s+)?(?!(?:the|a|an|his|her|their|its|him|them|me|us)\b)"
                           r"[a-z]{2,}\b")
# What a request asks: someone (a few words) to do something, or for something.
_ASK_TO = regexes.compile(
    r"\s+(?:(?:[\w'\u2019.-]+\s+){0,5}?for\s+(?!(?:years|months|weeks|days|hours|decades)\b)"
    r"[a-z]{2,}\b|(?:[\w'\u2019.-]+\s+){1,6}?to\s+(?!(?:the|a|an|his|her|their|its|this|that|be|him|them|me"
    r"|us)\b)[a-z]{2,}\b)")
_TO_DO = regexes.compile(r"\s+to\s+(?!(?:the|a|an|his|her|their|its|this|that|him|them|me|us)\b)"
                         r"[a-z]{2,}\b")  # 'asked to explain': a request of one's own
_PASSIVE_BEFORE = regexes.compile(
    r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:[a-z]+ly\s+)?$"
)
_TRAIL_WORDS = 7


# When something was said, between a cue (or who was told, or where) and what was said.
_TIME = (r"(?:on\s+)?(?:" + _DAYS + r")(?:\s+(?:night|morning|afternoon|evening))?"
         r"|yesterday|today|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)"
         r"|earlier|later")
_WHEN = regexes.compile(r"\s+(?:" + _TIME + r")\b(?=\s+[a-z\"\u201c])")


# Where and how it was said, between a cue and a clause without "that": 'said in a statement
# the plan was dead', 'said in a phone interview on Monday night she would run'.
_MEDIUM = regexes.compile(
    r"\s+(?:in|on|at|during|via|over|through)\s+(?:a|an|the|his|her|their|its|our)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?" + _MEDIA +
    r"(?:\s+(?:" + _TIME + r"))?(?=\s+" + _CLAUSE_OPENER + r"\s+\w)")


# An adverb, a medium or a day set off by commas between a cue (or who was told) and a "that"
# clause ('said, however, that', 'said, in an email, that').
_ASIDE = regexes.compile(
    r",\s*(?:however|though|moreover|nonetheless|nevertheless|meanwhile|too|also"
    r"|in\s+fact|of\s+course|instead|again|later|privately|publicly"
    r"|(?:in|on|at|during)\s+(?:a|an|the|his|her|their|its)\s+(?:[a-z]+\s+)?"
    + _MEDIA + r"|on\s+(?:" + _DAYS + r"))\s*,\s"
)
_TOLD_WHEN = regexes.compile(r"\s+(?:" + _TIME + r")\b(?=\s+" + _CLAUSE_OPENER + r"\s)")


def _content_start(text: str, m: CueMatch, s_end: int, s_start: int) -> int | None:
    j = m.end()
    cue = m.group().lower()
    when = _WHEN.match(text, j, s_end)
    if when and is_bare(cue):
        j = when.end()
    first = cue.split()[0]
    if base_of(first) in _TO_CUES and (to := _TO_VERB.match(text, j, s_end)):
        return to.start() + 1  # 'claimed to have voted twice', 'threatened to veto the bill
        # that ...' (a "that" after the infinitive opens no statement of its own)
    gap = _THAT_GAP.match(text, j, s_end) if text.find("that", j, s_end) >= 0 else None
    if gap and not _GAP_CLAUSE.search(text, j, gap.end() - 5) and not (
            is_bare(cue) and first not in _TELL and _NP_START.match(text, j)):
        # (after a bare cue, words that open with a noun phrase are the clause itself: 'saying
        # his comments reflect an intolerance that extends ...')
        return gap.end()
    if (is_bare(cue) or first in _TELL) and (aside := _ASIDE.match(text, j, s_end)):
        j = aside.end() - 1  # 'said, however, that ...': the content after the aside
        gap = _THAT_GAP.match(text, j, s_end)
        if gap and not _GAP_CLAUSE.search(text, j, gap.end() - 5):
            return gap.end()
    if is_bare(cue) and (medium := _MEDIUM.match(text, j, s_end)) and not _NOT_CLAUSE.match(
            text, medium.end(), s_end):
        return medium.end()
    if first in _TELL:
        obj = _OBJECT.match(text, j, s_end)
        if obj is None:
            return None
        j = obj.end()
        when = _TOLD_WHEN.match(text, j, s_end)  # 'told the Velmar Herald last week she ...'
        if when:
            j = when.end()
        if aside := _ASIDE.match(text, j, s_end):  # 'told the Velmar Herald, however, that'
            gap = _THAT_GAP.match(text, aside.end() - 1, s_end)
            if gap and not _GAP_CLAUSE.search(text, aside.end() - 1, gap.end() - 5):
                return gap.end()
    if text.startswith(":", j) or text.startswith(" :", j):
        return j + 1
    if text.startswith(",", j) and (is_bare(cue) or first in _TELL) and (
            comma := _COMMA_CLAUSE.match(text, j + 1, s_end)) and (
            text.find(",", s_start, m.start()) < 0):  # not 'It is clear, he said, that ...'
        return comma.end()  # 'He added, that ...', 'She said, they would ...'
    if cue.startswith("ask"):  # 'asked whether ...', 'asked the mayor if ...'
        q = _QUESTION.match(text, j, s_end)
        if q is None and first != "asking" and (obj := _ASK_OBJECT.match(text, j, s_end)):
            q = _QUESTION.match(text, obj.end(), s_end)
        if q is None and cue in ("asked", "asks", "ask") and _ASK_TO.match(text, j, s_end) \
                and not _PASSIVE_BEFORE.search(text, max(s_start, m.start() - 12), m.start()):
            return j  # a request: 'asked voters to think about ...', 'asked for a delay'
        return q.start() + 1 if q else None
    if (is_bare(cue) or first in _TELL) and (
            not _NOT_CLAUSE.match(text, j, s_end) or _CLAUSE_AFTER_ALL.match(text, j, s_end)):
        return j
    if is_transitive(cue) and not _NOT_OBJECT.match(text, j, s_end):
        return j
    return None


def _uncovered(text: str, start: int, end: int, segs: Sequence[Segment]) -> str:
    """The content with every quoted segment (marks included) removed."""
    parts, pos = [], start
    for s in segs:
        if s.close_end <= start or s.open_at >= end:
            continue
        parts.append(text[pos:max(pos, s.open_at)])
        pos = max(pos, s.close_end)
    parts.append(text[pos:end])
    return "".join(parts)


def _inside(pos: int, segs: Sequence[Segment]) -> bool:
    return any(s.open_at <= pos < s.close_end for s in segs)


def _words(t: str) -> int:
    return len(_WORDS.findall(t))


def find_reported(text: str, sents: Sentences, segs: Sequence[Segment]) -> list[Report]:
    """Reported statements in reading order."""
    out: list[Report] = []
    opens = [s.open_at for s in segs]
    for s_start, s_end in zip(sents.starts, sents.ends, strict=True):
        cues = find_cues(text, s_start, s_end)
        # Cheap tests first: most sentences have no cue, no colon and no "according".
        colon = text.find(":", s_start, s_end) >= 0
        according = text.find("ccording", s_start, s_end) >= 0
        if not (cues or colon or according):
            continue
        lo = max(0, bisect_left(opens, s_start) - 3)
        local = [s for s in segs[lo:bisect_left(opens, s_end)]
                 if s.close_end > s_start and s.open_at < s_end]
        forward = cues and _with_lead(text, s_start, _forward(text, s_start, s_end, local, cues),
                                      local)
        paren = None  # read only when a cue comes before the forward statement's, or none
        if forward and cues[0].start() < forward[0].cue_start:
            paren = _parenthetical(text, s_start, s_end, local)
            if paren and paren[0].cue_start < forward[0].cue_start:
                forward = paren  # 'But waiting, they said, could cost them votes, who ...'
        found = (forward
                 or colon and _colon(text, s_start, s_end, local)
                 or cues and _parenthetical(text, s_start, s_end, local)
                 or according and _according(text, s_start, s_end, local)
                 or cues and _trailing(text, s_start, s_end, local)
                 or [])
        out += [Report(r.start, _trim_end(text, r.start, r.end), r.cue, r.cue_start, r.mention,
                       r.elided, r.emit) for r in found]
    return out


# The object of a cue that is a person speaking in a relative clause: "Jane Roe (D-Kestria),
# who", "Sen. Jane Roe, who".
_WHO_SAYS = regexes.compile(
    r"(?:[A-Z][\w.'\u2019-]*[ \u00a0]+){0,4}[A-Z][\w'\u2019-]*"
    r"(?:[ \u00a0]*\([^()]{1,24}\))?,[ \u00a0]+who[ \u00a0]+")


def _with_lead(text: str, s_start: int, found: list[Report], segs: Sequence[Segment],
               ) -> list[Report]:
    """``found`` with, when its first statement is a participle's without a subject of its own
    ("..., adding that ..."), the statement its sentence reports before it with a cue of its
    own ("The plan will pass, Mr. Doe said, adding that ...")."""
    if not found or not found[0].elided or not ing_form(found[0].cue):
        return found
    comma = text.rfind(",", s_start, found[0].cue_start)
    lead = _trailing(text, s_start, comma, segs) if comma > s_start else []
    if not lead or lead[-1].end > found[0].start or not is_bare(lead[-1].cue) or _words(
            text[lead[-1].cue_start + len(lead[-1].cue):comma]) > 4:
        return found  # "Before the crowd, Doe continued to attack X, blaming ...": no report
    return lead + found


def _forward(text: str, s_start: int, s_end: int, segs: Sequence[Segment],
             cues: Sequence[CueMatch]) -> list[Report]:
    out: list[Report] = []
    covered = s_start
    ends = QuotationEnds(segs)
    for m in cues:
        if m.start() < covered or _inside(m.start(), segs):
            continue
        if _NOUN_USE.search(text, max(s_start, m.start() - 8), m.start()):
            continue
        if not verb_use(text, m) or _after_quotation(text, m.start(), segs):
            continue
        opening = inverted_opening(text, m, s_end) if m.start() == s_start else None
        if opening is not None:  # 'Said Jane Doe: "..."', 'Added Roe, the plan ...'
            said = opening.start + len(opening.text)
            while said < s_end and text[said] in " \t\u00a0,:\n":
                said += 1
            if not any(said <= q.open_at < s_end for q in segs) and _words(
                    _uncovered(text, said, s_end, segs)) >= 3:
                out.append(Report(said, s_end, m.group(), m.start(), opening))
            covered = s_end
            continue
        c_start = _content_start(text, m, s_end, s_start)
        if c_start is None:
            c_start = _after_as_clause(text, s_start, m)
            if c_start is not None and _opens_quotation(text, c_start, segs):
                continue  # 'As Jane Doe said, "..."': the quotation is the statement
        if c_start is None:
            continue
        while c_start < s_end and text[c_start].isspace():
            c_start += 1
        who = None if _THAT_BEFORE.search(text, max(0, c_start - 6), c_start) \
            else _WHO_SAYS.match(text, c_start, s_end)
        if who is not None and any(who.end() <= c.start() < who.end() + 12 for c in cues):
            continue  # 'echoed Sen. Jane Roe (D-Kestria), who told a paper that ...': the
            # statement is the one the relative clause reports, with its own speaker
        # a quotation that opens in the content and runs past the sentence's end ('said that
        # he would "X. Y."'): the statement ends with it
        c_end = max([s.close_end for s in segs if c_start <= s.open_at < s_end < s.close_end],
                    default=s_end)
        rest = _uncovered(text, c_start, c_end, segs)
        # a few words of the writer's around a quotation ('said it is "..."', 'says Kestria
        # "knows full well ..."') make a mixed quote; without a quotation, a clause has three
        quoting = _holds_quotation(c_start, c_end, segs)
        if _words(rest) < (0 if quoting and _THAT_BEFORE.search(text, c_start - 6, c_start)
                           else 1 if quoting else 2
                           if c_start == m.end() + 1 and is_transitive(m.group()) else 3):
            continue
        lo = ends.after(s_start, m.start())
        participle = is_participle(text, m)
        opens = m.start() == s_start or _LEADING_AND.fullmatch(text, s_start, m.start()) \
            is not None  # "Asked about it, ...", "And asked about it, ..."
        if participle and _introduces_quotation(text, c_start, segs, cues) or (
                opens and _finite_cue_after(c_start, cues)):
            if opens and (comma := text.find(",", c_start, s_end)) > 0:
                covered = comma  # 'Asked whether she would urge Roe to run, Doe said ...':
                # a cue inside the opening clause is part of the question too
            continue  # 'While praising X, Qadiri added, "..."', 'Asked about it, X said ...'
        mention = participle_subject(text, lo, m.start()) if participle \
            else subject_before(text, lo, m.start())
        if participle and mention is None and needs_speaker(m.group()):
            mention = sentence_subject(text, s_start, m.start())  # 'Roe began by threatening'
        if needs_speaker(m.group()) and (mention is None or mention.kind in ("role", "group")):
            continue  # 'as the revelations threaten to ...': no one speaks; a later cue may
        inverted = None
        if participle:
            pass
        elif mention is None or mention.kind == "role" and reads_as_clause(mention.text):
            inverted = _inverted_report(text, s_start, m, s_end, segs)
        elif mention.kind in ("role", "group") and _comma_apart(text, mention, m.start()):
            inverted = _named_inverted(text, s_start, m, s_end, segs)
        if inverted is not None:  # 'CONTENT, said Jane Doe, a lawyer who ... .'
            out.append(inverted)
            covered = s_end
            continue
        end = _named_cue_after(text, c_start, cues, segs) if mention is None and participle or (
            # a sentence that opens with a subordinate clause: its cue's statement ends with
            # the clause when the main clause has a named speaker and a cue of its own
            SUBORDINATE_START.match(text, s_start, m.start())) else -1
        if end < 0 and _RELATIVE_BEFORE.search(text, max(s_start, m.start() - 40), m.start()):
            end = _main_cue_after(text, c_start, cues, segs)
        elif end < 0 and mention is not None and _SUBORDINATOR_BEFORE.search(
                text, max(s_start, mention.start - 12), mention.start):
            # 'In a year when Roe is talking about X, Doe said ...': the clause ends first
            end = _named_cue_after(text, c_start, cues, segs)
        if end > c_start:  # 'As for polls suggesting that X, Smith said that Y': two statements
            # (so too 'While Doe has vowed to X, Reyl has pledged to Y': the clause ends first)
            out.append(Report(c_start, end, m.group(), m.start(), mention, mention is None))
            covered = end
            continue
        join = _joined_statement(text, c_start, c_end, cues)
        if join > c_start:  # 'X suggested that A, while Reyl said that B': two statements
            out.append(Report(c_start, join, m.group(), m.start(), mention, mention is None))
            covered = join
            continue
        out.append(Report(c_start, c_end, m.group(), m.start(), mention, mention is None))
        covered = s_end
    return out


_COMMA_APART = regexes.compile(r"\s*,\s*")
_NAME_ENDS = regexes.compile(r"\s*(?:[,.;]|$)")


def _named_inverted(text: str, s_start: int, m: CueMatch, s_end: int,
                    segs: Sequence[Segment]) -> Report | None:
    """``_inverted_report`` when a name alone follows the cue ('said Tom Reyl, a lawyer' or
    '... said lobbyist Tom Reyl.'; not "said Tom Reyl's plan ...")."""
    found = _inverted_report(text, s_start, m, s_end, segs)
    if found is None or found.mention is None or found.mention.kind != "name":
        return None
    mention = found.mention
    return found if _NAME_ENDS.match(text, mention.start + len(mention.text), s_end) else None


def _comma_apart(text: str, mention: Mention, cue_start: int) -> bool:
    """A description set apart from the cue by a comma alone ('..., taxes and other issues,
    said Tom Reyl'): no subject of the cue, which a comma does not part from its verb."""
    return _COMMA_APART.fullmatch(text, mention.start + len(mention.text), cue_start) is not None


_THAT_BEFORE = regexes.compile(r"\bthat\s+$")
# 'As Jane Doe noted, CONTENT' / '..., as the Velmar Herald first reported, CONTENT': "as", its
# subject and the cue (an adverb or an auxiliary between them), opening the sentence or a part.
_AS_LEAD = regexes.compile(
    r"(?:^|[,;:\u2014\u2013]\s*|\b(?:and|but|so|yet)\s+)[Aa]s\s+[^\s,;:\u2014\u2013][^,;:\u2014\u2013]{0,80}?"
    r"\s+(?:[a-z]+ly\s+|first\s+|once\s+|has\s+|have\s+|had\s+)?$")


def _after_as_clause(text: str, s_start: int, m: CueMatch) -> int | None:
    """Where the content starts after 'As SUBJECT CUE,': the clause after the comma is what
    the subject said (a quotation there is a direct quote's lead-in, see ``_forward``)."""
    if not text.startswith(",", m.end()) or not _AS_LEAD.search(text[s_start:m.start()]):
        return None
    if is_ongoing(m.group()):
        return None  # 'As the debate went on, the mayor ...': a time, no one's words
    if _in_open_quotation(text, m.start()):
        return None  # 'as Terry said' within a speaker's own words is theirs to attribute
    return m.end() + 1


def _in_open_quotation(text: str, pos: int) -> bool:
    """Whether ``pos`` follows, in its paragraph, a quotation mark that is not closed before
    it (more opening than closing curly marks, or an odd number of straight ones)."""
    start = text.rfind("\n", 0, pos) + 1
    return (text.count("\u201c", start, pos) > text.count("\u201d", start, pos)
            or text.count('"', start, pos) % 2 == 1)


def _holds_quotation(start: int, end: int, segs: Sequence[Segment]) -> bool:
    return any(start <= s.open_at and s.close_end <= end for s in segs)


# What makes "and" without a comma join two subjects of one verb rather than two clauses:
# "both" before the first subject, or the first one a pronoun or a name ("Doe and Roe said").
_PAIRED = regexes.compile(
    r"\b(?:[Bb]oth\b[^,;.]*|(?:he|she|they|we|I|you|it)|[A-Z][\w'\u2019.-]*)$"
)
_PASSIVE_GAP = regexes.compile(r"\b(?:is|are|was|were|be|been|being)\b")
# An absolute phrase after a statement: a dash, a comma or "and", a name, its participle
# ("... together - Reyl saying he was pleased and Doe calling it ...").
_ABSOLUTE = regexes.compile(
    r"(?:,|\s(?:\u2013|\u2014|--?|and))\s+(?:with\s+)?(" + RUN.pattern + r")\s+$")
_LEADING_AND = regexes.compile(r"(?:And|But|So|Yet|Then|Also)[ \u00a0]+")
_CLAUSE_JOIN = regexes.compile(
    r",\s*(?:while|whereas|but|and)\s+|;\s*|\s(?:while|whereas|and)\s+(?=[A-Z])")


def _joined_statement(text: str, pos: int, end: int, cues: Sequence[CueMatch]) -> int:
    """Where a statement that starts at ``pos`` ends because a clause joined to it (", while",
    ", and", ", but", ";") has a named subject and a cue of its own; -1 when none does."""
    for c in cues:
        if not pos < c.start() < end:
            continue
        if is_participle(text, c):
            absolute = _ABSOLUTE.search(text, max(pos, c.start() - 60), c.start())
            if absolute is not None:
                named = parse_mention(absolute.group(1), absolute.start(1))
                if named is not None and named.kind == "name":
                    return absolute.start()  # '... optimism - Reyl saying he was ...'
            continue
        joins = list(_CLAUSE_JOIN.finditer(text, pos, c.start()))
        if not joins:
            continue
        join = joins[-1]
        if join.group()[:1].isspace() and _PAIRED.search(text, max(pos, join.start() - 40),
                                                         join.start()):
            continue  # 'said both the board and Jane Doe agreed', 'said he and Doe promised':
            # one subject of two, no second clause
        mention = subject_before(text, join.end(), c.start())
        if mention is not None and (mention.kind == "name" or mention.kind == "pronoun"
                                    and join.group()[:1] == ";") \
                and mention.start == join.end() \
                and not (join.group()[:1].isspace() and _PASSIVE_GAP.search(
                    text, mention.start + len(mention.text), c.start())):
            return join.start()  # (not 'while Jane Doe is celebrated': she says nothing)
    return -1


def _named_cue_after(text: str, pos: int, cues: Sequence[CueMatch],
                     segs: Sequence[Segment]) -> int:
    """The comma before a finite cue after ``pos`` whose subject, right after that comma, is a
    name (-1 when there is none); a comma inside a quotation ('at "less able schools,"
    Reyl said') ends the statement after the quotation's closing mark."""
    for c in cues:
        if c.start() > pos and not is_participle(text, c):
            comma = text.rfind(",", pos, c.start())
            if comma < 0:
                continue  # a cue inside the first clause ("said she'd no longer defend")
            mention = subject_before(text, comma + 1, c.start())
            if mention is None or mention.kind != "name":
                return -1
            return next((s.close_end for s in segs if s.open_at <= comma < s.close_end), comma)
    return -1


_COMMA_GAP = regexes.compile(r"[ \t\u00a0]*$")
# A relative clause's cue ('Jane Doe, who has accused the board of lying, said ...'): "who"
# and at most an auxiliary or an adverb before it, after a comma.
_RELATIVE_BEFORE = regexes.compile(
    r",[ \u00a0]+who(?:[ \u00a0]+(?:has|had|have|also|once|long|repeatedly|[a-z]+ly))*[ \u00a0]+$")
# A subordinating word right before a cue's subject, inside the sentence ("in a year when").
_SUBORDINATOR_BEFORE = regexes.compile(
    r"\b(?:when|whenever|while|whereas|although|though|because|since|after|before|once|until)"
    r"[ \u00a0]+$")
# The main clause's verb right after the comma that closes a relative clause.
_MAIN_VERB_GAP = regexes.compile(r",[ \u00a0]+(?:(?:has|had|also|then|later|[a-z]+ly)[ \u00a0]+)*$")


def _main_cue_after(text: str, pos: int, cues: Sequence[CueMatch],
                    segs: Sequence[Segment]) -> int:
    """The comma that closes a relative clause before the main clause's cue ('..., who has
    accused the board of lying, said that ...': the accusation ends at the comma), or -1."""
    for c in cues:
        if c.start() <= pos or is_participle(text, c):
            continue
        comma = text.rfind(",", pos, c.start())
        if comma >= 0 and not _inside(comma, segs) \
                and _MAIN_VERB_GAP.fullmatch(text, comma, c.start()):
            return comma
    return -1


def _inverted_report(text: str, s_start: int, m: CueMatch, s_end: int,
                     segs: Sequence[Segment]) -> Report | None:
    """'CONTENT, said Jane Doe, director of a firm that ... .' / 'CONTENT, said a handful of
    councillors who ...': a subject-less cue right after a comma, followed by who speaks (a
    name, or a phrase with an article that is no clause) however long the apposition after it:
    what precedes the comma was said."""
    if not is_bare(m.group()) or m.group().split()[0].lower() in _TELL:
        return None  # "..., blasted the plan": its object; "..., told X": who was told
    comma = text.rfind(",", s_start, m.start())
    if comma < 0 or not _COMMA_GAP.match(text, comma + 1, m.start()) or _inside(comma, segs):
        return None
    if _words(_uncovered(text, s_start, comma, segs)) < 4:
        return None
    mention = speaker_after(text, m.end(), s_end)
    if mention is None:
        return None
    return Report(s_start, comma, m.group(), m.start(), mention)


_INVERTED_GAP = regexes.compile(r"[\s,\u2014\u2013-]*")


def _after_quotation(text: str, pos: int, segs: Sequence[Segment]) -> bool:
    """The cue at ``pos`` follows a closing quotation mark ('"...," said X'): it attributes the
    quotation and what comes after it names the speaker, not what was said."""
    for s in segs:
        if s.close_end <= pos and _INVERTED_GAP.fullmatch(text, s.close_end, pos):
            return True
    return False


_COLON = regexes.compile(
    r"((?:[A-Z][\w.'\u2019-]*[ \u00a0]+){0,4}[A-Z][\w.'\u2019-]*)[ \u00a0]*:[ \u00a0]+")


# A digest's item: its heading, a dash, then who is quoted ('POLLS WERE EARLY - Jane Doe: "...',
# 'What it means - More from Doe: "...'); only before a quotation.
_LED_COLON = regexes.compile(
    r"[^\n.!?:\"\u201c]{3,160}?[ \u00a0][-\u2013\u2014][ \u00a0]*"
    r"(?:(?:More|Also)[ \u00a0]+from[ \u00a0]+)?" + _COLON.pattern)


def _colon(text: str, s_start: int, s_end: int, segs: Sequence[Segment]) -> list[Report]:
    """'Ashdown: If elected, ...' (a name, a colon, what was said)."""
    m = _COLON.match(text, s_start, s_end)
    if m is None:
        m = _LED_COLON.match(text, s_start, s_end)
        if m is None or not _opens_quotation(text, m.end(), segs):
            return []
    mention = parse_mention(m.group(1), m.start(1))
    if mention is None or mention.kind not in ("name", "org"):
        return []
    rest = _uncovered(text, m.end(), s_end, segs)
    emit = _words(rest) >= 3
    if not emit and not any(s.open_at >= m.end() for s in segs):
        return []
    return [Report(m.end(), s_end, ":", m.end(1), mention, emit=emit)]


_PAREN_CUE = regexes.compile(
    r",[ \u00a0]+((?:he|she|they|[A-Z][\w.'\u2019-]*(?:[ \u00a0]+[A-Z][\w.'\u2019-]*){0,3}|"
    r"(?:the|a|an|one|some|many|several|two|three)[ \u00a0]+[\w-]+(?:[ \u00a0]+[\w-]+)?|[a-z]+s"
    # any other phrase of a few words ("federal officials", "people close to the mayor"):
    # only when it reads as the cue's whole subject (``_whole_subject``)
    r"|(?P<phrase>[\w'\u2019-]+(?:[ \u00a0]+[\w.'\u2019-]+){1,5}?)))"
    r"[ \u00a0]+(?:also[ \u00a0]+)?(?P<cue>[a-z]+)"
    # who was told ('she told reporters,', 'he told the Velmar Herald,')
    r"(?P<told>[ \u00a0]+(?:reporters|journalists|him|her|them|us|me|the[ \u00a0]+[a-z]+"
    r"|(?:the[ \u00a0]+)?[A-Z][\w.'\u2019-]*(?:[ \u00a0]+[A-Z][\w.'\u2019-]*){0,3}))?"
    r"(?:[ \u00a0]+(?:in|on|at|during)[^,]{1,40})?,")


def _whole_subject(text: str, start: int, cue_start: int) -> Mention | None:
    """The subject of a cue when it is all of ``text[start:cue_start]`` (a conjunction, a
    relative pronoun or a clause before the cue make it something else)."""
    phrase = text[start:cue_start]
    if phrase.split()[0].lower() in PRONOUNS or reads_as_clause(phrase):
        return None  # "..., he could win solidly conservative states, ...": no subject
    mention = subject_before(text, start, cue_start)
    return mention if mention is not None and mention.start == start else None


def _parenthetical(text: str, s_start: int, s_end: int, segs: Sequence[Segment],
                   ) -> list[Report]:
    """'That culture, they said, emphasized ...' / 'Democrats, Mr. Okafor noted, are ...'."""
    pos = s_start
    # (matches may overlap: in 'Meanwhile, Kestria is playing a role, they say, ...' the
    # words up to "role," match first, and the comma before "they" is inside them)
    while (m := _PAREN_CUE.search(text, pos, s_end)) is not None:
        pos = m.start() + 1
        cue = find_cues(text, m.start("cue"), m.end("cue"))
        if not cue or _inside(m.start(), segs) or m.start() - s_start < 3 or (
                m.group("told") and m.group("cue") not in _TELL):
            continue
        if _opens_quotation(text, m.end(), segs):
            return []  # 'Referring to X, Qadiri added, "..."': a lead-in to a direct quote
        if _words(_uncovered(text, s_start, s_end, segs)) < 6:
            return []
        if m.group("phrase") is not None:
            mention = _whole_subject(text, m.start(1), m.start("cue"))
        else:
            mention = parse_mention(m.group(1), m.start(1))
        if mention is None:
            return []
        # what was said is the two pieces around the cue ('Still, he said, it failed.' ->
        # "Still" and "it failed"), as one statement (one speaker, see ``_resolve``)
        after = m.end()
        while after < s_end and text[after] in " \t\u00a0":
            after += 1
        if not text[s_start:m.start()].strip() or _words(text[after:s_end]) < 2:
            return [Report(s_start, s_end, cue[0].group(), cue[0].start(), mention)]
        return [Report(s_start, m.start(), cue[0].group(), cue[0].start(), mention),
                Report(after, s_end, cue[0].group(), cue[0].start(), mention)]
    return []


def _opens_quotation(text: str, pos: int, segs: Sequence[Segment]) -> bool:
    """A quotation opens right at ``pos`` (after spaces): the cue before it introduces that
    quotation, so the words before the cue are a lead-in, not what was said."""
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return any(s.open_at == pos for s in segs)


_CUE_TO_QUOTE = regexes.compile(r"[ \t\u00a0]*[,:]?[ \t\u00a0]*")


def _introduces_quotation(text: str, pos: int, segs: Sequence[Segment],
                          cues: Sequence[CueMatch]) -> bool:
    """A later cue of the sentence (after ``pos``) opens a quotation ('..., X added, "...'):
    the sentence is a direct quote with a lead-in."""
    for c in cues:
        if c.start() > pos:
            gap = _CUE_TO_QUOTE.match(text, c.end())
            if gap is not None and any(s.open_at == gap.end() for s in segs):
                return True
    return False


def _finite_cue_after(pos: int, cues: Sequence[CueMatch]) -> bool:
    """A cue after ``pos`` that is no participle ("Asked about it, Mr. Brandt said ..."): the
    sentence's main statement, which the participle only leads into."""
    return any(c.start() > pos and not ing_form(c.group())
               for c in cues)


# A source in lower case after "according to" ("exit polls", "state law", "three networks"):
# any words but those of accordance ("according to plan", "... to schedule", "... to size").
_SOURCE_AFTER = regexes.compile(
    r"\s+(?!(?:plan|plans|schedule|tradition|custom|size|age|rank|need|needs|taste|form"
    r"|expectations?|script|instructions|the\s+(?:plan|schedule|rules|script|book))\b)"
    r"(?:[a-z0-9][\w'\u2019-]*\s+){0,4}[a-z][\w'\u2019-]*\b")


def _according(text: str, s_start: int, s_end: int, segs: Sequence[Segment]) -> list[Report]:
    m = ACCORDING.search(text, s_start, s_end)
    if m is None or _inside(m.start(), segs):
        return []
    # who or what: a name or a description ("the agency"), else a source in lower case that is
    # no mention of a person ("exit polls", "media trackers"): still what was reported
    mention = mention_after(text, m.end(), s_end)
    if mention is None and not _SOURCE_AFTER.match(text, m.end(), s_end):
        return []
    comma = text.find(",", m.end(), s_end)
    if m.start() - s_start <= 40 and comma > 0:  # "According to X, CONTENT."
        c_start = comma + 1
        while c_start < s_end and text[c_start].isspace():
            c_start += 1
        span = (c_start, s_end)
    else:  # "CONTENT, according to X."
        span = (s_start, m.start())
    rest = _uncovered(text, span[0], span[1], segs)
    if _words(rest) < 3:
        return []
    return [Report(span[0], span[1], m.group(), m.start(), mention)]


_NAME_THEN_COMMA = regexes.compile(
    r"[ \u00a0]+[A-Z][\w.'\u2019-]*(?:[ \u00a0]+[A-Z][\w.'\u2019-]*){1,3},")


def _trailing(text: str, s_start: int, s_end: int, segs: Sequence[Segment]) -> list[Report]:
    """'CONTENT, he said (on Tuesday).' / 'CONTENT, said X.'"""
    comma = text.rfind(",", s_start, s_end)
    found = find_cues(text, comma + 1, s_end) if comma >= 0 else []
    if comma >= 0 and not found:  # "..., said Bart Nyland, policy advocate for X."
        last, comma = comma, text.rfind(",", s_start, comma)
        found = find_cues(text, comma + 1, last) if comma >= 0 else []
        name = _NAME_THEN_COMMA.match(text, found[0].end(), last + 1) if found else None
        if name is None or text[comma + 1:found[0].start()].strip():
            return []
    if comma < 0 or _inside(comma, segs):
        return []
    tail = text[comma + 1:s_end]
    if not found or is_naming(found[0].group()) or _words(tail) > _TRAIL_WORDS + 2:
        return []
    # a cue word after a determiner is a noun or an adjective ("the emails show", "slamming
    # his proposed ban"): the sentence's cue is the next one, if any
    m = next((c for c in found if not _NOUN_USE.search(text, max(comma + 1, c.start() - 8),
                                                         c.start())), None)
    if m is None:
        return []
    cue_pos = m.start()
    if _PASSIVE_BEFORE.search(text, max(comma + 1, cue_pos - 12), cue_pos) or (
            m.group().lower().startswith("ask") and (_ASK_TO.match(text, m.end(), s_end)
                                                     or _TO_DO.match(text, m.end(), s_end))):
        return []  # '..., the mayor was asked to explain', '..., Roe asked for a delay', '...,
        # the crowd was celebrating': what the comma follows is no one's words
    if text[comma + 1:cue_pos].strip():
        mention = subject_before(text, comma + 1, cue_pos)
    else:
        appos = subject_before(text, s_start, cue_pos)  # "..., Smith's aide, John Doe, told"
        if appos is not None and appos.kind == "name" and appos.start > s_start:
            comma = text.rfind(",", s_start, appos.start)
            mention = appos if comma > s_start else None
        elif m.group().split()[0].lower() in _TELL:
            mention = None  # "..., told X": X is who was told
        else:
            mention = mention_after(text, cue_pos + len(m.group()), s_end)
    if mention is None:
        return []
    if _words(_uncovered(text, s_start, comma, segs)) < 4:
        return []
    return [Report(s_start, comma, m.group(), cue_pos, mention)]
