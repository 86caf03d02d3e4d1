"""Speech cues: the verbs (and a few phrases) that introduce what someone said.

The lexicon is written as base forms and inflected once at import time into one precompiled
alternation, so matching a cue is a single regex search. Verbs are grouped by how they take
what was said:

* ``BARE``: may be followed directly by the reported clause ("said the plan failed");
* every other cue needs "that", a colon/comma or a quotation ("stressed that ...");
* ``NAMING``: label a quoted word or phrase ("called it a 'disaster'", "described X as ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from site_gen import regexes

_REGULAR = (
    "state add note stress emphasize emphasise re-emphasize reemphasize underline underscore"
    " affirm reaffirm warn ask tweet argue claim insist explain declare announce assert"
    " contend acknowledge admit concede recall remark reply respond answer continue conclude"
    " observe suggest predict promise vow pledge urge complain lament boast joke quip shout"
    " yell scream exclaim whisper cry muse recount report reiterate repeat confirm deny"
    " maintain mention comment testify charge allege counter retort posit speculate opine"
    " demand proclaim caution advise disagree object protest highlight assure reassure"
    " inform post blog text email mail chant sing plead beg tease scoff sneer snap gush rave"
    " recommend concur stipulate specify indicate signal acknowledge hint imply"
    " insinuate stammer mutter murmur grumble groan sigh laugh chuckle marvel wonder query"
    " inquire enquire question challenge accuse blast slam criticize criticise attack mock"
    " ridicule rail fume complain crow brag celebrate denounce applaud condemn hammer dismiss"
    " defend blame thank congratulate commend laud hail decry tout cite echo"
    " interject interrupt praise express react threaten discuss"
).split()
_IRREGULAR = (
    "say says said saying tell tells told telling write writes wrote written writing"
    " point:out points:out pointed:out pointing:out go:on goes:on went:on going:on put:it"
    " puts:it putting:it spell:out spelled:out chime:in chimed:in pointed:to"
    " fire:back fires:back fired:back firing:back shoot:back shoots:back shot:back"
    " shooting:back hit:back hits:back hitting:back"
    " talk:about talks:about talked:about talking:about speak:about speaks:about spoke:about"
    " speaking:about"
).split()
_BARE_BASES = frozenset(
    "say tell claim argue insist admit concede acknowledge predict suggest explain write"
    " tweet contend assert declare warn add allege testify maintain promise vow report"
    " announce confirm complain boast recall note post text email answer reply respond joke"
    " quip counter retort speculate"
    " concur deny hint indicate".split()
)
NAMING = frozenset(
    "call calls called calling dub dubs dubbed dubbing term terms termed terming label labels"
    " labeled labelled labeling labelling brand brands branded branding describe describes"
    " described describing"
    " characterize characterizes characterized characterizing refer refers referred"
    " referring".split()
)
_TRANSITIVE = frozenset(
    "praise accuse urge denounce applaud criticize criticise condemn blast slam attack hammer mock"
    " ridicule deny promise pledge vow demand recount tout cite echo question challenge dismiss"
    " defend blame thank congratulate commend laud hail warn call dub label brand describe"
    " characterize lament decry predict recall mention highlight acknowledge admit concede"
    " announce confirm reiterate repeat recommend express discuss"
    # what someone talked about (the forms of "talk about", "speak about")
    " talk talks talked talking speak speaks spoke speaking".split())
_NAMING_BASE = {f: b for b in ("call", "dub", "term", "label", "brand", "describe",
                                "characterize", "refer")
                for f in NAMING if f.startswith(b[:4])}
_DOUBLE_FINAL = frozenset("admit quip blog rebut regret commit omit plan".split())
_IRREGULAR_BARE = frozenset(
    "say says said saying tell tells told telling write writes wrote written writing".split())


def _inflect(base: str) -> list[str]:
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and base[-2] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base in _DOUBLE_FINAL:
        return [base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"]
    plural = base + "es" if base.endswith(("s", "sh", "ch", "x", "z")) else base + "s"
    return [base, plural, base + "ed", base + "ing"]


# Bases whose plain and -s forms are mostly nouns ("a report", "his comments"): only the past
# and -ing forms are cues.
_NOUNY = frozenset(
    "post blog text email mail report answer comment charge counter demand promise joke question"
    " challenge attack signal note tweet reply respond state claim quip cry vow pledge mention"
    " protest object estimate guess testify caution rave laugh sigh groan muse remark"
    " recall repeat counter chant boast lament praise brand label term".split())


def _nouny_forms() -> frozenset[str]:
    out = set()
    for base in _NOUNY:
        out.update(_inflect(base)[:2])
    return frozenset(out)


# Forms that news writing uses almost only as nouns or adjectives ("the United States", "Clinton
# emails", "thanks to", "attacks on", "a challenging year"): never cues, whatever comes before.
# The past forms stay ("stated", "emailed", "thanked", "attacked", "challenged").
_NEVER_CUES = frozenset("states emails thanks questions attacks challenging".split())


def _build() -> tuple[dict[str, str], frozenset[str]]:
    forms: dict[str, str] = {}
    bare: set[str] = set(_IRREGULAR_BARE)
    for base in _REGULAR:
        inflected = _inflect(base)
        if base in _NOUNY:
            inflected = inflected[1:]
        for f in inflected:
            if f in _NEVER_CUES:
                continue
            forms[f] = base
            if base in _BARE_BASES:
                bare.add(f)
    for item in _IRREGULAR:
        forms[item.replace(":", " ")] = item.split(":")[0]
    for f in NAMING:
        forms[f] = _NAMING_BASE.get(f, f)
    return forms, frozenset(bare)


FORMS, BARE = _build()
NOUNY = _nouny_forms()  # "comments", "reports": cues only when "that" follows


def _trie_regex(words: list[str]) -> str:
    """One regex for a word list, shaped as a prefix tree so the C engine branches per letter
    (a flat alternation of 600 words is tried word by word and is far slower)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    end = "" in node
    alts = [(" " if ch == " " else re.escape(ch), child)
            for ch, child in sorted(node.items()) if ch]
    parts = [(r"\s+" if ch == " " else ch) + _node_regex(child) for ch, child in alts]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if end else body


# A capitalised noun-like cue only opens a sentence; elsewhere it is a name ("United States").
_SENTENCE_START = regexes.compile(r"(?:[.!?:\"\u201c\u201d\n]|'')\s*$")
# Matched against an ASCII-lowercased copy of the text (same length, so offsets hold):
# case-insensitive matching is markedly slower.
# The pattern starts with the character before the cue (a bare class, so that the regex
# engine skips at C speed from word start to word start; a leading lookbehind made it try the
# trie at every position); it is matched against the text with one space prepended.
_CUE_LOWER = regexes.compile(rf"[^\w-]({_trie_regex(sorted(FORMS))})(?![\w-])")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class CueMatch(NamedTuple):
    """A cue found in the text (the same interface as a regex match, for what we use)."""

    pos: int
    stop: int
    text: str

    def start(self) -> int:
        return self.pos

    def end(self) -> int:
        return self.stop

    def group(self) -> str:
        return self.text


# A naming verb's past participle after a noun that is the object of a verb or a preposition
# gives a thing its name ("joined a group called "Harbour Watch"", "a memo titled "...""): a
# title, not words anyone said, and the noun no speaker.
_NAMING_PARTICIPLES = frozenset("called dubbed labeled labelled termed branded".split())
_NAMED_QUOTE = regexes.compile(r"[ \u00a0]*[\"\u201c\u2018']")
_DETERMINERS = frozenset(
    "a an the this that these those his her their its our my your another".split())
_CLAUSE_OPENERS = frozenset(
    """and but or nor so yet then when after before as since because while if that who which
    whom whose what how why where once until unless though although whereas""".split())
_PRONOUNS = frozenset("i you he she it we they who one".split())
PREPOSITIONS = frozenset("of for in on at with from to into about by through like via".split())


def _names_a_thing(text: str, a: int, b: int) -> bool:
    """'... a class called "Perception"': the naming participle at ``text[a:b]`` follows a noun
    phrase that a lowercase word governs (a verb or a preposition, not a word opening a
    clause, whose subject the phrase would be: 'what the mayor called "..."')."""
    if not _NAMED_QUOTE.match(text, b):
        return False
    words = text[max(0, a - 80):a].split()[-5:]
    if not words:
        return False
    if words[-1].lower() == "so":  # "the so called "initiative""
        return True
    if len(words) >= 2 and words[-2] in PREPOSITIONS and words[-1].isalpha() \
            and words[-1].islower() and words[-1] not in _PRONOUNS:
        return True  # "for items labeled "..."", no determiner
    for i in range(len(words) - 1, 0, -1):
        word = words[i]
        if word in _DETERMINERS:
            gov = words[i - 1]
            return gov.isalpha() and gov.islower() and gov not in _CLAUSE_OPENERS
        if not word.isalnum():
            return False
    return False


@lru_cache(maxsize=8)
def _all_cues(text: str) -> tuple[tuple[int, ...], tuple[CueMatch, ...]]:
    return _scan(text)


def cues_of(piece: str) -> list[CueMatch]:
    """The cues of a short piece of text, not cached: the few articles' texts in the cache
    stay there."""
    return list(_scan(piece)[1])


def _scan(text: str) -> tuple[tuple[int, ...], tuple[CueMatch, ...]]:
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer ("İ")
        lowered = text.translate(_ASCII_LOWER)
    starts: list[int] = []
    found: list[CueMatch] = []
    for m in _CUE_LOWER.finditer(" " + lowered):
        a, b = m.span(1)
        a, b = a - 1, b - 1
        if lowered[a:b] in _NAMING_PARTICIPLES and _names_a_thing(text, a, b):
            continue
        if not text[a].isupper() or lowered[a:b] not in NOUNY or a == 0 \
                or _SENTENCE_START.search(text, max(0, a - 3), a):
            starts.append(a)
            found.append(CueMatch(a, b, text[a:b]))
    return tuple(starts), tuple(found)


def find_cues(text: str, lo: int = 0, hi: int | None = None) -> list[CueMatch]:
    """Cues starting in ``text[lo:hi]`` (whole words), in order."""
    starts, found = _all_cues(text)
    hi = len(text) if hi is None else hi
    return [c for c in found[bisect_left(starts, lo):bisect_left(starts, hi)] if c.stop <= hi]


ACCORDING = regexes.compile(r"(?<![\w-])according\s+to(?![\w-])", re.IGNORECASE)
# Words allowed between a speaker and the cue ("he also said", "Brandt has repeatedly claimed"),
# with the adverbs in -ly (see ``clauses._cut_aux``).
AUX_WORDS = frozenset(
    """has have had also later then again once further previously recently would will could
    might may should must can is was were are be been did does do not never just first still
    even already often always himself herself itself themselves only instead too though
    however earlier""".split())


def is_bare(cue: str) -> bool:
    """True when ``cue`` may take a reported clause without "that" ("said the plan failed")."""
    low = cue.lower()
    return low.split()[-1] in BARE or low in BARE


_VERB_SUBJECT = regexes.compile(r"(?:\b(?:he|she|they|it|we|I|who|which)|[A-Z][\w.'\u2019-]*)\s+$")


# Cues that also say that something lasts or comes next: before an infinitive they are no
# speech ("Roe will continue to be ..."; "went on to say" is the infinitive's cue), nor with
# nothing after them in a clause of time ("as the hearing went on, ...": see ``reported``).
_ONGOING = frozenset(("continue", "continues", "continued", "continuing", "go on", "goes on",
                      "went on", "going on"))


def is_ongoing(cue: str) -> bool:
    return " ".join(cue.lower().split()) in _ONGOING


_ONGOING_TO = regexes.compile(r"[ \u00a0]+to[ \u00a0]+[a-z]")


def verb_use(text: str, m: CueMatch) -> bool:
    """False for a noun-like form used as a noun ("his latest comments", "a series of tweets"):
    such a form is a cue only after a subject ("Brandt tweets") or before "that"; and for
    "continue" or "go on" before an infinitive."""
    low = m.text.lower()
    if _ONGOING_TO.match(text, m.stop) and is_ongoing(low):
        return False  # "will continue to be", "went on to win": what follows is the verb
    if low not in NOUNY:
        return True
    return text.startswith(" that ", m.stop) or bool(
        _VERB_SUBJECT.search(text, max(0, m.pos - 30), m.pos))


def is_transitive(cue: str) -> bool:
    """A speech act on an object ("praised X as ...", "urged X to ...", "called X a ...")."""
    return base_of(cue.split()[0]) in _TRANSITIVE


def opens_inverted(word: str) -> bool:
    """A finite cue that can open a sentence with its speaker after it ('Added Jane Doe,',
    'Says Roe:'); not a noun-like form or a participle ('Asked about it, Doe said': no name
    follows, see ``clauses.inverted_opening``)."""
    low = word.lower()
    return low in FORMS and " " not in low and low not in NOUNY and low not in NAMING \
        and not low.endswith("ing") and low != "written" \
        and (low.endswith(("ed", "s")) or low in _IRREGULAR_BARE)


def is_naming(cue: str) -> bool:
    return cue.lower() in NAMING


# Cues that report speech only when someone does what they say ("the mayor threatened to
# resign"; "the storm threatened to flood the valley" reports nothing): without a speaker
# found, no statement.
_AGENT_ONLY = frozenset(("threaten",))


def needs_speaker(cue: str) -> bool:
    return base_of(cue.split()[0]) in _AGENT_ONLY


def base_of(cue: str) -> str:
    low = cue.lower()
    return FORMS.get(_SPACES.sub(" ", low), low)


_SPACES = regexes.compile(r"\s+")


_PROGRESSIVE = regexes.compile(
    r"\b(?:is|was|are|were|be|been|am|['\u2019]s|['\u2019]re)"
    r"(?:\s+(?:also|still|now|not|again|already|repeatedly|[a-z]+ly))?\s+$")


def ing_form(cue: str) -> bool:
    """A cue in its -ing form ("saying", "pointing out")."""
    return cue.split()[0].lower().endswith("ing")


def is_participle(text: str, m: CueMatch) -> bool:
    """An -ing cue without a subject of its own ("..., saying that ..."); "Brandt is insisting"
    is a finite verb with its subject before it."""
    if not ing_form(m.text):
        return False
    return not _PROGRESSIVE.search(text, max(0, m.pos - 30), m.pos)
