"""Tests for sitegen.parallel: the same results, in order, on every core or in a loop."""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from sitegen import checks, load, parallel, render
from sitegen.pipeline import generate

from .conftest import ROOT

MANY = parallel.MIN_ITEMS * 2
multicore = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: everything runs in a loop")


@pytest.fixture
def single_threaded(monkeypatch: pytest.MonkeyPatch) -> None:
    # Other tests leave threads behind (test servers, Playwright); these are about the helpers.
    monkeypatch.setattr(threading, "active_count", lambda: 1)


def square_and_pid(offset: int, item: int) -> tuple[int, int]:
    time.sleep(0.001)  # long enough that the helpers start before the caller is done
    return item * item + offset, os.getpid()


@multicore
@pytest.mark.usefixtures("single_threaded")
def test_many_items_are_shared_by_the_caller_and_helpers_in_order() -> None:
    results = parallel.pmap(square_and_pid, 1, list(range(MANY)))
    assert [value for value, _ in results] == [i * i + 1 for i in range(MANY)]
    pids = {pid for _, pid in results}
    assert os.getpid() in pids and len(pids) > 1


def test_few_items_or_other_threads_stay_in_this_process() -> None:
    assert {pid for _, pid in parallel.pmap(square_and_pid, 0, [1, 2, 3])} == {os.getpid()}
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        results = parallel.pmap(square_and_pid, 0, list(range(MANY)))
    finally:
        stop.set()
        thread.join()
    assert {pid for _, pid in results} == {os.getpid()}


class Unpicklable(Exception):
    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle")


def fail_in_a_helper(failure: tuple[int, str], item: int) -> int:
    caller, how = failure
    time.sleep(0.001)
    if os.getpid() != caller:
        if how == "raise":
            raise ValueError(f"item {item} failed")
        if how == "unpicklable":
            raise Unpicklable("kept as text")
        os._exit(3)  # the helper dies without a word
    return item


@multicore
@pytest.mark.usefixtures("single_threaded")
@pytest.mark.parametrize(
    ("how", "error", "words"),
    [
        ("raise", ValueError, r"item \d+ failed"),
        ("unpicklable", parallel.WorkerError, "Unpicklable: kept as text"),
        ("die", parallel.WorkerError, "stopped without finishing"),
    ],
)
def test_a_failing_helper_fails_the_call_and_leaves_no_process(how: str, error: type, words: str) -> None:
    before = set(multiprocessing.active_children())
    with pytest.raises(error, match=words):
        parallel.pmap(fail_in_a_helper, (os.getpid(), how), list(range(MANY)))
    assert set(multiprocessing.active_children()) == before


def test_an_error_in_the_caller_stops_the_helpers(single_threaded: None) -> None:
    before = set(multiprocessing.active_children())
    with pytest.raises(ValueError, match="failed in the caller"):
        parallel.pmap(fail_in_the_caller, os.getpid(), list(range(MANY)))
    assert set(multiprocessing.active_children()) == before


def fail_in_the_caller(caller: int, item: int) -> int:
    time.sleep(0.001)
    if os.getpid() == caller:  # the caller always takes some batch
        raise ValueError(f"item {item} failed in the caller")
    return item


@pytest.fixture
def every_core(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Send even a small corpus to helper processes; record whether each map's jobs ran in more than one."""
    used: list[bool] = []
    real = parallel.pmap

    def recording(function: Any, state: Any, items: Any) -> list[Any]:
        results = real(_with_pid, (function, state), items)
        used.append(len({pid for pid, _ in results}) > 1)
        return [result for _, result in results]

    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(parallel, "BATCH", 1)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    for module in (load, checks, render):
        monkeypatch.setattr(module, "pmap", recording)
    return used


def _with_pid(job: tuple[Any, Any], item: Any) -> tuple[int, Any]:
    function, state = job
    time.sleep(0.002)  # so a helper gets jobs even from a small corpus
    return os.getpid(), function(state, item)


@multicore
def test_the_real_site_is_the_same_generated_on_every_core(every_core: list[bool]) -> None:
    with_pool = generate(ROOT)
    # Exercises are checked where they load, so the check phase has nothing left to share.
    assert every_core == [True, False, True], "load and render should each have used helpers"
    parallel.MIN_ITEMS = 10**9  # restored by monkeypatch
    in_a_loop = generate(ROOT)
    assert with_pool.pages == in_a_loop.pages
    assert with_pool.warnings == in_a_loop.warnings
    assert with_pool.readability == in_a_loop.readability


@multicore
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


def test_without_fork_everything_runs_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])  # as on Windows
    assert {pid for _, pid in parallel.pmap(square_and_pid, 0, list(range(MANY)))} == {os.getpid()}


@pytest.mark.skipif(not hasattr(fcntl, "F_GETPIPE_SZ"), reason="pipe sizes are Linux's")
def test_a_helpers_pipe_has_room_for_several_batches() -> None:
    reader, writer = multiprocessing.Pipe(duplex=False)
    parallel._widen(writer)
    assert fcntl.fcntl(writer.fileno(), fcntl.F_GETPIPE_SZ) >= parallel.PIPE_BYTES
    reader.close()
    writer.close()
