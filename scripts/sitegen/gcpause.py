"""Pause Python's cycle collector while the generator builds thousands of small objects.

Loading keeps every file's YAML node tree alive (errors point into it), so each automatic
collection scans a heap that grows with the library: at 1,000 exercises the collector
took more than half of the load time (bench/, `make bench`). The trees hold no cycles
worth collecting mid-build; reference counting still frees everything as usual.
What was built is then frozen (gc.freeze), so later passes skip it too.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def paused_gc(function: Callable[P, R]) -> Callable[P, R]:
    """Run `function` with the cycle collector off, restoring its previous state after."""

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            # Move what was built out of the collector's sight: re-enabled with millions of
            # young objects, its next passes would scan them all (measured: the checks after
            # loading took 3x longer). Reference counting still frees them when unused.
            gc.freeze()
            if was_enabled:
                gc.enable()

    return run
