"""Reading level of the text a reader acts on: steps, stop rules and cautions (FK grade)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from .load import Source
from .models import Exercise
from .problems import Problem

with warnings.catch_warnings():
    # textstat 0.7.4 imports pkg_resources, which warns on import; nothing to act on.
    warnings.simplefilter("ignore", DeprecationWarning)
    import textstat

#: Highest Flesch–Kincaid grade allowed for safety and step text (NIH/AMA advise 6–8).
MAX_GRADE = 8.0

#: The parts of an exercise that are measured, as (column label, field path, texts).
SECTIONS: dict[str, tuple[tuple[str, ...], ...]] = {
    "steps": (("steps",),),
    "stop rules": (("stop_rules", "ease_off"), ("stop_rules", "stop")),
    "cautions": (("cautions",),),
}


def grade(lines: list[str]) -> float:
    """Flesch–Kincaid grade of a list of items read as one passage, one sentence or more each."""
    passage = " ".join(line if line.rstrip()[-1:] in ".!?" else f"{line}." for line in lines)
    return round(flesch_kincaid_grade(passage), 1)


_TEXTSTAT = textstat.textstat


def flesch_kincaid_grade(text: str) -> float:
    """textstat's Flesch–Kincaid grade, the same number, with each word's syllables counted once.

    Counting syllables (pyphen hyphenation, word by word) is three quarters of textstat's
    time, and the same few thousand words recur on every page. The rest is textstat's own
    arithmetic and rounding, step for step; a test holds the two equal on every passage.
    """
    words = _TEXTSTAT.lexicon_count(text)
    syllables = sum(map(_syllables, _TEXTSTAT.remove_punctuation(text.lower()).split()))
    per_word = _TEXTSTAT._legacy_round(float(syllables) / float(words), 1) if words else 0.0
    sentence_length = _TEXTSTAT.avg_sentence_length(text)
    return float(_TEXTSTAT._legacy_round(0.39 * sentence_length + 11.8 * per_word - 15.59, 1))


@cache
def _syllables(word: str) -> int:
    return len(_TEXTSTAT.pyphen.positions(word)) + 1


def _texts(exercise: Exercise, paths: tuple[tuple[str, ...], ...]) -> list[str]:
    texts: list[str] = []
    for path in paths:
        value: object = exercise
        for name in path:
            value = getattr(value, name)
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
