"""Tests for sitegen.publish.epoch: where the build's one timestamp comes from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitegen.publish.epoch import build_epoch, last_commit_time

from ..conftest import COMMIT_EPOCH, commit_all

REVIEW = dt.date(2026, 11, 2)
REVIEW_EPOCH = 1793577600  # 2026-11-02T00:00:00Z


def test_the_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    commit_all(tmp_path, COMMIT_EPOCH)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_epoch(tmp_path, REVIEW) == 1700000000


def test_the_last_commit_dates_a_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    commit_all(tmp_path, COMMIT_EPOCH)
    assert last_commit_time(tmp_path) == COMMIT_EPOCH
    assert build_epoch(tmp_path, REVIEW) == COMMIT_EPOCH


def test_outside_git_the_newest_review_dates_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert last_commit_time(tmp_path) is None
    assert build_epoch(tmp_path, REVIEW) == REVIEW_EPOCH
