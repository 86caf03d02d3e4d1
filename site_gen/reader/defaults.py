"""Folder defaults: a ``_defaults.toml`` in a content folder sets what every article beneath it
has unless the article itself says otherwise (the data cascade of Eleventy and Hugo).

```toml
# content/velmar-herald/_defaults.toml
source = "Velmar Herald"                       # the outlet of every article in this folder
license = "CC-BY-4.0"                          # SPDX id or a licence's name
lang = "en"                                    # BCP 47
url_prefix = "https://herald.example/news/"    # url = prefix + the file name without extension
```

A deeper folder's file wins over a shallower one, key by key. They rank below everything an
article says of itself: sidecar > front matter > page metadata > text > folder default >
outlet registry. Pure: the pipeline reads the files, this module only parses and applies them.
"""

from __future__ import annotations

import posixpath
import tomllib
from dataclasses import replace

from site_gen.model import Diagnostic, Document
from site_gen.reader.language import clean_tag, direction
from site_gen.reader.licenses import license_id
from site_gen.reader.sidecar import key_lines, toml_line
from site_gen.registry import Registry

DEFAULTS_NAME = "_defaults.toml"
KEYS = ("source", "license", "lang", "url_prefix")


def parse_defaults(data: bytes, path: str) -> tuple[dict[str, str], list[Diagnostic]]:
    """The keys of one ``_defaults.toml``; problems name the file and line, and the file's
    good keys still apply."""
    try:
        text = data.decode("utf-8-sig")
        values = tomllib.loads(text)
    except UnicodeDecodeError:
        return {}, [Diagnostic("error", path, "not UTF-8 text; save it as UTF-8")]
    except tomllib.TOMLDecodeError as exc:
        message = f"not valid TOML ({exc}); its defaults are ignored"
        return {}, [Diagnostic("error", path, message, toml_line(exc))]
    lines = key_lines(text)
    out: dict[str, str] = {}
    problems = []
    for key, value in values.items():
        if key not in KEYS:
            message = f"unknown key {key!r} ignored (known: {', '.join(KEYS)})"
            problems.append(Diagnostic("warning", path, message, lines.get(key.lower())))
        elif not isinstance(value, str) or not value.strip():
            message = f"{key} must be a non-empty string: ignored"
            problems.append(Diagnostic("warning", path, message, lines.get(key.lower())))
        else:
            out[key] = value.strip()
    return out, problems


def cascade(files: list[tuple[str, bytes]]) -> tuple[dict[str, str], list[Diagnostic]]:
    """The defaults for an article from the ``_defaults.toml`` files above it, outermost first."""
    merged: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for path, data in files:
        values, found = parse_defaults(data, path)
        merged.update(values)
        problems += found
    return merged, problems


def apply_defaults(
    doc: Document, defaults: dict[str, str], path: str, registry: Registry
) -> Document:
    """``doc`` with the folder defaults filling what the article does not say itself."""
    changes: dict[str, object] = {}
    if not doc.source_name and defaults.get("source"):
        found = registry.lookup(defaults["source"])
        changes["source_name"] = found.name if found else defaults["source"]
    if not doc.license and defaults.get("license"):
        changes["license"] = license_id(defaults["license"]) or defaults["license"]
    # the folder's default ranks above the registry's usual language of the outlet
    if (not doc.lang or doc.lang_basis == "registry") and clean_tag(defaults.get("lang")):
        changes["lang"] = clean_tag(defaults["lang"])
        changes["lang_basis"] = "folder default"
        body = "\n\n".join(p.text for p in doc.paragraphs)
        changes["dir"] = direction(changes["lang"], body)  # type: ignore[arg-type]
    if not doc.url and defaults.get("url_prefix"):
        stem = posixpath.splitext(posixpath.basename(path))[0]
        changes["url"] = defaults["url_prefix"] + stem
    return replace(doc, **changes) if changes else doc  # type: ignore[arg-type]
