"""Time the generator's phases: load, check, render, write.

As in the build (sitegen.pipeline.generate): load reads and validates every file; check
runs every check, reading grades and figure geometry included.

`python -m bench.generator ROOT` runs them once in a fresh process and prints the times as
JSON, so every size pays the same one-time costs (template compilation, caches) as the
hook does inside each `mkdocs build`; imports are not counted.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TypeVar

from sitegen.content.load import Catalog, load_corpus
from sitegen.content.problems import Problem, Severity
from sitegen.pipeline import check_all
from sitegen.publish.write import write_pages
from sitegen.render.pages import render

from .project import BuildFailed, child_env

DOCS_DIR = "build/docs"
T = TypeVar("T")


@dataclass(frozen=True)
class Phases:
    """Milliseconds per phase of one generator run, and how many pages it wrote."""

    load_ms: float
    check_ms: float
    render_ms: float
    write_ms: float
    pages: int

    @property
    def total_ms(self) -> float:
        """The sum of the four phases."""
        return self.load_ms + self.check_ms + self.render_ms + self.write_ms

    def as_dict(self) -> dict[str, float]:
        """The phases and their sum, for the JSON report."""
        return {**asdict(self), "total_ms": self.total_ms}


def _timed(step: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    value = step()
    return value, (time.perf_counter() - started) * 1000


def _check(root: Path, problems: list[Problem], catalog: Catalog) -> list[Problem]:
    """The same checks as sitegen.pipeline.generate, reading grades included."""
    return problems + check_all(root, catalog)[0]


def run_generator(root: Path) -> Phases:
    """Load, check, render and write the project at `root` into build/docs; fail on errors."""
    (catalog, problems), load_ms = _timed(lambda: load_corpus(root))
    found, check_ms = _timed(lambda: _check(root, problems, catalog))
    errors = [str(p) for p in found if p.severity is Severity.ERROR]
    if errors:
        raise BuildFailed(f"{root}: {len(errors)} errors, first: " + "; ".join(errors[:3]))
    pages, render_ms = _timed(lambda: render(catalog))
    _, write_ms = _timed(lambda: write_pages(pages, root / DOCS_DIR))
    return Phases(load_ms, check_ms, render_ms, write_ms, len(pages))


#: Generator runs per size. A run takes from 0.1 to 5 s, and this machine's other load
#: moves one run by ±20 %; the run with the median total is reported. With three, two
#: slow runs decided it (1,000 exercises once gave 1,447 ms; five runs alone gave 1,187).
RUNS = 5


def time_generator(root: Path, runs: int = RUNS) -> Phases:
    """Run the generator on `root` `runs` times, each in a fresh process; the median run's phases."""
    done = sorted((_run_once(root) for _ in range(runs)), key=lambda phases: phases.total_ms)
    return done[len(done) // 2]


def _run_once(root: Path) -> Phases:
    """One generator run on `root` in a fresh Python process."""
    command = [sys.executable, "-m", "bench.generator", str(root)]
    done = subprocess.run(command, env=child_env(), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BuildFailed(f"generator failed on {root}:\n{done.stderr[-3000:]}")
    data = json.loads(done.stdout)
    return Phases(**{k: data[k] for k in ("load_ms", "check_ms", "render_ms", "write_ms", "pages")})


def main() -> int:
    """Time one generator run of the project given as the only argument; print JSON."""
    try:
        phases = run_generator(Path(sys.argv[1]))
    except BuildFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    print(json.dumps(phases.as_dict()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
