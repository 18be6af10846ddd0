"""Safe YAML parsing that keeps node positions, so every error can name its line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

# The C loader is about 4x faster on large corpora; fall back when it is not compiled in.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlSourceError(ValueError):
    """A YAML document that cannot be read, with the 1-based position of the fault."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True)
class Parsed:
    """A parsed document: plain data plus the node tree it came from."""

    data: Any
    node: yaml.Node | None
    line_offset: int = 0

    def position(self, loc: Sequence[str | int]) -> tuple[int, int]:
        """Return the 1-based (line, column) of the deepest node `loc` reaches."""
        node = self.node
        if node is None:
            return 1 + self.line_offset, 1
        mark = node.start_mark
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node, mark = child
        return mark.line + 1 + self.line_offset, mark.column + 1


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node, yaml.Mark] | None:
    """Step one level down; for a mapping key, point at the key so unknown fields show."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                # Scalars are reported at the value, containers at their key.
                mark = value.start_mark if isinstance(value, yaml.ScalarNode) else key.start_mark
                return value, mark
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        item = node.value[part]
        return item, item.start_mark
    return None


def parse(text: str, line_offset: int = 0) -> Parsed:
    """Parse one YAML document safely; refuse aliases and duplicate keys."""
    try:
        node = yaml.compose(text, Loader=_BaseLoader)
        if node is None:
            return Parsed(None, None, line_offset)
        _refuse_aliases_and_duplicates(node, line_offset)
        # Safe construction: unknown tags such as !!python/object raise, never run.
        data = _BaseLoader("").construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlSourceError(f"invalid YAML: {exc.problem}", line + line_offset, column) from None
    return Parsed(data, node, line_offset)


def _refuse_aliases_and_duplicates(root: yaml.Node, line_offset: int) -> None:
    """Walk the node tree once: a node seen twice is an alias; a repeated key is a mistake."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise _error("anchors and aliases are not allowed in content", node, line_offset)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys:
                        raise _error(f"duplicate key '{key.value}'", key, line_offset)
                    keys.add(key.value)
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _error(message: str, node: yaml.Node, line_offset: int) -> YamlSourceError:
    mark = node.start_mark
    return YamlSourceError(message, mark.line + 1 + line_offset, mark.column + 1)


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split '---' front matter from a Markdown body; return (yaml, body, body_first_line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise YamlSourceError("a guide must start with '---' front matter", 1, 1)
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise YamlSourceError("front matter is not closed with '---'", 1, 1)
