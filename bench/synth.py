"""Make a synthetic project of N valid exercises from the real ones.

Copy k of exercise `bridge` gets the id `bridge-k` (copy 0 keeps the real ids, so the real
routines and guides still resolve) and the name "Bridge k"; its easier/harder links point
into the same copy, so they stay symmetric. Tensioners come last in each copy, after the
sliders they need as easier steps. Links to an exercise a partial copy lacks are dropped.
Below 19 exercises, copy 0 itself is partial: the exercises the home page's routine and
the guides' text name come first, and what still points at a missing exercise is stripped
(routine items, guide `exercises:` entries, guide links, which become plain text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .project import copy_skeleton

EXERCISES = "exercises"
ROUTINES = "content/routines"
GUIDES = "content/learn"
#: The routine the home page links to; its exercises are kept first in a small library.
START_ROUTINE = "gentle-start"
#: A Markdown link from a guide to a generated page, e.g. [tilts](../exercises/pelvic-tilts.md#steps).
_LINK = re.compile(r"\[([^\]]+)\]\(\.\./(exercises|routines)/([a-z0-9-]+)\.md(?:#[^)]*)?\)")
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class RealExercise:
    """A real exercise file: its schema hint line and its data."""

    hint: str
    data: dict[str, Any]


def load_yaml(path: Path) -> tuple[str, dict[str, Any]]:
    """The first line (the editor's schema hint) and the data of a YAML file."""
    text = path.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_Loader)
    assert isinstance(data, dict), path
    return text.split("\n", 1)[0], data


def dump_yaml(path: Path, hint: str, data: dict[str, Any]) -> None:
    """Write data as YAML behind its schema hint line."""
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(f"{hint}\n{body}", encoding="utf-8", newline="\n")


def real_exercises(src: Path) -> dict[str, RealExercise]:
    """The real exercises in the order copies take them (see the module docstring)."""
    found = {}
    for path in sorted((src / EXERCISES).glob("*.yaml")):
        hint, data = load_yaml(path)
        found[path.stem] = RealExercise(hint, data)
    first = _start_ids(src) + _linked_ids(src)
    order = list(dict.fromkeys([*[i for i in first if i in found], *found]))
    order.sort(key=lambda i: found[i].data.get("nerve_load") == "tensioner")  # stable
    return {i: found[i] for i in order}


def _start_ids(src: Path) -> list[str]:
    _, routine = load_yaml(src / ROUTINES / f"{START_ROUTINE}.yaml")
    return [str(item["exercise"]) for item in routine["items"]]


def _linked_ids(src: Path) -> list[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((src / GUIDES).glob("*.md")))
    return [page for _, kind, page in _LINK.findall(text) if kind == "exercises"]


def plan(real: list[str], n: int) -> list[tuple[int, str]]:
    """(copy number, real id) of each of the n synthetic exercises."""
    return [(i // len(real), real[i % len(real)]) for i in range(n)]


def copy_id(real_id: str, k: int) -> str:
    """The id of copy k of a real exercise (copy 0 keeps the real id)."""
    return real_id if k == 0 else f"{real_id}-{k}"


#: Text that copies must not share. The build does some work once per distinct string
#: (escaping, reading grades), so identical copies would flatter it: a real library of
#: 1,000 exercises repeats few sentences.
DISTINCT_TEXT = ("summary", "breathing", "setup", "steps", "feel", "mistakes", "cautions", "keywords")
DISTINCT_STOP_RULES = ("ease_off", "stop")


def _marked(value: Any, k: int) -> Any:
    """A text or list of texts with copy k's mark: one short sentence more."""
    if isinstance(value, list):
        return [_marked(item, k) for item in value]
    return f"{value.rstrip('.')}. Copy {k}."


def synthetic(real: RealExercise, k: int, kept: set[str]) -> dict[str, Any]:
    """Copy k of a real exercise, its variations remapped into the same copy."""
    data = dict(real.data)
    data["id"] = copy_id(str(data["id"]), k)
    if k:
        data["name"] = f"{data['name']} {k}"
        data.update({name: _marked(data[name], k) for name in DISTINCT_TEXT if name in data})
        rules = data["stop_rules"]
        data["stop_rules"] = {**rules, **{name: _marked(rules[name], k) for name in DISTINCT_STOP_RULES}}
    for group in ("easier", "harder"):
        links = [copy_id(other, k) for other in data.get(group, [])]
        data[group] = [other for other in links if other in kept]
    return data


def make_project(src: Path, dest: Path, n: int) -> list[str]:
    """Write a project of n exercises into dest; return the exercise ids."""
    copy_skeleton(src, dest)
    real = real_exercises(src)
    planned = plan(list(real), n)
    kept = {copy_id(real_id, k) for k, real_id in planned}
    folder = dest / EXERCISES
    folder.mkdir()
    for k, real_id in planned:
        data = synthetic(real[real_id], k, kept)
        dump_yaml(folder / f"{data['id']}.yaml", real[real_id].hint, data)
    if n < len(real):
        routines = _prune_routines(dest, kept)
        _prune_guides(dest, kept, routines)
    return sorted(kept)


def _prune_routines(dest: Path, kept: set[str]) -> set[str]:
    """Drop routine items naming missing exercises, and routines left empty; return the rest."""
    remaining = set()
    for path in sorted((dest / ROUTINES).glob("*.yaml")):
        hint, data = load_yaml(path)
        items = [item for item in data["items"] if item["exercise"] in kept]
        if not items:
            path.unlink()
            continue
        remaining.add(path.stem)
        if items != data["items"]:
            dump_yaml(path, hint, {**data, "items": items})
    return remaining


def _prune_guides(dest: Path, kept: set[str], routines: set[str]) -> None:
    """Drop guide entries and links naming missing exercises or routines."""
    existing = {"exercises": kept, "routines": routines}

    def unlink(match: re.Match[str]) -> str:
        text, kind, page = match.groups()
        return match.group(0) if page in existing[kind] or page == "index" else text

    for path in sorted((dest / GUIDES).glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        data = yaml.load(front, Loader=_Loader)
        data["exercises"] = [i for i in data.get("exercises", []) if i in kept]
        front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        path.write_text(f"---\n{front}---\n{_LINK.sub(unlink, body)}", encoding="utf-8", newline="\n")
