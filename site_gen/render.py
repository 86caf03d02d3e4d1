"""Jinja rendering: autoescape always on, undefined names are errors, templates only print."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from site_gen.pages import Page
from site_gen.safety import clean_text

if TYPE_CHECKING:
    import jinja2

# jinja2 is imported by the functions that use it, on the first page rendered: the pipeline
# imports this module, and `site-gen inspect` runs the pipeline's reading stages only.


class RenderError(RuntimeError):
    """A template failed; the message names the template, line and page."""


# What a plain dict answers as an attribute (its methods): any other name is only its item.
_DICT_NAMES = frozenset(dir(dict))


def make_environment(template_dirs: Sequence[Path]) -> jinja2.Environment:
    import jinja2

    class Environment(jinja2.Environment):
        """Jinja's environment, with ``view.name`` on a plain dict (every view is one) looked
        up as the item at once: the same answer as Jinja's attribute-then-item lookup, whose
        failed attribute lookup cost a tenth of the rendering time."""

        def getattr(self, obj: object, attribute: str) -> object:
            if type(obj) is dict and attribute not in _DICT_NAMES:
                try:
                    return obj[attribute]
                except KeyError:
                    return self.undefined(obj=obj, name=attribute)
            return super().getattr(obj, attribute)

    return Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )


# The environment of the last templates used in this process, by their folders and digest
# (``reuse.templates_digest``, which hashes every template's bytes): the next build from the
# same templates (the dev server builds again and again) reuses its compiled templates.
_ENVIRONMENTS: dict[tuple[tuple[str, ...], str], jinja2.Environment] = {}


def environment_for(template_dirs: Sequence[Path], digest: str) -> jinja2.Environment:
    """``make_environment(template_dirs)``, made once while the templates' ``digest`` holds."""
    key = (tuple(str(d) for d in template_dirs), digest)
    env = _ENVIRONMENTS.get(key)
    if env is None:
        _ENVIRONMENTS.clear()
        env = _ENVIRONMENTS[key] = make_environment(template_dirs)
    return env


def _finalize(value: object) -> object:
    """Every printed value passes here before escaping: no character that HTML or XML forbids
    reaches a page, a feed or a sitemap, whatever the input or a user template prints."""
    if isinstance(value, Markup):  # already markup (a macro's output): cleaned, kept markup
        return Markup(clean_text(value))
    return clean_text(value) if isinstance(value, str) else value


def render_page(env: jinja2.Environment, page: Page) -> bytes:
    if not page.template and isinstance(page.data, bytes):
        return page.data  # an export already written out (JSON Lines, CSV)
    if not page.template:
        text = clean_text(json.dumps(page.data, ensure_ascii=False, indent=1, sort_keys=True))
        return (text + "\n").encode("utf-8")
    import jinja2

    try:
        html = env.get_template(page.template).render(**page.view)
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"template {page.template} failed for {page.path}: {exc}") from None
    return html.encode("utf-8")
