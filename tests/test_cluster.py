"""The per-file stage on a Dask cluster (``build --scheduler`` / ``--executor dask``): the same
site, byte for byte, as a local build; results in input order whatever order the batches finish
in; one clear line and exit 2 when Dask is missing or no scheduler answers. Every cluster here
listens on 127.0.0.1 only and is closed by its fixture."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_gen.cli import main
from site_gen.cluster import (
    ClusterError,
    batch_size,
    batches,
    dask_cluster,
    import_distributed,
    map_batches,
)
from site_gen.config import load_config
from site_gen.pipeline import build
from tests.sitecheck import comparable_build

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import synthetic  # noqa: E402

# Imported only through site_gen.cluster (see import_distributed), never here.
needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None, reason="needs site-gen[cluster]")

ARTICLES = 48  # enough for several batches on each of two workers


# Two single-threaded worker processes and a scheduler, on 127.0.0.1, no dashboard, in a
# process of their own (a scheduler in the test process would leave Dask's threads there, and
# the render stage forks only from a process with one thread); stopped when stdin closes.
CLUSTER = """
import sys
from distributed import LocalCluster
if __name__ == "__main__":
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None,
                           scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    print(cluster.scheduler_address, flush=True)
    sys.stdin.read()
    cluster.close()
"""


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a two-worker cluster on 127.0.0.1, closed after the module's tests."""
    script = tmp_path_factory.mktemp("dask") / "cluster.py"
    script.write_text(CLUSTER)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, str(script)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        address = proc.stdout.readline().strip()
        assert address.startswith("tcp://127.0.0.1:"), address
        yield address
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def client(scheduler: str) -> Iterator[object]:
    distributed = import_distributed()  # as the build imports it: no thread left behind
    with distributed.Client(scheduler) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark's invented archive: recurring speakers, outlets, datelines, stories."""
    content = tmp_path_factory.mktemp("cluster") / "content"
    synthetic.write_corpus(ARTICLES, content, None)
    return content


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_batches_keep_order_and_use_every_worker() -> None:
    assert batches(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert batch_size(10_000, 2) == 64
    assert batch_size(48, 2) == 6  # four batches a worker when there are few files
    assert batch_size(3, 8) == 1


@needs_dask
def test_build_on_the_cluster_is_the_local_build(
    corpus: Path, scheduler: str, client, tmp_path: Path, capsys
) -> None:
    from distributed import get_task_stream

    local, remote = tmp_path / "local", tmp_path / "remote"
    assert main(["build", "-q", "-j", "1", "--content", str(corpus), "--out", str(local)]) == 0
    with get_task_stream(client) as stream:
        argv = ["build", "-q", "--content", str(corpus), "--out", str(remote),
                "--scheduler", scheduler]
        assert main(argv) == 0
    assert "Built 48 articles" in capsys.readouterr().out
    batches_run = [t for t in stream.data if str(t["key"]).startswith("run_batch")]
    assert len(batches_run) == 8  # 48 files in batches of 6
    assert len({t["worker"] for t in batches_run}) == 2  # both workers read files
    assert comparable_build(remote) == comparable_build(local)


@needs_dask
def test_cache_stays_here_and_only_changed_files_are_sent(
    corpus: Path, scheduler: str, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    for f in sorted(corpus.rglob("*.txt"))[:12]:
        (content / f.name).write_bytes(f.read_bytes())
    config = load_config(None, content=content, output=tmp_path / "out")
    cluster = dask_cluster(scheduler)
    threads = threading.active_count()
    assert build(config, cluster=cluster).cached == 0
    assert threading.active_count() == threads  # connected only while files are read
    changed = sorted(content.iterdir())[3]
    changed.write_bytes(changed.read_bytes().replace(b"\n\n", b"\n\nAn added line.\n\n", 1))
    assert build(config, cluster=cluster).cached == 11
    assert (tmp_path / ".out-cache" / "results.sqlite").is_file()  # on the writing machine
    local = load_config(None, content=content, output=tmp_path / "local")
    assert build(local, jobs=1, use_cache=False).ok
    assert comparable_build(tmp_path / "out") == comparable_build(tmp_path / "local")


def _first_batch_slow(item: int, pause: float) -> tuple[int, float]:
    if item == 0:
        time.sleep(pause)
    return item, time.time()


@needs_dask
def test_results_in_input_order_when_batches_finish_out_of_order(client) -> None:
    results = map_batches(client, _first_batch_slow, list(range(12)), 1.0, most=2)
    assert [item for item, _ in results] == list(range(12))
    first_done = results[0][1]
    assert any(done < first_done for _, done in results[2:])  # a later batch finished first


@needs_dask
def test_unreachable_scheduler_is_one_line_and_exit_2(
    make_project, tmp_path: Path, capsys
) -> None:
    root = make_project(seeds=True)
    address = f"tcp://127.0.0.1:{_closed_port()}"
    argv = ["build", "--config", str(root / "site.toml"), "--scheduler", address]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err == f"site-gen build: cannot reach the Dask scheduler at {address}: " \
        "Connection refused\n"
    assert not (root / "build").exists()  # nothing was read, nothing written


@needs_dask
def test_silent_listener_times_out_with_a_clear_message() -> None:
    with socket.socket() as silent:  # accepts connections, never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        address = f"tcp://127.0.0.1:{silent.getsockname()[1]}"
        start = time.perf_counter()
        with pytest.raises(ClusterError, match="no Dask scheduler answered at " + address):
            dask_cluster(address, timeout=0.5)
        assert time.perf_counter() - start < 5


@needs_dask
def test_bad_address_is_refused(capsys) -> None:
    with pytest.raises(ClusterError, match="is not tcp://HOST:PORT"):
        dask_cluster("tcp://no-port", timeout=0.5)


def test_without_dask_the_message_says_what_to_install(
    make_project, monkeypatch, capsys
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    root = make_project(seeds=True)
    assert main(["build", "--config", str(root / "site.toml"), "--executor", "dask"]) == 2
    assert capsys.readouterr().err == (
        "site-gen build: the Dask executor needs Dask: pip install 'site-gen[cluster]'\n"
    )


def test_scheduler_with_the_local_executor_is_bad_usage(make_project, capsys) -> None:
    root = make_project()
    argv = ["build", "--config", str(root / "site.toml"), "--executor", "local",
            "--scheduler", "tcp://127.0.0.1:8786"]
    assert main(argv) == 2
    assert "--scheduler needs --executor dask" in capsys.readouterr().err


@needs_dask
def test_executor_dask_starts_a_local_cluster(make_project, tmp_path: Path, capsys) -> None:
    root = make_project(seeds=True)
    cfg = str(root / "site.toml")
    # In a process of its own: the local cluster's scheduler runs in the building process.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-m", "site_gen", "build", "-q", "--config", cfg,
                           "--executor", "dask", "-j", "2"], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert main(["build", "-q", "--config", cfg, "--no-cache", "-j", "1",
                 "--out", str(tmp_path / "local")]) == 0
    assert comparable_build(root / "build") == comparable_build(tmp_path / "local")


@needs_dask
def test_workers_running_other_code_are_refused(scheduler: str, monkeypatch) -> None:
    import site_gen.cluster

    # This machine's digest differs from the workers' (they import site-gen unpatched).
    monkeypatch.setattr(site_gen.cluster, "code_version", lambda: "other code")
    with pytest.raises(ClusterError, match="runs other site-gen code than this machine"):
        dask_cluster(scheduler, timeout=5)
