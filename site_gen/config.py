"""Site configuration: ``site.toml`` with documented defaults, overridable from the command line.

```toml
title = "News archive"          # shown in every page's header and <title>
base_url = ""                   # e.g. "https://example.org/archive/"; only absolute links (feeds)
content = "seeds"               # folder of articles, relative to site.toml
output = "build"                # output folder, relative to site.toml
templates = "templates"         # user templates, override the shipped ones by file name
static = "static"               # copied to <output>/static/
sources = "sources.toml"        # outlet registry additions (optional file)
speakers = "speakers.toml"      # pinned speaker names (optional file)
per_page = 50                   # articles per index page
follow_symlinks = false         # follow symbolic links that stay inside the content folder
markdown_html = false           # show raw HTML of Markdown files as HTML (sanitised), not source
search = true                   # full-text search page and index (Pagefind)
stories = true                  # false: no stories and statements; or a [stories] table:

[stories]                       # see site_gen/stories.py and the README for what each one does
window_days = 2
max_span_days = 7
min_similarity = 0.3
undated_similarity = 0.4
speaker_weight = 0.15
terms_per_article = 30
statement_similarity = 0.4
statement_best_similarity = 0.25
statement_min_terms = 3
```
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from site_gen.safety import link_target
from site_gen.stories import StorySettings

CONFIG_NAME = "site.toml"
PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    # An installed wheel carries the folder inside the package (see pyproject's package-dir);
    # a source checkout or editable install has it at the repository's top level.
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else PACKAGE_DIR.parent / name


SHIPPED_TEMPLATES = _shipped("templates").resolve()
SHIPPED_STATIC = _shipped("static").resolve()

_KEYS = {
    "title": str,
    "base_url": str,
    "content": str,
    "output": str,
    "templates": str,
    "static": str,
    "sources": str,
    "speakers": str,
    "per_page": int,
    "follow_symlinks": bool,
    "markdown_html": bool,
    "stories": (bool, dict),
    "search": bool,
}


class ConfigError(ValueError):
    """A bad site.toml (message names the file and what to fix)."""


@dataclass(frozen=True)
class Config:
    root: Path  # folder that relative paths are resolved against
    title: str = "News archive"
    base_url: str = ""
    content: Path = Path("seeds")
    output: Path = Path("build")
    templates: Path = Path("templates")
    static: Path = Path("static")
    sources: Path = Path("sources.toml")
    speakers: Path = Path("speakers.toml")
    per_page: int = 50
    follow_symlinks: bool = False
    markdown_html: bool = False
    stories: StorySettings = field(default_factory=StorySettings)
    search: bool = True  # a search page and its index (Pagefind), built with the site
    config_file: Path | None = None

    def resolve(self, p: Path) -> Path:
        return p if p.is_absolute() else (self.root / p)

    @property
    def content_dir(self) -> Path:
        return self.resolve(self.content)

    @property
    def output_dir(self) -> Path:
        return self.resolve(self.output)

    @property
    def template_dirs(self) -> tuple[Path, ...]:
        """User templates first (they override by name), then the shipped defaults."""
        user = self.resolve(self.templates)
        dirs = [user] if user.is_dir() and user.resolve() != SHIPPED_TEMPLATES else []
        return (*dirs, SHIPPED_TEMPLATES)

    @property
    def static_dirs(self) -> tuple[Path, ...]:
        """Shipped static files first; the user's static folder is copied over them."""
        user = self.resolve(self.static)
        dirs = [SHIPPED_STATIC]
        if user.is_dir() and user.resolve() != SHIPPED_STATIC:
            dirs.append(user)
        return tuple(dirs)


def load_config(
    config_file: Path | None = None,
    *,
    content: Path | None = None,
    output: Path | None = None,
    cwd: Path | None = None,
) -> Config:
    """Read ``site.toml`` (the given file, else ``./site.toml`` when present, else defaults)."""
    cwd = cwd or Path.cwd()
    values: dict[str, object] = {}
    if config_file is None and (cwd / CONFIG_NAME).is_file():
        config_file = cwd / CONFIG_NAME
    if config_file is not None:
        values = _parse(config_file)
        root = config_file.resolve().parent
    else:
        root = cwd.resolve()
    kwargs: dict[str, object] = {}
    for key, value in values.items():
        kwargs[key] = Path(value) if key in _PATH_KEYS else value  # type: ignore[arg-type]
    cfg = Config(root=root, config_file=config_file, **kwargs)  # type: ignore[arg-type]
    # Command-line folders are relative to where the user typed them, not to site.toml.
    if content is not None:
        cfg = replace(cfg, content=(cwd / content).resolve())
    if output is not None:
        cfg = replace(cfg, output=(cwd / output).resolve())
    return cfg


_PATH_KEYS = {"content", "output", "templates", "static", "sources", "speakers"}


def _parse(path: Path) -> dict[str, object]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    out: dict[str, object] = {}
    for key, value in data.items():
        expected = _KEYS.get(key)
        if expected is None:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{path}: unknown setting {key!r} (known settings: {known})")
        if key == "stories":
            out[key] = _stories(path, value)
            continue
        if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
            raise ConfigError(
                f"{path}: setting {key!r} must be a {expected.__name__}, got {value!r}"
            )
        out[key] = value
    base_url = out.get("base_url")
    if isinstance(base_url, str) and base_url and (
        not base_url.lower().startswith(("http://", "https://")) or link_target(base_url) is None
    ):
        raise ConfigError(
            f"{path}: base_url must be an absolute http or https URL, got {base_url!r}"
        )
    per_page = out.get("per_page")
    if isinstance(per_page, int) and per_page < 1:
        raise ConfigError(f"{path}: per_page must be at least 1, got {per_page}")
    return out


def _stories(path: Path, value: object) -> StorySettings:
    """``stories = false`` (or true), or a ``[stories]`` table of thresholds."""
    if isinstance(value, bool):
        return StorySettings(enabled=value)
    if not isinstance(value, dict):
        raise ConfigError(
            f"{path}: setting 'stories' must be true, false or a table, got {value!r}"
        )
    kinds = {f.name: f.type for f in fields(StorySettings)}
    values: dict[str, object] = {}
    for key, v in value.items():
        kind = kinds.get(key)
        name = f"stories.{key}"
        if kind is None:
            known = ", ".join(sorted(kinds))
            raise ConfigError(f"{path}: unknown setting {name!r} (known settings: {known})")
        if kind == "bool" and not isinstance(v, bool):
            raise ConfigError(f"{path}: setting {name!r} must be true or false, got {v!r}")
        least = 1 if key in ("terms_per_article", "statement_min_terms") else 0
        if kind == "int" and (not isinstance(v, int) or isinstance(v, bool) or v < least):
            raise ConfigError(
                f"{path}: setting {name!r} must be a whole number >= {least}, got {v!r}"
            )
        if kind == "float":
            if not isinstance(v, int | float) or isinstance(v, bool) or not 0 <= v <= 10:
                raise ConfigError(
                    f"{path}: setting {name!r} must be a number from 0 to 10, got {v!r}"
                )
            v = float(v)
        values[key] = v
    return StorySettings(**values)  # type: ignore[arg-type]
