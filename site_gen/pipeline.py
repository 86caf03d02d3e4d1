"""``build()``: run the stages in order, time each, collect diagnostics, swap in the output.

read (I/O) -> process_file per input (pure) -> build_archive -> build_pages -> render -> write.
Only this module and ``write`` touch the disk during a build.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from site_gen.archive import Archive, build_archive
from site_gen.config import Config
from site_gen.model import Diagnostic, FileResult, Speaker
from site_gen.pages import build_pages
from site_gen.process import process_file
from site_gen.quotes.speakers import load_pins
from site_gen.reader import READABLE_SUFFIXES, SIDECAR_SUFFIXES
from site_gen.registry import Registry, RegistryError, default_registry, load_registry_file
from site_gen.render import RenderError, make_environment, render_page
from site_gen.urls import original_path
from site_gen.write import copy_trees, discard, stage_dir, swap_in, write_files


@dataclass(frozen=True)
class BuildReport:
    ok: bool
    output: Path
    articles: int = 0
    speakers: int = 0
    sources: int = 0
    pages: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()
    fatal: str | None = None

    def summary(self) -> str:
        if not self.ok:
            return f"Build failed: {self.fatal}; {self.output} left as it was"
        skipped = sum(1 for d in self.diagnostics if d.severity == "error")
        tail = f", {skipped} file(s) with errors" if skipped else ""
        return (
            f"Built {self.articles} articles, {self.speakers} speakers, {self.sources} sources, "
            f"{self.pages} pages in {self.seconds:.2f} s{tail}"
        )


@dataclass(frozen=True)
class InputFile:
    path: str  # content-relative POSIX path
    data: bytes
    sidecar: bytes | None = None
    sidecar_path: str | None = None


def discover(content_dir: Path) -> list[Path]:
    """Every article file under the folder, recursively, in sorted order (hidden files skipped)."""
    found = []
    for p in content_dir.rglob("*"):
        rel = p.relative_to(content_dir)
        if any(part.startswith(".") for part in rel.parts) or not p.is_file():
            continue
        name = p.name.lower()
        if name.endswith(SIDECAR_SUFFIXES) or not name.endswith(READABLE_SUFFIXES):
            continue
        found.append(p)
    return sorted(found, key=lambda p: p.relative_to(content_dir).as_posix())


def sidecar_for(path: Path) -> Path | None:
    stem = path.name.rsplit(".", 1)[0]
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    return None


# No news article comes near this; a larger file is a mistake (a dump, a video) or hostile, and
# reading it would stall the whole build.
MAX_FILE_BYTES = 16 * 1024 * 1024


def _read_input(
    path: Path, rel: str, side: Path | None, side_rel: str | None
) -> InputFile | Diagnostic:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            return Diagnostic(
                "error", rel, f"larger than {limit} MB: skipped (split it into articles)"
            )
        side_data = side.read_bytes() if side else None
        return InputFile(rel, path.read_bytes(), side_data, side_rel)
    except OSError as exc:
        return Diagnostic("error", rel, f"cannot read file: {exc.strerror or exc}")


def load_inputs(content_dir: Path) -> tuple[list[InputFile], list[Diagnostic]]:
    inputs, diagnostics = [], []
    for p in discover(content_dir):
        side = sidecar_for(p)
        side_rel = side.relative_to(content_dir).as_posix() if side else None
        got = _read_input(p, p.relative_to(content_dir).as_posix(), side, side_rel)
        (inputs if isinstance(got, InputFile) else diagnostics).append(got)
    return inputs, diagnostics


def inputs_from_paths(paths: list[Path]) -> tuple[list[InputFile], list[Diagnostic]]:
    """Inputs named on the command line: files (by their name) and folders (recursively)."""
    inputs: list[InputFile] = []
    diagnostics: list[Diagnostic] = []
    for given in paths:
        if given.is_dir():
            more, diags = load_inputs(given)
            inputs += more
            diagnostics += diags
            continue
        side = sidecar_for(given)
        got = _read_input(given, given.name, side, side.name if side else None)
        (inputs if isinstance(got, InputFile) else diagnostics).append(got)
    return inputs, diagnostics


def load_sources(config: Config) -> tuple[Registry, list[Diagnostic]]:
    """The outlet registry, extended by the user's sources.toml when there is one."""
    path = config.resolve(config.sources)
    try:
        return load_registry_file(str(path) if path.is_file() else None), []
    except RegistryError as exc:
        return default_registry(), [Diagnostic("error", path.name, f"sources ignored: {exc}")]


def load_speaker_pins(config: Config) -> tuple[tuple[Speaker, ...], list[Diagnostic]]:
    path = config.resolve(config.speakers)
    if not path.is_file():
        return (), []
    try:
        return load_pins(path.read_bytes(), path.name), []
    except (OSError, ValueError) as exc:
        return (), [Diagnostic("error", path.name, f"speaker pins ignored: {exc}")]


PARALLEL_MIN_FILES = 64  # below this, starting worker processes costs more than it saves


def _process_one(args: tuple[InputFile, Registry]) -> FileResult:
    f, registry = args
    return process_file(f.path, f.data, registry, f.sidecar, f.sidecar_path)


def process_all(inputs: list[InputFile], registry: Registry, jobs: int = 1) -> list[FileResult]:
    """The per-file stage over every input, on ``jobs`` processes; results in input order."""
    if jobs <= 1 or len(inputs) < PARALLEL_MIN_FILES:
        return [_process_one((f, registry)) for f in inputs]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, len(inputs) // (jobs * 8))
        return list(pool.map(_process_one, [(f, registry) for f in inputs], chunksize=chunk))


@dataclass(frozen=True)
class Analysis:
    """What the per-file and cross-article stages made of some inputs."""

    archive: Archive
    results: list[FileResult]
    diagnostics: list[Diagnostic]


def analyze(config: Config, inputs: list[InputFile], jobs: int | None = None) -> Analysis:
    """Registry and pins from the config, every input through the per-file stage, then the
    archive. ``jobs``: worker processes for the per-file stage (default: all cores)."""
    registry, diagnostics = load_sources(config)
    pins, pin_diags = load_speaker_pins(config)
    diagnostics += pin_diags
    results = process_all(inputs, registry, jobs if jobs is not None else (os.cpu_count() or 1))
    diagnostics += [d for r in results for d in r.diagnostics]
    archive = build_archive(results, registry, pins)
    diagnostics += archive.diagnostics
    return Analysis(archive, results, diagnostics)


def build(config: Config, strict: bool = False, jobs: int | None = None) -> BuildReport:
    """Build the site; ``jobs`` worker processes for the per-file stage (default: all cores)."""
    t0 = time.perf_counter()
    timings: dict[str, float] = {}

    def lap(name: str, since: float) -> float:
        now = time.perf_counter()
        timings[name] = round(now - since, 4)
        return now

    output = config.output_dir
    content = config.content_dir
    if not content.is_dir():
        return BuildReport(False, output, fatal=f"content folder {content} does not exist")
    inputs, diagnostics = load_inputs(content)
    t = lap("read", t0)
    analysis = analyze(config, inputs, jobs)
    archive = analysis.archive
    diagnostics += analysis.diagnostics
    t = lap("analyze", t)
    pages = build_pages(archive, config)
    t = lap("pages", t)
    if strict and diagnostics:
        return BuildReport(
            False,
            output,
            diagnostics=tuple(diagnostics),
            fatal="--strict: warnings or errors above",
        )
    try:
        env = make_environment(config.template_dirs)
        files = {p.path: render_page(env, p) for p in pages}
    except RenderError as exc:
        return BuildReport(False, output, diagnostics=tuple(diagnostics), fatal=str(exc))
    t = lap("render", t)
    files.update(_originals(archive, inputs))
    try:
        _write(output, files, config)
    except OSError as exc:
        return BuildReport(
            False, output, diagnostics=tuple(diagnostics), fatal=f"write failed: {exc}"
        )
    lap("write", t)
    return BuildReport(
        ok=True,
        output=output,
        articles=len(archive.articles),
        speakers=len(pages_of(pages, "speaker.html")),
        sources=len(archive.sources),
        pages=len(pages),
        seconds=time.perf_counter() - t0,
        timings=timings,
        diagnostics=tuple(diagnostics),
    )


def pages_of(pages: list, template: str) -> list:
    return [p for p in pages if p.template == template]


def _originals(archive: Archive, inputs: list[InputFile]) -> dict[str, bytes]:
    """A copy of each article's input file, the archive's evidence, beside its page."""
    data = {f.path: f.data for f in inputs}
    out = {}
    for a in archive.articles:
        out[original_path(a.id, a.path.rsplit("/", 1)[-1])] = data[a.path]
    return out


def _write(output: Path, files: dict[str, bytes], config: Config) -> None:
    stage = stage_dir(output)
    try:
        write_files(stage, files)
        copy_trees(stage, [(d, "static") for d in config.static_dirs])
        swap_in(stage, output)
    except BaseException:
        discard(stage)
        raise
