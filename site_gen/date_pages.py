"""The archive by date: ``archive/index.html`` (every year with its months), one page per year
(``archive/<year>/``, its articles under month headings, paginated like every list), and
``archive/undated/`` for the articles that state no date.

The articles keep the index's order (newest first), so a year's months run from December down.
A month's anchor (``m-06``) is on the page of its year where the month begins; a month cut by a
page break carries on under "June (continued)".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from site_gen.archive import Archive
from site_gen.config import Config
from site_gen.model import Article
from site_gen.navigation import (
    breadcrumbs,
    chunks,
    month_name,
    paged_path,
)
from site_gen.pages import HOME, Page, _article_summary, _frame, page_view
from site_gen.urls import relative_url

ARCHIVE = "archive/index.html"
UNDATED = "archive/undated/index.html"
ARCHIVE_TRAIL = (HOME, ("Dates", ARCHIVE))


def year_path(year: str) -> str:
    return f"archive/{year}/index.html"


def _month(a: Article) -> str:
    return a.date[5:7] if a.date and len(a.date) >= 7 and a.date[5:7].isdigit() else ""


def by_year(archive: Archive) -> dict[str, list[Article]]:
    """Dated articles by year, newest year first, in the index's order within each year."""
    years: dict[str, list[Article]] = defaultdict(list)
    for a in archive.articles:
        if a.date:
            years[a.date[:4]].append(a)
    return {y: years[y] for y in sorted(years, reverse=True)}


def month_places(archive: Archive, config: Config) -> dict[tuple[str, str], str]:
    """Where each month of each year begins: its year page (or page N of it) and anchor."""
    places: dict[tuple[str, str], str] = {}
    for year, arts in by_year(archive).items():
        for n, chunk in enumerate(chunks(arts, config.per_page), 1):
            for a in chunk:
                key = (year, _month(a))
                if key not in places:
                    places[key] = f"{paged_path(year_path(year), n)}#m-{key[1] or 'none'}"
    return places


def article_trail(a: Article, places: dict[tuple[str, str], str]) -> list[tuple[str, str]]:
    """Home > Dates > year > month > the article (Home > Dates > Undated > ... when undated)."""
    trail = list(ARCHIVE_TRAIL)
    if a.date:
        year, month = a.date[:4], _month(a)
        trail.append((year, year_path(year)))
        if month:
            trail.append((month_name(month), places[(year, month)]))
    else:
        trail.append(("Undated", UNDATED))
    return trail


def date_index(archive: Archive, config: Config) -> Page:
    """``archive/index.html``: every year with its months (made from the whole archive)."""
    undated = [a for a in archive.articles if not a.date]
    return _archive_index(by_year(archive), undated, month_places(archive, config), config)


def date_lists(archive: Archive) -> list[tuple[str, str, list[Article]]]:
    """Each list of the archive by date: (its first page's path, its label, its articles)."""
    lists = [(year_path(year), year, arts) for year, arts in by_year(archive).items()]
    undated = [a for a in archive.articles if not a.date]
    return lists + ([(UNDATED, "Undated", undated)] if undated else [])


def continued_months(parts: Sequence[Sequence[Article]]) -> list[tuple[str, ...]]:
    """For each page of a list, the months on it that began on an earlier page: all that a
    page reads of ``months_before`` (one pass over the list, for the pages' keys)."""
    seen: set[str] = set()
    out = []
    for part in parts:
        months = {_month(a) if a.date else "" for a in part}
        out.append(tuple(sorted(months & seen)))
        seen |= months
    return out


def months_before(parts: Sequence[Sequence[Article]], n: int) -> tuple[str, ...]:
    """The months of a list's pages before page ``n``: a month already begun there is
    "(continued)" on page ``n``, without its anchor."""
    return tuple(sorted({_month(a) if a.date else "" for part in parts[:n - 1] for a in part}))


def _archive_index(
    years: dict[str, list[Article]],
    undated: list[Article],
    places: dict[tuple[str, str], str],
    config: Config,
) -> Page:
    path = ARCHIVE
    view = _frame(path, config, "Articles by date", "Dates")
    rows = []
    for year, arts in years.items():
        counts: dict[str, int] = defaultdict(int)
        for a in arts:
            counts[_month(a)] += 1
        rows.append({
            "year": year,
            "url": relative_url(path, year_path(year)),
            "count": len(arts),
            "months": [
                {"name": month_name(m) if m else "Month not known", "count": counts[m],
                 "url": relative_url(path, places[(year, m)])}
                for m in counts  # the articles' order: newest month first
            ],
        })
    view.update(
        heading="Articles by date",
        years=rows,
        undated={"url": relative_url(path, UNDATED), "count": len(undated)} if undated else None,
    )
    view.update(breadcrumbs(path, ARCHIVE_TRAIL, config))
    inputs = tuple(sorted(a.path for arts in years.values() for a in arts))
    return Page(path, "archive.html", view, inputs + tuple(sorted(a.path for a in undated)))


def date_list_page(first: str, label: str, parts: Sequence[Sequence[Article]], n: int,
                   archive: Archive, config: Config) -> Page:
    """Page ``n`` of a year's (or the undated articles') list: its articles under month
    headings; it reads its own articles, the months begun before it and the counts."""
    heading = label if label == "Undated" else f"Articles of {label}"
    path, view = page_view(first, n, len(parts), config, heading, "Dates",
                           (*ARCHIVE_TRAIL, (label, first)))
    seen = set(months_before(parts, n))
    chunk = parts[n - 1]
    groups: list[dict[str, Any]] = []
    for a in chunk:
        month = _month(a) if a.date else ""
        if not groups or groups[-1]["month"] != month:
            name = (month_name(month) if month else "Month not known") if a.date else None
            groups.append({
                "month": month,
                "name": name,
                "anchor": None if month in seen else f"m-{month or 'none'}",
                "continued": month in seen,
                "articles": [],
            })
            seen.add(month)
        groups[-1]["articles"].append(_article_summary(a, archive, path))
    view.update(
        heading=heading,
        total=sum(len(part) for part in parts),
        groups=groups,
    )
    return Page(path, "archive_year.html", view, tuple(a.path for a in chunk))
