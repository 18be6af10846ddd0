"""Tests for sitegen.parallel: the same results, in order, on every core or in a loop."""

from __future__ import annotations

import os
import threading

import pytest

from sitegen import parallel


def square_and_pid(offset: int, item: int) -> tuple[int, int]:
    return item * item + offset, os.getpid()


def test_many_items_run_in_worker_processes_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    # Other tests leave threads behind (test servers, Playwright); this one is about the pool.
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    items = list(range(parallel.MIN_ITEMS * 2))
    results = parallel.pmap(square_and_pid, 1, items)
    assert [value for value, _ in results] == [i * i + 1 for i in items]
    if (os.cpu_count() or 1) > 1:
        assert os.getpid() not in {pid for _, pid in results}


def test_few_items_or_other_threads_stay_in_this_process() -> None:
    assert {pid for _, pid in parallel.pmap(square_and_pid, 0, [1, 2, 3])} == {os.getpid()}
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        results = parallel.pmap(square_and_pid, 0, list(range(parallel.MIN_ITEMS * 2)))
    finally:
        stop.set()
        thread.join()
    assert {pid for _, pid in results} == {os.getpid()}


def fail_on_seven(_: None, item: int) -> int:
    if item == 7:
        raise ValueError("seven")
    return item


def test_an_error_in_a_worker_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="seven"):
        parallel.pmap(fail_on_seven, None, list(range(parallel.MIN_ITEMS * 2)))
