"""Map a pure function over many items on every core, or in a plain loop where that is unsafe.

Rendering a library of thousands of exercises is the same small job thousands of times.
Forked workers inherit the catalog (nothing large is pickled); only the items (ids) go
out and the rendered strings come back, in order, so the output is the same either way.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items a loop is faster than starting workers (and the real site stays serial).
MIN_ITEMS = 200
#: What the forked workers call: (function, shared state), set only while a pool runs.
_JOB: tuple[Callable[[Any, Any], Any], Any] | None = None


def pmap(function: Callable[[Any, T], R], state: Any, items: Sequence[T]) -> list[R]:
    """[function(state, item) for item in items], on every core when it pays and is safe."""
    global _JOB
    workers = min(os.cpu_count() or 1, 8)
    # Forking a process that runs other threads (mkdocs serve's live-reload server) can
    # deadlock in the child, so only a single-threaded build goes parallel.
    if len(items) < MIN_ITEMS or workers < 2 or threading.active_count() > 1:
        return [function(state, item) for item in items]
    _JOB = (function, state)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_call, items, chunksize=max(1, len(items) // (workers * 4)))
    finally:
        _JOB = None


def _call(item: Any) -> Any:
    assert _JOB is not None, "called outside pmap"
    function, state = _JOB
    return function(state, item)
