"""Whole-corpus checks: ids, cross-references, symmetry, citations; every problem at once."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sitegen.checks.figures import figure_problems
from sitegen.checks.readability import (
    MAX_GRADE,
    Row,
    grade,
    guide_grade,
    readability_problems,
    readability_row,
)
from sitegen.content.load import RED_FLAGS_FILE, Catalog, Located, Source
from sitegen.content.models import (
    DIARY_PROMPTS,
    DOSE_SOURCE_TYPES,
    HTML_TAG,
    ID_PATTERN,
    Category,
    Exercise,
    NerveLoad,
    Urgency,
)
from sitegen.content.problems import Problem, Severity
from sitegen.render import markers, safety
from sitegen.render.text import REFERENCE_TYPE_LABELS

Loc = tuple[str | int, ...]


def check_corpus(catalog: Catalog) -> list[Problem]:
    """Run every check over the loaded corpus and return all problems found."""
    return check_with_grades(catalog)[0]


def check_with_grades(catalog: Catalog) -> tuple[list[Problem], list[Row]]:
    """Every problem, and each exercise's reading grades (the build prints them on failure)."""
    problems = [problem for check in CHECKS for problem in check(catalog)]
    rows = []
    for _, source in sorted(catalog.exercises.items()):
        found, row = check_exercise(source)
        problems += found
        rows.append(row)
    return problems, rows


def check_exercise(source: Source[Exercise]) -> tuple[list[Problem], Row]:
    """Every check of one exercise on its own, and its reading grades."""
    row = readability_row(source.stem, source.model)
    found = [problem for check in EXERCISE_CHECKS for problem in check(source)]
    return found + list(readability_problems(source, row)), row


def check_ids(catalog: Catalog) -> Iterator[Problem]:
    """The id inside each file equals its file name, and no id is used twice."""
    for kind, table in catalog.tables().items():
        owners: dict[str, list[Source[Any]]] = defaultdict(list)
        for source in table.values():
            if not re.match(ID_PATTERN, source.stem):
                yield source.at((), f"file name '{source.stem}' is not a valid id ([a-z0-9-])")
            model_id = getattr(source.model, "id", source.stem)
            owners[model_id].append(source)
            if model_id != source.stem:
                yield source.at(("id",), f"id '{model_id}' must equal the file name '{source.stem}'")
        for model_id, sources in owners.items():
            if len(sources) > 1:
                paths = ", ".join(s.path for s in sources)
                for source in sources:
                    yield source.at(("id",), f"duplicate {kind} id '{model_id}' (in {paths})")


#: Every field that holds an id, as a path into the raw data ("*" = each list item), and
#: the kind of record the id must name. One table instead of a function per kind.
REF_FIELDS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "exercise": (
        (("targets", "primary", "*"), "anatomy"),
        (("targets", "secondary", "*"), "anatomy"),
        (("easier", "*"), "exercise"),
        (("harder", "*"), "exercise"),
        (("dose", "source"), "reference"),
        (("sources", "*"), "reference"),
    ),
    "anatomy": ((("related", "*"), "anatomy"), (("sources", "*"), "reference")),
    "routine": ((("items", "*", "exercise"), "exercise"), (("sources", "*"), "reference")),
    "guide": ((("sources", "*"), "reference"), (("exercises", "*"), "exercise")),
    "red-flags": ((("sources", "*"), "reference"), (("diary", "source"), "reference")),
    "session": ((("rest_source",), "reference"),),
}


def _walk(data: Any, pattern: tuple[str, ...]) -> list[tuple[Loc, Any]]:
    """Values at `pattern` in raw data, in document order; shapes that do not fit are skipped
    (schema errors). One level at a time: a library has thousands of files to walk."""
    found: list[tuple[Loc, Any]] = [((), data)]
    for head in pattern:
        deeper: list[tuple[Loc, Any]] = []
        for loc, value in found:
            if head == "*":
                if isinstance(value, list):
                    deeper += [((*loc, i), item) for i, item in enumerate(value)]
            elif isinstance(value, dict) and head in value:
                deeper.append(((*loc, head), value[head]))
        found = deeper
    return found


def all_refs(catalog: Catalog, target: str | None = None) -> Iterator[tuple[Located, Loc, str, str]]:
    """Every id reference (to `target` kind only, if given) in every parsed file, valid or
    not, with where it stands."""
    for kind, fields in REF_FIELDS.items():
        wanted = [(pattern, refers_to) for pattern, refers_to in fields if target in (None, refers_to)]
        for located in catalog.raw.get(kind, {}).values():
            for pattern, target_kind in wanted:
                for loc, value in _walk(located.parsed.data, pattern):
                    if isinstance(value, str):
                        yield located, loc, value, target_kind


def check_references_exist(catalog: Catalog) -> Iterator[Problem]:
    """Every referenced id names a file that exists (checked even in invalid files)."""
    for located, loc, ref_id, target_kind in all_refs(catalog):
        if ref_id not in catalog.raw.get(target_kind, {}):
            yield located.at(loc, f"no {target_kind} with id '{ref_id}'")


def check_variations(catalog: Catalog) -> Iterator[Problem]:
    """Easier/harder links run both ways, and an exercise is not its own variation."""
    mirror = {"easier": "harder", "harder": "easier"}
    for source in catalog.exercises.values():
        for group, opposite in mirror.items():
            for i, other_id in enumerate(getattr(source.model, group)):
                other = catalog.exercises.get(other_id)
                if other_id == source.stem:
                    yield source.at((group, i), "an exercise cannot be its own variation")
                elif other is not None and source.stem not in getattr(other.model, opposite):
                    yield source.at(
                        (group, i),
                        f"'{other_id}' must list '{source.stem}' under {opposite} (links run both ways)",
                    )


def check_targets_distinct(source: Source[Exercise]) -> Iterator[Problem]:
    """A structure is either a primary or a secondary target, not both."""
    primary = set(source.model.targets.primary)
    for i, target in enumerate(source.model.targets.secondary):
        if target in primary:
            yield source.at(("targets", "secondary", i), f"'{target}' is already primary")


def check_nerve_load(catalog: Catalog) -> Iterator[Problem]:
    """Nerve glides say slider or tensioner; a tensioner has a slider as its easier step."""
    for source in catalog.exercises.values():
        exercise = source.model
        if exercise.category is Category.NERVE_GLIDE and exercise.nerve_load is NerveLoad.NONE:
            yield source.at(("nerve_load",), "a nerve glide must say slider or tensioner")
        if exercise.nerve_load is NerveLoad.TENSIONER:
            easier = [catalog.exercises.get(other) for other in exercise.easier]
            if not any(e is not None and e.model.nerve_load is NerveLoad.SLIDER for e in easier):
                yield source.at(
                    ("nerve_load",), "a tensioner needs a slider under easier (sliders come first)"
                )


def check_guide_markup(catalog: Catalog) -> Iterator[Problem]:
    """Guides are Markdown: raw HTML would reach readers unescaped, so it is refused."""
    for source in catalog.guides.values():
        for offset, line in enumerate(source.body.split("\n")):
            if tag := HTML_TAG.search(line):
                yield Problem(
                    source.path,
                    source.body_line + offset,
                    tag.start() + 1,
                    "(body)",
                    "raw HTML is not allowed in a guide; write Markdown",
                )


def check_guide_markers(catalog: Catalog) -> Iterator[Problem]:
    """Every `[[kind:id]]` marker in a guide names a sign, an urgency or a figure that exists."""
    red_flags = catalog.red_flags.model if catalog.red_flags else None
    pictures = set(catalog.raw.get("picture", {}))
    for source in catalog.guides.values():
        for found in markers.marker_problems(source.body, red_flags, pictures):
            yield Problem(source.path, source.body_line + found.offset, found.column, "(body)", found.message)


def check_guide_grades(catalog: Catalog) -> Iterator[Problem]:
    """Each guide's prose reads at grade MAX_GRADE or below, as exercise text does."""
    for source in catalog.guides.values():
        value = guide_grade(source.body)
        if value > MAX_GRADE:
            message = f"reading grade {value} is above {MAX_GRADE:g}: use shorter sentences and words"
            yield Problem(source.path, source.body_line, 1, "(body)", message)


def check_red_flags(catalog: Catalog) -> Iterator[Problem]:
    """Sign ids are unique, each urgency has a sign, stop rules name real signs, plain words."""
    if catalog.red_flags is None:
        return
    source, model = catalog.red_flags, catalog.red_flags.model
    seen: set[str] = set()
    for i, sign in enumerate(model.signs):
        if sign.id in seen:
            yield source.at(("signs", i, "id"), f"duplicate sign id '{sign.id}'")
        seen.add(sign.id)
    for urgency in Urgency:
        if not model.signs_of(urgency):
            yield source.at(("signs",), f"no sign has urgency '{urgency}'")
    for i, sign_id in enumerate(model.stop_rule_signs):
        if sign_id not in seen:
            yield source.at(("stop_rule_signs", i), f"no sign with id '{sign_id}'")
    prompts = {name: getattr(model.diary, name) for name in DIARY_PROMPTS}
    for name, prompt in prompts.items():
        if prompt.sign is not None and prompt.sign not in seen:
            yield source.at(("diary", name, "sign"), f"no sign with id '{prompt.sign}'")
    # Read by people who may be frightened: the signs and the diary's prompts are held to
    # the same grade as steps.
    texts = {("signs",): [sign.text for sign in model.signs]}
    texts[("diary",)] = [" ".join(filter(None, (p.says, p.heading, p.do))) for p in prompts.values()]
    weeks = str(model.diary.better_within_weeks)
    if weeks not in model.diary.not_better.says:
        message = f"say the number of weeks ({weeks}), as better_within_weeks gives it"
        yield source.at(("diary", "not_better", "says"), message)
    for loc, lines in texts.items():
        value = grade(lines)
        if value > MAX_GRADE:
            message = f"reading grade {value} is above {MAX_GRADE:g}: use shorter sentences and words"
            yield source.at(loc, message)


def check_dose_sources(catalog: Catalog) -> Iterator[Problem]:
    """A dose cites a source that can give one: not a mechanics or cadaver study."""
    for source in catalog.exercises.values():
        reference = catalog.references.get(source.model.dose.source)
        if reference is not None and reference.model.type not in DOSE_SOURCE_TYPES:
            label = REFERENCE_TYPE_LABELS[reference.model.type].lower()
            yield source.at(
                ("dose", "source"),
                f"'{reference.model.id}' is a {label}, which gives no dose; cite a guideline, "
                "a trial, a patient leaflet or a textbook that states it",
            )


def check_floor_guide(catalog: Catalog) -> Iterator[Problem]:
    """Floor exercises link to the guide on getting down and up, so it must exist."""
    if safety.FLOOR_GUIDE in catalog.raw.get("guide", {}):
        return
    for source in catalog.exercises.values():
        if safety.on_floor(source.model):
            message = f"starts on the floor, so content/learn/{safety.FLOOR_GUIDE}.md must exist"
            yield source.at(("position",), message)


#: Words of urgent care. Serious signs and what to do about them come from the one list
#: (content/red-flags.yaml), so an exercise may not give its own version of either.
_URGENT = re.compile(r"\b(?:999|911|111|A&E|red.flags?|emergency)\b|\bnew (?:numbness|weakness)\b", re.I)


def check_urgent_lines(source: Source[Exercise]) -> Iterator[Problem]:
    """No stop rule or caution gives its own serious signs or urgency (the list does)."""
    rules = source.model.stop_rules
    fields: dict[Loc, list[str]] = {
        ("stop_rules", "ease_off"): rules.ease_off,
        ("stop_rules", "stop"): rules.stop,
        ("cautions",): source.model.cautions,
    }
    for loc, lines in fields.items():
        for i, line in enumerate(lines):
            if found := _URGENT.search(line):
                yield source.at(
                    (*loc, i),
                    f"'{found[0]}': serious signs and what to do about them come from {RED_FLAGS_FILE}, "
                    "and every page and sheet shows them; leave this to the list",
                )


def check_pictures(catalog: Catalog) -> Iterator[Problem]:
    """A guide's picture obeys the same pose rules as an exercise's figure."""
    for source in catalog.pictures.values():
        for loc, message in figure_problems(source.model.figure, still=True):
            yield source.at(("figure", *loc), message)


def check_figure(source: Source[Exercise]) -> Iterator[Problem]:
    """Pose data stays in normal joint ranges and the body rests on the floor or a prop."""
    holds = source.model.dose.hold_seconds is not None
    for loc, message in figure_problems(source.model.figure, holds=holds):
        yield source.at(("figure", *loc), message)


#: Characters of sheet text above which a printed sheet is unlikely to fit one page. Rough:
#: the figure and item count matter too (pelvic-clock fits with 2841), so this only warns;
#: tests/browser/test_print.py prints every sheet in Chromium and is the real guard.
SHEET_BUDGET = 2900


def check_sheet_length(source: Source[Exercise]) -> Iterator[Problem]:
    """Warn when an exercise's text is likely to spill its printed sheet onto a second page."""
    e = source.model
    lines = [*e.setup, *e.steps, e.bad_day, *e.feel, *e.stop_rules.ease_off, *e.stop_rules.stop, *e.cautions]
    size = sum(len(line) for line in lines)
    if size > SHEET_BUDGET:
        yield source.at(
            ("steps",),
            f"{size} characters of set-up, steps, feelings, stop rules and cautions; above "
            f"{SHEET_BUDGET} the printed sheet may not fit on one page",
            severity=Severity.WARNING,
        )


def check_references_cited(catalog: Catalog) -> Iterator[Problem]:
    """A reference nobody cites is probably a leftover (a warning, not an error)."""
    cited = {ref_id for _, _, ref_id, _ in all_refs(catalog, "reference")}
    for ref_id, source in catalog.references.items():
        if ref_id not in cited:
            yield source.at(("id",), "reference is not cited anywhere", severity=Severity.WARNING)


def check_glossary(catalog: Catalog) -> Iterator[Problem]:
    """Each glossary term appears once (case-insensitive)."""
    if catalog.glossary is None:
        return
    seen: set[str] = set()
    for i, entry in enumerate(catalog.glossary.model.terms):
        key = entry.term.casefold()
        if key in seen:
            yield catalog.glossary.at(("terms", i, "term"), f"duplicate term '{entry.term}'")
        seen.add(key)


def check_review_dates(catalog: Catalog, today: dt.date) -> Iterator[Problem]:
    """A page past its next-review date is a warning: the build goes on, the author is told."""
    for table in catalog.tables().values():
        for source in table.values():
            due = getattr(source.model, "next_review", None)
            if due is not None and due < today:
                yield source.at(
                    ("next_review",), f"review overdue since {due.isoformat()}", severity=Severity.WARNING
                )


#: Checks that look across files.
CHECKS: tuple[Callable[[Catalog], Iterable[Problem]], ...] = (
    check_ids,
    check_references_exist,
    check_variations,
    check_nerve_load,
    check_guide_markup,
    check_guide_markers,
    check_guide_grades,
    check_references_cited,
    check_glossary,
    check_red_flags,
    check_dose_sources,
    check_floor_guide,
    check_pictures,
)
#: Checks of one exercise on its own (its reading grades are checked with them).
EXERCISE_CHECKS: tuple[Callable[[Source[Exercise]], Iterable[Problem]], ...] = (
    check_targets_distinct,
    check_figure,
    check_sheet_length,
    check_urgent_lines,
)
