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

ALL_RIGHTS_RESERVED = "all-rights-reserved"

_CC_URL = re.compile(
    r"creativecommons\.org/(?:licenses/(?P<kind>[a-z-]+)/(?P<ver>\d\.\d)(?:/(?P<port>[a-z]{2}))?"
    r"|publicdomain/(?P<pd>zero|mark))",
    re.IGNORECASE,
)
_CC_PROSE = re.compile(
    r"\b(?:creative\s*commons|cc)[\s-]*(?:licen[cs]e\s*)?(?P<terms>(?:(?:attribution|by|non-?commercial|nc|"
    r"no-?deriv(?:ative)?s?|noderivatives|nd|share-?alike|sa)[\s,/-]*)+)(?P<ver>\d\.\d)?(?:\s+(?P<port>[A-Z]{2})\b)?",
    re.IGNORECASE,
)
_CC0 = re.compile(r"\bcc\s*-?\s*0\b|\bcc\s*zero\b|\bpublic\s+domain\s+dedication\b", re.IGNORECASE)
_ARR = re.compile(
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
def _table() -> dict[str, tuple[str, str]]:
    text = resources.files("site_gen").joinpath("data/licenses.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text).get("license", {})
    return {spdx: (entry.get("name", spdx), entry.get("url", "")) for spdx, entry in data.items()}


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
    text = words.casefold()
    terms = set()
    if re.search(r"non-?commercial|\bnc\b", text):
        terms.add("nc")
    if re.search(r"no-?deriv|\bnd\b", text):
        terms.add("nd")
    if re.search(r"share-?alike|\bsa\b", text):
        terms.add("sa")
    return terms


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
    prose = _CC_PROSE.search(value)
    if prose and re.search(r"attribution|\bby\b", prose.group("terms"), re.IGNORECASE):
        port = prose.group("port")
        if port and port.upper() in ("IN", "TO", "OR", "AT", "BY", "IS"):
            port = None
        return _cc_id(_terms_of(prose.group("terms")), prose.group("ver"), port)
    if _ARR.search(value):
        return ALL_RIGHTS_RESERVED
    return None
