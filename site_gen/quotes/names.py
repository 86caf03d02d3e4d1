"""Names and mentions: what the words next to a quote say about who is speaking.

A *mention* is the noun phrase a cue attaches to: a name ("Sheikh Seyyed Yusuf Qadiri"), a
pronoun ("he"), a role ("the Chairman"), an organisation ("the Brandt campaign") or an unnamed or
generic source ("a spokesman", "officials"). ``parse_mention`` classifies one and strips
honorifics and titles from names, so that "Mr. Brandt", "President Brandt" and "Walter J. Brandt"
can be matched; the stripped titles and premodifiers are kept as the role ("Chairman of the
Harbour Council"), which ties later role mentions ("the Chairman") to the person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from site_gen import regexes
from site_gen.quotes.cues import PREPOSITIONS, opens_inverted
from site_gen.quotes.firstnames import gender_of, is_given_name

UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
LO = "a-z\u00df-\u00f6\u00f8-\u00ff"
# (initials written together before a name, "J.M. Reyl", are one word)
_INITIALS = rf"\.(?:[{UP}]\.){{1,2}}(?=[ \u00a0]+[{UP}])"
_CAP = (rf"(?:[{UP}]{_INITIALS}|[{UP}][{LO}]{{0,3}}\.|(?:(?:al|el|ad|as|ash|an)-)?"
        rf"[{UP}][{LO}{UP}'\u2019]*(?:-[{UP}{LO}][{LO}{UP}'\u2019]*)*)")
_PARTICLE = r"(?:van|von|de|da|del|der|den|bin|ibn|la|le|du|dos|di|al)"
# Words that open a surname of two words written capitalised ("Le Garrec", "Abu Samra",
# "Vander Meulen"): the lower-case particles above and a few more.
SURNAME_PARTICLES = frozenset(
    "van von de da del der den bin ibn la le du dos di al della vande vander abu el ben ter ten"
    " st".split())
# The first ``_CAP`` of a run written to start with a bare character class (then the
# lookbehind on the character before it): the regex engine then skips at C speed to the next
# capital (or "al-", "el-", ...), where a leading lookbehind made it try every position.
_CAP_TAIL = rf"[{LO}{UP}'\u2019]*(?:-[{UP}{LO}][{LO}{UP}'\u2019]*)*"
_FIRST_CAP = (rf"[{UP}ae](?<![\w-].)(?:(?<=[{UP}])(?:{_INITIALS}|[{LO}]{{0,3}}\.|{_CAP_TAIL})"
              rf"|(?:(?<=a)(?:l|d|s|sh|n)|(?<=e)l)-[{UP}]{_CAP_TAIL})")
RUN = regexes.compile(rf"{_FIRST_CAP}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)?{_CAP})*")

# Titles of a person's name: stripped here, and dropped when ``speakers.norm_tokens`` compares
# names across articles.
TITLES = frozenset(
    """mr mrs ms miss mx dr prof professor sen senator rep representative gov governor president
    pres vice secretary sec gen general lt col rev reverend sir dame judge justice mayor
    speaker chairman chairwoman ayatollah grand seyyed sayyed sayed syed sheikh shaikh imam
    hojatoleslam king queen prince princess pope cardinal bishop father rabbi chancellor
    premier minister prime ambassador""".split()
)
# ... and the ranks and roles also stripped from a name here (they are the person's role).
HONORIFICS = TITLES | frozenset(
    """attorney commissioner director chief captain capt sgt officer detective coach pastor emir
    lord lady adm admiral maj major cmdr commander supt atty hon leader chair candidate
    nominee""".split()
)
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
_MALE_TITLES = frozenset("mr sir king prince father lord".split())
_FEMALE_TITLES = frozenset("mrs ms miss dame queen princess lady".split())
# Forms of address, which only a person's name follows ("Mr. Board" is a person)
_ADDRESSES = frozenset("mr mrs ms miss mx dr sir dame lord lady madam".split())
# Capitalised words that start a sentence or modify a name but are never part of it.
STOP = frozenset(
    """the a an but and or so yet if when while as after before since because though although then
    also in on at for of from with by to into about over under than that this these those
    there here his her their its our my your we i he she they it you who what which where
    why how not no yes republican republicans democrat democrats democratic gop american
    americans former u.s. us senate house congressional presidential campaign
    meanwhile still however monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    today yesterday tomorrow last next earlier later asked according said says told mrs. mr.
    ms. dr. speaking writing""".split()
)
SPLIT_WORDS = regexes.compile(r"[\s,]+")
_INDEFINITE = regexes.compile(r"(?:a|an|one|another|some|two|three|several)\s", re.IGNORECASE)
_TITLE_FUNCTION = frozenset("on the in of and for to at with from by that is are was be as or"
                             " a an into about over".split())
_STOP_OR_TITLE = STOP | HONORIFICS
_TITLE_OR_SUFFIX = HONORIFICS | SUFFIXES
_TRAILING_TIME = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight"
    " earlier".split()
)
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "they": None, "it": None, "i": None,
            "we": None, "you": None, "who": None}
GROUP_HEADS = frozenset(
    """officials aides advisers advisors experts analysts critics sources people supporters voters
    backers donors loyalists
    democrats republicans members leaders observers residents lawmakers economists researchers
    activists officers investigators authorities staff staffers surrogates allies opponents
    spokesmen scholars others many some both several few polls polling reports studies documents
    emails email report study poll survey statement memo ad ads letter filing filings data records
    group groups organizers protesters students teachers parents workers employees friends
    americans conservatives liberals progressives evangelicals women men fans insiders
    strategists pundits agency agencies committee government campaigns""".split()
)
_FUNCTION = frozenset("the a an one another this that his her their its our former late".split())
# The last word of an organisation named after a person ("the Brandt campaign").
ORG_HEADS = frozenset("campaign administration camp team foundation transition government".split())
_DETERMINERS = regexes.compile(
    r"^(?:the|a|an|one|another|this|that|these|those|his|her|their|its|our)\s+",
                          re.IGNORECASE)
# A present participle right before a name, after a word that is no determiner ("voters
# backing Jane Doe"): the name is its object ("a smiling Jane Doe": an adjective).
_PARTICIPLE_END = regexes.compile(
    r"(?:^|\s)(?!(?:a|an|the|his|her|their|its|our|my|your|this|that|one|and|or)\s)"
    r"[\w'\u2019-]+\s+[a-z]{2,}ing\s+$", re.IGNORECASE)
# Prepositions whose object a name after an honorific is ("a friend of Mr. Reyl"; "backed by
# Sen. Jane Doe" names the one who acts).
_OBJECT_END = regexes.compile(r"(?:\s(?:of|for|to|with|against|about)|[a-z]ing)\s+$", re.IGNORECASE)
_PREPOSITION_END = regexes.compile(
    r"(?:^|\s)(?:for|of|at|with|to|from|in|on|by|about|against)(?:\s+the)?\s*$",
                              re.IGNORECASE)


_INITIAL = regexes.compile(r"[A-Z]\.")


class Mention(NamedTuple):
    """One parsed speaker mention; ``start`` is its offset in the article text."""

    text: str
    start: int
    kind: str  # name | pronoun | role | org | group
    name: str | None = None  # cleaned name for kind name/org ("Yusuf Qadiri")
    role: str | None = None  # the role words ("Chairman of the Harbour Council", "the Chairman")
    gender: str | None = None


POSSESSIVE_ENDS = ("'s", "\u2019s")


def unpossessive(token: str) -> str:
    """'Brandt's' -> 'Brandt' (a suffix test, not a regex: names are split into tokens by the
    thousand)."""
    return token[:-2] if token.endswith(POSSESSIVE_ENDS) else token


def _names_person(tokens: Sequence[str]) -> bool:
    """Do these words hold a person's honorific or given name ("Dr.", "Jane")?"""
    return any(_bare(t) in HONORIFICS or is_given_name(t) for t in tokens)


_TIME_PREFIX = regexes.compile(r"^(?:then|ex|former|now)-(?=[a-z])")


def _bare(token: str) -> str:
    # "then-Secretary", "ex-President": the title itself ("secretary", "president")
    t = _TIME_PREFIX.sub("", unpossessive(token.lower()))
    return t.rstrip(".") if t not in SUFFIXES else t


@lru_cache(maxsize=8192)
def clean_name(run: str) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    """Split a capitalised run into (name tokens, title/premodifier tokens, gender from title)."""
    name, titles, gender = _clean_name(run)
    return tuple(name), tuple(titles), gender


_ACRONYM_OWNER = regexes.compile(r"[A-Z]{2,6}")
_PARTY_WORDS = frozenset("Party Movement Front".split())


def _after_possessive(raw: list[str], toks: list[str], i: int
                      ) -> tuple[list[str], list[str], str | None] | None:
    """The name after the possessive at ``raw[i]``, the owner's words among its titles."""
    name, titles, gender = _clean_name(" ".join(raw[i + 1:]))
    return (name, [*toks[: i + 1], *titles], gender) if name else None


_JOINED_INITIALS = regexes.compile(rf"(?:[{UP}]\.){{2,3}}")


def _clean_name(run: str) -> tuple[list[str], list[str], str | None]:
    raw = run.replace("\u00a0", " ").split()
    toks: list[str] = []
    for t in raw:  # possessive and trailing dots off (initials and "Jr." keep theirs)
        t = unpossessive(t)
        if not ((len(t) <= 3 and t.endswith(".")) or t.lower() in SUFFIXES
                or _JOINED_INITIALS.fullmatch(t)):
            t = t.rstrip(".")
        toks.append(t)
    for t in toks[1:]:
        if t.lower() in _TITLE_FUNCTION:
            return [], [], None  # "Praise Heaped On The Harbour": a headline, not a name
    for i in range(len(raw) - 1):
        plural = raw[i].endswith(("s'", "s\u2019"))  # "Wirelines' Jane Doe"
        if not raw[i].endswith(POSSESSIVE_ENDS) and not plural:
            continue
        rest = toks[i + 1:]
        institution = toks[i] in ORG_OF_HEADS or toks[i] in _PARTY_WORDS
        owner = plural or _ACRONYM_OWNER.fullmatch(toks[i]) or institution
        # (after an institution, three words or more may hold role words: see below)
        if owner and len(rest) >= 2 and all(x[:1].isupper() for x in rest) \
                and not (institution and len(rest) > 2):
            # "KVTR's Jane Doe", "Wirelines' Jane Doe": an organisation's, then a full name
            found = _after_possessive(raw, toks, i)
            if found:
                return found
        if plural:
            continue
        if toks[i] in ORG_OF_HEADS and len(rest) >= 3:
            # "Acme University's Media Coordinator Dane Pressner": the person after the
            # institution's role words
            k = max((j for j, x in enumerate(rest[:-2]) if _ROLE_NOUN.search(x.lower())
                     or _bare(x) in HONORIFICS), default=-1)
            if k >= 0:
                return list(rest[k + 1:]), [*toks[:i + 1], *rest[:k + 1]], None
        if rest and rest[-1] in _OFFICE_HEADS and all(x[:1].isupper() for x in rest) \
                and not _names_person(rest):
            # "Mayor Vell's Transport Department": the office, whoever heads it
            return list(rest), toks[: i + 1], None
        if not _names_person(rest):
            toks = toks[: i + 1]  # "Mr. Kemp's Democratic challenger": the name ends there
            break
        # "Harbour Radio's Jane Doe", "the Gazette's Dr. Jane Doe": the person after the
        # possessive, who works there
        found = _after_possessive(raw, toks, i)
        if found:
            return found
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        if t.endswith(".") and len(t) > 2 and _bare(t) not in _TITLE_OR_SUFFIX \
                and not _JOINED_INITIALS.fullmatch(t):
            toks = toks[i + 1:]
            break
    if not toks:
        return [], [], None
    gender = None
    cut = 0
    bares = [_bare(t) for t in toks]
    n = len(toks)
    # "Justice Department", "General Directorate": an office, whose name a title word may
    # open; the word before its head stays in the name
    last = (n - 2 if n >= 2 and toks[-1] in _OFFICE_HEADS
            and bares[-2] not in STOP and bares[-2] not in _ADDRESSES else n)
    for i in range(min(n - 1, last)):
        b = bares[i]
        if b in HONORIFICS and any(x not in SUFFIXES for x in bares[i + 1:]):
            cut = i + 1
            gender = "m" if b in _MALE_TITLES else "f" if b in _FEMALE_TITLES else gender
    lo, hi = cut, n
    if cut and hi - cut == 1 and bares[cut] in SURNAME_TITLES:
        return toks[cut:hi], toks[:cut], gender  # "Mr. King": a surname after an honorific
    while lo < min(hi, last) and (
            bares[lo] in _STOP_OR_TITLE or bares[lo] in _TITLE_TAILS and hi - lo > 2):
        lo += 1  # leading stop words and titles join the titles ("[Chief of] Staff Ada Marsh")
    while hi - lo > 1 and bares[hi - 1] in _TRAILING_TIME:
        hi -= 1
    if hi - lo > 1 and opens_inverted(bares[lo]):
        lo += 1  # "Added Jane Doe:", "Continued Roe": a cue opening its sentence, not a name
    titles, name = toks[:lo], toks[lo:hi]
    for j in range(1, len(name) - 1):
        if is_given_name(name[j]) and not any(is_given_name(x) or _INITIAL.fullmatch(x)
                                              for x in name[:j]):
            titles += name[:j]
            name = name[j:]
            break
    else:
        if len(name) >= 3 and _occupation(name[0]) and not is_given_name(name[0]):
            # "Pollster Rosaria Quint", "Moderator Osk Varga": an occupation before a full
            # name, whatever the given name
            titles += name[:1]
            name = name[1:]
    if len(name) == 1 and _bare(name[0]) in _STOP_OR_TITLE:
        return [], titles + name, gender
    return name, titles, gender


# Titles that are also surnames: after an honorific ("Mr. King", "Ms. Bishop") the surname;
# an office after one is an address ("Mr. President", "Madam Speaker").
SURNAME_TITLES = frozenset("king prince bishop dean major pope duke earl baron knight".split())


# Capitalised words of a title that end right before a name ("Secretary of State Ada
# Marsh", "Under Secretary for Management Paul Kerrigan").
_TITLE_TAILS = frozenset(
    """state management defense defence justice treasury commerce labor labour energy interior
    education agriculture transportation veterans homeland security health staff affairs policy
    operations communications intelligence counsel finance trade""".split())
_ROLE_NOUN = regexes.compile(r"(?:er|or|ist|ess|ian|ant|ent|man|woman|person|ing|ee|ive|ary|s)$")


# Endings of nouns for what people do ("pollster", "moderator", "reporter", "actress",
# "billionaire"), which no given name has.
_OCCUPATION_ENDS = ("ster", "ator", "orter", "ress", "aire", "ologist", "ician", "grapher",
                    "ist")


def _occupation(token: str) -> bool:
    low = token.lower()
    return token.replace("-", "").isalpha() and len(low) > 5 and low.endswith(_OCCUPATION_ENDS)


def first_name_like(token: str) -> bool:
    """May ``token``, before a given name and a surname, be a first name ("Annelise Maria
    Dorsey") rather than a premodifier ("Actress Eva Lindgard", "CEO John Doe", "Hammering
    Rosalind Trent", "State Ada Marsh")? ``clean_name`` strips it; the caller, who knows
    the article's lower-case words ("Even Mike Brannock"), may put it back."""
    low = token.lower()
    if _JOINED_INITIALS.fullmatch(token):
        return True  # "J.M. Reyl"
    return not (token.isupper() or low in _TITLE_TAILS or _ROLE_NOUN.search(low)
                or not token.isalpha() or low in _STOP_OR_TITLE or _occupation(token))


def name_gender(tokens: Sequence[str]) -> str | None:
    """The gender of a full name's given name (None for one word: a surname alone)."""
    return gender_of(tokens[0]) if len(tokens) > 1 else None


def role_head(role: str) -> str | None:
    """The head noun of a role description: 'Chairman of the Harbour Council' -> 'chairman'."""
    words = SPLIT_WORDS.split(_DETERMINERS.sub("", role.strip()))
    head = None
    for w in words:
        lw = w.lower().strip(".,;:'\u2019")
        if lw in ("of", "for", "at", "in", "who", "which", "and", "with", "to", "from", "on"):
            break
        if lw and lw not in _FUNCTION:
            head = unpossessive(lw)
    return head


_SUFFIX_END = regexes.compile(r"[ \u00a0](?:Jr|Sr)$")


def _trim(text: str) -> str:
    t = text.strip(" \t\n\u00a0,;:.\u2014\u2013-\"\u201c\u201d'\u2018\u2019()")
    if _SUFFIX_END.search(t) and text[text.find(t) + len(t):].startswith("."):
        t += "."  # "Jane Roe Jr., a lawyer": the suffix keeps its full stop
    return t


def parse_mention(text: str, start: int) -> Mention | None:
    """Classify the noun phrase ``text`` (found at ``start``) as a speaker mention, or None."""
    parsed = _parse(text)
    if parsed is None:
        return None
    offset, m = parsed
    return Mention(m.text, start + offset, m.kind, m.name, m.role, m.gender)


@lru_cache(maxsize=16384)
def _parse(text: str) -> tuple[int, Mention] | None:
    """``parse_mention`` at offset 0, cached (the same phrases recur in an archive)."""
    t = _trim(text)
    if not t or len(t.split()) > 14:
        return None
    offset = text.find(t)
    mention = _classify(t)
    return (offset, mention) if mention is not None else None


# "of Vermont", "from the Kestria Harbour Board", "of the Center for Coastal Studies", "of
# Grace Church in Port Velmar": where a person named before it is from or works
_OF_PLACE_END = regexes.compile(
    r"\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w.'\u2019-]*"
    r"(?:\s+(?:(?:of|for|on|and|&)\s+(?:the\s+)?)?[A-Z][\w.'\u2019-]*){0,5}"
    r"(?P<town>\s+in\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)?)?$")


_DOTTED = regexes.compile(r"(?:[A-Z]\.){1,3}[A-Z]\.?")


# Institutions named "X of Y" ("Crown Bank of Westmere Group", "University of Chicago"): one
# name, not a person "Crown Bank" and a place.
ORG_OF_HEADS = frozenset(
    "Bank University Department Bureau Institute Board Council Committee Association Federation"
    " League Chamber Church College Academy Ministry Office Court Commission Foundation Fund"
    " Union Society Corporation Company Museum School Center Centre Conference Coalition"
    " Alliance Network Agency Authority Service Services Organization Organisation Embassy"
    " Consulate Mission".split())
# The heads of the names of public offices ("Justice Department", "Interior Ministry"): a
# title word before one is part of the office's name (a form of address is not: "Mr. Board").
_OFFICE_HEADS = frozenset(
    "Department Ministry Committee Council Commission Office Bureau Agency Authority Board"
    " Administration Directorate Secretariat Assembly".split())
# "of" and the other words that join an institution's head to the rest of its name
# ("Council on Harbour Fees", "Center for Coastal Studies", "Kestrian Embassy in Port Velmar")
_OF_GAP = regexes.compile(r"[ \u00a0]+(?:of|on|for|in)[ \u00a0]+(?:the[ \u00a0]+)?")


def org_of(text: str, run: re.Match[str], end: int) -> re.Match[str] | None:
    """The run after "of" when the capitalised ``run`` names an institution that goes on
    with "of ..." ("Crown Bank" + " of Westmere Group"), else None."""
    if run.group().rsplit(None, 1)[-1] not in ORG_OF_HEADS:
        return None
    gap = _OF_GAP.match(text, run.end(), end)
    rest = RUN.match(text, gap.end(), end) if gap else None
    if rest is not None and gap is not None and gap.group().split()[0] != "of" \
            and _names_person(rest.group().split()):
        return None  # "Center for Coastal Studies President Jane Doe": a person after it
    return rest


_SEVERAL = regexes.compile(r"(?:neither|either|both)\s|.*\s(?:nor)\s", re.IGNORECASE)


def _classify(t: str) -> Mention | None:
    start = 0
    low = t.lower()
    if low in PRONOUNS:
        return Mention(t, start, "pronoun", gender=PRONOUNS[low])
    if _SEVERAL.match(t):  # "neither the Acme Group nor the campaign": no one speaker
        return Mention(t, start, "group", role=t)
    if _DOTTED.fullmatch(t):  # "U.S", "U.N.": an abbreviated organisation, not "S"
        return Mention(t, start, "org", t.rstrip(".") + ".", role=t)
    if " of " in t or " on " in t or " for " in t or " in " in t:
        org = _org_of_end(t)
        if org is not None:
            return org
    place = _OF_PLACE_END.search(t) if " of " in t or " from " in t else None
    # (not "Chief of Staff Ada Marsh": a person after "of")
    where = (place.group()[:place.start("town") - place.start()] if place and place.group("town")
             else place.group() if place else "").split()[1:]
    # (an institution's name may hold a given name: "of Grace Church")
    if place is not None and (not _names_person(where) or where[-1] in ORG_OF_HEADS):
        # "Gov. Mel Brannock of Vermont": the name before the place
        person = _classify(t[:place.start()])
        if person is not None and person.kind == "name" and " " in (person.name or ""):
            return Mention(t, start, "name", person.name, person.role, person.gender)
    runs = list(RUN.finditer(t))
    last = runs[-1] if runs else None
    if last is not None and last.end() >= len(t.rstrip("'\u2019s")):
        before = t[: last.start()]
        name, titles, gender = clean_name(last.group())
        of = _COLLECTIVE_OF.match(before)
        kind_of = before.split()[-1].lower() if before.split() else ""
        if kind_of in _NAMED_ORG_HEADS and last.group() not in ("The", "A", "An") \
                and not _PREPOSITION_END.search(before.rstrip()[:-len(kind_of)]):
            # "the non-partisan group Harbour Watch": the organisation named after its kind
            return Mention(t, start, "org", unpossessive(last.group()), role=t)
        if of and of.end() == len(before):  # "the management of Vista Radio"
            return Mention(t, start, "org", _THE_START.sub("", unpossessive(last.group())),
                           role=t)
        if _names_an_object(before, bool(name and titles), titles):
            # "a friend of Mr. Reyl", "voters backing Jane Doe": who is named is not who speaks
            # (but "Secretary of State Ada Marsh" is Ada Marsh, and in "of Sen. Ada Marsh" what
            # the preposition follows is not known)
            indefinite = _INDEFINITE.match(before)
            return Mention(t, start, "group" if indefinite else "role", role=t)
        if len(name) == 1 and name[0].lower() in GROUP_HEADS:
            return Mention(t, start, "group", role=t)
        if len(name) == 1 and _ACRONYM.fullmatch(name[0]) and name[0] not in _ROLE_ACRONYMS \
                and (titles or before.strip().lower() == "the") \
                and all(x.lower() == "the" for x in titles):
            return Mention(t, start, "org", name[0], role=before.strip() or None)  # "the NWC"
        if name:
            role = _trim(" ".join([before.strip(), *titles])) or None
            kind = "name"
            return Mention(t, start, kind, " ".join(name), role, gender or name_gender(name))
        kind = "group" if role_head(t) in GROUP_HEADS else "role"
        return Mention(t, start, kind, role=t, gender=gender)
    return _describe(t, start, runs)


def _names_an_object(before: str, titled: bool, titles: Sequence[str]) -> bool:
    """Do the words ``before`` a name make it the object of a preposition or a participle
    ("a friend of Mr. Reyl", "voters backing Jane Doe")? A name with a title after a bare
    preposition, or with a title that is no honorific, is the person itself ("of Sen. Ada
    Marsh" alone, "Secretary of State Ada Marsh")."""
    if not (_PREPOSITION_END.search(before) or _PARTICIPLE_END.search(before)):
        return False
    if not titled:
        return True
    return (len(before.split()) >= 2 and _OBJECT_END.search(before) is not None
            and all(_bare(x) in HONORIFICS for x in titles))


def _org_of_end(t: str) -> Mention | None:
    """'the Crown Bank of Westmere Group' -> the organisation named, whole."""
    runs = list(RUN.finditer(t))
    if len(runs) < 2 or runs[-1].end() < len(unpossessive(t)):
        return None
    a, b = runs[-2], runs[-1]
    nxt = org_of(t, a, len(t))
    if nxt is None or nxt.end() != b.end() or _PREPOSITION_END.search(t[:a.start()]):
        return None  # "a spokesman for the Bank of England": who speaks is unnamed
    name = unpossessive(t[a.start():b.end()])
    return Mention(t, 0, "org", name[4:] if name.startswith("The ") else name,
                   role=t[:a.start()].strip() or None)


# Collective nouns after an organisation's name ("the Harbour Watch group") or before it
# ("the management of Vista Radio"): the organisation speaks.
_NAMED_ORG_HEADS = frozenset("group organization organisation network company firm agency union"
                             " coalition alliance".split())
# Words for a kind of organisation, as a description ends with them ("the city's official
# newspaper", "a harbour company"): a name set after such a description names the organisation.
ORG_KINDS = _NAMED_ORG_HEADS | frozenset(
    "newspaper paper daily weekly magazine broadcaster channel station website outlet bank lender"
    " party campaign charity institute foundation council committee board".split())
# Who governs an organisation, after its name ("the Harbour Bank board"): it speaks for it.
_GOVERNING = frozenset("board management leadership".split())
_COLLECTIVE_OF = regexes.compile(r"^(?:the\s+)?(?:management|leadership|board|owners|organizers"
                                 r"|organisers)\s+of\s+(?:the\s+)?", re.IGNORECASE)
_ACRONYM = regexes.compile(r"[A-Z]{2,6}")
_ROLE_ACRONYMS = frozenset("CEO CFO COO CTO CIO MP MEP PM DA AG GM VP PAC PR".split())
_THE_START = regexes.compile(r"^The\s+")


def _describe(t: str, start: int, runs: list[re.Match[str]]) -> Mention | None:
    words = t.split()
    head = words[-1].lower().strip(".,")
    if (head in _NAMED_ORG_HEADS or head in _GOVERNING) and runs \
            and runs[-1].end() == len(t) - len(words[-1]) - 1 \
            and runs[-1].group() not in ("The", "A", "An"):
        return Mention(t, start, "org", _THE_START.sub("", runs[-1].group()), role=t)
    if head in ORG_HEADS and runs:
        owner = words[-2] if len(words) >= 2 else ""
        if _JOINED_INITIALS.fullmatch(owner):  # "the U.S. government": initials are one word
            return Mention(t, start, "org", f"{owner} {head}", role=t)
        name, _, _ = clean_name(runs[-1].group())
        between = t[runs[-1].end():].split()[:-1]
        if name and len(between) <= 3 and not any(w in PREPOSITIONS for w in between):
            # (not "all of my pals in government": a name and the head a phrase apart)
            # an organisation's whole name ("the Harbour Watch team", "the Harbour University
            # football team"); a person's surname ("the Jane Doe campaign" is the "Doe campaign")
            whole = len(name) > 1 and not is_given_name(name[0]) and len(between) <= 1 \
                and all(w.isalpha() and w.islower() for w in between)
            org = " ".join([*name, *between, head]) if whole else name[-1] + " " + head
            return Mention(t, start, "org", org, role=t)
    if head in GROUP_HEADS or (head.endswith("s") and not head.endswith("ss") and len(words) <= 2
                                and not _DETERMINERS.match(t)):
        return Mention(t, start, "group", role=t)
    if not words[0][0].isalpha():
        return None
    return Mention(t, start, "role", role=t)
