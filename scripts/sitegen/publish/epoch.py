"""The build's one timestamp (SOURCE_DATE_EPOCH), so the same sources give the same bytes.

Taken from the environment when set (the reproducible-builds convention), else from the
last commit of the project's git repository, else from the newest review date in the data.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import subprocess
from pathlib import Path


def build_epoch(root: Path, newest_review: dt.date) -> int:
    """Seconds since 1970 (UTC) that every date the build writes is taken from."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        return int(value)
    return last_commit_time(root) or calendar.timegm(newest_review.timetuple())


def last_commit_time(root: Path) -> int | None:
    """The committer time of HEAD, or None outside a git checkout (or without git)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    # A folder inside no repository, or a repository with no commit yet, prints nothing.
    text = result.stdout.strip()
    return int(text) if result.returncode == 0 and text.isdigit() else None
