"""The service worker: Workbox (tools/workbox, npm-pinned) writes sw.js into a built site."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

#: tools/workbox of the repository this package is in: a throwaway copy of a project (as the
#: tests build) has no tools/ of its own.
WORKBOX = Path(__file__).resolve().parents[3] / "tools" / "workbox"
SCRIPT = "generate-sw.mjs"
SW_FILE = "sw.js"


class ServiceWorkerError(RuntimeError):
    """sw.js could not be written: Node or Workbox is missing, or Workbox failed."""


@dataclass(frozen=True)
class Precache:
    """What sw.js precaches: how many files, and their bytes on disk."""

    files: int
    size: int


def write_service_worker(site: Path, workbox: Path = WORKBOX) -> Precache:
    """Write `site`/sw.js with Workbox's generateSW (no network); raise ServiceWorkerError."""
    node = shutil.which("node")
    if node is None:
        raise ServiceWorkerError(
            "Node.js is missing: install Node 20 or newer, then run `make site` (sw.js is made with it)"
        )
    if not (workbox / "node_modules" / "workbox-build").is_dir():
        raise ServiceWorkerError(f"Workbox is not installed in {workbox}: run `make site` (npm ci there)")
    # Babel's target list is built in; its "data is old" notice would only be noise.
    env = {**os.environ, "BROWSERSLIST_IGNORE_OLD_DATA": "1"}
    command = [node, str(workbox / SCRIPT), str(site)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        detail = done.stderr.strip() or done.stdout.strip() or f"exit code {done.returncode}"
        raise ServiceWorkerError(f"Workbox could not write {site / SW_FILE}:\n{detail}")
    try:
        counts = json.loads(done.stdout)
        return Precache(files=int(counts["count"]), size=int(counts["size"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise ServiceWorkerError(f"unexpected output from {SCRIPT}: {done.stdout!r}") from exc
