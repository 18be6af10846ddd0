"""Map a pure function over many items on every core, or in a plain loop where that is unsafe.

Rendering a library of thousands of exercises is the same small job thousands of times.
Helpers are forked, so they inherit the function, its state and the items (nothing is
pickled on the way out). Everyone, the caller included, takes the next few items from one
shared counter until none are left, so no core idles while another has work. A helper
sends each batch of results down its own pipe as it finishes it; the caller reads them
between its own batches. Only those results are pickled (the caller's stay where they
are), and they come back in the order of the items however the batches fell.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items a loop is faster than starting helpers (and the real site stays serial).
MIN_ITEMS = 100
#: Items taken at a time: small enough that everyone finishes together, large enough that
#: the shared counter and the pipes are rarely touched.
BATCH = 8
#: Room in each helper's pipe, so it need not wait while the caller runs a batch of its own
#: (Linux's default is 64 KiB; a batch of rendered pages is several hundred).
PIPE_BYTES = 1 << 20


@dataclass(frozen=True)
class _Job(Generic[T, R]):
    """function(state, item) for every item, batch by batch, claimed from a counter every process shares."""

    function: Callable[[Any, T], R]
    state: Any
    items: Sequence[T]
    next_batch: Any  # multiprocessing.Value("q"): the index of the next unclaimed batch

    def claim(self) -> tuple[int, list[R]] | None:
        """Run the next unclaimed batch: (its index, its results), or None when all are taken."""
        with self.next_batch.get_lock():
            batch = self.next_batch.value
            self.next_batch.value = batch + 1
        start = batch * BATCH
        if start >= len(self.items):
            return None
        return batch, [self.function(self.state, item) for item in self.items[start : start + BATCH]]


class WorkerError(RuntimeError):
    """A helper process failed in a way its own exception cannot tell (it died, or the
    exception would not pickle)."""


def pmap(function: Callable[[Any, T], R], state: Any, items: Sequence[T]) -> list[R]:
    """[function(state, item) for item in items], on every core when it pays and is safe."""
    helpers = min(os.cpu_count() or 1, 8) - 1  # the caller is a worker too
    # Forking a process that runs other threads (mkdocs serve's live-reload server) can
    # deadlock in the child, so only a single-threaded build goes parallel.
    # Helpers inherit the work by forking, which Windows cannot do.
    forks = "fork" in multiprocessing.get_all_start_methods()
    if len(items) < MIN_ITEMS or helpers < 1 or not forks or threading.active_count() > 1:
        return [function(state, item) for item in items]
    context = multiprocessing.get_context("fork")
    job = _Job(function, state, items, context.Value("q", 0))
    started: list[tuple[BaseProcess, Connection]] = []
    try:
        for _ in range(helpers):
            reader, writer = context.Pipe(duplex=False)
            _widen(writer)
            process = context.Process(target=_help, args=(job, writer), daemon=True)
            process.start()
            writer.close()
            started.append((process, reader))
        return _gather(job, [reader for _, reader in started])
    finally:
        for helper, reader in started:
            if helper.is_alive():
                helper.terminate()
            helper.join()
            reader.close()


def _gather(job: _Job[Any, R], readers: list[Connection]) -> list[R]:
    """Run batches here until none are left, taking in the helpers' as they arrive; then wait for the rest."""
    batches: dict[int, list[R]] = {}
    open_readers = list(readers)
    while (claimed := job.claim()) is not None:
        batches[claimed[0]] = claimed[1]
        _receive(open_readers, batches, block=False)
    while open_readers:
        _receive(open_readers, batches, block=True)
    return [result for index in sorted(batches) for result in batches[index]]


def _receive(readers: list[Connection], batches: dict[int, list[Any]], block: bool) -> None:
    """Take every message waiting (at least one if `block`); drop a reader once its helper is done."""
    for reader in wait(readers, timeout=None if block else 0):
        assert isinstance(reader, Connection)
        while reader.poll():
            try:
                message = reader.recv()
            except EOFError:
                raise WorkerError("a helper process stopped without finishing its work") from None
            if message is None:
                readers.remove(reader)
                break
            if isinstance(message, BaseException):
                raise message
            batches[message[0]] = message[1]


def _help(job: _Job[Any, Any], writer: Connection) -> None:
    """A helper's life: claim and send batches until none are left, then say so (or send what failed)."""
    try:
        while (claimed := job.claim()) is not None:
            writer.send(claimed)
        writer.send(None)
    except BaseException as exc:  # any failure must reach the caller
        try:
            writer.send(exc)
        except Exception:  # the exception itself would not pickle
            writer.send(WorkerError("".join(traceback.format_exception(exc))))
    finally:
        writer.close()


def _widen(writer: Connection) -> None:
    """Give a pipe room for several batches (Linux only; elsewhere it keeps its size)."""
    with contextlib.suppress(ImportError, AttributeError, OSError):
        import fcntl  # POSIX only; F_SETPIPE_SZ is Linux's

        fcntl.fcntl(writer.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
