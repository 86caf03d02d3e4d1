"""``build()``: run the stages in order, time each, collect diagnostics, swap in the output.

read (I/O) -> process_file per input (pure) -> build_archive -> build_pages -> render -> write.
Only this module and ``write`` touch the disk during a build.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from site_gen.archive import Archive, build_archive, with_stories
from site_gen.cache import ResultCache, cache_dir, code_version
from site_gen.config import Config
from site_gen.dependencies import Dependencies, dependencies
from site_gen.feeds import sitemap_page
from site_gen.fingerprint import inputs_fingerprint, tree_fingerprint
from site_gen.inputs import InputFile, load_inputs
from site_gen.model import Diagnostic, FileResult, Speaker
from site_gen.pages import Group, plan_pages
from site_gen.process import process_file
from site_gen.quotes.speakers import load_pins, user_roles
from site_gen.registry import Registry, RegistryError, default_registry, load_registry_file
from site_gen.render import RenderError, make_environment, render_page
from site_gen.reuse import bytes_key, link_files, page_key, record, reusable, templates_digest
from site_gen.safety import link_target, unsafe_link_message
from site_gen.search import BUNDLE, binary_identity, build_index
from site_gen.search_page import search_page
from site_gen.search_records import index_language, quote_documents
from site_gen.urls import original_path
from site_gen.write import (
    copy_trees,
    discard,
    refusal,
    stage_dir,
    swap_in,
    write_files,
)

if TYPE_CHECKING:
    from jinja2 import Environment


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
    refused: bool = False  # the output folder is not safe to replace: nothing was read
    cached: int = 0  # input files whose per-file results came from the cache
    unchanged: bool = False  # nothing changed since the last build: nothing read or written

    def summary(self) -> str:
        if self.refused:
            return f"Build not started: {self.fatal}; nothing was written"
        if self.unchanged:
            return (
                f"Nothing changed since the last build ({self.articles} articles, "
                f"{self.speakers} speakers, {self.sources} sources, {self.pages} pages): "
                f"nothing read or written, {self.seconds:.2f} s"
            )
        if not self.ok:
            return f"Build failed: {self.fatal}; {self.output} left as it was"
        skipped = sum(1 for d in self.diagnostics if d.severity == "error")
        tail = f", {skipped} file(s) with errors" if skipped else ""
        reused = f" ({self.cached} file(s) unchanged, from the cache)" if self.cached else ""
        return (
            f"Built {self.articles} articles, {self.speakers} speakers, {self.sources} sources, "
            f"{self.pages} pages in {self.seconds:.2f} s{reused}{tail}"
        )


def load_sources(config: Config) -> tuple[Registry, list[Diagnostic]]:
    """The outlet registry, extended by the user's sources.toml when there is one."""
    path = config.resolve(config.sources)
    try:
        registry = load_registry_file(str(path) if path.is_file() else None)
    except RegistryError as exc:
        return default_registry(), [Diagnostic("error", path.name, f"sources ignored: {exc}")]
    diagnostics = [
        Diagnostic("warning", path.name, f"{s.name}: {unsafe_link_message('homepage', s.homepage)}")
        for s in registry.sources
        if s.homepage and link_target(s.homepage) is None
    ]
    return registry, diagnostics


def load_speaker_pins(config: Config) -> tuple[tuple[Speaker, ...], list[Diagnostic]]:
    path = config.resolve(config.speakers)
    if not path.is_file():
        return (), []
    try:
        return load_pins(path.read_bytes(), path.name), []
    except (OSError, ValueError) as exc:
        return (), [Diagnostic("error", path.name, f"speaker pins ignored: {exc}")]


PARALLEL_MIN_FILES = 64  # below this, starting worker processes costs more than it saves


Roles = tuple[tuple[str, tuple[str, ...]], ...]  # the user's descriptions of figures


def _process_one(args: tuple[InputFile, Registry, Roles]) -> FileResult:
    f, registry, roles = args
    return process_file(f.path, f.data, registry, f.sidecar, f.sidecar_path, f.defaults, roles)


def process_all(
    inputs: list[InputFile], registry: Registry, jobs: int = 1, roles: Roles = ()
) -> list[FileResult]:
    """The per-file stage over every input, on ``jobs`` processes; results in input order."""
    if jobs <= 1 or len(inputs) < PARALLEL_MIN_FILES:
        return [_process_one((f, registry, roles)) for f in inputs]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, len(inputs) // (jobs * 8))
        work = [(f, registry, roles) for f in inputs]
        return list(pool.map(_process_one, work, chunksize=chunk))


def _cached_process_all(
    inputs: list[InputFile], registry: Registry, jobs: int, cache: ResultCache | None,
    roles: Roles = (),
) -> tuple[list[FileResult], dict[str, str]]:
    """``process_all`` for the inputs the cache does not hold; results in input order, and
    each input's key in the cache (none without a cache)."""
    if cache is None:
        return process_all(inputs, registry, jobs, roles), {}
    fingerprint = hashlib.sha256(
        repr((registry.sources, registry.domains, roles)).encode()).hexdigest()
    keys = [
        cache.key(fingerprint, f.path, f.data, f.sidecar_path, f.sidecar,
                  repr(f.defaults).encode("utf-8", "surrogatepass"))
        for f in inputs
    ]
    found = cache.get_many(keys)
    missing = [i for i, k in enumerate(keys) if k not in found]
    fresh = process_all([inputs[i] for i in missing], registry, jobs, roles)
    cache.put_many((keys[i], r) for i, r in zip(missing, fresh, strict=True))
    cache.keep_only(keys)
    by_index = dict(zip(missing, fresh, strict=True))
    results = [found[k] if k in found else by_index[i] for i, k in enumerate(keys)]
    return results, {f.path: k for f, k in zip(inputs, keys, strict=True)}


@dataclass(frozen=True)
class Analysis:
    """What the per-file and cross-article stages made of some inputs."""

    archive: Archive
    results: list[FileResult]
    diagnostics: list[Diagnostic]
    keys: dict[str, str] = field(default_factory=dict)  # input path -> its per-file key


def _no_lap(name: str) -> None:
    pass


def analyze(
    config: Config,
    inputs: list[InputFile],
    jobs: int | None = None,
    cache: ResultCache | None = None,
    lap: Callable[[str], None] = _no_lap,
) -> Analysis:
    """Registry and pins from the config, every input through the per-file stage (results of
    unchanged inputs from ``cache``), then the archive and its stories. ``jobs``: worker
    processes for the per-file stage (default: all cores); ``lap(stage)`` is called at the end
    of each stage (``process``, ``archive``, ``stories``)."""
    registry, diagnostics = load_sources(config)
    pins, pin_diags = load_speaker_pins(config)
    diagnostics += pin_diags
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    results, keys = _cached_process_all(inputs, registry, workers, cache, user_roles(pins))
    diagnostics += [d for r in results for d in r.diagnostics]
    lap("process")
    archive = build_archive(results, registry, pins, replace(config.stories, enabled=False))
    diagnostics += archive.diagnostics
    lap("archive")
    archive = with_stories(archive, config.stories)
    lap("stories")
    return Analysis(archive, results, diagnostics, keys)


class _Timer:
    """Wall time of each stage (read, process, archive, stories, pages, render, write), and of
    the whole build; ``build -v`` prints them."""

    def __init__(self) -> None:
        self.start = self.last = time.perf_counter()
        self.timings: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[name] = round(now - self.last, 4)
        self.last = now


@dataclass
class _Planned:
    """The new build's files: bytes to write, or the previous build's file to link when its
    key (see ``reuse``) is unchanged; each path's key is kept for the next build."""

    output: Path
    previous: dict[str, tuple[str, int, int]]
    keys: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    links: dict[str, Path] = field(default_factory=dict)
    by_key: dict[str, list[str]] | None = None

    def add(self, path: str, key: str, make: Callable[[], bytes]) -> None:
        self.keys[path] = key
        old = reusable(self.output, path, key, self.previous)
        if old is not None:
            self.links[path] = old
        else:
            self.files[path] = make()

    def add_group(self, group: Group, digest: str, env: Environment) -> list[str]:
        """A group's pages: linked whole when the previous build made them from the same key
        (and they are untouched), else made and rendered. Returns their paths."""
        if group.key is None:
            pages = group.make()
            for p in pages:
                self.add(p.path, page_key(p, digest), lambda p=p: render_page(env, p))
            return [p.path for p in pages]
        key = "group:" + hashlib.sha256(f"{digest}\0{group.key}".encode()).hexdigest()
        old = self._previous_paths().get(key, [])
        links = {path: reusable(self.output, path, key, self.previous) for path in old}
        if old and all(links.values()):
            self.links.update(links)  # type: ignore[arg-type]
            self.keys.update(dict.fromkeys(old, key))
            return old
        pages = group.make()
        for p in pages:
            self.keys[p.path] = key
            self.files[p.path] = render_page(env, p)
        return [p.path for p in pages]

    def _previous_paths(self) -> dict[str, list[str]]:
        """The previous build's paths by key (made once)."""
        if self.by_key is None:
            self.by_key = defaultdict(list)
            for path, (key, _size, _mtime) in sorted(self.previous.items()):
                self.by_key[key].append(path)
        return self.by_key


def build(
    config: Config, strict: bool = False, jobs: int | None = None, use_cache: bool = True
) -> BuildReport:
    """Build the site; ``jobs`` worker processes for the per-file stage (default: all cores);
    ``use_cache``: reuse the per-file results and pages of unchanged inputs (see ``cache``)."""
    timer = _Timer()
    output = config.output_dir
    content = config.content_dir
    if not content.is_dir():
        return BuildReport(False, output, fatal=f"content folder {content} does not exist")
    refused = refusal(output, content, config.root)
    if refused:
        return BuildReport(False, output, fatal=f"refused: {refused}", refused=True)
    cache = ResultCache(cache_dir(output) / "results.sqlite", code_version()) if use_cache else None
    try:
        made_from = ""
        if cache is not None:
            search = binary_identity() if config.search else None
            made_from = inputs_fingerprint(config, code_version(), (strict, search))
            last = _last_build(cache, output, made_from)
            if last is not None:
                timer.lap("check")
                return replace(last, seconds=time.perf_counter() - timer.start,
                               timings=timer.timings, unchanged=True, cached=0)
        inputs, diagnostics = load_inputs(content, config.follow_symlinks)
        timer.lap("read")
        report = _stages(config, strict, jobs, cache, inputs, diagnostics, timer)
        if cache is not None:
            left = tree_fingerprint(output) if report.ok else ""
            cache.put_state(pickle.dumps((made_from, left, report)) if report.ok else None)
        return report
    finally:
        if cache is not None:
            cache.close()


def _last_build(cache: ResultCache, output: Path, made_from: str) -> BuildReport | None:
    """The report of the last build when it was made from the same inputs (``made_from``) and
    its output is untouched; None when anything differs or the record does not load."""
    data = cache.state()
    if data is None:
        return None
    try:
        before, left, report = pickle.loads(data)
    except Exception:  # a damaged record is no record
        return None
    if not isinstance(report, BuildReport) or before != made_from:
        return None
    return report if tree_fingerprint(output) == left else None


def _stages(
    config: Config,
    strict: bool,
    jobs: int | None,
    cache: ResultCache | None,
    inputs: list[InputFile],
    diagnostics: list[Diagnostic],
    timer: _Timer,
) -> BuildReport:
    """The stages after reading: analyze, pages, render (unchanged pages linked), write."""
    output = config.output_dir
    analysis = analyze(config, inputs, jobs, cache, timer.lap)
    archive = analysis.archive
    diagnostics += analysis.diagnostics
    # With a cache, each group of pages is keyed by what it is made from, and a group the
    # previous build made from the same is linked without making its views (see dependencies).
    deps = dependencies(archive, config, analysis.keys) if cache is not None else None
    groups = plan_pages(archive, config, deps)
    timer.lap("pages")
    if strict and any(d.severity != "note" for d in diagnostics):
        return BuildReport(
            False,
            output,
            diagnostics=tuple(diagnostics),
            fatal="--strict: warnings or errors above",
        )
    planned = _Planned(output, cache.outputs() if cache is not None else {})
    digest = templates_digest(config.template_dirs, code_version())
    page_paths: list[str] = []
    try:
        env = make_environment(config.template_dirs)
        for g in groups:
            page_paths += planned.add_group(g, digest, env)
        sitemap = sitemap_page(page_paths, config)
        if sitemap is not None:
            page_paths.append(sitemap.path)
            planned.add(sitemap.path, page_key(sitemap, digest),
                        lambda: render_page(env, sitemap))
    except RenderError as exc:
        return BuildReport(False, output, diagnostics=tuple(diagnostics), fatal=str(exc))
    timer.lap("render")
    for path, data in _originals(archive, inputs).items():
        planned.add(path, bytes_key(data), lambda data=data: data)
    search = (_SearchStep(archive, config, env, digest, planned, strict, deps)
              if config.search else None)
    try:
        _write(output, planned.files, config, planned.links, search)
    except SearchFailed as exc:
        diagnostics.append(exc.diagnostic)
        return BuildReport(
            False, output, diagnostics=tuple(diagnostics), fatal="--strict: warnings above"
        )
    except OSError as exc:
        return BuildReport(
            False, output, diagnostics=tuple(diagnostics), fatal=f"write failed: {exc}"
        )
    if search is not None:
        diagnostics += search.diagnostics
        timer.timings["search"] = round(search.seconds, 4)
    if cache is not None:
        cache.put_outputs(record(output, planned.keys))
    timer.lap("write")
    return BuildReport(
        ok=True,
        output=output,
        articles=len(archive.articles),
        speakers=sum(1 for s in archive.speakers if archive.quotes_by_speaker.get(s.id)),
        sources=len(archive.sources),
        pages=len(page_paths),
        seconds=time.perf_counter() - timer.start,
        timings=timer.timings,
        diagnostics=tuple(diagnostics),
        cached=cache.hits if cache is not None else 0,
    )


def _originals(archive: Archive, inputs: list[InputFile]) -> dict[str, bytes]:
    """A copy of each article's input file, the archive's evidence, beside its page."""
    data = {f.path: f.data for f in inputs}
    out = {}
    for a in archive.articles:
        out[original_path(a.id, a.path.rsplit("/", 1)[-1])] = data[a.path]
        for k, other in enumerate(a.also_paths, 1):
            out[original_path(a.id, other.rsplit("/", 1)[-1], k)] = data[other]
    return out


class SearchFailed(Exception):
    """Raised (with ``--strict``) when the search index could not be built."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class _SearchStep:
    """The search index, made in the complete temporary folder before the swap. It depends on
    every article page: its key hashes all their keys, the quote records, the index's language
    and the Pagefind binary, and when the previous build made its index from the same key (and
    its files are untouched) they are linked instead of made again. When it cannot be made, the
    search page is replaced by one that says so."""

    def __init__(
        self, archive: Archive, config: Config, env, digest: str, planned: _Planned, strict: bool,
        deps: Dependencies | None = None,
    ) -> None:
        self.archive, self.config, self.env, self.digest = archive, config, env, digest
        self.planned, self.strict, self.deps = planned, strict, deps
        self.diagnostics: list[Diagnostic] = []
        self.seconds = 0.0

    def __call__(self, stage: Path) -> None:
        if not self.archive.articles:
            return  # nothing to index (Pagefind refuses an empty site); the page says so
        start = time.perf_counter()
        language = index_language(self.archive)
        docs = None if self.deps is not None else quote_documents(self.archive)
        key = self._key(docs, language)
        if key is not None and self._reuse(stage, key):
            self.seconds = time.perf_counter() - start
            return
        outcome = build_index(stage, docs or quote_documents(self.archive), language)
        self.seconds = time.perf_counter() - start
        if outcome.ok:
            if key is not None:
                for path in sorted((stage / BUNDLE).rglob("*")):
                    if path.is_file():
                        self.planned.keys[path.relative_to(stage).as_posix()] = key
            return
        problem = Diagnostic(
            "warning",
            "search",
            f"no search index: {outcome.message}; the search page says search is unavailable"
            " (search = false in site.toml turns search off)",
        )
        if self.strict:
            raise SearchFailed(problem)
        self.diagnostics.append(problem)
        page = search_page(self.archive, self.config, available=False)
        target = stage / page.path
        target.unlink(missing_ok=True)  # it may be a link to the previous build's file
        target.write_bytes(render_page(self.env, page))
        self.planned.keys[page.path] = page_key(page, self.digest)

    def _key(self, docs: list[tuple[str, str]] | None, language: str) -> str | None:
        """The index's inputs: the article pages (their keys), and the quote records (``docs``,
        or, with the dependencies at hand, the keys of the articles' JSON twins, which are
        made from all that the records are made from)."""
        binary = binary_identity()
        if binary is None:
            return None
        h = hashlib.sha256(f"{binary}\0{language}\0".encode())
        for path, key in sorted(self.planned.keys.items()):
            if path.startswith("articles/") and path.endswith("/index.html"):
                h.update(f"{path}\0{key}\0".encode())
        if docs is None:
            assert self.deps is not None
            for a in self.archive.articles:
                h.update(f"{a.id}\0{self.deps.article_twin(a)}\0".encode())
        else:
            for name, text in docs:
                h.update(f"{name}\0{text}\0".encode("utf-8", "surrogatepass"))
        return "search:" + h.hexdigest()

    def _reuse(self, stage: Path, key: str) -> bool:
        """Link the previous build's index when it was made from ``key`` and is untouched."""
        previous = self.planned.previous
        old = [p for p in previous if p.startswith(BUNDLE + "/")]
        if f"{BUNDLE}/pagefind-entry.json" not in old:
            return False
        links = {}
        for path in old:
            source = reusable(self.planned.output, path, key, previous)
            if source is None:
                return False
            links[path] = source
        link_files(stage, links)
        self.planned.keys.update(dict.fromkeys(links, key))
        return True


def _write(
    output: Path,
    files: dict[str, bytes],
    config: Config,
    links: dict[str, Path] | None = None,
    finish: Callable[[Path], None] | None = None,
) -> None:
    """Write the new site into a temporary folder, ``finish`` it there (the search index),
    then swap it in whole."""
    stage = stage_dir(output)
    try:
        write_files(stage, files)
        link_files(stage, links or {})
        copy_trees(stage, [(d, "static") for d in config.static_dirs])
        if finish is not None:
            finish(stage)
        swap_in(stage, output)
    except BaseException:
        discard(stage)
        raise
