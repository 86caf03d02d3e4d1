"""Page metadata of a saved article: what the page declares about itself, before any guessing.

trafilatura extracts the main text well, but its metadata picks one value per field by its own
order; a reader needs the candidates to weigh them: the ``<title>`` (often "Headline | Site"),
``og:title`` / JSON-LD ``headline`` (sometimes a different wording), the site names
(``og:site_name``, ``application-name``, JSON-LD ``publisher``), authors (JSON-LD, ``<meta
name=author>``, ``article:author``, cXense/parsely tags), dates, the canonical URL and the
declared language. This module only reads them (lxml, no network); ``html_fields`` decides.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

from site_gen import regexes
from site_gen.reader.html_place import shown_text

_WS = regexes.compile(r"\s+")
_AUTHOR_KEYS = (
    "author",
    "articleauthor",
    "article:author",
    "byl",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "cxenseparse:author",
    "twitter:creator:name",
    "citation_author",
)
_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "cxenseparse:publishtime",
    "cxenseparse:recs:publishtime",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "publication_date",
    "og:published_time",
    "release_date",
    "date.available",
    "date.created",
    "date.published",
    "article:published",
    "datecreated",
    "dc.date.created",
    "content:publishdate",
    "dateposted",
)
# Site-name declarations, most telling first: og:site_name is set for exactly this; a JSON-LD
# publisher (rank 1) next; app names are often shortened ("VPost") or decorated.
_SITE_RANKS = {
    "og:site_name": 0,
    "application-name": 2,
    "dc.publisher": 3,
    "dcterms.publisher": 3,
    "publisher": 3,
    "apple-mobile-web-app-title": 4,
    "twitter:app:name:iphone": 5,
    "al:iphone:app_name": 5,
}
_LD_PUBLISHER_RANK = 1
# Keys whose values are written "Family, Given" by convention (Dublin Core, citation tags).
_INVERTED_NAME_KEYS = ("dc.creator", "dcterms.creator", "citation_author")
_INVERTED = regexes.compile(
    r"^(?P<family>[^\W\d_][\w'’-]+),\s*(?P<given>[^\W\d_][\w'’.-]*(?: [A-Z]\.)*)$"
)
_ARTICLE_TYPES = (
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "webpage",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "liveblogposting",
    "report",
)


@dataclass
class PageMeta:
    title_tag: str | None = None
    titles: list[str] = field(default_factory=list)  # og:title, JSON-LD headline, twitter:title
    title_votes: list[tuple[str, str]] = field(default_factory=list)  # (kind, declared headline)
    h1: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)  # best first (see _SITE_RANKS)
    site_votes: list[tuple[int, str]] = field(default_factory=list)  # (rank, name) as read
    authors: list[str] = field(default_factory=list)  # personal or organisational, as declared
    ld_authors: list[str] = field(default_factory=list)
    org_names: set[str] = field(default_factory=set)  # JSON-LD authors typed as organisations
    bylines: list[str] = field(default_factory=list)  # texts of byline elements on the page
    # (element, text) of those byline elements, in page order: where they stand (html.py)
    byline_places: list[tuple[object, str]] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    weak_dates: list[str] = field(default_factory=list)  # WebPage / shown <time>: after dates
    url: str | None = None
    lang: str | None = None
    license: str | None = None
    descriptions: list[str] = field(default_factory=list)  # og:description, description
    link_hrefs: list[str] = field(default_factory=list)  # absolute hrefs of the page's links
    body_text: str = ""  # the visible text of <body>, whitespace collapsed (for checks)


def _text(value: str | None) -> str:
    return _WS.sub(" ", value or "").strip()


def parse_tree(raw: str):
    """An lxml tree of a page (None when lxml cannot parse it)."""
    try:
        data = raw.encode("utf-8", errors="replace")
        return lxml_html.fromstring(
            data, parser=lxml_html.HTMLParser(encoding="utf-8", recover=True)
        )
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None


def read_page_meta(tree) -> PageMeta:
    meta = PageMeta()
    if tree is None:
        return meta
    title = tree.find(".//title")
    meta.title_tag = _text(title.text_content()) if title is not None else None
    meta.lang = tree.get("lang") or tree.get("xml:lang")
    for el in tree.iter("meta"):
        _read_meta_tag(meta, el)
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            meta.url = meta.url or el.get("href").strip()
        if (el.get("rel") or "").lower() == "license" and el.get("href"):
            meta.license = meta.license or el.get("href")
    for el in tree.iter("a"):
        href = (el.get("href") or "").strip()
        if (el.get("rel") or "").lower() == "license" and href:
            meta.license = meta.license or href
        if href.startswith(("http://", "https://", "//")) and len(meta.link_hrefs) < 2000:
            meta.link_hrefs.append("http:" + href if href.startswith("//") else href)
    for el in tree.xpath('//script[@type="application/ld+json"]'):
        _read_json_ld(meta, el.text or "")
    meta.h1 = [t for t in (_text(h.text_content()) for h in tree.iter("h1")) if t][:4]
    body = tree.find(".//body")
    if body is not None:
        for junk in body.xpath(".//script | .//style | .//noscript"):
            junk.drop_tree()
        meta.body_text = _text(body.text_content())
        # A long description may be cut short; the page's own full wording of it (standfirst).
        meta.descriptions = [
            (_shown_text(body, d) or d) if len(d) >= 150 else d
            for d in dict.fromkeys(meta.descriptions)
        ]
    _read_shown_dates(meta, tree)
    meta.byline_places = byline_elements(tree)
    meta.bylines = list(dict.fromkeys(text for _, text in meta.byline_places))[:8]
    meta.site_names = [name for _, name in sorted(meta.site_votes, key=lambda v: v[0])]
    return meta


# Where other stories are listed: their dates and bylines are not this article's.
_ELSEWHERE = regexes.compile(
    r"related|list-?item|listitem|teaser|recommend|more-|popular|sidebar|promo"
)
# Not "credit" (photo credits) nor "authorization"/"authority" (login widgets, agencies).
_BYLINE_CLASS = regexes.compile(r"byline|author(?!i[sz]|it)|writer|reporter", re.IGNORECASE)


def _elsewhere(el) -> bool:
    for anc in el.iterancestors():
        if anc.tag in ("aside", "nav", "footer", "li"):
            return True
        if _ELSEWHERE.search(((anc.get("class") or "") + " " + (anc.get("id") or "")).lower()):
            return True
    return False


def _read_shown_dates(meta: PageMeta, tree) -> None:
    """Dates the page shows: ``itemprop=datePublished`` and ``<time pubdate>`` are declarations;
    other ``<time>`` elements are weak, and those listing other stories are not counted."""
    for el in tree.xpath("//time[@datetime] | //*[@itemprop='datePublished']"):
        value = (el.get("datetime") or el.get("content") or "").strip()
        if not value or _elsewhere(el):
            continue
        if el.get("itemprop") == "datePublished" or el.get("pubdate") is not None:
            meta.dates.append(value)
        else:
            meta.weak_dates.append(value)


# A link to an author's page on the site ("/author/jane-doe", "/autoren/jane-doe").
_AUTHOR_PATH = regexes.compile(
    r"/(?:authors?|autor(?:en|es|as|a)?|auteurs?|autori|autore|journalists?|reporters?)/"
    r"[^?#]*[a-z]", re.IGNORECASE)


def byline_elements(tree) -> list[tuple[object, str]]:
    """(element, text) of the page's byline elements (``rel=author`` links, ``byline``/
    ``author`` classes, ``itemprop=author``, links to an author's page), short ones only,
    outside lists of other stories, in page order."""
    found: list[tuple[object, str]] = []
    xpath = ("//*[@rel='author'] | //*[@itemprop='author'] | //*[@class] | //*[@id]"
             " | //a[@href]")
    for el in tree.xpath(xpath)[:5000]:
        if el.tag in ("script", "style", "meta", "link", "body", "html", "article", "main"):
            continue
        marks = (el.get("class") or "") + " " + (el.get("id") or "")
        by_rel = el.get("rel") == "author" or el.get("itemprop") == "author" or (
            el.tag == "a" and _AUTHOR_PATH.search(el.get("href") or "") is not None)
        if not by_rel and not _BYLINE_CLASS.search(marks):
            continue
        text = shown_text(el)
        if 3 <= len(text) <= 120 and not _elsewhere(el):
            found.append((el, text))
        if len(found) >= 40:
            break
    # A box around byline elements (an author's card, a meta bar with share buttons) is read
    # as its parts: the innermost ones. (Elements themselves are the keys: a live element is
    # one Python object, while the id of one let go may recur.)
    boxes = {anc for el, _ in found for anc in el.iterancestors()}
    # Items of one list that each show a name and more (a story, a date): the list presents
    # authors and their other stories; a list of names alone is a byline of several.
    items: dict[object, int] = {}
    for el, text in found:
        if el.tag == "li" and " | " in text and el.getparent() is not None:
            items[el.getparent()] = items.get(el.getparent(), 0) + 1
    return [(el, text) for el, text in found if el not in boxes and not (
        el.tag == "li" and " | " in text and items.get(el.getparent(), 0) >= 2)]


def _shown_text(body, description: str) -> str | None:
    """The full text of the element that shows a (possibly truncated) description on the page."""
    prefix = _text(description)[:60]
    if len(prefix) < 40:
        return None
    best: str | None = None
    for el in body.iter("p", "div", "h2", "h3", "section", "span", "strong", "header"):
        text = _text(el.text_content())
        if text.startswith(prefix) and len(text) <= 3 * len(description):
            if best is None or len(text) < len(best):
                best = text
    return best


def _read_meta_tag(meta: PageMeta, el) -> None:
    key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
    value = _text(el.get("content"))
    if not key or not value:
        if (el.get("http-equiv") or "").lower() == "content-language" and value:
            meta.lang = meta.lang or value
        return
    if key in ("og:title", "twitter:title", "title", "dc.title", "cxenseparse:title", "headline"):
        meta.titles.append(value)
        # og:title and twitter:title are one declaration (set from the same field): one vote.
        meta.title_votes.append(("og" if key in ("og:title", "twitter:title") else "meta", value))
    elif key in _SITE_RANKS:
        meta.site_votes.append((_SITE_RANKS[key], value))
    elif key in _AUTHOR_KEYS and not value.startswith("@"):
        meta.authors.append(_uninverted(value) if key in _INVERTED_NAME_KEYS else value)
    elif key in _DATE_KEYS:
        meta.dates.append(value)
    elif key in ("og:description", "description", "twitter:description"):
        meta.descriptions.append(value)
    elif key in ("og:url",):
        meta.url = meta.url or value
    elif key in ("og:locale", "language", "content-language", "dc.language") and not meta.lang:
        meta.lang = value
    elif key in ("dc.rights", "dcterms.license", "license", "copyright"):
        meta.license = meta.license or value


def _uninverted(value: str) -> str:
    """ "Roe, Jane" -> "Jane Roe" (one person written family name first); else unchanged."""
    match = _INVERTED.match(value.strip())
    return f"{match.group('given')} {match.group('family')}" if match else value


_WRAPPERS = regexes.compile(
    r"^\s*(?:<!--|/\*\s*<!\[CDATA\[\s*\*/|<!\[CDATA\[)|(?:-->|/\*\s*\]\]>\s*\*/|\]\]>)\s*$"
)
_TRAILING_COMMA = regexes.compile(r",\s*(?=[}\]])")


def load_json_ld(text: str):
    """The data of a JSON-LD script as pages write it: wrapped in CDATA or HTML comments, with
    raw line breaks inside strings or a trailing comma. None when it cannot be read."""
    text = _WRAPPERS.sub("", text.strip()).strip().rstrip(";")
    for attempt in (text, _TRAILING_COMMA.sub("", text)):
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):  # broken or absurdly nested JSON-LD says nothing
            continue
    return None


def ld_kinds(obj: dict) -> list[str]:
    """The object's types, lower case, without a vocabulary prefix ("schema:NewsArticle",
    "https://schema.org/NewsArticle" -> "newsarticle")."""
    kinds = obj.get("@type")
    kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
    return [re.split(r"[/:#]", str(k))[-1].lower() for k in kinds]


def is_article_kind(kind: str) -> bool:
    """An article type: the listed ones and every schema.org *Article / *Posting subtype."""
    return kind in _ARTICLE_TYPES or kind.endswith(("article", "posting"))


def _read_json_ld(meta: PageMeta, text: str) -> None:
    data = load_json_ld(text)
    if data is None:
        return
    objects = ld_objects(data)
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and _names(o)}
    for obj in objects:
        kinds = ld_kinds(obj)
        if not any(is_article_kind(k) for k in kinds):
            continue
        page_only = all(k == "webpage" for k in kinds)  # the page's own dates, not the story's
        if isinstance(obj.get("headline"), str) and not page_only:
            meta.titles.insert(0, _text(obj["headline"]))
            meta.title_votes.append(("ld", _text(obj["headline"])))
        for name in _names(obj.get("author"), by_id):
            meta.ld_authors.append(name)
        meta.org_names.update(_organisations(obj.get("author"), by_id))
        for name in _names(obj.get("publisher"), by_id):
            meta.site_votes.append((_LD_PUBLISHER_RANK, name))
        published = _first_string(obj.get("datePublished")) or _first_string(obj.get("dateCreated"))
        if published:
            if page_only:
                meta.weak_dates.append(published)
            elif _first_string(obj.get("datePublished")):
                meta.dates.insert(0, published)
            else:
                meta.dates.append(published)  # a draft's date: weaker than any meta tag
        language = _first_string(obj.get("inLanguage"))
        if language and not meta.lang:
            meta.lang = language
        if isinstance(obj.get("license"), str):
            meta.license = meta.license or obj["license"]


def _first_string(value) -> str | None:
    """A JSON-LD value that may be given as a list ("datePublished": ["2023-06-21"])."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def ld_objects(data) -> list[dict]:
    """Every JSON object of a JSON-LD document (top level, lists, ``@graph``)."""
    out: list[dict] = []
    stack = [data]
    while stack and len(out) < 200:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            out.append(item)
            if isinstance(item.get("@graph"), list):
                stack.extend(item["@graph"])
            if isinstance(item.get("mainEntity"), dict):
                stack.append(item["mainEntity"])
    return out


def _names(value, by_id: dict | None = None) -> list[str]:
    """Names of JSON-LD persons/organisations: strings, objects, lists, ``@id`` references."""
    if isinstance(value, str):
        return [_text(value)] if value.strip() and not value.startswith("http") else []
    if isinstance(value, dict):
        name = _own_name(value)
        if name is None and by_id and isinstance(value.get("@id"), str):
            target = by_id.get(value["@id"])
            name = _own_name(target) if target is not None else None
        return [name] if name else []
    if isinstance(value, list):
        return [n for item in value[:20] for n in _names(item, by_id)]
    return []


def _own_name(obj: dict) -> str | None:
    """A person's or organisation's name: ``name`` (a string or a list), else given and family
    names ("givenName": "Jane", "familyName": "Roe")."""
    name = obj.get("name")
    if isinstance(name, list):
        name = next((n for n in name if isinstance(n, str) and n.strip()), None)
    if isinstance(name, dict):
        name = name.get("@value")
    if isinstance(name, str) and name.strip():
        return _text(name)
    parts = [obj.get(k) for k in ("givenName", "additionalName", "familyName")]
    parts = [_text(p) for p in parts if isinstance(p, str) and p.strip()]
    return " ".join(parts) if obj.get("familyName") and parts else None


def _organisations(value, by_id: dict) -> list[str]:
    """Names of the JSON-LD authors typed as organisations ("@type": "Organization",
    "NewsMediaOrganization", ...): credits, not personal bylines."""
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items[:20]:
        if not isinstance(item, dict):
            continue
        target = by_id.get(item["@id"], item) if isinstance(item.get("@id"), str) else item
        if any(k.endswith("organization") for k in ld_kinds(target)):
            out.extend(_names(target))
    return out
