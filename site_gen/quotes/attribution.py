"""Who is who in one article: mentions resolved to in-article speakers.

The article's people are collected first (every capitalised name that looks like a person, with
the titles, premodifiers and appositions around it), so that a surname ("Halvorsen") or a title
form ("Sheikh Qadiri", "Mr. Brandt") finds the fullest name the article uses ("Tomas
Halvorsen", "Yusuf Qadiri"), and a role ("the Chairman") finds the one person the article gave that
role. Then mentions are resolved in reading order; every resolved sentence subject and quote
speaker is a *focus event*, and a pronoun takes the latest gender-compatible focus.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from site_gen import regexes
from site_gen.quotes import famous
from site_gen.quotes.clauses import SUBORDINATE_START
from site_gen.quotes.firstnames import is_given_name
from site_gen.quotes.names import (
    HONORIFICS,
    ORG_HEADS,
    ORG_OF_HEADS,
    POSSESSIVE_ENDS,
    RUN,
    SPLIT_WORDS,
    STOP,
    SUFFIXES,
    SURNAME_PARTICLES,
    SURNAME_TITLES,
    Mention,
    clean_name,
    first_name_like,
    name_gender,
    org_of,
    role_head,
    unpossessive,
)
from site_gen.quotes.plausible import LowerWords, admit, new_name_ok

_ORG_WORDS = frozenset(
    """bank republic movement party house committee department university college school court
    council agency office ministry news times post journal street city state county states
    union nations church club association institute center centre foundation group company
    corporation inc fund press network tv radio magazine review revolution army force forces
    police strip coast island river mountain front brigade ummah mosque quds""".split()
)
_APPOSITION = regexes.compile(
    r",\s+((?:the|a|an|his|her)?\s*[a-z][^,.;:\"\u201c\u201d()]{2,100}?)(?=,|\.|;|$| who\b)")
_PREMOD_WORD = regexes.compile(r"[A-Za-z][\w'\u2019-]*,?")


def _head_before(text: str, start: int) -> str | None:
    """The role noun right before a name at ``start`` ("nominee" in "Republican nominee Walter
    Brandt"): only the word next to the name counts (see ``_premodifier_head``)."""
    if start == 0 or text[start - 1] not in " \u00a0":
        return None
    words = text[max(0, start - 60):start].split()
    if not words or not _PREMOD_WORD.fullmatch(words[-1]):
        return None
    return _premodifier_head(words[-1])


_VERBISH = frozenset(
    "is was are were be been has have had says said say told tells asks asked by who which that"
    " than and or but with as".split())


def _premodifier_head(words: str) -> str | None:
    """The noun right before a name, when it is a role ("Republican nominee Walter Brandt" ->
    "nominee"); not a verb or a word of another clause ("materials led by Mr. Rogers")."""
    if not words or words.endswith(","):
        return None
    last = unpossessive(words.rsplit(None, 1)[-1].lower())
    if not last.isalpha() or last in _VERBISH or last in STOP or last.endswith(("ed", "ing")):
        return None
    return _TITLE_HEADS.get(last, last)


_OF_END = regexes.compile(r"\b(?:of|for|to|about|against|on|like|than)$", re.IGNORECASE)
_PREMOD_STOP = regexes.compile(
    r"\b(?:with|and|to|by|from|met|said|says|told|that|as|in|on|at|for|when|while|after|before)\s+",
    re.IGNORECASE)


_ORG_LAST = frozenset(
    "Post Times Journal Herald Tribune Globe Gazette Chronicle News Network Bank Group Committee"
    " Department Campaign Foundation Institute Agency Bureau Council Association Party Inc Corp"
    " Company Organization Administration Commission University Center Fund Reserve Office"
    " Service Today TV Radio".split())
_CAMEL = regexes.compile(r"[a-z][A-Z]")
# Surnames written in camel case ("McTavish", "MacOrrin", "DeVanter", "LaRosse") are no brands.
_CAMEL_SURNAME = regexes.compile(
    r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Vande|Vander|Von|Fitz)[A-Z][a-z]+"
)




def _is_org(run: str) -> bool:
    """'Washington Post', 'CNN', 'WikiLeaks': a name of an organisation, not a person."""
    words = run.split()
    last = words[-1]
    if last in _ORG_LAST:
        return True
    if _CAMEL.search(last) and not _CAMEL_SURNAME.fullmatch(last) \
            and not (len(words) >= 2 and is_given_name(words[0])):
        return True  # a brand ("LeakBox"); not "Jim KellenHoff", a given name before it
    if words[0] == "The":
        words = words[1:]
    return len(words) == 1 and 2 <= len(words[0]) <= 6 and words[0].isupper()


# Which organisation names a role word means ("the newspaper" -> "Washington Post").
_ORG_CLASSES = {
    "newspaper": regexes.compile(
        r"(?:Post|Times|Journal|Herald|Tribune|Globe|Gazette|Chronicle|Daily"
        r"|News|Star|Sun|Inquirer|Examiner|Telegraph|Guardian|Today)$"
    ),
    "network": regexes.compile(r"(?:News|TV|Network|Channel|Radio|Today|^[A-Z]{2,5})$"),
    "bank": regexes.compile(r"(?:Bank|Bancorp|Bankshares|Financial|Savings|Trust|Group)\b"),
    "company": regexes.compile(r"(?:Inc|Corp|Company|Group|Co|Organization|[a-z][A-Z]\w+)$"),
}
_ORG_CLASSES.update({"paper": _ORG_CLASSES["newspaper"], "daily": _ORG_CLASSES["newspaper"],
                     "broadcaster": _ORG_CLASSES["network"], "channel": _ORG_CLASSES["network"],
                     "lender": _ORG_CLASSES["bank"], "firm": _ORG_CLASSES["company"]})


def _org_name(run: str) -> str:
    name = _THE.sub("", unpossessive(run.strip()))
    first, _, rest = name.partition(" ")
    # a sentence's first word, capitalised, before the name ("While Velbank Group ...")
    return rest if rest and first.lower() in _OPENERS else name


# Words that open a sentence or a clause before a name, capitalised at a sentence's start.
_OPENERS = frozenset("when whenever after as while whereas before although though once since if"
                     " because until but and so yet".split())


_THE = regexes.compile(r"^(?:The|the)\s+")


@dataclass
class Person:
    key: str
    tokens: tuple[str, ...]
    gender: str | None = None
    guessed_gender: bool = False  # taken from a pronoun resolved to this person, not a name
    gender_from_name: bool = False  # from the given name (a longer form may change it)
    forms: list[str] = field(default_factory=list)
    heads: set[str] = field(default_factory=set)
    description: str | None = None
    last_seen: int = -1
    positions: list[int] = field(default_factory=list)  # offsets of name mentions
    # role words not yet read (done lazily: most people are never looked up by role); an int
    # is the offset of a name mention whose premodifier is still to be read
    pending: list[str | int] = field(default_factory=list)

    def role_heads(self, text: str) -> set[str]:
        """Head nouns of the roles the article gives this person ("leader", "nominee")."""
        for words in self.pending:
            if isinstance(words, int):
                head = _head_before(text, words)
                if head:
                    self.heads.add(head)
                continue
            if words.startswith("="):  # an apposition: only its head noun
                head = role_head(words[1:])
                if head:
                    self.heads.add(head)
                continue
            words = _PREMOD_STOP.split(words)[-1]
            if _OF_END.search(words):
                continue  # "The daughter of Eric Dunmore": a role of someone else
            if words.strip():
                self.heads |= _heads_from(words)
        self.pending.clear()
        return self.heads


def _surface_form(tokens: Sequence[str], titles: Sequence[str]) -> str:
    """The name as written with the honorifics right before it ("Sheikh Qadiri")."""
    lead: list[str] = []
    for t in reversed(titles):
        if t.lower().rstrip(".") not in HONORIFICS:
            break
        lead.insert(0, t)
    return " ".join([*lead, *tokens])


def _person_like(tokens: Sequence[str], titles: Sequence[str]) -> bool:
    if not tokens or any(t.lower() in _ORG_WORDS for t in tokens):
        return False
    if len(tokens) == 1:
        return any(t.lower().rstrip(".") in HONORIFICS for t in titles)
    return is_given_name(tokens[0]) or len(tokens) <= 3


_TITLE_HEADS = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
                "pres": "president", "sec": "secretary", "lt": "lieutenant", "col": "colonel",
                "prof": "professor", "dr": "doctor"}


@lru_cache(maxsize=4096)
def _heads_from(words: str) -> frozenset[str]:
    heads = set()
    for w in SPLIT_WORDS.split(words):
        lw = unpossessive(w.lower().strip(".,;:"))
        lw = _TITLE_HEADS.get(lw, lw)
        if lw and lw not in STOP:
            heads.add(lw)
    head = role_head(words)
    if head:
        heads.add(head)
    return frozenset(heads)


_RunInfo = tuple[tuple[str, ...], tuple[str, ...], "str | None", str]


@lru_cache(maxsize=8192)
def _run_info(run: str) -> str | _RunInfo | None:
    """What a capitalised run is, as far as the run alone tells: an organisation (its name), a
    person-like name (tokens, titles, gender, surface form) or neither (None). Cached: the same
    runs recur in an article and across an archive, and the inventory reads every run."""
    if _is_org(run):
        return _org_name(run)
    if " " not in run and "\u00a0" not in run:  # one capitalised word alone is never a person
        return None
    tokens, titles, gender = clean_name(run)
    if not _person_like(tokens, titles):
        return None
    return tokens, titles, gender, _surface_form(tokens, titles)


class Cast:
    """The people of one article, and the resolution of mentions to them."""

    def __init__(self, text: str, headings: Sequence[tuple[int, int]] = (), lang: str = "en",
                 sentence_starts: Sequence[int] = (),
                 roles: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> None:
        self.text = text
        # descriptions that mean a figure: the user's (speakers.toml) first, then the shipped
        self.roles = _compiled(roles) + _ROLES if roles else _ROLES
        self.sentence_starts = sentence_starts  # sorted; lets a pronoun see the last sentence
        self.lang = lang  # two-letter code; names are admitted by ``plausible.admit``
        self._lower: LowerWords | None = None
        self.people: list[Person] = []
        self.by_surname: dict[str, list[Person]] = {}
        self.events: list[tuple[int, Person]] = []  # focus events, sorted by offset
        self._event_at: list[int] = []
        self.orgs: list[tuple[int, str]] = []  # (offset, name) of organisations named
        self.headings = tuple(headings)
        self.how = ""  # the path the last ``resolve`` took ("name:known", "pronoun:focus", ...)
        skip = -1
        singles: list[tuple[int, str]] = []
        for m in RUN.finditer(text):
            at = m.start()
            if at < skip or headings and self.in_heading(at):
                continue
            run = m.group()
            info = _run_info(run)
            if info is None:
                if " " not in run:
                    singles.append((at, run))
                continue
            if isinstance(info, str):
                tail = org_of(text, m, min(len(text), m.end() + 80))
                if tail is not None:  # "Crown Bank" + " of Westmere Group": one name
                    info, skip = info + text[m.end():tail.end()], tail.end()
                    info = _org_name(info.replace("\u00a0", " "))
                self.orgs.append((m.start(), info))
            else:
                self._collect(m, info)
        self._surname_positions(singles)

    def _surname_positions(self, singles: list[tuple[int, str]]) -> None:
        """A surname alone ("Kovac") names the one person of the article who bears it: its
        offset counts as a mention of that person (see ``pronoun``)."""
        grown: set[int] = set()
        for at, word in singles:
            same = self.by_surname.get(unpossessive(word.lower()))
            if same and len(same) == 1 and _split_surname(same[0].tokens)[0]:
                same[0].positions.append(at)
                grown.add(id(same[0]))
        for p in self.people:
            if id(p) in grown:
                p.positions.sort()

    def in_heading(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.headings)

    def _org_in_body(self, name: Sequence[str]) -> bool:
        """The body names an organisation so: a heading's words that name it are a name
        ("Harbour Department pledges ..." above "The Harbour Department is promising ...")."""
        joined = " ".join(name)
        return any(n == joined and not self.in_heading(at) for at, n in self.orgs)

    def lower(self) -> LowerWords:
        """The article's lower-case words, looked up only when a one-word name is new."""
        if self._lower is None:
            self._lower = LowerWords(self.text)
        return self._lower

    # ---------------------------------------------------------------- inventory
    def _collect(self, m: re.Match[str], info: _RunInfo) -> None:
        tokens, titles, gender, form = info
        if len(titles) == 1 and len(tokens) >= 2 and m.group().startswith(titles[0]) \
                and not m.group().startswith(tuple(titles[0] + e for e in POSSESSIVE_ENDS)) \
                and is_given_name(tokens[0]) and first_name_like(titles[0]) \
                and titles[0].lower() not in self.lower():
            # "Annelise Maria Dorsey": a first name that is no word of the article
            tokens, form, titles = (titles[0], *tokens), titles[0] + " " + form, ()
        name = admit(tokens, self.lang)
        if name is None or (name != tokens and not _person_like(name, titles)) \
                or not new_name_ok(name, None):
            return
        if name != tokens:
            tokens, form = name, " ".join(name)
        person = self._match(tokens, gender, create=True)
        if person is None:
            return
        person.positions.append(m.start())
        if form not in person.forms:
            person.forms.append(form)
        if titles:
            person.pending.append(" ".join(titles))
        person.pending.append(m.start())  # its premodifier, read when a role is looked up
        app = _APPOSITION.match(self.text, m.end(), min(len(self.text), m.end() + 140)) \
            if len(tokens) >= 2 and self.text.startswith(",", m.end()) else None
        if app:
            person.description = person.description or app.group(1).strip()
            person.pending.append("=" + app.group(1))

    def _match(self, tokens: Sequence[str], gender: str | None, create: bool) -> Person | None:
        given, last = _split_surname(tokens)
        same = self.by_surname.get(last, [])
        if given:
            first = tokens[0].lower().rstrip(".")
            for p in same:
                pf = p.tokens[0].lower().rstrip(".")
                if not _split_surname(p.tokens)[0] or pf == first \
                        or (first in _lower_given(p.tokens) and is_given_name(first)) \
                        or (len(first) == 1 and pf.startswith(first)) \
                        or (len(pf) == 1 and first.startswith(pf)):
                    self._grow(p, tokens, gender)
                    return p
            for p in same:
                # "Ki Rowe" after "Daniel Ki Rowe", "Le Garrec" after "Odile Le Garrec": the
                # name written in full but its given name, a surname of two words
                if len(p.tokens) == len(tokens) + 1 and (
                        is_given_name(p.tokens[0]) or tokens[0].lower() in SURNAME_PARTICLES
                        ) and tuple(
                        t.lower() for t in p.tokens[-len(tokens):]) == tuple(
                        t.lower() for t in tokens) and not is_given_name(tokens[0]):
                    return p
            if not same and len(tokens) == 2 and not is_given_name(tokens[0]):
                # "Wen Haoyu" after "Mr. Wen": a family name written first
                for p in self.by_surname.get(tokens[0].lower(), ()):
                    if len(p.tokens) == 1 and p.gender in (None, gender or p.gender) \
                            and not _org_like(p):
                        self._grow(p, tokens, gender)
                        self.by_surname.setdefault(last, []).append(p)
                        return p
        else:
            if gender:
                # "Mr. Lund" is never "Mary Lund": a title's gender rules out a bearer of
                # the surname known to be of the other (a husband, a brother, unnamed)
                same = [p for p in same if p.gender in (None, gender) or p.guessed_gender]
            if same:
                return same[0] if same[0].last_seen >= 0 else self._spoken_of(same)
            # "Rosalind" for "Rosalind Trent" (a first name alone), "Mr. Wen" for "Wen
            # Haoyu" (a family name written first): the one person whose name starts so
            firsts = [p for p in self.people if len(p.tokens) > 1 and p.tokens[0] == tokens[0]
                      and p.gender in (None, gender or p.gender)]
            if len(firsts) == 1 and (self.lang != "en" or len(firsts[0].tokens) == 2
                                     and not _org_like(firsts[0])):
                return firsts[0]
        if not create:
            return None
        person = Person(" ".join(tokens), tuple(tokens), gender or name_gender(tokens),
                        gender_from_name=not gender)
        self.people.append(person)
        self.by_surname.setdefault(last, []).append(person)
        return person

    @staticmethod
    def _spoken_of(same: list[Person]) -> Person:
        """Of the people sharing a surname ("Eric Dunmore" and "Erica Dunmore"), the first one
        named, unless it was never a subject or speaker and another one (a real given name)
        was: a surname alone then means who was last spoken of."""
        focused = [p for p in same if p.last_seen >= 0 and is_given_name(p.tokens[0])]
        return max(focused, key=lambda p: p.last_seen) if focused else same[0]

    def _grow(self, p: Person, tokens: Sequence[str], gender: str | None) -> None:
        if len(tokens) >= 2 and tokens[0] != p.tokens[0] and len(tokens) < len(p.tokens):
            gender = None  # a middle name's gender ("Maria Vasco" of "Ildo Maria Vasco")
        if len(tokens) > len(p.tokens):
            p.tokens, p.key = tuple(tokens), " ".join(tokens)
            if p.gender_from_name and not gender:  # "Maria Vasco" grown to "Ildo Maria Vasco"
                p.gender = name_gender(p.tokens)
        # the given name is the person's first token, not a mention's ("Maria Vasco" for
        # "Ildo Maria Vasco" says nothing of his gender)
        known = gender or name_gender(p.tokens)
        if p.gender is None or p.guessed_gender and known:
            p.gender = known
            p.guessed_gender = False

    # ---------------------------------------------------------------- resolution
    def resolve(self, mention: Mention | None, pos: int, subject: bool = False,
                context: int | None = None) -> Person | None:
        """The person ``mention`` refers to (None: unnamed or unknown); records a focus event.
        A sentence ``subject`` only refers to people already known or person-like names. A
        pronoun looks for its antecedent before ``context`` (default ``pos``): before what was
        said when the cue comes after it ('"...," he said'), not among the names inside."""
        if mention is None:
            self.how = "none"
            return None
        person: Person | None = None
        self.how = mention.kind
        if mention.kind == "pronoun":
            person = self.pronoun(mention.gender, pos) if context is None or context >= pos \
                else self.pronoun(mention.gender, context, before=True)
        elif mention.kind in ("name", "org") and mention.name:
            tokens, _, _ = clean_name(mention.name) if mention.kind == "name" else (
                [mention.name], [], None)
            if not tokens and mention.name.lower() in SURNAME_TITLES:
                tokens = (mention.name,)  # "Mr. King": parsed as a surname already
            if mention.kind == "org":
                self.orgs.append((mention.start, mention.name))
            name = admit(tokens, self.lang) if mention.kind == "name" and tokens else tokens
            if not name and mention.kind == "name" and (
                    # "NORA QUIST: ..." (a transcript's label, a name in capitals before a
                    # colon; "BREAKING NEWS:" names no one, a dateline in capitals is no label)
                    len(tokens) >= 2 and all(t.isupper() for t in tokens)
                    and _COLON_NEXT.match(self.text, mention.start + len(mention.text))
                    # "Song said" after "Paul Song": a word that makes no new name
                    or len(tokens) == 1 and tokens[0][:1].isupper() and tokens[0][1:].islower()):
                # only a person already named, never a new one
                person = self._match(tokens, mention.gender, create=False)
                if person is not None:
                    self.how = "name:known"
            if name:
                create = (mention.kind == "org" or len(name) == 1
                          or not self.in_heading(mention.start)
                          or self._org_in_body(name)) and (
                    not subject or mention.kind == "org" or _person_like(
                    name, mention.role.split() if mention.role else [])) and (
                    mention.kind == "org"
                    or new_name_ok(name, self.lower() if len(name) == 1 else None))
                n_people = len(self.people)
                person = self._match(name, mention.gender, create=create)
                self.how = mention.kind + (":new" if len(self.people) > n_people else ":known")
                if person is not None and mention.kind == "org":
                    person.heads.add(mention.name.split()[-1].lower())
                if person is not None and mention.role:
                    person.heads |= _heads_from(mention.role)
                    if person.description is None and "," in mention.text:
                        person.description = mention.role
        elif mention.kind in ("role", "group") and _document_head(mention.text):
            # "according to a Harbour Press analysis", "the Central Bank's survey said": who
            # issued the document speaks
            source = self._document_source(mention)
            if source is not None:
                person = self.resolve(source, pos, subject, context)
                self.how = "document:" + self.how
                return person
        elif mention.kind in ("group", "role") and mention.role and (
                head := _ORG_MEANT.fullmatch(mention.role.strip())) is not None:
            # "the group said", "the agency said": the organisation named just before
            person = self._org_nearby(head.group(1).lower(), mention.start)
            self.how = "role:org-nearby"
        elif mention.kind == "role" and mention.role:
            own = _OWN_ORG.match(mention.role)
            word = mention.text.strip()
            if word.lower() in SURNAME_TITLES and word[:1].isupper() and (
                    named := self._match([word], None, create=False)) is not None:
                person = named  # "King says ..." after "Jane King": the surname, not the title
                self.how = "name:known"
            elif own:
                owner = self.pronoun("m" if own.group(1).lower() == "his" else "f", mention.start)
                if owner is not None:
                    org = _split_surname(owner.tokens)[1].title() + " campaign"
                    person = self._match([org], None, create=True)
                self.how = "role:own"
            else:
                person = self._by_role(mention.role, mention.start)
        if person is not None:
            if mention.kind != "pronoun" and mention.text not in person.forms and (
                    mention.kind != "name" or self.lang == "en" or person.key in mention.text):
                person.forms.append(mention.text)  # not "Según Olmedo" for "Olmedo"
            self.focus(person, pos)
        return person

    def focus(self, person: Person, pos: int) -> None:
        if not self._event_at or pos >= self._event_at[-1]:
            self.events.append((pos, person))
            self._event_at.append(pos)
        else:  # resolved out of reading order (a clause subject after the sentence's subject)
            i = bisect_right(self._event_at, pos)
            self.events.insert(i, (pos, person))
            self._event_at.insert(i, pos)
        person.last_seen = pos

    def pronoun(self, gender: str | None, pos: int, before: bool = False) -> Person | None:
        """The person a "he"/"she" at ``pos`` means (``before``: only focus events strictly
        before ``pos``)."""
        if gender is None:
            return None
        best: tuple[int, Person] | None = None
        events = self.events
        first = (bisect_left if before else bisect_right)(self._event_at, pos) - 1
        for k in range(first, -1, -1):
            at, p = events[k]
            if (p.gender == gender and not _headed_org(p)) or (
                    p.gender is None and not _org_like(p)):
                best = (at, p)
                break
        named = self._mentioned_at(gender, pos)
        how = "pronoun:focus"
        if named is not None and (best is None or named[0] > best[0] + _NAMED_LEAD
                                  or self._fresher(named, best[0], gender, pos)
                                  or self._intro_subject(named, best[0], gender, pos)):
            best, how = named, "pronoun:named"
        if best is None:
            return None
        if best[1].gender is None:
            best[1].gender = gender
            best[1].guessed_gender = True
            how += "-ungendered"
        self.how = how
        return best[1]

    def _document_source(self, mention: Mention) -> Mention | None:
        """The person or organisation named as the author of a document: the possessor
        ("the Central Bank's survey"), the name before the noun ("a Harbour Press analysis",
        "a Doe campaign memo") or after "by"/"from" ("data from Marlow Research")."""
        text = mention.text
        for run in RUN.finditer(text):
            word = run.group()
            if word in ("The", "A", "An", "According") or (
                    run.start() == 0 and " " not in word and word.lower() in self.lower()):
                continue  # a capitalised first word ("New data from ...")
            start = mention.start + run.start()
            words = word.split()
            while words and words[0] in _CALENDAR:  # "a March Harbour Press article"
                start += len(words[0]) + 1
                words = words[1:]
            own = next((i for i, w in enumerate(words) if w.endswith(POSSESSIVE_ENDS)), None)
            if own is not None:  # "the Central Bank's Beige Book": the owner of the book
                words = words[:own + 1]
            if not words:
                continue
            word = " ".join(words)
            name = unpossessive(word)
            rest = text[run.end():].split()
            if rest and rest[0].lower() in ORG_HEADS:  # "a Doe campaign memo"
                return Mention(name + " " + rest[0], start, "org", name + " " + rest[0].lower())
            person = self.known(name)
            if person is not None and not _org_like(person):
                return Mention(word, start, "name", " ".join(person.tokens), None, person.gender)
            if word.endswith(POSSESSIVE_ENDS) and not _is_org(name):
                return None  # someone's document, but no one of this article: unknown
            return Mention(word, start, "org", _org_name(word))
        return None

    def known(self, run: str) -> Person | None:
        """The person of the article a capitalised run names, if any (no new person)."""
        info = _run_info(run)
        tokens = info[0] if isinstance(info, tuple) else clean_name(run)[0] \
            if info is None else ()
        return self._match(tokens, None, create=False) if tokens else None

    def focus_between(self, gender: str, lo: int, hi: int) -> Person | None:
        """The latest focus of that gender in ``[lo, hi)``, or None."""
        for k in range(bisect_left(self._event_at, hi) - 1, -1, -1):
            at, p = self.events[k]
            if at < lo:
                break
            if p.gender == gender:
                return p
        return None

    def _fresher(self, named: tuple[int, Person], focus: int, gender: str, pos: int) -> bool:
        """The one person of that gender named in this sentence or the one before, when the
        latest focus is older than that ("Ruhle asked Flynn about it. He declined."): the
        pronoun means the person named."""
        starts = self.sentence_starts
        if not starts or named[0] < focus:
            return False
        run = RUN.match(self.text, named[0])
        k = bisect_right(starts, pos) - 1
        if run is None or run.group().endswith(POSSESSIVE_ENDS) and named[0] < starts[k]:
            return False  # "Walter Brandt's son said.": the possessor is not who speaks next
        prev = starts[k - 1] if k >= 1 else 0
        if not focus < prev <= named[0]:
            return False
        for p in self.people:
            if p is not named[1] and p.gender == gender:
                i = bisect_left(p.positions, prev)
                if i < len(p.positions) and p.positions[i] < pos:
                    return False  # two named: which one is meant, the focus may tell
        return True

    def _intro_subject(self, named: tuple[int, Person], focus: int, gender: str,
                       pos: int) -> bool:
        """The one person of that gender named in an introductory clause right before the
        pronoun, when the latest focus is in an earlier sentence ("When Jane Roe, the counsel,
        spoke to aides, she said ..."): the pronoun means the clause's subject."""
        starts = self.sentence_starts
        if not starts:
            return False
        s = starts[bisect_right(starts, pos) - 1]
        if not focus < s <= named[0] < pos:
            return False
        head = self.text[s:pos]
        opening = SUBORDINATE_START.match(head)
        if opening is None or not head.rstrip().endswith(","):
            return False
        if named[0] not in (s + opening.end(), s + len(head) - len(head.lstrip())):
            # (a capitalised run may start at the subordinator: "When Jane Roe")
            return False  # the name is no subject of the clause ("When X was asked about Y")
        for p in self.people:
            if p is not named[1] and p.gender == gender:
                i = bisect_left(p.positions, s)
                if i < len(p.positions) and p.positions[i] < pos:
                    return False
        return True

    def _mentioned_at(self, gender: str, pos: int) -> tuple[int, Person] | None:
        """The latest person of that gender named before ``pos``, with where."""
        best: tuple[int, Person] | None = None
        for p in self.people:
            if p.gender != gender or _headed_org(p):
                continue
            i = bisect_left(p.positions, pos)
            if i and (best is None or p.positions[i - 1] > best[0]):
                best = (p.positions[i - 1], p)
        return best

    def _org_by_role(self, head: str, pos: int) -> Person | None:
        """'the newspaper' -> the latest newspaper named before ``pos``; 'the committee' -> the
        latest organisation whose name ends in 'Committee'."""
        pattern = _ORG_CLASSES.get(head)
        for at, name in reversed(self.orgs):
            if at >= pos:
                continue
            low = name.lower()
            if (pattern and pattern.search(name)) or low.endswith(" " + head) or low == head \
                    or self._introduced_as(at, name, head):
                person = self._match([name], None, create=True)
                if person is not None:
                    person.heads.add(head)
                return person
        return None

    def _org_nearby(self, head: str, pos: int) -> Person | None:
        """'the group' (or 'the agency', ...) at ``pos``: the one organisation named in its
        sentence before it or in the two sentences before that, when it can be of that kind
        (an agency's name ends with "Agency"; a group is no news outlet or government office)."""
        starts = self.sentence_starts
        k = bisect_right(starts, pos) - 1
        lo = starts[max(0, k - 2)] if starts else 0
        named = {name for at, name in self.orgs if lo <= at < pos}
        named |= {p.key for p in self.people if _org_like(p)
                  and any(lo <= at < pos for at in p.positions)}
        for m in RUN.finditer(self.text, lo, pos):  # "Harbour Watch Coalition volunteers"
            name = _org_name(m.group())
            if " " in name and name.rsplit(None, 1)[-1] in _ORG_NAME_LAST:
                named.add(name)
        fits = [n for n in named if (n.lower().endswith(" " + head) or head in _ANY_ORG
                                      and not _ORG_CLASSES["newspaper"].search(n)
                                      and not _ORG_CLASSES["network"].search(n)
                                      and n.split()[-1] not in _OFFICE_LAST)]
        if len(fits) != 1:
            return None
        person = self._match([fits[0]], None, create=True)
        if person is not None:
            person.heads.add(head)
        return person

    def _introduced_as(self, at: int, name: str, head: str) -> bool:
        """Is the organisation named at ``at`` set beside ``head`` there ("the bank, Velbank",
        "the lender Velbank", "Velbank, the country's largest bank,")?"""
        before = self.text[max(0, at - 40):at].lower()
        after = self.text[at + len(name):at + len(name) + 60].lower()
        return bool(re.search(rf"\b{re.escape(head)},?\s+$", before)) or bool(
            re.match(rf",\s+(?:the|a|an)\s+(?:[\w'\u2019-]+\s+){{0,4}}?{re.escape(head)}\b",
                     after))

    def _by_role(self, role: str, pos: int = 1 << 30) -> Person | None:
        if _UNSPECIFIC.match(role):
            return None
        head = role_head(role)
        if not head:
            return None
        heads = _HEAD_KINDS.get(head, (head,))
        cands = [p for p in self.people if not p.role_heads(self.text).isdisjoint(heads)]
        orgs = _ROLE_ORG.findall(role.split(" of ")[0].rsplit(None, 1)[0]) if " " in role else []
        if orgs:  # "the CNN host": a host the article ties to CNN, not the radio's host
            cands = [p for p in cands if self._tied(p, orgs, pos)] or [
                p for p in self.people if self._tied(p, orgs, pos)]
            if not cands:
                self.how = "role:org-mismatch"
                return None
        if not cands:
            self.how = "role:famous"
            found = self._well_known(role)
            if found is None:
                self.how = "role:org"
                found = self._org_by_role(head, pos)
            return found
        self.how = "role:heads"
        if len(cands) == 1:
            return cands[0]
        return max(cands, key=lambda p: p.last_seen)

    def _tied(self, p: Person, orgs: Sequence[str], pos: int) -> bool:
        """Is ``p`` named, before ``pos``, right after one of ``orgs`` ("CNN’s Owen Pell",
        "Kessler’s CNN colleague, Owen Pell")?"""
        text = self.text
        for at in p.positions:
            if at >= pos:
                break
            # the words before the name, in its sentence, and the start of the name's own run
            # ("NBC’s Dana Pruitt")
            window = text[max(0, at - _TIE_WINDOW):at + 8]
            window = window[max(window.rfind("\n", 0, -8), window.rfind(". ", 0, -8)) + 1:]
            if any(o in window for o in orgs):
                return True
        return False

    def _well_known(self, role: str) -> Person | None:
        """'the Republican nominee' -> the figure so described, only when the article names him (see
        ``roles`` in data/figures.toml): of the figures a description may mean, the one
        mentioned last."""
        desc = _DET_START.sub("", role.strip().lower().replace("\u00a0", " "))
        for pattern, figures in self.roles:
            if not pattern.fullmatch(desc):
                continue
            named = [p for p in (self._named(f) for f in figures) if p is not None]
            return max(named, key=lambda p: p.last_seen) if named else None
        return None

    def _named(self, name: str) -> Person | None:
        tokens = tuple(name.split())
        last = _split_surname(tokens)[1]
        same = self.by_surname.get(last, [])
        full = [p for p in same if _split_surname(p.tokens)[0]]
        for p in full:
            if p.tokens[0][:1] == tokens[0][:1]:
                return p
        return same[0] if same and not full else None

    def latest(self, pos: int, within: int) -> Person | None:
        i = bisect_right(self._event_at, pos)
        if i == 0:
            return None
        at, p = self.events[i - 1]
        return p if pos - at <= within else None


# A pronoun takes the latest focus (subject or speaker); a person merely named later wins only
# when named this many characters after that focus.
_NAMED_LEAD = 400
_ROLES = [(regexes.compile(p), figures) for p, figures in famous.roles()]


@lru_cache(maxsize=8)
def _compiled(roles: tuple[tuple[str, tuple[str, ...]], ...]) -> list:
    return [(re.compile(p), figures) for p, figures in roles]
# A generic role word means any of these titles ("the lawmaker" for "Rep. Tom Ashdown").
_HEAD_KINDS = {w: (w, "senator", "representative", "congressman", "congresswoman",
                   "congressmember") for w in ("lawmaker", "legislator")}
_DET_START = regexes.compile(r"^(?:the|a|an)\s+")
# A role that says which person it means only in context ("a spokesman", "his adviser").
_COLON_NEXT = regexes.compile(r" {0,2}:")  # a label's colon right after a name
_UNSPECIFIC = regexes.compile(r"(?:a|an|one|another|some|his|her|their)\s", re.IGNORECASE)
# An acronym naming an organisation inside a role ("the CNN host", "the FBI director"); a
# party ("the GOP nominee") or a country ("the U.S. envoy") says nothing of who employs them.
_ROLE_ORG = regexes.compile(r"\b(?!(?:GOP|US|UK|EU|UN|USA|DC)\b)[A-Z]{2,6}\b")
_TIE_WINDOW = 40
# Nouns of a document that speaks for its author ("the survey said", "according to a report")
_DOCUMENT_HEADS = frozenset(
    "analysis article report survey study poll data statement memo letter filing review audit"
    " tally count list estimate estimates projection projections figures documents records"
    " release editorial research investigation findings".split())


_CALENDAR = frozenset(
    "January February March April May June July August September October November December"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def _document_head(text: str) -> bool:
    return role_head(text) in _DOCUMENT_HEADS


# A singular description that can only mean an organisation ("the group", "the advocacy
# group", "the agency"): its head noun; ``_ANY_ORG``: heads that fit any organisation's name.
_ORG_MEANT = regexes.compile(
    r"[Tt]he\s+(?:[\w-]+\s+){0,2}?(group|organi[sz]ation|agency|committee)"
)
_ANY_ORG = frozenset(("group", "organization", "organisation"))
# The last words of organisations' names: institutions', and associations' ("Harbour Watch",
# "Quayside Trust").
_ORG_NAME_LAST = ORG_OF_HEADS | _ORG_LAST | frozenset("Project Watch Trust Action PAC".split())
_OFFICE_LAST = frozenset("Department Ministry Office Administration House Court Senate University"
                         " College School".split())
_OWN_ORG = regexes.compile(r"(his|her)\s+(?:campaign|team|camp)$", re.IGNORECASE)


def _headed_org(p: Person) -> bool:
    """A campaign, an administration, a government ("Kestrian government"): whatever gender
    its spokesman lent it, never "he" or "she"."""
    words = " ".join(p.tokens).split()
    return len(words) > 1 and words[-1].lower() in ORG_HEADS


def _org_like(p: Person) -> bool:
    """An organisation ("Super PACs", "Trent campaign", "CNN"): never "he" or "she"."""
    last = p.tokens[-1]
    low = last.lower()
    return (low in ORG_HEADS or low in _ORG_WORDS or _is_org(p.key)
            or (len(p.tokens) == 1 and last[:1].isupper() and last.endswith("s")
                and any(c.isupper() for c in last[1:]))
            or (len(last) > 2 and last.endswith("s") and last[:-1].isupper()))  # "Super PACs"


def _lower_given(tokens: Sequence[str]) -> tuple[str, ...]:
    """The given names after the first ("Annelise Maria Dorsey" -> ("maria",))."""
    return tuple(t.lower() for t in tokens[1:-1])


def _split_surname(tokens: Sequence[str]) -> tuple[tuple[str, ...], str]:
    """('Walter', 'Brandt', 'Jr.') -> (('Walter',), 'brandt jr'); a suffix is the surname's."""
    toks = tuple(tokens)
    if len(toks) >= 2 and toks[-1].lower() in SUFFIXES:
        return toks[:-2], (toks[-2] + " " + toks[-1].rstrip(".")).lower()
    return toks[:-1], toks[-1].lower()
