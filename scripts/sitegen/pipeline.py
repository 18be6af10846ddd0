"""The whole generator as one call: load, check, render; raises with every problem."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitegen.checks.corpus import check_review_dates, check_with_grades
from sitegen.checks.readability import Row, format_table
from sitegen.content.load import Catalog, load_corpus
from sitegen.content.problems import CorpusError, Problem, Severity
from sitegen.content.schema import check_schema_comments
from sitegen.render.pages import abbreviations, render


@dataclass(frozen=True)
class Result:
    """Rendered pages plus what the build should know about them."""

    pages: dict[str, str]
    warnings: list[Problem]
    build_date: dt.date
    readability: list[Row]
    #: Glossary tooltips ({term: definition}) for the abbr extension's glossary option.
    abbreviations: dict[str, str]


def generate(root: Path) -> Result:
    """Load and check every source under `root`, then render; raise CorpusError on errors."""
    catalog, problems = load_corpus(root)
    found, readability = check_all(root, catalog)
    problems += found
    if any(p.severity is Severity.ERROR for p in problems):
        # The table shows the failing grades in context, next to the pages that pass.
        raise CorpusError(problems, details=format_table(readability))
    pages = render(catalog)
    return Result(pages, sorted(problems), latest_review(catalog), readability, abbreviations(catalog))


#: Results the CLI generated, by project root, for the MkDocs build it runs next (in this
#: process): the hook takes them instead of generating the same pages again.
_handed_over: dict[Path, Result] = {}


@contextlib.contextmanager
def handed_over(root: Path, result: Result) -> Iterator[None]:
    """Within the block, `generate_for_build(root)` returns `result`."""
    _handed_over[root] = result
    try:
        yield
    finally:
        _handed_over.pop(root, None)


def generate_for_build(root: Path) -> Result:
    """The result the CLI handed over for this build, or a fresh one (`mkdocs serve`)."""
    return _handed_over.get(root) or generate(root)


def check_all(root: Path, catalog: Catalog) -> tuple[list[Problem], list[Row]]:
    """Every check of a loaded corpus, and the reading grades printed when the build fails."""
    problems, readability = check_with_grades(catalog)
    problems += check_schema_comments(root)
    problems += check_review_dates(catalog, today())
    return problems, readability


def today() -> dt.date:
    """Today's date, or SITEGEN_TODAY (YYYY-MM-DD) so tests can move the clock."""
    override = os.environ.get("SITEGEN_TODAY")
    return dt.date.fromisoformat(override) if override else dt.date.today()


def latest_review(catalog: Catalog) -> dt.date:
    """The newest review date: a build date that depends only on the sources."""
    dates = [
        source.model.reviewed
        for table in (catalog.exercises, catalog.anatomy, catalog.routines, catalog.guides)
        for source in table.values()
    ]
    return max(dates, default=dt.date(2026, 1, 1))
