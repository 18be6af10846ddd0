"""The whole generator as one call: load, check, render; raises with every problem."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .checks import check_corpus
from .load import Catalog, load_corpus
from .problems import CorpusError, Problem, Severity
from .render import render
from .schema import check_schema_comments


@dataclass(frozen=True)
class Result:
    """Rendered pages plus what the build should know about them."""

    pages: dict[str, str]
    warnings: list[Problem]
    build_date: dt.date


def generate(root: Path) -> Result:
    """Load and check every source under `root`, then render; raise CorpusError on errors."""
    catalog, problems = load_corpus(root)
    problems += check_schema_comments(root)
    problems += check_corpus(catalog)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise CorpusError(problems)
    return Result(render(catalog), sorted(problems), latest_review(catalog))


def latest_review(catalog: Catalog) -> dt.date:
    """The newest review date: a build date that depends only on the sources."""
    dates = [
        source.model.reviewed
        for table in (catalog.exercises, catalog.anatomy, catalog.routines, catalog.guides)
        for source in table.values()
    ]
    return max(dates, default=dt.date(2026, 1, 1))
