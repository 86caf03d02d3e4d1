"""Licence names and URLs -> SPDX ids, and SPDX ids -> (name, deed URL) for the page.

Texts state their licence in prose ("licensed under a Creative Commons Attribution 4.0
International License"), as a short form ("CC BY-NC-SA 4.0"), as a deed URL
(creativecommons.org/licenses/by/4.0/) or as a copyright notice ("All rights reserved."). All of
them become one SPDX id, so the archive can show and filter them uniformly. The table of names
and URLs is ``site_gen/data/licenses.toml``.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from site_gen import regexes

ALL_RIGHTS_RESERVED = "all-rights-reserved"

_CC_URL = regexes.compile(
    r"creativecommons\.org/(?:licenses/(?P<kind>[a-z-]+)/(?P<ver>\d\.\d)(?:/(?P<port>[a-z]{2}))?"
    r"|publicdomain/(?P<pd>zero|mark))",
    re.IGNORECASE,
)
_CC0 = regexes.compile(
    r"\bcc\s*-?\s*0\b|\bcc\s*zero\b|\bpublic\s+domain\s+dedication\b", re.IGNORECASE
)
_ARR = regexes.compile(
    r"\ball\s+rights\s+reserved\b|\btous\s+droits\s+réservés\b|\balle\s+rechte\s+vorbehalten\b"
    r"|\btodos\s+los\s+derechos\s+reservados\b|\btutti\s+i\s+diritti\s+riservati\b",
    re.IGNORECASE,
)
_SPDX_OTHER = {
    "mit": "MIT",
    "apache-2.0": "Apache-2.0",
    "mpl-2.0": "MPL-2.0",
    "cc0-1.0": "CC0-1.0",
    "bsd-3-clause": "BSD-3-Clause",
}


@lru_cache(maxsize=1)
def _data() -> dict:
    text = resources.files("site_gen").joinpath("data/licenses.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _table() -> dict[str, tuple[str, str]]:
    data = _data().get("license", {})
    return {spdx: (entry.get("name", spdx), entry.get("url", "")) for spdx, entry in data.items()}


def _words(words: list[str]) -> str:
    """A regex alternation of a licence element's words: a space in them also matches a hyphen
    or nothing ("NonCommercial", "non-commercial"), an apostrophe either apostrophe."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"[\s-]?").replace("'", "['\u2019]")
        for w in regexes.longest_first(words)
    )


@lru_cache(maxsize=1)
def _elements() -> dict[str, re.Pattern[str]]:
    """Each element of a Creative Commons licence (by, nc, nd, sa): its short form and the
    words of its name in the languages of ``licenses.toml``."""
    terms = _data().get("cc_terms", {})
    return {
        kind: re.compile(rf"\b(?:{kind}|{_words(terms.get(kind, []))})\b", re.IGNORECASE)
        for kind in ("by", "nc", "nd", "sa")
    }


@lru_cache(maxsize=1)
def _cc_prose() -> re.Pattern[str]:
    """A licence named in prose or short form: "Creative Commons" (or "CC"), the elements, a
    version and a port ("Creative Commons Attribution-ShareAlike 4.0", "CC BY-NC 3.0 DE")."""
    terms = _data().get("cc_terms", {})
    words = "|".join(["by", "nc", "nd", "sa", *(_words(terms.get(k, [])) for k in terms)])
    return re.compile(
        r"\b(?:creative\s*commons|cc)[\s-]*(?:(?:licen[cs]e|lizenz|licencia|licença|licenza)\s*)?"
        rf"(?P<terms>(?:(?:{words})\b[\s,/-]*)+)(?P<ver>\d\.\d)?(?:\s+(?P<port>[A-Z]{{2}})\b)?",
        re.IGNORECASE,
    )


def license_info(spdx: str) -> tuple[str, str | None]:
    """(full name, deed URL or None) of an SPDX id the reader produced, for the article page."""
    found = _table().get(spdx)
    if found:
        return found[0], found[1] or None
    cc = re.fullmatch(r"CC-(BY(?:-NC)?(?:-ND|-SA)?)-(\d\.\d)(?:-([A-Z]{2}))?", spdx)
    if cc:
        kind, ver, port = cc.group(1).lower(), cc.group(2), cc.group(3)
        url = f"https://creativecommons.org/licenses/{kind}/{ver}/" + (
            f"{port.lower()}/" if port else ""
        )
        return f"Creative Commons {cc.group(1).replace('-', ' ')} {ver}" + (
            f" {port}" if port else ""
        ), url
    return spdx, None


def license_short(spdx: str) -> str | None:
    """The short form people write: CC-BY-SA-4.0 -> "CC BY-SA 4.0"; None for other ids."""
    parts = spdx.split("-")
    if parts[0] != "CC" or len(parts) < 3:
        return None
    return f"CC {'-'.join(parts[1:-1])} {parts[-1]}"


def _cc_id(terms: set[str], version: str | None, port: str | None) -> str:
    parts = ["BY"]
    if "nc" in terms:
        parts.append("NC")
    if "nd" in terms:
        parts.append("ND")
    elif "sa" in terms:
        parts.append("SA")
    spdx = "CC-" + "-".join(parts) + "-" + (version or "4.0")
    return spdx + (f"-{port.upper()}" if port else "")


def _terms_of(words: str) -> set[str]:
    return {kind for kind, pattern in _elements().items() if pattern.search(words)}


def license_id(text: str | None) -> str | None:
    """The SPDX id of a licence as stated in prose, short form, URL or SPDX; None if none found."""
    if not text or not text.strip():
        return None
    value = text.strip()
    if value in _table():
        return value
    if value.casefold() in _SPDX_OTHER:
        return _SPDX_OTHER[value.casefold()]
    url = _CC_URL.search(value)
    if url:
        if url.group("pd"):
            return "CC0-1.0" if url.group("pd").lower() == "zero" else "PDM-1.0"
        kind = url.group("kind").lower()
        return _cc_id(_terms_of(kind.replace("-", " ")), url.group("ver"), url.group("port"))
    if _CC0.search(value):
        return "CC0-1.0"
    prose = _cc_prose().search(value)
    if prose and "by" in _terms_of(prose.group("terms")):
        port = prose.group("port")
        if port and port.upper() in ("IN", "TO", "OR", "AT", "BY", "IS"):
            port = None
        return _cc_id(_terms_of(prose.group("terms")), prose.group("ver"), port)
    if _ARR.search(value):
        return ALL_RIGHTS_RESERVED
    return None


def choose_license(*stated: str | None) -> str | None:
    """The licence of a text from what its page states, in order of precedence: the first open
    licence named; else "all rights reserved" when a notice says so. A page that declares a
    licence and carries a generic copyright notice too (a site-wide "© ... All rights reserved"
    meta) licenses the text under the licence it names."""
    found = [license_id(s) for s in stated if s]
    return next((x for x in found if x and x != ALL_RIGHTS_RESERVED), None) or (
        ALL_RIGHTS_RESERVED if ALL_RIGHTS_RESERVED in found else None)
