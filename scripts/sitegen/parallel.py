"""Map a pure function over many items on every core, or in a plain loop where that is unsafe.

Rendering a library of thousands of exercises is the same small job thousands of times.
Forked workers inherit the catalog (nothing large is pickled); only the items (ids) go
out and the results come back, in order, so the output is the same either way. The
caller can go on with other work while the workers run (`pmap_start`).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from multiprocessing.pool import AsyncResult, Pool
from types import TracebackType
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items a loop is faster than starting workers (and the real site stays serial).
MIN_ITEMS = 100
#: What a forked worker calls: (function, shared state). Set only while the pool forks:
#: each worker keeps the copy it was born with.
_JOB: tuple[Callable[[Any, Any], Any], Any] | None = None


class Pending(Generic[R]):
    """Results on their way: `result()` waits for them; leaving the `with` stops the workers."""

    def __init__(self, pool: Pool | None, job: AsyncResult[list[R]] | None, done: list[R] | None) -> None:
        self._pool, self._job, self._done = pool, job, done

    def result(self) -> list[R]:
        """The results in the order of the items; a worker's exception is raised here."""
        if self._done is None:
            assert self._job is not None
            self._done = self._job.get()
        return self._done

    def __enter__(self) -> Pending[R]:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()


def pmap_start(function: Callable[[Any, T], R], state: Any, items: Sequence[T]) -> Pending[R]:
    """Start [function(state, item) for item in items] on every core when it pays and is safe.

    In a loop (few items, one core, or other threads running) the work is done at once.
    """
    global _JOB
    workers = min(os.cpu_count() or 1, 8)
    # Forking a process that runs other threads (mkdocs serve's live-reload server) can
    # deadlock in the child, so only a single-threaded build goes parallel.
    if len(items) < MIN_ITEMS or workers < 2 or threading.active_count() > 1:
        return Pending(None, None, [function(state, item) for item in items])
    _JOB = (function, state)
    try:
        pool = multiprocessing.get_context("fork").Pool(workers)
    finally:
        _JOB = None
    chunks = max(1, len(items) // (workers * 4))
    return Pending(pool, pool.map_async(_call, items, chunksize=chunks), None)


def pmap(function: Callable[[Any, T], R], state: Any, items: Sequence[T]) -> list[R]:
    """[function(state, item) for item in items], on every core when it pays and is safe."""
    with pmap_start(function, state, items) as pending:
        return pending.result()


def _call(item: Any) -> Any:
    assert _JOB is not None, "called outside pmap"
    function, state = _JOB
    return function(state, item)
