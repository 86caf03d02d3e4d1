"""Bylines: the people a credit line names, without what is glued to them.

A byline as pages write it carries more than names: "By Jane Doe, MA / Health Desk", "Jane
Doe | Science Correspondent", "Jane Doe, Reuters", "By Jane Doe\\n June 4, 2019 9:12 AM",
"By Jane Doe and John Roe". The archive wants the personal names (an author page per person),
so credentials, roles, desks, dates and the employer's name are cut, and so are labels before a
colon ("Author: Jane Doe", "Interview: Jane Doe"). Organisation credits ("Staff", "Our Foreign
Staff", "AFP") are told apart: generic staff credits name nobody and are dropped; an outlet or
agency is kept separately, for pages that credit nothing else. Placeholders ("No Author",
"Unknown", "admin") and credits of editors or photographers ("Editing by Jane Doe", "Photos:
Jane Doe") name nobody. The words of each kind, by language, are data:
``site_gen/data/byline_roles.toml``.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources

from site_gen import regexes


def _byline_words() -> dict[str, list[str]]:
    """Role words, labels and placeholders of bylines, from ``site_gen/data/byline_roles.toml``
    (data, not code: a language is added there)."""
    text = resources.files("site_gen").joinpath("data/byline_roles.toml").read_text("utf-8")
    return tomllib.loads(text)


def _alternation(words: list[str]) -> str:
    """``words`` as a regex alternation, longest first (so "autorin" is tried before "autor");
    never matching when there are none."""
    unique = regexes.longest_first(set(words))
    return "|".join(re.escape(w) for w in unique) or "(?!)"


_WORDS = _byline_words()
_ROLE_AFTER = regexes.compile(rf"\s*(?:{_alternation(_WORDS.get('after', []))})\s*$")
_ROLE_BEFORE = regexes.compile(rf"^\s*(?:{_alternation(_WORDS.get('before', []))})\s*")
# "Author: Jane Roe", "Interview: Jane Roe": a label before a colon, cut from the name.
LABEL_WORDS = _alternation(_WORDS.get("label", []))
BYLINE_LABEL = regexes.compile(rf"^(?:{LABEL_WORDS})\s*[:：]\s*", re.IGNORECASE)
# "Editing by Jane Roe", "Photos: Jane Roe": a credit that names no author.
NOT_AUTHOR_CREDIT = (
    rf"(?:{_alternation(_WORDS.get('not_author', []))})(?:\s*[:：]|\s+(?:by|von|par|por)\b)"
)
_NOT_AUTHOR = regexes.compile(rf"^{NOT_AUTHOR_CREDIT}", re.IGNORECASE)
_PLACEHOLDERS = frozenset(w.casefold() for w in _WORDS.get("placeholders", []))
_LEAD_WORD = regexes.compile(
    r"^(?:(?:story|words|text|written|reported|reporting|report|article|posted)\s+by|by|von|par|"
    r"por|di|door|av|af|text|texto|autor|auteur|author|reporter)\b\s*[:：]?\s*",
    re.IGNORECASE,
)
# English month names and abbreviations as a regex alternation (also used by ``html_fields``).
MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# A date or time glued after the name: "Jane Doe March 11, 2015", "Jane Doe 11.03.2015",
# "Jane Doe Updated ...". A month name alone is not cut ("Anna May Wong").
WEEKDAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
GLUED_DATE = regexes.compile(
    rf"\s+(?:(?:{WEEKDAYS}),?\s+(?:(?:{MONTHS})\b|\d)|(?:{MONTHS})\.?\s+\d|\d{{1,2}}[./]\s?\d|\d{{1,2}}\s+(?:{MONTHS})\b|\d{{4}}-\d\d|"
    r"(?:updated|published|posted|aktualisiert|veröffentlicht|publié|am|le|el|on)\s+\d|"
    r"(?:updated|published|posted)\b|\d{1,2}:\d\d).*$",
    re.IGNORECASE | re.DOTALL,
)
_CREDENTIAL = regexes.compile(
    r"^(?:MA|MD|PhD|Ph\.D\.?|RN|MPH|MS|MSc|DO|MBA|BSc|BA|JD|Esq\.?|Jr\.?|Sr\.?|II|III)$"
)
_STAFF = regexes.compile(
    r"\b(?:staff|desk|team|bureau|newsroom|editorial|agencies|agency|wires?|redaktion|"
    r"rédaction|redacción|redazione|redaktion|correspondents|reporters|editors|contributors)\b",
    re.IGNORECASE,
)
_ROLE = regexes.compile(
    r"\b(?:correspondent|editor|reporter|writer|columnist|contributor|producer|analyst|"
    r"photographer|journalist|chief|senior|political|science|health|business|sports?|"
    r"special|associate|contributing|freelance|intern|host|anchor|critic)\b",
    re.IGNORECASE,
)
# Between names: punctuation, a conjunction, or both (the serial comma: "A, B, and C").
_CONJUNCTIONS = r"and|und|et|y|e|i|och|og|en|ve"
_SPLIT = regexes.compile(rf"\s*(?:,?\s(?:{_CONJUNCTIONS})\s|[,;&/|·•])\s*")
_SPLIT_KEEP = regexes.compile(rf"({_SPLIT.pattern})")  # the same, the separators kept
_CONJUNCTION = regexes.compile(rf"\s(?:{_CONJUNCTIONS})\s|&")
_PARTICLES = frozenset(
    "de da di do du dos das del della van von der den ter le la al el bin ibn".split()
)
_CASED = regexes.compile(r"[A-Za-zÀ-ÿ]")
_WS = regexes.compile(r"\s+")
_NOT_A_NAME = regexes.compile(r"\d|@|://")
_URL_OR_HANDLE = regexes.compile(  # "site.com/jane"
    r"://|^www\.|^@|^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/"
)


def is_staff_credit(text: str) -> bool:
    """A generic staff credit ("Staff", "Our Foreign Staff", "Web Desk"): names nobody."""
    return bool(_STAFF.search(text))


def _cut(text: str) -> str:
    text = _WS.sub(" ", text).strip(" \t,;:|-–—")  # \s covers NBSP
    text = GLUED_DATE.sub("", text)
    text = _ROLE_BEFORE.sub("", _ROLE_AFTER.sub("", text))
    text = _FOR_OUTLET.sub("", text)
    for _ in range(2):
        text = BYLINE_LABEL.sub("", _LEAD_WORD.sub("", text)).strip(" ,;:|-–—")
    return text


def is_placeholder(text: str) -> bool:
    """What a CMS writes where no author is named ("No Author", "Unknown", "admin", "N/A")."""
    return _WS.sub(" ", text).strip(" .,;:-–—()[]").casefold() in _PLACEHOLDERS


# "Jane Roe (with John Doe and Ann Poe)": co-authors in brackets after the first, in the
# languages' words for "with". Read as a list of names ("Jane Roe, John Doe and Ann Poe").
_WITH = regexes.compile(r"\s*\((?:with|mit|avec|con|com|met|med)\s+([^()]{3,120})\)", re.I)


_ORG_ENDS = frozenset(w.casefold() for w in _WORDS.get("org_ends", []))
# "Jane Roe for the Velmar Herald", "Jane Roe For Example.com": the outlet the person wrote for.
_FOR_OUTLET = regexes.compile(
    r"\s+(?i:for|für|pour|para|per|voor)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}"
    r"\s*$")


def looks_personal(name: str, strict: bool = True) -> bool:
    """Could ``name`` be a person's name? ``strict`` (text bylines) also wants capitals."""
    words = name.split()
    if not words or len(words) > 6 or len(name) > 60 or _NOT_A_NAME.search(name):
        return False
    if len(words) > 1 and words[-1].casefold().strip(".,") in _ORG_ENDS:
        return False  # an organisation's name ("Velmar Policy Project")
    if is_staff_credit(name) or _ROLE.search(name) and len(words) <= 3 and not strict:
        return False
    if strict and _CASED.search(name):
        if len(words) < 2 and not name.isupper():
            return False
        return all(w[:1].isupper() or w.casefold() in _PARTICLES for w in words)
    return True


def credit_line(text: str) -> bool:
    """A line that credits others than the authors ("Redaktion: A, B Faktencheck: C",
    "Photos: A", "Editing by B"): editors, photographers, translators, never article text."""
    return bool(_NOT_AUTHOR.match(text.strip()))


def credit_like(name: str) -> bool:
    """An organisation as a byline credits it ("AFP", "dpa", "Valley News Agency"), not the
    words of a sentence that starts like one ("By the time the council met, ...")."""
    words = name.split()
    if not words or len(words) > 4 or name.endswith(tuple(".!?")):
        return False
    return len(words) == 1 or all(w[:1].isupper() or w.casefold() in _PARTICLES for w in words)


# "Jane Roe is a reporter at the Herald.", "Jane Roe ist Korrespondentin in Rom.": a closing bio
# names the story's author (a name, a verb of being, a writer's role in that sentence).
_BIO = regexes.compile(
    r"^(?P<name>[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,3})\s+(?:is|was|ist|war|est|es|è|é)\s+"
    r"(?P<rest>[^.!?]{0,160})"
)
_BIO_ROLE = regexes.compile(rf"\b(?:{_alternation(_WORDS.get('bio_roles', []))})\b", re.IGNORECASE)
_FORMER = regexes.compile(r"\b(?:former|ehemalige[rn]?|ancienne?|ex-)", re.IGNORECASE)


def bio_author(text: str) -> str | None:
    """The subject of a closing bio ("Jane Roe is a reporter at the Herald."), None when
    ``text`` is none (a former journalist is named for what they do now)."""
    match = _BIO.match(text.strip(" *_"))
    if match is None or len(text) > 300:
        return None
    rest = match.group("rest")
    if not _BIO_ROLE.search(rest) or _FORMER.search(rest):
        return None
    name = match.group("name")
    return name if looks_personal(name) else None


_KEEPS_PERIOD = regexes.compile(r"(?:^|\s)(?:[A-Z]|Jr|Sr|St)\.$")


def _end_period(part: str) -> str:
    """A closing full stop goes, unless it ends an abbreviation ("Peter Vance Jr.")."""
    return part if _KEEPS_PERIOD.search(part) else part.rstrip(".").rstrip()


def parse_byline(text: str, strict: bool = True) -> tuple[list[str], list[str]]:
    """(personal names, other credits) of one byline. Roles, desks, credentials, dates go."""
    if _URL_OR_HANDLE.search(text.strip()) or is_placeholder(text):
        return [], []  # a profile URL, a handle or a placeholder, not a name
    cleaned = _cut(_WITH.sub(r", \1", text))
    if not cleaned:
        return [], []
    people: list[str] = []
    others: list[str] = []
    for part in _credited_parts(cleaned):
        part = _end_period(_cut(part).strip(" "))
        if not part or _CREDENTIAL.match(part) or is_placeholder(part):
            continue
        if looks_personal(part, strict) and not (_ROLE.search(part) and strict):
            if part not in people:
                people.append(part)
        elif (not is_staff_credit(part) or _names_an_outlet(part)) \
                and not _ROLE.search(part) and part not in others:
            others.append(part)
    return people, others


_SEGMENTS = regexes.compile(r"\s*[;|·•]\s*")


def _credited_parts(text: str) -> list[str]:
    """The parts of a byline that may name its authors. A label of a credit that names no
    author ("Editing by", "Photos:", "Redaktion:") covers the names after it up to the next
    label or the end of its segment ("Photos: Jane Roe and Tom Vance | Text: Ana Lima": only
    Ana Lima). After a role ("Jane Roe, Senior Fellow, Velmar Speech Project") or the last name
    of a list ("Jane Roe and Tom Vance, Velmar Herald"), what a comma adds is the authors'
    affiliation; a conjunction may add another author."""
    kept: list[str] = []
    for segment in _SEGMENTS.split(text):
        others = after_role = after_pair = False
        pieces = _SPLIT_KEEP.split(segment)
        for i in range(0, len(pieces), 2):
            part, stripped = pieces[i], pieces[i].strip()
            joined = pieces[i - 1] if i else ""
            if not stripped:
                continue
            if _NOT_AUTHOR.match(stripped):
                others = True  # "Editing by Jane Roe", "Photos: Jane Roe": no author
                continue
            if BYLINE_LABEL.match(stripped) or _LEAD_WORD.match(stripped):
                # "Text: Ana Lima", "By Ana Lima": an author's credit again
                others = after_role = after_pair = False
            elif (after_role or after_pair) and not _CONJUNCTION.search(joined):
                continue  # "Jane Roe and Tom Vance, Velmar Herald": the list has ended
            after_pair = after_pair or bool(_CONJUNCTION.search(joined))
            after_role = bool(_ROLE.search(stripped))
            if not others:
                kept.append(part)
    return kept



# What is left of a staff credit that names its organisation: an acronym or a domain.
_OUTLET_LEFT = regexes.compile(r"[A-Z][A-Z0-9&]{1,7}|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}")


def _names_an_outlet(credit: str) -> bool:
    """A staff credit naming its organisation ("CNN Wire", "ABC-Redaktion", "Redaktion
    example.de"), which stands for that organisation, unlike "Staff" or "Web Desk" alone."""
    left = _STAFF.sub(" ", credit).strip(" -–—/|,.:")
    return bool(left) and _OUTLET_LEFT.fullmatch(left) is not None
