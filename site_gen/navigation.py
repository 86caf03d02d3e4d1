"""How a reader moves through the site: pages of a list, breadcrumbs, the date archive's groups.

Pure helpers for ``pages`` and ``date_pages``: every list is cut into pages the same way
(``per_page`` items; the first page at the list's own path, the next ones at ``page/N/`` below
it), and every page names its place in the site as a trail of links.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from typing import Any, TypeVar

from site_gen.config import Config
from site_gen.structured import absolute, json_ld
from site_gen.urls import relative_url

T = TypeVar("T")

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)


def chunks(items: Sequence[T], per_page: int) -> list[Sequence[T]]:
    """``items`` cut into pages of ``per_page``; one empty page when there is nothing."""
    return [items[i : i + per_page] for i in range(0, len(items), per_page)] or [items[:0]]


def paged_path(first: str, n: int) -> str:
    """Page ``n`` of the list whose first page is ``first`` ("speakers/index.html" ->
    "speakers/page/2/index.html"; "index.html" -> "page/2/index.html")."""
    if n == 1:
        return first
    folder = posixpath.dirname(first)
    return posixpath.join(folder, "page", str(n), "index.html")


def pager(path: str, first: str, n: int, count: int) -> dict[str, Any] | None:
    """Links from page ``n`` (at ``path``) to the other pages of its list; None for one page."""
    if count <= 1:
        return None
    return {
        "current": n,
        "count": count,
        "prev": relative_url(path, paged_path(first, n - 1)) if n > 1 else None,
        "next": relative_url(path, paged_path(first, n + 1)) if n < count else None,
        "pages": [
            {"number": k, "url": relative_url(path, paged_path(first, k))}
            for k in range(1, count + 1)
        ],
    }


def page_title(title: str, n: int) -> str:
    return title if n == 1 else f"{title}: page {n}"


Trail = Sequence[tuple[str, str]]  # (label, output path) from the front page down to this page


def breadcrumbs(path: str, trail: Trail, config: Config) -> dict[str, Any]:
    """The view entries for a page's breadcrumbs: the links (the last, this page, without one)
    and, when ``base_url`` makes absolute URLs possible, a schema.org ``BreadcrumbList``."""
    items = [
        {"label": label, "url": None if i == len(trail) - 1 else relative_url(path, target)}
        for i, (label, target) in enumerate(trail)
    ]
    data = None
    if config.base_url and trail:
        data = json_ld(
            {
                "@context": "https://schema.org",
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": i, "name": label,
                     "item": absolute(config, target)}
                    for i, (label, target) in enumerate(trail, 1)
                ],
            }
        )
    return {"breadcrumbs": items, "breadcrumb_ld": data}


def with_page(trail: Trail, first: str, n: int) -> list[tuple[str, str]]:
    """A list's trail, with "Page N" after it beyond the first page."""
    out = list(trail)
    if n > 1:
        out.append((f"Page {n}", paged_path(first, n)))
    return out


def month_name(month: str) -> str:
    """"06" -> "June"."""
    return MONTHS[int(month) - 1]
