"""The outlet registry: canonical outlet names, aliases, domains, homepage, country, language.

Shipped as ``site_gen/data/outlets.toml``; a user's ``sources.toml`` extends it and wins. Articles
name their outlet in many ways ("SOURCE: Harbor Tv", "(Reuters)", a page's ``og:site_name``, its
URL); the registry turns all of them into one canonical name, so the archive groups an outlet's
articles under one source page.

TOML schema (both files)::

    [[outlet]]
    name = "Harbor TV"                     # canonical name (required)
    aliases = ["Harbor Tv", "HarborTV"]    # other spellings, matched ignoring case/punctuation
    domains = ["harbortv.example", "harbortv.example.org"] # hosts; subdomains match too
    homepage = "https://www.harbortv.example"
    country = "NZ"                         # ISO 3166-1 alpha-2
    lang = "en"                            # BCP 47, the outlet's main language

A user entry whose name, an alias or a domain matches a shipped entry replaces that entry (the
user's aliases and domains are merged with the shipped ones); others are added.

Loading: ``default_registry()`` (shipped only, cached), ``Registry.load(path)`` /
``load_registry_file(path)`` (shipped + the user's file; a missing file is fine),
``load_registry(text, path)`` (from TOML text). Invalid user files raise ``RegistryError``.

Lookup keys are case-folded with punctuation and a leading article ("the", "al", "le" ...)
dropped, so "the new york times", "NYTimes" and "New-York Times" meet.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from urllib.parse import urlsplit

from site_gen import regexes
from site_gen.model import Source

_KEY_DROP = regexes.compile(r"[\W_]+")
_LEADING_THE = regexes.compile(r"^(?:the|al|el|la|le|die|der)\s+", re.IGNORECASE)
_HOST = regexes.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.IGNORECASE)
_WS = regexes.compile(r"\s+")
_EDGE_PUNCT = regexes.compile(
    r"^[\s\"'“”‘’«»()\[\]:;,.\-–—|/]+|[\s\"'“”‘’«»()\[\]:;,\-–—|/]+$|(?<=\w{3})\.$"
)


class RegistryError(ValueError):
    """Raised by ``load_registry`` when a sources file is not valid TOML or breaks the schema."""


def name_key(name: str) -> str:
    """The matching key of a name: NFKC, case-folded, no punctuation, no leading article."""
    text = unicodedata.normalize("NFKC", name).strip()
    keyed = _KEY_DROP.sub("", text.casefold())
    bare = _KEY_DROP.sub("", _LEADING_THE.sub("", text).casefold())
    # "The Guardian" and "Guardian" meet; but never drop an article that is the whole name.
    return bare or keyed


def host_of(value: str) -> str | None:
    """The host of a URL or bare domain, without ``www.``; None when ``value`` is neither."""
    text = value.strip().lower()
    if "://" in text:
        text = urlsplit(text).hostname or ""
    elif "/" in text:
        text = text.split("/", 1)[0]
    text = text.removeprefix("www.").rstrip(".")
    return text if _HOST.match(text) else None


def slug_id(name: str) -> str:
    """A stable ASCII-ish id for an outlet name ("Harbor TV" -> "harbor-tv")."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return _KEY_DROP.sub("-", text).strip("-") or "source"


def clean_name(name: str) -> str:
    """An outlet name as written, tidied: spaces collapsed, edge punctuation and URLs reduced."""
    text = _WS.sub(" ", unicodedata.normalize("NFC", name)).strip()
    host = host_of(text) if "://" in text or text.startswith("www.") else None
    if host:
        return host
    cleaned = _EDGE_PUNCT.sub("", text).strip()
    # A closing bracket that closes one in the name stays: "Radio Example (REX)".
    for opening, closing in ("()", "[]"):
        if cleaned.count(opening) == cleaned.count(closing) + 1 and text.rstrip().endswith(closing):
            cleaned += closing
    return cleaned


@dataclass(frozen=True)
class Outlet:
    """One registry entry (a ``Source`` plus the domains it publishes under)."""

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    homepage: str | None = None
    country: str | None = None
    lang: str | None = None

    def source(self) -> Source:
        return Source(
            id=slug_id(self.name),
            name=self.name,
            homepage=self.homepage,
            country=self.country,
            lang=self.lang,
            aliases=self.aliases,
        )


@dataclass(frozen=True)
class Registry:
    sources: tuple[Source, ...] = ()
    domains: tuple[tuple[str, str], ...] = ()  # (host, source id)
    _by_key: dict[str, Source] = field(default_factory=dict, init=False, repr=False, compare=False)
    _by_host: dict[str, Source] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id = {s.id: s for s in self.sources}
        for source in self.sources:
            for name in (source.name, *source.aliases):
                key = name_key(name)
                if key:
                    self._by_key.setdefault(key, source)
        for host, source_id in self.domains:
            if source_id in by_id:
                self._by_host.setdefault(host, by_id[source_id])

    @classmethod
    def from_outlets(cls, outlets: list[Outlet] | tuple[Outlet, ...]) -> Registry:
        sources = tuple(o.source() for o in outlets)
        domains = tuple(
            (d.lower().removeprefix("www."), slug_id(o.name)) for o in outlets for d in o.domains
        )
        return cls(sources=sources, domains=domains)

    @classmethod
    def load(cls, user_path: str | None = None) -> Registry:
        """The shipped outlets plus the user's ``sources.toml`` at ``user_path`` (if it exists)."""
        return load_registry_file(user_path)

    def lookup(self, name_or_domain: str) -> Source | None:
        """The registered outlet for a name, alias, domain or URL, else None."""
        if not name_or_domain or not name_or_domain.strip():
            return None
        text = name_or_domain.strip()
        host = host_of(text)
        if host:
            found = self.lookup_host(host)
            if found:
                return found
        return self._by_key.get(name_key(text))

    def lookup_host(self, host: str) -> Source | None:
        """The outlet publishing under ``host`` or a parent domain of it (en.example.com)."""
        parts = host.lower().removeprefix("www.").split(".")
        for i in range(len(parts) - 1):
            found = self._by_host.get(".".join(parts[i:]))
            if found:
                return found
        return None

    def canonical(self, name: str) -> str:
        """The registered name for ``name``, else the name as written, cleaned."""
        found = self.lookup(name)
        return found.name if found else clean_name(name)


def parse_outlets(text: str, origin: str) -> list[Outlet]:
    """Outlets of one TOML document; ``origin`` names the file in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{origin}: not valid TOML ({exc}); fix the syntax") from exc
    entries = data.get("outlet", data.get("source", []))
    if not isinstance(entries, list):
        raise RegistryError(f"{origin}: expected [[outlet]] tables")
    outlets = []
    for i, entry in enumerate(entries, 1):
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("name"), str)
            or not entry["name"].strip()
        ):
            raise RegistryError(f'{origin}: outlet #{i} has no name (add name = "...")')
        outlets.append(_outlet(entry, f"{origin}: outlet {entry['name']!r}"))
    return outlets


def _outlet(entry: dict, where: str) -> Outlet:
    def strings(key: str) -> tuple[str, ...]:
        value = entry.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RegistryError(f"{where}: {key} must be a list of strings")
        return tuple(v.strip() for v in value if v.strip())

    def optional(key: str) -> str | None:
        value = entry.get(key)
        if value is not None and not isinstance(value, str):
            raise RegistryError(f"{where}: {key} must be a string")
        return value or None

    return Outlet(
        name=entry["name"].strip(),
        aliases=strings("aliases"),
        domains=tuple(d.lower() for d in strings("domains")),
        homepage=optional("homepage"),
        country=optional("country"),
        lang=optional("lang"),
    )


def merge_outlets(shipped: list[Outlet], user: list[Outlet]) -> list[Outlet]:
    """Shipped entries with the user's merged in; a user entry replaces the entry it matches."""
    merged = list(shipped)
    for entry in user:
        keys = {name_key(n) for n in (entry.name, *entry.aliases)}
        hosts = set(entry.domains)
        for i, old in enumerate(merged):
            if keys & {name_key(n) for n in (old.name, *old.aliases)} or hosts & set(old.domains):
                aliases = tuple(dict.fromkeys((*entry.aliases, old.name, *old.aliases)))
                aliases = tuple(a for a in aliases if name_key(a) != name_key(entry.name))
                domains = tuple(dict.fromkeys((*entry.domains, *old.domains)))
                merged[i] = Outlet(
                    name=entry.name,
                    aliases=aliases,
                    domains=domains,
                    homepage=entry.homepage or old.homepage,
                    country=entry.country or old.country,
                    lang=entry.lang or old.lang,
                )
                break
        else:
            merged.append(entry)
    return merged


def shipped_outlets() -> list[Outlet]:
    text = resources.files("site_gen").joinpath("data/outlets.toml").read_text(encoding="utf-8")
    return parse_outlets(text, "site_gen/data/outlets.toml")


def load_registry(user_toml: str | None = None, user_path: str = "sources.toml") -> Registry:
    """The shipped registry, extended by a user's ``sources.toml`` text (which wins).

    Raises ``RegistryError`` (naming ``user_path``) when the user's file is invalid.
    """
    outlets = shipped_outlets()
    if user_toml:
        outlets = merge_outlets(outlets, parse_outlets(user_toml, user_path))
    return Registry.from_outlets(outlets)


def default_registry() -> Registry:
    """The shipped registry alone (cached: it is immutable)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_registry()
    return _DEFAULT


_DEFAULT: Registry | None = None


def load_registry_file(user_path: str | None = None) -> Registry:
    """Like ``load_registry`` but reads the user's ``sources.toml`` from disk (None: shipped only).

    A missing file is not an error (the registry is optional); an unreadable one raises
    ``RegistryError``.
    """
    if user_path is None:
        return default_registry()
    try:
        with open(user_path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        return default_registry()
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{user_path}: cannot read ({exc})") from exc
    return load_registry(text, user_path)
