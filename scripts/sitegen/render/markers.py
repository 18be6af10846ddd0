"""Guide markers: `[[red-flags:emergency]]`, `[[urgency:same-day]]`, `[[sign:ID]]`, drawn from data.

A guide that tells readers what to do about a serious sign takes the words and the urgency
from content/red-flags.yaml through these markers, so no guide can disagree with the list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markupsafe import Markup

from sitegen.content.models import RedFlags, Urgency
from sitegen.render.text import md_text

#: `[[kind:argument]]`; the argument is an id or an urgency.
MARKER = re.compile(r"\[\[([a-z-]+):([a-z0-9-]*)\]\]")
#: Markers that stand on a line of their own (they expand to a block).
BLOCK_KINDS = frozenset({"red-flags", "figure"})


@dataclass(frozen=True)
class MarkerProblem:
    """A marker that names nothing, where it stands in the body."""

    offset: int  # line offset in the body (0 = first line)
    column: int  # 1-based
    message: str


def marker_problems(body: str, red_flags: RedFlags | None, figures: set[str]) -> Iterator[MarkerProblem]:
    """Every marker in a guide body that is unknown, misplaced or names no such thing."""
    for offset, line in enumerate(body.split("\n")):
        for match in MARKER.finditer(line):
            kind, argument = match.groups()
            column = match.start() + 1
            if kind not in _CHECKS:
                known = ", ".join(f"[[{k}:...]]" for k in _CHECKS)
                yield MarkerProblem(offset, column, f"unknown marker '{match[0]}'; use one of {known}")
                continue
            if kind in BLOCK_KINDS and line.strip() != match[0]:
                yield MarkerProblem(offset, column, f"'{match[0]}' must stand on a line of its own")
            message = _CHECKS[kind](argument, red_flags, figures)
            if message is not None:
                yield MarkerProblem(offset, column, message)
        leftover = MARKER.sub("", line)
        if "[[" in leftover:
            yield MarkerProblem(offset, leftover.index("[[") + 1, "'[[' starts no marker; write [[kind:id]]")


def _urgency_problem(argument: str, *_: object) -> str | None:
    if argument in set(Urgency):
        return None
    return f"no urgency '{argument}'; use one of: {', '.join(Urgency)}"


def _sign_problem(argument: str, red_flags: RedFlags | None, _: object) -> str | None:
    if red_flags is None or red_flags.sign(argument) is not None:
        return None
    return f"no sign '{argument}' in content/red-flags.yaml"


def _figure_problem(argument: str, _: object, figures: set[str]) -> str | None:
    return None if argument in figures else f"no figure '{argument}' in content/figures/"


#: Each marker kind and how its argument is checked.
_CHECKS: dict[str, Callable[[str, RedFlags | None, set[str]], str | None]] = {
    "red-flags": _urgency_problem,
    "urgency": _urgency_problem,
    "sign": _sign_problem,
    "figure": _figure_problem,
}


def expand(body: str, red_flags: RedFlags, figures: dict[str, Markup]) -> str:
    """The guide body with every marker replaced by its Markdown (checked beforehand).

    A block marker keeps its line's indent on every line it becomes, so it works inside an
    admonition.
    """

    def replace(match: re.Match[str]) -> str:
        kind, argument = match.groups()
        return _EXPAND[kind](argument, red_flags, figures)

    lines = []
    for line in body.split("\n"):
        block = MARKER.fullmatch(line.strip())
        if block and block[1] in BLOCK_KINDS:
            indent = line[: len(line) - len(line.lstrip())]
            lines += [indent + part if part else part for part in replace(block).split("\n")]
        else:
            lines.append(MARKER.sub(replace, line))
    return "\n".join(lines)


def _sign_list(argument: str, red_flags: RedFlags, _: object) -> str:
    signs = red_flags.signs_of(Urgency(argument))
    return "\n".join(f"- {md_text(sign.text)}" for sign in signs)


def _urgency_text(argument: str, red_flags: RedFlags, _: object) -> str:
    return str(md_text(red_flags.advice(Urgency(argument)).action))


def _sign_text(argument: str, red_flags: RedFlags, _: object) -> str:
    sign = red_flags.sign(argument)
    assert sign is not None  # checked before rendering
    return str(md_text(f"{sign.text} {red_flags.advice(sign.urgency).action}"))


def _figure(argument: str, _: object, figures: dict[str, Markup]) -> str:
    return str(figures[argument])


#: Each marker kind and what it becomes.
_EXPAND: dict[str, Callable[[str, RedFlags, dict[str, Markup]], str]] = {
    "red-flags": _sign_list,
    "urgency": _urgency_text,
    "sign": _sign_text,
    "figure": _figure,
}
