"""What the preview says about the last build: on the terminal, and over every served page.

A build counts as failed when it did not swap in a new site (``ok`` false: a broken template,
a bad ``site.toml``, an output folder that may not be replaced, a crash); the last good site
keeps being served. A build that succeeded but left files out because they could not be read
(diagnostics of severity ``error``) also gets the overlay: the site is new, but an article the
author just saved may be missing from it, and the overlay says which and why. Warnings and notes
are for the terminal only. Everything here is a pure function of the build's report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from site_gen import regexes
from site_gen.config import SHIPPED_TEMPLATES
from site_gen.render import make_environment


class DiagnosticLike(Protocol):
    @property
    def severity(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def line(self) -> int | None: ...


class BuildResult(Protocol):
    """What the injected build function returns (``pipeline.BuildReport`` is one)."""

    @property
    def ok(self) -> bool: ...
    @property
    def fatal(self) -> str | None: ...
    @property
    def diagnostics(self) -> Sequence[DiagnosticLike]: ...
    def summary(self) -> str: ...


@dataclass(frozen=True)
class Problem:
    file: str | None  # as the user knows it: relative to the project when inside it
    line: int | None
    message: str
    hint: str

    @property
    def where(self) -> str:
        if self.file and self.line:
            return f"{self.file}, line {self.line}"
        return self.file or ""


@dataclass(frozen=True)
class BuildState:
    """The overlay's content. ``failed``: the served site is the last good one, not this build."""

    failed: bool = False
    problems: tuple[Problem, ...] = ()
    summary: str = ""

    @property
    def clean(self) -> bool:
        return not self.failed and not self.problems


GOOD = BuildState()


@dataclass(frozen=True)
class Places:
    """Where the build's files are, to name them as the user knows them."""

    project: Path | None = None
    content: Path | None = None
    templates: tuple[Path, ...] = ()


UNKNOWN_PLACES = Places()

HINT_TEMPLATE = (
    "Fix the template and save: the page reloads by itself after the next good build."
)
HINT_TEMPLATE_NAME = (
    "A template uses a name this page does not have, or uses it wrongly; the line is the first "
    "use of that name. The shipped template of the same name shows what each page provides."
)
HINT_CONFIG = "Fix the file and save: the site is rebuilt as soon as it reads again."
HINT_FILE = "This file was left out; the rest of the site was rebuilt. Fix it and save."
HINT_REFUSED = "Choose an output folder that is new, empty or an earlier site-gen build."
HINT_CONTENT = "Create the folder, or point --content (or content in site.toml) at yours."
HINT_WRITE = "Check the free space and the permissions of the output folder's parent."
HINT_CRASH = "This is a bug in site-gen: the terminal shows the traceback."
HINT_OTHER = "The last good build is still served; it is replaced after the next good build."

_WITH_LINE = regexes.compile(
    r"^(?P<file>[^\n]+?\.[A-Za-z0-9]+):(?P<line>\d+): (?P<message>.*)$", re.S
)
_TEMPLATE_RUN = regexes.compile(
    r"^template (?P<name>\S+) failed for (?P<page>\S+): (?P<message>.*)$", re.S
)
_TOML_LINE = regexes.compile(r"\(at line (?P<line>\d+), column \d+\)")
_NAME = regexes.compile(r"'(?P<name>[A-Za-z_][A-Za-z0-9_]*)' (?:is undefined|has no attribute)"
                        r"|has no attribute '(?P<attr>[A-Za-z_][A-Za-z0-9_]*)'")


def state_of(report: BuildResult, places: Places = UNKNOWN_PLACES) -> BuildState:
    """What the overlay and the terminal say after ``report``."""
    file_errors = tuple(
        Problem(_content_file(d.path, places), d.line, d.message, HINT_FILE)
        for d in report.diagnostics
        if d.severity == "error"
    )
    if report.ok:
        return BuildState(False, file_errors, report.summary())
    return BuildState(True, (_fatal(report.fatal or "", places), *file_errors), report.summary())


def crashed(exc: BaseException, summary: str) -> BuildState:
    """The build function raised instead of reporting: a bug, shown like a failed build."""
    return BuildState(True, (Problem(None, None, f"{type(exc).__name__}: {exc}", HINT_CRASH),),
                      summary)


def _fatal(fatal: str, places: Places) -> Problem:
    run = _TEMPLATE_RUN.match(fatal)
    if run:
        path = _template_path(run["name"], places)
        line = _first_use(path, run["message"]) if path else None
        name = _show(path, places) if path else run["name"]
        return Problem(name, line, f"{run['message']} (rendering {run['page']})",
                       HINT_TEMPLATE_NAME)
    with_line = _WITH_LINE.match(fatal)
    if with_line:
        file = with_line["file"]
        return Problem(_show(Path(file), places), int(with_line["line"]), with_line["message"],
                       HINT_TEMPLATE)
    if fatal.startswith("refused: "):
        return Problem(None, None, fatal.removeprefix("refused: "), HINT_REFUSED)
    if fatal.startswith("content folder "):
        return Problem(None, None, fatal, HINT_CONTENT)
    if fatal.startswith("write failed: "):
        return Problem(None, None, fatal, HINT_WRITE)
    if ": " in fatal and fatal.split(": ", 1)[0].endswith(".toml"):  # a ConfigError
        file, message = fatal.split(": ", 1)
        line = _TOML_LINE.search(message)
        return Problem(_show(Path(file), places), int(line["line"]) if line else None, message,
                       HINT_CONFIG)
    return Problem(None, None, fatal or "the build failed", HINT_OTHER)


def _template_path(name: str, places: Places) -> Path | None:
    for folder in places.templates:
        if (folder / name).is_file():
            return folder / name
    return None


def _first_use(path: Path, message: str) -> int | None:
    """The first line of the template that uses the name the error is about (Jinja's report of
    a failure while rendering names no line)."""
    found = _NAME.search(message)
    if not found:
        return None
    word = re.compile(rf"\b{re.escape(found['name'] or found['attr'])}\b")
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return next((n for n, text in enumerate(lines, 1) if word.search(text)), None)


def _show(path: Path, places: Places) -> str:
    for base in (places.project, SHIPPED_TEMPLATES.parent):
        if base is not None:
            try:
                return path.resolve().relative_to(base.resolve()).as_posix()
            except ValueError:
                continue
    return str(path)


def _content_file(rel: str, places: Places) -> str:
    if places.content is None:
        return rel
    return _show(places.content / rel, places)


def terminal_lines(state: BuildState) -> list[str]:
    """The same problems as the overlay, for the terminal."""
    out = []
    for p in state.problems:
        where = f"{p.file}:{p.line}" if p.file and p.line else p.file
        out.append(f"{where}: error: {p.message}" if where else f"error: {p.message}")
        out.append(f"  hint: {p.hint}")
    return out


def overlay_view(state: BuildState) -> dict[str, object]:
    """What the overlay template prints; every word decided here."""
    if state.failed:
        heading = "Build failed: this is the last good build"
    else:
        n = len(state.problems)
        heading = f"{n} file{'s' if n != 1 else ''} left out of the site"
    return {
        "heading": heading,
        "summary": state.summary,
        "problems": [
            {"where": p.where, "message": p.message, "hint": p.hint} for p in state.problems
        ],
    }


OVERLAY_TEMPLATE = "_serve_overlay.html"


def render_overlay(state: BuildState) -> bytes:
    """The overlay's HTML (empty when the build was clean), escaped like every page."""
    if state.clean:
        return b""
    # The shipped template only, never the project's: the project's templates may be what broke.
    env = make_environment([SHIPPED_TEMPLATES])
    return env.get_template(OVERLAY_TEMPLATE).render(**overlay_view(state)).encode("utf-8")


_HEAD_END = regexes.compile(rb"</head\s*>", re.I)
_BODY_END = regexes.compile(rb"</body\s*>", re.I)


def inject(html: bytes, script: bytes, overlay: bytes) -> bytes:
    """The page with the reload script at the end of its head and the overlay at the end of its
    body (or at the end of the document when it has no such tags)."""
    if script:
        head = _HEAD_END.search(html)
        at = head.start() if head else 0
        html = html[:at] + script + html[at:]
    if overlay:
        ends = list(_BODY_END.finditer(html))
        at = ends[-1].start() if ends else len(html)
        html = html[:at] + overlay + html[at:]
    return html


NO_SITE_PAGE = (
    b"<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    b"<title>Not built yet</title>\n</head>\n<body>\n<h1>The site is not built yet</h1>\n"
    b"<p>This page reloads by itself when the first build is done.</p>\n</body>\n</html>\n"
)
