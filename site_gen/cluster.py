"""The per-file stage on a Dask cluster: ``site-gen build --scheduler tcp://HOST:PORT`` (a
running scheduler) or ``--executor dask`` (a cluster of local worker processes started for the
build). Files go to the workers as bytes, in batches; the results come back in input order.

Only the pure per-file function runs remotely: the cache, the cross-article stages, rendering
and the swap stay in the process that writes the site. Dask is an optional extra
(``site-gen[cluster]``): it is imported only here, only when a cluster was asked for.
"""

from __future__ import annotations

import math
import os
import socket
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from site_gen.cache import code_version

BATCH_FILES = 64  # files per task: large enough that a task outweighs its scheduling
BATCHES_PER_WORKER = 4  # fewer files than that many full batches: smaller batches, all busy
CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler before the build gives up
INSTALL_HINT = "pip install 'site-gen[cluster]'"

T = TypeVar("T")
S = TypeVar("S")
R = TypeVar("R")


class ClusterError(Exception):
    """Raised when the cluster cannot be used: Dask is not installed, the scheduler cannot be
    reached, or its workers run other site-gen code. The message says what to do."""


def import_distributed() -> Any:
    """Dask's ``distributed``, imported with message offloading off: Dask reads large messages
    on a thread of its own that, once started, lives as long as the process, and the render
    stage forks its workers only from a process with one thread. (The setting is read when
    ``distributed`` is first imported: this is the one place site-gen imports it.)"""
    try:
        import dask

        dask.config.set({"distributed.comm.offload": False})
        import distributed
    except ImportError as exc:
        raise ClusterError(f"the Dask executor needs Dask: {INSTALL_HINT}") from exc
    return distributed


def batches(items: Sequence[T], size: int) -> list[list[T]]:
    """``items`` cut into consecutive lists of at most ``size``, in order."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def batch_size(files: int, workers: int, most: int = BATCH_FILES) -> int:
    """At most ``most`` files a batch, fewer when there are not enough files to give every
    worker several batches (a small build still uses every worker)."""
    if workers < 1:
        return most
    return max(1, min(most, math.ceil(files / (workers * BATCHES_PER_WORKER))))


def run_batch(fn: Callable[[T, S], R], batch: list[T], shared: S) -> list[R]:
    """One task on a worker: ``fn`` over a batch, results in the batch's order."""
    return [fn(item, shared) for item in batch]


def worker_code() -> str:
    """The digest of the site-gen code a worker runs (see ``cache.code_version``)."""
    return code_version()


def map_batches(
    client: Any, fn: Callable[[T, S], R], items: Sequence[T], shared: S, most: int = BATCH_FILES
) -> list[R]:
    """``[fn(item, shared) for item in items]``, computed on ``client``'s cluster: ``shared`` is
    sent once to every worker, the items in batches; the results in input order whatever order
    the batches finish in (``gather`` returns them in the order of the futures given)."""
    if not items:
        return []
    workers = len(client.scheduler_info().get("workers", {}))
    size = batch_size(len(items), workers, most)
    # One piece of data on every worker (a list would be scattered item by item).
    [on_workers] = client.scatter([shared], broadcast=True, hash=False)
    futures = [
        client.submit(run_batch, fn, b, on_workers, pure=False) for b in batches(items, size)
    ]
    try:
        done = client.gather(futures)
    finally:
        client.cancel([*futures, on_workers])
    return [r for chunk in done for r in chunk]


def check_code(client: Any) -> None:
    """Refuse workers that run other site-gen code: their results would be cached under this
    code's key (see ``cache``) and could differ from a local build's."""
    mine = code_version()
    for worker, theirs in sorted(client.run(worker_code).items()):
        if theirs != mine:
            raise ClusterError(
                f"worker {worker} runs other site-gen code than this machine; install the "
                "same site-gen version on every worker"
            )


class DaskCluster:
    """Where the per-file stage runs: the workers of the scheduler at ``address``, or, without
    one, ``workers`` local processes (default: one per core) on 127.0.0.1. Connected only while
    ``map`` runs (the local cluster is started and stopped with it): a connection keeps threads
    in this process, and the render stage forks its workers only from a process with one."""

    def __init__(
        self, address: str | None = None, workers: int | None = None,
        timeout: float = CONNECT_TIMEOUT, batch: int = BATCH_FILES,
    ) -> None:
        self.address, self.workers, self.timeout, self.batch = address, workers, timeout, batch

    def map(self, fn: Callable[[T, S], R], items: Sequence[T], shared: S) -> list[R]:
        """``fn`` over the items on the cluster's workers; see ``map_batches``."""
        if not items:
            return []
        with self.client() as client:
            return map_batches(client, fn, items, shared, self.batch)

    @contextmanager
    def client(self) -> Iterator[Any]:
        """A connected Dask client, closed (and the local cluster stopped) on leaving."""
        distributed = import_distributed()
        local = None
        if self.address is None:
            local = distributed.LocalCluster(
                n_workers=self.workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                # no dashboard; the scheduler's small HTTP server (health) on a free local
                # port, not on 8787, which another cluster may hold
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            )
        try:
            try:
                client = distributed.Client(local if local is not None else self.address,
                                            timeout=self.timeout)
            except Exception as exc:  # whatever answers there may not speak Dask's protocol
                where = "the local Dask cluster" if local is not None else self.address
                detail = f"{type(exc).__name__}: {exc}"[:200]
                raise ClusterError(f"no Dask scheduler answered at {where} ({detail})") from exc
            try:
                yield client
            finally:
                client.close()
        finally:
            if local is not None:
                local.close()


def dask_cluster(
    address: str | None = None, workers: int | None = None, timeout: float = CONNECT_TIMEOUT
) -> DaskCluster:
    """The cluster for a build, checked before anything is read: Dask is installed, and the
    scheduler at ``address`` (when given) answers within ``timeout`` seconds and its workers run
    this site-gen code. Raises ClusterError, whose message says what to do."""
    import_distributed()
    if address is None:
        return DaskCluster(None, workers, timeout)  # this machine's code, started when used
    cluster = DaskCluster(_reachable(address, timeout), workers, timeout)
    with cluster.client() as client:
        check_code(client)
    return cluster


def _reachable(address: str, timeout: float) -> str:
    """``address`` with its scheme (``tcp://`` when none is given), once whatever listens
    there has sent the first message of Dask's handshake within ``timeout`` seconds.

    A Dask scheduler sends its handshake as soon as a connection is made: a length (8 bytes)
    and that many bytes. Dask's client waits for it without a time limit, so a port that
    accepts connections and says nothing would hang the build; it is tried here first, with
    the limit, and a wrong address fails with one line."""
    scheme, sep, rest = address.rpartition("://")
    scheme = scheme if sep else "tcp"
    if scheme != "tcp":
        return f"{scheme}://{rest}"  # tls and others: left to Dask to connect
    host, _, port = rest.rpartition(":")
    host = host.strip("[]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ClusterError(f"scheduler address {address!r} is not tcp://HOST:PORT")
    where = f"tcp://{rest}"
    deadline = time.monotonic() + timeout
    try:
        with socket.create_connection((host, int(port)), timeout=timeout) as probe:
            header = _receive(probe, 8, deadline)
            size = int.from_bytes(header, "little")
            if not 0 < size <= HANDSHAKE_MOST:
                raise ClusterError(f"{where} answers, but not as a Dask scheduler")
            _receive(probe, size, deadline)
    except TimeoutError as exc:
        raise ClusterError(
            f"no Dask scheduler answered at {where} within {timeout:g} s"
        ) from exc
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise ClusterError(f"cannot reach the Dask scheduler at {where}: {reason}") from exc
    return where


HANDSHAKE_MOST = 1 << 20  # a scheduler's handshake is a few hundred bytes


def _receive(sock: socket.socket, size: int, deadline: float) -> bytes:
    """Exactly ``size`` bytes from ``sock`` before ``deadline`` (TimeoutError after it,
    ConnectionError when the peer closes first)."""
    data = bytearray()
    while len(data) < size:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        sock.settimeout(left)
        chunk = sock.recv(min(size - len(data), 65536))
        if not chunk:
            raise ConnectionError("closed the connection before Dask's handshake")
        data += chunk
    return bytes(data)
