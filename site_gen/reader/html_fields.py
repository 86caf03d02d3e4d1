"""Choosing a page's title, site name, authors and date among what it declares.

* Title: the wording most declarations agree on (``<title>`` without its site segments,
  JSON-LD ``headline``, og:title, the ``<h1>``), ties going to the ``<title>``'s; else a
  declared headline the ``<title>`` starts with; else the ``<title>`` with the segments naming
  the site (or a date) cut off ("Headline | Site", "Headline - Section - Site").
* Site name: ``og:site_name``, JSON-LD publisher, ``application-name``, other publisher and
  app-name metas, in that order (a URL becomes the registered outlet or its host, never a
  social network's; a tagline after the name is cut); else the registry's outlet for the
  page's URL; else the ``<title>``'s site segment; else the page's own host.
* Authors: personal names beat organisation names (a page's author meta often repeats the
  site name; JSON-LD authors typed ``Organization`` are organisations); URLs, handles, CMS
  accounts and staff credits are dropped; credentials, roles, desks and glued dates are cut
  from bylines (``bylines``).
* Date: declared (JSON-LD ``datePublished``, ``article:published_time`` and similar), then the
  URL's date, then dates the page only shows; never from script blobs or comments.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from slugify import slugify

from site_gen import regexes
from site_gen.reader.bylines import (
    GLUED_DATE,
    WEEKDAYS,
    is_placeholder,
    is_staff_credit,
    looks_personal,
    parse_byline,
)
from site_gen.reader.datelines import KICKER_LABELS
from site_gen.reader.dates import parse_date_value
from site_gen.reader.html_meta import PageMeta
from site_gen.registry import Registry, host_of, name_key

# Between a headline and the site's name. Full-width bars and colons (and the Hangul vowel
# "ㅣ", which Korean titles use as a bar: it never stands alone in words) need no spaces.
_SEPARATORS = regexes.compile(
    r"\s+[|｜–—:-]{1,2}\s+|\s+@\s+|\s*::\s*|\s*\u3000\s*|\s+·\s+|\s+»\s+|\s*[｜：\u3163]\s*"
)
_DATE_SEGMENT = regexes.compile(r"^[\d./ -]{6,12}$")
_CREDENTIALS = regexes.compile(
    r",?\s+(?:MA|MD|PhD|Ph\.D|RN|MPH|MS|MSc|DO|MBA|BSc|BA|JD|Esq\.?)\b\.?(?=\s*(?:$|[,;/|]))"
)
_BY_PREFIX = regexes.compile(r"^(?:By|Von|Par|Por|Di|Door)\s+", re.IGNORECASE)
# CMS accounts that are no placeholder word ("admin", "webmaster": ``bylines.is_placeholder``).
_ACCOUNT = regexes.compile(r"^(?:redaktion|redacción|staff|user\d*)$", re.I)


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
    agreed = _agreed_title(meta, sites)
    if agreed:
        return agreed
    # A declared headline the <title> starts with (or contains) is the undecorated form.
    inside = [t for t in declared if 8 <= len(t) < len(tag) and tag.startswith(t.rstrip(" ."))]
    if inside:
        return max(inside, key=len).strip()
    first = [] if _names_only_the_site(tag, declared, sites) else [tag]
    for candidate in [*first, *declared, fallback or ""]:
        if not candidate:
            continue
        cleaned = strip_site(candidate, sites)
        if cleaned and not matches_site(cleaned, sites):
            return cleaned
    return fallback


def _names_only_the_site(tag: str, declared: list[str], sites: list[str]) -> bool:
    """A ``<title>`` that is only a short name ("Valley Post") while the page declares a
    headline (JSON-LD, og:title, ``<h1>``) sharing none of its words: the site, not the story."""
    cleaned = strip_site(tag, sites)
    words = set(name_key_words(cleaned))
    if not cleaned or len(words) > 3 or len(_segments(tag)) > 1:
        return False
    return any(
        len(name_key_words(t)) >= 2 * len(words) + 1 and not words & set(name_key_words(t))
        for t in declared
    )


def name_key_words(text: str) -> list[str]:
    return [w for w in re.split(r"\W+", text.casefold()) if w]


def _agreed_title(meta: PageMeta, sites: list[str]) -> str | None:
    """The headline most of the page's independent declarations agree on.

    The ``<title>`` (without its site segments), the JSON-LD headline, og:title (with
    twitter:title, set from the same field), other title metas and the ``<h1>`` each vote once
    for a wording. Pages often carry two wordings (an SEO one and a displayed one); a wording
    at least two declarations share wins, and a tie goes to the one the ``<title>`` agrees with:
    the ``<title>`` is what the publisher names the page in every listing.
    """
    # Every declaration may carry the site suffix ("Headline - Site" in og:title too).
    votes = [(kind, strip_site(text, sites)) for kind, text in meta.title_votes]
    if meta.title_tag:
        votes.append(("tag", strip_site(meta.title_tag, sites)))
    votes.extend(("h1", h) for h in meta.h1)
    kept = [(kind, text.strip()) for kind, text in votes
            if name_key(text) and not matches_site(text, sites)]
    texts = {text for _, text in kept}
    tally: dict[str, set[str]] = {}
    wording: dict[str, str] = {}
    shown = {h.strip() for h in meta.h1}
    for kind, text in kept:
        text = _framed(text, texts, shown)
        key = name_key(text)
        tally.setdefault(key, set()).add(kind)
        wording.setdefault(key, text)
    ranked = sorted(tally, key=lambda k: (len(tally[k]), "tag" in tally[k]), reverse=True)
    if ranked and len(tally[ranked[0]]) >= 2:
        return wording[ranked[0]]
    return None


_FRAME_CHARS = 60  # a section label or kicker around a headline says little


def _framed(text: str, others: set[str], shown: set[str]) -> str:
    """The wording another declaration gives that ``text`` only frames: a section or site
    label after a separator ("Headline - National", "Headline | Sport", "Headline-Politics"),
    at most a few words; or a kicker before one ("Topic: Headline") when the page's ``<h1>``
    (``shown``) shows the headline without it (a kicker the page shows is the headline's)."""
    best = text
    for inner in others:
        if inner == text or len(inner) < 12 or len(inner.split()) < 3 and inner.isascii():
            continue
        at = text.find(inner)
        if at < 0:
            continue
        before, after = text[:at], text[at + len(inner):]
        if len(before) > _FRAME_CHARS or len(after) > _FRAME_CHARS:
            continue
        if before and (inner not in shown or not before.rstrip().endswith(":")
                       and not _SEPARATORS.search(before + " ")):
            continue
        if after and not _FRAME_AFTER.match(after):
            continue
        if len(inner) < len(best) or best == text:
            best = inner
    return best


# What may follow a headline in a framed declaration: a separator, then a label.
_FRAME_AFTER = regexes.compile(r"(?:\s+[|｜–—@·»-]|\s*::|-|\s*[｜\u3163])\s*\S")


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
        if social_host(host):
            continue
        names.append(host or name)
        cleaned = clean_site(name, meta, registry)
        if cleaned:
            names.append(cleaned)
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
    if not names:
        names.append(site_from_title(meta, page_url) or "")
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
    """The outlet's name: declared (cleaned), else the registry's for the URL, else the
    ``<title>``'s site segment, else what trafilatura or the page's own links say, else the
    URL's host."""
    page_url = article_url(url)
    declared = [c for c in (clean_site(n, meta, registry) for n in declared_sites(meta)) if c]
    if declared:
        chosen = _naming_the_host(declared, page_url)
        # a name declared as a handle ("velmarherald") gives way to the same name as the
        # title writes it ("... | Velmar Herald")
        if chosen.islower() and " " not in chosen:
            written = site_from_title(meta, page_url)
            if written and written != chosen and _compact(written) == _compact(chosen):
                return written
        return chosen
    if page_url:
        found = registry.lookup(page_url)
        if found:
            return found.name
    guessed = clean_site(fallback, meta, registry) if fallback else None
    return (
        site_from_title(meta, page_url)
        or guessed
        or linked_site(meta, registry)
        or _own_host(page_url)
    )


def _compact(name: str) -> str:
    """Letters and digits only, case and accents folded ("Últimas Noticias" ->
    "ultimasnoticias"), to compare a name with a host: the project's slug without separators."""
    return slugify(name, separator="")


def _host_label(url: str | None) -> str:
    """The host's own name ("news.example.co.uk" -> "example"), compacted."""
    host = host_of(url) if url else None
    return _compact(registrable(host).split(".")[0]) if host else ""


def _naming_the_host(declared: list[str], url: str | None) -> str:
    """The first declared site name, unless the page's address says otherwise: a name that
    does not name the host ("Security", "Politics": a section in og:site_name) gives way to a
    declared one that does, and a name that only leads with it ("Nature Publishing Group UK",
    a company's full name) to the declared name that is the host's own ("Nature")."""
    label = _host_label(url)
    first = declared[0]
    if len(label) < 3:
        return first
    equal = [c for c in declared if _compact(c) == label]
    if _compact(first) == label:
        return first
    if label not in _compact(first):
        naming = equal or [c for c in declared if label in _compact(c)]
        return naming[0] if naming else first
    leading = [c for c in equal if _compact(first).startswith(_compact(c))]
    return leading[0] if leading else first


def _own_host(url: str | None) -> str | None:
    """The page's own host ("valleypost.example"): what names the site when nothing else does."""
    host = host_of(url) if url else None
    return host if host and not social_host(host) else None


# Where pages link their social accounts ("article:publisher" is often a Facebook page): a
# URL there names the network, not the outlet.
_SOCIAL = frozenset(
    """facebook.com fb.com twitter.com x.com instagram.com youtube.com youtu.be linkedin.com
    tiktok.com t.me telegram.me wa.me whatsapp.com pinterest.com threads.net bsky.app""".split()
)


def social_host(host: str | None) -> bool:
    return bool(host) and registrable(host) in _SOCIAL


def clean_site(name: str, meta: PageMeta, registry: Registry) -> str | None:
    """A declared site name without its decorations: a URL becomes the registered outlet or
    its host (not a social network's); "Outlet - Tagline" / "Outlet | Breaking News" keeps the
    segment the ``<title>`` also names (else the first one: the name comes before the
    tagline)."""
    name = name.strip()
    if "://" in name or name.startswith("www."):
        found = registry.lookup(name)
        host = host_of(name)
        return found.name if found else None if social_host(host) else host
    parts = _segments(name)
    if len(parts) <= 1:
        return name or None
    found = registry.lookup(name)
    if found:
        return found.name
    label = _host_label(article_url(meta.url))
    naming = [p for p in parts if len(label) >= 3 and label in _compact(p)]
    if len(naming) == 1:
        return naming[0]  # the segment that names the host, not its tagline
    tag_keys = {name_key(s) for s in _segments(meta.title_tag or "")[1:]}
    for part in parts:
        if name_key(part) in tag_keys:
            return part
    return parts[0]


def site_from_title(meta: PageMeta, url: str | None) -> str | None:
    """The site segment of a ``<title>`` ("Headline | Outlet", "Headline - Outlet") when the
    page declares no site name: the last segment, if what precedes it is the headline the
    page declares or shows, or it names the URL's host, or it follows a ``|``."""
    tag = meta.title_tag or ""
    shown = {name_key(t) for t in [*meta.titles, *meta.h1]}
    first = _site_before_headline(tag, shown)
    if first:
        return first
    parts = _segments(tag)
    if len(parts) < 2:
        return None
    last = parts[-1]
    if len(last) > 40 or len(last.split()) > 5 or _DATE_SEGMENT.match(last):
        return None
    head_key = name_key(tag[: tag.rfind(last)].rstrip(" |｜-–—:·»@"))
    host = host_of(url or "") or ""
    host_key = name_key(registrable(host).split(".")[0]) if host else ""
    last_key = name_key(last)
    if last_key in shown and head_key not in shown:
        return None  # the headline itself, after a kicker ("Opinion | Headline")
    if (
        head_key in shown
        or (host_key and last_key and (last_key in host_key or host_key in last_key))
        or re.search(r"\s[|｜]\s*" + re.escape(last) + r"\s*$", tag)
    ):
        return last
    return None


def _site_before_headline(tag: str, shown: set[str]) -> str | None:
    """"Outlet | Headline", "Outlet - Headline": the segment before the headline the page
    shows, when it is a short name and no label ("Opinion | ...", "Live - ..."); a colon
    glued to the first word ("Opinion: ...") is a kicker's, not a site's."""
    cut = _SEPARATORS.search(tag)
    if cut is None or cut.start() == 0:
        return None
    first, rest = tag[:cut.start()].strip(), tag[cut.end():]
    if (len(first) <= 40 and len(first.split()) <= 5 and not _DATE_SEGMENT.match(first)
            and first.casefold() not in KICKER_LABELS
            and name_key(rest) in shown and name_key(first) not in shown):
        return first
    return None


_GLUED_WEEKDAY = regexes.compile(rf"^(\S+\s+\S.*?)\s+(?:{WEEKDAYS}),?$")


_URL_AFTER = regexes.compile(r"\s*[(<\[]\s*(?:https?://|www\.)[^)>\]]*[)>\]]\s*$")


def clean_author(name: str) -> str | None:
    text = _BY_PREFIX.sub("", name.strip())
    text = GLUED_DATE.sub("", text)  # a date glued after the name, not a month-named name
    text = _GLUED_WEEKDAY.sub(r"\1", text)  # "Jane Doe Monday": a date's weekday cut off
    text = _CREDENTIALS.sub("", text).strip(" ,;|")
    if not text or "://" in text or text.startswith("@") or _ACCOUNT.match(text):
        return None
    return None if is_placeholder(text) else text


def _is_org(name: str, sites: list[str], registry: Registry | None = None) -> bool:
    if registry is not None and registry.lookup(name):
        return True  # a registered outlet or agency ("AFP"), not a person
    return matches_site(name, sites) or bool(re.search(r"\.[a-z]{2,4}\b", name))


def choose_authors(
    meta: PageMeta,
    sites: list[str],
    fallback: str | None,
    registry: Registry | None = None,
    body_byline: list[str] | None = None,
    bio: str | None = None,
    header: list[str] | None = None,
) -> list[str]:
    """Personal bylines if the page has any, else the organisation it credits.

    Sources in order: a byline line at the top of the body, JSON-LD authors, author metas,
    the page's byline elements (``rel=author``, ``.byline``), trafilatura's guess. The first
    that names a person wins, and its persons only: an agency or outlet named beside them is
    their employer or the distributor ("Jane Doe" + "dpa" is Jane Doe's story). Last, the
    subject of a closing bio (``bio``). With no person anywhere, the first organisations
    credited (not a generic "Staff") stand in, a wire agency before the site itself: it is all
    the page says. An agency the metadata credits also beats the page's byline boxes, which
    collect other stories' bylines too; the visible byline in the text beats everything. A
    byline element between the headline and the text (``header``) that names other persons
    than the metadata beats the metadata (which may name an editor or the uploader); when
    they share a name, the metadata's fuller form stays.
    """
    groups: list[tuple[list[str], bool]] = [
        (body_byline or [], True),
        (meta.ld_authors, False),
        (meta.authors, False),
        (meta.bylines, True),
        ([fallback] if fallback and not _repeats(fallback, meta) else [], True),
        ([bio] if bio else [], True),
    ]
    orgs: list[str] = []
    wires: list[str] = []  # agencies credited by later metadata than the first organisations
    for group, text_form in groups:
        names: list[str] = []
        for raw in group:
            raw = _URL_AFTER.sub("", raw)  # "Jane Doe (https://example.org/jane/)"
            head = raw.split(",", 1)[0].strip()
            if "," in raw and matches_site(head, sites):
                raw = head  # "example.de, Town, Country": the site and its address
            people, others = parse_byline(raw, strict=text_form)
            if text_form:  # in a byline's text, only a known agency is told from words
                known = group is body_byline and registry is not None
                others = [o for o in others if known and registry.lookup(o)]
            for name in [*people, *others]:
                cleaned = clean_author(name)
                if cleaned and cleaned not in names and not _account_like(cleaned):
                    names.append(cleaned)
        if group is meta.bylines and any(not matches_site(o, sites) for o in orgs):
            break  # the metadata credits an agency: names in the page's byline boxes are not
            # this story's (teasers of other stories carry bylines too)
        people = [n for n in names if not _is_org(n, sites, registry)
                  and n not in meta.org_names and not is_staff_credit(n)]
        if people and not text_form:
            shown = _shown_people(header or [], sites, registry)
            if shown and not _name_words(shown) & _name_words(people):
                return shown  # the page shows another byline than the metadata declares
        if people:
            return people
        if names and not orgs and not (text_form and group is meta.bylines):
            orgs = names
        elif names and not text_form:
            # the metadata's other declarations count too: JSON-LD crediting the site, an
            # author meta crediting the wire agency ("Velmar TV" and "Kestria Wire": the wire's)
            wires += [n for n in names if n not in orgs and not matches_site(n, sites)
                      and not is_staff_credit(n)]
    if wires and not any(not matches_site(o, sites) and not is_staff_credit(o) for o in orgs):
        return wires
    return _wire_over_site(orgs, sites)


def _name_words(names: list[str]) -> set[str]:
    """The words of persons' names that tell them apart (no initials): "Jane Q. Doe" and
    "Jane Doe" share them."""
    return {w for n in names for w in name_key_words(n) if len(w) > 2}


def _shown_people(texts: list[str], sites: list[str], registry: Registry | None) -> list[str]:
    """The persons of the byline elements over the text (``header``): names in a byline's
    text form, each a person's name, not the site's or a known outlet's."""
    found: list[str] = []
    for text in texts:
        people, _ = parse_byline(_URL_AFTER.sub("", text), strict=True)
        for name in people:
            cleaned = clean_author(name)
            if (cleaned and cleaned not in found and looks_personal(cleaned)
                    and not _is_org(cleaned, sites, registry)):
                found.append(cleaned)
    return found


def _repeats(fallback: str, meta: PageMeta) -> bool:
    """The extractor's author guess is a declared author rewritten ("N/A" given as "N; A"):
    what the declaration says, judged already, is all there is."""
    key = name_key(fallback)
    return bool(key) and any(name_key(a) == key for a in [*meta.ld_authors, *meta.authors])


def _wire_over_site(orgs: list[str], sites: list[str]) -> list[str]:
    """With no person named, the organisations credited; the site itself (or a desk's credit,
    "Example-Redaktion") only when it is the only one ("Le Figaro et AFP" is AFP's story)."""
    others = [o for o in orgs if not matches_site(o, sites) and not is_staff_credit(o)]
    return others or orgs


def _account_like(name: str) -> bool:
    """CMS user names and URL slugs ("jane.doe", "jane-doe") are not bylines."""
    if " " in name or not name.islower():
        return False
    return "-" in name or "." in name and not re.search(r"\.[a-z]{2,4}$", name)


_URL_DATE = regexes.compile(
    r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|-|$)|/((?:19|20)\d\d)([01]\d)([0-3]\d)/"
)


def url_date(url: str | None) -> str | None:
    """The date in an article URL's path (/2023/06/21/slug, /2023-06-21-slug, /20230621/)."""
    match = _URL_DATE.search(urlsplit(url).path if url else "")
    if not match:
        return None
    year, month, day = (g for g in match.groups() if g is not None)
    return parse_date_value(f"{year}-{int(month):02d}-{int(day):02d}")


def choose_date(meta: PageMeta, url: str | None = None) -> str | None:
    """The publication date the page declares (not a guess from its text).

    Declarations first (JSON-LD ``datePublished`` of the article, ``article:published_time``
    and similar metas, ``<time pubdate>``); then the date in the URL; then dates the page
    only shows (a ``<time>`` in the article, a WebPage's date). Script blobs and comments are
    never read: they hold dates of other stories and of the crawl.
    """
    for value in meta.dates:
        found = parse_date_value(value)
        if found:
            return found
    found = url_date(article_url(url))
    if found:
        return found
    for value in meta.weak_dates:
        found = parse_date_value(value)
        if found:
            return found
    return None
