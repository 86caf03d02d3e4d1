"""The per-file and cross-article stages: every input through the reader and the quote
extractor (results of unchanged inputs from the build cache), then the archive and its stories.

``analyze`` is what ``site-gen inspect`` runs, and what ``pipeline.build`` runs before making the
pages: this module imports nothing of the site's pages, so that ``inspect`` does not load them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING

from site_gen.archive import Archive, build_archive, update_archive, with_stories
from site_gen.cache import ResultCache, code_version, keeps_results
from site_gen.config import Config
from site_gen.inputs import InputFile
from site_gen.model import Diagnostic, FileResult, Speaker
from site_gen.process import process_file
from site_gen.quotes.speakers import load_pins, user_roles
from site_gen.reader.language import release_model
from site_gen.registry import Registry, RegistryError, default_registry, load_registry_file
from site_gen.safety import link_target, unsafe_link_message
from site_gen.stories import StoryMemo, StoryWork, Weights

if TYPE_CHECKING:
    from site_gen.cluster import DaskCluster

STORIES_MEMO = "stories"  # the build cache's memo of the stories stage (see with_stories)


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


KEYS_KEPT = "keys"  # what a server keeps of its inputs' keys (see ``_cached_process_all``)
PARALLEL_MIN_FILES = 64  # below this, starting worker processes costs more than it saves


Roles = tuple[tuple[str, tuple[str, ...]], ...]  # the user's descriptions of figures


def _process_one(args: tuple[InputFile, Registry, Roles]) -> FileResult:
    f, registry, roles = args
    try:
        data = f.read()
    except OSError as exc:  # gone or unreadable since it was found unchanged
        return FileResult(f.path, None, (
            Diagnostic("error", f.path, f"cannot read file: {exc.strerror or exc}"),))
    return process_file(f.path, data, registry, f.sidecar, f.sidecar_path, f.defaults, roles)


def _process_shared(f: InputFile, shared: tuple[Registry, Roles]) -> FileResult:
    return _process_one((f, *shared))


def process_all(
    inputs: list[InputFile], registry: Registry, jobs: int = 1, roles: Roles = (),
    cluster: DaskCluster | None = None,
) -> list[FileResult]:
    """The per-file stage over every input, on ``jobs`` processes, or on the workers of
    ``cluster`` when given; results in input order."""
    if cluster is not None:  # the workers may be on other machines: the bytes go with them
        return cluster.map(_process_shared, [f.loaded() for f in inputs], (registry, roles))
    if jobs <= 1 or len(inputs) < PARALLEL_MIN_FILES:
        return [_process_one((f, registry, roles)) for f in inputs]
    from concurrent.futures import ProcessPoolExecutor  # (not for one file: ``inspect``)

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, len(inputs) // (jobs * 8))
        work = [(f.loaded(), registry, roles) for f in inputs]
        return list(pool.map(_process_one, work, chunksize=chunk))


def _cached_process_all(
    inputs: list[InputFile], registry: Registry, jobs: int, cache: ResultCache | None,
    roles: Roles = (), cluster: DaskCluster | None = None,
) -> tuple[list[FileResult], dict[str, str]]:
    """``process_all`` for the inputs the cache does not hold; results in input order, and
    each input's key in the cache (none without a cache)."""
    if cache is None:
        return process_all(inputs, registry, jobs, roles, cluster), {}
    fingerprint = hashlib.sha256(
        repr((registry.sources, registry.domains, roles)).encode()).hexdigest()
    # A server's inputs that did not change are the same objects from one build to the next
    # (see ``_read_inputs``): their keys are kept with them.
    last = cache.kept(KEYS_KEPT)
    known = last if isinstance(last, dict) else {}
    made_with = (cache.salt, fingerprint)
    keys = []
    for f in inputs:
        held = known.get(f.path)
        if held is not None and held[0] is f and held[1] == made_with:
            keys.append(held[2])
        else:
            keys.append(cache.key(fingerprint, f.path, f.digest, f.sidecar_path, f.sidecar,
                                  repr(f.defaults).encode("utf-8", "surrogatepass")))
    if keeps_results():
        cache.keep(KEYS_KEPT,
                   {f.path: (f, made_with, k) for f, k in zip(inputs, keys, strict=True)})
    found = cache.get_many(keys)
    missing = [i for i, k in enumerate(keys) if k not in found]
    fresh = process_all([inputs[i] for i in missing], registry, jobs, roles, cluster)
    cache.put_many((keys[i], r) for i, r in zip(missing, fresh, strict=True))
    cache.later(partial(cache.keep_only, keys))
    by_index = dict(zip(missing, fresh, strict=True))
    results = [found[k] if k in found else by_index[i] for i, k in enumerate(keys)]
    cache.remember(dict(zip(keys, results, strict=True)))
    return results, {f.path: k for f, k in zip(inputs, keys, strict=True)}


@dataclass(frozen=True)
class Analysis:
    """What the per-file and cross-article stages made of some inputs."""

    archive: Archive
    results: list[FileResult]
    diagnostics: list[Diagnostic]
    keys: dict[str, str] = field(default_factory=dict)  # input path -> its per-file key
    story_work: StoryWork = field(default_factory=StoryWork)


ARCHIVE_KEPT = "archive"  # what a server keeps of its last archive (see ``update_archive``)
WEIGHTS_KEPT = "story-weights"  # ... and of its last stories' weighing (``stories.Weights``)


@dataclass(frozen=True)
class _KeptArchive:
    made_from: tuple[Registry, tuple[Speaker, ...], object]  # registry, pins, settings
    results: dict[str, FileResult]  # by input path
    archive: Archive  # without its stories


def _no_lap(name: str) -> None:
    pass


def analyze(
    config: Config,
    inputs: list[InputFile],
    jobs: int | None = None,
    cache: ResultCache | None = None,
    lap: Callable[[str], None] = _no_lap,
    cluster: DaskCluster | None = None,
) -> Analysis:
    """Registry and pins from the config, every input through the per-file stage (results of
    unchanged inputs from ``cache``), then the archive and its stories. ``jobs``: worker
    processes for the per-file stage (default: all cores), or ``cluster``'s workers when given;
    ``lap(stage)`` is called at the end of each stage (``process``, ``archive``, ``stories``)."""
    registry, diagnostics = load_sources(config)
    pins, pin_diags = load_speaker_pins(config)
    diagnostics += pin_diags
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    results, keys = _cached_process_all(
        inputs, registry, workers, cache, user_roles(pins), cluster)
    diagnostics += [d for r in results for d in r.diagnostics]
    if not keeps_results():
        # A one-shot build reads no file after this stage: the language model, loaded when a
        # file was read here (an edit), would stay in memory through the busiest stages.
        release_model()
    lap("process")
    settings = replace(config.stories, enabled=False)
    made_from = (registry, pins, settings)
    last = cache.kept(ARCHIVE_KEPT) if cache is not None else None
    archive = None
    if isinstance(last, _KeptArchive) and last.made_from == made_from:
        archive = update_archive(last.archive, last.results, results)
    if archive is None:
        archive = build_archive(results, registry, pins, settings)
    if cache is not None and keeps_results():
        cache.keep(ARCHIVE_KEPT, _KeptArchive(made_from, {r.path: r for r in results}, archive))
    diagnostics += archive.diagnostics
    lap("archive")
    memo = cache.memo(STORIES_MEMO) if cache is not None else None
    weights = None
    if cache is not None and keeps_results():
        weights = cache.kept(WEIGHTS_KEPT)
        if not isinstance(weights, Weights):
            weights = Weights()
            cache.keep(WEIGHTS_KEPT, weights)
    archive, memo, work = with_stories(
        archive, config.stories, memo if isinstance(memo, StoryMemo) else None, code_version(),
        weights)
    if cache is not None:
        cache.put_memo(STORIES_MEMO, memo)
    lap("stories")
    return Analysis(archive, results, diagnostics, keys, work)
