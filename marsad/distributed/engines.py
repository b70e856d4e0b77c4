"""Where extraction runs: in this process, in a local process pool, or on a Dask cluster.

Every engine maps :func:`marsad.distributed.work.run_batch` over batches of jobs and yields
the answers **in input order**, with a bounded number of batches in flight so memory stays
flat on archives of any size. The parent process stays the only SQLite writer.
"""

from __future__ import annotations

import logging
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from typing import Any, Protocol

from marsad.distributed.work import Job, init_worker, run_batch
from marsad.errors import MarsadError
from marsad.storage.rows import Payload


class EngineError(MarsadError):
    """The requested engine cannot run (a missing extra, an unreachable scheduler)."""

    code = "E205"


class Engine(Protocol):
    name: str
    workers: int

    def map(self, batches: Iterable[list[Job]]) -> Iterator[list[Payload]]: ...

    def close(self) -> None: ...


class LocalEngine:
    """Extraction in the calling process (``--workers 0``: one core, least memory)."""

    name = "local"

    def __init__(self, stages: Sequence[str] | None, extractor: str) -> None:
        self.stages, self.extractor, self.workers = stages, extractor, 1
        init_worker(stages)

    def map(self, batches: Iterable[list[Job]]) -> Iterator[list[Payload]]:
        for batch in batches:
            yield run_batch(batch, self.stages, self.extractor)

    def close(self) -> None:
        pass


def _ordered(submit: Any, batches: Iterable[list[Job]], window: int) -> Iterator[list[Payload]]:
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class ProcessEngine:
    """``--workers N``: N worker processes, each with its own pipeline; the calling process
    only reads the inputs and writes the store, so one worker already overlaps extraction
    with storage on a second core."""

    name = "process"

    def __init__(self, stages: Sequence[str] | None, extractor: str, workers: int) -> None:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        self.stages, self.extractor, self.workers = stages, extractor, workers
        # fork (Linux): the pipeline is loaded once, here, and every worker inherits it
        # (copy-on-write), with any stage registered at run time (plugins, a script's own
        # @stage); elsewhere spawn, and each worker loads its own in the initializer.
        fork = sys.platform.startswith("linux")
        if fork:
            import gc

            init_worker(stages)
            # Keep the collector off the inherited heap: no copy-on-write of its pages and
            # no full collections walking the lexicons in every worker.
            gc.collect()
            gc.freeze()
        ctx = mp.get_context("fork" if fork else "spawn")
        self._pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=init_worker,
                                         initargs=(list(stages) if stages else None, True))
        if fork:
            self._pool.submit(int).result()  # with fork, the first task starts every worker
            gc.unfreeze()

    def map(self, batches: Iterable[list[Job]]) -> Iterator[list[Payload]]:
        def submit(batch: list[Job]) -> Future[list[Payload]]:
            return self._pool.submit(run_batch, batch, self.stages, self.extractor)

        yield from _ordered(submit, batches, 2 * self.workers + 1)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """``--engine dask``: batches run as tasks on a dask.distributed cluster.

    With ``scheduler=None`` a local cluster of ``workers`` single-threaded worker
    processes is started (and stopped at the end).
    """

    name = "dask"

    def __init__(self, stages: Sequence[str] | None, extractor: str, workers: int,
                 scheduler: str | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise EngineError("--engine dask needs dask.distributed, which is not installed.",
                              hint="Install it with: pip install 'marsad[dask]'.") from None
        self.stages, self.extractor, self.workers = stages, extractor, workers
        self._cluster = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout=30)
            else:
                self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                             processes=True, dashboard_address=None,
                                             silence_logs=logging.ERROR)
                self._client = Client(self._cluster)
        except OSError as exc:
            raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {exc}.",
                              hint="Check the address (tcp://host:8786).") from exc
        n = len(self._client.scheduler_info().get("workers", {}))
        self.workers = max(n, 1)

    def map(self, batches: Iterable[list[Job]]) -> Iterator[list[Payload]]:
        stages = list(self.stages) if self.stages else None

        def submit(batch: list[Job]) -> Any:
            return self._client.submit(run_batch, batch, stages, self.extractor, pure=False)

        yield from _ordered(submit, batches, 2 * self.workers + 2)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(engine: str, *, workers: int, stages: Sequence[str] | None, extractor: str,
                scheduler: str | None = None) -> Engine:
    """The engine for ``--engine``/``--workers``/``--scheduler``."""
    if engine == "dask":
        return DaskEngine(stages, extractor, max(workers, 1), scheduler)
    if engine not in ("local", "process"):
        raise EngineError(f"unknown engine {engine!r}.", hint="Use local or dask.")
    if workers < 1:
        return LocalEngine(stages, extractor)
    return ProcessEngine(stages, extractor, workers)
