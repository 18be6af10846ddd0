"""Whole-corpus checks: ids, cross-references, symmetry, citations; every problem at once."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .load import Catalog, Source
from .models import ID_PATTERN, Anatomy, Exercise, Guide, Routine
from .problems import Problem, Severity

Loc = tuple[str | int, ...]
#: (where in the source, the id referred to, which table it must be in)
Ref = tuple[Loc, str, str]


def check_corpus(catalog: Catalog) -> list[Problem]:
    """Run every check over the loaded corpus and return all problems found."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(catalog))
    return problems


def _tables(catalog: Catalog) -> dict[str, dict[str, Source[Any]]]:
    return {
        "exercise": catalog.exercises,
        "anatomy": catalog.anatomy,
        "routine": catalog.routines,
        "reference": catalog.references,
        "guide": catalog.guides,
    }


def check_ids(catalog: Catalog) -> Iterator[Problem]:
    """The id inside each file equals its file name, and no id is used twice."""
    for kind, table in _tables(catalog).items():
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


def _exercise_refs(exercise: Exercise) -> Iterator[Ref]:
    for group in ("primary", "secondary"):
        for i, target in enumerate(getattr(exercise.targets, group)):
            yield ("targets", group, i), target, "anatomy"
    for group in ("easier", "harder"):
        for i, other in enumerate(getattr(exercise, group)):
            yield (group, i), other, "exercise"
    yield ("dose", "source"), exercise.dose.source, "reference"
    yield from _list_refs("sources", exercise.sources, "reference")


def _anatomy_refs(anatomy: Anatomy) -> Iterator[Ref]:
    yield from _list_refs("related", anatomy.related, "anatomy")
    yield from _list_refs("sources", anatomy.sources, "reference")


def _routine_refs(routine: Routine) -> Iterator[Ref]:
    for i, item in enumerate(routine.items):
        yield ("items", i, "exercise"), item.exercise, "exercise"
    yield from _list_refs("sources", routine.sources, "reference")


def _guide_refs(guide: Guide) -> Iterator[Ref]:
    yield from _list_refs("sources", guide.sources, "reference")
    yield from _list_refs("exercises", guide.exercises, "exercise")


def _list_refs(name: str, ids: Iterable[str], kind: str) -> Iterator[Ref]:
    for i, ref_id in enumerate(ids):
        yield (name, i), ref_id, kind


#: Which references each kind of source makes; a lookup table instead of an elif ladder.
REFS: dict[str, Callable[[Any], Iterator[Ref]]] = {
    "exercise": _exercise_refs,
    "anatomy": _anatomy_refs,
    "routine": _routine_refs,
    "guide": _guide_refs,
}


def all_refs(catalog: Catalog) -> Iterator[tuple[Source[Any], Loc, str, str]]:
    """Every cross-reference in the corpus, with the source that makes it."""
    tables = _tables(catalog)
    for kind, refs_of in REFS.items():
        for source in tables[kind].values():
            for loc, ref_id, target_kind in refs_of(source.model):
                yield source, loc, ref_id, target_kind


def check_references_exist(catalog: Catalog) -> Iterator[Problem]:
    """Every referenced id exists in the table it points to."""
    tables = _tables(catalog)
    for source, loc, ref_id, target_kind in all_refs(catalog):
        known = ref_id in tables[target_kind] or ref_id in catalog.broken.get(target_kind, ())
        if not known:
            yield source.at(loc, f"no {target_kind} with id '{ref_id}'")


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


def check_targets_distinct(catalog: Catalog) -> Iterator[Problem]:
    """A structure is either a primary or a secondary target, not both."""
    for source in catalog.exercises.values():
        primary = set(source.model.targets.primary)
        for i, target in enumerate(source.model.targets.secondary):
            if target in primary:
                yield source.at(("targets", "secondary", i), f"'{target}' is already primary")


def check_references_cited(catalog: Catalog) -> Iterator[Problem]:
    """A reference nobody cites is probably a leftover (a warning, not an error)."""
    cited = {ref_id for _, _, ref_id, kind in all_refs(catalog) if kind == "reference"}
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


CHECKS: tuple[Callable[[Catalog], Iterable[Problem]], ...] = (
    check_ids,
    check_references_exist,
    check_variations,
    check_targets_distinct,
    check_references_cited,
    check_glossary,
)
