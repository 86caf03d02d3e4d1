"""One article's quotations and their speakers: the stages of ``site_gen.quotes`` in order
(see the package docstring), and the ``Extraction`` they give."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from site_gen import regexes
from site_gen.model import Quote, QuoteKind, SpeakerMention
from site_gen.quotes import foreign
from site_gen.quotes.attribution import Cast, Person
from site_gen.quotes.clauses import (
    PARTICIPLE_ONLY,
    coordinated_subject,
    relative_subject,
    sentence_subject,
)
from site_gen.quotes.cues import ing_form, needs_speaker
from site_gen.quotes.direct import Attribution, attribute, last_char
from site_gen.quotes.marks import Segment, find_segments
from site_gen.quotes.names import RUN, Mention, parse_mention
from site_gen.quotes.reported import Report, find_reported
from site_gen.quotes.sentences import Sentences, split_sentences

_SEP = "\n\n"
# What stands between a quotation with its cue after it and the next quotation: the rest of
# that one sentence ("Doe asked Roe. "), no other sentence, no paragraph break. The sentence
# may be long: its participle clause can name another person with a cue of their own
# ('said Doe, using a word Roe has used to describe the board, on a call with reporters.').
_ONE_TAIL = regexes.compile(r"[ \u00a0]+[^.!?\n\"\u201c\u201d]{1,200}[.!?][ \u00a0]+")
# What a cue's own statement begins with: a subject pronoun, "that", an article.
_OWN_CLAUSE = regexes.compile(r"[ \u00a0]+(?:he|she|they|it|we|I|that|the|a|an|his|her|their)\b")
# Only a participle between two quotations ('"...," adding, "..."').
_PARTICIPLE_BETWEEN = regexes.compile(r"[ \u00a0]*,?[ \u00a0]*[a-z]+ing[ \u00a0]*[,:]?[ \u00a0]*")
_DASHES = "-\u2013\u2014\u2015"
_CONTEXT = 700  # how far back (chars) a cue-less quotation looks for the current speaker


@dataclass(frozen=True)
class Extraction:
    quotes: tuple[Quote, ...]  # ids "q1", "q2", ... in reading order; offsets into paragraph text
    speakers: tuple[SpeakerMention, ...]  # every speaker_key used by quotes, once


class _Found(NamedTuple):
    start: int
    end: int
    kind: QuoteKind
    cue: str | None
    mention: str | None
    person: Person | None
    rule: str = ""  # which resolution path chose ``person`` (for measuring, see ``_resolve``)


def _join(paragraphs: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    spans, pos = [], 0
    for p in paragraphs:
        spans.append((pos, pos + len(p)))
        pos += len(p) + len(_SEP)
    return _SEP.join(p.replace("\n", " ") for p in paragraphs), spans


def _items(text: str, sents: Sentences, attributed: list[tuple[Segment, Attribution]],
           reports: list[Report], subjects: bool = True) -> list[tuple[int, int, object]]:
    """Everything to resolve, in reading order: sentence subjects (English only: elsewhere the
    clause rules misread the sentence), reports and quotations."""
    items: list[tuple[int, int, object]] = []
    quoted = sorted((seg.open_at, seg.close_end) for seg, _ in attributed)
    opens = [a for a, _ in quoted]
    # A subject is a focus for what comes after it: one far from every quotation and report
    # resolves nothing (``_CONTEXT`` is as far as a cue-less quotation looks back).
    heard = sorted([r.cue_start for r in reports] + opens)
    for k in range(len(sents) if subjects else 0):
        s, e = sents.bounds(k)
        h = bisect_left(heard, s)
        if h == len(heard) or heard[h] - e > _CONTEXT:
            continue
        j = bisect_right(opens, s - 1) - 1  # the last quotation opening before s
        if j < 0 or not quoted[j][1] > s:
            items.append((s, 0, ("subject", s, e)))
    for r in reports:
        pos = r.mention.start if r.mention else r.cue_start
        items.append((pos, 1, r))
    for seg, att in attributed:
        pos = att.mention.start if att.mention and att.how == "after" else seg.open_at
        items.append((pos, 2, (seg, att)))
    items.sort(key=lambda x: (x[0], x[1]))
    return items


def _resolve(text: str, sents: Sentences, cast: Cast, items: list[tuple[int, int, object]],
             ) -> list[_Found]:
    found: list[_Found] = []
    # each sentence's subject: its person, or the name the sentence begins with when that made
    # no person of its own (a subject is read for every sentence near a quotation: a name there
    # is taken as a speaker only when a cue without a subject of its own needs it)
    subjects: dict[int, Person | Mention | None] = {}
    owned: dict[int, Person | None] = {}  # sentences whose subject is someone's relation
    last: Person | None = None
    prev: Person | None = None  # the speaker of the latest direct quotation, and its end
    prev_at = -1
    prev_after = False  # the latest direct quotation's cue came after it
    by_report: dict[tuple[int, int], tuple[Person | None, str]] = {}
    shared: tuple[int, Person | None, str] = (-1, None, "")  # the latest report's cue, speaker
    cued: tuple[int, Person | None, str] = (-1, None, "")  # the latest quotation's cue, speaker
    asking = _asks(text, 0, len(text))  # most articles ask no one: ``_asked`` is skipped
    opens = sorted(item[0].open_at for _, k, item in items if k == 2)  # type: ignore[index]
    heard = sorted(item.cue_start for _, _, item in items if isinstance(item, Report))
    for _pos, _, item in items:
        if isinstance(item, tuple) and item[0] == "subject":
            _, s, e = item
            mention = sentence_subject(text, s, e)
            # a description ("The newspaper took note ...") is looked up only when a cue needs
            # it (most such sentences report nothing)
            person = cast.resolve(mention, mention.start, subject=True) \
                if mention and mention.kind != "role" else None
            subjects[s] = mention if person is None and mention is not None else person
            if mention is not None and mention.kind == "name" and (
                    kin := _OWNED_PERSON.match(text, mention.start + len(mention.text))):
                # "Jane Doe's lawyer issued a statement, saying ...": the possessor is who a
                # pronoun means, but the one saying is the lawyer (or the name after it)
                named = parse_mention(kin.group(1), kin.start(1)) if kin.group(1) else None
                owned[s] = cast.resolve(named, named.start, subject=True) \
                    if named is not None and named.kind == "name" else None
            if asking:
                _asked(text, s, e, cast)
            continue
        if isinstance(item, Report):
            if item.cue_start == shared[0]:  # the second piece of one statement ('A, he said, B')
                person, rule = shared[1], shared[2]
            elif item.elided and item.mention is None and ing_form(item.cue) and (
                    before := _cue_just_before(text, sents, item.cue_start, (shared, cued))
            ) is not None:
                # "..., Mr. Doe said, adding that ...": the participle goes on with the cue
                # just before it (a report's or a quotation's), not with the sentence's subject
                person, rule = before, "elided-after-cue"
                shared = item.cue_start, person, rule
            else:
                person, rule = _speaker(cast, item.mention, item.elided, item.cue_start, sents,
                                        subjects, None, owned)
                on = _goes_on(item, cast, sents)
                if on is not None:
                    person, rule = on, "pronoun:goes-on"
                shared = item.cue_start, person, rule
            by_report[(item.start, item.cue_start)] = person, rule
            if not item.emit or person is None and needs_speaker(item.cue):
                continue
            found.append(_Found(item.start, item.end, "indirect", item.cue,
                                item.mention.text if item.mention else None, person,
                                "r-" + _report_kind(item.cue) + ":" + rule))
            last = person or last
            continue
        seg: Segment = item[0]  # type: ignore[index]
        att: Attribution = item[1]  # type: ignore[index]
        if att.how == "report" and att.report is not None:
            key = (att.report.start, att.report.cue_start)
            person, rule = by_report[key] if key in by_report else _speaker(
                cast, att.mention, att.elided, att.cue_start, sents, subjects, None, owned)
            on = _goes_on(att.report, cast, sents) if key not in by_report else None
            if on is not None:
                person, rule = on, "pronoun:goes-on"
        elif att.how == "none" and not seg.continued and prev is None and prev_at >= 0 \
                and text.find(_SEP, prev_at, seg.open_at) < 0 \
                and not text[sents.span(seg.open_at)[0]:seg.open_at].strip() \
                and cast.latest(seg.open_at, seg.open_at - prev_at) is None:
            # a quotation that is a sentence of its own right after an unnamed speaker's
            # ('"...," a spokeswoman said. "..."'), no one else spoken of in between: the
            # unnamed speaker goes on, not the latest person named
            person, rule = None, "paragraph"
        elif att.how == "none" and not seg.continued \
                and _follows(text, prev, prev_after, prev_at, seg):
            # '"...," Doe asked Roe. "..."': the quotation after the sentence that attributes
            # the one before it goes on with that speaker, not with a person the cue names
            # after itself (the one asked, told, answered)
            person, rule = prev, "goes-on"
        elif att.how == "after" and last_char(text[seg.start:seg.end]) == "." \
                and att.cue_start > seg.close_end \
                and _OWN_CLAUSE.match(text, att.cue_start + len(att.cue or "")) is not None \
                and _follows(text, prev, prev_after, prev_at, seg):
            # '"...," Doe said. "... the end." Roe said he would ...': the second quotation
            # goes on with the sentence before it; the cue after it begins a sentence with a
            # statement of its own, Roe's
            person, rule = prev, "goes-on"
        elif att.how == "none":
            person = last if seg.continued else cast.latest(seg.open_at, _CONTEXT)
            rule = "continued" if seg.continued else "latest"
        elif att.elided and att.mention is None and att.cue and ing_form(att.cue) \
                and text[att.cue_start:att.cue_start + 1].isupper() \
                and sents.span(att.cue_start)[0] == att.cue_start \
                and (latest := shared if shared[0] > cued[0] else cued)[1] is not None \
                and sents.index(latest[0]) == sents.index(att.cue_start) - 1:
            # '... the report "wasn't good." Adding, "...": a participle that opens its
            # sentence goes on with the speaker of the sentence before
            person, rule = latest[1], "opening-participle"
        elif att.elided and att.mention is None and att.cue and ing_form(att.cue) \
                and prev is not None and prev_at >= 0 \
                and _PARTICIPLE_BETWEEN.fullmatch(text, prev_at, seg.open_at) is not None:
            # '..., "We are safe now. It is over," adding, "...": a participle between two
            # quotations goes on with the first one's speaker (the sentence may have ended
            # inside the first, and the participle's own sentence has no subject)
            person, rule = prev, "participle-between"
        else:
            person, rule = _speaker(cast, att.mention, att.elided, att.cue_start, sents,
                                    subjects, seg.open_at, owned)
        if person is not None and att.how == "none":
            cast.focus(person, seg.open_at)
        if att.how != "none" and att.cue_start >= 0:
            cued = att.cue_start, person, rule
        mention_text = att.mention.text if att.mention else None
        found.append(_Found(seg.start, seg.end, "direct", att.cue, mention_text, person,
                            "d-" + att.how + ":" + rule))
        lead = _mixed_lead(text, sents, seg, opens, heard) \
            if att.how == "after" and not (att.cue or "ing").split()[0].endswith("ing") else -1
        if lead >= 0:
            found.append(_Found(lead, seg.end, "indirect", att.cue, mention_text, person,
                                "m-after:" + rule))
        last = person or last
        prev, prev_at, prev_after = person, seg.close_end, att.how == "after"
    return found


_LEAD_WORD = regexes.compile(r"[^\W\d_]")


def _follows(text: str, prev: Person | None, prev_after: bool, prev_at: int, seg: Segment,
             ) -> bool:
    """Does ``seg`` open right after the sentence that attributes the quotation before it
    (one that ended at ``prev_at``, its cue after it, a speaker found)?"""
    return prev is not None and prev_after and \
        _ONE_TAIL.fullmatch(text, prev_at, seg.open_at) is not None


def _mixed_lead(text: str, sents: Sentences, seg: Segment, opens: list[int], cues: list[int],
                ) -> int:
    """'The plan is "a gift to the few," she said.': words of the speaker's statement that the
    writer put in their own words before the quotation opens make one statement with it (a
    mixed quote, reported speech holding the quoted words). Where that statement starts (its
    sentence's start), or -1: the quotation opens its sentence, is not closed, goes on from
    the paragraph before, or follows another quotation or a cue of reported speech in the
    sentence ("X said that ... and Y "..."": the report holds it). ``opens``: where the
    article's quotations open; ``cues``: its reports' cues; both sorted."""
    if seg.continued or not seg.closed:
        return -1
    s, _ = sents.span(seg.open_at)
    if s >= seg.open_at or bisect_left(opens, s) < bisect_left(opens, seg.open_at) \
            or bisect_left(cues, s) < bisect_left(cues, seg.open_at):
        return -1
    if text.find(_SEP, s, seg.open_at) >= 0 or not _LEAD_WORD.search(text, s, seg.open_at):
        return -1
    return s


# A person named by a relation to the possessor ("Jane Doe's eldest daughter", "Doe's
# lawyers"), and the name in apposition after it when there is one ("Doe's son, Tom,").
_OWNED_PERSON = regexes.compile(
    r"['\u2019]s\s+(?:[a-z][\w-]*\s+){0,2}?(?:daughter|son|wife|husband|mother|father|brother"
    r"|sister|spouse|widow|widower|partner|fianc[e\u00e9]e?|friend|aide|lawyer|attorney|spokesman"
    r"|spokeswoman|spokesperson|adviser|advisor|assistant|deputy|doctor|physician|agent)s?\b"
    r"(?:,\s+(" + RUN.pattern + r"),)?")
_AFTER_PREPOSITION = regexes.compile(
    r"\b(?:for|by|of|after|before|without|from|about|on|in|at)\s+$"
)


def _named(text: str, mention: Mention) -> bool:
    """Is a sentence's subject that made no person a name of someone who may speak: an
    organisation, a name of two words or more, or one word (not in capitals) that the article
    writes again ("Kestrelworks"), not a word that only opens this sentence ("Tension",
    "Likewise", a dateline "SELMA")?"""
    if mention.kind == "org":
        return True
    if mention.kind != "name" or not mention.name:
        return False
    if " " in mention.name.strip():
        return True
    word = mention.name.strip()
    return not word.isupper() and len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)",
                                                  text)) >= 2


# A cue, then at most a few words (its subject after it, a time, a place), a comma, a space:
# what stands between "said" and "adding" in "..., Mr. Doe said on Monday, adding that".
_CUE_THEN_COMMA = regexes.compile(r"[\w'\u2019.-]+(?:[ \u00a0]+[\w'\u2019.-]+){0,5},[ \u00a0]+")


def _cue_just_before(text: str, sents: Sentences, participle_start: int,
                     cues: tuple[tuple[int, Person | None, str], ...]) -> Person | None:
    """The speaker of the first of ``cues`` (cue start, speaker, rule) that the participle
    at ``participle_start`` follows right after (``_right_after``), if any."""
    for cue_start, person, _ in cues:
        if person is not None and _right_after(text, sents, cue_start, participle_start):
            return person
    return None


def _right_after(text: str, sents: Sentences, cue_start: int, participle_start: int) -> bool:
    """Does the participle cue at ``participle_start`` follow the cue at ``cue_start`` with
    only that cue's own short phrase and a comma between them, in one sentence ('..." he
    said. Doe is more careful, saying ...' is Doe's)?"""
    return 0 <= cue_start and participle_start - cue_start <= 60 and \
        sents.index(cue_start) == sents.index(participle_start) and \
        _CUE_THEN_COMMA.fullmatch(text, cue_start, participle_start) is not None


def _goes_on(report: Report, cast: Cast, sents: Sentences) -> Person | None:
    """'Ferrer said that ... . Lind was the first, he said.': a pronoun cue after (or
    inside) what was said means the person of that gender the sentence before was about (its
    speaker or subject), going on; the names in what was said are what it is about."""
    m = report.mention
    if m is None or m.kind != "pronoun" or m.start <= report.start or m.gender is None:
        return None
    k = sents.index(report.start)
    if k < 1:
        return None
    return cast.focus_between(m.gender, sents.bounds(k - 1)[0], report.start)


_ASKED = regexes.compile(
    r"\b(?:asked|pressed|questioned|quizzed|interviewed)[ \u00a0]+(" + RUN.pattern + r")"
)


def _asks(text: str, s: int, e: int) -> bool:
    """Does ``text[s:e]`` hold a word of ``_ASKED`` (a cheap test before the regex)?"""
    return text.find("sked ", s, e) >= 0 or text.find("ressed ", s, e) >= 0 \
        or text.find("uestioned ", s, e) >= 0 or text.find("uizzed ", s, e) >= 0 \
        or text.find("nterviewed ", s, e) >= 0


def _asked(text: str, s: int, e: int, cast: Cast) -> None:
    """'Rudd asked Fennel about Sorokin. He declined.': the person asked is who answers next,
    so a name right after "asked" is a focus at the sentence end (the asker is the subject of
    the sentence itself: "Ruhle pressed Flynn, citing reports that ..." is hers)."""
    if not _asks(text, s, e):
        return
    for m in _ASKED.finditer(text, s, e):
        person = cast.known(m.group(1))
        if person is not None:
            cast.focus(person, max(m.end(1), e - 1))  # not the subject of this sentence


def _report_kind(cue: str) -> str:
    return "colon" if cue == ":" else "according" if cue[:1] in "Aa" and \
        cue.lower().startswith("according") else "cue"


def _speaker(cast: Cast, mention: Mention | None, elided: bool, cue_start: int, sents: Sentences,
             subjects: dict[int, Person | Mention | None], said_at: int | None,
             owned: dict[int, Person | None] | None = None) -> tuple[Person | None, str]:
    """Who ``mention`` means (or, ``elided``, the sentence's subject); ``said_at`` is where a
    quotation starts: a pronoun after it ('"...," he said') looks back from there, not at the
    names inside. (Not for reported speech: in "Smith voted for her, he says" the name of
    what was said may well be who says it.)"""
    if mention is not None and mention.kind == "role" and PARTICIPLE_ONLY.fullmatch(
            mention.text.strip()):
        mention, elided = None, True  # "Turning to describe ...": the sentence's subject
    if mention is not None:
        person = cast.resolve(mention, mention.start, context=said_at)
        return person, cast.how
    if elided:
        s, _ = sents.span(cue_start)
        if owned is not None and s in owned:
            return owned[s], "elided-owned"
        antecedent = relative_subject(sents.text, s, cue_start)
        if antecedent is not None:
            person = cast.resolve(antecedent, antecedent.start, subject=True)
            if person is not None:
                return person, "elided-relative"
        subject = subjects.get(s)
        if isinstance(subject, Mention) and _named(sents.text, subject) \
                and not _AFTER_PREPOSITION.search(sents.text, max(s, cue_start - 12), cue_start):
            # "Kestrelworks issued a statement saying that ...": not "X faulted Y for saying"
            named = cast.resolve(subject, subject.start)
            if named is not None:
                return named, "elided-subject-named"
        elif isinstance(subject, Person):
            return subject, "elided-subject"
        elif isinstance(subject, Mention) and subject.kind == "role":
            described = cast.resolve(subject, subject.start)
            if described is not None:
                return described, "elided-subject-described"
        coordinated = coordinated_subject(sents.text, s, cue_start)
        if coordinated is not None:
            person = cast.resolve(coordinated, coordinated.start, subject=True)
            if person is not None:
                return person, "elided-coordinated"
        # no subject of its own and none resolved for the sentence: only a speaker named
        # earlier in the same sentence ('"...," said X, adding that ...'); the latest speaker
        # of an earlier sentence is a guess ("The group issued a statement saying that ...")
        return cast.latest(cue_start, cue_start - s), "elided-latest"
    return None, "none"


def extract_quotes(paragraphs: Sequence[str], lang: str | None = "en",
                   roles: tuple[tuple[str, tuple[str, ...]], ...] = (),
                   headings: frozenset[int] = frozenset()) -> Extraction:
    """Find direct and reported quotations in an article's paragraphs and attribute them;
    ``roles``: the user's descriptions of figures, (pattern, names): ``speakers.user_roles``;
    ``headings``: which paragraphs the reader knows to be headings (the headline repeated
    above the text, a subheading): their capitalised words name no one."""
    code = (lang or "en").lower()[:2]
    english = code == "en"
    text, spans = _join(paragraphs)
    sents = split_sentences(text)
    segs = find_segments(text, spans, sents)
    # The cue lexicon is English: elsewhere only quotation marks are read (no reported speech,
    # no scare quotes dropped for lack of an English cue), attributed by ``foreign``'s patterns.
    reports = find_reported(text, sents, segs) if english else []
    attributed = attribute(text, sents, segs, reports) if english else \
        foreign.attribute(text, sents, segs, code)
    cast = Cast(text, [s for k, (s, p) in enumerate(zip(spans, paragraphs, strict=True))
                       if k in headings or _is_heading(p)],
                code, sents.starts, roles)
    found = _resolve(text, sents, cast, _items(text, sents, attributed, reports, english))
    return _build(_inherit_enclosing(found), spans, paragraphs)


def _inherit_enclosing(found: list[_Found]) -> list[_Found]:
    """'Doe said she and her peers called themselves "the Late Lunch Society"': quoted words
    inside a reported statement are its speaker's, unless a speaker of their own was found."""
    reports = [f for f in found if f.kind == "indirect" and f.person is not None]
    if not reports:
        return found
    out = []
    for f in found:
        if f.kind == "direct" and f.person is None:
            outer = next((r for r in reports if r.start <= f.start and f.end <= r.end + 1), None)
            if outer is not None:
                f = f._replace(person=outer.person, rule="enclosing:" + outer.rule)
        out.append(f)
    return out


def _is_heading(paragraph: str) -> bool:
    """A title-case line (a headline): its names are not people. A short one may end in a
    period ("Why Quiet Budgets Survive in Councils."), as some feeds write titles."""
    last = paragraph.rstrip()[-1:]
    if last in "!?:\u201d\"'" or len(paragraph) > 400 or (last == "." and len(paragraph) > 90) \
            or paragraph[:1] in _DASHES:
        # the common case, decided before splitting the paragraph into words; a line that
        # ends with a colon leads in to what follows ("Jane Doe says:"), no headline does, and
        # one that opens with a dash signs what is above it ("- Jane Doe.")
        return False
    words = paragraph.split()
    if not 3 <= len(words) <= (12 if last == "." else 25):
        return False
    if last == ".":  # title case: every content word capitalised ("How to Fix the Ferry Rota.")
        long = [w for w in words if len(w) > 3]
        return len(long) >= 2 and sum(1 for w in long if w[:1].isupper()) >= 0.9 * len(long)
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= 0.6 * len(words)


def _build(found: list[_Found], spans: list[tuple[int, int]], paragraphs: Sequence[str],
           ) -> Extraction:
    found = sorted(found, key=lambda f: (f.start, f.kind != "indirect", f.end))
    quotes: list[Quote] = []
    used: dict[str, Person] = {}
    starts = [s for s, _ in spans]
    for f in found:
        first = max(0, bisect_right(starts, f.start) - 1)
        for k in range(first, len(spans)):
            p_start, p_end = spans[k]
            if p_start >= f.end:
                break
            s, e = max(f.start, p_start), min(f.end, p_end)
            if e <= s:
                continue
            key = f.person.key if f.person else None
            if f.person is not None:
                used[f.person.key] = f.person
            a, b = s - p_start, e - p_start
            quotes.append(Quote(f"q{len(quotes) + 1}", k, a, b, paragraphs[k][a:b], f.kind, f.cue,
                                f.mention, key))
    speakers = tuple(SpeakerMention(p.key, tuple(p.forms), p.description)
                     for p in sorted(used.values(), key=lambda p: p.key))
    return Extraction(tuple(quotes), speakers)
