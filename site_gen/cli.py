"""Command line: ``site-gen build | serve | inspect``. Exit 0 ok, 1 failed build, 2 bad usage."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from site_gen import __version__

if TYPE_CHECKING:
    from site_gen.config import Config
    from site_gen.pipeline import BuildReport
    from site_gen.progress import Progress

# Everything else is imported by the command that needs it, after the arguments are parsed:
# `--help`, `--version` and a bad option answer without loading the readers, the quote extractor
# or Jinja2 (tests/test_startup.py holds this).


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="site-gen",
        description="Build a static, browsable archive website from news articles.",
    )
    parser.add_argument("--version", action="version", version=f"site-gen {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--config",
            type=Path,
            metavar="FILE",
            help="site configuration (default: ./site.toml when present)",
        )
        p.add_argument(
            "--content",
            type=Path,
            metavar="DIR",
            help="folder of articles (default from site.toml, else ./seeds)",
        )
        p.add_argument(
            "--out",
            type=Path,
            metavar="DIR",
            help="output folder (default from site.toml, else ./build)",
        )

    b = sub.add_parser(
        "build",
        help="build the site into the output folder",
        description="Read every article, build the site, swap it in atomically.",
    )
    common(b)
    b.add_argument(
        "--strict", action="store_true", help="treat warnings and file errors as a failed build"
    )
    b.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes for reading files (default: all cores); with --executor dask, "
        "the local cluster's workers",
    )
    b.add_argument(
        "--executor",
        choices=("local", "dask"),
        default=None,
        help="where files are read: local worker processes (default), or Dask workers (the "
        "scheduler of --scheduler, else a cluster of local processes; needs site-gen[cluster])",
    )
    b.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        default=None,
        help="read files on the workers of this running Dask scheduler (implies --executor "
        "dask); the cache, rendering and writing stay on this machine",
    )
    b.add_argument("-q", "--quiet", action="store_true", help="print only errors and the summary")
    b.add_argument(
        "--no-cache",
        action="store_true",
        help="read every file again (the per-file cache beside the output is not used)",
    )
    b.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also print notes (what the reader left out of each body, and why) and the time "
        "of each stage",
    )

    s = sub.add_parser(
        "serve",
        help="preview on 127.0.0.1 and rebuild on every change",
        description="Build, serve the output on 127.0.0.1 with live reload, "
        "rebuild when content, templates, static or config change.",
    )
    common(s)
    s.add_argument(
        "--port",
        type=int,
        default=8000,
        help="port to listen on (default 8000; when taken, the next free one)",
    )
    s.add_argument(
        "--host",
        default=None,
        metavar="ADDR",
        help="address to listen on (default 127.0.0.1; another machine's reach is warned about)",
    )
    s.add_argument("--open", action="store_true", help="open the site in the web browser")
    s.add_argument(
        "--no-reload",
        dest="reload",
        action="store_false",
        help="serve the build as it is: no watching, no reload script in the pages",
    )

    n = sub.add_parser(
        "init",
        help="create a new archive (settings, a sample article, folders for overrides)",
        description="Create a new archive in DIR: site.toml, content/ with a sample article, "
        "empty templates/ and static/ folders. DIR must be missing or empty.",
    )
    n.add_argument("dir", type=Path, metavar="DIR", help="folder to create the archive in")

    i = sub.add_parser(
        "inspect",
        help="show what the reader and quote extractor make of files",
        description="Read files or folders and print title, source, license, "
        "dateline, dates, paragraphs and quotes with speakers.",
    )
    i.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files or folders")
    i.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per article (JSON Lines when there are several)",
    )
    i.add_argument("--config", type=Path, metavar="FILE", help="site configuration")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _one_blas_thread()
    if args.command == "init":
        from site_gen.scaffold import ScaffoldError, init_archive

        try:
            print(init_archive(args.dir))
        except (ScaffoldError, OSError) as exc:
            print(f"site-gen init: {exc}", file=sys.stderr)
            return 2
        return 0
    from site_gen.config import ConfigError, load_config

    try:
        config = load_config(
            args.config, content=getattr(args, "content", None), output=getattr(args, "out", None)
        )
    except ConfigError as exc:
        print(f"site-gen: {exc}", file=sys.stderr)
        return 2
    if args.command == "build":
        if args.executor == "local" and args.scheduler:
            print("site-gen build: --scheduler needs --executor dask", file=sys.stderr)
            return 2
        dask = args.executor == "dask" or args.scheduler is not None
        return _build(config, args.strict, args.quiet, args.jobs, args.verbose,
                      not args.no_cache, dask, args.scheduler)
    if args.command == "serve":
        return _serve(config, args)
    return _inspect(config, args.paths, args.json)


def _one_blas_thread() -> None:
    """numpy, imported for the language model, starts a BLAS thread per core as it loads: 0.05
    to 0.1 s of start-up on a busy two-core machine. The model's one product (a vector times at
    most a few thousand rows of its table) is no faster with threads, and its results are the
    same to the bit. Set for this program's process only (a library user's numpy is left
    alone), and not when the user chose a number of threads."""
    if not any(os.environ.get(v) for v in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS",
                                           "OMP_NUM_THREADS")):
        os.environ["OPENBLAS_NUM_THREADS"] = "1"


def _serve(config: Config, args: argparse.Namespace) -> int:
    from site_gen.config import load_config
    from site_gen.serve_net import ListenError
    from site_gen.server import serve
    from site_gen.write import refusal

    refused = refusal(config.output_dir, config.content_dir, config.root)
    if refused:
        print(f"site-gen serve: refused: {refused}", file=sys.stderr)
        return 2
    if not 0 <= args.port <= 65535:
        print(f"site-gen serve: --port must be 0 to 65535, got {args.port}", file=sys.stderr)
        return 2

    def reload_config() -> Config:
        return load_config(args.config, content=args.content, output=args.out)

    # Ctrl-C and a plain kill stop the same way: KeyboardInterrupt, at whatever the main thread
    # is doing (a build cleans up after itself), then the server stops.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        serve(config, port=args.port, host=args.host or "127.0.0.1", open_browser=args.open,
              reload=args.reload, load=reload_config)
    except ListenError as exc:
        print(f"site-gen serve: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Stopped.", flush=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _build(
    config: Config,
    strict: bool,
    quiet: bool,
    jobs: int | None,
    verbose: bool = False,
    use_cache: bool = True,
    dask: bool = False,
    scheduler: str | None = None,
) -> int:
    if jobs is not None and jobs < 1:
        print("site-gen build: --jobs must be at least 1", file=sys.stderr)
        return 2
    from site_gen.cluster import ClusterError
    from site_gen.model import collapse_repeated
    from site_gen.progress import Progress

    progress = Progress(quiet=quiet)
    try:
        report = _build_on(config, strict, jobs, use_cache, dask, scheduler, progress)
    except ClusterError as exc:
        print(f"site-gen build: {exc}", file=sys.stderr)
        return 2
    finally:
        progress.close()
    shown = [
        d.format()
        for d in report.diagnostics
        if (d.severity != "note" or verbose) and (not quiet or d.severity == "error")
    ]
    for d in collapse_repeated(shown):
        print(d, file=sys.stderr)
    print(report.summary())
    if verbose and report.timings:
        print("Stages:", ", ".join(f"{k} {v:.2f} s" for k, v in report.timings.items()))
    work = report.story_work
    if verbose and work is not None and work.scored + work.replayed:
        print(f"Stories: {work.scored} of {work.scored + work.replayed} articles compared again,"
              f" {work.aligned} of {work.aligned + work.reused} stories aligned again")
    if report.ok:
        print(f"Open {report.output / 'index.html'}")
    return 0 if report.ok else 2 if report.refused else 1


def _build_on(
    config: Config, strict: bool, jobs: int | None, use_cache: bool, dask: bool,
    scheduler: str | None, progress: Progress,
) -> BuildReport:
    """The build, its per-file stage on local processes or on a Dask cluster (checked before
    anything is read)."""
    from site_gen.cluster import dask_cluster
    from site_gen.pipeline import build

    if not dask:
        return build(config, strict=strict, jobs=jobs, use_cache=use_cache, progress=progress)
    cluster = dask_cluster(scheduler, jobs)
    return build(config, strict=strict, jobs=jobs, use_cache=use_cache, progress=progress,
                 cluster=cluster)


def _inspect(config: Config, paths: list[Path], as_json: bool) -> int:
    from site_gen.analysis import analyze
    from site_gen.inputs import inputs_from_paths
    from site_gen.inspection import article_record, failed_record, text_report

    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"site-gen inspect: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    inputs, read_diags = inputs_from_paths(paths)
    analysis = analyze(config, inputs)
    archive, results = analysis.archive, analysis.results
    diagnostics = [*read_diags, *analysis.diagnostics]
    by_path = {a.path: a for a in archive.articles}
    records = []
    for r in results:
        if r.article is None:
            records.append(failed_record(r.path, diagnostics))
        elif r.path in by_path:
            records.append(article_record(by_path[r.path], archive, diagnostics))
    for d in read_diags:
        records.append(failed_record(d.path, diagnostics))
    if as_json:
        if len(records) == 1:
            print(json.dumps(records[0], ensure_ascii=False, indent=1))
        else:
            for rec in records:
                print(json.dumps(rec, ensure_ascii=False))
    else:
        print("\n\n".join(text_report(rec) for rec in records))
    return 0 if all("error" not in rec for rec in records) else 1
