"""``site-gen serve``: preview the build on 127.0.0.1 and rebuild on every change.

livereload watches the content, templates, static and config files, runs the build and tells the
browser to reload; its script is injected into every served HTML page. A failed rebuild leaves
the last good ``build/`` in place and prints why.
"""

from __future__ import annotations

import sys
from pathlib import Path

from livereload import Server

from site_gen.config import Config
from site_gen.pipeline import build


def watched_paths(config: Config) -> list[Path]:
    paths = [config.content_dir, *config.template_dirs, *config.static_dirs]
    for extra in (
        config.config_file,
        config.resolve(config.sources),
        config.resolve(config.speakers),
    ):
        if extra is not None:
            paths.append(extra)
    return paths


def rebuild(config: Config) -> bool:
    report = build(config)
    for d in report.diagnostics:
        print(d.format(), file=sys.stderr)
    print(report.summary(), flush=True)
    return report.ok


def serve(config: Config, port: int = 8000, host: str = "127.0.0.1") -> None:
    rebuild(config)
    server = Server()
    for path in watched_paths(config):
        server.watch(str(path), lambda: rebuild(config), delay=0.2)
    print(f"Serving {config.output_dir} at http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
    server.serve(
        root=str(config.output_dir), host=host, port=port, open_url_delay=None, restart_delay=0
    )
