"""Reading level of the text a reader acts on: steps, stop rules and cautions (FK grade)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

from sitegen.content.load import Source
from sitegen.content.models import Exercise
from sitegen.content.problems import Problem

with warnings.catch_warnings():
    # textstat 0.7.4 imports pkg_resources, which warns on import; nothing to act on.
    warnings.simplefilter("ignore", DeprecationWarning)
    import textstat

#: Highest Flesch–Kincaid grade allowed for safety and step text (NIH/AMA advise 6–8).
MAX_GRADE = 8.0

#: The parts of an exercise that are measured, as (column label, field path, texts).
SECTIONS: dict[str, tuple[tuple[str, ...], ...]] = {
    "steps": (("steps",), ("bad_day",)),
    "stop rules": (("stop_rules", "ease_off"), ("stop_rules", "stop")),
    "cautions": (("cautions",),),
}


def grade(lines: list[str]) -> float:
    """Flesch–Kincaid grade of a list of items read as one passage, one sentence or more each."""
    passage = " ".join(line if line.rstrip()[-1:] in ".!?" else f"{line}." for line in lines)
    return round(float(textstat.flesch_kincaid_grade(passage)), 1)


def _texts(exercise: Exercise, paths: tuple[tuple[str, ...], ...]) -> list[str]:
    texts: list[str] = []
    for path in paths:
        value: object = exercise
        for name in path:
            value = getattr(value, name)
        if isinstance(value, str):  # one line, such as the bad-day version
            texts.append(value)
        else:
            assert isinstance(value, list)
            texts.extend(value)
    return texts


@dataclass(frozen=True)
class Row:
    """Grades of one exercise page, by section."""

    page: str
    grades: dict[str, float]


def readability_row(exercise_id: str, exercise: Exercise) -> Row:
    """The grade of each measured section of one exercise."""
    grades = {label: grade(_texts(exercise, paths)) for label, paths in SECTIONS.items()}
    return Row(f"exercises/{exercise_id}", grades)


def readability_problems(source: Source[Exercise], row: Row) -> Iterator[Problem]:
    """Each measured section reads at grade MAX_GRADE or below."""
    for label, value in row.grades.items():
        if value > MAX_GRADE:
            loc = SECTIONS[label][0][:1]
            yield source.at(
                loc, f"reading grade {value} is above {MAX_GRADE:g}: use shorter sentences and words"
            )


def format_table(rows: list[Row]) -> str:
    """A plain-text table of grades, printed by the build."""
    labels = list(SECTIONS)
    width = max([len(r.page) for r in rows] + [len("page")])
    lines = [f"{'page':<{width}}  " + "  ".join(f"{label:>10}" for label in labels)]
    for row in rows:
        cells = "  ".join(f"{row.grades[label]:>10.1f}" for label in labels)
        flag = "  > limit" if any(v > MAX_GRADE for v in row.grades.values()) else ""
        lines.append(f"{row.page:<{width}}  {cells}{flag}")
    return "\n".join(lines)


#: Markdown that carries no words a reader reads: markers (their text is graded where it
#: lives), link targets, emphasis and code marks.
_NOT_PROSE = (
    (re.compile(r"\[\[[a-z-]+:[a-z0-9-]*\]\]"), ""),
    (re.compile(r"\]\([^)]*\)(\{[^}]*\})?"), ""),
    (re.compile(r"[\[\]*_`]"), ""),
)
#: Line starts that begin a new item: a heading, a list item, a table row, an admonition.
_ITEM_START = re.compile(r"^(#{1,6}|[-*+]|\d+[.)]|\||!!!\+?|\?\?\?\+?)\s")
_ADMONITION = re.compile(r'^(?:!!!|\?\?\?)\+?\s+[a-z-]+(?:\s+"([^"]*)")?\s*$')


def guide_items(body: str) -> list[str]:
    """A guide's prose as the reader meets it: each paragraph, list item, heading, table row
    and box title one item (so `grade` reads each as a sentence or more)."""
    items: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if text := " ".join(current).strip():
            items.append(text)
        current.clear()

    for raw in body.split("\n"):
        line = raw.strip()
        if not line or re.fullmatch(r"\|?[\s:|-]+\|?", line):  # blank, or a table's rule
            flush()
            continue
        if admonition := _ADMONITION.match(line):
            flush()
            current.append(admonition[1] or "")
            flush()
            continue
        if _ITEM_START.match(line):
            flush()
            line = _ITEM_START.sub("", line)
        if line.startswith("|") or line.endswith("|"):
            line = ". ".join(cell.strip() for cell in line.strip("|").split("|") if cell.strip())
        for pattern, replacement in _NOT_PROSE:
            line = pattern.sub(replacement, line)
        current.append(line)
    flush()
    return items


def guide_grade(body: str) -> float:
    """The Flesch–Kincaid grade of a guide's prose."""
    return grade(guide_items(body)) if guide_items(body) else 0.0
