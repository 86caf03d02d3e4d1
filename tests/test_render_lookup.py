"""The environment's attribute lookup: an item of a plain dict at once, otherwise Jinja's."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
import pytest

from site_gen.render import make_environment


@dataclass
class Thing:
    name: str


def _both(source: str, **view) -> tuple[str, str]:
    ours = make_environment([]).from_string(source)
    theirs = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(
        source)
    return ours.render(**view), theirs.render(**view)


@pytest.mark.parametrize(("source", "view"), [
    ("{{ v.title }}", {"v": {"title": "Bridge <repairs>"}}),
    ("{{ v.items() | list | length }}", {"v": {"a": 1, "b": 2}}),  # a dict's method
    ("{{ v.items() | list | length }}", {"v": {"items": [1]}}),  # the method wins, as in Jinja
    ("{{ v.get('a') }}", {"v": {"a": "x"}}),
    ("{{ t.name }}", {"t": Thing("Ada Quill")}),  # an object's attribute
    ("{{ v.a.b }}", {"v": {"a": {"b": 3}}}),
])
def test_the_lookup_answers_as_jinjas(source, view):
    ours, theirs = _both(source, **view)
    assert ours == theirs


def test_a_missing_item_is_still_an_error():
    with pytest.raises(jinja2.UndefinedError):
        make_environment([]).from_string("{{ v.missing }}").render(v={"title": "x"})
