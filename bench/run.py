"""`make bench`: build synthetic libraries of 10-1,000 exercises and plain Material sites of the same size.

For each size: the generator's own time by phase (the median of five runs, each in a
fresh process), then `mkdocs build --strict` of our site (whose hook runs the generator
again) and of a plain MkDocs + Material site with as many pages, each timed with its
peak memory. Then the time from
saving an exercise to its rebuilt page under `mkdocs serve`. Prints a table, the growth of
cost per page and each target; writes build/bench/results.json. Exits 0 when targets fail
(it reports, it does not gate) and non-zero when a build fails.

Sizes and trials: BENCH_SIZES=10,100 and BENCH_TRIALS=3 (or --sizes, --trials).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .generator import Phases, time_generator
from .plain import make_plain
from .project import BuildFailed, Run, SiteStats, log, mkdocs_build, site_stats
from .serve import ServeResult, measure_serve
from .synth import make_project, real_exercises

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench"
DEFAULT_SIZES = "10,100,1000"
#: Targets from the issues.
MAX_GROWTH = 1.3
MAX_PAGE_KB = 60.0
MAX_SAVE_SECONDS = 2.0
GROWTH_FROM, GROWTH_TO = 100, 1000


@dataclass(frozen=True)
class SizeResult:
    """Everything measured at one library size."""

    exercises: int
    generator: Phases
    ours: Run
    ours_site: SiteStats
    plain: Run
    plain_site: SiteStats

    def ms_per_page(self, plain: bool = False, cpu: bool = False) -> float:
        """Build wall time (or the build's own CPU time) per HTML page built."""
        run, site = (self.plain, self.plain_site) if plain else (self.ours, self.ours_site)
        return (run.cpu_seconds if cpu else run.seconds) * 1000 / site.pages

    def as_dict(self) -> dict[str, Any]:
        """For the JSON report."""
        return {
            "exercises": self.exercises,
            "generator": self.generator.as_dict(),
            "ours": {
                **asdict(self.ours),
                **asdict(self.ours_site),
                "ms_per_page": self.ms_per_page(),
                "cpu_ms_per_page": self.ms_per_page(cpu=True),
            },
            "plain": {
                **asdict(self.plain),
                **asdict(self.plain_site),
                "ms_per_page": self.ms_per_page(True),
                "cpu_ms_per_page": self.ms_per_page(True, cpu=True),
            },
            "ratio_ms_per_page": self.ms_per_page() / self.ms_per_page(True),
        }


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", DEFAULT_SIZES))
    parser.add_argument("--trials", type=int, default=int(os.environ.get("BENCH_TRIALS", "5")))
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve timing")
    parser.add_argument("--keep", action="store_true", help="keep the work folders (build/bench/work-*)")
    return parser.parse_args(argv)


def bench_size(work: Path, n: int) -> SizeResult:
    """Build our site with n exercises, then a plain site with as many pages."""
    ours = work / f"ours-{n}"
    log(f"{n} exercises: generating the project")
    make_project(ROOT, ours, n)
    phases = time_generator(ours)
    log(f"{n} exercises: generator {phases.total_ms:.0f} ms; mkdocs build")
    run = mkdocs_build(ours, ours / "site")
    stats = site_stats(ours / "site")
    log(f"{n} exercises: {stats.pages} pages in {run.seconds:.1f} s; plain baseline")
    plain = work / f"plain-{n}"
    make_plain(plain, stats.pages, list(real_exercises(ROOT).values()))
    plain_run = mkdocs_build(plain, plain / "site")
    plain_stats = site_stats(plain / "site")
    log(f"{n} exercises: plain {plain_stats.pages} pages in {plain_run.seconds:.1f} s")
    return SizeResult(n, phases, run, stats, plain_run, plain_stats)


#: The table's columns: header and how to show one size's value.
COLUMNS: tuple[tuple[str, Callable[[SizeResult], str]], ...] = (
    ("exercises", lambda r: f"{r.exercises:,}"),
    ("pages", lambda r: f"{r.ours_site.pages:,}"),
    (
        "generator ms (load/check/render/write)",
        lambda r: (
            f"{r.generator.total_ms:,.0f} ({r.generator.load_ms:,.0f}/{r.generator.check_ms:,.0f}/"
            f"{r.generator.render_ms:,.0f}/{r.generator.write_ms:,.0f})"
        ),
    ),
    ("ours s", lambda r: f"{r.ours.seconds:.1f}"),
    ("ours ms/page", lambda r: f"{r.ms_per_page():.1f}"),
    ("plain s", lambda r: f"{r.plain.seconds:.1f}"),
    ("plain ms/page", lambda r: f"{r.ms_per_page(True):.1f}"),
    ("ours/plain", lambda r: f"{r.ms_per_page() / r.ms_per_page(True):.2f}"),
    ("peak MB ours/plain", lambda r: f"{r.ours.peak_mb:.0f}/{r.plain.peak_mb:.0f}"),
    (
        "search KB ours/plain",
        lambda r: f"{r.ours_site.search_index_kb:,.0f}/{r.plain_site.search_index_kb:,.0f}",
    ),
    (
        "exercise page KB max (median)",
        lambda r: f"{r.ours_site.exercise_page_kb_max:.1f} ({r.ours_site.exercise_page_kb_median:.1f})",
    ),
)


def table(results: list[SizeResult]) -> str:
    """A Markdown table, one row per size."""
    rows = [[header for header, _ in COLUMNS]] + [[show(r) for _, show in COLUMNS] for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = [
        "| " + " | ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)) + " |" for row in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|")
    return "\n".join(lines)


def growth(results: list[SizeResult]) -> dict[str, Any] | None:
    """ms per page at the largest size over ms per page at 100 (or the smallest), ours and plain."""
    by_size = {r.exercises: r for r in results}
    low = by_size.get(GROWTH_FROM) or min(results, key=lambda r: r.exercises)
    high = by_size.get(GROWTH_TO) or max(results, key=lambda r: r.exercises)
    if low is high:
        return None
    return {
        "from": low.exercises,
        "to": high.exercises,
        "ours": high.ms_per_page() / low.ms_per_page(),
        "plain": high.ms_per_page(True) / low.ms_per_page(True),
        "ours_cpu": high.ms_per_page(cpu=True) / low.ms_per_page(cpu=True),
        "plain_cpu": high.ms_per_page(True, cpu=True) / low.ms_per_page(True, cpu=True),
    }


def targets(
    results: list[SizeResult], grow: dict[str, Any] | None, serve: ServeResult | None
) -> list[dict[str, Any]]:
    """Each target of the issue with its measured value and PASS, FAIL or n/a."""
    page_kb = max(r.ours_site.exercise_page_kb_max for r in results)
    rows: list[tuple[str, bool | None, str]] = [
        ("exercise page HTML < 60 KB", page_kb < MAX_PAGE_KB, f"max {page_kb:.1f} KB"),
    ]
    full_range = grow is not None and (grow["from"], grow["to"]) == (GROWTH_FROM, GROWTH_TO)
    rows.append(
        (
            "ms/page at 1,000 within 1.3x of ms/page at 100",
            bool(grow["ours"] <= MAX_GROWTH) if grow and full_range else None,
            f"{grow['ours']:.2f}x ({grow['from']:,} -> {grow['to']:,})" if grow else "needs two sizes",
        )
    )
    rows.append(
        (
            "save to rebuilt page under mkdocs serve < 2 s",
            serve.median < MAX_SAVE_SECONDS if serve and serve.seconds else None,
            f"median {serve.median:.2f} s, max {serve.worst:.2f} s" if serve else "not measured",
        )
    )
    verdict = {True: "PASS", False: "FAIL", None: "n/a"}
    return [{"target": name, "verdict": verdict[ok], "measured": value} for name, ok, value in rows]


def report(results: list[SizeResult], serves: list[ServeResult], seconds: float) -> dict[str, Any]:
    """Print the report to stdout and return it as data."""
    grow = growth(results)
    print("\n## Build cost by library size (pages = HTML files built, 404.html excluded)\n")
    print(table(results))
    print("\nLargest page (ours | plain): " + "; ".join(_largest(r) for r in results))
    if grow:
        print(f"\nms per page, {grow['from']:,} -> {grow['to']:,} exercises: ", end="")
        print(
            f"ours x{grow['ours']:.2f} (CPU time x{grow['ours_cpu']:.2f}), "
            f"plain Material x{grow['plain']:.2f} (CPU time x{grow['plain_cpu']:.2f}); "
            "wall time is the target, CPU time shows what other load on the machine added"
        )
    if serves:
        print("\n## Save to rebuilt page under mkdocs serve (real site)\n")
    for s in serves:
        print(
            f"{s.mode:14} median {s.median:.2f} s, max {s.worst:.2f} s over {len(s.seconds)} saves; "
            f"rebuilds per save {s.rebuilds}; each rebuild {_join(s.build_seconds)} s; "
            f"first build {s.start_seconds:.1f} s"
        )
    checks = targets(results, grow, serves[0] if serves else None)
    print("\n## Targets\n")
    for row in checks:
        print(f"{row['verdict']:4}  {row['target']}: {row['measured']}")
    print(f"\nTotal wall time: {seconds / 60:.1f} min ({seconds:.0f} s)")
    return {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_avg": os.getloadavg()},
        "sizes": [r.as_dict() for r in results],
        "growth": grow,
        "serve": [s.as_dict() for s in serves],
        "targets": checks,
        "total_seconds": seconds,
    }


def _largest(r: SizeResult) -> str:
    ours, plain = r.ours_site, r.plain_site
    return (
        f"{r.exercises:,}: {ours.largest_page} {ours.largest_page_kb:,.0f} KB | "
        f"{plain.largest_page} {plain.largest_page_kb:,.0f} KB"
    )


def _join(values: list[float]) -> str:
    return "/".join(f"{v:.2f}" for v in values) or "?"


def main(argv: list[str] | None = None) -> int:
    """Run every size and the serve timing; print the report and write results.json."""
    args = _args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    started = time.perf_counter()
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="work-", dir=OUT))
    log(f"sizes {sizes}; work folder {work}; load average {os.getloadavg()[0]:.1f}")
    try:
        results = [bench_size(work, n) for n in sizes]
        modes = () if args.no_serve else (False, True)
        serves = [measure_serve(ROOT, work, args.trials, dirty) for dirty in modes]
    except BuildFailed as exc:
        print(f"bench: build failed: {exc}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    data = report(results, serves, time.perf_counter() - started)
    (OUT / "results.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"Results: {(OUT / 'results.json').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
