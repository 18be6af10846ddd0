"""Tests for sitegen.publish.epoch: where the build's one timestamp comes from."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from sitegen.publish.epoch import build_epoch, last_commit_time

REVIEW = dt.date(2026, 11, 2)
REVIEW_EPOCH = 1793577600  # 2026-11-02T00:00:00Z
COMMIT_EPOCH = 1772600767  # 2026-03-04T05:06:07Z


def commit_all(folder: Path, epoch: int) -> None:
    """Make `folder` a git repository whose one commit is dated `epoch`."""
    stamp = f"@{epoch} +0000"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    git = ["git", "-C", str(folder), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True, env=env)
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "sources"], check=True, env=env)


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
