"""Sidecar files (``NAME.meta.toml`` / ``NAME.meta.json``): metadata the user adds to an article.

A sidecar is the strongest layer: it overrides what the file and its text say. Keys: ``title``,
``url``, ``published`` (or ``date``), ``source`` (or ``outlet``), ``author`` / ``authors``
(string or list), ``license``, ``lang``. Unknown keys are ignored with a warning, so a typo is
noticed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib

from site_gen import regexes
from site_gen.model import Diagnostic
from site_gen.reader.attribution import split_names
from site_gen.reader.dates import parse_date_value
from site_gen.reader.licenses import license_id
from site_gen.reader.meta import Meta

KNOWN_KEYS = frozenset(
    {
        "title",
        "url",
        "published",
        "date",
        "source",
        "outlet",
        "author",
        "authors",
        "license",
        "licence",
        "lang",
        "language",
        "dateline",
        "event_date",
    }
)


def parse_sidecar(data: bytes, path: str) -> tuple[Meta | None, list[Diagnostic]]:
    """The sidecar's layer, or None plus an error saying what is wrong with the file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [Diagnostic("error", path, "sidecar is not UTF-8 text; save it as UTF-8")]
    try:
        if path.endswith(".json"):
            values = json.loads(text)
        else:
            values = tomllib.loads(text)
    except json.JSONDecodeError as exc:
        return None, [
            Diagnostic(
                "error", path, f"sidecar is not valid JSON: {exc.msg}; fix the syntax", exc.lineno
            )
        ]
    except tomllib.TOMLDecodeError as exc:
        return None, [
            Diagnostic(
                "error",
                path,
                f"sidecar is not valid TOML ({exc}); fix the syntax",
                toml_line(exc),
            )
        ]
    except RecursionError:
        return None, [Diagnostic("error", path, "sidecar is nested too deeply; use flat keys")]
    if not isinstance(values, dict):
        return None, [Diagnostic("error", path, 'sidecar must be a table of keys (title = "...")')]
    return meta_from_mapping(values, "sidecar", path, key_lines(text))


_TOML_LINE = regexes.compile(r"line (\d+)")


def toml_line(exc: tomllib.TOMLDecodeError) -> int | None:
    """The line a TOML error names (1-based, in the TOML text), if it names one."""
    match = _TOML_LINE.search(str(exc))
    return int(match.group(1)) if match else None


_SCALARS = (str, int, float, dt.date, dt.time)


def _text(value: object) -> str | None:
    """A metadata value as text: a scalar, or a list of scalars joined; anything else (a table,
    nested lists: a mistake, or a YAML alias bomb whose ``str`` would never end) says nothing."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (list, tuple)):
        items = [str(v).strip() for v in value[:50] if isinstance(v, _SCALARS)]
        return ", ".join(i for i in items if i)[:1000] or None
    if not isinstance(value, _SCALARS):
        return None
    text = str(value).strip()
    return text[:1000] or None


def _authors(value: object) -> tuple[str, ...]:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, (list, tuple)):
        names: list[str] = []
        for item in value[:50]:
            if isinstance(item, dict):
                item = item.get("name")
            text = _text(item) if not isinstance(item, (list, tuple)) else None
            if text:
                names.extend(split_names(text) or [text])
        return tuple(names)
    text = _text(value)
    return tuple(split_names(text)) if text else ()


def _shown(value: object) -> str:
    """A value for a message: its repr, cut short (a list or table may be huge)."""
    if not isinstance(value, _SCALARS):
        return f"(a {type(value).__name__})"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_KEY_LINE = regexes.compile(r"""^\s*["']?([A-Za-z_][\w-]*)["']?\s*[:=]""")


def key_lines(text: str, first_line: int = 1) -> dict[str, int]:
    """The line of each top-level-looking ``key:`` / ``key =`` / ``"key":`` in ``text``
    (lower-cased keys; the first occurrence), numbered from ``first_line``."""
    lines: dict[str, int] = {}
    for i, line in enumerate(text.splitlines()):
        match = _KEY_LINE.match(line)
        if match:
            lines.setdefault(match.group(1).lower(), first_line + i)
    return lines


# Fields that hold one piece of text. A table or a list there is a mistake (a list would become
# "a, b" and a number an outlet named "12345"): warned about and ignored. A number is a fine
# title ("1984") and a fine dateline never, so numbers are accepted for the title only.
_TEXT_FIELDS = {
    "title": (True, ("title",)),
    "source": (False, ("source", "outlet")),
    "url": (False, ("url",)),
    "lang": (False, ("lang", "language")),
    "dateline": (False, ("dateline",)),
    "license": (False, ("license", "licence")),
}


def _typed_texts(
    get: dict, basis: str, path: str, lines: dict[str, int]
) -> tuple[dict[str, str | None], list[Diagnostic]]:
    out: dict[str, str | None] = {}
    diagnostics = []
    for field, (numbers_ok, keys) in _TEXT_FIELDS.items():
        key = next((k for k in keys if k in get), keys[0])
        value = get.get(key)
        ok = isinstance(value, str) or (
            numbers_ok and isinstance(value, int | float) and not isinstance(value, bool)
        )
        if value is None or ok:
            out[field] = _text(value)
            continue
        out[field] = None
        diagnostics.append(
            Diagnostic(
                "warning",
                path,
                f"{basis}: {key} must be text, got {_shown(value)}: ignored",
                lines.get(key),
            )
        )
    return out, diagnostics


def meta_from_mapping(
    values: dict, basis: str, path: str, lines: dict[str, int] | None = None
) -> tuple[Meta, list[Diagnostic]]:
    """A metadata layer from sidecar or front-matter keys (shared key names and types).
    ``lines``: the line of each key in the file, for messages."""
    lines = lines or {}
    diagnostics = []
    unknown = sorted(k for k in values if str(k).lower() not in KNOWN_KEYS)
    if unknown and basis == "sidecar":
        diagnostics.append(
            Diagnostic(
                "warning",
                path,
                f"unknown sidecar keys ignored: {', '.join(unknown)} "
                f"(known: {', '.join(sorted(KNOWN_KEYS))})",
            )
        )
    get = {str(k).lower(): v for k, v in values.items()}
    published_raw = get.get("published", get.get("date"))
    published = parse_date_value(published_raw)
    if published_raw not in (None, "") and not published:
        year_alone = re.fullmatch(r"\s*\d{4}\s*", str(published_raw)) is not None
        message = (
            f"{basis}: date {_shown(published_raw)} is a year alone, not a day (it is never "
            "read as January 1st): the article is listed as undated; write the day as "
            "YYYY-MM-DD"
            if year_alone
            else f"{basis}: date {_shown(published_raw)} is not a date I can read; "
            "write it as YYYY-MM-DD"
        )
        date_key = "published" if "published" in get else "date"
        diagnostics.append(Diagnostic("warning", path, message, lines.get(date_key)))
    texts, problems = _typed_texts(get, basis, path, lines)
    diagnostics += problems
    author_key = "authors" if "authors" in get else "author"
    authors_raw = get.get(author_key)
    if authors_raw is not None and not isinstance(authors_raw, str | list | tuple | dict):
        message = f"{basis}: {author_key} must be a name or a list of names, got "
        message += f"{_shown(authors_raw)}: ignored"
        diagnostics.append(Diagnostic("warning", path, message, lines.get(author_key)))
        authors_raw = None
    license_raw = texts["license"]
    meta = Meta(
        basis=basis,
        title=texts["title"],
        published=published,
        source=texts["source"],
        url=texts["url"],
        authors=_authors(authors_raw),
        license=(license_id(license_raw) or license_raw) if license_raw else None,
        lang=texts["lang"],
        dateline=texts["dateline"],
        event_date=parse_date_value(get.get("event_date")),
    )
    return meta, diagnostics
