"""Our own JavaScript, file by file: gzipped sizes, the motion budget and readable lines.
What each built page loads, all together, is budgeted in tests/site/test_budgets.py."""

from __future__ import annotations

import gzip
from pathlib import Path

from ..conftest import ROOT

JS = ROOT / "overrides/assets/javascripts"
#: The figure animation and the session player together (issue 20's budget): shared by every
#: page that plays a figure or runs a session, and cached.
MOTION = ("figure-play.js", "session.js", "session-cues.js")
MOTION_BUDGET = 12_000
#: Gzipped bytes of any one of our scripts; session.js, the largest, is about 5,400.
FILE_BUDGET = 6_000
#: The sizes are gzipped, so squeezing code onto long lines gains nothing.
MAX_COLUMNS = 100


def gzipped(path: Path) -> int:
    """A file's size as a reader downloads it from a host that compresses (gzip level 9)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def test_each_script_stays_within_the_gzipped_budget() -> None:
    for path in JS.glob("*.js"):
        assert gzipped(path) <= FILE_BUDGET, (path.name, gzipped(path))


def test_our_scripts_are_written_to_be_read() -> None:
    for path in JS.glob("*.js"):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            assert len(line) <= MAX_COLUMNS, f"{path.name}:{number}: {len(line)} columns"


def test_the_animation_and_the_session_player_stay_within_their_budget() -> None:
    sizes = {name: gzipped(JS / name) for name in MOTION}
    assert sum(sizes.values()) <= MOTION_BUDGET, sizes
