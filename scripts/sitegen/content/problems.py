"""Problems found in the sources, reported as `path:line:column: field: message`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """Errors fail the build; warnings are printed and let it pass."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place in one source file."""

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {prefix}{self.message}"


def field_name(loc: tuple[str | int, ...]) -> str:
    """Render a pydantic-style location as a dotted field path, e.g. `steps[2]`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(document)"


class CorpusError(Exception):
    """Raised when the corpus has errors; carries every problem found."""

    def __init__(self, problems: list[Problem], details: str = "") -> None:
        self.problems = sorted(problems)
        #: Context printed before the problems (e.g. the readability table).
        self.details = details
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        super().__init__(f"{len(errors)} error(s) in the sources")

    def report(self) -> str:
        """All problems, one per line, then a count."""
        lines = [self.details] if self.details else []
        lines += [str(p) for p in self.problems]
        lines.append(str(self))
        return "\n".join(lines)
