"""Safe YAML parsing that keeps node positions, so every error can name its line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import yaml

# The C loader is about 4x faster on large corpora; fall back when it is not compiled in.
_CLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_CLoader):  # type: ignore[valid-type,misc]
    """The safe loader, except that dates stay text for the models to read.

    PyYAML turns 2026-13-45 into a crash (ValueError, no position); as text, the model
    reports it at its field with the line, like any other bad value.
    """

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in _CLoader.yaml_implicit_resolvers.items()
    }


#: PyYAML's wording for the mistakes authors make most, said in words an author knows.
#: Keyed by the start of PyYAML's own message; anything else keeps PyYAML's words.
_PLAIN_WORDS = {
    "found character": "a value cannot start with this character; put the text in quotes",
    "mapping values are not allowed": (
        "a ':' where YAML did not expect one; put text that holds ': ' in quotes, or fix the indenting"
    ),
    "could not find expected ':'": "a line is missing its 'field:' or is indented wrongly",
    "found undefined alias": "'*' starts an alias, which content may not use; put the text in quotes",
    "found unknown escape character": "a backslash escape YAML does not know; use single quotes",
    "expected <block end>, but found": "the indenting is uneven here; line up fields at the same level",
    "did not find expected key": "the indenting is uneven here; line up fields at the same level",
    "did not find expected '-' indicator": "a list item is indented differently from the others",
    "could not determine a constructor for the tag": "YAML tags (such as '!!python/...') are not allowed",
    "did not find expected ',' or ']'": "this '[' list is not closed with ']'",
    "did not find expected ',' or '}'": "this '{' mapping is not closed with '}'",
    "found unexpected end of stream": "this quote is not closed",
}
#: Faults PyYAML notices only later; they are reported where the unclosed thing opened.
_AT_CONTEXT = ("did not find expected ',' or", "found unexpected end of stream")
#: Said instead when the character at the fault is a tab, whatever PyYAML called it.
_TAB_WORDS = "a tab is used for indenting; YAML needs spaces (use 2 spaces per level)"


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
        node = yaml.compose(text, Loader=_Loader)
        if node is None:
            return Parsed(None, None, line_offset)
        _refuse_aliases_and_duplicates(node, line_offset)
        # Safe construction: unknown tags such as !!python/object raise, never run.
        data = _Loader("").construct_document(node)
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or "unreadable"
        at_context = exc.context_mark is not None and problem.startswith(_AT_CONTEXT)
        mark = exc.context_mark if at_context else exc.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
        message = _TAB_WORDS if tab else _plain(problem)
        raise YamlSourceError(f"invalid YAML: {message}", line + line_offset, column) from None
    except yaml.reader.ReaderError as exc:
        # Raised before any parsing, with a character offset rather than a mark.
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        message = f"the file holds a control character (#x{exc.character:04X}) that text may not contain"
        raise YamlSourceError(message, line + line_offset, column) from None
    return Parsed(data, node, line_offset)


def _plain(problem: str) -> str:
    """PyYAML's message, in plain words where we know them."""
    for start, words in _PLAIN_WORDS.items():
        if problem.startswith(start):
            return words
    return problem


def _refuse_aliases_and_duplicates(root: yaml.Node, line_offset: int) -> None:
    """Walk the node tree once: a node seen twice is an alias; a repeated key is a mistake."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        # Composing never expands an alias (both places share one node), so a node seen
        # twice is an alias, found before any exponential "billion laughs" expansion.
        if id(node) in seen:
            raise _error(
                "anchors (&) and aliases (*) are not allowed in content; write each value out",
                node,
                line_offset,
            )
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys:
                        first = keys[key.value] + line_offset
                        message = f"duplicate key '{key.value}' (first at line {first}); keep one"
                        raise _error(message, key, line_offset)
                    keys[key.value] = key.start_mark.line + 1
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
