"""``build()``: run the stages in order, time each, collect diagnostics, swap in the output.

read (I/O) -> process_file per input (pure) -> build_archive -> build_pages -> render -> write.
Only this module and ``write`` touch the disk during a build.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import shutil
import threading
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from site_gen.analysis import analyze
from site_gen.archive import Archive
from site_gen.cache import ResultCache, cache_dir, code_version, keep, keeps_results, kept
from site_gen.cluster import DaskCluster
from site_gen.config import Config
from site_gen.dependencies import Dependencies, DigestMemo, dependencies
from site_gen.exports import EXPORT_FILES, write_exports
from site_gen.feeds import sitemap_page
from site_gen.fingerprint import entries_fingerprint, inputs_fingerprint, tree_fingerprint
from site_gen.inputs import InputFile, Known, input_record, load_inputs, refresh_inputs
from site_gen.locks import try_lock
from site_gen.model import Article, Diagnostic
from site_gen.pages import Group, plan_pages
from site_gen.progress import no_progress
from site_gen.render import RenderError, environment_for, render_page
from site_gen.reuse import (
    digest_key,
    page_key,
    templates_digest,
    untouched,
)
from site_gen.search import (
    BUNDLE,
    SearchOutcome,
    binary_identity,
    build_index,
    shard_folder,
    shards,
)
from site_gen.search_page import search_page
from site_gen.search_records import index_language, quote_documents
from site_gen.search_scope import scope_digest
from site_gen.staging import Staged
from site_gen.standby import Standby
from site_gen.stories import StoryWork
from site_gen.tree_walk import Walk, expected
from site_gen.urls import article_path, original_path
from site_gen.write import discard, refusal, remove_leftovers, stage_dir, swap_in


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
    written: int = 0  # output files written
    linked: int = 0  # output files linked from the previous build (unchanged)
    unchanged: bool = False  # nothing changed since the last build: nothing read or written
    story_work: StoryWork | None = None  # what finding the stories compared and aligned
    # With ``build(..., defer=True)``: what remains after the swap (the record of what the build
    # wrote, for the next build), to be called once, when the caller has shown the new site.
    finish: Callable[[], None] | None = field(default=None, compare=False, repr=False)

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
        parts = [f"{self.cached} file(s) from the cache"] if self.cached else []
        parts.append(f"{self.written} files written")
        if self.linked:
            parts.append(f"{self.linked} linked from the previous build")
        return (
            f"Built {self.articles} articles, {self.speakers} speakers, {self.sources} sources, "
            f"{self.pages} pages in {self.seconds:.2f} s ({', '.join(parts)}){tail}"
        )


PARTS_KEPT = "search-parts"  # a server's parts of the index and what their keys were made from
SEARCH_WORK = "search-parts"  # the build cache's folder of what Pagefind reads for each part
SCOPES_MEMO = "search-scopes"  # the build cache's memo of what the indexer reads of each page
RECORDS_MEMO = "search-records"  # ... and of each article's quote records


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


# The cyclic garbage collector's thresholds during a build. A build makes millions of small
# objects that live until it ends (the per-file results, the archive, the views), and with
# Python's defaults the collector runs after every 700 of them, each full pass walking all that
# is alive: a third of the time spent loading 10,000 cached results went to it. Collecting
# after 100,000 new objects keeps cycles collected (the few there are) at a small cost.
BUILD_GC_THRESHOLD = (100_000, 20, 20)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    old = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def build(
    config: Config,
    strict: bool = False,
    jobs: int | None = None,
    use_cache: bool = True,
    progress: Callable[[str, int, int], None] = no_progress,
    cluster: DaskCluster | None = None,
    defer: bool = False,
    changed: Collection[Path] | None = None,
) -> BuildReport:
    """Build the site; ``jobs`` worker processes for the per-file stage and for making pages
    (default: all cores); the per-file stage on the workers of ``cluster`` instead when given
    (see ``site_gen.cluster``; the cache, the later stages and the swap stay here);
    ``use_cache``: reuse the per-file results and pages of unchanged inputs (see ``cache``);
    ``progress(stage, done, total)`` is told how the work goes. ``defer``: the record of what
    the build wrote is made by the report's ``finish``, which the caller calls once it has
    shown the new site (``serve`` sends the reload message first); else before returning.
    ``changed``: in a process that builds again and again (``cache.remember_results``), the
    files written, created or removed since its last call (``serve``'s watcher knows them),
    so that only those are looked at among the inputs; None: not known."""
    with _fewer_collections():
        report = _build(config, strict, jobs, use_cache, progress, cluster, changed)
    if report.finish is None or defer:
        return report
    start = time.perf_counter()
    report.finish()
    spent = time.perf_counter() - start
    return replace(report, finish=None, seconds=report.seconds + spent,
                   timings={**report.timings, "record": round(spent, 4)})


def _build(
    config: Config,
    strict: bool,
    jobs: int | None,
    use_cache: bool,
    progress: Callable[[str, int, int], None],
    cluster: DaskCluster | None,
    changed: Collection[Path] | None = None,
) -> BuildReport:
    timer = _Timer()
    output = config.output_dir
    content = config.content_dir
    if use_cache:
        _note_changes(output, changed)
    if not content.is_dir():
        return BuildReport(False, output, fatal=f"content folder {content} does not exist")
    refused = refusal(output, content, config.root)
    if refused:
        return BuildReport(False, output, fatal=f"refused: {refused}", refused=True)
    cache = ResultCache(cache_dir(output) / RESULTS, code_version()) if use_cache else None
    standby: Standby | None = None
    walk: Walk | None = None
    try:
        made_from = ""
        if cache is not None:
            search = binary_identity() if config.search else None
            made_from = inputs_fingerprint(config, code_version(), (strict, search))
            last = _last_build(cache, output, made_from)
            timer.lap("check")
            if last is not None:
                return replace(last, seconds=time.perf_counter() - timer.start,
                               timings=timer.timings, unchanged=True, cached=0,
                               story_work=None)
        inputs, diagnostics = _read_inputs(config, cache, changed is not None)
        if cache is not None:
            record = input_record(inputs)
            cache.later(lambda: cache.put_state(pickle.dumps(record, protocol=5), INPUTS_STATE))
        timer.lap("read")
        # The standby (the site before last, see ``standby``) is walked by a helper process
        # while this one makes the archive; its lock keeps other builds away from it meanwhile.
        standby = Standby(output, cache) if cache is not None and output.is_dir() else None
        last = cache.kept(SURVEYS_KEPT) if cache is not None else None
        walk = (standby.walk(last if isinstance(last, list) else ())
                if standby is not None else None)
        report = _stages(
            config, strict, jobs, cache, inputs, diagnostics, timer, progress, cluster,
            made_from, standby, walk)
        if cache is not None and not report.ok:
            cache.put_state(None)
        return report
    finally:
        if walk is not None:
            walk.cancel()
        if standby is not None:
            standby.release()
        if cache is not None and not cache.handed_over:
            cache.close()


INPUTS_STATE = "inputs"  # the build cache's record of the article files' metadata and digests
# What a server keeps of the last two sites it made, for the walk of the standby (see
# ``Standby.walk``): each one's record and its entries.
SURVEYS_KEPT = "surveys"
DIGESTS_KEPT = "digests"  # a server's per-article digests (see ``dependencies.DigestMemo``)
RESULTS = "results.sqlite"  # the per-file results' database in the build cache folder
INPUTS_KEPT = "inputs"  # what a server keeps of the inputs it found last (see ``_read_inputs``)


@dataclass
class _KeptInputs:
    where: tuple[Path, bool]  # the content folder, and whether links are followed
    inputs: list[InputFile]  # as the last build found them, without their bytes
    diagnostics: list[Diagnostic]
    pending: set[Path] = field(default_factory=set)  # changed since, for the next to read


def _note_changes(output: Path, changed: Collection[Path] | None) -> None:
    """Add ``changed`` to what the inputs kept for ``output`` must read again (whatever
    this build does); forget them when what changed is not known (None)."""
    store = cache_dir(output) / RESULTS
    found = kept(store, INPUTS_KEPT)
    if changed is None:
        keep(store, INPUTS_KEPT, None)
    elif isinstance(found, _KeptInputs):
        found.pending.update(changed)


def _read_inputs(
    config: Config, cache: ResultCache | None, changes: bool
) -> tuple[list[InputFile], list[Diagnostic]]:
    """The inputs: in a server told what changed (``changes``), what it found last with the
    changed files read again (``inputs.refresh_inputs``) when it can; else every file under
    the content folder, those the last build recorded unchanged left unread."""
    where = (config.content_dir, config.follow_symlinks)
    last = cache.kept(INPUTS_KEPT) if cache is not None and changes else None
    found = None
    if isinstance(last, _KeptInputs) and last.where == where:
        found = refresh_inputs(config.content_dir, last.inputs, last.diagnostics, last.pending)
    if found is None:
        known = _known_inputs(cache) if cache is not None else None
        found = load_inputs(config.content_dir, config.follow_symlinks, known)
    if cache is not None and keeps_results():
        inputs, diagnostics = found
        cache.keep(INPUTS_KEPT, _KeptInputs(
            where, [f if f.data is None or f.origin is None else replace(f, data=None)
                    for f in inputs],
            list(diagnostics)))
    return found


def _known_inputs(cache: ResultCache) -> Known | None:
    """What the last build found of the article files (see ``inputs.load_inputs``); None
    when there is no record or it does not load (every file is read)."""
    return _load(cache.state(INPUTS_STATE))


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
    progress: Callable[[str, int, int], None] = no_progress,
    cluster: DaskCluster | None = None,
    made_from: str = "",
    standby: Standby | None = None,
    walk: Walk | None = None,
) -> BuildReport:
    """The stages after reading: analyze, pages, render (unchanged pages linked), write; with
    a cache, the record of the build (``made_from``: its inputs' fingerprint) for the next.
    ``inputs`` is handed over: emptied once their bytes are staged. ``standby``: the site
    before last, held, and ``walk`` its entries being walked (see ``_build``)."""
    output = config.output_dir
    analysis = analyze(config, inputs, jobs, cache, timer.lap, cluster)
    archive, input_keys, story_work = analysis.archive, analysis.keys, analysis.story_work
    diagnostics += analysis.diagnostics
    del analysis  # the per-file results go: the archive holds what the pages are made from
    # With a cache, each group of pages is keyed by what it is made from, and a group the
    # previous build made from the same is linked without making its views (see dependencies).
    deps = None
    if cache is not None:
        last = cache.kept(DIGESTS_KEPT)
        memo = DigestMemo(last if isinstance(last, dict) else None, keep=keeps_results())
        deps = dependencies(archive, config, input_keys, memo)
    groups = plan_pages(archive, config, deps)
    timer.lap("pages")
    if strict and any(d.severity != "note" for d in diagnostics):
        return BuildReport(
            False,
            output,
            diagnostics=tuple(diagnostics),
            fatal="--strict: warnings or errors above",
        )
    previous = cache.outputs() if cache is not None else {}
    digest = templates_digest(config.template_dirs, code_version())
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    taken = standby.take() if standby is not None else None
    if taken is not None:
        remove_leftovers(output)
        present = walk.result() if walk is not None else {}
        staged = Staged(output, taken[0], previous, held=taken[1], present=present)
    else:
        stage = stage_dir(output)
        try:
            staged = Staged(output, stage, previous)
        except BaseException:  # Ctrl-C before the build's own clean-up takes over
            discard(stage)
            raise
    search: _SearchStep | None = None
    try:
        page_paths, todo = staged.link_groups(groups, digest)
        later: list[Group] = []
        if config.search and not staged.in_workers(todo, workers):
            # Made here, one by one: the article pages first, so that the index can start
            later = [g for g in todo if not g.articles]
            todo = [g for g in todo if g.articles]
        page_paths += staged.make_groups(todo, digest, config.template_dirs, workers, progress)
        try:
            if config.search:
                # The index is made from the article pages, now in the stage: Pagefind works
                # on them in the background while this thread places the other files (an
                # interruption anywhere from here waits for it below).
                search = _SearchStep(
                    archive, config, digest, staged, strict, deps, progress, workers, cache)
                search.start(staged.stage)
            page_paths += staged.make_groups(
                later, digest, config.template_dirs, workers, progress)
            sitemap = sitemap_page(page_paths, config)
            if sitemap is not None:
                page_paths.append(sitemap.path)
                env = environment_for(config.template_dirs, digest)
                staged.add(sitemap.path, page_key(sitemap, digest),
                           lambda: render_page(env, sitemap))
            spans = _exports(staged, archive, config, deps, cache)
            timer.lap("render")
            for path, f in _originals(archive, inputs).items():
                # read only when the previous build's copy cannot be linked
                staged.add(path, digest_key(f.digest), f.read)
            inputs.clear()  # handed over by ``_build``: the files' bytes are staged now
            staged.copy_trees([(d, "static") for d in config.static_dirs])
        finally:
            if search is not None:
                search.wait()  # before the stage is finished, or dropped after a failure
        if search is not None:
            search.finish(staged.stage)
            diagnostics += search.diagnostics
            timer.timings["search"] = round(search.seconds, 4)
            search = None
        # Every file is placed: what made them goes before the survey of the stage allocates
        # its record (tens of thousands of entries), so that it reuses that memory.
        n_articles, n_sources = len(archive.articles), len(archive.sources)
        n_speakers = sum(1 for s in archive.speakers if archive.quotes_by_speaker.get(s.id))
        if deps is not None and deps.memo.now is not None:  # a server's, for its next build
            cache.keep(DIGESTS_KEPT, deps.memo.now)
        del archive, groups, deps
        staged.placed()
        staged.prune()  # what no build placed leaves the stage before it is the site
        place = None if standby is None else taken[0] if taken else standby.place()
        first = standby is None  # no site in the output before this build
        if cache is not None:
            cache.put_state(None)  # the record of the last build is made again after the swap
        if swap_in(staged.stage, output, place):
            assert standby is not None
            standby.keep(previous)
    except RenderError as exc:
        _drop(staged, standby)
        return BuildReport(False, output, diagnostics=tuple(diagnostics), fatal=str(exc))
    except SearchFailed as exc:
        _drop(staged, standby)
        diagnostics.append(exc.diagnostic)
        return BuildReport(
            False, output, diagnostics=tuple(diagnostics), fatal="--strict: warnings above"
        )
    except OSError as exc:
        _drop(staged, standby)
        return BuildReport(
            False, output, diagnostics=tuple(diagnostics), fatal=f"write failed: {exc}"
        )
    except BaseException:
        _drop(staged, standby)
        raise
    finally:
        if standby is not None:
            standby.release()
    timer.lap("write")
    report = BuildReport(
        ok=True,
        output=output,
        articles=n_articles,
        speakers=n_speakers,
        sources=n_sources,
        pages=len(page_paths),
        seconds=time.perf_counter() - timer.start,
        timings=timer.timings,
        diagnostics=tuple(diagnostics),
        cached=cache.hits if cache is not None else 0,
        written=staged.made,
        linked=staged.linked,
        story_work=story_work,
    )
    if cache is None:
        return report

    def finish() -> None:
        """The record of this build for the next: what the site's folder holds now (its
        entries' metadata), the key each file was made from, where each article's lines are in
        the data files, and what the build was made from with the site's fingerprint. Until it
        is written the next build trusts no earlier record of the site (see ``_last_build``)."""
        try:
            found = staged.survey(output)
            rows = staged.record(found)
            if first:  # the site just made becomes the next build's standby too
                Standby(output, cache).mirror(
                    output, found, {path: (key, size, mtime) for path, key, size, mtime in rows})
            record = cache.put_outputs(rows)
            if record is not None:  # a server: the next builds' standby walks compare with it
                last = cache.kept(SURVEYS_KEPT)
                cache.keep(SURVEYS_KEPT, [(record, expected(found)),
                                          *(last[:1] if isinstance(last, list) else [])])
            if spans is not None:
                cache.put_state(pickle.dumps(spans), "exports")
            left = entries_fingerprint(found, os.lstat(output))
            cache.put_state(pickle.dumps((made_from, left, report)))
        except OSError:
            # The site is in place; without its record the next build trusts none of it
            # (the record of the last build was deleted before the swap) and checks every file.
            cache.put_state(None)
        finally:
            cache.close()

    cache.handed_over = True
    return replace(report, finish=finish)


def _drop(staged: Staged, standby: Standby | None) -> None:
    """A build that did not finish: its stage goes (a standby it started from too)."""
    if staged.held is not None and standby is not None:
        standby.discard()
    else:
        discard(staged.stage)


def _exports(
    staged: Staged, archive: Archive, config: Config, deps: Dependencies | None,
    cache: ResultCache | None,
) -> dict | None:
    """The whole-archive data files (``exports.EXPORT_FILES``), streamed into the stage: linked
    when no article's lines changed, else written with the unchanged articles' lines copied
    from the previous files. Returns where each article's lines are, for the next build."""
    if deps is None or cache is None:
        write_exports(staged.stage, archive, config, [None] * len(archive.articles))
        staged.made += len(EXPORT_FILES)
        return None
    keys = [deps.article_twin(a) for a in archive.articles]
    whole = "exports:" + hashlib.sha256("\0".join(keys).encode()).hexdigest()
    old_spans = _load(cache.state("exports"))
    if old_spans is not None and staged.link_previous(whole, EXPORT_FILES) is not None:
        return old_spans
    for path in EXPORT_FILES:
        staged.keys[path] = whole
    old = None
    if old_spans is not None and all(
        untouched(staged.output, p, staged.previous) for p in EXPORT_FILES
    ):
        old = (staged.output, old_spans)
    staged.made += len(EXPORT_FILES)
    return write_exports(staged.stage, archive, config, keys, old)


def _load(data: bytes | None) -> dict | None:
    try:
        value = pickle.loads(data) if data is not None else None
    except Exception:  # a damaged record is no record
        return None
    return value if isinstance(value, dict) else None


def _originals(archive: Archive, inputs: list[InputFile]) -> dict[str, InputFile]:
    """A copy of each article's input file, the archive's evidence, beside its page: the
    input each copy is made from."""
    by_path = {f.path: f for f in inputs}
    out = {}
    for a in archive.articles:
        out[original_path(a.id, a.path.rsplit("/", 1)[-1])] = by_path[a.path]
        for k, other in enumerate(a.also_paths, 1):
            out[original_path(a.id, other.rsplit("/", 1)[-1], k)] = by_path[other]
    return out


class _Seen:
    """What the last build found of each of some things, by their keys (a memo of the build
    cache, ``name``), and what this build finds, kept for the next by ``keep``: only this
    build's, so that it follows the archive."""

    def __init__(self, cache: ResultCache | None, name: str) -> None:
        self.cache, self.name = cache, name
        memo = cache.memo(name) if cache is not None else None
        valid = (isinstance(memo, tuple) and len(memo) == 2 and memo[0] == code_version()
                 and isinstance(memo[1], dict))
        self.known: dict[str, str] = memo[1] if valid else {}
        self.found: dict[str, str] = {}

    def get(self, key: str | None, make: Callable[[], str]) -> str:
        """The value for ``key``: the last build's, else ``make()`` (always, without a key)."""
        value = self.known.get(key) if key is not None else None
        if value is None:
            value = make()
        if key is not None:
            self.found[key] = value
        return value

    def carry(self, keys: Sequence[str]) -> bool:
        """Take the last build's values for ``keys`` as this build's, when it had them all."""
        known = self.known
        if not all(key in known for key in keys):
            return False
        for key in keys:
            self.found[key] = known[key]
        return True

    def keep(self) -> None:
        if self.cache is not None and self.found != self.known:
            self.cache.put_memo(self.name, (code_version(), self.found))


def _records_digest(docs: list[tuple[str, str]]) -> str:
    h = hashlib.sha256()
    for name, text in docs:
        h.update(f"{name}\0{text}\0".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class SearchFailed(Exception):
    """Raised (with ``--strict``) when the search index could not be built."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


# A part of the search index to make: its folder, key, articles and quote records (None: made
# when the part is).
_Part = tuple[str, str | None, list[Article], list[tuple[str, str]] | None]


class _SearchStep:
    """The search index, made in the complete temporary folder before the swap. It depends on
    every article page: a part's key hashes what the indexer reads of each of its pages (their
    ``search_scope``), its articles' quote records, the index's language and the Pagefind
    binary, and when the previous build made the part from the same key (and its files are
    untouched) they are linked instead of made again: a template edit outside what is indexed
    makes no part again, nor does a change that reaches no record. A page's scope is read from
    the stage once per page key, an article's records made once per key of its JSON twin (the
    build cache's memos ``SCOPES_MEMO`` and ``RECORDS_MEMO`` keep them). When the index cannot
    be made, the search page is replaced by one that says so.

    ``start`` decides which parts are linked and which made, and makes those in a thread of
    their own (Pagefind runs as another process); ``wait`` waits for them; ``finish`` records
    their files. Only ``start`` and ``finish`` touch the stage's record, both on the calling
    thread."""

    def __init__(
        self, archive: Archive, config: Config, digest: str, staged: Staged, strict: bool,
        deps: Dependencies | None = None,
        progress: Callable[[str, int, int], None] = no_progress,
        jobs: int = 1,
        cache: ResultCache | None = None,
    ) -> None:
        self.archive, self.config, self.digest = archive, config, digest
        self.cache = cache
        self.planned, self.strict, self.deps = staged, strict, deps
        self.progress = progress
        self.jobs = max(1, jobs)
        self.diagnostics: list[Diagnostic] = []
        self.seconds = 0.0
        self.todo: list[_Part] = []
        self.outcomes: list[SearchOutcome] = []
        self.failure: BaseException | None = None
        self.thread: threading.Thread | None = None
        self.cancelled = False  # the build was interrupted: make no further part
        # What Pagefind reads for each part, kept in the build cache from one build to the next
        # (see ``search.build_index``); the folders of every part of the index, by name.
        self.work = cache_dir(config.output_dir) / SEARCH_WORK if cache is not None else None
        self.folders: set[str] = set()
        self.lock: IO[bytes] | None = None  # held while parts are made in ``work``

    def start(self, stage: Path) -> None:
        if not self.archive.articles:
            return  # nothing to index (Pagefind refuses an empty site); the page says so
        began = time.perf_counter()
        language = index_language(self.archive)
        binary = binary_identity()
        articles = self.archive.articles
        scopes, records = _Seen(self.cache, SCOPES_MEMO), _Seen(self.cache, RECORDS_MEMO)
        # A server's parts as its last build keyed them: what each key was made from.
        last = self.cache.kept(PARTS_KEPT) if self.cache is not None else None
        known = last if isinstance(last, dict) else {}
        keyed: dict[str, tuple[tuple, str]] = {}
        for k, members in enumerate(shards([a.id for a in articles])):
            part = [articles[i] for i in members]
            folder = shard_folder(k)
            self.folders.add(folder)
            docs = None if self.deps is not None else quote_documents(self.archive, part)
            made = (self._made_from(part, language, binary)
                    if docs is None and keeps_results() else None)
            held = known.get(folder)
            if (made is not None and held is not None and held[0] == made
                    and scopes.carry(made[2]) and records.carry(made[3])):
                key: str | None = held[1]
            else:
                key = self._key(part, docs, language, folder, binary, stage, scopes, records)
            if made is not None and key is not None:
                keyed[folder] = (made, key)
            if key is None or not self._reuse(key, folder):
                self.todo.append((folder, key, part, docs))
        scopes.keep()
        records.keep()
        if self.cache is not None:
            self.cache.keep(PARTS_KEPT, keyed)
        self.seconds = time.perf_counter() - began
        if not self.todo:
            return
        if self.work is not None:
            # Another build of the same output makes its parts in folders of its own.
            self.lock = try_lock(self.work.with_name(SEARCH_WORK + ".lock"))
            if self.lock is None:
                self.work = None
        self.thread = threading.Thread(
            target=self._make, args=(stage, language), name="site-gen-search", daemon=True)
        self.thread.start()

    def wait(self) -> None:
        """Wait for the parts being made. Interrupted (Ctrl-C), it stops the thread after the
        part it is making and still waits for it: Pagefind writes into the stage, which must
        not be removed under it."""
        thread = self.thread
        if thread is None:
            return
        try:
            thread.join()
        except BaseException:
            self.cancelled = True
            while thread.is_alive():
                try:
                    thread.join()
                except BaseException:  # a second interruption: still not before it is done
                    continue
            raise
        finally:
            self.thread = None
            if self.lock is not None and not thread.is_alive():
                self.lock.close()  # the parts' folders are left for the next build
                self.lock = None

    def _make(self, stage: Path, language: str) -> None:
        """Make the parts to be made, two at a time when the build has two cores or more
        (Pagefind keeps about one and a half busy); their outcomes in order."""
        began = time.perf_counter()

        def one(job: _Part) -> SearchOutcome:
            folder, _key, part, docs = job
            if self.cancelled:
                return SearchOutcome(False, "the build was interrupted")
            shutil.rmtree(stage / folder, ignore_errors=True)  # an earlier site's part
            return build_index(stage, docs or quote_documents(self.archive, part), language,
                               pages=[article_path(a.id) for a in part], bundle=folder,
                               work=self.work / folder if self.work is not None else None)

        try:
            if self.work is not None and self.work.is_dir() and not self.work.is_symlink():
                for old in self.work.iterdir():  # parts an archive of another size had
                    if old.name not in self.folders:
                        shutil.rmtree(old, ignore_errors=True)
            if self.jobs > 1 and len(self.todo) > 1:
                with ThreadPoolExecutor(max_workers=min(2, self.jobs)) as pool:
                    for i, outcome in enumerate(pool.map(one, self.todo), 1):  # in order
                        self.outcomes.append(outcome)
                        self.progress("search", i, len(self.todo))
            else:
                for i, job in enumerate(self.todo, 1):
                    self.outcomes.append(one(job))
                    self.progress("search", i, len(self.todo))
        except BaseException as exc:  # given to the build's thread by ``finish``
            self.failure = exc
        finally:
            self.seconds += time.perf_counter() - began

    def finish(self, stage: Path) -> None:
        """Record the files of the parts made, in order; the first that failed leaves the site
        without an index."""
        self.wait()
        if self.failure is not None:
            raise self.failure
        for (folder, key, _part, _docs), outcome in zip(self.todo, self.outcomes, strict=True):
            if not outcome.ok:
                self._unavailable(stage, outcome.message)
                return
            for path in sorted((stage / folder).rglob("*")):
                rel = path.relative_to(stage).as_posix()
                if path.is_file():
                    self.planned.made += 1
                    if key is not None:
                        self.planned.keys[rel] = key
                    else:
                        self.planned.extra.add(rel)
                else:
                    self.planned.extra.add(rel)  # a folder (Pagefind may leave one empty)

    def _unavailable(self, stage: Path, message: str) -> None:
        """No index: every part already in the stage goes, and the search page says so."""
        problem = Diagnostic(
            "warning",
            "search",
            f"no search index: {message}; the search page says search is unavailable"
            " (search = false in site.toml turns search off)",
        )
        if self.strict:
            raise SearchFailed(problem)
        self.diagnostics.append(problem)
        for folder in [p for p in stage.iterdir() if p.name.split("-")[0] == BUNDLE]:
            shutil.rmtree(folder, ignore_errors=True)
            for path in [p for p in self.planned.keys if p.startswith(folder.name + "/")]:
                del self.planned.keys[path]
        page = search_page(self.archive, self.config, available=False)
        target = stage / page.path
        target.unlink(missing_ok=True)  # it may be a link to the previous build's file
        self.planned.replaced(page.path)
        env = environment_for(self.config.template_dirs, self.digest)
        target.write_bytes(render_page(env, page))
        self.planned.keys[page.path] = page_key(page, self.digest)

    def _key(
        self,
        part: list[Article],
        docs: list[tuple[str, str]] | None,
        language: str,
        folder: str,
        binary: str | None,
        stage: Path,
        scopes: _Seen,
        records: _Seen,
    ) -> str | None:
        """A part's inputs: what the indexer reads of its article pages (``scope_digest`` of
        each page in ``stage``, by page key in ``scopes``), and its quote records (``docs``,
        or, with the dependencies at hand, each article's records' digest, by the key of its
        JSON twin, which is made from all that the records are made from, in ``records``);
        ``binary``: Pagefind's identity. A change that reaches an article's twin but not its
        records (a speaker's description) makes no part again."""
        if binary is None:
            return None
        h = hashlib.sha256(f"{binary}\0{language}\0{folder}\0".encode())
        for a in part:
            path = article_path(a.id)
            try:
                scope = scopes.get(self.planned.keys.get(path),
                                   lambda path=path: scope_digest((stage / path).read_bytes()))
            except OSError:
                return None  # made, and the indexer says what is wrong
            h.update(f"{path}\0{scope}\0".encode())
        if docs is None:
            assert self.deps is not None
            for a in part:
                made = records.get(self.deps.article_twin(a), lambda a=a: _records_digest(
                    quote_documents(self.archive, [a])))
                h.update(f"{a.id}\0{made}\0".encode())
        else:
            h.update(_records_digest(docs).encode())
        return "search:" + h.hexdigest()

    def _made_from(self, part: list[Article], language: str, binary: str | None) -> tuple | None:
        """What a part's key is made from, short (see ``_key``): its articles' page keys (each
        page's scope is the memo's for its key) and twin keys (each article's records' digest
        is the memo's for its twin key). None when a page has no key."""
        assert self.deps is not None
        pages = tuple(self.planned.keys.get(article_path(a.id)) for a in part)
        if None in pages:
            return None
        twins = tuple(self.deps.article_twin(a) for a in part)
        return (binary, language, pages, twins, tuple(a.id for a in part))

    def _reuse(self, key: str, folder: str) -> bool:
        """Link the previous build's part when it was made from ``key`` and is untouched."""
        required = (f"{folder}/pagefind-entry.json",)
        return self.planned.link_previous(key, required) is not None
