"""One canonical speaker per person across the archive.

Each article names its speakers in its own way ("Walter J. Brandt", "Mr. Brandt", "Brandt"); the
extractor already reduced each to an in-article key (the fullest name, titles stripped).
``canonicalize`` merges those keys across articles:

* names are compared casefolded, without accents, punctuation, honorifics or titles
  ("Sheikh", "Seyyed", "President", "Mr.", "Dr.", "Sen.") and without middle initials, so
  "Walter J. Brandt" and "President Walter Brandt" are one person;
* a bare surname ("Qadiri") joins the one full name with that surname; when several people
  share it, it joins one only if that one is far more frequent, and two full names with one
  surname (Gordon and Rosalind Trent) are never merged;
* well-known figures and organisations (``famous``) are one cluster under their common name
  ("Melvin R. Brannock", "Mel Brannock" -> "Mel Brannock"; "AP" -> "Associated Press");
* otherwise the canonical name is the full name most articles use; on a tie, the form
  without the middle name or initial another form has ("Jane Roe" over "Jane Q. Roe"), else
  the fullest, then the shorter, then the alphabetically first; ``Speaker.id`` is its slug,
  made unique.

``pins`` (from the user's ``speakers.toml``, see ``load_pins``) come first and win: a key
matching a pinned name or alias gets the pinned speaker. Schema of ``speakers.toml``::

    # one table per person; only `name` is required
    [[speaker]]
    name = "Yusuf Qadiri"                          # the canonical name shown on the site
    aliases = ["Sheikh Qadiri", "the Chairman"]    # other names that mean this person
    description = "Chairman of the Harbour Council"
    id = "yusuf-qadiri"                            # optional; default: slug of `name`
    roles = ["(?:harbour )?council chairman"]      # descriptions (regular expressions) that
                                                   # mean him in an article naming him

Output is deterministic: inputs are sorted before clustering, no set or dict order leaks out.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from slugify import slugify

from site_gen import regexes
from site_gen.model import Speaker, SpeakerMention
from site_gen.quotes import famous
from site_gen.quotes.firstnames import is_given_name
from site_gen.quotes.names import TITLES
from site_gen.slugs import make_slug

_TITLES = TITLES | frozenset("the former late u.s us".split())
_SUFFIX = frozenset("jr sr ii iii iv".split())
_DOMINANCE = 3  # a shared surname joins the most frequent bearer when it is this many times ahead


_POSSESSIVE = regexes.compile(r"['\u2019]s\b")
_NON_WORD = regexes.compile(r"[^\w\s-]")


@lru_cache(maxsize=16384)
def norm_tokens(name: str) -> tuple[str, ...]:
    """'Sheikh Seyyed Yusuf Qadiri' -> ('yusuf', 'qadiri'); middle initials dropped.
    Cached: every name and form is compared several times (pins, famous, clusters)."""
    if name.isascii():  # no accents to strip (the common case)
        n = name.casefold()
    else:
        n = unicodedata.normalize("NFKD", name)
        n = "".join(c for c in n if not unicodedata.combining(c)).casefold()
    n = _POSSESSIVE.sub("", n)
    n = _NON_WORD.sub(" ", n).replace("-", " ")
    toks = [t for t in n.split() if t not in _TITLES]
    suffix: list[str] = []
    while len(toks) > 1 and toks[-1] in _SUFFIX:
        suffix.insert(0, toks.pop())
    if len(toks) > 2:
        toks = [toks[0]] + [t for t in toks[1:-1] if len(t) > 1] + [toks[-1]]
    return tuple(toks + suffix[:1])


def _person_key(toks: tuple[str, ...]) -> tuple[str, ...]:
    """Two full names are one person when first and last tokens (and a Jr./Sr. suffix) agree:
    "Walter J. Brandt" is "Walter Brandt", "Walter Brandt Jr." is not; a short given name
    counts as the formal one ("Tom Halvard" is "Thomas Halvard", ``data/given_names.toml``)."""
    if len(toks) >= 3 and toks[-1] in _SUFFIX:
        return (_FORMAL.get(toks[0], toks[0]), toks[-2], toks[-1])
    return (_FORMAL.get(toks[0], toks[0]), toks[-1]) if len(toks) >= 2 else toks


def _formal_names() -> dict[str, str]:
    """Short given name -> the formal one, from the shipped table."""
    text = resources.files("site_gen").joinpath("data/given_names.toml").read_text("utf-8")
    table = tomllib.loads(text).get("formal", {})
    out: dict[str, str] = {}
    for formal, shorts in table.items():
        if isinstance(formal, str) and isinstance(shorts, list):
            for short in shorts:
                if isinstance(short, str):
                    out.setdefault(short.casefold(), formal.casefold())
    return out


_FORMAL = _formal_names()


def _pin_index(pins: Sequence[Speaker]) -> dict[tuple[str, ...], Speaker]:
    index: dict[tuple[str, ...], Speaker] = {}
    for pin in pins:
        for form in (pin.name, *pin.aliases):
            toks = norm_tokens(form)
            if toks:
                index.setdefault(toks, pin)
                index.setdefault(_person_key(toks), pin)
    return index


def famous_index(entries: list[tuple[str, tuple[str, ...]]]) -> dict[tuple[str, ...], str]:
    """Normalised form -> common name of a well-known figure or organisation, for
    ``famous.entries()`` or a table of the same shape."""
    index: dict[tuple[str, ...], str] = {}
    for name, forms in entries:
        for form in forms:
            toks = norm_tokens(form)
            index.setdefault(toks, name)
            if len(toks) >= 2:
                index.setdefault(_person_key(toks), name)
    return index


_FAMOUS = famous_index(famous.entries())


def famous_name(key: str) -> str | None:
    """The common name when ``key`` names a well-known figure ("Walter J. Brandt" -> "Walter
    Brandt", "Melvin R. Brannock" -> "Mel Brannock", "AP" -> "Associated Press"), else None."""
    toks = norm_tokens(key)
    if not toks:
        return None
    return _FAMOUS.get(toks) or (_FAMOUS.get(_person_key(toks)) if len(toks) >= 2 else None)


def _cluster_key(toks: tuple[str, ...], famous: str | None) -> tuple[str, ...]:
    if famous is not None:
        return _person_key(norm_tokens(famous)) or (famous,)
    return _person_key(toks)


def _clusters(entries: list[tuple[str, SpeakerMention]], why: dict[int, str] | None = None,
              ) -> dict[tuple[str, ...], list[int]]:
    """Cluster entries by person key (well-known figures by their common name); bare names
    join a unique or dominant full name. ``why`` gets the rule that placed each entry."""
    why = {} if why is None else why
    clusters: dict[tuple[str, ...], list[int]] = defaultdict(list)
    singles: list[int] = []
    for i, (_, sm) in enumerate(entries):
        toks = norm_tokens(sm.key)
        fam = famous_name(sm.key)
        if len(toks) >= 2 or fam is not None:
            clusters[_cluster_key(toks, fam)].append(i)
            why[i] = "a well-known figure (figures.toml)" if fam is not None else "full name"
        elif toks:
            singles.append(i)
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(clusters):
        if len(key) >= 2 and key[-1] not in _SUFFIX:
            by_last[key[-1]].append(key)
        elif len(key) >= 3:  # "Peter R. Vance Jr.": the surname is before the suffix
            by_last[key[-2]].append(key)
    for i in singles:
        tok = norm_tokens(entries[i][1].key)[0]
        cands = by_last.get(tok, [])
        target = _dominant(cands, clusters) if cands else None
        clusters[target or (tok,)].append(i)
        why[i] = ("surname alone: no full name with it" if not cands
                  else "surname alone: several full names with it, none far ahead"
                  if target is None else "surname of the one full name with it"
                  if len(cands) == 1 else "surname of the far most quoted full name with it")
    _join_compound_surnames(entries, clusters, why)
    _join_decorated_surnames(entries, clusters, why)
    _join_acronyms(entries, clusters, why)
    return clusters


_ACRONYM = regexes.compile(r"(?:[Tt]he\s+)?([A-Z]{2,6})")
_INITIAL_SKIP = frozenset("of the and for on in at to & de du la le des".split())


def _initials(name: str) -> str:
    """'Federal Bureau of Investigation' -> 'FBI'; '' when a word is not capitalised."""
    out = []
    for word in name.replace("-", " ").split():
        if word.casefold() in _INITIAL_SKIP:
            continue
        if not word[:1].isupper():
            return ""
        out.append(word[0])
    return "".join(out)


def _join_acronyms(entries: list[tuple[str, SpeakerMention]],
                   clusters: dict[tuple[str, ...], list[int]],
                   why: dict[int, str]) -> None:
    """An acronym alone ("AP", "the FBI") is the organisation whose full name it abbreviates
    ("Associated Press", "Federal Bureau of Investigation") when the archive quotes exactly
    one such name of two words or more (not a person's: no given name first)."""
    by_initials: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for key, members in clusters.items():
        if len(key) < 2:
            continue
        for i in members:
            name = entries[i][1].key
            if not is_given_name(name.split()[0]):
                initials = _initials(name)
                if len(initials) >= 2:
                    by_initials[initials].add(key)
    for key in sorted(k for k in clusters if len(k) == 1):
        members = clusters[key]
        # (two letters only as "the AP": "ID", "NY" alone are a state's code as often)
        acronyms = {m.group(1) for i in members
                    if (m := _ACRONYM.fullmatch(entries[i][1].key.strip())) is not None
                    and (len(m.group(1)) >= 3 or any(
                        _ACRONYM.fullmatch(f) and f[:4].casefold() == "the "
                        for f in entries[i][1].forms))}
        if len(acronyms) != 1:
            continue
        owners = by_initials.get(acronyms.pop(), set())
        if len(owners) != 1:
            continue
        (owner,) = owners
        _merge(clusters, key, owner, why, "an acronym of the one full name it abbreviates")


def _merge(clusters: dict[tuple[str, ...], list[int]], key: tuple[str, ...],
           owner: tuple[str, ...], why: dict[int, str], reason: str) -> None:
    """Move the cluster ``key`` into ``owner``, each moved entry explained by ``reason``."""
    moved = clusters.pop(key)
    clusters[owner].extend(moved)
    for i in moved:
        why[i] = reason


def _capitalised_end(name: str) -> bool:
    """The name ends in a capitalised word, as surnames do ("Clinton campaign" does not)."""
    words = name.split()
    return bool(words) and words[-1][:1].isupper()


def _join_decorated_surnames(entries: list[tuple[str, SpeakerMention]],
                             clusters: dict[tuple[str, ...], list[int]],
                             why: dict[int, str]) -> None:
    """A two-word "name" whose first word is no given name ("Staff Jane Roe" cut short to
    "Staff Roe", "Wisconsin Roe", a headline's "Defiant Roe") is the person of that surname
    whom the same article names in full, when it names exactly one."""
    where: dict[int, tuple[str, ...]] = {i: k for k, members in clusters.items() for i in members}
    full_by_article: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for i, (aid, sm) in enumerate(entries):
        toks = norm_tokens(sm.key)
        if len(toks) >= 2 and is_given_name(toks[0]) and _capitalised_end(sm.key):
            last = toks[-2] if len(toks) >= 3 and toks[-1] in _SUFFIX else toks[-1]
            full_by_article[(aid, last)].add(where[i])
    for i, (aid, sm) in enumerate(entries):
        toks = norm_tokens(sm.key)
        if len(toks) != 2 or is_given_name(toks[0]) or not _capitalised_end(sm.key):
            continue
        owners = full_by_article.get((aid, toks[1]), set()) - {where[i]}
        if len(owners) == 1:
            (owner,) = owners
            clusters[where[i]].remove(i)
            if not clusters[where[i]]:
                del clusters[where[i]]
            clusters[owner].append(i)
            where[i] = owner
            why[i] = "a word before a surname: the person the article names in full"


def _join_compound_surnames(entries: list[tuple[str, SpeakerMention]],
                            clusters: dict[tuple[str, ...], list[int]],
                            why: dict[int, str]) -> None:
    """A two-word name that is the end of longer full names ("Oakhurst Vidal" of "Tamsin
    Oakhurst Vidal", "van Dam" of "Pieter van Dam") is that person's compound surname,
    when its first word is no given name and one person alone bears it."""
    tails: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for key, members in clusters.items():
        for i in members:
            toks = norm_tokens(entries[i][1].key)
            toks = toks[:-1] if len(toks) >= 3 and toks[-1] in _SUFFIX else toks
            if len(toks) >= 3:
                tails[(toks[-2], toks[-1])].add(key)
    for key in sorted(k for k in clusters if len(k) == 2):
        owners = tails.get((key[0], key[1]), set()) - {key}
        if len(owners) != 1 or is_given_name(key[0]) or key not in clusters:
            continue
        (owner,) = owners
        _merge(clusters, key, owner, why, "compound surname of the one full name ending with it")


def _dominant(cands: list[tuple[str, ...]], clusters: dict[tuple[str, ...], list[int]],
              ) -> tuple[str, ...] | None:
    if len(cands) == 1:
        return cands[0]
    ranked = sorted(cands, key=lambda k: (-len(clusters[k]), k))
    if len(clusters[ranked[0]]) >= _DOMINANCE * len(clusters[ranked[1]]):
        return ranked[0]
    return None


def _canonical_name(names: list[str]) -> str:
    """The common name of a well-known figure, else the full name (first and last at least)
    that most articles use: the form readers know ("Jane Roe", though one paper writes "Jane
    Q. Roe"); on a tie the same, else the fullest (middle initials count)."""
    for n in names:
        fam = famous_name(n)
        if fam is not None:
            return fam
    counts = Counter(names)
    full = [n for n in counts if len(norm_tokens(n)) >= 2] or list(counts)
    toks = {n: norm_tokens(n) for n in full}
    # on a tie, the name without its middle ("Jane Roe" over "Jane Q. Roe"), else the fullest
    bare = {n for n in full if any(_fullness(o) > _fullness(n) and toks[o][0] == toks[n][0]
                                   and toks[o][-1] == toks[n][-1] for o in full)}
    return min(full, key=lambda n: (-counts[n], n not in bare, -_fullness(n), len(n), n))


def _fullness(name: str) -> int:
    """Name tokens without titles, initials included: "John D. Ferrer" -> 3."""
    return sum(1 for t in _SPACES.split(name) if t and t.casefold().rstrip(".") not in _TITLES)


_SPACES = regexes.compile(r"[\s\u00a0]+")


def canonicalize(articles: Sequence[tuple[str, tuple[SpeakerMention, ...]]],
                 pins: Sequence[Speaker] = (),
                 explain: dict[tuple[str, str], str] | None = None,
                 ) -> dict[tuple[str, str], Speaker]:
    """Map (article_id, speaker_key) to an archive-wide Speaker; ``explain``, when given, gets
    for each the rule that chose it ("full name", "surname of the one full name with it",
    "speakers.toml", ...)."""
    entries = sorted(((aid, sm) for aid, sms in articles for sm in sms),
                     key=lambda e: (e[0], e[1].key))
    pin_of = _pin_index(pins)
    out: dict[tuple[str, str], Speaker] = {}
    pinned: dict[int, Speaker] = {}
    for i, (_, sm) in enumerate(entries):
        for form in (sm.key, *sm.forms):
            toks = norm_tokens(form)
            pin = pin_of.get(toks) or (pin_of.get(_person_key(toks)) if len(toks) >= 2 else None)
            if pin is not None:
                pinned[i] = pin
                break
    free = [e for i, e in enumerate(entries) if i not in pinned]
    used_ids: set[str] = {p.id or slugify(p.name) for p in pins}
    for i, pin in pinned.items():
        aid, sm = entries[i]
        out[(aid, sm.key)] = Speaker(pin.id or slugify(pin.name), pin.name, pin.aliases,
                                     pin.description)
        if explain is not None:
            explain[(aid, sm.key)] = "a name or alias in speakers.toml"
    why: dict[int, str] = {}
    groups = _clusters(free, why)
    for ckey in sorted(groups, key=lambda k: (k, groups[k])):
        members = [free[i] for i in groups[ckey]]
        speaker = _make_speaker(members, used_ids)
        for i in groups[ckey]:
            aid, sm = free[i]
            out[(aid, sm.key)] = speaker
            if explain is not None:
                explain[(aid, sm.key)] = why.get(i, "full name")
    return out


def _make_speaker(members: list[tuple[str, SpeakerMention]], used_ids: set[str]) -> Speaker:
    name = _canonical_name([sm.key for _, sm in members])
    aliases = sorted({f for _, sm in members for f in (sm.key, *sm.forms)} - {name})
    descs = Counter(sm.description for _, sm in members if sm.description)
    description = min(descs, key=lambda d: (-descs[d], d)) if descs else None
    base = slugify(name) or "speaker"
    sid, n = base, 2
    while sid in used_ids:
        sid, n = f"{base}-{n}", n + 1
    used_ids.add(sid)
    return Speaker(sid, name, tuple(aliases), description)


def load_pins(data: bytes, path: str) -> tuple[Speaker, ...]:
    """Parse a ``speakers.toml`` (schema in the module docstring); errors say "path:line: ..."."""
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}:1: not UTF-8 text ({exc.reason})") from exc
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = m.group(1) if m else "1"
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ValueError(f"{path}:{line}: invalid TOML: {msg}") from exc
    lines = _table_lines(data.decode("utf-8"))
    unknown = sorted(set(doc) - {"speaker"})
    if unknown:
        raise ValueError(f"{path}:1: unknown key {unknown[0]!r} (expected [[speaker]] tables)")
    tables = doc.get("speaker", [])
    if not isinstance(tables, list):
        raise ValueError(f"{path}:1: 'speaker' must be an array of tables ([[speaker]])")
    pins = []
    for k, table in enumerate(tables):
        line = lines[k] if k < len(lines) else 1
        pins.append(_pin(table, f"{path}:{line}"))
    return tuple(pins)


def _table_lines(text: str) -> list[int]:
    header = re.compile(r"\s*\[\[\s*speaker\s*\]\]")
    return [i + 1 for i, ln in enumerate(text.splitlines()) if header.match(ln)]


def _pin(table: object, where: str) -> Speaker:
    if not isinstance(table, dict):
        raise ValueError(f"{where}: each [[speaker]] must be a table")
    extra = sorted(set(table) - {"name", "aliases", "description", "id", "roles"})
    if extra:
        raise ValueError(f"{where}: unknown key {extra[0]!r} in [[speaker]]")
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: [[speaker]] needs a non-empty string 'name'")
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ValueError(f"{where}: 'aliases' of {name!r} must be a list of strings")
    desc = table.get("description")
    if desc is not None and not isinstance(desc, str):
        raise ValueError(f"{where}: 'description' of {name!r} must be a string")
    roles = table.get("roles", [])
    if not isinstance(roles, list) or not all(isinstance(r, str) and r.strip() for r in roles):
        raise ValueError(f"{where}: 'roles' of {name!r} must be a list of strings")
    for r in roles:
        try:
            re.compile(r)
        except re.error as exc:
            raise ValueError(f"{where}: role {r!r} of {name!r} is no regular expression: {exc}"
                             ) from exc
    sid = table.get("id")
    if sid is not None and (not isinstance(sid, str) or not sid or slugify(sid) != sid):
        raise ValueError(f"{where}: 'id' of {name!r} must be a slug (lowercase, a-z0-9 and '-')")
    # A name of symbols or of a script that transliterates to nothing still needs a page path.
    sid = sid or slugify(name) or make_slug(name.strip())
    return Speaker(sid, name.strip(), tuple(a.strip() for a in aliases), desc,
                   tuple(r.strip().lower() for r in roles))


def user_roles(pins: Sequence[Speaker]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(pattern, names) of the roles in the user's speakers.toml, in the file's order: read
    before the shipped ones (see ``attribution.Cast``)."""
    return tuple((r, (p.name,)) for p in pins for r in p.roles)
