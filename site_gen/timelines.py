"""Timelines drawn at build time: counts per month -> the geometry of an inline SVG.

Pure functions. Python decides every number (buckets, scale, positions, labels, the text
alternative and the table of numbers); the ``timeline`` macro of ``_macros.html`` only prints
them, escaped. Undated items are counted apart and never placed on a date. A span longer than
``MAX_MONTHS`` is drawn by year, so a stray old date cannot make thousands of empty bars.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from site_gen import regexes

WIDTH = 560  # the viewBox; CSS shows it at most this many pixels wide, narrower on a phone
NAME_HEIGHT = 18  # a series name above its row, when there are several rows
BARS_HEIGHT = 30  # the tallest bar of a row of several
SINGLE_HEIGHT = 80  # the tallest bar of a single row
AXIS_HEIGHT = 20
MAX_BAR = 28  # a bar is no wider than this, however few the months
MAX_MONTHS = 120
MAX_TICKS = 10
NAME_CHARS = 60  # a series name longer than this is shortened in the picture (not the table)

_MONTH = regexes.compile(r"^(\d{4})-(\d{2})")


def month_of(date: str | None) -> str | None:
    """"YYYY-MM" of an ISO date, None for an undated (or unreadable) one."""
    m = _MONTH.match(date or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return f"{m.group(1)}-{m.group(2)}"


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def buckets(months: Iterable[str]) -> list[str]:
    """Every month from the first to the last (or every year, when that is over MAX_MONTHS)."""
    known = sorted(set(months))
    if not known:
        return []
    span = _months(known[0], known[-1])
    if len(span) <= MAX_MONTHS:
        return span
    return [str(y) for y in range(int(known[0][:4]), int(known[-1][:4]) + 1)]


def _bucket(month: str, by_year: bool) -> str:
    return month[:4] if by_year else month


def _num(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1].rstrip() + "…"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def timeline(
    series: Sequence[tuple[str, Sequence[str | None]]],
    noun: str,
    element_id: str = "timeline",
) -> dict[str, Any] | None:
    """``series``: (name, the date of each item) per row, in the order to draw. ``noun``: what
    an item is ("quote", "article"). None when nothing is dated nor undated."""
    total = sum(len(dates) for _, dates in series)
    if not total:
        return None
    months = [[month_of(d) for d in dates] for _, dates in series]
    span = buckets(m for row in months for m in row if m)
    by_year = bool(span) and len(span[0]) == 4
    counts = [Counter(_bucket(m, by_year) for m in row if m) for row in months]
    undated = sum(row.count(None) for row in months)
    several = len(series) > 1
    bars_h = BARS_HEIGHT if several else SINGLE_HEIGHT
    row_h = bars_h + (NAME_HEIGHT if several else 0) + 4
    step = WIDTH / max(len(span), 1)
    bar_w = min(step * 0.8, MAX_BAR)
    peak = max((c for row in counts for c in row.values()), default=0)
    rows = []
    for i, ((name, _), row) in enumerate(zip(series, counts, strict=True)):
        base = (i + 1) * row_h
        bars = []
        for j, b in enumerate(span):
            n = row.get(b, 0)
            if not n:
                continue
            h = max(bars_h * n / peak, 1.5)
            bars.append({
                "x": _num(j * step + (step - bar_w) / 2), "y": _num(base - h),
                "width": _num(max(bar_w, 0.5)), "height": _num(h),
                "label": (f"{name}, " if several else "") + f"{b}: {_plural(n, noun)}",
            })
        rows.append({"name": _short(name) if several else "",
                     "y": _num(base - bars_h - 6), "bars": bars, "baseline": _num(base)})
    height = len(series) * row_h + AXIS_HEIGHT
    return {
        "id": element_id,
        "width": WIDTH,
        "height": height,
        "rows": rows,
        "ticks": _ticks(span, step, height - 4),
        "summary": _summary(series, counts, span, undated, noun, by_year),
        "unit": "Year" if by_year else "Month",
        "columns": [name for name, _ in series] + (["Total"] if several else []),
        "table": _table(counts, span, several),
        "undated": undated,
        "undated_text": f"{_plural(undated, noun)} undated, not placed on the timeline"
        if undated else "",
    }


def _table(counts: list[Counter[str]], span: list[str], several: bool) -> list[dict[str, Any]]:
    """A row per bucket: each series' count, and their total when there are several."""
    table = []
    for b in span:
        cells = [row.get(b, 0) for row in counts]
        table.append({"bucket": b, "cells": cells + ([sum(cells)] if several else [])})
    return table


def _ticks(span: list[str], step: float, y: float) -> list[dict[str, str]]:
    """A label at the first bucket of each year, thinned to at most MAX_TICKS."""
    firsts = [(j, b[:4]) for j, b in enumerate(span) if j == 0 or span[j - 1][:4] != b[:4]]
    every = -(-len(firsts) // MAX_TICKS) if firsts else 1
    # a label near the right edge ends at its bucket's end instead of running off the picture
    return [{"x": _num(j * step if j * step < WIDTH - 40 else WIDTH), "y": _num(y),
             "anchor": "start" if j * step < WIDTH - 40 else "end", "label": year}
            for k, (j, year) in enumerate(firsts) if k % every == 0]


def _summary(
    series: Sequence[tuple[str, Sequence[str | None]]], counts: list[Counter[str]],
    span: list[str], undated: int, noun: str, by_year: bool,
) -> str:
    dated = sum(sum(row.values()) for row in counts)
    unit = "year" if by_year else "month"
    if span:
        totals = Counter()
        for row in counts:
            totals.update(row)
        best = max(span, key=lambda b: (totals[b], b))
        when = f"in {span[0]}" if len(span) == 1 else f"from {span[0]} to {span[-1]}"
        text = (f"Timeline of {_plural(dated, 'dated ' + noun)} by {unit}, {when}; "
                f"the most, {totals[best]}, in {best}.")
    else:
        text = f"No dated {noun}s."
    if len(series) > 1:
        text += " One row each: " + "; ".join(
            f"{name} ({sum(row.values())})"
            for (name, _), row in zip(series, counts, strict=True)) + "."
    if undated:
        text += f" {_plural(undated, noun)} undated, not on the timeline."
    return text


def coverage_series(
    items: Iterable[tuple[str | None, str | None]], top: int = 5,
) -> list[tuple[str, list[str | None]]]:
    """(outlet name or None, date) per article -> the ``top`` outlets by article count (ties by
    name), then "Other outlets" (the rest, and articles that state no source)."""
    by_outlet: dict[str | None, list[str | None]] = {}
    for name, date in items:
        by_outlet.setdefault(name, []).append(date)
    named = sorted((k for k in by_outlet if k is not None),
                   key=lambda k: (-len(by_outlet[k]), k.casefold(), k))
    series: list[tuple[str, list[str | None]]] = [(k, by_outlet[k]) for k in named[:top]]
    rest = [d for k in named[top:] for d in by_outlet[k]] + by_outlet.get(None, [])
    if rest:
        series.append(("Other outlets" if named[:top] else "Source not stated", rest))
    return series
