"""Tests for sitegen.gcpause: the collector is off inside, restored and the result frozen after."""

from __future__ import annotations

import gc

from sitegen.gcpause import paused_gc


@paused_gc
def build() -> tuple[bool, list[object]]:
    return gc.isenabled(), [object() for _ in range(10)]


def test_collector_is_paused_then_restored() -> None:
    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()
    enabled_inside, made = build()
    assert not enabled_inside
    assert gc.isenabled()
    assert gc.get_freeze_count() > frozen_before
    assert len(made) == 10


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    try:
        build()
        assert not gc.isenabled()
    finally:
        gc.enable()
