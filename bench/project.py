"""Shared pieces: copy the project skeleton, time a child process, measure a built site."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

#: What a synthetic project copies from the real one (exercises/ is generated instead).
SKELETON = ("mkdocs.yml", "overrides", "content", "schemas")
#: The hook lives at scripts/sitegen/hook.py relative to mkdocs.yml; the installed sitegen does the work.
HOOK_DIR = Path("scripts/sitegen")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")


class BuildFailed(RuntimeError):
    """A build the benchmark depends on did not succeed."""


@dataclass(frozen=True)
class Run:
    """One child process: wall time, CPU time and its own peak resident memory."""

    seconds: float
    cpu_seconds: float
    peak_mb: float


@dataclass(frozen=True)
class SiteStats:
    """What a built site weighs."""

    pages: int
    search_index_kb: float
    exercise_page_kb_max: float
    exercise_page_kb_median: float
    largest_page: str
    largest_page_kb: float


def log(message: str) -> None:
    """Progress to stderr, so stdout keeps only the report."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


def copy_skeleton(src: Path, dest: Path) -> None:
    """Copy everything a project needs except exercises/ into `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SKELETON:
        source = src / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=IGNORE)
        else:
            shutil.copy2(source, dest / name)
    shutil.copytree(src / HOOK_DIR, dest / HOOK_DIR, ignore=IGNORE)


def child_env() -> dict[str, str]:
    """The environment of every build: no MkDocs 2 banner, fixed sitemap dates."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}


def timed(command: list[str], cwd: Path, log_file: Path) -> Run:
    """Run `command` to completion; raise BuildFailed with its log tail if it fails."""
    with log_file.open("w", encoding="utf-8") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=child_env(), stdout=out, stderr=subprocess.STDOUT)
        # wait4 returns the child's own rusage (ru_maxrss in KB on Linux), not the sum of all children.
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-30:]
        raise BuildFailed(f"{' '.join(command)} failed ({proc.returncode}) in {cwd}:\n" + "\n".join(tail))
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def mkdocs_build(root: Path, site_dir: Path) -> Run:
    """`mkdocs build --strict` of the project at `root`, timed."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    command += ["--config-file", str(root / "mkdocs.yml"), "--site-dir", str(site_dir)]
    return timed(command, root, root / "mkdocs-build.log")


def site_stats(site: Path) -> SiteStats:
    """Pages built (every .html but 404.html), search index size, exercise page sizes."""
    pages = [p for p in site.rglob("*.html") if p.relative_to(site).as_posix() != "404.html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    index = site / "search" / "search_index.json"
    # exercises/tags/ is the library's tag page, not an exercise.
    sizes = [p.stat().st_size / 1024 for p in site.glob("exercises/*/index.html") if p.parent.name != "tags"]
    return SiteStats(
        pages=len(pages),
        search_index_kb=index.stat().st_size / 1024 if index.is_file() else 0.0,
        exercise_page_kb_max=max(sizes, default=0.0),
        exercise_page_kb_median=statistics.median(sizes) if sizes else 0.0,
        largest_page=largest.relative_to(site).as_posix(),
        largest_page_kb=largest.stat().st_size / 1024,
    )
