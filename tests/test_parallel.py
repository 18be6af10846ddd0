"""Tests for sitegen.parallel: the same results, in order, on every core or in a loop."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest

from sitegen import checks, load, parallel, render
from sitegen.pipeline import generate

from .conftest import ROOT


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


def test_the_caller_works_while_the_pool_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    items = list(range(parallel.MIN_ITEMS * 2))
    with parallel.pmap_start(square_and_pid, 0, items) as pending:
        meanwhile = sum(items)  # the caller's own work, done before it waits
        results = pending.result()
    assert meanwhile == sum(items)
    assert [value for value, _ in results] == [i * i for i in items]


@pytest.fixture
def every_core(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Send even a small corpus to worker processes; record whether each map used a pool."""
    pools: list[bool] = []
    start = parallel.pmap_start

    def recording(function: Any, state: Any, items: Any) -> parallel.Pending[Any]:
        pending = start(function, state, items)
        pools.append(pending._pool is not None)
        return pending

    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    for module in (load, checks, render):
        monkeypatch.setattr(module, "pmap_start", recording, raising=False)
    monkeypatch.setattr(parallel, "pmap_start", recording)
    return pools


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: everything runs in a loop")
def test_the_real_site_is_the_same_generated_on_every_core(every_core: list[bool]) -> None:
    with_pool = generate(ROOT)
    # Exercises are checked where they load, so the check phase has nothing left for a pool.
    assert every_core == [True, False, True], "load and render should each have used a pool"
    parallel.MIN_ITEMS = 10**9  # restored by monkeypatch
    in_a_loop = generate(ROOT)
    assert with_pool.pages == in_a_loop.pages
    assert with_pool.warnings == in_a_loop.warnings
    assert with_pool.readability == in_a_loop.readability


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: everything runs in a loop")
def test_problems_are_the_same_found_on_every_core(fixture_project: Path, every_core: list[bool]) -> None:
    exercise = fixture_project / "exercises" / "alpha-slide.yaml"
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(text.replace("neck: 25", "neck: 170"), encoding="utf-8")
    (fixture_project / "exercises" / "broken.yaml").write_text("id: broken\nname: [\n", encoding="utf-8")
    catalog, loaded = load.load_corpus(fixture_project)
    found = checks.check_with_grades(catalog)
    fused_catalog, fused_loaded = load.load_corpus(fixture_project, checks.check_exercise)
    assert len(fused_catalog.exercise_checks) == len(catalog.exercises) > 0
    assert fused_loaded == loaded and checks.check_with_grades(fused_catalog) == found
    assert any(every_core)
    parallel.MIN_ITEMS = 10**9
    catalog, loaded_in_a_loop = load.load_corpus(fixture_project)
    assert loaded == loaded_in_a_loop
    assert found == checks.check_with_grades(catalog)
    found = found[0]
    assert any("neck" in problem.field for problem in found)
    assert any(problem.path == "exercises/broken.yaml" for problem in loaded)
