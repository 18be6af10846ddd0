"""Tests for sitegen.publish.write: only changed files are written, stale ones go, others are safe."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitegen.publish.write import MARKER, UnsafeOutputDir, plan, write_pages


def test_first_write_creates_everything(tmp_path: Path) -> None:
    changes = write_pages({"a.md": "A\n", "sub/b.md": "B\n"}, tmp_path / "docs")
    assert changes.written == ["a.md", "sub/b.md"]
    assert (tmp_path / "docs/sub/b.md").read_text("utf-8") == "B\n"
    assert (tmp_path / "docs" / MARKER).is_file()


def test_unchanged_files_are_not_touched(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages({"a.md": "A\n", "b.md": "B\n"}, docs)
    os.utime(docs / "a.md", ns=(1, 1))
    changes = write_pages({"a.md": "A\n", "b.md": "B2\n"}, docs)
    assert (changes.written, changes.unchanged) == (["b.md"], 1)
    assert (docs / "a.md").stat().st_mtime_ns == 1


def test_stale_files_and_empty_folders_are_removed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages({"a.md": "A\n", "old/b.md": "B\n"}, docs)
    changes = write_pages({"a.md": "A\n"}, docs)
    assert changes.removed == ["old/b.md"]
    assert not (docs / "old").exists()


def test_plan_writes_nothing(tmp_path: Path) -> None:
    changes = plan({"a.md": "A\n"}, tmp_path / "docs")
    assert changes.written == ["a.md"]
    assert not (tmp_path / "docs").exists()


def test_a_folder_we_did_not_make_is_never_cleaned(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "precious.md").write_text("mine", "utf-8")
    with pytest.raises(UnsafeOutputDir):
        write_pages({"a.md": "A\n"}, docs)
    assert (docs / "precious.md").read_text("utf-8") == "mine"
