"""`sitegen build --pdf`, sheets printed in Chromium: byte-identical twice, dated by the last commit."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from ..conftest import COMMIT_EPOCH, commit_all, tree_digest

pytestmark = pytest.mark.browser


def test_two_builds_with_pdfs_are_byte_identical_and_dated_by_the_last_commit(fixture_project: Path) -> None:
    """The whole site/, PDFs included, is the same twice, with every date from the commit."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    commit_all(fixture_project, COMMIT_EPOCH)
    for name in ("one", "two"):
        result = subprocess.run(
            [sys.executable, "-m", "sitegen", "build", "--pdf", "--site-dir", name],
            cwd=fixture_project,
            env={**env, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    one, two = tree_digest(fixture_project / "one"), tree_digest(fixture_project / "two")
    assert sum(name.endswith(".pdf") for name in one) == 4
    assert one == two
    sitemap = (fixture_project / "one/sitemap.xml").read_text("utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2026-03-04"}
    info = PdfReader(fixture_project / "one/pdf/beta-hold.pdf").metadata
    assert info is not None and info.creation_date is not None and info.modification_date is not None
    assert info.creation_date.timestamp() == info.modification_date.timestamp() == COMMIT_EPOCH
