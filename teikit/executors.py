"""Running the work unit over many inputs: serially, in a process pool, or on a Dask cluster.

The client keeps a bounded number of inputs in flight (so a corpus of thousands of
books is never all in memory) and hears of each result as it finishes. A worker that
dies mid-task never leaves half a file, since only the client writes: a process pool
that breaks is replaced and the inputs it was running are retried once each, alone, so
the one that kills its worker again is the one reported; Dask reschedules a task whose
worker died by itself and gives up with KilledWorker, which is reported the same way.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .errors import UsageError


class WorkerDied(Exception):
    """The process running a task died (killed, out of memory) twice, or Dask gave up on it."""


class Runner:
    """Serial for `jobs == 1`, a process pool for `jobs > 1`, a Dask cluster for `scheduler`.

    `results(work, items)` yields `(key, arg, result or exception)` as each finishes.
    `warm` loads what every task needs (a model, a word list) once in this process before
    a pool forks, so the workers share it instead of each loading its own.
    """

    def __init__(self, jobs: int = 1, scheduler: str | None = None, warm: Callable[[], None] | None = None):
        self.jobs, self.scheduler, self.warm = jobs, scheduler, warm
        self.client = self.executor = None
        self.window = 1

    def __enter__(self) -> Runner:
        if self.scheduler:
            self.client = connect(self.scheduler)
            self.executor = self.client.get_executor(pure=False)
            self.window = max(4, 2 * sum(self.client.nthreads().values()))
        elif self.jobs > 1:
            if self.warm is not None and multiprocessing.get_start_method() == "fork":
                self.warm()
            self.executor = ProcessPoolExecutor(max_workers=self.jobs)
            self.window = 2 * self.jobs
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        elif self.executor is not None:
            self.executor.shutdown(cancel_futures=True)

    def results(self, work: Callable[[Any], Any], items: Iterable[tuple[Any, Any]]) -> Iterator[tuple[Any, Any, Any]]:
        """Run `work(arg)` for each `(key, arg)`, pulling items only as slots free up.

        An `arg` that is an exception (the client could not prepare it) is its own result.
        """
        if self.executor is None:
            for key, arg in items:
                yield key, arg, arg if isinstance(arg, Exception) else _call(work, arg)
            return
        queue, retry = iter(items), deque()
        pending: dict[Future, tuple[Any, Any, bool]] = {}
        try:
            while True:
                if retry and not pending:   # alone, so a second death names its culprit
                    self._submit(work, *retry.popleft(), True, pending, retry)
                while not retry and len(pending) < self.window:
                    item = next(queue, None)
                    if item is None:
                        break
                    if isinstance(item[1], Exception):   # the client could not prepare it
                        yield *item, item[1]
                    else:
                        self._submit(work, *item, False, pending, retry)
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                broken = False
                for future in done:
                    key, arg, retried = pending.pop(future)
                    try:
                        yield key, arg, future.result()
                    except BrokenProcessPool:
                        broken = True
                        if retried:
                            yield key, arg, WorkerDied("the worker process died while encoding it, twice")
                        else:
                            retry.append((key, arg))
                    except Exception as exc:
                        yield key, arg, _lost_worker(exc)
                if broken:
                    self._replace_pool(pending, retry)
        finally:
            for future in pending:
                future.cancel()

    def _submit(self, work, key, arg, retried: bool, pending: dict, retry: deque) -> None:
        try:
            pending[self.executor.submit(work, arg)] = (key, arg, retried)
        except BrokenProcessPool:   # it broke since the last look
            retry.append((key, arg))
            self._replace_pool(pending, retry)

    def _replace_pool(self, pending: dict, retry: deque) -> None:
        """A broken pool fails every task it held: queue those for retry and start a new pool."""
        for future, (key, arg, _) in list(pending.items()):
            wait([future])
            if isinstance(future.exception(), BrokenProcessPool):
                del pending[future]
                retry.append((key, arg))
        self.executor.shutdown(cancel_futures=True)
        self.executor = ProcessPoolExecutor(max_workers=self.jobs)


def _call(work: Callable[[Any], Any], arg: Any) -> Any:
    try:
        return work(arg)
    except Exception as exc:  # the serial run reports like the others: per item
        return exc


def _lost_worker(exc: Exception) -> Exception:
    if type(exc).__name__ == "KilledWorker":
        return WorkerDied(f"Dask gave up on it: every worker that ran it died ({exc})")
    return exc


def connect(scheduler: str):
    """A Dask client of the scheduler at `scheduler`, or one line saying why not."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--executor dask needs Dask's distributed: pip install 'teikit[dask]'") from None
    try:
        return Client(scheduler, timeout="10s")
    except OSError as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
