"""Choosing a page's title, site name, authors and date among what it declares.

* Title: the ``<title>`` is what the publisher calls the page, decorated with the site name
  ("Headline | Site", "Headline - Section - Site", "Headline @ Blog :: Host ::"). A shorter
  declared headline (og:title, JSON-LD) that the ``<title>`` starts with is the undecorated form;
  otherwise the segments naming the site (or a date) are cut off.
* Site name: ``og:site_name``, JSON-LD publisher, ``application-name``; a URL given as a name
  becomes its host; else the registry's outlet for the page's URL.
* Authors: personal names beat organisation names (a page's author meta often repeats the
  site name); URLs, handles and CMS accounts are dropped; credentials ("MA", "PhD") and trailing
  dates are cut from bylines.
* Date: JSON-LD ``datePublished``, then ``article:published_time`` and similar, then trafilatura.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from site_gen.reader.attribution import split_names
from site_gen.reader.dates import parse_date_value
from site_gen.reader.html_meta import PageMeta
from site_gen.registry import Registry, host_of, name_key

_SEPARATORS = re.compile(r"\s+[|｜–—:-]{1,2}\s+|\s+@\s+|\s*::\s*|\s*\u3000\s*|\s+·\s+|\s+»\s+")
_DATE_SEGMENT = re.compile(r"^[\d./ -]{6,12}$")
_CREDENTIALS = re.compile(
    r",?\s+(?:MA|MD|PhD|Ph\.D\.|RN|MPH|MS|MSc|DO|MBA|BSc|BA|JD|Esq\.?)\b\.?(?=\s*(?:$|[,;/|]))"
)
_TRAILING_DATE = re.compile(
    r"\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Updated|Published|\d{1,2}[./]).*$",
    re.IGNORECASE,
)
_ACCOUNT = re.compile(
    r"^(?:admin|administrator|editor|redaktion|redacción|staff|user\d*|webmaster)$", re.I
)


def _segments(title: str) -> list[str]:
    return [s.strip() for s in _SEPARATORS.split(title) if s and s.strip()]


def matches_site(segment: str, sites: list[str]) -> bool:
    key = name_key(segment)
    if not key:
        return True
    for site in sites:
        skey = name_key(site)
        if skey and (
            key == skey
            or (len(skey) >= 3 and (skey in key or key in skey) and len(key) <= 2 * len(skey) + 8)
        ):
            return True
    return bool(_DATE_SEGMENT.match(segment))


def choose_title(meta: PageMeta, sites: list[str], fallback: str | None) -> str | None:
    """The headline of the page, without site decorations."""
    tag = meta.title_tag or ""
    declared = [t for t in [*meta.titles, *meta.h1] if t]
    # The declared headline (JSON-LD, og:title) that the page also shows as its <h1> is the one.
    shown = {name_key(h) for h in meta.h1}
    for title in meta.titles:
        if name_key(title) in shown and not matches_site(title, sites):
            return title.strip()
    # A declared headline the <title> starts with (or contains) is the undecorated form.
    inside = [t for t in declared if 8 <= len(t) < len(tag) and tag.startswith(t.rstrip(" ."))]
    if inside:
        return max(inside, key=len).strip()
    for candidate in [tag, *declared, fallback or ""]:
        if not candidate:
            continue
        cleaned = strip_site(candidate, sites)
        if cleaned and not matches_site(cleaned, sites):
            return cleaned
    return fallback


def strip_site(title: str, sites: list[str]) -> str:
    """``title`` without the segments naming the site (and everything after them)."""
    head, colon, rest = title.partition(": ")
    if colon and rest.strip() and matches_site(head, sites) and name_key(head):
        return strip_site(rest, sites)  # "Site: Headline"
    parts = _segments(title)
    if len(parts) <= 1:
        return title.strip()
    for i in range(1, len(parts)):
        if matches_site(parts[i], sites):
            return _join_kept(title, parts[:i])
    if matches_site(parts[0], sites):
        return _join_kept(title, parts[1:])
    return title.strip()


def _join_kept(title: str, parts: list[str]) -> str:
    """The original text spanning ``parts`` (keeps the separators between kept segments)."""
    first, last = parts[0], parts[-1]
    start = title.find(first)
    end = title.find(last, start) + len(last)
    return title[start:end].strip() if start >= 0 and end > start else " ".join(parts)


def site_names(meta: PageMeta, registry: Registry, url: str | None) -> list[str]:
    """The site's names, best first (URLs given as names become hosts)."""
    names: list[str] = []
    for name in declared_sites(meta):
        host = host_of(name) if "://" in name or name.startswith("www.") else None
        names.append(host or name)
    page_url = article_url(url)
    if page_url:
        found = registry.lookup(page_url)
        if found:
            names.append(found.name)
            names.extend(found.aliases)
        host = host_of(page_url)
        if host:
            names.append(host)
            names.append(host.split(".")[-2] if host.count(".") >= 1 else host)
    return [n for n in dict.fromkeys(n.strip() for n in names) if n]


def article_url(url: str | None) -> str | None:
    """The article's own URL (an Internet Archive URL unwrapped)."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.hostname and parts.hostname.endswith("archive.org"):
        inner = re.search(r"/web/\d+[a-z_]*/(.+)$", url)
        if inner:
            target = inner.group(1)
            return target if "://" in target else "http://" + target
    return url


def declared_sites(meta: PageMeta) -> list[str]:
    """The page's site names, without values that are really the headline (application-name)."""
    titles = {name_key(t) for t in [*meta.titles, meta.title_tag or ""] if t}
    return [n for n in meta.site_names if name_key(n) not in titles]


_SECOND_LEVEL = frozenset("co com org net ac gov edu ne or go".split())


def registrable(host: str) -> str:
    """The domain a host belongs to ("news.bbc.co.uk" -> "bbc.co.uk"), approximately."""
    parts = host.split(".")
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def linked_site(meta: PageMeta, registry: Registry) -> str | None:
    """The site most of the page's links point to: its own (navigation, related stories)."""
    counts: dict[str, int] = {}
    for href in meta.link_hrefs:
        host = host_of(article_url(href) or "")
        if not host:
            continue
        found = registry.lookup_host(host)
        key = found.name if found else registrable(host)
        counts[key] = counts.get(key, 0) + 1
    total = sum(counts.values())
    if not counts:
        return None
    name, count = max(counts.items(), key=lambda kv: kv[1])
    return name if count >= 5 and count >= 0.4 * total else None


def choose_site(
    meta: PageMeta, registry: Registry, url: str | None, fallback: str | None
) -> str | None:
    for name in declared_sites(meta):
        if "://" in name or name.startswith("www."):
            host = host_of(name)
            found = registry.lookup(name)
            return found.name if found else host
        if name.strip():
            return name.strip()
    page_url = article_url(url)
    if page_url:
        found = registry.lookup(page_url)
        if found:
            return found.name
    return fallback or linked_site(meta, registry)


def clean_author(name: str) -> str | None:
    text = re.sub(r"^(?:By|Von|Par|Por|Di|Door)\s+", "", name.strip(), flags=re.IGNORECASE)
    text = _TRAILING_DATE.sub("", text)
    text = _CREDENTIALS.sub("", text).strip(" ,;|")
    if not text or "://" in text or text.startswith("@") or _ACCOUNT.match(text):
        return None
    return text


def _is_org(name: str, sites: list[str], registry: Registry | None = None) -> bool:
    if registry is not None and registry.lookup(name):
        return True  # a registered outlet or agency ("AFP"), not a person
    return matches_site(name, sites) or bool(re.search(r"\.[a-z]{2,4}\b", name))


def choose_authors(
    meta: PageMeta, sites: list[str], fallback: str | None, registry: Registry | None = None
) -> list[str]:
    """Personal bylines if the page has any, else the organisation it credits."""
    groups = [meta.ld_authors, meta.authors, [fallback] if fallback else []]
    orgs: list[str] = []
    for group in groups:
        names: list[str] = []
        for raw in group:
            raw = _CREDENTIALS.sub("", raw.strip())
            parts = split_names(raw) if re.search(r"[;,/&]| and ", raw) else [raw]
            for part in parts:
                cleaned = clean_author(part)
                if cleaned and cleaned not in names:
                    names.append(cleaned)
        people = [n for n in names if not _is_org(n, sites, registry) and not _account_like(n)]
        if people:
            # A wire agency credited beside the reporters stays ("Jane Doe/dpa").
            agencies = [
                n for n in names if registry and registry.lookup(n) and not matches_site(n, sites)
            ]
            return people + [a for a in agencies if a not in people]
        if names and not orgs:
            orgs = [n for n in names if not _account_like(n)]
    return orgs


def _account_like(name: str) -> bool:
    """CMS user names ("jane.doe", "jdoe") are not bylines."""
    return (
        " " not in name and name.islower() and "." in name and not re.search(r"\.[a-z]{2,4}$", name)
    )


def choose_date(meta: PageMeta) -> str | None:
    """The publication date the page declares (not a guess from its text)."""
    for value in meta.dates:
        found = parse_date_value(value)
        if found:
            return found
    return None
